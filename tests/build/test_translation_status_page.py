"""The published "Translation status" page carries the table of `python -m rights_guide status`.

The page is whichever source page holds the placeholder hooks/translation_status.py
fills; it is checked in every language the site builds.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from rights_guide.model import status
from tests.siteconfig import SITE

PLACEHOLDER = "<!-- translation-status -->"
STATUS_PAGES = [source for source in SITE.sources()
                if PLACEHOLDER in (SITE.project.docs / SITE.default / source).read_text(encoding="utf-8")]


@pytest.mark.parametrize("source", STATUS_PAGES)
@pytest.mark.parametrize("code", SITE.codes)
def test_status_page_shows_every_translated_language(built_site, code, source):
    page = SITE.built(built_site, code, source)
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    rows = [[cell.get_text(strip=True) for cell in row.find_all("td")] for row in soup.select("article table tr")[1:]]
    assert rows == [list(row) for row in status.rows(SITE.project)], f"{page}: not the table of `status`"
    expected = {f"{SITE.names[other]} ({other})" for other in SITE.others()}
    assert {row[0] for row in rows} == expected, f"{page}: one row per language of mkdocs.yml but {SITE.default}"
