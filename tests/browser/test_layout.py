"""Layout in Chromium: a 320 px phone screen, big tap targets, a wide screen, and the
direction of layout, menu and phone numbers.

The repository's site is checked on the representative languages' sample pages
(PAGE_CASES, conftest.py) and, for sideways scrolling, on every page written in
those languages (every language's pages at 200% zoom: test_phone_layout.py); right-to-left layout is
also checked on the fixture site, which always has a right-to-left language and
an untranslated page.
"""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import (
    CONTENT, DESKTOP, PAGE_CASES, PHONE, REPRESENTATIVES, RTL, goto, page_path,
)
from tests.browser.helpers import (
    EXIT_BUTTON, EXIT_ON_TOP, LANGUAGE_BUTTON, MENU_BUTTON, MIN_TARGET, PHONE_NUMBERS, SEARCH_BUTTON,
    close_drawer, exit_button_shows, open_drawer, open_language_list, wait_until, written_sources,
)
from tests.builtsite import FIXTURE_CONFIG


@pytest.mark.parametrize(("code", "source"), PAGE_CASES)
def test_small_screen_has_no_sideways_scrolling_and_big_tap_targets(open_context, site_origin, request, code,
                                                                    source):
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    goto(page, site_origin, page_path(code, source))
    widths = page.evaluate("[document.documentElement.scrollWidth, document.body.scrollWidth, innerWidth]")
    assert max(widths) <= PHONE["viewport"]["width"], f"page is wider than the screen: {widths}"

    for name, selector in {"exit button": EXIT_BUTTON, "menu button": MENU_BUTTON,
                           "language button": LANGUAGE_BUTTON, "search button": SEARCH_BUTTON}.items():
        target = page.locator(selector)
        assert target.is_visible(), name
        box = target.bounding_box()
        assert box["width"] >= MIN_TARGET and box["height"] >= MIN_TARGET, f"{name}: {box}"
        assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["viewport"]["width"], f"{name} off screen: {box}"

    open_language_list(page)

    # The exit button can still be seen and tapped with the menu or the search open.
    drawer = open_drawer(page)
    assert page.evaluate(EXIT_ON_TOP), "menu open: the exit button is covered"
    assert exit_button_shows(page), "menu open: something is painted over the exit button"
    close_drawer(page, drawer)
    page.click(SEARCH_BUTTON)
    page.wait_for_selector("input.md-search__input", state="visible")
    assert page.evaluate(EXIT_ON_TOP), "search open: the exit button is covered"
    assert exit_button_shows(page), "search open: something is painted over the exit button"

    # A link to a heading does not hide the heading under the sticky strips: this page's first
    # section heading, or where it has none (a new site's short pages), the fixture site's.
    if page.locator("article h2[id]").count():
        assert_heading_clears_the_header(page, site_origin, page_path(code, source))
    else:
        fixture_origin = request.getfixturevalue("fixture_origin")
        fixture_context, fixture_traffic = open_context(origin=fixture_origin, exit_url=FIXTURE_CONFIG.exit_url,
                                                        **PHONE)
        fixture_page = fixture_context.new_page()
        assert_heading_clears_the_header(fixture_page, fixture_origin, FIXTURE_CONFIG.page_path(
            FIXTURE_CONFIG.default, fixture_page_with_sections()))
        fixture_traffic.assert_clean()
    traffic.assert_clean()


def fixture_page_with_sections() -> str:
    """A page of the fixture site's default language with a section heading (## in its Markdown)."""
    found = [source for source in FIXTURE_CONFIG.sources()
             if re.search(r"^## ", (FIXTURE_CONFIG.project.docs / FIXTURE_CONFIG.default / source)
                          .read_text(encoding="utf-8"), re.M)]
    assert found, f"tests/fixtures/site/docs/{FIXTURE_CONFIG.default}/: no page with a ## heading"
    return found[0]


def assert_heading_clears_the_header(page, origin: str, path: str) -> None:
    """Opened at `#<id>` of its first section heading (read from the page if it is already open),
    the heading is not hidden under the sticky header."""
    anchor = page.locator("article h2[id]").first.get_attribute("id") if page.url.startswith(origin) else None
    if anchor is None:
        goto(page, origin, path)
        anchor = page.locator("article h2[id]").first.get_attribute("id")
    page.goto("about:blank")
    goto(page, origin, f"{path}#{anchor}")
    heading = page.locator(f"article h2[id='{anchor}']")
    header_bottom = page.locator(".md-header").bounding_box()
    box = heading.bounding_box()
    assert box["y"] >= header_bottom["y"] + header_bottom["height"] - 1, (box, header_bottom)


def written_pages(code: str) -> list[str]:
    """written_sources (helpers.py) and the 404 page, as URL paths."""
    return [page_path(code, source) for source in written_sources(code)] + [page_path(code, "index.md") + "404.html"]


@pytest.mark.parametrize("code", REPRESENTATIVES)
def test_every_page_fits_a_phone_screen(open_context, site_origin, code):
    """Every page of the menu written in this language, not only the sample: no sideways scrolling.
    Every other language's pages are read at 200% zoom, half this width with the same style
    rules (test_phone_layout.py), which a page wider than 320 px cannot pass."""
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    paths = written_pages(code)
    too_wide = {}
    for path in paths:
        goto(page, site_origin, path)
        widths = page.evaluate("[document.documentElement.scrollWidth, document.body.scrollWidth, innerWidth]")
        if max(widths) > PHONE["viewport"]["width"]:
            too_wide[path] = widths
    assert not too_wide, f"wider than the screen: {too_wide}"
    page.wait_for_load_state("networkidle")
    traffic.assert_clean()


@pytest.mark.parametrize("code", REPRESENTATIVES)
def test_wide_screen_sidebars_stay_below_the_header(open_context, site_origin, code):
    context, traffic = open_context(**DESKTOP)
    page = context.new_page()
    goto(page, site_origin, page_path(code, CONTENT[code]))
    # A page too short to scroll 1000 px (a new site's first pages) gets room below its text.
    page.evaluate("""() => {
        const room = 1100 + innerHeight - document.documentElement.scrollHeight;
        if (room > 0) {
            const spacer = document.createElement('div');
            spacer.style.height = room + 'px';
            document.querySelector('article').append(spacer);
        }
    }""")
    page.mouse.wheel(0, 2000)
    # Polled from Python: the pages' CSP forbids the string evaluation wait_for_function needs.
    wait_until(lambda: page.evaluate("scrollY") > 1000, "the page scrolled 1000 px", timeout=10)
    header = page.locator(".md-header").bounding_box()
    for sidebar in page.locator(".md-sidebar").all():
        # The sidebar's first line (its title) must not be hidden under the header.
        title = sidebar.locator(".md-nav__title").first.bounding_box()
        assert title["y"] >= header["y"] + header["height"] - 1, (title, header)
    traffic.assert_clean()


def assert_direction(page, expected: str) -> None:
    """Layout, menu, buttons and phone numbers of the open page run in `expected` ("ltr" or "rtl")."""
    directions = page.evaluate("""() => ({
        body: getComputedStyle(document.body).direction,
        content: getComputedStyle(document.querySelector('.md-content')).direction,
        header: getComputedStyle(document.querySelector('.md-header')).direction,
        fallback: [...document.querySelectorAll('.rg-fallback')].map((e) => getComputedStyle(e).direction)})""")
    assert directions["body"] == directions["content"] == directions["header"] == expected, directions
    # An untranslated page is English inside the reader's layout: its text runs left to right.
    assert all(direction == "ltr" for direction in directions["fallback"]), directions

    numbers = page.evaluate(PHONE_NUMBERS)
    assert numbers, "every page shows the emergency numbers"
    for number in numbers:
        assert number["direction"] == "ltr", number
        assert number["drawn"] in ("ltr", None), f"phone number drawn right to left: {number}"
    assert any(number["drawn"] == "ltr" for number in numbers), numbers

    drawer = open_drawer(page)
    width = PHONE["viewport"]["width"]
    if expected == "rtl":
        assert abs(drawer["x"] + drawer["width"] - width) <= 1, f"menu should open from the right: {drawer}"
    else:
        assert abs(drawer["x"]) <= 1, f"menu should open from the left: {drawer}"
    # The menu button sits where reading starts, the exit button where it ends.
    for selector, at_start in ((MENU_BUTTON, True), (EXIT_BUTTON, False)):
        box = page.locator(selector).bounding_box()
        on_left = box["x"] + box["width"] / 2 < width / 2
        assert on_left == (at_start == (expected == "ltr")), f"{selector}: {box}"


@pytest.mark.parametrize(("code", "source"), PAGE_CASES)
def test_direction_of_layout_menu_and_phone_numbers(open_context, site_origin, code, source):
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    goto(page, site_origin, page_path(code, source))
    assert_direction(page, "rtl" if code in RTL else "ltr")
    traffic.assert_clean()


# The fixture's right-to-left languages: a translated page and one shown as an English fallback.
FIXTURE_RTL_CASES = [
    pytest.param(code, source, id=f"{code}-{source[:-3]}")
    for code in sorted(FIXTURE_CONFIG.rtl)
    for source in ([page for page in FIXTURE_CONFIG.content_pages() if FIXTURE_CONFIG.has(code, page)][:1]
                   + [page for page in FIXTURE_CONFIG.content_pages() if not FIXTURE_CONFIG.has(code, page)][:1])
]


def test_the_fixture_has_right_to_left_pages_to_check():
    kinds = {FIXTURE_CONFIG.has(code, source) for code, source in (case.values for case in FIXTURE_RTL_CASES)}
    assert kinds == {True, False}, ("tests/fixtures/site needs a right-to-left language with a translated "
                                    "and an untranslated content page")


@pytest.mark.parametrize(("code", "source"), FIXTURE_RTL_CASES)
def test_right_to_left_layout_on_the_fixture_site(open_context, fixture_origin, code, source):
    """Whatever languages the repository's site has, right-to-left layout is checked here."""
    context, traffic = open_context(origin=fixture_origin, exit_url=FIXTURE_CONFIG.exit_url, **PHONE)
    page = context.new_page()
    goto(page, fixture_origin, FIXTURE_CONFIG.page_path(code, source))
    assert_direction(page, "rtl")
    traffic.assert_clean()
