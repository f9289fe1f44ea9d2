"""The booklet: every page in nav order, in one PDF per language, for shelters
and waiting rooms; parts not translated yet in English and named so."""

from __future__ import annotations

from bs4 import BeautifulSoup

from rights_guide.build import leaflets
from rights_guide.build.leaflets import plan
from tests.leaflets import pdfread
from tests.leaflets.conftest import BOOKLET_LANGUAGES, DEFAULT, PROJECT, SETTINGS, facts, ui
from tests.leaflets.test_leaflets import BODY_MIN, TOLERANCE


def titles(leaflet) -> list[str]:
    found = []
    for section in leaflet.sections:
        h1 = BeautifulSoup(section.html.read_text(encoding="utf-8"), "html.parser").select_one("article h1")
        found.append(pdfread.normalise(h1.get_text()))
    return found


def test_every_page_in_nav_order_for_every_language(made):
    booklets = made.of(leaflets.BOOKLET)
    assert sorted(b.language for b in booklets) == sorted(BOOKLET_LANGUAGES)
    order = plan.nav_order(PROJECT)
    for booklet in booklets:
        assert [section.name for section in booklet.sections] == order
        contents = pdfread.letters(pdfread.page_text(booklet.pdf, 0))
        starts = []
        for index, title in enumerate(titles(booklet), 1):
            assert pdfread.letters(title) in contents, (booklet.pdf, title)
            page, _ = pdfread.destination_y(booklet.pdf, f"rg-part-{index}")
            assert pdfread.letters(title) in pdfread.letters(pdfread.page_text(booklet.pdf, page)), \
                (booklet.pdf, title, page)
            starts.append(page)
        assert starts == sorted(starts) and starts[0] > 0, (booklet.pdf, starts)


def test_parts_in_english_are_named_so(made):
    english = facts(DEFAULT).name
    for booklet in made.of(leaflets.BOOKLET):
        untranslated = [s for s in booklet.sections if s.language != booklet.language]
        contents = pdfread.page_text(booklet.pdf, 0)
        assert contents.count(f"({english})") == len(untranslated), booklet.pdf
        assert pdfread.language(booklet.pdf) == booklet.language


def test_readable_and_linked_with_its_page_count(made, tmp_path):
    for booklet in made.of(leaflets.BOOKLET):
        pages = pdfread.runs(booklet.pdf)
        assert min(run.size for page in pages for run in page) >= BODY_MIN - TOLERANCE, booklet.pdf
        home = leaflets.document.address_of(SETTINGS, PROJECT, booklet.language, "index")
        # The QR code follows the contents: on page 1, or on page 2 where a script's taller
        # lines (Thai) fill page 1 with the contents.
        found = pdfread.qr_codes(booklet.pdf, tmp_path, 1) or pdfread.qr_codes(booklet.pdf, tmp_path, 2)
        assert found == [home], booklet.pdf
        for page in booklet.links():
            holder = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(
                '.rg-leaflet[data-rg-leaflet="booklet"]')
            assert not holder.has_attr("hidden"), page
            size = str(max(1, round(booklet.pdf.stat().st_size / 1024)))
            label = ui(booklet.language)["leaflets.booklet_download"]
            assert holder.a.get_text() == label.replace("{pages}", str(len(pages))).replace("{size}", size)
            assert (page.parent / holder.a["href"]).resolve() == booklet.pdf.resolve()
            english = sum(s.language != booklet.language for s in booklet.sections)
            note = ui(booklet.language)["leaflets.booklet_english"].replace("{count}", str(english))
            assert (note in holder.get_text()) == bool(english), page
