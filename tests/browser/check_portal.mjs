// The built portal in a real browser (Debian's chromium, headless): every
// HTML page of a built site is served over HTTP on 127.0.0.1 and checked for
//   - WCAG 2.1 A/AA violations (axe-core, tags wcag2a wcag2aa wcag21a wcag21aa)
//     at a phone and a desktop width;
//   - horizontal overflow at 360, 390, 721, 768, 961 and 1280 px
//     (documentElement.scrollWidth > clientWidth), naming the element that
//     sticks out;
//   - requests that fail or answer 4xx/5xx (stylesheets, images, the icon);
//   - a page icon: <link rel="icon"> that loads, and /favicon.ico;
//   - interface words in the page's language: on a zh page no aria-label,
//     title or alt is English-only.
// One browser, two tabs working through the pages in parallel.
//
// usage: node check_portal.mjs SITE_DIR [--screenshots DIR]
// env:   CHUXIN_CHROMIUM  the browser (default /usr/bin/chromium)
// Exit status 0 when every check passes, 1 otherwise (a missing browser or
// missing node_modules is a failure, not a skip).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

// The brief's widths plus the narrowest of each of the theme's layouts
// (its breakpoints are 720 and 960 px), where overflow is likeliest.
const WIDTHS = [1280, 961, 768, 721, 390, 360];
const AXE_WIDTHS = new Set([1280, 390]);
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const TABS = 2;
const HEIGHT = 800;
const SETUP_HINT = 'run `bash .ci/test` (installs chromium and the npm packages of tests/browser/)';

function fail_setup(message) {
    console.error(`check_portal: ${message}\n  hint: ${SETUP_HINT}`);
    process.exit(1);
}

async function load_tools() {
    try {
        const { chromium } = await import('playwright-core');
        const axe = await import('axe-core');
        return { chromium, axe_source: (axe.default ?? axe).source };
    } catch (e) {
        fail_setup(`tests/browser/node_modules is missing or incomplete (${e.code ?? e.message})`);
    }
}

function parse_args(argv) {
    const args = { site: null, screenshots: null };
    for (let i = 0; i < argv.length; ++i) {
        if (argv[i] === '--screenshots') args.screenshots = argv[++i];
        else if (!args.site) args.site = argv[i];
        else fail_setup(`unexpected argument ${argv[i]}`);
    }
    if (!args.site) fail_setup('usage: node check_portal.mjs SITE_DIR [--screenshots DIR]');
    args.site = path.resolve(args.site);
    if (!fs.existsSync(path.join(args.site, 'index.html'))) fail_setup(`${args.site}/index.html does not exist: build the site first`);
    return args;
}

function html_pages(root) {
    const pages = [];
    const visit = (dir) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) visit(full);
            else if (entry.name.endsWith('.html')) pages.push(path.relative(root, full).split(path.sep).join('/'));
        }
    };
    visit(root);
    return pages.sort();
}

const CONTENT_TYPES = {
    '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.xml': 'application/xml',
    '.ico': 'image/x-icon', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg',
    '.svg': 'image/svg+xml', '.pdf': 'application/pdf', '.ics': 'text/calendar', '.js': 'text/javascript',
};

// A static file server: "/a/" serves a/index.html, like the servers the
// portal is deployed on.
function serve(root) {
    const server = http.createServer((req, res) => {
        let rel = decodeURIComponent(new URL(req.url, 'http://x').pathname);
        if (rel.endsWith('/')) rel += 'index.html';
        const file = path.join(root, path.normalize(rel));
        if (!file.startsWith(root) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
            res.writeHead(404).end('not found');
            return;
        }
        const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
        res.writeHead(200, { 'content-type': type });
        fs.createReadStream(file).pipe(res);
    });
    return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

// In the page: why the document is wider than the viewport. The culprits are
// the innermost elements past the right edge that no scrolling or clipping
// ancestor contains.
function find_overflow() {
    const doc = document.documentElement;
    if (doc.scrollWidth <= doc.clientWidth) return null;
    const limit = doc.clientWidth + 0.5;
    const clips = (el) => {
        const x = getComputedStyle(el).overflowX;
        return x !== 'visible';
    };
    const name = (el) => {
        let s = el.tagName.toLowerCase();
        if (el.id) s += `#${el.id}`;
        for (const c of el.classList) s += `.${c}`;
        return s;
    };
    const route = (el) => {
        const parts = [];
        for (let e = el; e && e !== doc && parts.length < 4; e = e.parentElement) parts.unshift(name(e));
        return parts.join(' > ');
    };
    const wide = [];
    const walk = (el) => {
        for (const child of el.children) {
            const r = child.getBoundingClientRect();
            if (r.right > limit && r.width > 0) wide.push(child);
            if (!clips(child)) walk(child);
        }
    };
    walk(document.body);
    const innermost = wide.filter((el) => !wide.some((other) => other !== el && el.contains(other)));
    return {
        scroll_width: doc.scrollWidth,
        client_width: doc.clientWidth,
        culprits: innermost.slice(0, 3).map((el) => `${route(el)} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`),
    };
}

// In the page: interface words that are not in the page's language.
function find_foreign_words() {
    const lang = document.documentElement.lang || '';
    if (!lang.startsWith('zh')) return [];
    const found = [];
    for (const el of document.querySelectorAll('[aria-label], [title], [alt]')) {
        for (const attr of ['aria-label', 'title', 'alt']) {
            const v = el.getAttribute(attr);
            if (v && /[A-Za-z]{2}/.test(v) && !/[\u3400-\u9fff]/.test(v))
                found.push(`<${el.tagName.toLowerCase()} ${attr}="${v}">`);
        }
    }
    return found;
}

function page_icons() {
    return [...document.querySelectorAll('link[rel~="icon"]')].map((l) => l.href);
}

class Report {
    constructor() { this.failures = []; }
    add(page, what) { this.failures.push(`${page}: ${what}`); }
}

async function check_page(tab, base, rel, tools, report, icons) {
    const broken = [];
    const on_response = (r) => { if (r.status() >= 400) broken.push(`${r.status()} ${r.url()}`); };
    const on_failed = (r) => broken.push(`failed ${r.url()} (${r.failure()?.errorText})`);
    tab.on('response', on_response);
    tab.on('requestfailed', on_failed);
    await tab.setViewportSize({ width: WIDTHS[0], height: HEIGHT });
    await tab.goto(base + rel, { waitUntil: 'load' });
    tab.off('response', on_response);
    tab.off('requestfailed', on_failed);
    for (const b of broken) report.add(rel, `request: ${b}`);

    const page_icon = await tab.evaluate(page_icons);
    if (page_icon.length === 0) report.add(rel, 'no <link rel="icon">');
    for (const href of page_icon) icons.add(href);
    for (const word of await tab.evaluate(find_foreign_words)) report.add(rel, `English on a zh page: ${word}`);

    await tab.addScriptTag({ content: tools.axe_source });
    for (const width of WIDTHS) {
        await tab.setViewportSize({ width, height: HEIGHT });
        const overflow = await tab.evaluate(find_overflow);
        if (overflow)
            report.add(rel, `at ${width} px the page is ${overflow.scroll_width} px wide (viewport ${overflow.client_width}): ` +
                (overflow.culprits.join('; ') || 'no single element found'));
        if (!AXE_WIDTHS.has(width)) continue;
        const result = await tab.evaluate((tags) => axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }), AXE_TAGS);
        for (const v of result.violations) {
            const targets = v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ');
            report.add(rel, `axe ${v.impact} ${v.id} at ${width} px (${v.nodes.length}×: ${targets}): ${v.help}`);
        }
    }
}

async function check_icons(base, icons, report) {
    for (const href of [...icons, new URL('/favicon.ico', base).href]) {
        const r = await fetch(href);
        const type = r.headers.get('content-type') ?? '';
        const bytes = new Uint8Array(await r.arrayBuffer());
        const is_ico = bytes.length > 6 && bytes[0] === 0 && bytes[1] === 0 && bytes[2] === 1 && bytes[3] === 0;
        if (r.status !== 200 || !type.startsWith('image/') || !is_ico)
            report.add(new URL(href).pathname, `icon: status ${r.status}, ${type}, ${is_ico ? '' : 'not an ICO file'}`);
    }
}

// Home, a minutes page and a schedule page at a phone and a desktop width,
// for a person to look at.
async function screenshots(browser, base, pages, dir) {
    fs.mkdirSync(dir, { recursive: true });
    const first = (prefix, preferred) => pages.find((p) => p === preferred) ?? pages.find((p) => p.startsWith(prefix));
    const picks = ['index.html', first('minutes/2', 'minutes/2026-03-12-dangke/index.html'), first('schedules/2', 'schedules/2026/index.html')];
    const tab = await browser.newPage();
    for (const rel of picks.filter(Boolean)) {
        for (const width of [390, 1280]) {
            await tab.setViewportSize({ width, height: HEIGHT });
            await tab.goto(base + rel, { waitUntil: 'load' });
            const file = path.join(dir, `${rel.replace(/\/index\.html$|\.html$/, '').replace(/\//g, '_') || 'home'}-${width}.png`);
            await tab.screenshot({ path: file, fullPage: true });
        }
    }
    await tab.close();
}

async function main() {
    const args = parse_args(process.argv.slice(2));
    const tools = await load_tools();
    const browser_path = process.env.CHUXIN_CHROMIUM || '/usr/bin/chromium';
    if (!fs.existsSync(browser_path)) fail_setup(`no browser at ${browser_path} (Debian package chromium)`);

    const started = Date.now();
    const pages = html_pages(args.site);
    const server = await serve(args.site);
    const base = `http://127.0.0.1:${server.address().port}/`;
    const browser = await tools.chromium.launch({ executablePath: browser_path, headless: true });
    const report = new Report();
    const icons = new Set();
    try {
        let next = 0;
        const worker = async () => {
            const tab = await browser.newPage();
            for (let i = next++; i < pages.length; i = next++) {
                try {
                    await check_page(tab, base, pages[i], tools, report, icons);
                } catch (e) {
                    report.add(pages[i], `error: ${e.message.split('\n')[0]}`);
                }
            }
            await tab.close();
        };
        await Promise.all(Array.from({ length: TABS }, worker));
        await check_icons(base, icons, report);
        if (args.screenshots) await screenshots(browser, base, pages, args.screenshots);
    } finally {
        await browser.close();
        server.close();
    }
    report.failures.sort();
    for (const f of report.failures) console.log(`FAIL ${f}`);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`${pages.length} pages × widths ${WIDTHS.join('/')} (axe at ${[...AXE_WIDTHS].join('/')}): ` +
        `${report.failures.length} failures, ${seconds} s`);
    process.exit(report.failures.length ? 1 : 0);
}

await main();
