"""The bench corpus as a Hugo site, for the peer comparison (peers.md).

Same pages, same bodies. Hugo front matter keeps title, date and tags; the
kind-specific fields that chuxin renders (study items, checklist items,
meeting data, lessons) are put into the body as the Markdown table or quote
that chuxin's page shows, so that both tools render about the same text.
`ref:` links become relative links. Layouts are minimal: a menu of sections,
the page with its date and tags, section and tag lists paginated by 20 with
summaries, the tag index, RSS and sitemap (Hugo's defaults).
"""
import os

CONFIG = """baseURL = "https://study.example.org/"
languageCode = "zh-CN"
defaultContentLanguage = "zh"
title = "初心学习平台（基准测试站点）"
hasCJKLanguage = true
paginate = 20
rssLimit = -1
enableRobotsTXT = false
[taxonomies]
  tag = "tags"
[params]
  publisher = "中共示例区委宣传部"
"""

BASEOF = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if not .IsHome }}{{ .Title }} · {{ end }}{{ site.Title }}</title>
<link rel="stylesheet" href="{{ "style.css" | relURL }}">
</head>
<body>
<header><a class="site" href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav>{{ range site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a> {{ end }}<a href="{{ "/tags/" | relURL }}">标签</a></nav>
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
<footer>{{ site.Params.publisher }}</footer>
</body>
</html>
"""

SINGLE = """{{ define "main" }}<article>
<h1>{{ .Title }}</h1>
<p class="meta"><time>{{ .Date.Format "2006-01-02" }}</time>{{ range .GetTerms "tags" }} <a class="tag" href="{{ .RelPermalink }}">{{ .LinkTitle }}</a>{{ end }}</p>
{{ .Content }}
</article>{{ end }}
"""

LIST = """{{ define "main" }}<h1>{{ .Title }}</h1>
{{ .Content }}
{{ $pager := .Paginate .Pages }}
<ul class="list">
{{ range $pager.Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time><p>{{ .Summary | plainify | truncate 120 }}</p></li>
{{ end }}</ul>
{{ template "_internal/pagination.html" . }}
{{ end }}
"""

INDEX = """{{ define "main" }}<h1>{{ site.Title }}</h1>
{{ .Content }}
<ul class="list">
{{ range first 20 site.RegularPages.ByDate.Reverse }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time></li>
{{ end }}</ul>
{{ end }}
"""

TAXONOMY = """{{ define "main" }}<h1>{{ .Title }}</h1>
<ul class="terms">
{{ range .Data.Terms.ByCount }}<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>
{{ end }}</ul>
{{ end }}
"""

CSS = """body{font-family:"Noto Sans CJK SC","WenQuanYi Micro Hei",sans-serif;max-width:46em;margin:auto;line-height:1.7}
nav a{margin-right:.8em}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.2em .5em}
.meta,.list time{color:#666}.tag{background:#f3e5e5;padding:0 .3em}
"""


def rel_link(src_url, target, anchor):
    """Relative link from one pretty URL (/a/b/) to another."""
    depth = src_url.count("/") - 1
    return "../" * depth + target.url.lstrip("/") + (f"#{anchor}" if anchor else "")


def front_matter(p):
    tags = ", ".join('"' + t + '"' for t in p.tags)
    title = p.title.replace('"', '\\"')
    return f'---\ntitle: "{title}"\ndate: {p.date.isoformat()}\ntags: [{tags}]\n---\n\n'


def write_hugo(corpus, out, resolve_refs, section_titles, write):
    write(os.path.join(out, "config.toml"), CONFIG)
    lay = os.path.join(out, "layouts")
    write(os.path.join(lay, "_default", "baseof.html"), BASEOF)
    write(os.path.join(lay, "_default", "single.html"), SINGLE)
    write(os.path.join(lay, "_default", "list.html"), LIST)
    write(os.path.join(lay, "_default", "term.html"), LIST)
    write(os.path.join(lay, "_default", "taxonomy.html"), TAXONOMY)
    write(os.path.join(lay, "index.html"), INDEX)
    write(os.path.join(out, "static", "style.css"), CSS)
    write(os.path.join(out, "content", "_index.md"), '---\ntitle: "初心学习平台"\n---\n')
    for sec in sorted({p.section for p in corpus.pages}):
        write(os.path.join(out, "content", sec, "_index.md"),
              f"---\ntitle: {section_titles[sec]}\n---\n\n本栏目收录{section_titles[sec]}。\n")
    for p in corpus.pages:
        def link(target, anchor, title, src=p):
            return f"[{title}]({rel_link(src.url, target, anchor)})"
        body = resolve_refs(corpus, (p.meta_md + "\n" if p.meta_md else "") + p.body, link)
        write(os.path.join(out, "content", p.section, p.stem + ".md"), front_matter(p) + body)
