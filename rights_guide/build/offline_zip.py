"""One language's built pages as a zip, for a computer (build/offline.py).

Every page of the language's menu (mkdocs.yml `nav`) and the files those
pages use (stylesheet, script, icon, print QR codes, leaflets if made),
in one folder guide-<code>/ with the language's home page at its top. Links
are rewritten to work from file://, where a folder is not its index.html: a
link to a page gets "index.html", and a link to anything the zip does not hold
becomes its address online. Search needs a web server (it downloads the
language's index), so the search button and box are removed and each page
says so at the top, in the page's language (the placeholder's words).
"""

from __future__ import annotations

import html
import posixpath
import zipfile
from pathlib import Path

from rights_guide.build.htmlrewrite import Attributes, has_class, rewrite
from rights_guide.build.offline import FOLDER, Edition, resolve

EPOCH = (1980, 1, 1, 0, 0, 0)  # one date for every entry: the same pages give the same zip


def zip_path(edition: Edition, site_path: str) -> str:
    """Where a file of the site goes in the zip: the language's pages at the top."""
    file_path = site_path + "index.html" if site_path.endswith("/") else site_path
    if file_path.startswith(edition.prefix):
        return file_path[len(edition.prefix):]
    return file_path.lstrip("/")


class Pages:
    """The zip's pages, and the other files their links need, collected while rewriting."""

    def __init__(self, edition: Edition, pages: list[str]):
        self.edition = edition
        self.pages = set(pages)
        self.files: dict[str, Path] = {}

    def holds(self, path: str) -> bool:
        file = self.edition.file(path)
        if path in self.pages:
            return True
        top = path.lstrip("/").split("/")[0]
        return file.is_file() and file.suffix != ".html" and top not in {FOLDER, "search"}

    def link(self, page: str, href: str) -> str:
        if href.startswith("#"):
            return href
        target = resolve(page, href)
        if target is None:
            return href
        path, fragment = target
        if not self.holds(path):
            return self.edition.online(path, fragment)
        destination = zip_path(self.edition, path)
        if path not in self.pages:
            self.files[destination] = self.edition.file(path)
        relative = posixpath.relpath(destination, posixpath.dirname(zip_path(self.edition, page)) or ".")
        return relative + (f"#{fragment}" if fragment else "")

    def rewrite(self, page: str, note: str, note_language: str = "") -> str:
        def drop(tag: str, attributes: Attributes) -> bool:
            return ("data-rg-search" in attributes or (tag == "label" and attributes.get("for") == "__search")
                    or has_class(attributes, "rg-offline"))

        def change(tag: str, attributes: Attributes) -> Attributes | None:
            changed = {name: self.link(page, value) if name in ("href", "src") and value else value
                       for name, value in attributes.items()}
            return None if changed == attributes else changed

        def after(tag: str, attributes: Attributes) -> str:
            if note and has_class(attributes, "rg-page"):
                return (f'<p class="rg-notice rg-notice--offline" role="note"{note_language}>'
                        f'{html.escape(note)}</p>')
            return ""

        return rewrite(self.edition.file(page).read_text(encoding="utf-8"), drop, change, after)


def entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=EPOCH)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = 0o644 << 16
    return info


def write_zip(edition: Edition, note: str, note_language: str) -> Path:
    """site/offline/guide-<code>.zip; returns its path. note_language: lang and dir of the
    search note where it is the default language's text."""
    pages = Pages(edition, list(edition.nav))
    texts = {zip_path(edition, page): pages.rewrite(page, note, note_language) for page in sorted(pages.pages)}
    top = f"guide-{edition.code}/"
    with zipfile.ZipFile(edition.archive, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(texts):
            archive.writestr(entry(top + name), texts[name])
        for name in sorted(pages.files):
            archive.writestr(entry(top + name), pages.files[name].read_bytes())
    return edition.archive
