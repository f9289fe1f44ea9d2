"""Notices a reader sees on translated pages, built from the fixture site."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.conftest import mkdocs_build


def build_page(root, page):
    site = root.parent / "out"
    result = mkdocs_build(root, site)
    assert result.returncode == 0, result.stderr
    return BeautifulSoup((site / page).read_text(encoding="utf-8"), "html.parser")


def test_outdated_translation_tells_the_reader_when_english_changed(fixture_site):
    english = fixture_site / "docs/en/help.md"
    english.write_text(english.read_text(encoding="utf-8").replace("Call 112.", "Call 112 at once."), encoding="utf-8")
    soup = build_page(fixture_site, "fi/help/index.html")
    notice = soup.select_one(".rg-notice--outdated")
    assert notice is not None
    assert notice.time["datetime"] in notice.get_text()
    assert notice.get_text(" ", strip=True).startswith("Tämän sivun englanninkielinen versio muuttui")
    assert notice.a["href"] == "../../help/"
    untouched = build_page(fixture_site, "fi/index.html")
    assert untouched.select_one(".rg-notice--outdated") is None


def test_up_to_date_draft_shows_only_the_draft_notice(fixture_site):
    soup = build_page(fixture_site, "ar/help/index.html")
    assert soup.select_one(".rg-notice--outdated") is None
    assert soup.select_one(".rg-notice--draft") is not None


def test_reviewed_translation_has_no_draft_notice(fixture_site):
    page = fixture_site / "docs/fi/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace("status: draft", "status: reviewed"), encoding="utf-8")
    soup = build_page(fixture_site, "fi/index.html")
    assert soup.select_one(".rg-notice--draft") is None
