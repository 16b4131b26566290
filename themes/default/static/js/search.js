/* chuxin search: the query side of the client-side index (docs/search.md).
 * Plain script, no modules, no fetch, no WASM: the index files are scripts
 * too, loaded with <script> elements, so it works from file://, under any
 * sub-path and on any static server. The same code runs under Node in the
 * tests (module.exports at the end; the loader is then the test's).
 *
 * A page matches when every query word (split at spaces) occurs in its
 * folded text: exact substrings, as Ctrl+F finds them. The gram files give
 * the pages holding each gram; a word of one or two characters is on exactly
 * its gram's pages, a longer one on exactly the pages of a gram whose context
 * holds it, and otherwise the candidates' text decides. Only the text of the
 * results shown is loaded. */
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

    // FNV-1a over code points (src/search/index.cpp gram_hash).
    S.gramHash = function (gram) {
        let h = 2166136261;
        for (const ch of gram) h = Math.imul(h ^ ch.codePointAt(0), 16777619) >>> 0;
        return h;
    };

    // ---- Page sets (src/search/set_code.cpp): a bitmap "#…", 6 pages a
    // character, or the gaps between page ids as variable-length numbers ----
    const ALPHABET = "!$%&'()*+,-./0123456789:;=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[]^_`abcdefghijklmnopqrstuvwxyz{|}~";
    const DIGIT = new Int8Array(128).fill(-1);
    for (let i = 0; i < ALPHABET.length; ++i) DIGIT[ALPHABET.charCodeAt(i)] = i;
    const BASE = 45;

    S.readNumbers = function (text) {
        const out = [];
        let n = 0;
        for (let i = 0; i < text.length; ++i) {
            const d = DIGIT[text.charCodeAt(i)];
            if (d < BASE) { out.push(n * BASE + d); n = 0; } else n = n * BASE + d - BASE;
        }
        return out;
    };

    // A set as one flag per page.
    S.decodeSet = function (text, pages) {
        const flags = new Uint8Array(pages);
        if (!text) return flags;
        if (text.charCodeAt(0) === 35) {  // '#'
            for (let i = 1; i < text.length; ++i) {
                const bits = DIGIT[text.charCodeAt(i)];
                for (let b = 0; b < 6; ++b) if (bits >> b & 1) flags[(i - 1) * 6 + b] = 1;
            }
            return flags.subarray(0, pages);
        }
        let next = 0;
        for (const gap of S.readNumbers(text)) { next += gap; flags[next++] = 1; }
        return flags;
    };

    // ---- Loading the index files (scripts that call back into S) ----
    const state = { meta: null, grams: new Map(), sets: new Map(), table: null, dictionary: null, chunks: new Map(),
        records: new Map(), pending: new Map() };
    S.meta = function (meta) { state.meta = meta; };
    S.gramFile = function (file, grams) { state.grams.set(file, grams); };
    S.pageTable = function (kinds, orgs, codes) {
        const n = S.readNumbers(codes), pages = n.length / 3;
        const t = { kind: new Array(pages), org: new Array(pages), date: new Int32Array(pages), year: new Array(pages) };
        for (let i = 0; i < pages; ++i) {
            t.kind[i] = kinds[n[3 * i]];
            t.org[i] = orgs[n[3 * i + 1]];
            t.date[i] = n[3 * i + 2];
            t.year[i] = t.date[i] ? String(Math.floor((t.date[i] - 1) / 372) + 1900) : '';
        }
        state.table = t;
    };
    S.dictionary = function (text) { state.dictionary = new TextEncoder().encode(text); };
    S.textChunk = function (chunk, base64) { state.chunks.set(chunk, base64); };

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

    // A text file: deflate whose back references reach into the dictionary
    // (src/search/compress.h), which goes in front, after a zlib header, as
    // a stored block; its bytes are dropped from what comes out. The file
    // ends with the Adler-32 the "deflate" format checks.
    async function inflate(base64) {
        const dict = state.dictionary, bin = atob(base64);
        const bytes = new Uint8Array(bin.length);
        for (let i = 0; i < bin.length; ++i) bytes[i] = bin.charCodeAt(i);
        const n = dict.length;
        const head = new Uint8Array([0x78, 0x01, 0, n & 255, n >> 8, ~n & 255, (~n >> 8) & 255]);
        const reader = new Blob([head, dict, bytes]).stream().pipeThrough(new DecompressionStream('deflate')).getReader();
        const parts = [];
        let size = 0;
        for (let r = await reader.read(); !r.done; r = await reader.read()) { parts.push(r.value); size += r.value.length; }
        const out = new Uint8Array(size);
        let at = 0;
        for (const p of parts) { out.set(p, at); at += p.length; }
        return JSON.parse(new TextDecoder().decode(out.subarray(n)));
    }

    // The pages' records (their text), loaded and read once per text file.
    function records(ids) {
        const per = state.meta.chunkPages, chunks = new Set();
        for (const id of ids) chunks.add(Math.floor(id / per));
        return Promise.all(Array.from(chunks).map(function (c) {
            if (!state.records.has(c)) {
                state.records.set(c, Promise.all([load('d.js'), load('t/' + c + '.js')]).then(function () {
                    return inflate(state.chunks.get(c));
                }).then(function (list) { return list.map(toPage); }));
            }
            return state.records.get(c);
        })).then(function () {
            return Promise.all(ids.map(function (id) {
                return state.records.get(Math.floor(id / per)).then(function (list) { return list[id % per]; });
            }));
        });
    }

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

    // Occurrences, overlapping ones too (as the index counts a gram's).
    function count(hay, word) {
        let n = 0;
        for (let at = hay.indexOf(word); at >= 0; at = hay.indexOf(word, at + 1)) ++n;
        return n;
    }

    // ---- What the index says of a word ----
    function gramRecord(gram) {
        const file = state.grams.get(S.gramHash(gram) % state.meta.gramFiles);
        return Object.prototype.hasOwnProperty.call(file, gram) ? file[gram] : null;
    }

    // The page sets of a gram record: all, twice, thrice, title, heads.
    function sets(gram, rec) {
        if (!state.sets.has(gram)) {
            const n = state.meta.pages;
            state.sets.set(gram, [0, 1, 2, 3, 4].map(function (k) { return S.decodeSet(rec[k] || '', n); }));
        }
        return state.sets.get(gram);
    }

    function gramsOf(word) {
        const cps = Array.from(word);
        if (cps.length === 1) return [word];
        const pairs = [];
        for (let i = 0; i + 1 < cps.length; ++i) pairs.push(cps[i] + cps[i + 1]);
        return pairs;
    }
    S.grams = gramsOf;

    // A gram whose context (the characters around every occurrence of it in
    // the site) holds the whole word: the word is on exactly its pages.
    function settledBy(word) {
        const cps = Array.from(word);
        if (cps.length <= 2) return word;
        for (let j = 0; j + 1 < cps.length; ++j) {
            const rec = gramRecord(cps[j] + cps[j + 1]);
            if (!rec) return null;
            const left = Array.from(rec[5] || ''), right = Array.from(rec[6] || '');
            const before = cps.slice(0, j), after = cps.slice(j + 2);
            if (before.length > left.length || after.length > right.length) continue;
            let ok = true;
            for (let k = 0; ok && k < before.length; ++k) ok = left[left.length - before.length + k] === before[k];
            for (let k = 0; ok && k < after.length; ++k) ok = right[k] === after[k];
            if (ok) return cps[j] + cps[j + 1];
        }
        return null;
    }

    // Per word: {sets} when the index settles it, else {candidates}; null
    // when some gram of it is on no page.
    function wordInfo(word) {
        const grams = gramsOf(word);
        for (const g of grams) if (!gramRecord(g)) return null;
        const by = settledBy(word);
        if (by) return { sets: sets(by, gramRecord(by)) };
        const n = state.meta.pages, candidates = new Uint8Array(n).fill(1);
        for (const g of grams) {
            const all = sets(g, gramRecord(g))[0];
            for (let i = 0; i < n; ++i) candidates[i] &= all[i];
        }
        return { candidates: candidates };
    }

    // Rank key (docs/search.md "Ranking"): every word in the title, in the
    // title or a heading, or not; occurrences (up to three per word); newer;
    // then site order.
    function rankFromSets(infos, id) {
        let inTitle = 0, inHeads = 0, occurrences = 0;
        for (const info of infos) {
            const s = info.sets;
            inTitle += s[3][id];
            inHeads += s[4][id];
            occurrences += 1 + s[1][id] + s[2][id];
        }
        return { tier: inTitle === infos.length ? 3 : inHeads === infos.length ? 2 : 1, occurrences: occurrences };
    }

    function rankFromText(page, words) {
        const f = folded(page);
        let inTitle = 0, inHeads = 0, occurrences = 0;
        for (const w of words) {
            const t = count(f.title, w), h = count(f.headings, w), r = count(f.rest, w);
            if (t + h + r === 0) return null;
            if (t) ++inTitle;
            if (t || h) ++inHeads;
            occurrences += Math.min(3, t + h + r);
        }
        return { tier: inTitle === words.length ? 3 : inHeads === words.length ? 2 : 1, occurrences: occurrences };
    }

    S.compare = function (a, b) {
        return b.rank.tier - a.rank.tier || b.rank.occurrences - a.rank.occurrences || b.date - a.date || a.id - b.id;
    };

    function passesTable(id, filters) {
        const t = state.table;
        return (!filters.kind || t.kind[id] === filters.kind) && (!filters.org || t.org[id] === filters.org) &&
            (!filters.year || t.year[id] === String(filters.year));
    }

    // Loads the text of results[from, to) into their `page`.
    S.show = async function (results, from, to) {
        const slice = results.slice(from, to).filter(function (r) { return !r.page; });
        const pages = await records(slice.map(function (r) { return r.id; }));
        slice.forEach(function (r, k) { r.page = pages[k]; });
        return results.slice(from, to);
    };

    // Every page holding every word, best first: [{id, page, rank, date}];
    // the text (`page`) of the first `options.show` (50) results is loaded.
    S.search = async function (query, filters, options) {
        filters = filters || {};
        const show = options && options.show !== undefined ? options.show : 50;
        if (!state.meta) await load('meta.js');
        const words = S.terms(query);
        if (!words.length) return { words: words, results: [], settled: true };
        const files = new Set();
        for (const w of words) for (const g of gramsOf(w)) files.add(S.gramHash(g) % state.meta.gramFiles);
        await Promise.all([load('p.js')].concat(Array.from(files).map(function (k) { return load('g/' + k + '.js'); })));
        const infos = [];
        for (const w of words) {
            const info = wordInfo(w);
            if (!info) return { words: words, results: [], settled: true };
            infos.push(info);
        }
        const n = state.meta.pages;
        // options.fromText: decide from the text even when the index could (tests).
        const settled = !filters.tag && !(options && options.fromText) && infos.every(function (i) { return i.sets; });
        const ids = [];
        for (let id = 0; id < n; ++id) {
            let ok = passesTable(id, filters);
            for (let k = 0; ok && k < infos.length; ++k) ok = (infos[k].sets ? infos[k].sets[0] : infos[k].candidates)[id] === 1;
            if (ok) ids.push(id);
        }
        const results = [];
        if (settled) {
            for (const id of ids) results.push({ id: id, page: null, date: state.table.date[id], rank: rankFromSets(infos, id) });
        } else {  // a word no gram settles: its candidates' text decides
            const pages = await records(ids);
            ids.forEach(function (id, k) {
                const page = pages[k];
                if (filters.tag && page.tags.indexOf(filters.tag) < 0) return;
                const rank = rankFromText(page, words);
                if (rank) results.push({ id: id, page: page, date: state.table.date[id], rank: rank });
            });
        }
        results.sort(S.compare);
        await S.show(results, 0, show);
        return { words: words, results: results, settled: settled };
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
        state.table = null;
        state.dictionary = null;
        for (const m of [state.grams, state.sets, state.chunks, state.records, state.pending]) m.clear();
    };

    if (typeof module !== 'undefined' && module.exports) module.exports = S;
})(typeof window !== 'undefined' ? window : globalThis);
