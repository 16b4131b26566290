/* chuxin search: the query side of the client-side index (docs/search.md).
 * Plain script, no modules, no fetch, no WASM: the index files are scripts
 * too, loaded with <script> elements, so it works from file://, under any
 * sub-path and on any static server. The same code runs under Node in the
 * tests (module.exports at the end; the loader is then the test's).
 *
 * A page matches when every query word (split at spaces) occurs in its
 * folded text: exact substrings, as Ctrl+F finds them. The gram files only
 * narrow down which text shards to load; the check is on the text itself. */
(function (root) {
    'use strict';
    const S = root.chuxinSearch || (root.chuxinSearch = {});

    // ---- Folding: the same rules as src/search/fold.cpp ----
    let foldMap = new Map();
    S.foldTable = function (pairs) {
        foldMap = new Map();
        const cps = Array.from(pairs);
        for (let i = 0; i + 1 < cps.length; i += 2) foldMap.set(cps[i].codePointAt(0), cps[i + 1].codePointAt(0));
    };

    function isSpace(c) {
        return c === 32 || (c >= 9 && c <= 13) || c === 0xA0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200A) ||
            c === 0x2028 || c === 0x2029 || c === 0x202F || c === 0x205F || c === 0xFEFF;
    }

    function foldCode(c) {
        if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : (isSpace(c) ? 32 : c);
        if (isSpace(c)) return 32;
        if (c >= 0xFF01 && c <= 0xFF5E) return foldCode(c - 0xFEE0);
        if (c < 0x3400) return c;
        const to = foldMap.get(c);
        return to === undefined ? c : to;
    }

    // Folds text; the result has the same UTF-16 length, place for place.
    S.fold = function (text) {
        let out = '';
        let run = [];
        for (let i = 0; i < text.length; ++i) {
            let c = text.charCodeAt(i);
            if (c >= 0xD800 && c <= 0xDBFF && i + 1 < text.length) {
                const cp = text.codePointAt(i);
                const f = foldCode(cp);
                run.push(f >= 0x10000 ? 0xD800 + ((f - 0x10000) >> 10) : f, f >= 0x10000 ? 0xDC00 + ((f - 0x10000) & 0x3FF) : text.charCodeAt(i + 1));
                ++i;
            } else {
                run.push(foldCode(c));
            }
            if (run.length >= 4096) {
                out += String.fromCharCode.apply(null, run);
                run = [];
            }
        }
        return out + String.fromCharCode.apply(null, run);
    };

    // The query's words: folded, split at spaces, each once.
    S.terms = function (query) {
        const seen = new Set();
        for (const word of S.fold(String(query || '')).split(' ')) if (word) seen.add(word);
        return Array.from(seen);
    };

    // A word's grams: itself when one character, else its character pairs
    // (at most 8, spread over the word: any of them is a valid filter).
    S.grams = function (term) {
        const cps = Array.from(term);
        if (cps.length === 1) return [term];
        const pairs = [];
        for (let i = 0; i + 1 < cps.length; ++i) pairs.push(cps[i] + cps[i + 1]);
        if (pairs.length <= 8) return pairs;
        const picked = new Set();
        for (let k = 0; k < 8; ++k) picked.add(pairs[Math.round(k * (pairs.length - 1) / 7)]);
        return Array.from(picked);
    };

    // FNV-1a over code points (src/search/index.cpp gram_hash).
    S.gramHash = function (gram) {
        let h = 2166136261;
        for (const ch of gram) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
        return h;
    };

    S.decodeShards = function (text) {
        const out = [];
        for (const part of text.split(',')) {
            if (!part) continue;
            const [a, b] = part.split('-');
            const from = parseInt(a, 36), to = b === undefined ? from : parseInt(b, 36);
            for (let n = from; n <= to; ++n) out.push(n);
        }
        return out;
    };

    // ---- Loading the index files (scripts that call back into S) ----
    const state = { meta: null, grams: new Map(), text: new Map(), pending: new Map() };
    S.meta = function (meta) { state.meta = meta; };
    S.textShard = function (shard, records) { state.text.set(shard, records.map(toPage)); };
    S.gramFile = function (file, grams) { state.grams.set(file, grams); };

    // The default loader: a <script> element under `S.base` (the folder of
    // the index, relative to the page: the results page sets it).
    S.base = '';
    S.loader = function (path) {
        return new Promise(function (resolve, reject) {
            const el = root.document.createElement('script');
            el.src = S.base + path;
            el.async = true;
            el.onload = function () { resolve(); };
            el.onerror = function () { reject(new Error('cannot load ' + S.base + path)); };
            root.document.head.appendChild(el);
        });
    };
    function load(path) {
        if (!state.pending.has(path)) state.pending.set(path, S.loader(path));
        return state.pending.get(path);
    }
    S.loadedFiles = function () { return Array.from(state.pending.keys()); };

    function toPage(r) {
        return {
            href: r[0], title: r[1], kind: r[2], org: r[3], date: r[4], tags: r[5], headings: r[6],
            fields: r[7], summary: r[8], body: r[9], year: r[4] ? r[4].slice(0, 4) : '',
            folded: null,
        };
    }

    function folded(page) {
        if (!page.folded) {
            page.folded = {
                title: S.fold(page.title), headings: S.fold(page.headings),
                rest: S.fold([page.body, page.fields, page.summary, page.tags.join('\n')].join('\n')),
                body: null,
            };
            page.folded.body = page.folded.rest.slice(0, page.body.length);
        }
        return page.folded;
    }

    function count(hay, word) {
        let n = 0;
        for (let at = hay.indexOf(word); at >= 0; at = hay.indexOf(word, at + word.length)) ++n;
        return n;
    }

    // The shortest stretch of `text` holding every word (0 when one word, or
    // when the words are not all in it: then `far`).
    function span(text, words) {
        if (words.length < 2) return 0;
        const hits = [];
        words.forEach(function (w, k) {
            for (let at = text.indexOf(w); at >= 0; at = text.indexOf(w, at + 1)) hits.push([at, k, w.length]);
        });
        hits.sort(function (a, b) { return a[0] - b[0]; });
        const last = new Array(words.length).fill(-1);
        let best = Infinity;
        for (const [at, k, len] of hits) {
            last[k] = at;
            let from = Infinity, ok = true;
            for (let j = 0; j < words.length; ++j) {
                if (last[j] < 0) { ok = false; break; }
                from = Math.min(from, last[j]);
            }
            if (ok) best = Math.min(best, at + len - from);
        }
        return best === Infinity ? 1e9 : best;
    }

    // Rank key (docs/search.md "Ranking"): title, then headings, then the
    // rest; more occurrences; nearer words; newer; then the address.
    function score(page, words) {
        const f = folded(page);
        let inTitle = 0, inHeadings = 0, occurrences = 0;
        for (const w of words) {
            const t = count(f.title, w), h = count(f.headings, w), r = count(f.rest, w);
            if (t + h + r === 0) return null;
            if (t) ++inTitle;
            if (t || h) ++inHeadings;
            occurrences += t + h + r;
        }
        const tier = inTitle === words.length ? 3 : inHeadings === words.length ? 2 : 1;
        return { tier: tier, occurrences: occurrences, span: span(f.rest, words) };
    }

    S.compare = function (a, b) {
        return b.rank.tier - a.rank.tier || b.rank.occurrences - a.rank.occurrences || a.rank.span - b.rank.span ||
            (a.page.date < b.page.date ? 1 : a.page.date > b.page.date ? -1 : 0) ||
            (a.page.href < b.page.href ? -1 : a.page.href > b.page.href ? 1 : 0);
    };

    function passes(page, filters) {
        return (!filters.kind || page.kind === filters.kind) && (!filters.org || page.org === filters.org) &&
            (!filters.year || page.year === String(filters.year)) && (!filters.tag || page.tags.indexOf(filters.tag) >= 0);
    }

    async function candidateShards(words) {
        const meta = state.meta;
        const grams = new Set();
        for (const w of words) for (const g of S.grams(w)) grams.add(g);
        const files = new Set();
        for (const g of grams) files.add(S.gramHash(g) % meta.gramFiles);
        await Promise.all(Array.from(files).map(function (k) { return load('g/' + k + '.js'); }));
        let shards = null;
        for (const g of grams) {
            const list = state.grams.get(S.gramHash(g) % meta.gramFiles)[g];
            if (list === undefined) return [];
            const here = new Set(S.decodeShards(list));
            shards = shards === null ? here : new Set(Array.from(shards).filter(function (s) { return here.has(s); }));
            if (shards.size === 0) return [];
        }
        return Array.from(shards || []).sort(function (a, b) { return a - b; });
    }

    // Every page holding every word, best first: [{page, rank}].
    S.search = async function (query, filters) {
        filters = filters || {};
        if (!state.meta) await load('meta.js');
        const words = S.terms(query);
        if (!words.length) return { words: words, results: [] };
        const shards = await candidateShards(words);
        await Promise.all(shards.map(function (s) { return load('t/' + s + '.js'); }));
        const results = [];
        for (const s of shards)
            for (const page of state.text.get(s)) {
                if (!passes(page, filters)) continue;
                const rank = score(page, words);
                if (rank) results.push({ page: page, rank: rank });
            }
        results.sort(S.compare);
        return { words: words, results: results };
    };

    // Line and block breaks read as one space, and as none between Chinese
    // characters and punctuation (as the page shows a paragraph).
    const CJK_CHAR = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef\u201c\u201d\u2014\u2026]/;

    // The excerpt around the first match: [{text, mark}] pieces of the
    // original text (folding keeps places, so the folded match marks it).
    S.excerpt = function (page, words, before, after) {
        before = before || 30;
        after = after || 90;
        const f = folded(page);
        const sources = [[page.body, f.body], [page.fields, S.fold(page.fields)], [page.summary, S.fold(page.summary)],
            [page.headings, f.headings], [page.title, f.title]];
        for (const [text, low] of sources) {
            let first = -1;
            for (const w of words) {
                const at = low.indexOf(w);
                if (at >= 0 && (first < 0 || at < first)) first = at;
            }
            if (first < 0) continue;
            const from = Math.max(0, first - before), to = Math.min(text.length, first + after);
            const marks = new Array(to - from).fill(false);
            for (const w of words)
                for (let at = low.indexOf(w, from); at >= 0 && at < to; at = low.indexOf(w, at + w.length))
                    for (let i = at; i < Math.min(to, at + w.length); ++i) marks[i - from] = true;
            // Keep the characters to show, each with its mark: a run of
            // spaces becomes one, or none between Chinese characters.
            const shown = [];
            for (let i = from; i < to; ++i) {
                if (!/\s/.test(text[i])) { shown.push([text[i], marks[i - from]]); continue; }
                let j = i;
                while (j + 1 < to && /\s/.test(text[j + 1])) ++j;
                const prev = i > from ? text[i - 1] : '', next = j + 1 < to ? text[j + 1] : '';
                if (prev && next && !(CJK_CHAR.test(prev) && CJK_CHAR.test(next))) shown.push([' ', marks[i - from]]);
                i = j;
            }
            const pieces = [];
            if (from > 0) pieces.push({ text: '…', mark: false });
            for (let i = 0; i < shown.length;) {
                let j = i, piece = '';
                while (j < shown.length && shown[j][1] === shown[i][1]) piece += shown[j++][0];
                pieces.push({ text: piece, mark: shown[i][1] });
                i = j;
            }
            if (to < text.length) pieces.push({ text: '…', mark: false });
            return pieces;
        }
        return [];
    };

    S.reset = function () {
        state.meta = null;
        state.grams.clear();
        state.text.clear();
        state.pending.clear();
    };

    if (typeof module !== 'undefined' && module.exports) module.exports = S;
})(typeof window !== 'undefined' ? window : globalThis);
