"""Every state a reader can put a page in, in one language per script and direction
(conftest.py, REPRESENTATIVES): axe-core finds
no WCAG 2.2 A/AA violation with the menu open, the language list open and
search open with results, on every page type (home, translated page, English
page shown in another language, 404, the translation-status table); the menu,
language list and search open and close from the keyboard and say so to
screen readers; every search result is reached with Tab; the footer is in a
landmark.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    BEHAVIOUR_CASES, DEFAULT, LANGUAGES, PHONE, REPRESENTATIVES, SITE, goto, nav_pages, page_path,
)
from tests.browser.helpers import (
    AXE_TAGS, LANGUAGE_BUTTON, MENU_BUTTON, SEARCH_BUTTON, axe_report, open_drawer, wait_until,
)

SEARCH_FIELD = "input.md-search__input"
# Typed into search: a number on the pages of every language, so there are results.
SEARCHED = SITE.number_in_every_language()
RESULT = "a.md-search-result__link"


def page_types(code: str) -> dict[str, str]:
    """URL paths of one page of each type in a language, read from mkdocs.yml and docs/."""
    content = [page for page in nav_pages() if page != "index.md"]
    translated = [page for page in content if SITE.has(code, page)]
    untranslated = [page for page in content if page not in translated]
    types = {"home": page_path(code, "index.md"),
             "not-found": page_path(code, "index.md") + "404.html",
             "status-table": page_path(code, "translation-status.md")}
    if translated:  # a language just added has no page of its own yet
        types["content"] = page_path(code, translated[0])
    if code != DEFAULT and untranslated:
        types["english-fallback"] = page_path(code, untranslated[0])
    return types


TYPE_CASES = [pytest.param(code, kind, path, id=f"{code}-{kind}")
              for code in REPRESENTATIVES for kind, path in page_types(code).items()]


def open_menu(page) -> None:
    open_drawer(page)


def open_languages(page) -> None:
    page.click(LANGUAGE_BUTTON)
    page.locator(".md-select__link").first.wait_for(state="visible")
    page.wait_for_timeout(400)  # the list fades in


def open_search(page) -> None:
    page.click(SEARCH_BUTTON)
    page.locator(SEARCH_FIELD).press_sequentially(SEARCHED, delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    page.wait_for_timeout(400)  # the panel slides in


STATES = {"menu": open_menu, "languages": open_languages, "search": open_search}


@pytest.fixture(scope="module")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("state", list(STATES))
@pytest.mark.parametrize(("code", "kind", "path"), TYPE_CASES)
def test_no_accessibility_violations_in_any_state(open_context, site_origin, axe, code, kind, path, state):
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    goto(page, site_origin, path)
    STATES[state](page)
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    assert results.violations_count == 0, f"{path} with the {state} open:\n" + axe_report(results)
    traffic.assert_clean()


def focused(page) -> str:
    return page.evaluate("() => { const e = document.activeElement; return e ? e.className || e.tagName : ''; }")




@pytest.mark.parametrize("code", BEHAVIOUR_CASES)
def test_exit_comes_first_then_skip_to_content(open_context, site_origin, code):
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    goto(page, site_origin, page_path(code, "index.md"))
    stops = []
    for _ in range(3):
        page.keyboard.press("Tab")
        stops.append(focused(page))
    assert stops == ["rg-exit__skip", "rg-exit__button", "md-skip rg-skip"], stops
    traffic.assert_clean()


@pytest.mark.parametrize("key", ["Enter", " "])
@pytest.mark.parametrize("code", BEHAVIOUR_CASES)
def test_menu_opens_and_closes_from_the_keyboard(open_context, site_origin, code, key):
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    goto(page, site_origin, page_path(code, "index.md"))
    button = page.locator(MENU_BUTTON)
    assert button.get_attribute("role") == "button" and button.get_attribute("aria-label")
    expect(button).to_have_attribute("aria-expanded", "false")
    button.focus()
    page.keyboard.press(key)
    assert page.locator("#__drawer").is_checked()
    expect(button).to_have_attribute("aria-expanded", "true")
    assert page.evaluate("document.activeElement.closest('.md-sidebar--primary') !== null"), "focus not in the menu"
    page.keyboard.press("Escape")
    assert not page.locator("#__drawer").is_checked()
    expect(button).to_have_attribute("aria-expanded", "false")
    assert page.evaluate("document.activeElement.getAttribute('for')") == "__drawer"
    traffic.assert_clean()


@pytest.mark.parametrize("code", BEHAVIOUR_CASES)
def test_language_list_opens_and_closes_from_the_keyboard(open_context, site_origin, code):
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    goto(page, site_origin, page_path(code, "index.md"))
    button = page.locator(LANGUAGE_BUTTON)
    first = page.locator(".md-select__link").first
    button.focus()
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(first).to_be_visible()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(first).to_be_hidden()
    page.keyboard.press(" ")
    expect(button).to_have_attribute("aria-expanded", "true")
    expect(first).to_be_visible()
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    expect(first).to_be_hidden()
    assert page.evaluate("document.activeElement.classList.contains('rg-language-button')")
    traffic.assert_clean()


@pytest.mark.parametrize("code", BEHAVIOUR_CASES)
def test_search_is_named_opens_from_the_keyboard_and_every_result_is_reached_by_tab(open_context, site_origin, code):
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    goto(page, site_origin, page_path(code, "index.md"))
    dialog = page.locator("[data-rg-search]")
    assert dialog.get_attribute("role") == "dialog" and dialog.get_attribute("aria-label"), "search dialog unnamed"
    button = page.locator(SEARCH_BUTTON)
    assert button.get_attribute("role") == "button" and button.get_attribute("aria-label")
    button.focus()
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-expanded", "true")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    page.keyboard.type(SEARCHED)
    page.locator(RESULT).first.wait_for()
    # Each letter typed re-renders the list: read it once it has stopped changing, in one step.
    links = f"[...document.querySelectorAll('{RESULT}')].map((link) => link.getAttribute('href'))"

    def settled():
        before = page.evaluate(links)
        page.wait_for_timeout(300)
        return before if before == page.evaluate(links) else None

    hrefs = wait_until(settled, "the search results stop changing", timeout=10)
    reached = set()
    for _ in range(len(hrefs) + 5):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.matches('a.md-search-result__link') ? "
                             "document.activeElement.getAttribute('href') : null")
        if href:
            reached.add(href)
    assert reached == set(hrefs), f"results not reached by Tab: {set(hrefs) - reached}"
    page.keyboard.press("Escape")
    expect(button).to_have_attribute("aria-expanded", "false")
    assert not page.locator("#__search").is_checked()
    assert page.evaluate("document.activeElement.getAttribute('for')") == "__search"
    traffic.assert_clean()


@pytest.mark.parametrize(("code", "kind", "path"), TYPE_CASES)
def test_footer_is_in_the_footer_landmark(open_context, site_origin, code, kind, path):
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    goto(page, site_origin, path)
    footer = page.get_by_role("contentinfo")
    expect(footer).to_have_count(1)
    expect(footer.locator(".rg-footer__privacy")).to_have_count(1)
    expect(footer.locator(".rg-footer__languages a")).to_have_count(len(LANGUAGES))
    traffic.assert_clean()
