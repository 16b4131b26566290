// `chuxin serve` the way branch staff use it (issue 11 §9), in headless
// Chromium (Debian's chromium): a copy of the default site is served on a
// free port; with its page open in two tabs (and the home page in a third),
//   - an edit of the page's file shows in the open tabs (live reload);
//   - a bad edit shows the overlay with the file and line over the last
//     good page, on every open page of the site;
//   - the fix removes the overlay and shows the page again;
//   - a deleted page's URL answers 404, and its open tab reloads to it.
//
// usage: node check_serve.mjs CHUXIN REPO
// env:   CHUXIN_CHROMIUM  the browser (default /usr/bin/chromium)
// Exit status 0 when every check passes, 1 otherwise (a missing browser or
// missing node_modules is a failure, not a skip).
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const SETUP_HINT = 'run `bash .ci/test` (installs chromium and the npm packages of tests/browser/)';
const WAIT_MS = 20000;
const failures = [];

function fail_setup(message) {
    console.error(`check_serve: ${message}\n  hint: ${SETUP_HINT}`);
    process.exit(1);
}

function check(cond, what) {
    console.log(`${cond ? 'ok  ' : 'FAIL'} ${what}`);
    if (!cond) failures.push(what);
}

function copy_site(repo, dest) {
    fs.mkdirSync(dest, { recursive: true });
    fs.copyFileSync(path.join(repo, 'site.yaml'), path.join(dest, 'site.yaml'));
    for (const folder of ['content', 'templates', 'themes', 'static'])
        if (fs.existsSync(path.join(repo, folder)))
            fs.cpSync(path.join(repo, folder), path.join(dest, folder), { recursive: true });
}

// Starts `chuxin serve` and resolves with its URL once it listens.
function start_serve(chuxin, site) {
    const proc = spawn(chuxin, ['serve', '--source', site, '--port', '0', '--no-pdf', '--as-of', '2026-07-01'],
                       { stdio: ['ignore', 'ignore', 'pipe'] });
    const log = [];
    return new Promise((resolve, reject) => {
        let buffered = '';
        proc.stderr.on('data', (chunk) => {
            buffered += chunk.toString();
            let nl;
            while ((nl = buffered.indexOf('\n')) >= 0) {
                const line = buffered.slice(0, nl);
                buffered = buffered.slice(nl + 1);
                log.push(line);
                const m = line.match(/^serving (http:\/\/127\.0\.0\.1:\d+\/)/);
                if (m) resolve({ proc, url: m[1], log });
            }
        });
        proc.on('exit', (code) => reject(new Error(`chuxin serve exited (${code}):\n${log.join('\n')}`)));
    });
}

const text_of = (tab) => tab.evaluate(() => document.body.innerText);
const has_overlay = (tab) => tab.evaluate(() => !!document.getElementById('chuxin-overlay'));

async function wait_until(what, fn) {
    try {
        const deadline = Date.now() + WAIT_MS;
        while (Date.now() < deadline) {
            try {
                if (await fn()) return true;
            } catch {
                // the page is reloading: its context is gone for a moment
            }
            await new Promise((r) => setTimeout(r, 100));
        }
    } catch {}
    check(false, `${what} (within ${WAIT_MS / 1000} s)`);
    return false;
}

async function main() {
    const [chuxin, repo] = process.argv.slice(2);
    if (!chuxin || !repo) fail_setup('usage: node check_serve.mjs CHUXIN REPO');
    let chromium;
    try {
        ({ chromium } = await import('playwright-core'));
    } catch (e) {
        fail_setup(`tests/browser/node_modules is missing or incomplete (${e.code ?? e.message})`);
    }
    const browser_path = process.env.CHUXIN_CHROMIUM || '/usr/bin/chromium';
    if (!fs.existsSync(browser_path)) fail_setup(`no browser at ${browser_path} (Debian package chromium)`);

    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'chuxin-browser-serve-'));
    const site = path.join(work, 'site');
    copy_site(repo, site);
    const page_file = path.join(site, 'content', 'cases', 'diyi-shuji-wang.md');
    const original = fs.readFileSync(page_file, 'utf8');
    const serve = await start_serve(chuxin, site);
    const browser = await chromium.launch({ executablePath: browser_path, headless: true });
    try {
        const page_url = `${serve.url}cases/diyi-shuji-wang/`;
        const tabs = [await browser.newPage(), await browser.newPage()];
        for (const tab of tabs) await tab.goto(page_url);
        const home = await browser.newPage();
        await home.goto(serve.url);
        check((await text_of(tabs[0])).includes('王某'), 'the page opens through serve');

        // An edit shows in every tab that has the page open.
        fs.writeFileSync(page_file, original + '\n\n浏览器预览测试段落。\n');
        for (const [i, tab] of tabs.entries())
            if (await wait_until(`tab ${i + 1} shows the edit`, async () => (await text_of(tab)).includes('浏览器预览测试段落')))
                check(true, `tab ${i + 1} shows the edit without a manual reload`);

        // A bad edit: the overlay, with file and line, over the last good page — on every open page.
        fs.writeFileSync(page_file, original.replace('date: 2026-03-05', 'date: 2026-03-55'));
        for (const [name, tab] of [['the page', tabs[0]], ['the home page', home]])
            if (await wait_until(`${name} shows the overlay`, () => has_overlay(tab))) {
                const overlay = await tab.evaluate(() => document.getElementById('chuxin-overlay').innerText);
                check(overlay.includes('content/cases/diyi-shuji-wang.md:3:'), `${name}: the overlay names the file and line`);
                check(overlay.includes('2026-03-55'), `${name}: the overlay shows the source line`);
                check(overlay.includes('错误'), `${name}: the overlay speaks the site's language`);
            }
        check((await text_of(tabs[0])).includes('浏览器预览测试段落'), 'under the overlay is the last good page');

        // The fix brings the page back, without the overlay.
        fs.writeFileSync(page_file, original);
        if (await wait_until('the fix removes the overlay', async () => !(await has_overlay(tabs[0]))))
            check(true, 'the fix removes the overlay');
        await wait_until('the fixed page is shown', async () => !(await text_of(tabs[0])).includes('浏览器预览测试段落'));
        check((await text_of(tabs[0])).includes('王某'), 'the page is back');

        // A deleted page: its URL answers 404, its open tab reloads to that.
        const gone_url = `${serve.url}cases/qingnian-dangyuan-liu/`;
        const gone_tab = await browser.newPage();
        const before = await gone_tab.goto(gone_url);
        check(before.status() === 200, 'the page to delete is there');
        fs.rmSync(path.join(site, 'content', 'cases', 'qingnian-dangyuan-liu.md'));
        if (await wait_until('the open tab of the deleted page shows 404', async () => (await text_of(gone_tab)).includes('404')))
            check(true, 'the open tab of the deleted page shows 404');
        const after = await (await browser.newPage()).goto(gone_url);
        check(after.status() === 404, "a deleted page's URL answers 404");
    } finally {
        await browser.close();
        serve.proc.kill('SIGTERM');
        await new Promise((r) => serve.proc.on('exit', r));
        fs.rmSync(work, { recursive: true, force: true });
    }
    console.log(failures.length ? `${failures.length} failed` : 'all passed');
    process.exit(failures.length ? 1 : 0);
}

main().catch((e) => {
    console.error(e);
    process.exit(1);
});
