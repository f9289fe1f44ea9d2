"""A frightened reader's cheap phone: in every language, nothing wider than a 320 px
screen at 200% zoom (a 160 px wide CSS viewport), a site name that wraps and the
current language named in words in the header; in one language per script and
direction (conftest.py), big call buttons and phone numbers and no warning in small
print, which the style sheet decides, not the words.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import (
    BEHAVIOUR_CASES, LANGUAGE_CASES, PHONE, REPRESENTATIVES, SAMPLES, SITE, goto, nav_pages, page_path,
)
from tests.browser.helpers import LANGUAGE_BUTTON, MENU_BUTTON, SEARCH_BUTTON, open_drawer, written_sources

ZOOMED = {**PHONE, "viewport": {"width": 160, "height": 320}}  # 320 x 640 at 200% zoom
CALL_BUTTON = 48  # CSS px, the emergency box's buttons
TEL_TARGET = 44  # CSS px, every phone number (WCAG 2.5.5)

# Every visible phone link's box, and for one in running text the height of its
# paragraph with and without the tap target's height (they must be equal). A contact
# card's number has a row of its own, which may grow.
TARGETS = """() => [...document.querySelectorAll('a[href^="tel:"]')].filter((a) => a.offsetParent).map((a) => {
  const box = a.getBoundingClientRect();
  const block = a.closest('p, li');
  let stretch = 0;
  if (block && !a.classList.contains('rg-call') && !a.closest('.rg-contact')) {
    const before = block.getBoundingClientRect().height;
    // Only the vertical target is taken away: the number keeps its width, so the
    // sentence wraps the same way and only the height of its line is compared.
    for (const [name, value] of [['padding-top', '0'], ['padding-bottom', '0'], ['margin-top', '0'],
                                 ['margin-bottom', '0'], ['min-height', '0']]) a.style.setProperty(name, value, 'important');
    stretch = before - block.getBoundingClientRect().height;
    a.removeAttribute('style');
  }
  return {number: a.textContent.trim(), call: a.classList.contains('rg-call'), inCard: Boolean(a.closest('.rg-contact')),
          width: box.width, height: box.height, stretch};
})"""

# Text inside warnings (warning and danger admonitions, a card's older-source caution,
# notices, the emergency box) never smaller than the page's body text.
SMALL_WARNINGS = """() => {
  const body = parseFloat(getComputedStyle(document.querySelector('article.md-typeset')).fontSize);
  const small = [];
  for (const box of document.querySelectorAll('article :is(.admonition.warning, .admonition.danger, details.warning, ' +
                                               '.rg-contact__caution, .rg-notice, .rg-emergency)')) {
    for (const element of [box, ...box.querySelectorAll('*')]) {
      const own = [...element.childNodes].some((node) => node.nodeType === 3 && node.data.trim());
      const size = parseFloat(getComputedStyle(element).fontSize);
      if (own && element.offsetParent && size < body - 0.01) small.push(`${element.className || element.tagName}: ${size}px`);
    }
  }
  return {body, small};
}"""

WIDTHS = "[document.documentElement.scrollWidth, document.body.scrollWidth, innerWidth]"


@pytest.mark.parametrize("code", BEHAVIOUR_CASES)
def test_call_buttons_and_phone_numbers_are_big_targets_that_keep_lines_even(open_context, site_origin, code):
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    sizes = []
    first = list(dict.fromkeys(["index.md", SITE.help_page]))  # the home page and extra.help_page
    for source in [*first, *[page for page in nav_pages() if page not in first][:3]]:
        goto(page, site_origin, page_path(code, source))
        targets = page.evaluate(TARGETS)
        assert [target for target in targets if target["call"]], "the emergency box's call buttons"
        for target in targets:
            minimum = CALL_BUTTON if target["call"] else TEL_TARGET
            assert target["height"] >= minimum and target["width"] >= TEL_TARGET, (source, target)
            assert abs(target["stretch"]) <= 1, f"{source}: {target['number']} makes its line taller: {target}"
            sizes.append(target)
    print("tap targets:", sorted({(t["call"], round(t["height"]), round(t["width"])) for t in sizes}))
    traffic.assert_clean()


@pytest.mark.parametrize("code", BEHAVIOUR_CASES)
def test_no_warning_is_in_smaller_print_than_the_text(open_context, site_origin, code):
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    found = {}
    for source in written_sources(code):
        goto(page, site_origin, page_path(code, source))
        result = page.evaluate(SMALL_WARNINGS)
        if result["small"]:
            found[source] = result
    assert not found, found
    traffic.assert_clean()


@pytest.mark.parametrize("code", LANGUAGE_CASES)
def test_nothing_is_wider_than_a_phone_at_200_percent_zoom(open_context, site_origin, code):
    """In the representative languages every page of the menu written in the language (and
    the sample's fallbacks), elsewhere the sample pages; the 404 page, and the home page with
    each panel open. (Long words wrap by the style sheet's rules, the same on every page.)"""
    context, traffic = open_context(**ZOOMED)
    page = context.new_page()
    width = ZOOMED["viewport"]["width"]
    too_wide = {}
    sources = written_sources(code) if code in REPRESENTATIVES else SAMPLES[code]
    paths = [page_path(code, source) for source in sources] + [page_path(code, "index.md") + "404.html"]
    for path in paths:
        goto(page, site_origin, path)
        widths = page.evaluate(WIDTHS)
        if max(widths) > width:
            too_wide[path] = widths
    home = page_path(code, "index.md")
    for panel, button in (("menu", MENU_BUTTON), ("languages", LANGUAGE_BUTTON), ("search", SEARCH_BUTTON)):
        goto(page, site_origin, home)
        if panel == "menu":
            open_drawer(page)
        else:
            page.click(button)
        page.wait_for_timeout(500)
        widths = page.evaluate(WIDTHS)
        if max(widths) > width:
            too_wide[f"{home} ({panel} open)"] = widths
        if panel == "menu":
            box = page.locator(".md-sidebar--primary").bounding_box()
            assert box["width"] <= width + 0.5, f"the open menu is wider than the screen: {box}"
    assert not too_wide, f"wider than {width} px: {too_wide}"
    traffic.assert_clean()


@pytest.mark.parametrize("screen", [pytest.param(PHONE, id="320"), pytest.param(ZOOMED, id="160")])
@pytest.mark.parametrize("code", LANGUAGE_CASES)
def test_site_name_wraps_and_the_language_is_named_in_the_header(open_context, site_origin, code, screen):
    context, traffic = open_context(**screen)
    page = context.new_page()
    goto(page, site_origin, page_path(code, "index.md"))
    name = page.locator(".md-header__topic .md-ellipsis")
    assert name.is_visible()
    fits = name.evaluate("(e) => e.scrollWidth <= e.clientWidth + 1 && e.getBoundingClientRect().right <= innerWidth + 1 "
                         "&& e.getBoundingClientRect().left >= -1")
    assert fits, "the site name is cut off"
    shown = page.locator(f"{LANGUAGE_BUTTON} .rg-language-button__name")
    assert shown.is_visible() and shown.inner_text().strip() == SITE.names[code], "its name in data/languages.yml"
    box = page.locator(LANGUAGE_BUTTON).bounding_box()
    assert box["height"] >= TEL_TARGET and box["width"] >= TEL_TARGET, box
    traffic.assert_clean()
