#!/bin/bash
# The handbook bench: one A5 Chinese handbook from the bench corpus, built by
# chuxin and by cmark-gfm + WeasyPrint from the same chapters.
#
#   bench/handbook.sh                 (K=120 chapters from the N=1000 corpus)
#
# Environment: K (chapters, default 120 ≈ 300 A5 pages), N (corpus size,
# default 1000), SEED, CHUXIN, AS_OF as in run.sh; SIDES ("chuxin weasyprint").
#
# chuxin side: `chuxin build` of the corpus + handbook page (site and PDF), and
# the same with --no-pdf; the handbook's own cost is the difference.
# WeasyPrint side: gen_corpus.py writes the same included pages, front matter
# already turned into Markdown (untimed, like chuxin's loading is not split
# out); timed are (1) cmark-gfm of that Markdown + wrapping into one HTML page
# with bench/handbook-print.css, (2) weasyprint HTML -> PDF.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$HERE/.work
PY=/usr/bin/python3
CHUXIN=${CHUXIN:-/work/main/build/src/cli/chuxin}
K=${K:-120}
N=${N:-1000}
SEED=${SEED:-20240701}
AS_OF=${AS_OF:-2026-07-01}
SIDES=${SIDES-"chuxin weasyprint"}
[[ " $SIDES " == *" chuxin "* ]] && [ ! -x "$CHUXIN" ] && { echo "no chuxin binary at $CHUXIN (set CHUXIN=...)" >&2; exit 2; }
command -v weasyprint >/dev/null || apt-get install -y -qq weasyprint >/dev/null
command -v cmark-gfm >/dev/null || apt-get install -y -qq cmark-gfm >/dev/null

dir=$WORK/handbook-$N-$K
stamp=$(cat "$HERE/gen_corpus.py" "$HERE/corpus_text.py" | sha1sum | cut -c1-12)-$SEED
if [ "$(cat "$dir/stamp" 2>/dev/null)" != "$stamp" ]; then
    rm -rf "$dir"
    $PY "$HERE/gen_corpus.py" --pages "$N" --seed "$SEED" --handbook "$K" --out "$dir/site"
    echo "$stamp" > "$dir/stamp"
fi
rows=$dir/rows.tsv
[ -n "$SIDES" ] && : > "$rows"   # SIDES="" prints the last run's table again

# field extraction from a /usr/bin/time -v file: wall s, user+sys s, peak RSS KiB
tv() {
    awk -F': ' '/Elapsed \(wall clock\)/ {n=split($2,a,":"); w=0; for(i=1;i<=n;i++) w=w*60+a[i]}
                /User time|System time/ {c+=$2}
                /Maximum resident set size/ {r=$2}
                END {printf "%.2f\t%.2f\t%d", w, c, r}' "$1"
}
pdf_pages() { pdfinfo "$1" 2>/dev/null | awk '/^Pages:/ {print $2}'; }
load1() { cut -d' ' -f1 /proc/loadavg; }

if [[ " $SIDES " == *" chuxin "* ]]; then
    for mode in full nopdf; do
        out=$dir/out-chuxin-$mode
        rm -rf "$out"; sync
        l=$(load1)
        flag=(); [ $mode = nopdf ] && flag=(--no-pdf)
        st=ok
        /usr/bin/time -v -o "$dir/time-chuxin-$mode.txt" "$CHUXIN" build --source "$dir/site" --output "$out" \
            --as-of "$AS_OF" "${flag[@]}" > "$dir/log-chuxin-$mode.txt" 2>&1 || st=FAILED
        [ $st = ok ] || { echo "!! chuxin build ($mode) failed:" >&2; head -20 "$dir/log-chuxin-$mode.txt" >&2; }
        pdf=$(find "$out" -name '*.pdf' 2>/dev/null | head -1)
        printf 'chuxin build (%s)\t%s\t%s\t%s\t%s\n' "$mode" "$(tv "$dir/time-chuxin-$mode.txt")" \
            "$( [ -n "$pdf" ] && pdf_pages "$pdf" || echo -)" "$( [ -n "$pdf" ] && stat -c %s "$pdf" || echo -)" "$l/$st" >> "$rows"
    done
fi

if [[ " $SIDES " == *" weasyprint "* ]]; then
    w=$dir/weasy
    rm -rf "$w"; mkdir -p "$w"; sync
    cp "$HERE/handbook-print.css" "$w/"
    l=$(load1)
    /usr/bin/time -v -o "$dir/time-assemble.txt" sh -c '
        { printf "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>2026年度党员学习手册（基准测试）</title>"
          printf "<link rel=\"stylesheet\" href=\"handbook-print.css\"></head><body>\n"
          cmark-gfm --unsafe -e table -e tasklist -e strikethrough -e autolink -e footnotes "$1"
          printf "</body></html>\n"; } > "$2"' sh "$dir/site/handbook-weasy.md" "$w/handbook.html"
    printf 'cmark-gfm assemble HTML\t%s\t-\t%s\t%s\n' "$(tv "$dir/time-assemble.txt")" "$(stat -c %s "$w/handbook.html")" "$l" >> "$rows"
    sync; l=$(load1)
    /usr/bin/time -v -o "$dir/time-weasy.txt" weasyprint "$w/handbook.html" "$w/handbook.pdf" > "$dir/log-weasy.txt" 2>&1
    printf 'weasyprint HTML->PDF\t%s\t%s\t%s\t%s\n' "$(tv "$dir/time-weasy.txt")" "$(pdf_pages "$w/handbook.pdf")" \
        "$(stat -c %s "$w/handbook.pdf")" "$l" >> "$rows"
fi

echo "handbook: K=$K chapters from the N=$N corpus (seed $SEED), A5"
$PY - "$rows" <<'EOF'
import sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
print("| step | wall (s) | user+sys (s) | peak RSS | PDF pages | bytes | load1/status |")
print("|---|---|---|---|---|---|---|")
r = {}
for name, wall, cpu, rss, pages, size, note in rows:
    r[name] = (float(wall), float(cpu), int(rss), pages, size)
    print(f"| {name} | {wall} | {cpu} | {int(rss) / 1024:.1f} MiB | {pages} | {size} | {note} |")
full, nopdf = r.get("chuxin build (full)"), r.get("chuxin build (nopdf)")
asm, wp = r.get("cmark-gfm assemble HTML"), r.get("weasyprint HTML->PDF")
if full and nopdf:
    print(f"\nchuxin handbook only (full - nopdf): wall {full[0] - nopdf[0]:.2f} s, cpu {full[1] - nopdf[1]:.2f} s")
if asm and wp:
    print(f"WeasyPrint side total (assemble + weasyprint): wall {asm[0] + wp[0]:.2f} s, cpu {asm[1] + wp[1]:.2f} s")
if full and nopdf and asm and wp:
    hb = max(full[0] - nopdf[0], 0.01)
    print("\nRatios WeasyPrint side / chuxin (> 1 = chuxin faster or smaller):")
    print(f"- time, handbook only: wall {(asm[0] + wp[0]) / hb:.1f}x, "
          f"user+sys {(asm[1] + wp[1]) / max(full[1] - nopdf[1], 0.01):.1f}x")
    print(f"- time, whole chuxin build (site + PDF) vs WeasyPrint side: wall {(asm[0] + wp[0]) / full[0]:.1f}x, "
          f"user+sys {(asm[1] + wp[1]) / full[1]:.1f}x")
    print(f"- peak RSS, weasyprint vs whole chuxin build: {wp[2] / full[2]:.1f}x")
    if full[4] not in ("-", "") and wp[4]:
        print(f"- PDF size: {int(wp[4]) / int(full[4]):.2f}x ({wp[4]} vs {full[4]} bytes)")
    print(f"- PDF pages: weasyprint {wp[3]}, chuxin {full[3]}")
EOF
