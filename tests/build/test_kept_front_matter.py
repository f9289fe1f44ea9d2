"""A translation that leaves out last_reviewed and sources shows English's."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.conftest import mkdocs_build


def test_page_facts_left_out_of_a_translation_come_from_english(fixture_site):
    # The fixture's docs/fi/index.md has neither; docs/en/index.md has both.
    site = fixture_site.parent / "out"
    result = mkdocs_build(fixture_site, site)
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((site / "fi/index.html").read_text(encoding="utf-8"), "html.parser")
    meta = soup.select_one(".rg-page-meta")
    assert meta is not None
    assert meta.time["datetime"] == "2026-11-30"
    assert [a["href"] for a in meta.select(".rg-page-meta__sources a")] == [
        "https://migri.fi/en/assistance-system-for-victims-of-human-trafficking"]
