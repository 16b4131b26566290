/* chuxin search: the results page (search/index.html). It reads the query
 * and the filters from the address (?q=…&kind=…&org=…&year=…), runs
 * chuxinSearch.search (search.js) and puts each result, in rank order, as an
 * <a> inside #search-results, and the count in #search-count (aria-live).
 * Words come from the page's data-* attributes, in the site's language;
 * kind and branch names from the filter menus' own options. */
(function () {
    'use strict';
    const S = window.chuxinSearch;
    const PAGE = 50;  // results shown at once; "more" shows the next ones

    function labels(select) {
        const out = {};
        if (select) for (const o of select.options) if (o.value) out[o.value] = o.textContent;
        return out;
    }

    function say(template, values) {
        return template.replace(/\{(\w+)\}/g, function (_, k) { return values[k] === undefined ? '' : values[k]; });
    }

    function resultItem(hit, words, kinds, orgs, up) {
        const li = document.createElement('li');
        li.className = 'search-result';
        const a = document.createElement('a');
        a.href = up + hit.page.href;
        a.textContent = hit.page.title;
        const h = document.createElement('h2');
        h.appendChild(a);
        li.appendChild(h);
        const meta = document.createElement('p');
        meta.className = 'meta';
        meta.textContent = [kinds[hit.page.kind] || hit.page.kind, orgs[hit.page.org] || hit.page.org, hit.page.date]
            .filter(Boolean).join(' · ');
        li.appendChild(meta);
        const p = document.createElement('p');
        p.className = 'excerpt';
        for (const piece of S.excerpt(hit.page, words)) {
            if (piece.mark) {
                const m = document.createElement('mark');
                m.textContent = piece.text;
                p.appendChild(m);
            } else {
                p.appendChild(document.createTextNode(piece.text));
            }
        }
        li.appendChild(p);
        return li;
    }

    async function run() {
        const box = document.getElementById('search-page');
        const form = document.getElementById('search-form');
        const list = document.getElementById('search-results');
        const countEl = document.getElementById('search-count');
        const more = document.getElementById('search-more');
        if (!box || !form || !list || !countEl) return;
        S.base = box.dataset.index || '';
        const params = new URLSearchParams(window.location.search);
        const query = params.get('q') || '';
        const filters = { kind: params.get('kind') || '', org: params.get('org') || '', year: params.get('year') || '',
            tag: params.get('tag') || '' };
        form.elements.q.value = query;
        for (const name of ['kind', 'org', 'year']) if (form.elements[name]) form.elements[name].value = filters[name];
        for (const select of form.querySelectorAll('select'))
            select.addEventListener('change', function () { form.requestSubmit ? form.requestSubmit() : form.submit(); });
        if (!S.terms(query).length) {
            countEl.textContent = box.dataset.empty;
            box.dataset.state = 'done';
            return;
        }
        countEl.textContent = box.dataset.loading;
        let found;
        try {
            found = await S.search(query, filters, { show: PAGE });
        } catch (e) {
            countEl.textContent = box.dataset.failed;
            box.dataset.state = 'failed';
            return;
        }
        const kinds = labels(form.elements.kind), orgs = labels(form.elements.org);
        const up = box.dataset.root || '';
        let shown = 0, busy = false;
        async function show() {  // the next PAGE results, their text loaded first
            if (busy) return;  // a second click while the text loads
            busy = true;
            const end = Math.min(found.results.length, shown + PAGE);
            try {
                await S.show(found.results, shown, end);
            } finally {
                busy = false;
            }
            for (; shown < end; ++shown) list.appendChild(resultItem(found.results[shown], found.words, kinds, orgs, up));
            if (more) more.hidden = shown >= found.results.length;
        }
        if (more) more.addEventListener('click', function () { show(); });
        await show();
        countEl.textContent = found.results.length
            ? say(box.dataset.count, { n: found.results.length, q: query })
            : say(box.dataset.none, { q: query });
        document.title = query + ' - ' + document.title;
        box.dataset.state = 'done';  // for tests: the results are in
    }

    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', run);
    else run();
})();
