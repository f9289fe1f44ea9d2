"""A page's leaflet, measured from the PDF as an outreach worker would hand it
out: languages, type sizes, how full the last page is, breaks, discretion,
glyphs, who it is from, the QR code and the link on the page."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, SoupStrainer

from rights_guide.build import leaflets
from rights_guide.build.leaflets import plan, render
from rights_guide.problems import ERROR
from tests.leaflets import pdfread
from tests.leaflets.conftest import (
    CONFIG, DEFAULT, LANGUAGES, PROJECT, SETTINGS, decode_sample, facts, numbers, source_text, ui,
)

BODY_MIN = 11.0
NUMBER_MIN = 16.0
TOLERANCE = 0.05


def test_no_errors(made):
    assert [p.format(PROJECT.root) for p in made.problems if p.severity == ERROR] == []


def test_a_leaflet_for_each_language_that_has_the_page(made):
    names = plan.leaflet_pages(PROJECT)
    number = plan.numbers(PROJECT, names)
    assert names, "no page has 'leaflet: true'"
    for code in LANGUAGES:
        for name in names:
            pdf = made.site / "leaflets" / code / f"info-{number[name]}.pdf"
            offered = code == DEFAULT or plan.translated(PROJECT, code, name)
            assert pdf.exists() == offered, (code, name)
            if offered:
                assert pdfread.language(pdf) == code


def test_a_page_shown_in_english_offers_the_english_leaflet_and_says_so(made):
    english = facts(DEFAULT)
    for leaflet in made.of(leaflets.PAGE):
        for page in leaflet.links():
            link = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one(
                '.rg-leaflet[data-rg-leaflet="page"] a')
            assert (page.parent / link["href"]).resolve() == leaflet.pdf.resolve(), page
            reader_language = page.relative_to(made.site).parts[0]
            if page != leaflet.html:  # a fallback page under another language
                assert link["hreflang"] == DEFAULT and english.name in link.get_text(), page
                assert reader_language != DEFAULT
            else:
                assert not link.has_attr("hreflang")


def test_every_page_fits_two_a4_pages_and_right_to_left_is_right_to_left(made):
    for leaflet in made.of(leaflets.PAGE):
        reader = pdfread.reader(leaflet.pdf)
        assert 1 <= len(reader.pages) <= leaflets.MAX_PAGES, leaflet.pdf
        width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
        assert (round(width), round(height)) == (595, 842), "A4 in points"
        heading = pdfread.runs(leaflet.pdf)[0][0]  # the top box's heading, first on the page
        right_to_left = facts(leaflet.language).direction == "rtl"
        assert (heading.x > width / 2) == right_to_left, (leaflet.pdf, heading)


def test_no_text_under_11pt_and_the_numbers_at_16pt_or_more(made):
    top = numbers(CONFIG["extra"]["emergency_contacts"])
    for leaflet in made.of(leaflets.PAGE):
        pages = pdfread.runs(leaflet.pdf)
        smallest = min(run.size for page in pages for run in page)
        assert smallest >= BODY_MIN - TOLERANCE, (leaflet.pdf, smallest)
        for number in top:
            drawn = [line for line in pdfread.lines(leaflet.pdf)[0] if number in line.text]
            assert drawn and drawn[0].size >= NUMBER_MIN, (leaflet.pdf, number, drawn[:1])


def lowest_content(pdf, page_index: int) -> float:
    """The foot of the lowest text on a page above the "from" block."""
    block = pdfread.destination_y(pdf, render.FROM_BLOCK)
    limit = block[1] if block and block[0] == page_index else float("inf")
    runs = [run for run in pdfread.runs(pdf)[page_index] if run.y < limit and not re.fullmatch(r"[\d /]+", run.text)]
    # A line box ends about half a font size below the baseline (half-leading and descent).
    return max(run.y + 0.45 * run.size for run in runs) if runs else 0.0


def test_the_last_page_carries_at_least_a_quarter_page(made):
    margin = re.search(r"@page \{\s*size: A4;\s*margin: (\d+)mm \d+mm (\d+)mm",
                       (PROJECT.root / leaflets.STYLESHEETS / "leaflet.css").read_text(encoding="utf-8"))
    top, bottom = (float(value) * pdfread.MM for value in margin.groups())
    for leaflet in made.of(leaflets.PAGE):
        count = len(pdfread.reader(leaflet.pdf).pages)
        if count < 2:
            continue
        height = float(pdfread.reader(leaflet.pdf).pages[-1].mediabox.height)
        fill = (lowest_content(leaflet.pdf, count - 1) - top) / (height - top - bottom)
        # Measured from baselines, so up to half a percent under the layout's own measure.
        assert fill >= render.MIN_FILL - 0.005, (leaflet.pdf, round(fill, 3))


def test_no_heading_alone_at_the_foot_of_a_page_or_column(made):
    for leaflet in made.of(leaflets.PAGE):
        pages = pdfread.runs(leaflet.pdf)
        width = float(pdfread.reader(leaflet.pdf).pages[0].mediabox.width)
        for index, page in enumerate(pages[:-1]):
            text = [run for run in page if not re.fullmatch(r"[\d /]+", run.text)]
            body = sorted(run.size for run in text)[len(text) // 2]
            for column in (lambda run: run.x < width / 2, lambda run: run.x >= width / 2):
                runs = [run for run in text if column(run)]
                if runs:
                    last = max(runs, key=lambda run: run.y)
                    assert last.size <= body + 0.5, (leaflet.pdf, index + 1, last)


def test_the_top_box_uses_short_names(made):
    extra = CONFIG["extra"]
    for leaflet in made.of(leaflets.PAGE):
        words = ui(leaflet.language)
        title = BeautifulSoup(leaflet.html.read_text(encoding="utf-8"), "html.parser").select_one("article h1")
        first = pdfread.page_text(leaflet.pdf, 0)
        top = first[:pdfread.find_letters(first, title.get_text())]
        for contact_id in extra["emergency_contacts"]:
            short = pdfread.normalise(words[f"contacts.{contact_id}.short_name"])
            name = pdfread.normalise(words[f"contacts.{contact_id}.name"])
            assert short in top, (leaflet.pdf, contact_id)
            # The short name followed by its number may read as the full name ("Hätänumero"
            # and 112 is "Hätänumero 112"): that is the short name, not the name.
            shown = top
            for number in numbers([contact_id]):
                shown = shown.replace(f"{short} {number}", short)
            assert name not in shown, (leaflet.pdf, contact_id)


def avoided(language: str) -> list[str]:
    words = ui(DEFAULT)["leaflets.avoid_words"] + "," + ui(language)["leaflets.avoid_words"]
    return [word.strip().lower() for word in words.split(",") if word.strip()]


def test_file_names_and_document_properties_are_neutral(made):
    for leaflet, _ in made.done:
        seen = " ".join([leaflet.pdf.name, *pdfread.metadata(leaflet.pdf).values()]).lower()
        assert pdfread.metadata(leaflet.pdf)["Title"], leaflet.pdf
        for word in avoided(leaflet.language):
            assert word not in seen, (leaflet.pdf, word, seen)


def letters(text: str) -> set[str]:
    return {char for char in pdfread.normalise(text) if char.isalnum()}


def test_every_glyph_is_drawn_in_the_languages_font(made):
    for leaflet, _ in made.done:
        shown = pdfread.text(leaflet.pdf)
        assert pdfread.notdef_glyphs(leaflet.pdf) == 0, leaflet.pdf
        assert "\x00" not in shown and "\ufffd" not in shown, leaflet.pdf
        missing = letters(source_text(leaflet)) - letters(shown)
        assert missing == set(), (leaflet.pdf, sorted(missing))
        fonts = pdfread.fonts(leaflet.pdf)
        assert all(font["emb"] == "yes" and font["uni"] == "yes" for font in fonts), (leaflet.pdf, fonts)
        wanted = facts(leaflet.language).font.replace(" ", "-")
        assert any(font["name"].split("+")[-1].startswith(wanted) for font in fonts), (leaflet.pdf, wanted)


def has_date(shown: str, date: str) -> bool:
    """A YYYY-MM-DD date, also as right-to-left text extraction orders it."""
    return date in shown or "-".join(reversed(date.split("-"))) in shown


def test_says_who_it_is_from_and_when(made):
    for leaflet in made.of(leaflets.PAGE):
        shown = pdfread.text(leaflet.pdf)
        reviewed = leaflets.document.last_reviewed(PROJECT, leaflet.language, leaflet.name)
        assert SETTINGS.organisation in shown, leaflet.pdf
        assert reviewed and has_date(shown, reviewed), leaflet.pdf
        assert has_date(shown, leaflets.document.printed_date()), leaflet.pdf
        assert pdfread.normalise(ui(leaflet.language)["leaflets.stamp"]) in shown, leaflet.pdf


def test_qr_code_opens_the_same_page_in_the_same_language(made, tmp_path):
    decoded = decode_sample(made.of(leaflets.PAGE))
    for leaflet in made.of(leaflets.PAGE):
        expected = leaflets.document.address_of(SETTINGS, PROJECT, leaflet.language, leaflet.name)
        assert expected in pdfread.text(leaflet.pdf).replace(" ", ""), leaflet.pdf
        if leaflet in decoded:
            count = len(pdfread.reader(leaflet.pdf).pages)
            assert pdfread.qr_codes(leaflet.pdf, tmp_path, count) == [expected], leaflet.pdf
    assert {leaflet.language for leaflet in decoded} == {leaflet.language for leaflet in made.of(leaflets.PAGE)}


def test_links_to_other_pages_print_their_address(made):
    host = CONFIG["site_url"].split("://", 1)[1].rstrip("/")
    checked = 0
    for leaflet in made.of(leaflets.PAGE):
        page = BeautifulSoup(leaflet.html.read_text(encoding="utf-8"), "html.parser")
        wanted = [a["data-rg-print"] for a in page.select("article a[data-rg-print]")
                  if a["data-rg-print"].startswith(host) and not a.find_parent(class_="rg-page-meta")]
        shown = pdfread.text(leaflet.pdf).replace(" ", "")
        for address in wanted:
            assert address in shown, (leaflet.pdf, address)
            checked += 1
    assert checked, "no leaflet links to another page of the site"


def test_the_page_links_its_leaflet_with_size_and_a_note(made):
    for leaflet in made.of(leaflets.PAGE):
        for page in leaflet.links():
            soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
            holder = soup.select_one('.rg-leaflet[data-rg-leaflet="page"]')
            assert not holder.has_attr("hidden"), page
            size = str(max(1, round(leaflet.pdf.stat().st_size / 1024)))
            assert size in holder.a.get_text() and holder.a.has_attr("download")
            reader_language = soup.html["lang"]
            assert holder.select_one(".rg-leaflet__note").get_text() == ui(reader_language)["leaflets.download_note"]


def test_pages_without_leaflets_never_link_to_one(built_site):
    # Only the holders are made into a tree (SoupStrainer): a whole tree of every page of
    # every language took 24 s.
    holders_only = SoupStrainer(class_=lambda value: value is not None and "rg-leaflet" in value.split())
    pages = holders = 0
    for page in built_site.rglob("index.html"):
        pages += 1
        for holder in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser",
                                    parse_only=holders_only).select(".rg-leaflet"):
            holders += 1
            assert holder.has_attr("hidden") and holder.find("a") is None, page
    # The card's holder is on the configured page in every language (rights_guide/build/leaflets).
    assert holders >= len(PROJECT.languages()), f"{holders} leaflet holders in {pages} pages"


def test_no_menu_or_screen_only_text_is_printed(made):
    for leaflet, _ in made.done:
        shown = pdfread.text(leaflet.pdf)
        words = ui(leaflet.language)
        for key in ("exit_skip_link", "footer_languages", "footer_privacy", "skip_to_content"):
            assert pdfread.normalise(words[key].split("{")[0]) not in shown, (leaflet.pdf, key)
