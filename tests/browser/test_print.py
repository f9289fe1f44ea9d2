"""Printing a normal page from Chromium: clean A4, contacts whole, QR code back
online, and the same rules on paper as the PDF leaflets (body text 11pt, link
addresses, screen-only text hidden, headings kept with what follows)."""

from __future__ import annotations

import shutil
import subprocess

import pytest
from pypdf import PdfReader

from tests.browser.conftest import DESKTOP, REPRESENTATIVES, RTL, SITE, goto, page_path
from tests.builtsite import FIXTURE_CONFIG

# The page that links to the pocket card, in every language (translated or shown in English).
CARD_PAGE = SITE.config["extra"]["pocket_card_page"]
# Print styles do not depend on the words: one language per script and direction (conftest.py).
PRINTED = [(code, page_path(code, CARD_PAGE)) for code in REPRESENTATIVES]
HOST = SITE.site_url.split("://", 1)[1].rstrip("/")
POINT = 96 / 72  # CSS pixels per point


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

    for chrome in (".rg-exit", ".md-header", ".md-sidebar--primary", ".rg-footer", ".md-search", ".rg-leaflet"):
        assert computed(page, chrome, "display") in ("none", None), chrome
    for kept in (".rg-emergency", ".rg-provenance", "article h1"):
        assert page.locator(kept).first.is_visible(), kept
    cards = page.locator(".rg-contact")
    assert all(cards.nth(i).is_visible() for i in range(cards.count()))
    assert computed(page, ".rg-contact", "break-inside") in ("avoid", None)
    assert computed(page, "body", "direction") == ("rtl" if language in RTL else "ltr")
    traffic.assert_clean()


# A page of the fixture site with a section heading and links to its own and another site
# (tests/fixtures/site/docs/en/untranslated.md), for a site whose pages have not all of them.
FIXTURE_PRINTED = "untranslated.md"


def links(page, host: str):
    """(links to this site's pages, links to other sites) of the article, by their printed address."""
    return (page.locator(f'article a[data-rg-print^="{host}"]'),
            page.locator(f'article a[data-rg-print]:not([data-rg-print^="{host}"])'))


@pytest.mark.parametrize("language, path", PRINTED, ids=[language for language, _ in PRINTED])
def test_print_keeps_the_leaflets_rules(open_context, site_origin, request, language, path):
    context, traffic = open_context(**DESKTOP)
    page = context.new_page()
    goto(page, site_origin, path)
    host = HOST
    if not (page.locator("article h2").count() and all(kind.count() for kind in links(page, host))):
        # This site's page has no section heading or no link of one kind: the fixture site's has both.
        traffic.assert_clean()
        origin = request.getfixturevalue("fixture_origin")
        context, traffic = open_context(origin=origin, exit_url=FIXTURE_CONFIG.exit_url, **DESKTOP)
        page = context.new_page()
        goto(page, origin, FIXTURE_CONFIG.page_path(FIXTURE_CONFIG.default, FIXTURE_PRINTED))
        host = FIXTURE_CONFIG.site_url.split("://", 1)[1].rstrip("/")
    page.emulate_media(media="print")

    # Body text at 11pt or more, as on the leaflets.
    size = float(computed(page, "article p", "font-size").removesuffix("px"))
    assert size >= 11 * POINT - 0.1, size
    # No heading alone at the foot of a page; no single line at a page's top or foot.
    assert computed(page, "article h2", "break-after") == "avoid"
    assert int(computed(page, "article p", "widows")) >= 2 and int(computed(page, "article p", "orphans")) >= 2
    # Every link that leaves the paper says where it goes: to another site, and to
    # another page of this site, in one left-to-right box.
    internal, external = links(page, host)
    assert internal.count() and external.count(), "the page has no links of one kind"
    for link in (internal.first, external.first):
        after = link.evaluate("e => getComputedStyle(e, '::after')")
        assert "attr(data-rg-print)" in after["content"] or link.get_attribute("data-rg-print") in after["content"]
        assert (after["display"], after["direction"]) == ("inline-block", "ltr")
    # The notices' link to the English page cannot be followed on paper.
    for notice_link in page.locator(".rg-notice a[hreflang]").all():
        assert not notice_link.is_visible()
    traffic.assert_clean()


def test_printed_pdf_is_a4_and_its_qr_code_opens_the_page(open_context, site_origin, tmp_path):
    if not (shutil.which("zbarimg") and shutil.which("pdftoppm")):
        pytest.skip("zbarimg and pdftoppm (Debian: zbar-tools, poppler-utils) read the QR code")
    language, path = next((code, p) for code, p in PRINTED if code in RTL) if RTL else PRINTED[0]
    context, _ = open_context(**DESKTOP)
    page = context.new_page()
    goto(page, site_origin, path)
    pdf = tmp_path / "page.pdf"
    page.pdf(path=str(pdf), format="A4", print_background=True)
    reader = PdfReader(pdf)
    width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
    assert abs(width - 595.3) < 2 and abs(height - 841.9) < 2, "A4 in points"
    text = " ".join(p.extract_text() for p in reader.pages)
    for number in SITE.emergency_numbers:
        assert number in text, f"{path}: the printed page lacks {number} (extra.emergency_contacts)"
    last = len(reader.pages)
    subprocess.run(["pdftoppm", "-r", "150", "-png", "-f", str(last), "-l", str(last), str(pdf), str(tmp_path / "p")],
                   check=True)
    image = next(tmp_path.glob("p*.png"))
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True).stdout.strip()
    assert decoded == SITE.site_url + path.lstrip("/"), f"QR code of {path}: {decoded!r}"
