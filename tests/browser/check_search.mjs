// The portal's search in a real browser (Debian's chromium, headless), on
// the built default site, opened three ways: over HTTP at the root, over
// HTTP under a sub-path (base_url with a path), and from file://. Each query
// must find exactly the pages whose text holds it — computed here from the
// source files (content/**/*.md), not from the index — and show them as
// links inside #search-results, the count in #search-count. Also: a query
// that finds nothing says so (no error), "/" focuses the header's field and
// Enter opens the results page, axe-core finds no WCAG 2.1 A/AA violation on
// the results page, and it does not overflow at 390 px.
//
// usage: node check_search.mjs SITE_DIR SOURCE_DIR
// env:   CHUXIN_CHROMIUM  the browser (default /usr/bin/chromium)
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const SUB_PATH = '/portal/study/';
const SETUP_HINT = 'run `bash .ci/test` (installs chromium and the npm packages of tests/browser/)';

function fail_setup(message) {
    console.error(`check_search: ${message}\n  hint: ${SETUP_HINT}`);
    process.exit(1);
}

// Each query, and the text the source must hold for a page to match (the
// query's words after folding, written out by hand: this is the test's own
// idea of folding, not the script's).
const QUERIES = [
    { q: '议记', words: ['议记'], what: 'inside a word (会议记录)' },
    { q: '党课', words: ['党课'], what: 'two characters' },
    { q: 'pdf', words: ['pdf'], what: 'a Latin word in another case' },
    { q: '2025', words: ['2025'], what: 'a number' },
    { q: '會議記錄', words: ['会议记录'], what: 'traditional characters' },
    { q: '主题党日 廉政', words: ['主题党日', '廉政'], what: 'two words' },
    { q: '量子计算机', words: ['量子计算机'], what: 'nothing' },
];

// Front matter keys whose values a reader does not see as text.
const HIDDEN_KEYS = new Set(['id', 'type', 'date', 'time', 'org', 'fulfills', 'studied', 'study', 'due', 'done_on',
    'status', 'raised_in', 'closed_in', 'ref', 'url', 'slug', 'weight', 'draft', 'search', 'hours', 'required',
    'dates', 'year', 'include', 'items', 'events', 'paper', 'style', 'expected', 'present', 'hours_required',
    'chapter_start', 'toc_depth', 'bleed', 'absent', 'extra', 'lessons', 'tags']);

function content_files(dir) {
    const out = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) out.push(...content_files(full));
        else if (entry.name.endsWith('.md') && entry.name !== '_index.md') out.push(full);
    }
    return out;
}

// A source page: its output path and its visible text, lower-cased.
function source_page(content, file) {
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n');
    const m = /^---\n([\s\S]*?)\n---\n?([\s\S]*)$/.exec(text);
    const front = m ? m[1] : '';
    const body = m ? m[2] : text;
    const value = (key) => {
        const hit = new RegExp(`^${key}:\\s*(.*)$`, 'm').exec(front);
        return hit ? hit[1].trim().replace(/^["']|["']$/g, '') : '';
    };
    let visible = '';
    for (const line of front.split('\n')) {
        const kv = /^\s*(?:-\s+)?(\{?\s*)?([a-z_]+):\s*(.*)$/.exec(line);
        if (kv) {
            if (!HIDDEN_KEYS.has(kv[2])) visible += '\n' + kv[3];
        } else if (/^\s*-\s+/.test(line)) {
            visible += '\n' + line.replace(/^\s*-\s+/, '');  // list entries (tags, lessons)
        }
    }
    const rel = path.relative(content, file).split(path.sep).join('/');
    return { rel, front, body, visible, value };
}

// The title a link with empty text shows (content-format §8): the target's
// title, or for an anchor the item's issue or title.
function anchor_title(target, anchor) {
    if (!target) return '';
    if (!anchor) return target.value('title');
    const lines = target.front.split('\n');
    const at = lines.findIndex((l) => new RegExp(`^\\s*-\\s+id:\\s*${anchor}\\s*$`).test(l));
    if (at < 0) return '';
    for (let i = at + 1; i < lines.length && !/^\s*-\s+id:/.test(lines[i]); ++i) {
        const m = /^\s*(issue|title):\s*(.*)$/.exec(lines[i]);
        if (m) return m[2].trim();
    }
    return '';
}

function finish_page(parsed, by_id) {
    const { rel, body, value } = parsed;
    let visible = parsed.visible;
    // Markdown link targets are not text (an empty-text ref shows its target's
    // title); the rest of the body is.
    visible += '\n' + body.replace(/\[\]\(ref:([^)#]*)(?:#([^)]*))?\)/g, (_, id, anchor) => anchor_title(by_id.get(id), anchor))
        .replace(/\]\([^)]*\)/g, ']');
    const folder = path.dirname(rel) === '.' ? '' : path.dirname(rel) + '/';
    const slug = value('slug') || path.basename(rel, '.md');
    return {
        out: `${folder}${slug}/index.html`,
        text: visible.toLowerCase(),
        searchable: value('draft') !== 'true' && value('search') !== 'false',
    };
}

function expected_for(pages, words) {
    return pages.filter((p) => p.searchable && words.every((w) => p.text.includes(w))).map((p) => p.out).sort();
}

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
    '.ico': 'image/x-icon', '.png': 'image/png', '.svg': 'image/svg+xml', '.xml': 'application/xml' };

// A static server of `root` under `prefix` ("/" or a sub-path).
function serve(root, prefix) {
    const server = http.createServer((req, res) => {
        let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
        if (!rel.startsWith(prefix)) return res.writeHead(404).end('not found');
        rel = rel.slice(prefix.length);
        if (rel === '' || rel.endsWith('/')) rel += 'index.html';
        const file = path.join(root, path.normalize(rel));
        if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile())
            return res.writeHead(404).end('not found');
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
        fs.createReadStream(file).pipe(res);
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

async function results_of(tab, url) {
    await tab.goto(url);
    await tab.waitForFunction(() => document.getElementById('search-page')?.dataset.state, null, { timeout: 20000 });
    return tab.evaluate(() => ({
        state: document.getElementById('search-page').dataset.state,
        count: document.getElementById('search-count').textContent,
        hrefs: Array.from(document.querySelectorAll('#search-results a')).map((a) => a.href),
        marks: document.querySelectorAll('#search-results mark').length,
        none: document.getElementById('search-page').dataset.none,
    }));
}

async function main() {
    const [site_arg, source_arg] = process.argv.slice(2);
    if (!site_arg || !source_arg) fail_setup('usage: node check_search.mjs SITE_DIR SOURCE_DIR');
    const site = path.resolve(site_arg);
    if (!fs.existsSync(path.join(site, 'search/index.html'))) fail_setup(`${site}/search/index.html does not exist: build the site first`);
    let chromium, axe_source;
    try {
        ({ chromium } = await import('playwright-core'));
        const axe = await import('axe-core');
        axe_source = (axe.default ?? axe).source;
    } catch (e) {
        fail_setup(`tests/browser/node_modules is missing or incomplete (${e.code ?? e.message})`);
    }
    const browser_path = process.env.CHUXIN_CHROMIUM || '/usr/bin/chromium';
    if (!fs.existsSync(browser_path)) fail_setup(`no browser at ${browser_path} (Debian package chromium)`);

    const content = path.resolve(source_arg, 'content');
    const parsed = content_files(content).map((f) => source_page(content, f));
    const by_id = new Map(parsed.map((p) => [p.value('id') || p.rel.replace(/\.md$/, ''), p]));
    const pages = parsed.map((p) => finish_page(p, by_id));
    const root_server = await serve(site, '/');
    const sub_server = await serve(site, SUB_PATH);
    const bases = {
        'http://': `http://127.0.0.1:${root_server.address().port}/`,
        'sub-path': `http://127.0.0.1:${sub_server.address().port}${SUB_PATH}`,
        'file://': pathToFileURL(site + '/').href,
    };
    const browser = await chromium.launch({ executablePath: browser_path, headless: true });
    const failures = [];
    let passed = 0;
    const check = (ok, message) => { if (ok) ++passed; else failures.push(message); };
    try {
        const tab = await browser.newPage();
        const errors = [];
        tab.on('pageerror', (e) => errors.push(e.message));
        tab.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
        for (const [mode, base] of Object.entries(bases)) {
            for (const { q, words, what } of QUERIES) {
                const want = expected_for(pages, words);
                const got = await results_of(tab, `${base}search/index.html?q=${encodeURIComponent(q)}`);
                const found = got.hrefs.map((h) => decodeURIComponent(h.slice(base.length))).sort();
                check(JSON.stringify(found) === JSON.stringify(want),
                    `${mode} "${q}" (${what}): found ${found.length} [${found.slice(0, 5)}…], expected ${want.length} [${want.slice(0, 5)}…]` +
                    `; missing ${want.filter((w) => !found.includes(w)).slice(0, 5)}; extra ${found.filter((f) => !want.includes(f)).slice(0, 5)}`);
                if (want.length) {
                    check(got.marks >= want.length, `${mode} "${q}": ${got.marks} <mark> for ${want.length} results`);
                    check(got.count.includes(String(want.length)), `${mode} "${q}": the count says "${got.count}"`);
                } else {
                    check(got.state === 'done' && got.count === got.none.replace('{q}', q),
                        `${mode} "${q}": no friendly "nothing found" (count "${got.count}", state ${got.state})`);
                }
            }
            // The filters: kind from the address, kept in the form.
            const minutes = await results_of(tab, `${base}search/index.html?q=${encodeURIComponent('会议')}&kind=minutes`);
            const want_minutes = expected_for(pages.filter((p) => p.out.startsWith('minutes/')), ['会议']);
            check(minutes.hrefs.length === want_minutes.length && minutes.hrefs.every((h) => decodeURIComponent(h).includes('/minutes/')),
                `${mode} kind=minutes: ${minutes.hrefs.length} results, expected ${want_minutes.length} minutes`);
            check(await tab.evaluate(() => document.getElementById('search-kind').value) === 'minutes', `${mode}: the kind menu keeps kind=minutes`);
            // The header: "/" focuses the field, Enter opens the results page with the query in the address.
            await tab.goto(`${base}index.html`);
            await tab.keyboard.press('/');
            check(await tab.evaluate(() => document.activeElement?.id) === 'site-search', `${mode}: "/" does not focus the search field`);
            await tab.keyboard.type('党课');
            await Promise.all([tab.waitForURL(/search\/index\.html\?q=/), tab.keyboard.press('Enter')]);
            await tab.waitForFunction(() => document.getElementById('search-page')?.dataset.state);
            check(decodeURIComponent(tab.url()).includes('q=党课'), `${mode}: Enter in the header opened ${tab.url()}`);
            check(await tab.evaluate(() => document.querySelectorAll('#search-results a').length) === expected_for(pages, ['党课']).length,
                `${mode}: the header's search shows the results`);
        }
        check(errors.length === 0, `errors in the page: ${errors.slice(0, 5).join('; ')}`);

        // Accessibility and the phone width, on a page of results.
        for (const width of [1280, 390]) {
            await tab.setViewportSize({ width, height: 800 });
            await results_of(tab, `${bases['http://']}search/index.html?q=${encodeURIComponent('主题党日')}`);
            await tab.addScriptTag({ content: axe_source });
            const result = await tab.evaluate((tags) => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
            check(result.violations.length === 0, `axe at ${width} px: ` + result.violations.map((v) => `${v.id} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3)})`).join('; '));
            const wide = await tab.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);
            check(!wide, `the results page overflows at ${width} px`);
        }
    } finally {
        await browser.close();
        root_server.close();
        sub_server.close();
    }
    for (const f of failures) console.error(`check_search: ${f}`);
    console.log(`${passed} passed, ${failures.length} failed`);
    process.exit(failures.length ? 1 : 0);
}

main();
