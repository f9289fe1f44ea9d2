"""The published "Translation status" page carries the table of `python -m rights_guide status`."""

from __future__ import annotations

from bs4 import BeautifulSoup

from rights_guide.model import status
from tests.conftest import CHECKOUT


def test_status_page_shows_every_translated_language(built_site):
    soup = BeautifulSoup((built_site / "translation-status/index.html").read_text(encoding="utf-8"), "html.parser")
    rows = [[cell.get_text(strip=True) for cell in row.find_all("td")] for row in soup.select("article table tr")[1:]]
    expected = [list(row) for row in status.rows(CHECKOUT)]
    assert rows == expected
    assert {row[0] for row in rows} == {"Suomi (fi)", "العربية (ar)"}
