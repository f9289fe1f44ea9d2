"""`python -m rights_guide benchmark`: what each page costs a reader, ours against stock Material.

Bytes and requests are read from a built site, so they are deterministic and
tests/bench/test_budgets.py asserts budgets on them. The model is generic: it
follows the references in each page's HTML (and in the stylesheets that HTML
loads) and never assumes a file name, except for one piece of behaviour it
cannot read from HTML: when a page runs Material's own bundle.js, the script
fetches the search worker, the search index, the lunr files and a sitemap.xml
per distinct `<link rel=alternate>` address as soon as the page opens; that is modelled
from Material 9.8's source and the measurements in the stack notes.

Build times come from rights_guide/bench/buildtime.py: timings, reported, never asserted.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import importlib.metadata
import json
import os
import platform
import re
import statistics
import sys
import tempfile
from dataclasses import dataclass
from datetime import datetime, timezone
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import brotli

from rights_guide.build import deploy
from rights_guide.build.material import index_languages, lunr_files
from rights_guide.model.project import Project

# Budgets per page, asserted by tests/bench/test_budgets.py on the built site.
FIRST_VIEW_GZIP = 25 * 1024
FIRST_VIEW_REQUESTS = 4
REPEAT_VIEW_GZIP = 6 * 1024
# Every page names every language twice (the header's list and the footer's), about 45
# bytes gzip a language: the repeat view may grow by this much for each language beyond
# BUDGET_LANGUAGES, so adding languages alone never breaks the budget.
BUDGET_LANGUAGES = 3
REPEAT_VIEW_PER_LANGUAGE = 64


def repeat_view_budget(languages: int) -> int:
    """The repeat-view budget (bytes gzip) of a page on a site built in `languages` languages."""
    return REPEAT_VIEW_GZIP + REPEAT_VIEW_PER_LANGUAGE * max(0, languages - BUDGET_LANGUAGES)

VERSIONS = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions")
# Material's own script; what it fetches at start-up is modelled in `_material_startup`.
MATERIAL_BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-fA-F]{8,}\.min\.js$")
SEARCH_WORKERS = "assets/javascripts/workers/search.*.js"
# Segmenters Material's search worker imports for these index languages.
ICON_RELS = {"icon", "apple-touch-icon", "apple-touch-icon-precomposed"}
KB = 1024


# ---------------------------------------------------------------------------
# Sizes and requests

@dataclass(frozen=True)
class Size:
    raw: int = 0
    gzip: int = 0
    brotli: int = 0

    def __add__(self, other: Size) -> Size:
        return Size(self.raw + other.raw, self.gzip + other.gzip, self.brotli + other.brotli)


@functools.lru_cache(maxsize=None)
def file_size(file: Path) -> Size:
    data = file.read_bytes()
    return Size(len(data), len(gzip.compress(data, compresslevel=9, mtime=0)),
                len(brotli.compress(data, quality=11)))


@dataclass(frozen=True)
class Request:
    url: str            # path inside the site ("/assets/x.css"), or the full URL elsewhere
    kind: str           # page, stylesheet, script, icon, image, font, ... (what made the request)
    size: Size | None   # None: missing (404), or on another host (unknown)
    same_origin: bool = True

    @property
    def fingerprinted(self) -> bool:
        """Cached for a year by the deploy rules (a content hash in the name: rights_guide/build/deploy.py)."""
        return self.same_origin and deploy.is_fingerprinted(self.url)

    @property
    def problems(self) -> list[str]:
        found = []
        if not self.same_origin:
            found.append("another host")
        elif self.size is None:
            found.append("missing file (404)")
        if self.url.rsplit("/", 1)[-1].startswith("sitemap.xml"):
            found.append("sitemap.xml on load")
        return found


def total(requests: list[Request]) -> Size:
    return sum((r.size or Size() for r in requests), Size())


@dataclass
class PageLoad:
    url: str            # "/fi/help/"
    language: str
    page_type: str      # the page's path inside its language: "help", "index", "404"
    requests: list[Request]

    @property
    def first_view(self) -> Size:
        return total(self.requests)

    @property
    def repeat_requests(self) -> list[Request]:
        """A second visit with the cache warm: the HTML, and every file without a fingerprint."""
        return [r for r in self.requests if r.kind == "page" or not r.fingerprinted]

    @property
    def repeat_view(self) -> Size:
        return total(self.repeat_requests)

    @property
    def problems(self) -> list[tuple[Request, str]]:
        return [(r, problem) for r in self.requests for problem in r.problems]


# ---------------------------------------------------------------------------
# Reading a built site

@dataclass(frozen=True)
class Site:
    root: Path
    origin: str                 # site_url, e.g. "https://rights-guide.example.org/"
    languages: tuple[str, ...]  # default first
    default: str

    @classmethod
    def of(cls, project: Project, root: Path) -> Site:
        config = project.config().data or {}
        origin = str(config.get("site_url") or "http://localhost/")
        languages = [language.code for language in project.languages()] or ["en"]
        default = project.default_language()
        ordered = tuple([default] + [code for code in languages if code != default])
        return cls(root, origin if origin.endswith("/") else origin + "/", ordered, default)

    def url_of(self, file: Path) -> str:
        return self.origin + file.relative_to(self.root).as_posix()

    def request(self, url: str, kind: str) -> Request:
        """A request for an absolute URL: sized from the site tree when it is on this site."""
        parts = urlsplit(url)
        if not url.startswith(self.origin):
            # Same host but outside site_url's folder is as unknown as another host.
            return Request(url.split("#")[0], kind, None, same_origin=False)
        path = "/" + unquote(parts.path)[len(urlsplit(self.origin).path):]
        file = self.root / path.lstrip("/")
        if path.endswith("/"):
            file = file / "index.html"
        elif file.is_dir():
            file = file / "index.html"  # the server redirects to the folder's index
        return Request(path, kind, file_size(file) if file.is_file() else None)

    def pages(self) -> list[Path]:
        return sorted(p for p in self.root.rglob("*.html")
                      if p.relative_to(self.root).parts[0] != "assets")

    def language_of(self, file: Path) -> tuple[str, str]:
        """(language, page type) of a page from its place in the tree."""
        parts = list(file.relative_to(self.root).parts)
        language = self.default
        if len(parts) > 1 and parts[0] in self.languages and parts[0] != self.default:
            language = parts.pop(0)
        if parts[-1] == "index.html":
            parts.pop()
        else:
            parts[-1] = parts[-1].removesuffix(".html")
        return language, "/".join(parts) or "index"


class _References(HTMLParser):
    """Everything in a page that makes a browser fetch without interaction."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.found: list[tuple[str, str]] = []          # (kind, reference)
        self.images: list[list[str]] = []               # candidates; the browser fetches one
        self.alternates: list[str] = []
        self.has_icon = False
        self.search_form = False
        self.config_text: str | None = None
        self._in_config = False
        self._picture: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = {name: value or "" for name, value in attrs}
        rel = set(a.get("rel", "").lower().split())
        if tag == "base" and self.base is None and a.get("href"):
            self.base = a["href"]
        elif tag == "link" and a.get("href"):
            if "stylesheet" in rel:  # any media: print stylesheets are fetched too
                self.found.append(("stylesheet", a["href"]))
            elif rel & ICON_RELS:
                self.has_icon = True
                self.found.append(("icon", a["href"]))
            elif rel & {"preload", "modulepreload"}:
                self.found.append(("preload", a["href"]))
            elif "manifest" in rel:
                self.found.append(("manifest", a["href"]))
            elif "alternate" in rel:
                self.alternates.append(a["href"])
        elif tag == "script":
            if a.get("id") == "__config":
                self._in_config, self.config_text = True, ""
            # Browsers that run modules skip `nomodule` scripts.
            if a.get("src") and "nomodule" not in a:
                self.found.append(("script", a["src"]))
        elif tag == "picture":
            self._picture = []
        elif tag == "source" and self._picture is not None and a.get("srcset"):
            self._picture += _srcset_urls(a["srcset"])
        elif tag == "img":
            candidates = ([a["src"]] if a.get("src") else []) + _srcset_urls(a.get("srcset", ""))
            if self._picture is not None:
                candidates = self._picture + candidates
                self._picture = []
            if a.get("loading", "").lower() != "lazy" and candidates:
                self.images.append(candidates)
        elif tag == "video" and a.get("poster"):
            self.found.append(("image", a["poster"]))
        elif tag in ("iframe", "embed") and a.get("src") or tag == "object" and a.get("data"):
            self.found.append(("frame", a.get("src") or a["data"]))
        elif tag == "form" and a.get("name") == "search":
            self.search_form = True

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_config = False
        elif tag == "picture":
            self._picture = None

    def handle_data(self, data):
        if self._in_config:
            self.config_text += data


def _srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset (URLs may hold commas, e.g. data: URLs; descriptors follow a space)."""
    urls, i = [], 0
    while i < len(value):
        while i < len(value) and (value[i].isspace() or value[i] == ","):
            i += 1
        start = i
        while i < len(value) and not value[i].isspace():
            i += 1
        url = value[start:i]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            while i < len(value) and value[i] != ",":
                i += 1
        if url:
            urls.append(url)
    return urls


CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*(['"]?)(.*?)\1\s*\)|(['"])(.*?)\3)""", re.I)
CSS_FONT_FACE = re.compile(r"@font-face\s*\{([^}]*)\}", re.I)
CSS_SRC_URL = re.compile(r"""\bsrc\s*:[^;]*?url\(\s*(['"]?)(.*?)\1\s*\)""", re.I)


def css_references(text: str) -> list[tuple[str, str]]:
    """(kind, url) a stylesheet makes the browser fetch by itself: its @imports and fonts.

    Per @font-face only the first url() of its src counts: browsers take the
    first format they support (woff2 everywhere now). Background images are not
    counted: whether one loads depends on the page's elements.
    """
    text = CSS_COMMENT.sub("", text)
    found = [("stylesheet", m.group(2) or m.group(4)) for m in CSS_IMPORT.finditer(text)]
    for face in CSS_FONT_FACE.finditer(text):
        url = CSS_SRC_URL.search(face.group(1))
        if url:
            found.append(("font", url.group(2)))
    return found


def page_load(site: Site, page: Path) -> PageLoad:
    """Every request a first view of `page` makes without interaction, each file once."""
    page_url = site.url_of(page)
    html = page.read_text(encoding="utf-8")
    refs = _References()
    refs.feed(html)
    base = urljoin(page_url, refs.base) if refs.base else page_url
    requests: dict[str, Request] = {}

    def add(kind: str, reference: str, against: str = base) -> Request | None:
        reference = reference.strip()
        if not reference or reference.startswith(("data:", "blob:", "javascript:", "about:", "#")):
            return None
        request = site.request(urljoin(against, reference), kind)
        return requests.setdefault(request.url, request)

    add("page", page_url)
    stylesheets = []
    for kind, reference in refs.found:
        request = add(kind, reference)
        if request is not None and kind == "stylesheet":
            stylesheets.append(request)
    for candidates in refs.images:
        # The browser fetches one candidate: a missing one if any (an error), else the heaviest.
        options = [site.request(urljoin(base, c), "image") for c in candidates
                   if not c.startswith("data:")]
        if options:
            chosen = max(options, key=lambda r: (r.size is None, (r.size or Size()).gzip))
            requests.setdefault(chosen.url, chosen)
    if not refs.has_icon:
        add("icon (default)", "/favicon.ico", site.origin)
    read: set[str] = set()
    while stylesheets:
        sheet = stylesheets.pop(0)
        if sheet.size is None or sheet.url in read:
            continue
        read.add(sheet.url)
        text = (site.root / sheet.url.lstrip("/")).read_text(encoding="utf-8", errors="replace")
        for kind, reference in css_references(text):
            request = add(kind, reference, site.origin + sheet.url.lstrip("/"))
            if request is not None and kind == "stylesheet":
                stylesheets.append(request)
    if any(MATERIAL_BUNDLE.search(r.url) for r in requests.values()):
        for kind, url in _material_startup(site, refs, page_url, base):
            request = site.request(url, kind)
            requests.setdefault(request.url, request)
    language, page_type = site.language_of(page)
    shown = "/" + page.relative_to(site.root).as_posix()
    return PageLoad(shown.removesuffix("index.html"), language, page_type, list(requests.values()))


def _material_startup(site: Site, refs: _References, page_url: str,
                      base: str) -> list[tuple[str, str]]:
    """(kind, URL) Material 9.8's bundle.js fetches when a page opens.

    Read from its source: with a search form in the page, it starts the
    search worker (`search` in __config) and sends it
    `<base>/search/search_index.json`; the worker imports the lunr files the
    index's config.lang needs. Its language switcher fetches `sitemap.xml`
    next to every `<link rel=alternate>` (404 on a static-i18n build).
    """
    found = []
    try:
        config = json.loads(refs.config_text or "{}")
    except json.JSONDecodeError:
        config = {}
    if refs.search_form and config.get("search"):
        worker = urljoin(base, config["search"])
        # Material resolves "base" against the page's address, not <base href>.
        index = urljoin(urljoin(page_url, config.get("base", ".")), "search/search_index.json")
        found += [("search worker", worker), ("search index", index)]
        index_request = site.request(index, "search index")
        if index_request.size is not None:
            languages = index_languages(site.root / index_request.url.lstrip("/"))
            found += [("lunr", urljoin(worker, name)) for name in lunr_files(languages)]
    found += [("sitemap", urljoin(urljoin(base, href), "sitemap.xml")) for href in refs.alternates]
    return found


def measure(project: Project, root: Path) -> list[PageLoad]:
    site = Site.of(project, root)
    return [page_load(site, page) for page in site.pages()]


@dataclass
class SearchCost:
    language: str
    requests: list[Request]
    documents: int

    @property
    def size(self) -> Size:
        return total(self.requests)


def search_cost(site: Site, language: str) -> SearchCost | None:
    """What opening search costs a reader of `language`: index, worker, lunr files."""
    folder = site.root if language == site.default else site.root / language
    index = folder / "search" / "search_index.json"
    if not index.is_file():
        index = site.root / "search" / "search_index.json"  # one index for all languages
    if not index.is_file():
        return None
    requests = [site.request(site.url_of(index), "search index")]
    workers = sorted(site.root.glob(SEARCH_WORKERS))
    requests += [site.request(site.url_of(w), "search worker") for w in workers]
    if workers:
        worker_url = site.url_of(workers[0])
        requests += [site.request(urljoin(worker_url, name), "lunr")
                     for name in lunr_files(index_languages(index))]
    documents = len(json.loads(index.read_text(encoding="utf-8")).get("docs", []))
    return SearchCost(language, requests, documents)


# ---------------------------------------------------------------------------
# The report

def machine() -> list[tuple[str, str]]:
    """(name, value) rows: when, on what, with which versions."""
    cpu = platform.processor() or "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith(("model name", "hardware")):
                cpu = line.split(":", 1)[1].strip()
                break
    system = platform.platform()
    with contextlib.suppress(OSError, KeyError):
        lines = Path("/etc/os-release").read_text().splitlines()
        release = dict(line.split("=", 1) for line in lines if "=" in line)
        system = f"{release['PRETTY_NAME'].strip(chr(34))}, kernel {platform.release()}"
    rows = [("Date (UTC)", datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M")), ("CPU", cpu),
            ("Cores", str(os.cpu_count())), ("OS", system), ("Python", platform.python_version())]
    for name in VERSIONS:
        try:
            rows.append((name, importlib.metadata.version(name)))
        except importlib.metadata.PackageNotFoundError:
            rows.append((name, "not installed"))
    return rows


def _kb(n: int) -> str:
    return f"{n / KB:.1f}"


def _sizes(size: Size) -> str:
    return f"{_kb(size.raw)} / {_kb(size.gzip)} / {_kb(size.brotli)}"


def over_budget(load: PageLoad, languages: int = BUDGET_LANGUAGES) -> list[str]:
    """Why a page of a site in `languages` languages is over budget (empty if it is not)."""
    first, repeat = load.first_view.gzip, load.repeat_view.gzip
    repeat_budget = repeat_view_budget(languages)
    over = []
    if first > FIRST_VIEW_GZIP:
        over.append(f"first view {_kb(first)} KB gzip > {FIRST_VIEW_GZIP // KB} KB")
    if len(load.requests) > FIRST_VIEW_REQUESTS:
        over.append(f"first view {len(load.requests)} requests > {FIRST_VIEW_REQUESTS}")
    if repeat > repeat_budget:
        over.append(f"repeat view {_kb(repeat)} KB gzip > {_kb(repeat_budget)} KB")
    return over


def _grid(loads: list[PageLoad], languages: tuple[str, ...], cell, median) -> list[str]:
    """One row per page type (index first, 404 last), one column per language, then medians."""
    by_key = {(load.page_type, load.language): load for load in loads}
    types = sorted({load.page_type for load in loads}, key=lambda t: (t != "index", t == "404", t))
    lines = ["| Page | " + " | ".join(languages) + " |", "|---" * (len(languages) + 1) + "|"]
    for page_type in types:
        cells = [cell(by_key[page_type, code]) if (page_type, code) in by_key else "—"
                 for code in languages]
        lines.append(f"| `{page_type}` | " + " | ".join(cells) + " |")
    cells = [median([load for load in loads if load.language == code]) for code in languages]
    return lines + ["| **Median** | " + " | ".join(cells) + " |"]


def _view_cell(size: Size, requests: int, over: bool) -> str:
    return f"{_sizes(size)} · {requests:g}" + (" ✗" if over else "")


def _median_cell(view, count):
    def cell(loads: list[PageLoad]) -> str:
        if not loads:
            return "—"
        sizes = [view(load) for load in loads]
        median = Size(*(int(statistics.median(getattr(size, unit) for size in sizes))
                        for unit in ("raw", "gzip", "brotli")))
        return _view_cell(median, statistics.median(count(load) for load in loads), False)
    return cell


def _problem_lines(loads: list[PageLoad]) -> list[str]:
    grouped: dict[str, list[tuple[PageLoad, Request]]] = {}
    for load in loads:
        for request, problem in load.problems:
            grouped.setdefault(problem, []).append((load, request))
    lines = []
    for problem, hits in sorted(grouped.items()):
        load, request = hits[0]
        pages = len({page.url for page, _ in hits})
        lines.append(f"- {problem}: {len(hits)} requests on {pages} pages, "
                     f"e.g. `{load.url}` → `{request.url}`")
    return lines


def _file_table(load: PageLoad) -> list[str]:
    lines = ["| File | Kind | Repeat view | Raw KB | Gzip KB | Brotli KB |",
             "|---|---|---|---|---|---|"]
    repeat = load.repeat_requests
    for r in sorted(load.requests, key=lambda r: -(r.size or Size()).gzip):
        sizes = _sizes(r.size).replace(" / ", " | ") if r.size else "? | ? | ?"
        flag = f" ✗ {'; '.join(r.problems)}" if r.problems else ""
        lines.append(f"| `{r.url}`{flag} | {r.kind} | {'fetched' if r in repeat else 'cached'} "
                     f"| {sizes} |")
    return lines


def weight_sections(site: Site, loads: list[PageLoad]) -> list[str]:
    count = len(site.languages)
    over = [(load, reasons) for load in loads if (reasons := over_budget(load, count))]
    lines = ["## Budgets", "",
             "Asserted by `tests/bench/test_budgets.py` on every page in every language:", "",
             f"- first view: at most {FIRST_VIEW_GZIP // KB} KB gzip "
             f"and {FIRST_VIEW_REQUESTS} requests;",
             f"- repeat view: at most {REPEAT_VIEW_GZIP // KB} KB gzip with up to {BUDGET_LANGUAGES} "
             f"languages, {REPEAT_VIEW_PER_LANGUAGE} bytes more for each further one "
             f"({_kb(repeat_view_budget(count))} KB for these {count});",
             "- no request on load to `sitemap.xml`, to a missing file, or to another host.", ""]
    if over:
        lines.append(f"**{len(over)} of {len(loads)} pages are over budget** (✗ below), e.g.:")
        lines += [f"- `{load.url}`: {'; '.join(reasons)}" for load, reasons in over[:3]]
    else:
        lines.append(f"All {len(loads)} pages are within budget.")
    problems = _problem_lines(loads)
    if problems:
        lines += ["", "**Errors on load** (each fails the tests):", "", *problems]
    else:
        lines += ["", "No page requests `sitemap.xml`, a missing file or another host on load."]

    def first(load: PageLoad) -> str:
        over = load.first_view.gzip > FIRST_VIEW_GZIP or len(load.requests) > FIRST_VIEW_REQUESTS
        return _view_cell(load.first_view, len(load.requests), over)

    def repeat(load: PageLoad) -> str:
        over = load.repeat_view.gzip > repeat_view_budget(count)
        return _view_cell(load.repeat_view, len(load.repeat_requests), over)

    heaviest = max(loads, key=lambda load: load.first_view.gzip)
    return lines + [
        "", "## First view", "",
        "Nothing cached. Cells: raw / gzip / brotli KB · requests.", "",
        *_grid(loads, site.languages, first,
               _median_cell(lambda load: load.first_view, lambda load: len(load.requests))),
        "", "## Repeat view", "",
        "Files the deploy rules let browsers keep for a year (a content hash in the name, under "
        "`/assets/`: `rights_guide/build/deploy.py`) come from the cache; "
        "the HTML and every other file are fetched again in full (a worst case: the server may "
        "answer 304). Cells: raw / gzip / brotli KB · requests.", "",
        *_grid(loads, site.languages, repeat,
               _median_cell(lambda load: load.repeat_view, lambda load: len(load.repeat_requests))),
        "", f"Heaviest first view: `{heaviest.url}`, {_kb(heaviest.first_view.gzip)} KB gzip "
        f"in {len(heaviest.requests)} requests:", "", *_file_table(heaviest), ""]


def search_section(site: Site) -> list[str]:
    lines = ["## Search, on demand", "",
             "What opening search costs a reader, per language: the language's index, the search "
             "worker and the lunr files the index's `config.lang` makes the worker import.", "",
             "| Language | Files | Raw KB | Gzip KB | Brotli KB | Documents |",
             "|---|---|---|---|---|---|"]
    for code in site.languages:
        cost = search_cost(site, code)
        if cost is None:
            lines.append(f"| {code} | no search index | | | | |")
            continue
        files = ", ".join(f"`{r.url}`" + (" (missing)" if r.size is None else "")
                          for r in cost.requests)
        sizes = _sizes(cost.size).replace(" / ", " | ")
        lines.append(f"| {code} | {files} | {sizes} | {cost.documents} |")
    return lines + [""]


def stock_sections(site: Site, loads: list[PageLoad], stock: Site,
                   stock_loads: list[PageLoad]) -> list[str]:
    """Ours against stock, each ratio on the same page in the same language."""
    by_key = {(load.page_type, load.language): load for load in stock_loads}
    pairs = [(load, by_key[load.page_type, load.language]) for load in loads
             if (load.page_type, load.language) in by_key]
    ratios = {unit: [getattr(o.first_view, unit) / getattr(s.first_view, unit) for o, s in pairs]
              for unit in ("raw", "gzip", "brotli")}
    ratios["requests"] = [len(o.requests) / len(s.requests) for o, s in pairs]
    medians = ", ".join(f"{unit} {statistics.median(values):.2f}"
                        for unit, values in ratios.items() if values)

    def cell(load: PageLoad) -> str:
        other = by_key.get((load.page_type, load.language))
        if other is None:
            return f"{_kb(load.first_view.gzip)} / — · {len(load.requests)} / —"
        ratio = load.first_view.gzip / other.first_view.gzip
        return (f"{_kb(load.first_view.gzip)} / {_kb(other.first_view.gzip)} ({ratio:.2f})"
                f" · {len(load.requests)} / {len(other.requests)}")

    def median(language_loads: list[PageLoad]) -> str:
        paired = [(o, s) for o, s in pairs if o in language_loads]
        if not paired:
            return "—"
        gzip_ratio = statistics.median(o.first_view.gzip / s.first_view.gzip for o, s in paired)
        request_ratio = statistics.median(len(o.requests) / len(s.requests) for o, s in paired)
        return f"ratio {gzip_ratio:.2f} · {request_ratio:.2f}"

    heaviest = max(loads, key=lambda load: load.first_view.gzip)
    sample = (by_key.get((heaviest.page_type, heaviest.language))
              or max(stock_loads, key=lambda load: load.first_view.gzip))
    lines = ["## Ours against stock Material", "",
             "The same docs built with the stock config of `rights_guide/bench/buildtime.py`: theme "
             "`material` with its defaults except `font: false` (the default loads Google Fonts, "
             "and builds here have no network), plugins `search` and `i18n` with the same "
             "languages, the same Markdown extensions and menu; no hooks, overrides, extra CSS or "
             "JavaScript.", "",
             "Stock pages run Material's `bundle.js`, which fetches at load what its source shows "
             "and the stack notes measured: the search worker, the one search index static-i18n "
             "writes for all languages, the lunr files its `config.lang` needs, and `sitemap.xml` "
             "next to each distinct `<link rel=alternate>` address (a 404 on these builds). That "
             "part is modelled, not read from HTML.", "",
             "Cells: first view gzip KB ours / stock (ratio) · requests ours / stock. Each ratio "
             f"pairs the same page in the same language; medians over {len(pairs)} pairs: "
             f"{medians}.", "",
             *_grid(loads, site.languages, cell, median), ""]
    stock_search = search_cost(stock, stock.default)
    if stock_search is not None:
        lines += [f"Stock's one search index holds every language ({stock_search.documents} "
                  f"documents; {_kb(stock_search.size.gzip)} KB gzip with the worker and lunr "
                  "files), and every page in every language loads it at once.", ""]
    return lines + [f"Stock first view of `{sample.url}`:", "", *_file_table(sample), ""]


def report(project: Project, site_dir: Path, build_runs: int | None = 3) -> str:
    """The Markdown report. build_runs=None: measure site_dir only (no stock build, no timings)."""
    site = Site.of(project, site_dir)
    loads = measure(project, site_dir)
    lines = ["# Performance", "",
             "Generated by `make bench` (`python -m rights_guide benchmark --write PERFORMANCE.md`); "
             "do not edit by hand. KB = 1024 bytes; gzip level 9, brotli quality 11, per file.", "",
             "## Machine and versions", "", "| | |", "|---|---|",
             *(f"| {name} | {value} |" for name, value in machine()), "",
             "## What is counted", "",
             "A first view is the page's HTML plus everything it makes the browser fetch by "
             "itself, each file once: stylesheets of any media, scripts, icons, preloads, the "
             "manifest, images not marked `loading=lazy` (one srcset candidate, the heaviest), "
             "video posters, frames, and the `@import`s and fonts (first `url()` of each "
             "`@font-face`) of the stylesheets fetched; `/favicon.ico` when no icon is linked. "
             "A request to another host counts with unknown bytes and is an error. Not counted: "
             "background images in CSS, and what scripts fetch, except Material's own "
             "`bundle.js` whose start-up is modelled (see the stock comparison).", "",
             *weight_sections(site, loads),
             *search_section(site)]
    if build_runs is None:
        lines += ["Stock comparison and build times: not measured (`--no-build`).", ""]
        return "\n".join(lines)
    # One definition of "stock" for weights and timings: rights_guide/bench/buildtime.py's.
    from rights_guide.bench import buildtime
    with tempfile.TemporaryDirectory() as out:
        stock_file = Path(out) / "mkdocs.yml"
        stock_file.write_text(buildtime.stock_config(project), encoding="utf-8")
        buildtime.build_seconds(stock_file, Path(out) / "site", {})
        stock = Site(Path(out) / "site", site.origin, site.languages, site.default)
        lines += stock_sections(site, loads, stock, [page_load(stock, p) for p in stock.pages()])
    lines += [buildtime.markdown(project, build_runs).rstrip(), ""]
    return "\n".join(lines)


def run(project: Project, write: Path | None = None, site: Path | None = None,
        runs: int = 3, no_build: bool = False) -> int:
    site = (site or project.root / "site").resolve()
    if not (site / "index.html").exists():
        print(f"{site}/index.html: no built site. Fix: run 'make site' first, or pass --site DIR.")
        return 1
    text = report(project, site, None if no_build else runs)
    if write:
        write.write_text(text, encoding="utf-8")
        print(f"wrote {write}")
    else:
        print(text)
    errors = sum(bool(r.problems) for load in measure(project, site) for r in load.requests)
    if errors:
        print(f"{errors} requests on load go to sitemap.xml, a missing file or another host: "
              "see 'Errors on load' in the report.", file=sys.stderr)
    return 1 if errors else 0
