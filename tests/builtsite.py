"""A built site read page by page, with the configuration that says what it must be.

The repository's site is checked as it is; the fixture site (tests/fixtures/site)
is checked the same way because it is sure to have what the real site may not:
a right-to-left language, a page left untranslated and draft translations.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bs4 import BeautifulSoup

from tests.conftest import FIXTURE
from tests.siteconfig import SiteConfig

FIXTURE_CONFIG = SiteConfig(FIXTURE)


@dataclass
class Built:
    name: str  # "site" (the repository's) or "fixture"
    config: SiteConfig
    root: Path
    pages: dict[Path, BeautifulSoup]

    @property
    def content_pages(self) -> dict[Path, BeautifulSoup]:
        """Every page but the 404 pages (the pages written from docs/)."""
        return {path: soup for path, soup in self.pages.items() if path.name == "index.html"}

    def language_of(self, page: Path) -> str:
        first = page.relative_to(self.root).parts[0]
        return first if first in self.config.others() else self.config.default

    def source_of(self, page: Path) -> tuple[str, Path]:
        """(language, path of the page within a docs/<lang>/ folder) for a built page."""
        relative = page.relative_to(self.root)
        language = self.language_of(page)
        if language != self.config.default:
            relative = relative.relative_to(language)
        folder = relative.parent
        return language, (Path("index.md") if folder == Path(".") else folder.with_suffix(".md"))

    def soup(self, code: str, source: str) -> BeautifulSoup:
        return self.pages[self.config.built(self.root, code, source)]


def read_site(name: str, config: SiteConfig, root: Path) -> Built:
    found = {}
    for path in sorted(root.rglob("*.html")):
        if "assets" not in path.relative_to(root).parts:
            found[path] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    missing = [str(path.relative_to(root)) for path in config.expected_pages(root) if path not in found]
    assert not missing, (f"{name}: pages of docs/{config.default}/ (in every language of mkdocs.yml) "
                         f"or 404 pages not built: {missing}")
    return Built(name, config, root, found)
