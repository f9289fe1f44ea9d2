"""Link each PDF from its pages: partials/leaflet-link.html leaves a hidden,
empty placeholder per kind of PDF a page offers (page, card, booklet), with
the label and the note in the page's language; `make leaflets` fills in the
link, the file's size (and the booklet's page count) and shows it. Then the
changed pages get new .gz and .br copies (rights_guide/build/deploy.py).
"""

from __future__ import annotations

import html
import os
import re
from pathlib import Path

from rights_guide.build import deploy
from rights_guide.build.leaflets.plan import Leaflet
from rights_guide.problems import Problem

# The placeholder, empty and hidden, or filled by an earlier run.
PLACEHOLDER = re.compile(
    r'<p class="rg-leaflet"(?: hidden)? data-rg-leaflet="(?P<kind>[^"]+)"(?P<attrs>[^>]*)>.*?</p>', re.S)
ATTRIBUTE = re.compile(r'data-rg-([a-z]+)="([^"]*)"')


def size_kb(pdf: Path) -> int:
    return max(1, round(pdf.stat().st_size / 1024))


def link_html(match: re.Match, leaflet: Leaflet, page: Path, pages: int) -> str:
    attrs = {name: html.unescape(value) for name, value in ATTRIBUTE.findall(match.group("attrs"))}
    href = os.path.relpath(leaflet.pdf, page.parent).replace(os.sep, "/")
    label = attrs.get("label", "").replace("{size}", str(size_kb(leaflet.pdf))).replace("{pages}", str(pages))
    hreflang = f' hreflang="{html.escape(attrs["hreflang"])}"' if attrs.get("hreflang") else ""
    notes = [attrs.get("note", "")]
    english = sum(section.language != leaflet.language for section in leaflet.sections)
    if english and attrs.get("english"):
        notes.insert(0, attrs["english"].replace("{count}", str(english)))
    note = " ".join(html.escape(text) for text in notes if text)
    return (f'<p class="rg-leaflet" data-rg-leaflet="{match.group("kind")}"{match.group("attrs")}>'
            f'<a href="{html.escape(href)}" type="application/pdf"{hreflang} download>{html.escape(label)}</a>'
            + (f' <span class="rg-leaflet__note">{note}</span>' if note else "") + "</p>")


def link_leaflet(leaflet: Leaflet, page: Path, pages: int = 1) -> bool:
    """Fill the page's placeholder of the leaflet's kind; False if it has none."""
    text = page.read_text(encoding="utf-8")
    for match in PLACEHOLDER.finditer(text):
        if match.group("kind") == leaflet.kind:
            text = text[:match.start()] + link_html(match, leaflet, page, pages) + text[match.end():]
            page.write_text(text, encoding="utf-8")
            return True
    return False


def link_leaflets(leaflets: list[Leaflet], site: Path, pages: dict[Path, int] | None = None) -> list[Problem]:
    """Link each leaflet from its pages, and renew the changed pages' .gz and .br copies."""
    errors, changed = [], []
    for leaflet in leaflets:
        for page in leaflet.links():
            if link_leaflet(leaflet, page, (pages or {}).get(leaflet.pdf, 1)):
                changed.append(page)
            else:
                errors.append(Problem(page, 1, "leaflet-no-placeholder",
                                      f"the page has no placeholder for the {leaflet.kind} leaflet.",
                                      "keep partials/leaflet-link.html in main.html."))
    # A server with gzip_static would otherwise send the page as it was before.
    deploy.compress_files(site, sorted(set(changed)))
    return errors
