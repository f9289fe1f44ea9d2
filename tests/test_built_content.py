"""What the built pages say and link to, in every language: help channels and links.

Expectations come from the configuration and data (tests/siteconfig.py): the
contacts in data/contacts.yml, the pages in docs/<default>/. The English (or
whatever the default language is) page is the source a translation follows.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from bs4 import BeautifulSoup

from rights_guide.model.contacts import find_markers

# Links a template adds to every page or notice, not the page's own text.
NOT_PAGE_TEXT = ".rg-notice, .rg-emergency, .rg-contact, .rg-leaflet, .rg-provenance, .rg-meta"


def article_links(built, path, soup: BeautifulSoup, *, intro: bool = False) -> set[str]:
    """Site pages (as docs paths) the page's own text links to; with intro, only above its first h2."""
    article = soup.select_one("article")
    skipped = {id(a) for box in article.select(NOT_PAGE_TEXT) for a in box.find_all("a")}
    links = [a for a in article.find_all("a", href=True) if id(a) not in skipped]
    if intro and article.h2 is not None:
        before = {id(a) for a in article.h2.find_all_previous("a")}
        links = [a for a in links if id(a) in before]
    found = set()
    for link in links:
        href = link["href"]
        if urlparse(href).scheme or href.startswith(("#", "/")):
            continue
        target = (path.parent / href.split("#")[0]).resolve()
        if target.is_dir():
            target = target / "index.html"
        if target.name == "index.html" and target.is_file():
            found.add(built.source_of(target)[1].as_posix())
    return found


def test_every_help_channel_is_on_a_page(real_site):
    config = real_site.config
    placed = set()
    for source in config.sources():
        text = (config.project.docs / config.default / source).read_text(encoding="utf-8")
        placed |= {marker.id for marker in find_markers(text)}
    unplaced = set(config.contacts) - placed
    assert not unplaced, (f"contacts of data/contacts.yml that no page of docs/{config.default}/ shows "
                          f"([[contact: id]] or [[phone: id]]): {sorted(unplaced)}")


def test_every_language_shows_the_same_contact_cards(real_site):
    config = real_site.config

    def cards(code: str) -> set[str]:
        found = set()
        for source in config.sources():
            soup = real_site.soup(code, source)
            found |= {card["id"].removeprefix("contact-") for card in soup.select(".rg-contact")}
        return found

    expected = cards(config.default)
    assert expected <= set(config.contacts), "every card is a contact of data/contacts.yml"
    for code in config.others():
        assert cards(code) == expected, f"{code}: the pages show other contact cards than {config.default}'s"


def test_translations_link_to_the_same_pages_as_their_source(either_site):
    """Where a page points the reader (in its opening and anywhere in its text) survives translation."""
    config = either_site.config
    for source in config.sources():
        original = config.built(either_site.root, config.default, source)
        soup = either_site.pages[original]
        everywhere = article_links(either_site, original, soup)
        opening = article_links(either_site, original, soup, intro=True)
        for code in config.others():
            if not config.has(code, source):
                continue
            path = config.built(either_site.root, code, source)
            assert article_links(either_site, path, either_site.pages[path]) == everywhere, \
                f"docs/{code}/{source} links to other pages than docs/{config.default}/{source}"
            assert article_links(either_site, path, either_site.pages[path], intro=True) == opening, \
                f"docs/{code}/{source}: its opening (above the first heading) links elsewhere than the source's"


def test_links_to_a_heading_of_another_page_resolve_in_every_language(real_site):
    config = real_site.config
    checked = 0
    ids: dict = {}
    for path, soup in real_site.content_pages.items():
        for link in soup.select("article a[href*='#']"):
            target, fragment = link["href"].split("#", 1)
            if not target or urlparse(target).scheme:
                continue
            page = (path.parent / target / "index.html").resolve()
            if page not in ids:
                ids[page] = {element["id"] for element in real_site.pages[page].select("[id]")}
            assert fragment in ids[page], f"{path}: {link['href']} names no heading of {page}"
            checked += 1
    linked = any(re.search(r"\]\([^)\s]+\.md#", (config.project.docs / code / source).read_text(encoding="utf-8"))
                 for code in config.codes for source in config.sources(code))
    assert checked or not linked, "docs/ link to headings of other pages, yet no built page does"

