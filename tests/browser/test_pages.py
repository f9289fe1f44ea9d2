"""Home pages and a few content pages in Chromium: nothing from other hosts, no
trace left in the browser, everything working without JavaScript.

The pages are tests/browser/conftest.py's PAGE_CASES: in one language per script
and direction (SiteConfig.representatives) its home page and a fixed few content
pages (SiteConfig.browser_sample). That no page of any language names another host
is checked without a browser (tests/test_built_privacy.py).
"""

from __future__ import annotations

from urllib.parse import urljoin, urlparse

import pytest

from rights_guide.bench import pageload
from tests.browser.conftest import EXIT_URL, LANGUAGES, PAGE_CASES, PHONE, SITE, goto, page_path
from tests.browser.helpers import (
    EXIT_BUTTON, LANGUAGE_BUTTON, SEARCH_BUTTON, STORAGE, close_drawer, follow_menu_link, open_drawer,
    open_language_list, other_language,
)

# Typed into search: a number on the pages of every language (an emergency number, say).
SEARCH_QUERY = SITE.number_in_every_language()


@pytest.mark.parametrize(("code", "source"), PAGE_CASES)
def test_page_requests_nothing_from_other_hosts_and_logs_no_error(open_context, site_origin, code, source):
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    goto(page, site_origin, page_path(code, source), idle=True)
    # All of it was recorded: the page, its stylesheet, script and icon; search
    # downloads nothing until it is opened (test_search.py), and nothing asks
    # for sitemap.xml.
    assert site_origin + page_path(code, source) in traffic.requests
    assert any(url.endswith(".css") for url in traffic.requests), traffic.requests
    assert not [url for url in traffic.requests if "search" in url or "sitemap" in url], traffic.requests
    assert len(traffic.requests) <= pageload.FIRST_VIEW_REQUESTS, traffic.requests
    traffic.assert_clean()


@pytest.mark.parametrize(("code", "source"), PAGE_CASES)
def test_using_the_page_leaves_no_trace_in_the_browser(open_context, site_origin, code, source):
    """Menu, search, language switch and navigation: no cookie, no storage, no service worker."""
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    goto(page, site_origin, page_path(code, source))

    close_drawer(page, open_drawer(page))

    page.click(SEARCH_BUTTON)
    page.locator("input.md-search__input").press_sequentially(SEARCH_QUERY, delay=20)
    page.wait_for_selector(".md-search-result__item")
    page.keyboard.press("Escape")

    target = other_language(code)
    page.click(LANGUAGE_BUTTON)
    page.click(f".md-select__link[hreflang={target}]")
    page.wait_for_url(site_origin + page_path(target, source))

    open_drawer(page)
    follow_menu_link(page)
    page.wait_for_load_state("networkidle")

    assert context.cookies() == []
    assert not context.service_workers
    assert page.evaluate(STORAGE) == {"cookie": "", "localStorage": 0, "sessionStorage": 0,
                                      "serviceWorkers": 0, "caches": 0, "indexedDB": 0}
    traffic.assert_clean()


@pytest.mark.parametrize(("code", "source"), PAGE_CASES)
def test_works_without_javascript(open_context, site_origin, code, source):
    """Content, menu, both language switches and the exit link, with JavaScript off."""
    context, traffic = open_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    path = page_path(code, source)
    goto(page, site_origin, path)
    assert page.locator("article h1").is_visible()
    text = page.locator("article").inner_text()
    assert len(text) > 200, f"{path}: only {len(text)} characters of content without JavaScript"

    # Menu: Material's drawer is a checkbox and a label, and its links are plain links.
    open_drawer(page)
    follow_menu_link(page)
    assert page.locator("article h1").is_visible()

    # Language switch in the header (opens on focus) and in the footer (plain links).
    target = other_language(code)
    goto(page, site_origin, path)
    open_language_list(page)
    page.locator(f".md-select__link[hreflang={target}]").click()
    page.wait_for_url(site_origin + page_path(target, source))
    assert page.locator("html").get_attribute("lang") == target

    goto(page, site_origin, path)
    for other in LANGUAGES:
        href = page.locator(f".rg-footer__languages a[hreflang={other}]").get_attribute("href")
        assert urlparse(urljoin(page.url, href)).path == page_path(other, source), (other, href)
    page.click(f".rg-footer__languages a[hreflang={target}]")
    page.wait_for_url(site_origin + page_path(target, source))

    # The exit link is a plain link to the neutral site.
    goto(page, site_origin, path)
    page.click(EXIT_BUTTON)
    page.wait_for_url(EXIT_URL)
    assert traffic.exits == [EXIT_URL]
    traffic.assert_clean(allow_exit=True)
