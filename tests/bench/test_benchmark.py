"""The benchmark's model on small hand-made sites (the budgets on the real site: test_budgets.py).

Bytes and requests are deterministic, so they are asserted; timings are not.
"""

from __future__ import annotations

import gzip
import re
import json
from pathlib import Path

import brotli
import pytest

from rights_guide.bench import pageload
from rights_guide.bench.pageload import Site

ORIGIN = "https://example.org/"


def write(root: Path, files: dict[str, str | bytes]) -> Path:
    for name, content in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return root


def expected_size(root: Path, *names: str) -> pageload.Size:
    """Raw, gzip -9 and brotli sizes, summed over files, computed here independently: brotli
    at quality 10 for a fingerprinted file under assets/ (a hex hash in its name), else 5."""
    datas = [((root / name).read_bytes(), 10 if re.search(r"^assets/.*\.[0-9a-f]{8,}\.", name) else 5)
             for name in names]
    return pageload.Size(sum(len(d) for d, _ in datas),
                          sum(len(gzip.compress(d, compresslevel=9)) for d, _ in datas),
                          sum(len(brotli.compress(d, quality=q)) for d, q in datas))


def load_of(root: Path, page: str) -> pageload.PageLoad:
    return pageload.page_load(Site(root, ORIGIN, ("en", "fi"), "en"), root / page)


PAGE = """<!doctype html><html lang="fi"><head>
<link rel="icon" href="../../assets/icon.svg">
<link rel="stylesheet" href="../../assets/app.3f2a9c1b.css">
<link rel="stylesheet" href="../../assets/print.css" media="print">
<link rel="canonical" href="https://example.org/fi/help/">
<link rel="alternate" hreflang="en" href="../../help/">
<script src="../../assets/app.js"></script>
</head><body>
<img src="../../assets/lazy.png" loading="lazy" alt="">
<img src="../../assets/photo.png" alt="">
<img src="data:image/png;base64,iVBORw0KGgo=" alt="">
<img src="../../assets/missing.png" alt="">
<script src="https://cdn.example.com/tracker.js"></script>
</body></html>
"""
APP_CSS = """@import url("base.css");
@font-face { font-family: Body;
  src: url(fonts/body.woff2) format("woff2"), url(fonts/body.woff) format("woff") }
body { background: url(bg.png) }
.mark { background: url("data:image/svg+xml,<svg/>") }
"""
PRINT_CSS = '@import "base.css";\n@media print { nav { display: none } }\n'
BASE_CSS = '/* @import "commented-out.css"; */\np { color: #222 }\n'


@pytest.fixture
def small_site(tmp_path: Path) -> Path:
    return write(tmp_path / "site", {
        "fi/help/index.html": PAGE,
        "assets/icon.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
        "assets/app.3f2a9c1b.css": APP_CSS,
        "assets/print.css": PRINT_CSS,
        "assets/base.css": BASE_CSS,
        "assets/fonts/body.woff2": bytes(range(256)) * 8,
        "assets/fonts/body.woff": bytes(range(256)) * 16,
        "assets/bg.png": b"\x89PNG" * 100,
        "assets/app.js": "document.documentElement.className = 'js';\n" * 20,
        "assets/lazy.png": b"\x89PNG" * 300,
        "assets/photo.png": b"\x89PNG" + bytes(range(200)),
    })


def test_first_view_counts_what_the_html_and_its_stylesheets_fetch(small_site):
    load = load_of(small_site, "fi/help/index.html")
    assert [(r.url, r.kind) for r in load.requests] == [
        ("/fi/help/index.html", "page"),
        ("/assets/icon.svg", "icon"),
        ("/assets/app.3f2a9c1b.css", "stylesheet"),
        ("/assets/print.css", "stylesheet"),  # print stylesheets are fetched too
        ("/assets/app.js", "script"),
        ("https://cdn.example.com/tracker.js", "script"),
        ("/assets/photo.png", "image"),
        ("/assets/missing.png", "image"),
        ("/assets/base.css", "stylesheet"),  # @imported by both stylesheets, counted once
        ("/assets/fonts/body.woff2", "font"),  # the first format only
    ]
    assert (load.language, load.page_type, load.url) == ("fi", "help", "/fi/help/")
    present = ("fi/help/index.html", "assets/icon.svg", "assets/app.3f2a9c1b.css",
               "assets/print.css", "assets/app.js", "assets/photo.png", "assets/base.css",
               "assets/fonts/body.woff2")
    assert load.first_view == expected_size(small_site, *present)


def test_missing_files_and_other_hosts_are_requests_with_unknown_bytes_and_errors(small_site):
    load = load_of(small_site, "fi/help/index.html")
    assert [(r.url, problem) for r, problem in load.problems] == [
        ("https://cdn.example.com/tracker.js", "another host"),
        ("/assets/missing.png", "missing file (404)"),
    ]
    assert all(r.size is None for r, _ in load.problems)


def test_repeat_view_fetches_the_html_and_every_file_without_a_fingerprint(small_site):
    load = load_of(small_site, "fi/help/index.html")
    assert [r.url for r in load.repeat_requests] == [
        "/fi/help/index.html", "/assets/icon.svg", "/assets/print.css", "/assets/app.js",
        "https://cdn.example.com/tracker.js", "/assets/photo.png", "/assets/missing.png",
        "/assets/base.css", "/assets/fonts/body.woff2"]
    assert load.repeat_view == expected_size(
        small_site, "fi/help/index.html", "assets/icon.svg", "assets/print.css", "assets/app.js",
        "assets/photo.png", "assets/base.css", "assets/fonts/body.woff2")


@pytest.mark.parametrize(("path", "fingerprinted"), [
    ("/assets/stylesheets/main.57a0d79d.min.css", True), ("/assets/rg.3f2a9c1b.css", True),
    ("/assets/x.deadbeef0123.js", True), ("/assets/site.css", False), ("/assets/app.1234567.css", False),
    ("/assets/deadbeefcafe.css", False), ("/search/search_index.json", False),
    # Only what the deploy rules cache for a year counts as cached on a second visit.
    ("/fi/help/app.3f2a9c1b.css", False),
])
def test_repeat_view_reuses_exactly_what_the_deploy_rules_cache(path, fingerprinted):
    assert pageload.Request(path, "script", None).fingerprinted is fingerprinted


def test_one_image_candidate_counts_and_a_page_without_an_icon_asks_for_favicon_ico(tmp_path):
    root = write(tmp_path, {
        "index.html": '<img src="small.png" srcset="small.png 1x, big.png 2x" alt="">'
                      '<picture><source srcset="wide.png"><img src="narrow.png" alt=""></picture>'
                      '<video poster="poster.png"></video>',
        "small.png": b"s" * 10, "big.png": bytes(range(256)) * 4,
        "wide.png": bytes(range(256)) * 2, "narrow.png": b"n" * 10, "poster.png": b"p",
    })
    load = load_of(root, "index.html")
    assert [(r.url, r.kind) for r in load.requests] == [
        ("/index.html", "page"), ("/poster.png", "image"), ("/big.png", "image"),
        ("/wide.png", "image"), ("/favicon.ico", "icon (default)")]
    assert load.problems[0][0].url == "/favicon.ico"


MATERIAL_PAGE = """<html><head>
<link rel="icon" href="icon.svg">
<link rel="alternate" hreflang="en" href="./"><link rel="alternate" hreflang="fi" href="fi/">
<link rel="alternate" hreflang="x-default" href="./">
</head><body><form name="search"></form>
<script id="__config" type="application/json">
{"base": ".", "search": "assets/javascripts/workers/search.0123abcd.min.js"}
</script>
<script src="assets/javascripts/{script}"></script></body></html>
"""


@pytest.fixture
def material_site(tmp_path: Path) -> Path:
    return write(tmp_path, {
        "icon.svg": "<svg/>",
        "sitemap.xml": "<urlset/>",
        "assets/javascripts/bundle.0123abcd.min.js": "/* Material */",
        "assets/javascripts/rg.0123abcd.js": "/* ours */",
        "assets/javascripts/workers/search.0123abcd.min.js": "/* worker */",
        "search/search_index.json": json.dumps({"config": {"lang": ["en", "fi"]},
                                                "docs": [{}, {}]}),
        "assets/javascripts/lunr/min/lunr.stemmer.support.min.js": "/* support */",
        "assets/javascripts/lunr/min/lunr.fi.min.js": "/* fi */",
        "assets/javascripts/lunr/min/lunr.multi.min.js": "/* multi */",
    })


def test_materials_bundle_adds_search_and_a_sitemap_per_alternate_at_load(material_site):
    page = MATERIAL_PAGE.replace("{script}", "bundle.0123abcd.min.js")
    (material_site / "index.html").write_text(page)
    load = load_of(material_site, "index.html")
    assert [(r.url, r.kind) for r in load.requests] == [
        ("/index.html", "page"), ("/icon.svg", "icon"),
        ("/assets/javascripts/bundle.0123abcd.min.js", "script"),
        ("/assets/javascripts/workers/search.0123abcd.min.js", "search worker"),
        ("/search/search_index.json", "search index"),
        ("/assets/javascripts/lunr/min/lunr.stemmer.support.min.js", "lunr"),
        ("/assets/javascripts/lunr/min/lunr.fi.min.js", "lunr"),
        ("/assets/javascripts/lunr/min/lunr.multi.min.js", "lunr"),
        ("/sitemap.xml", "sitemap"),  # en and x-default share an address: one file
        ("/fi/sitemap.xml", "sitemap"),
    ]
    assert [(r.url, problem) for r, problem in load.problems] == [
        ("/sitemap.xml", "sitemap.xml on load"),
        ("/fi/sitemap.xml", "missing file (404)"), ("/fi/sitemap.xml", "sitemap.xml on load")]


def test_a_page_without_materials_bundle_fetches_no_search_at_load(material_site):
    (material_site / "index.html").write_text(MATERIAL_PAGE.replace("{script}", "rg.0123abcd.js"))
    load = load_of(material_site, "index.html")
    assert [r.url for r in load.requests] == [
        "/index.html", "/icon.svg", "/assets/javascripts/rg.0123abcd.js"]
    assert load.problems == []


@pytest.mark.parametrize(("languages", "files"), [
    (["en"], []),
    (["fi"], ["../lunr/min/lunr.stemmer.support.min.js", "../lunr/min/lunr.fi.min.js"]),
    (["th"], ["../lunr/min/lunr.stemmer.support.min.js", "../lunr/wordcut.js",
              "../lunr/min/lunr.th.min.js"]),
    (["ja"], ["../lunr/min/lunr.stemmer.support.min.js", "../lunr/tinyseg.js",
              "../lunr/min/lunr.ja.min.js"]),
    (["en", "ar"], ["../lunr/min/lunr.stemmer.support.min.js", "../lunr/min/lunr.ar.min.js",
                    "../lunr/min/lunr.multi.min.js"]),
])
def test_lunr_files_follow_materials_search_worker(languages, files):
    assert pageload.lunr_files(languages) == files


def test_search_cost_is_the_languages_own_index_worker_and_lunr_files(material_site):
    finnish_index = {"config": {"lang": ["fi"]}, "docs": [{}]}
    write(material_site, {"fi/search/search_index.json": json.dumps(finnish_index)})
    site = Site(material_site, ORIGIN, ("en", "fi", "ar"), "en")
    finnish = pageload.search_cost(site, "fi")
    assert [r.url for r in finnish.requests] == [
        "/fi/search/search_index.json", "/assets/javascripts/workers/search.0123abcd.min.js",
        "/assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
        "/assets/javascripts/lunr/min/lunr.fi.min.js"]
    assert finnish.documents == 1
    files = (r.url.lstrip("/") for r in finnish.requests)
    assert finnish.size == expected_size(material_site, *files)
    # No index of its own: the one index for all languages.
    arabic = pageload.search_cost(site, "ar")
    assert arabic.requests[0].url == "/search/search_index.json" and arabic.documents == 2


def test_chrome_leaves_out_the_words_but_keeps_markup_scripts_and_styles():
    script = "<script>var exit = 'x'; if (a > b) { go(); }</script><style>p > a { color: red }</style>"
    page = ("<html><nav>Menu words</nav>" + script + "<article><h1 id='a'>Title</h1><p>Long text "
            + "word " * 400 + "</p></article></html>")
    without_words = "<html><nav></nav>" + script + "<article><h1 id='a'></h1><p></p></article></html>"
    assert pageload.chrome_gzip(page) == pageload.chrome_gzip(without_words)
    assert pageload.chrome_gzip(page) < len(page) // 10
    assert pageload.chrome_gzip(page.replace("go();", "go(); " + "x" * 500)) > pageload.chrome_gzip(page)
