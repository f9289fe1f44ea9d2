"""The page-load model: what each page of a built site costs a reader on a first
and a repeat view, in bytes and requests (deterministic: tests assert budgets).

It follows the references in each page's HTML and stylesheets
(bench/references.py) and never assumes a file name, except for one piece of
behaviour it cannot read from HTML: when a page runs Material's own bundle.js,
the script fetches the search worker, the search index, the lunr files and a
sitemap.xml per distinct `<link rel=alternate>` address as soon as the page
opens; that is modelled from Material 9.8's source and the stack notes.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from rights_guide.bench.references import References, chrome_gzip, css_references
from rights_guide.build import deploy
from rights_guide.build.material import index_languages, lunr_files
from rights_guide.model.project import Project, page_url

# Budgets per page, asserted by tests/bench/test_budgets.py on the built site.
FIRST_VIEW_GZIP = 25 * 1024
FIRST_VIEW_REQUESTS = 4
# A repeat view downloads only the page's HTML. Its words (content, menu, buttons) cost
# 1 byte a letter in Latin script, 2 in Arabic or Cyrillic and 3 in Thai or Chinese, so
# the tight budget is on everything else, the chrome: the markup with every word between
# tags taken out (inline scripts and styles stay). The whole page has a loose cap.
CHROME_GZIP = 4608  # 4.5 KB
REPEAT_VIEW_GZIP = 10 * 1024

VERSIONS = ("mkdocs", "mkdocs-material", "mkdocs-static-i18n", "pymdown-extensions")
# Material's own script; what it fetches at start-up is modelled in `_material_startup`.
MATERIAL_BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-fA-F]{8,}\.min\.js$")
SEARCH_WORKERS = "assets/javascripts/workers/search.*.js"
# Segmenters Material's search worker imports for these index languages.
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
def file_size(file: Path, path: str) -> Size:
    """Raw, gzip (level 9) and brotli sizes of one file at site path `path`. Brotli at the
    quality of the build's precompressed copies (rights_guide/build/deploy.py: 10 for
    fingerprinted files, 5 for the rest), for our site and stock alike: what a server sends.
    Quality 11 would take 27 s more at 19 languages for copies 11% smaller."""
    data = file.read_bytes()
    return Size(len(data), len(deploy.gzip_bytes(data)),
                len(deploy.brotli_bytes(data, deploy.brotli_quality(path))))


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
    chrome_gzip: int = 0  # the markup without the words (see CHROME_GZIP)

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
        return Request(path, kind, file_size(file, path) if file.is_file() else None)

    def pages(self) -> list[Path]:
        # Not pages: assets, and the offline copies (rights_guide/build/offline.py).
        return sorted(p for p in self.root.rglob("*.html")
                      if p.relative_to(self.root).parts[0] not in ("assets", "offline"))

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


def page_load(site: Site, page: Path) -> PageLoad:
    """Every request a first view of `page` makes without interaction, each file once."""
    page_url = site.url_of(page)
    html = page.read_text(encoding="utf-8")
    refs = References()
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
    return PageLoad(shown.removesuffix("index.html"), language, page_type, list(requests.values()),
                    chrome_gzip(html))


def _material_startup(site: Site, refs: References, page_url: str,
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
    folder = site.root / page_url("", language, site.default)
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

