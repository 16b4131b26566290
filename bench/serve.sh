#!/bin/bash
# Edit latencies of `chuxin serve` beside `hugo server` (issue 11 §10), in
# one run: body edit, title edit, new file, touched file, each EDITS times
# (default 20; the table shows median, min and max), at each N.
#
#   bench/serve.sh 1000 10000
#
# Environment: CHUXIN (default build/src/cli/chuxin of this checkout),
# EDITS, TOOLS ("chuxin hugo"), SEED (default 20240701). Corpora go to
# bench/.work/serve-corpus-N/ (git-ignored); rows are appended to
# bench/.work/serve-results.tsv with the date and the chuxin commit.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$HERE/.work
SEED=${SEED:-20240701}
export CHUXIN=${CHUXIN:-$HERE/../build/src/cli/chuxin}
[ $# -ge 1 ] || { echo "usage: $0 N [N ...]" >&2; exit 2; }
command -v hugo > /dev/null || apt-get install -y -qq hugo > /dev/null
mkdir -p "$WORK"
commit=$(git -C "$HERE/.." rev-parse --short HEAD)
for n in "$@"; do
    dir=$WORK/serve-corpus-$n
    [ -d "$dir/chuxin" ] || /usr/bin/python3 "$HERE/gen_corpus.py" --pages "$n" --seed "$SEED" --out "$dir/chuxin" --hugo "$dir/hugo"
    echo "N = $n (chuxin $commit, $(hugo version | awk '{print $2}'))"
    printf 'tool\tkind\tedits\tmedian ms\tmin\tmax\tnote\n'
    /usr/bin/python3 "$HERE/serve_bench.py" "$dir" | tee -a >(sed "s/^/$(date -u +%F)\t$commit\t$n\t/" >> "$WORK/serve-results.tsv")
done
