"""The pocket card: 8 to an A4 sheet with cut marks, the configured numbers at
18pt or more, nothing on its face that says what it is about."""

from __future__ import annotations

import subprocess

from bs4 import BeautifulSoup
from PIL import Image

from rights_guide.build import leaflets
from tests.leaflets import pdfread
from tests.leaflets.conftest import ALL_LANGUAGES, DEFAULT, LANGUAGES, PROJECT, SETTINGS, numbers, ui
from tests.leaflets.test_leaflets import BODY_MIN, TOLERANCE, avoided, has_date

CARDS = 8
NUMBER_MIN = 18.0


def test_a_card_sheet_for_every_built_language(made):
    cards = made.of(leaflets.CARD)
    assert sorted(card.language for card in cards) == sorted(ALL_LANGUAGES)
    for card in cards:
        reader = pdfread.reader(card.pdf)
        assert len(reader.pages) == 1 and pdfread.language(card.pdf) == card.language
        width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
        assert (round(width), round(height)) == (595, 842), "A4 in points"


def test_eight_cards_each_with_every_number_at_18pt(made):
    wanted = numbers(SETTINGS.card_contacts)
    assert wanted
    for card in made.of(leaflets.CARD):
        assert min(run.size for run in pdfread.runs(card.pdf)[0]) >= BODY_MIN - TOLERANCE, card.pdf
        for number in wanted:
            drawn = [line for line in pdfread.lines(card.pdf)[0] if line.text == number]
            assert len(drawn) == CARDS and min(run.size for run in drawn) >= NUMBER_MIN, (card.pdf, number)


def test_nothing_on_its_face_says_what_it_is_about(made):
    for card in made.of(leaflets.CARD):
        face = pdfread.text(card.pdf).lower()
        for word in avoided(card.language):
            assert word not in face, (card.pdf, word)
        words = ui(card.language)
        for contact_id in SETTINGS.card_contacts:
            assert pdfread.normalise(words[f"contacts.{contact_id}.short_name"]).lower() in face


def test_says_who_gives_it_out_when_and_where_to_read_more(made, tmp_path):
    for card in made.of(leaflets.CARD):
        shown = pdfread.text(card.pdf)
        assert shown.count(SETTINGS.organisation) == CARDS, card.pdf
        assert has_date(shown, leaflets.document.printed_date()), card.pdf
        home = leaflets.document.address_of(SETTINGS, PROJECT, card.language, "index")
        assert home.split("://", 1)[1] in shown.replace(" ", ""), card.pdf
    # Decoded from an image for the default language and one language of each other script
    # (LANGUAGES, as for the page leaflets): the code is made the same way whatever the words.
    for card in made.of(leaflets.CARD):
        if card.language in LANGUAGES:
            home = leaflets.document.address_of(SETTINGS, PROJECT, card.language, "index")
            assert pdfread.qr_codes(card.pdf, tmp_path, 1) == [home] * CARDS, card.pdf


def test_cut_marks_in_the_margins_in_line_with_the_cards(made, tmp_path):
    card = made.of(leaflets.CARD)[0]
    dpi = 100
    prefix = tmp_path / "sheet"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-gray", str(card.pdf), str(prefix)], check=True)
    image = Image.open(next(tmp_path.glob("sheet*.png"))).convert("L")
    px = dpi / 25.4

    def dark(x_mm: float, y_mm: float) -> bool:
        x, y = round(x_mm * px), round(y_mm * px)
        return min(image.getpixel((x + dx, y)) for dx in (-1, 0, 1)) < 200

    for x in (8, 105, 202):  # the cards' vertical edges, above and below the sheet of cards
        assert dark(x, 6) and dark(x, 290), x
    for y in (12.5, 80.5, 148.5, 216.5, 284.5):  # horizontal edges, left and right
        assert min(image.getpixel((round(3 * px), round(y * px) + dy)) for dy in (-1, 0, 1)) < 200, y


def test_linked_from_the_configured_page_with_its_size(made):
    for card in made.of(leaflets.CARD):
        for page in card.links():
            assert page.parent.name == SETTINGS.card_page or (SETTINGS.card_page == "index")
            holder = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(
                '.rg-leaflet[data-rg-leaflet="card"]')
            assert not holder.has_attr("hidden") and (page.parent / holder.a["href"]).resolve() == card.pdf.resolve()
            assert str(max(1, round(card.pdf.stat().st_size / 1024))) in holder.a.get_text()
    assert {card.language for card in made.of(leaflets.CARD) if card.links()} >= {DEFAULT}
