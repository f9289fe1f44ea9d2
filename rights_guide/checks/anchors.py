"""Every #anchor a built page links to exists on its target page.

LinkChecker checks that every linked page and file exists. With its anchor
plugin it would also fetch and parse each page once per distinct #anchor
(over 5,000 fetches at 19 languages, three quarters of its time), so anchors
are checked here instead, from the built HTML, in one pass over the files.
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from rights_guide.problems import Problem

# "#" and "#top" need no element: browsers scroll to the top of the page (HTML standard,
# "find a potential indicated element").
NO_ELEMENT_NEEDED = {"", "top"}


class _PageReader(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        if tag in {"a", "area"} and values.get("href"):
            self.links.append((self.getpos()[0], values["href"]))


def _read(path: Path) -> _PageReader:
    reader = _PageReader()
    reader.feed(path.read_text(encoding="utf-8", errors="replace"))
    reader.close()
    return reader


def _page_url(site: Path, path: Path) -> str:
    relative = path.relative_to(site).as_posix()
    return "/" + (relative[: -len("index.html")] if relative.endswith("index.html") else relative)


def _target_file(site: Path, url_path: str) -> Path:
    path = site / unquote(url_path).lstrip("/")
    return path / "index.html" if url_path.endswith("/") else path


def missing_anchors(site: Path, skip: tuple[str, ...] = ("offline/",)) -> list[Problem]:
    """A problem for each link (in <a> or <area>) to an #anchor that its page lacks.
    Pages under `skip` are neither read nor checked (the offline copies have their own test).
    A link to a page that does not exist is LinkChecker's to report, not this check's."""
    pages = {_page_url(site, path): path for path in sorted(site.glob("**/*.html"))
             if not path.relative_to(site).as_posix().startswith(skip)}
    readers = {url: _read(path) for url, path in pages.items()}
    problems = []
    for url, reader in readers.items():
        for line, href in reader.links:
            target = urljoin(url, href)
            parts = urlsplit(target)
            if parts.scheme or parts.netloc or not parts.fragment:
                continue
            anchor = unquote(parts.fragment)
            if anchor in NO_ELEMENT_NEEDED:
                continue
            target_reader = readers.get(parts.path) or _read_if_page(site, parts.path)
            if target_reader is None or anchor in target_reader.ids:
                continue
            problems.append(Problem(
                pages[url], line, "link-missing-anchor",
                f"the link {href!r} leads to #{anchor}, but {parts.path} has no element with id {anchor!r}.",
                "link to a heading that exists on that page (its id is in the built page, or in the "
                "Markdown as {#id}), or give the heading that id in every language."))
    return problems


def _read_if_page(site: Path, url_path: str) -> _PageReader | None:
    path = _target_file(site, url_path)
    return _read(path) if path.suffix == ".html" and path.is_file() else None
