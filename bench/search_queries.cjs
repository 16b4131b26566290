// The search's side of bench/search.sh: runs queries with the page's own
// query code (themes/default/static/js/search.js) on a built site's index,
// loading index files as the browser would (scripts run in this process).
// Per query: results, files and bytes the query loaded (the first query of
// a fresh tab: the count, the order and the text of the first 50 results),
// the time to load and answer, the time to answer again once its files are
// in, and recall and precision against a count made without the index (for
// which the text of every result is loaded after the figures are taken).
//
// usage: node bench/search_queries.cjs PUBLIC_DIR SOURCE_DIR QUERY...
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const [site, source, ...queries] = process.argv.slice(2);
const SCRIPT = path.join(__dirname, '../themes/default/static/js/search.js');

function fresh() {
    delete require.cache[require.resolve(SCRIPT)];
    const S = require(SCRIPT);
    S.reset();
    globalThis.chuxinSearch = S;
    const loaded = { files: 0, bytes: 0 };
    S.loader = async (rel) => {
        const text = fs.readFileSync(path.join(site, 'search', rel), 'utf8');
        loaded.files += 1;
        loaded.bytes += Buffer.byteLength(text);
        vm.runInThisContext(text);
    };
    const fold = fs.readFileSync(path.join(site, 'search/fold.js'), 'utf8');
    loaded.bytes += Buffer.byteLength(fold);
    loaded.files += 1;
    vm.runInThisContext(fold);
    return { S, loaded };
}

// The reference, made without the index: the pages whose title or
// Markdown body (front matter left out but the title) holds every word, as
// output paths. Recall is the share of them the search found.
function reference(S, words) {
    const out = [];
    const content = path.join(source, 'content');
    const walk = (dir) => {
        for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, e.name);
            if (e.isDirectory()) walk(full);
            else if (e.name.endsWith('.md') && e.name !== '_index.md') {
                const raw = fs.readFileSync(full, 'utf8');
                const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(raw);
                const title = m ? (/^title:\s*(.*)$/m.exec(m[1]) || ['', ''])[1] : '';
                const body = (m ? m[2] : raw).replace(/\]\([^)]*\)/g, ']');  // link targets are not text
                const text = S.fold(title + '\n' + body);
                if (m && /^draft:\s*true/m.test(m[1])) continue;
                if (!words.every((w) => text.includes(w))) continue;
                const rel = path.relative(content, full).split(path.sep).join('/').replace(/\.md$/, '');
                out.push(rel + '/index.html');
            }
        }
    };
    walk(content);
    return out;
}

(async () => {
    console.log(['query', 'results', 'source_pages', 'recall', 'first_files', 'first_bytes', 'first_ms', 'again_ms', 'settled', 'wrong'].join('\t'));
    for (const q of queries) {
        const { S, loaded } = fresh();
        const t0 = process.hrtime.bigint();
        const first = await S.search(q);
        const t1 = process.hrtime.bigint();
        await S.search(q);
        const t2 = process.hrtime.bigint();
        const figures = { files: loaded.files, bytes: loaded.bytes };
        await S.show(first.results, 0, first.results.length);
        // Wrong: results whose text does not hold every word (must be 0).
        const wrong = first.results.filter((r) => {
            const t = [r.page.title, r.page.headings, r.page.body, r.page.fields, r.page.summary, r.page.tags.join('\n')].map(S.fold);
            return !first.words.every((w) => t.some((x) => x.includes(w)));
        }).length;
        const ref = reference(S, first.words);
        const found = new Set(first.results.map((r) => decodeURIComponent(r.page.href)));
        const recall = ref.length ? (ref.filter((p) => found.has(p)).length / ref.length).toFixed(3) : '-';
        console.log([q, first.results.length, ref.length, recall, figures.files, figures.bytes,
            (Number(t1 - t0) / 1e6).toFixed(1), (Number(t2 - t1) / 1e6).toFixed(1), first.settled ? 'yes' : 'no', wrong].join('\t'));
    }
})();
