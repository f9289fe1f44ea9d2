"""Exit, then Back (or Forward): the page comes back from the back/forward cache with
an empty search, every panel closed and its title, in one language per script and
direction (conftest.py). The probe
and helpers are test_exit.py's."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import CONTENT, EXIT_URL, PHONE, SITE, goto, page_path
from tests.browser.test_exit import EXIT_PROBE, LANGUAGE_CASES, assert_restored_from_cache, open_content_page, pageshows

# Typed into search: a number on the pages of every language, so there are results.
SEARCHED = SITE.number_in_every_language()


# What a restored page shows: the search, its results and every panel.
LEFT_BEHIND = """() => ({
  query: document.querySelector(".md-search__input").value,
  results: document.querySelectorAll(".md-search-result__item").length,
  search: document.getElementById("__search").checked,
  menu: document.getElementById("__drawer").checked,
  languages: getComputedStyle(document.querySelector(".md-select__inner")).visibility !== "hidden"
    && getComputedStyle(document.querySelector(".md-select__inner")).opacity !== "0",
  title: document.title,
})"""
NOTHING_LEFT = {"query": "", "results": 0, "search": False, "menu": False, "languages": False}


def use_search_and_panels(page) -> None:
    """Search for something with results (the words and results stay when search is
    closed), open the language list, then leave the menu open."""
    page.click("label.md-header__button[for=__search]")
    page.locator("input.md-search__input").press_sequentially(SEARCHED, delay=20)
    page.locator(".md-search-result__item").first.wait_for()
    page.keyboard.press("Escape")
    page.locator(".md-header__option .md-select button").focus()
    expect(page.locator(".md-select__link").first).to_be_visible()
    page.click("label.md-header__button[for=__drawer]")
    expect(page.locator("#__drawer")).to_be_checked()
    assert page.locator("input.md-search__input").input_value() == SEARCHED


def restored(traffic, url: str, shown_before: int, page) -> dict:
    assert_restored_from_cache(traffic, url, shown_before, page)
    page.wait_for_timeout(800)  # a list closed as the page was left may still be fading out
    return page.evaluate(LEFT_BEHIND)


@pytest.mark.parametrize("code", LANGUAGE_CASES)
def test_exit_then_back_shows_no_search_and_no_open_panel(open_context, site_origin, code):
    """The reader searched and opened panels on two pages, then pressed Exit and
    went Back: the earlier page comes back from the back/forward cache with an
    empty search and every panel closed, and with its title."""
    context, traffic = open_context(init_scripts=(EXIT_PROBE,), **PHONE)
    page = context.new_page()
    home = site_origin + page_path(code, "index.md")
    goto(page, site_origin, page_path(code, "index.md"))
    title = page.title()
    use_search_and_panels(page)
    goto(page, site_origin, page_path(code, CONTENT[code]))
    use_search_and_panels(page)
    shown_before = len(pageshows(traffic, home))
    traffic.exit_delay = 0.2
    page.click(".rg-exit__button")
    page.wait_for_url(EXIT_URL)
    page.go_back(wait_until="commit")
    page.wait_for_url(home, wait_until="commit")
    state = restored(traffic, home, shown_before, page)
    assert {key: state[key] for key in NOTHING_LEFT} == NOTHING_LEFT, state
    assert state["title"] == title
    traffic.assert_clean(allow_exit=True)


@pytest.mark.parametrize("code", LANGUAGE_CASES)
def test_page_left_by_exit_comes_back_from_the_cache_with_nothing_open(open_context, site_origin, code):
    """The neutral site did not load: Back, then Forward, restores the very page
    that was left; its search is empty, its panels closed, its title back."""
    page, traffic, url = open_content_page(open_context, site_origin, code, PHONE)
    title = page.title()
    use_search_and_panels(page)
    traffic.exit_mode = "abort"
    page.click(".rg-exit__button")
    expect(page.locator(".rg-exit-overlay")).to_be_visible()
    page.go_back(wait_until="commit")
    page.wait_for_url(site_origin + page_path(code, "index.md"), wait_until="commit")
    shown_before = len(pageshows(traffic, url))
    page.go_forward(wait_until="commit")
    page.wait_for_url(url, wait_until="commit")
    state = restored(traffic, url, shown_before, page)
    assert {key: state[key] for key in NOTHING_LEFT} == NOTHING_LEFT, state
    assert state["title"] == title
