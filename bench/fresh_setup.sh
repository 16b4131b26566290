#!/bin/bash
# The README's two set-up commands on a fresh Debian 12, timed: a minimal
# bookworm made by debootstrap in a folder, entered with chroot, a clone of
# this repository inside it. Needs root, debootstrap and the network to the
# Debian mirror (and to the npm registry, for the second command).
#
#   bench/fresh_setup.sh [FOLDER]     default: bench/.work/fresh
#
# Prints the wall time of each command; the logs are FOLDER/setup.log and
# FOLDER/test.log. The folder is removed first: every run starts fresh.
# NICE (default 0) runs both commands at that niceness, e.g. NICE=-19 to
# measure beside other work on the machine.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
DIR=${1:-$HERE/.work/fresh}
ROOT=$DIR/root
MIRROR=${MIRROR:-http://deb.debian.org/debian}
NICE=${NICE:-0}

unmount() {
    for m in sys dev proc; do
        mountpoint -q "$ROOT/$m" && umount -R "$ROOT/$m"
    done
    return 0
}
trap unmount EXIT
[ -d "$ROOT" ] && unmount
rm -rf "$DIR"
mkdir -p "$DIR"

debootstrap --variant=minbase bookworm "$ROOT" "$MIRROR" > "$DIR/debootstrap.log"
cp /etc/resolv.conf "$ROOT/etc/"
# The machine's own certificate authorities (a proxy's, if the network has
# one), so that apt and npm inside reach what they reach outside.
cp /etc/ssl/certs/ca-certificates.crt "$ROOT/etc/ssl/certs/" 2>/dev/null || true
mount -t proc proc "$ROOT/proc"
mount --rbind /dev "$ROOT/dev"
mount -t sysfs sys "$ROOT/sys"
git clone -q "$HERE/.." "$ROOT/root/chuxin"

run() {  # run NAME: one set-up command inside, timed
    local start end
    start=$(date +%s.%N)
    nice -n "$NICE" chroot "$ROOT" env NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt \
        bash -c "cd /root/chuxin && bash .ci/$1" > "$DIR/$1.log" 2>&1
    end=$(date +%s.%N)
    printf '%-6s %6.1f s\n' "$1" "$(echo "$end - $start" | bc)"
}
echo "fresh Debian 12: $(chroot "$ROOT" dpkg-query -W | wc -l) packages before set-up, $(nproc) cores"
run setup
run test
tail -3 "$DIR/test.log"
