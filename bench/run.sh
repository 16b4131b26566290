#!/bin/bash
# Cold builds of the bench corpus with chuxin and Hugo: wall time, CPU, peak RSS, output.
#
#   bench/run.sh N [N ...]          e.g. bench/run.sh 1000 10000
#
# Environment:
#   CHUXIN   chuxin binary (default /work/main/build/src/cli/chuxin)
#   TOOLS    which tools to run, in order (default "chuxin hugo"; also "cmark":
#            the Markdown floor, cmark-gfm over all bodies in one process)
#   REPS     runs per tool and N (default 1; the table shows min and median)
#   SEED     corpus seed (default 20240701, as in peers.md)
#   AS_OF    chuxin --as-of date (default 2026-07-01: reproducible statuses)
#
# Corpora are cached in bench/.work/corpus-N/ (regenerated when the generator
# changes). Each run gets a fresh output folder (and a fresh Hugo cache dir) and
# is preceded by `sync`, so "cold" = new process, empty output, warm page cache.
# Raw rows go to bench/.work/results.tsv (appended); the table is printed.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$HERE/.work
PY=/usr/bin/python3
CHUXIN=${CHUXIN:-/work/main/build/src/cli/chuxin}
TOOLS=${TOOLS:-"chuxin hugo"}
REPS=${REPS:-1}
SEED=${SEED:-20240701}
AS_OF=${AS_OF:-2026-07-01}
[ $# -ge 1 ] || { echo "usage: $0 N [N ...]" >&2; exit 2; }
mkdir -p "$WORK"
[[ " $TOOLS " == *" chuxin "* ]] && [ ! -x "$CHUXIN" ] && { echo "no chuxin binary at $CHUXIN (set CHUXIN=...)" >&2; exit 2; }

if [[ " $TOOLS " == *" hugo "* ]] && ! command -v hugo >/dev/null; then
    apt-get install -y -qq hugo >/dev/null
fi

gen_stamp=$(cat "$HERE/gen_corpus.py" "$HERE/corpus_text.py" "$HERE/hugo_site.py" | sha1sum | cut -c1-12)

# corpus N -> $WORK/corpus-N/{chuxin,hugo}
corpus() {
    local n=$1 dir=$WORK/corpus-$1
    if [ "$(cat "$dir/stamp" 2>/dev/null)" != "$gen_stamp-$SEED" ]; then
        rm -rf "$dir"
        $PY "$HERE/gen_corpus.py" --pages "$n" --seed "$SEED" --out "$dir/chuxin" --hugo "$dir/hugo"
        # bodies only, for the cmark-gfm floor (one process over all pages, as in peers.md)
        find "$dir/chuxin/content" -name '*.md' ! -name _index.md -print0 | sort -z |
            xargs -0 awk 'FNR == 1 {fm = 0} /^---$/ && fm < 2 {fm++; next} fm >= 2' > "$dir/bodies.md"
        echo "$gen_stamp-$SEED" > "$dir/stamp"
    fi
}

tool_version() {
    case $1 in
        hugo) hugo version | awk '{print $2}' ;;
        cmark) cmark-gfm --version | awk 'NR == 1 {print $2}' ;;
        chuxin) "$CHUXIN" --version 2>/dev/null | head -1 || echo "git-$(git -C "$HERE/.." rev-parse --short HEAD)" ;;
    esac
}

# one cold build; appends a row to results.tsv
measure() {
    local tool=$1 n=$2 rep=$3
    local site out log tf status=ok
    out=$WORK/out-$tool-$n
    log=$WORK/log-$tool-$n.txt
    tf=$WORK/time-$tool-$n.txt
    # Move the last run's output aside rather than deleting it here: ext4
    # (without a journal, as here) skips inodes freed in the last minutes when
    # it allocates new ones, so a fresh delete makes the next build's file
    # creation several times slower in the kernel (bench/RESULTS.md). The
    # trash is emptied when all runs are done.
    mkdir -p "$WORK/trash"
    [ -e "$out" ] && mv "$out" "$WORK/trash/out-$tool-$n-$(date +%s%N)"
    rm -rf "$out.cache"
    sync
    local load1
    load1=$(cut -d' ' -f1 /proc/loadavg)
    case $tool in
        hugo)
            site=$WORK/corpus-$n/hugo
            /usr/bin/time -v -o "$tf" hugo --quiet -s "$site" -d "$out" --cacheDir "$out.cache" >"$log" 2>&1 || status=FAILED ;;
        cmark)  # the Markdown floor: cmark-gfm, one process over all bodies, to one file
            mkdir -p "$out"
            /usr/bin/time -v -o "$tf" cmark-gfm -e table -e tasklist -e strikethrough -e autolink -e footnotes \
                "$WORK/corpus-$n/bodies.md" >"$out/all.html" 2>"$log" || status=FAILED ;;
        chuxin)
            site=$WORK/corpus-$n/chuxin
            /usr/bin/time -v -o "$tf" "$CHUXIN" build --source "$site" --output "$out" --as-of "$AS_OF" \
                >"$log" 2>&1 || status=FAILED ;;
    esac
    local wall cpu rss files bytes
    wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); s=0; for(i=1;i<=n;i++) s=s*60+a[i]; print s}' "$tf")
    cpu=$(awk -F': ' '/User time|System time/ {s+=$2} END {printf "%.2f", s}' "$tf")
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$tf")
    files=$(find "$out" -type f 2>/dev/null | wc -l)
    bytes=$(find "$out" -type f -printf '%s\n' 2>/dev/null | awk '{s+=$1} END {print s+0}')
    if [ "$status" = FAILED ]; then
        echo "!! $tool N=$n failed; first lines of $log:" >&2
        head -20 "$log" >&2
    fi
    printf '%s\t%s\t%s\t%s\t%d\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' \
        "$(date -u +%FT%TZ)" "$tool" "$(tool_version "$tool")" "$n" "$rep" \
        "$wall" "$cpu" "$rss" "$files" "${bytes:-0}" "$load1" "$status" >> "$WORK/results.tsv"
    rm -rf "$out.cache"
}

[ -f "$WORK/results.tsv" ] || printf 'when\ttool\tversion\tN\trep\twall_s\tcpu_s\trss_kb\tout_files\tout_bytes\tload1\tstatus\n' > "$WORK/results.tsv"
start_line=$(wc -l < "$WORK/results.tsv")
for n in "$@"; do
    corpus "$n"
    for rep in $(seq 1 "$REPS"); do
        for tool in $TOOLS; do
            measure "$tool" "$n" "$rep"
        done
    done
done
# this invocation's rows only
{ head -1 "$WORK/results.tsv"; tail -n +"$((start_line + 1))" "$WORK/results.tsv"; } | $PY "$HERE/summarize.py"
# Emptied last, so no build above runs right after a large delete.
rm -rf "$WORK/trash"
