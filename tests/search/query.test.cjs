// The query code of the page (themes/default/static/js/search.js) under
// Node, on the index chuxin writes for a small site made here: exact
// substring recall after folding, AND of words, the ranking, the excerpt,
// the filters. The index files are loaded as the browser loads them: run as
// scripts that call back into chuxinSearch.
'use strict';
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');
const { execFileSync } = require('node:child_process');

const BIN = process.env.CHUXIN_BIN;
const SCRIPT = path.join(__dirname, '../../themes/default/static/js/search.js');

function page(rel, front, body) {
    return [rel, '---\n' + front + '\n---\n' + body + '\n'];
}

const PAGES = [
    page('content/a.md', 'title: 会议记录的写法\ndate: 2026-01-01', '记录要写清楚。'),
    page('content/b.md', 'title: 其他文章\ndate: 2026-02-01', '## 会议记录\n\n正文。'),
    page('content/c.md', 'title: 第三篇\ndate: 2026-03-01', '这是一段简单的文字，会议记录在后面：会议记录，会议记录。'),
    page('content/d.md', 'title: 第四篇\ndate: 2026-04-01', '会议记录只有一次。'),
    page('content/e.md', 'title: 第五篇\ndate: 2025-04-01', '会议记录只有一次。'),
    page('content/f.md', 'title: 规则\ndate: 2025-05-01', '用 RRULE 写重复规则，依据 GB/T 9704—2012，2026年起施行。每个月都要开会。'),
    page('content/g.md', 'title: 草稿\ndraft: true', '会议记录草稿'),
    page('content/h.md', 'title: 不收录\nsearch: false', '会议记录不收录'),
    // 甲乙 and 乙丙 on one page, 甲乙丙 on the other: the grams alone would
    // take the first for 甲乙丙 too.
    page('content/x1.md', 'title: 交叉一\ndate: 2024-01-01', '甲乙丁，乙丙戊。哈哈哈'),
    page('content/x2.md', 'title: 交叉二\ndate: 2024-01-02\ntags: ["样例"]', '甲乙丙。甲乙丙，甲乙丙，甲乙丙。'),
    page('content/minutes/m.md', 'title: 三月支部活动\nmeeting: 主题党日\ndate: 2026-03-03\nlocation: 三楼会议室\nhost: 李某\norg: jiguan-1', '学习&lt;讨论&gt;。'),
];

let site;
function build() {
    if (site) return site;
    assert.ok(BIN, 'CHUXIN_BIN names the chuxin binary (set by CTest)');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chuxin-search-query-'));
    fs.writeFileSync(path.join(dir, 'site.yaml'), 'title: 测试\norgs:\n  - id: jiguan-1\n    name: 机关一支部\n');
    for (const [rel, text] of PAGES) {
        fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
        fs.writeFileSync(path.join(dir, rel), text);
    }
    execFileSync(BIN, ['build', '--source', dir, '--output', path.join(dir, 'public'), '--no-pdf', '--as-of', '2026-07-01']);
    site = path.join(dir, 'public');
    process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
    return site;
}

// A fresh copy of the script, as a browser tab would have it.
function engine() {
    const root = build();
    delete require.cache[require.resolve(SCRIPT)];
    const S = require(SCRIPT);
    S.reset();
    globalThis.chuxinSearch = S;
    S.loader = async (rel) => { vm.runInThisContext(fs.readFileSync(path.join(root, 'search', rel), 'utf8')); };
    vm.runInThisContext(fs.readFileSync(path.join(root, 'search/fold.js'), 'utf8'));
    return S;
}

async function titles(query, filters) {
    const S = engine();
    return (await S.search(query, filters)).results.map((r) => r.page.title);
}

test('folding: width, case, traditional characters; the length stays', () => {
    const S = engine();
    assert.equal(S.fold('ＲＲＵＬＥ　Ｇｂ'), 'rrule gb');
    assert.equal(S.fold('每個月都會議記錄'), '每个月都会议记录');
    const mixed = '會議 ＡＢＣ 𠀀 x';
    assert.equal(S.fold(mixed).length, mixed.length);
    assert.deepEqual(S.terms('  会议   記錄 会议 '), ['会议', '记录']);
});

test('grams: one character alone, else the pairs', () => {
    const S = engine();
    assert.deepEqual(S.grams('会'), ['会']);
    assert.deepEqual(S.grams('会议记'), ['会议', '议记']);
    assert.equal(S.grams('一二三四五六七八九十甲乙').length, 11);
});

test('page sets: a bitmap or the gaps between ids, as set_code.cpp writes them', () => {
    const S = engine();
    assert.deepEqual(Array.from(S.decodeSet('', 3)), [0, 0, 0]);
    // '!' is digit 0, '$' digit 1; '[' (digit 55) continues: (55 − 45)·45 + 0 = 450
    assert.deepEqual(S.readNumbers('!$[!'), [0, 1, 450]);
    const ids = (flags) => Array.from(flags).flatMap((f, i) => (f ? [i] : []));
    assert.deepEqual(ids(S.decodeSet('!$', 5)), [0, 2]);
    // '#' then 6 pages a character: '(' is digit 5 = pages 0 and 2; '%' digit 2 = page 7
    assert.deepEqual(ids(S.decodeSet('#(%', 12)), [0, 2, 7]);
});

test('a query inside a word finds it (no word segmentation)', async () => {
    assert.deepEqual(await titles('段简'), ['第三篇']);
    assert.deepEqual(await titles('是一段'), ['第三篇']);
});

test('a traditional query finds simplified text', async () => {
    assert.deepEqual(await titles('每個月都'), ['规则']);
    assert.equal((await titles('會議記錄')).length, 5);
});

test('Latin words and numbers, any case and width', async () => {
    assert.deepEqual(await titles('rrule'), ['规则']);
    assert.deepEqual(await titles('ＲＲＵＬＥ'), ['规则']);
    assert.deepEqual(await titles('GB/T 9704'), ['规则']);
    assert.deepEqual(await titles('2012'), ['规则']);
});

test('several words must all occur', async () => {
    assert.deepEqual(await titles('会议记录 简单'), ['第三篇']);
    assert.deepEqual(await titles('会议记录 规则'), []);
});

test('drafts and search: false pages are never found', async () => {
    assert.deepEqual(await titles('草稿'), []);
    assert.deepEqual(await titles('不收录'), []);
});

test('structured fields are found: a meeting type, place, host', async () => {
    assert.deepEqual(await titles('三楼会议室'), ['三月支部活动']);
    assert.deepEqual(await titles('李某'), ['三月支部活动']);
});

test('ranking: title, then headings, then more occurrences, then newer', async () => {
    assert.deepEqual(await titles('会议记录'), ['会议记录的写法', '其他文章', '第三篇', '第四篇', '第五篇']);
});

test('a long word is exact: pages holding all its grams apart are not found', async () => {
    const S = engine();
    const found = await S.search('甲乙丙');
    assert.deepEqual(found.results.map((r) => r.page.title), ['交叉二']);
    assert.equal(found.settled, false);  // no gram's context holds 甲乙丙: the text decided
    assert.deepEqual(await titles('乙丙戊'), ['交叉一']);
});

test('a long word inside a gram\'s context is settled by the index alone', async () => {
    const S = engine();
    const found = await S.search('三楼会议室', {}, { show: 0 });
    assert.equal(found.settled, true);
    assert.equal(found.results.length, 1);
    assert.deepEqual(S.loadedFiles().filter((f) => f.startsWith('t/') || f === 'd.js'), []);
});

test('occurrences count up to three: beyond, the newer page is first', async () => {
    // 交叉二 holds 甲乙 four times and is newer; a page with it three times would tie.
    assert.deepEqual(await titles('甲乙'), ['交叉二', '交叉一']);
});

test('the index and the text give the same results, count and order', async () => {
    for (const q of ['会议记录', '会', '记录 会议', '甲乙', '三楼会议室', '2026', 'rrule', '每個月都', '甲乙丙', '哈哈']) {
        const a = await engine().search(q, {}, { show: 0 });
        const b = await engine().search(q, {}, { show: 0, fromText: true });
        const key = (r) => [r.id, r.rank.tier, r.rank.occurrences].join(':');
        assert.deepEqual(a.results.map(key), b.results.map(key), q);
    }
});

test('a tag filter', async () => {
    assert.deepEqual(await titles('甲乙', { tag: '样例' }), ['交叉二']);
    assert.deepEqual(await titles('甲乙', { tag: '没有' }), []);
});

test('filters by kind, org and year', async () => {
    assert.deepEqual(await titles('学习', { kind: 'minutes' }), ['三月支部活动']);
    assert.deepEqual(await titles('学习', { org: 'jiguan-1' }), ['三月支部活动']);
    assert.deepEqual(await titles('会议记录', { year: '2025' }), ['第五篇']);
    assert.deepEqual(await titles('会议记录', { kind: 'studylist' }), []);
});

test('nothing found is an empty list, not an error', async () => {
    assert.deepEqual(await titles('没有这样的文字'), []);
    assert.deepEqual(await titles('   '), []);
});

test('the excerpt marks every occurrence near the first match, in the original text', async () => {
    const S = engine();
    const found = await S.search('會議記錄');
    const third = found.results.find((r) => r.page.title === '第三篇');
    const pieces = S.excerpt(third.page, found.words);
    assert.deepEqual(pieces.filter((p) => p.mark).map((p) => p.text), ['会议记录', '会议记录', '会议记录']);
    assert.equal(pieces.map((p) => p.text).join(''), '这是一段简单的文字，会议记录在后面：会议记录，会议记录。');
});

test('a query loads the text of the results it shows only', async () => {
    const S = engine();
    const found = await S.search('会议记录', {}, { show: 1 });
    assert.equal(found.results.length, 5);
    assert.equal(S.loadedFiles().filter((f) => f.startsWith('t/')).length, 1);
    assert.ok(found.results[0].page);
    assert.equal(found.results[4].page, null);
    await S.show(found.results, 1, 5);
    assert.equal(found.results[4].page.title, '第五篇');
});

test('the excerpt reads as the page: a break between Chinese sentences is no space, others one', () => {
    const S = engine();
    const page = { body: '参观。\n上午9时，Ab\ncd  学习', fields: '', summary: '', headings: '', title: '', tags: [] };
    const pieces = S.excerpt(page, ['上午']);
    assert.deepEqual(pieces, [{ text: '参观。', mark: false }, { text: '上午', mark: true }, { text: '9时，Ab cd 学习', mark: false }]);
});
