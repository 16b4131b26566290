#!/bin/bash
# The search index at N pages of the bench corpus: its size on disk, the
# time and memory it adds to a build, and per query the bytes a first query
# loads, the time to answer, the recall and the wrong results
# (bench/search_queries.cjs); then the cost of updating the index for one
# page's edit (test_search "[bench]", when that test binary is built).
#
#   bench/search.sh N [N ...]        e.g. bench/search.sh 1000 10000
#
# Environment: CHUXIN (binary, default build/src/cli/chuxin of this tree),
# TEST_SEARCH (default build/tests/search/test_search next to it),
# SEED (corpus seed, default 1), AS_OF (default 2026-07-01).
# Each build runs twice with search on and twice with `search: false` in a
# copy of site.yaml; the table shows the faster run of each.
# Pagefind is not run here: its figures (1.6.0, N = 10000) are
# shared/research/peers.md's, quoted in bench/RESULTS.md.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$HERE/.work
CHUXIN=${CHUXIN:-$HERE/../build/src/cli/chuxin}
TEST_SEARCH=${TEST_SEARCH:-$(dirname "$CHUXIN")/../../tests/search/test_search}
SEED=${SEED:-1}
AS_OF=${AS_OF:-2026-07-01}
QUERIES=(民主生活会 批评与自我批评 三会一课 乡村振兴 巡视整改 学习书目 议记 每個月都 "主题党日 廉洁" 2025 量子计算机
         要求各小组在月底前 。会议)
[ $# -ge 1 ] || { echo "usage: $0 N [N ...]" >&2; exit 2; }
[ -x "$CHUXIN" ] || { echo "no chuxin binary at $CHUXIN (set CHUXIN=...)" >&2; exit 2; }
mkdir -p "$WORK"

build() {  # build SITE OUT → "wall_s rss_kib search_ms"
    rm -rf "$2"
    sync
    /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$CHUXIN" build --source "$1" --output "$2" --no-pdf -v \
        --as-of "$AS_OF" > "$WORK/phases.txt" 2>&1
    local search_ms
    search_ms=$(awk '/^ *search:/ {print $2}' "$WORK/phases.txt")
    echo "$(cat "$WORK/time.txt") ${search_ms:-0}"
}

best() {  # best SITE OUT → the faster of two builds
    local a b
    a=$(build "$1" "$2")
    b=$(build "$1" "$2")
    if awk -v a="${a%% *}" -v b="${b%% *}" 'BEGIN { exit !(a <= b) }'; then echo "$a"; else echo "$b"; fi
}

echo "| N | build with search (s) | without (s) | search phase (ms) | peak RSS with | without | index files | index size |"
echo "|---|---|---|---|---|---|---|---|"
for N in "$@"; do
    corpus=$WORK/search-corpus-$N-seed$SEED
    [ -f "$corpus/site.yaml" ] || /usr/bin/python3 "$HERE/gen_corpus.py" --pages "$N" --seed "$SEED" --out "$corpus" > /dev/null
    off=$WORK/search-corpus-$N-seed$SEED-off
    rm -rf "$off" && mkdir -p "$off" && ln -s "$corpus/content" "$off/content"
    { cat "$corpus/site.yaml"; echo "search: false"; } > "$off/site.yaml"
    read -r on_s on_kib on_ms <<< "$(best "$corpus" "$WORK/search-out-$N")"
    read -r off_s off_kib _ <<< "$(best "$off" "$WORK/search-out-$N-off")"
    files=$(find "$WORK/search-out-$N/search" -type f | wc -l)
    bytes=$(du -sb "$WORK/search-out-$N/search" | cut -f1)
    printf '| %s | %s | %s | %s | %.1f MiB | %.1f MiB | %s | %.1f MiB |\n' "$N" "$on_s" "$off_s" "$on_ms" \
        "$(echo "$on_kib/1024" | bc -l)" "$(echo "$off_kib/1024" | bc -l)" "$files" "$(echo "$bytes/1048576" | bc -l)"
    node "$HERE/search_queries.cjs" "$WORK/search-out-$N" "$corpus" "${QUERIES[@]}" > "$WORK/search-queries-$N.tsv"
done
for N in "$@"; do
    echo
    echo "Queries at N = $N (first query of a fresh page: files and bytes it loads for the count, the order and the first 50 results' text, time to load and answer; again: answered with its files in; settled: the index alone decided the results; wrong: results whose text lacks a word):"
    echo
    awk -F'\t' 'NR == 1 { print "| " $1 " | " $2 " | " $3 " | " $4 " | " $5 " | first bytes | " $7 " | " $8 " | " $9 " | " $10 " |"; print "|---|---|---|---|---|---|---|---|---|---|"; next }
                { printf "| %s | %s | %s | %s | %s | %.1f KiB | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, $6 / 1024, $7, $8, $9, $10 }' "$WORK/search-queries-$N.tsv"
done
if [ -x "$TEST_SEARCH" ]; then
    for N in "$@"; do
        echo
        echo "Updating the index at N = $N (IndexUpdater, in memory, no files written: a full build_index, then one page's body edited, one page added, one removed):"
        echo
        CHUXIN_BENCH_SITE=$WORK/search-corpus-$N-seed$SEED "$TEST_SEARCH" "[bench]" | grep -P '^[a-z_]+\t' | tr '\t' ' ' | sed 's/^/    /'
    done
fi
