"""Links carry a short form of their address (`data-rg-print`), which the
print stylesheet shows after the link text: on paper a link is only useful if
the reader can type it.

Content links get it from two Markdown treeprocessors (this module is listed
under `markdown_extensions` in mkdocs.yml): links to other websites, and links
to other pages of this site, which get the page's own address online (the
first link to each page only, so a page full of glossary links stays
readable). Links the templates write (source lists, contact cards, the exit
link) get it from the `print_attribute` template global.
"""

from __future__ import annotations

import re
from html import unescape
from urllib.parse import urljoin
from xml.etree.ElementTree import Element

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor
from markupsafe import Markup

MAX_SHORT = 32


def short_form(url: str) -> str:
    """`https://www.example.fi/en/help/` -> `example.fi/en/help`; a long
    address shortens to its site, which a reader can still type and search."""
    address = unescape(url).split("://", 1)[1].split("#", 1)[0].split("?", 1)[0]
    address = re.sub(r"^www\.", "", address).rstrip("/")
    return address if len(address) <= MAX_SHORT else address.split("/", 1)[0]


def print_address(url: str, text: str = "") -> str | None:
    """The short address to print after a link, or None where there is none to
    add: not another website, or the text already shows the site's name."""
    if not re.match(r"https?://", url or ""):
        return None
    short = short_form(url)
    return None if short.split("/", 1)[0] in text else short


def print_attribute(url: str, text: str = "") -> Markup:
    """` data-rg-print="..."` for a template (escaped: rights_guide/build/escaping.py), or nothing."""
    short = print_address(str(url), str(text))
    return Markup(' data-rg-print="%s"') % short if short else Markup("")


class PrintAddresses(Treeprocessor):
    def run(self, root: Element) -> None:
        for link in root.iter("a"):
            short = print_address(link.get("href", ""), "".join(link.itertext()))
            if short and "data-rg-print" not in link.attrib:
                link.set("data-rg-print", short)


def site_form(url: str) -> str:
    """`https://www.example.org/fi/help/#x` -> `example.org/fi/help`, never shortened:
    the reader needs the page, not only the site."""
    address = unescape(url).split("://", 1)[-1].split("#", 1)[0].split("?", 1)[0]
    return re.sub(r"^www\.", "", address).rstrip("/")


class PageAddresses(Treeprocessor):
    """Links to other pages of the site, after MkDocs has made them relative
    URLs (its "relpath" treeprocessor knows the page and the configuration)."""

    def run(self, root: Element) -> None:
        relpath = self.md.treeprocessors["relpath"] if "relpath" in self.md.treeprocessors else None
        site_url = getattr(getattr(relpath, "config", None), "site_url", None)
        if relpath is None or not site_url:
            return  # outside an MkDocs build: no page, no site address
        site_url = site_url.rstrip("/") + "/"
        here = urljoin(site_url, relpath.file.url)
        seen = {here}
        for link in root.iter("a"):
            href = link.get("href", "")
            if not href or href.startswith("#") or re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", href):
                continue
            target = urljoin(here, href).split("#", 1)[0]
            if target in seen or not target.startswith(site_url) or "data-rg-print" in link.attrib:
                continue
            seen.add(target)
            link.set("data-rg-print", site_form(target))


class PrintLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # Low priority: after inline links are made and attributes are set.
        md.treeprocessors.register(PrintAddresses(md), "rg_print_addresses", 1)
        # After MkDocs's "relpath" (priority 0), which turns page.md links into the pages' URLs.
        md.treeprocessors.register(PageAddresses(md), "rg_print_page_addresses", -1)


def makeExtension(**kwargs) -> PrintLinksExtension:  # noqa: N802 (Markdown's entry point)
    return PrintLinksExtension(**kwargs)
