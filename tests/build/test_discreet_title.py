"""`extra.discreet_title` (mkdocs.yml): off, each page's <title> names the page and
the site; on, every page's title is the neutral `discreet_title` string of its
language, so browser history and tab lists do not name the topic."""

from __future__ import annotations

import yaml
from bs4 import BeautifulSoup

from tests.conftest import mkdocs_build


def titles(site) -> dict[str, str]:
    return {str(page.relative_to(site)): BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").title.string
            for page in sorted(site.rglob("*.html"))}


def language_of(path: str) -> str:
    first = path.split("/", 1)[0]
    return first if first in ("fi", "ar") else "en"


def test_titles_name_the_page_by_default(built_fixture_site):
    found = titles(built_fixture_site)
    assert found["help/index.html"].startswith("Help - ")
    assert len(set(found.values())) > 3


def test_discreet_titles_are_the_neutral_name_on_every_page(fixture_site):
    config = fixture_site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "  discreet_title: false\n" in text
    config.write_text(text.replace("  discreet_title: false\n", "  discreet_title: true\n"), encoding="utf-8")
    site = fixture_site.parent / "out"
    result = mkdocs_build(fixture_site, site)
    assert result.returncode == 0, result.stderr
    found = titles(site)
    assert len(found) >= 9  # pages and 404 pages in three languages
    for path, title in found.items():
        strings = yaml.safe_load((fixture_site / "data/strings" / f"{language_of(path)}.yml").read_text(encoding="utf-8"))
        assert title == strings["discreet_title"], (path, title)
