/* chuxin search: "/" anywhere on a page (but in a text field) focuses the
 * header's search field; Enter then opens the results page (a plain form). */
(function () {
    'use strict';
    document.addEventListener('keydown', function (e) {
        if (e.key !== '/' || e.ctrlKey || e.metaKey || e.altKey) return;
        const t = e.target;
        if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
        const field = document.getElementById('site-search');
        if (!field) return;
        e.preventDefault();
        field.focus();
    });
})();
