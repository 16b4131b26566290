#!/usr/bin/env bash
# The .deb as a user gets it: cpack makes it, lintian finds no error, dpkg
# installs it (apt-get -f install brings what Depends names), the installed
# chuxin makes a starter site and builds it (portal + handbook PDF), its man
# page and completion are where Debian looks, and the package is removed
# again. Fails — never skips — when a tool is missing.
#   package_test.sh BUILD_DIR
set -euo pipefail
build_dir=$1
for tool in cpack dpkg dpkg-deb lintian apt-get; do
  command -v "$tool" > /dev/null || { echo "FAIL: $tool is missing (bash .ci/test installs it)"; exit 1; }
done
[ "$(id -u)" -eq 0 ] || { echo "FAIL: installing a package needs root"; exit 1; }
if dpkg-query -W -f='${Status}' chuxin 2> /dev/null | grep -q "install ok installed"; then
  echo "FAIL: a chuxin package is installed already; this test would remove it"; exit 1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/chuxin-package-XXXXXX")
cleanup() {
  dpkg -r chuxin > /dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

(cd "$work" && cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work/out" > "$work/cpack.log") ||
  { cat "$work/cpack.log"; echo "FAIL: cpack"; exit 1; }
deb=$(ls "$work"/out/chuxin_*_amd64.deb)
echo "package: $(basename "$deb") ($(stat -c %s "$deb") bytes)"
case "$(basename "$deb")" in chuxin_[0-9]*.[0-9]*.[0-9]*_amd64.deb) ;; *) echo "FAIL: package name"; exit 1 ;; esac

# Lowercase name, no maintainer scripts (nothing changes the system), the
# dependencies filled by dpkg-shlibdeps.
dpkg-deb -f "$deb" Package | grep -qx chuxin || { echo "FAIL: Package is not 'chuxin'"; exit 1; }
dpkg-deb -f "$deb" Depends | grep -q "libcmark-gfm" || { echo "FAIL: Depends not filled"; exit 1; }
if dpkg-deb -e "$deb" "$work/control" && ls "$work/control" | grep -qE '^(pre|post)(inst|rm)$'; then
  echo "FAIL: the package has maintainer scripts"; exit 1
fi
files=$(dpkg-deb -c "$deb" | awk '{print $6}')
for f in ./usr/bin/chuxin ./usr/share/man/man1/chuxin.1.gz ./usr/share/bash-completion/completions/chuxin \
         ./usr/share/doc/chuxin/copyright ./usr/share/doc/chuxin/changelog.gz ./usr/share/doc/chuxin/content-format.md; do
  grep -qx "$f" <<< "$files" || { echo "FAIL: $f is not in the package"; exit 1; }
done
grep -v '^\./usr/' <<< "$files" | grep -v '^\./$' && { echo "FAIL: files outside /usr"; exit 1; }

lintian_status=0
lintian --fail-on error --tag-display-limit 0 "$deb" > "$work/lintian.log" 2>&1 || lintian_status=$?
grep -v "running with root privileges" "$work/lintian.log" || true
[ "$lintian_status" -eq 0 ] || { echo "FAIL: lintian reports errors"; exit 1; }

export DEBIAN_FRONTEND=noninteractive
dpkg -i "$deb" > "$work/dpkg.log" 2>&1 || apt-get -f install -y -qq > "$work/apt.log" 2>&1 ||
  { cat "$work/dpkg.log" "$work/apt.log"; echo "FAIL: install"; exit 1; }
dpkg-query -W -f='${Status}' chuxin | grep -q "install ok installed" || { echo "FAIL: not installed"; exit 1; }

/usr/bin/chuxin --version
(cd "$work" && /usr/bin/chuxin new site mysite > /dev/null 2>&1) || { echo "FAIL: chuxin new site"; exit 1; }
# The starter site has no handbook: add one from its archetype.
(cd "$work/mysite" && /usr/bin/chuxin new handbook handbooks/shouce > /dev/null 2>&1) ||
  { echo "FAIL: chuxin new handbook"; exit 1; }
(cd "$work/mysite" && /usr/bin/chuxin build > "$work/build.log" 2>&1) || { cat "$work/build.log"; echo "FAIL: chuxin build"; exit 1; }
[ -s "$work/mysite/public/index.html" ] || { echo "FAIL: no portal"; exit 1; }
ls "$work"/mysite/public/handbooks/*.pdf > /dev/null 2>&1 || { echo "FAIL: no handbook PDF"; exit 1; }
zcat /usr/share/man/man1/chuxin.1.gz | grep -q '^\.SS chuxin build' || { echo "FAIL: man page lacks build"; exit 1; }
grep -q -- '--force' /usr/share/bash-completion/completions/chuxin || { echo "FAIL: completion lacks --force"; exit 1; }

dpkg -r chuxin > /dev/null
[ ! -e /usr/bin/chuxin ] || { echo "FAIL: /usr/bin/chuxin left after removal"; exit 1; }
echo "package test: ok"
