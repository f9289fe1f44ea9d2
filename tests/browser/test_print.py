"""Printing a normal page from Chromium: clean A4, contacts whole, QR code back online."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from pypdf import PdfReader

from tests.browser.conftest import DESKTOP, LANGUAGES, RTL, SAMPLES, SITE, goto, page_path

# In each language the last page of its sample (an English fallback where it lacks pages).
PRINTED = [(code, page_path(code, SAMPLES[code][-1])) for code in LANGUAGES]
# The PDF is made of a content page of a right-to-left language where the site has one.
PDF_LANGUAGE = sorted(RTL)[0] if RTL else LANGUAGES[-1]
PDF_PAGE = page_path(PDF_LANGUAGE, SAMPLES[PDF_LANGUAGE][1])


def computed(page, selector: str, prop: str, pseudo: str | None = None):
    return page.evaluate(
        "([s, p, pseudo]) => { const e = document.querySelector(s); "
        "return e ? getComputedStyle(e, pseudo).getPropertyValue(p) : null; }", [selector, prop, pseudo])


@pytest.mark.parametrize(("language", "path"), PRINTED, ids=[language for language, _ in PRINTED])
def test_print_media_shows_content_and_hides_chrome(open_context, site_origin, language, path):
    context, traffic = open_context(**DESKTOP)
    page = context.new_page()
    goto(page, site_origin, path)
    page.emulate_media(media="print")

    for chrome in (".rg-exit", ".md-header", ".md-sidebar--primary", ".rg-footer", ".md-search"):
        assert computed(page, chrome, "display") in ("none", None), chrome
    for kept in (".rg-emergency", ".rg-provenance", "article h1"):
        assert page.locator(kept).first.is_visible(), kept
    cards = page.locator(".rg-contact")
    assert all(cards.nth(i).is_visible() for i in range(cards.count()))
    assert computed(page, ".rg-contact", "break-inside") in ("avoid", None)
    link = page.locator("article a[data-rg-print]").first
    short = link.get_attribute("data-rg-print")
    after = page.evaluate("e => getComputedStyle(e, '::after').content", link.element_handle())
    assert after == '" (" attr(data-rg-print) ")"' or short in after
    assert computed(page, "body", "direction") == ("rtl" if language in RTL else "ltr")
    traffic.assert_clean()


def test_printed_pdf_is_a4_and_its_qr_code_opens_the_page(open_context, site_origin, tmp_path):
    if not (shutil.which("zbarimg") and shutil.which("pdftoppm")):
        pytest.skip("zbarimg and pdftoppm (Debian: zbar-tools, poppler-utils) read the QR code")
    context, _ = open_context(**DESKTOP)
    page = context.new_page()
    goto(page, site_origin, PDF_PAGE)
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    reader = PdfReader(pdf)
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, "A4 in points"
    text = " ".join(p.extract_text() for p in reader.pages)
    for number in SITE.emergency_numbers:
        assert number in text, f"{PDF_PAGE}: the printed page lacks {number} (extra.emergency_contacts)"
    last = len(reader.pages)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", str(last), "-l", str(last), str(pdf), str(tmp_path / "p")],
                   check=True)
    image = next(tmp_path.glob("p*.png"))
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True).stdout.strip()
    assert decoded == SITE.site_url + PDF_PAGE.lstrip("/"), f"QR code of {PDF_PAGE}: {decoded!r}"
