"""Every language's home page and content pages in Chromium: privacy, small
screens, direction, no JavaScript and accessibility.

The pages are tests/browser/conftest.py's PAGES (home, pages translated into
every language, and an English fallback) in every language of mkdocs.yml.
"""

from __future__ import annotations

import io
import re
import time
from urllib.parse import urljoin, urlparse

import pytest
from PIL import Image

from rights_guide.bench import pageload
from tests.browser.conftest import (
    DESKTOP, EXIT_URL, LANGUAGES, PAGE_CASES, PAGES, PHONE, RTL, goto, nav_pages, page_path,
)

MENU_BUTTON = "label.md-header__button[for=__drawer]"
LANGUAGE_BUTTON = ".md-header__option .md-select button"
SEARCH_BUTTON = "label.md-header__button[for=__search]"
EXIT_BUTTON = ".rg-exit__button"
DRAWER = ".md-sidebar--primary"
MIN_TARGET = 44  # CSS px, WCAG 2.5.5

# WCAG 2.0, 2.1 and 2.2, levels A and AA (axe-core's tags).
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]

STORAGE = """async () => ({
  cookie: document.cookie,
  localStorage: localStorage.length,
  sessionStorage: sessionStorage.length,
  serviceWorkers: navigator.serviceWorker ? (await navigator.serviceWorker.getRegistrations()).length : 0,
  caches: self.caches ? (await caches.keys()).length : 0,
  indexedDB: indexedDB.databases ? (await indexedDB.databases()).length : 0,
})"""

# Whether each phone number is rendered left to right: the first digit must be
# drawn to the left of the last one. Numbers hidden (closed details) are skipped.
PHONE_NUMBERS = """() => [...document.querySelectorAll('a[href^="tel:"]')].map((link) => {
  const walker = document.createTreeWalker(link, NodeFilter.SHOW_TEXT);
  const texts = [];
  while (walker.nextNode()) if (walker.currentNode.data.trim()) texts.push(walker.currentNode);
  const rect = (node, index) => {
    const range = document.createRange();
    range.setStart(node, index);
    range.setEnd(node, index + 1);
    return range.getBoundingClientRect();
  };
  let drawn = null;
  if (texts.length) {
    const first = texts[0], last = texts[texts.length - 1];
    const a = rect(first, first.data.search(/\\S/)), b = rect(last, last.data.search(/\\S\\s*$/));
    if (a.width && b.width && (first !== last || first.data.trim().length > 1)) drawn = a.left < b.left ? "ltr" : "rtl";
  }
  return {number: link.textContent.trim(), direction: getComputedStyle(link).direction, drawn};
})"""


# Whether a tap on the middle of the exit button reaches it (nothing on top).
EXIT_ON_TOP = """() => {
  const box = document.querySelector('.rg-exit__button').getBoundingClientRect();
  const hit = document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
  return Boolean(hit && hit.closest('.rg-exit__button'));
}"""


def wait_until(condition, what: str, timeout: float = 3.0):
    """Poll from Python: page-side waits need the page's JavaScript, which some tests turn off."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting until {what}")
        time.sleep(0.05)


def open_language_list(page) -> None:
    """Open the header's language list; every language must be a big enough
    target and fully on screen (Material centres the list under its button)."""
    page.click(LANGUAGE_BUTTON)
    links = page.locator(".md-select__link")
    assert links.count() == len(LANGUAGES)
    links.first.wait_for(state="visible")
    width = page.viewport_size["width"]

    def settled():  # polled from Python: the page may have no JavaScript
        boxes = [link.bounding_box() for link in links.all()]
        time.sleep(0.1)  # the list slides in for 0.25 s
        return boxes if boxes == [link.bounding_box() for link in links.all()] else None

    for link, box in zip(links.all(), wait_until(settled, "the language list stops moving")):
        assert box["height"] >= MIN_TARGET, f"{link.inner_text()}: {box}"
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, \
            f"language {link.inner_text()!r} is cut off by the screen edge: {box}"


def other_language(code: str) -> str:
    return LANGUAGES[(LANGUAGES.index(code) + 1) % len(LANGUAGES)]


def open_drawer(page) -> dict:
    """Open Material's menu with its button; the drawer's box once fully on screen."""
    page.click(MENU_BUTTON)
    width = page.viewport_size["width"]

    def on_screen():
        box = page.locator(DRAWER).bounding_box()
        return box if box["x"] >= -0.5 and box["x"] + box["width"] <= width + 0.5 else None

    return wait_until(on_screen, "the menu is on screen")


def close_drawer(page, drawer: dict) -> None:
    """Tap the dimmed page beside the open menu, as a reader would."""
    opens_from_left = drawer["x"] < 1
    beside = drawer["x"] + drawer["width"] + 20 if opens_from_left else drawer["x"] - 20
    page.mouse.click(beside, page.viewport_size["height"] / 2)
    width = page.viewport_size["width"]

    def off_screen():
        box = page.locator(DRAWER).bounding_box()
        return box["x"] + box["width"] <= 0.5 or box["x"] >= width - 0.5

    wait_until(off_screen, "the menu is closed")
    assert not page.locator("#__drawer").is_checked()


def exit_button_shows(page) -> bool:
    """Whether the screen shows the exit button's own colour just inside its edge
    (after any opening animation): a tap reaching it is not enough if it cannot be seen."""
    page.wait_for_timeout(700)  # Material's overlays grow for up to 0.5 s
    button = page.locator(EXIT_BUTTON)
    box = button.bounding_box()
    colour = button.evaluate("(element) => getComputedStyle(element).backgroundColor")
    expected = tuple(int(part) for part in re.findall(r"\d+", colour)[:3])
    shot = Image.open(io.BytesIO(page.screenshot())).convert("RGB")  # the viewport, 1 px per CSS px
    inside = box["x"] + box["width"] - 3 if box["x"] < 3 else box["x"] + 3
    point = (int(inside), int(box["y"] + box["height"] / 2))
    assert 0 <= point[0] < shot.width and 0 <= point[1] < shot.height, ("exit button off screen", box, shot.size)
    pixel = shot.getpixel(point)
    return all(abs(a - b) <= 8 for a, b in zip(pixel, expected))


def follow_menu_link(page) -> str:
    """Click the first menu entry that leads to another page; its URL path."""
    current = urlparse(page.url).path
    for link in page.locator(f"{DRAWER} a.md-nav__link[href]").all():
        target = urlparse(urljoin(page.url, link.get_attribute("href")))
        if target.path != current and not target.fragment and link.is_visible():
            link.click()
            page.wait_for_url(lambda url: urlparse(url).path == target.path)
            return target.path
    raise AssertionError(f"{page.url}: no menu entry leads to another page")


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
    page.locator("input.md-search__input").press_sequentially("112", delay=20)
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
def test_small_screen_has_no_sideways_scrolling_and_big_tap_targets(open_context, site_origin, code, source):
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

    # A link to a heading does not hide the heading under the sticky strips.
    anchor = page.locator("article h2[id]").first.get_attribute("id")
    page.goto("about:blank")
    goto(page, site_origin, f"{page_path(code, source)}#{anchor}")
    heading = page.locator(f"article h2[id='{anchor}']")
    header_bottom = page.locator(".md-header").bounding_box()
    box = heading.bounding_box()
    assert box["y"] >= header_bottom["y"] + header_bottom["height"] - 1, (box, header_bottom)
    traffic.assert_clean()


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_page_fits_a_phone_screen(open_context, site_origin, code):
    """All pages of the menu and the 404 page, not only the sample: no sideways scrolling."""
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    paths = [page_path(code, source) for source in nav_pages()] + [page_path(code, "index.md") + "404.html"]
    too_wide = {}
    for path in paths:
        goto(page, site_origin, path)
        widths = page.evaluate("[document.documentElement.scrollWidth, document.body.scrollWidth, innerWidth]")
        if max(widths) > PHONE["viewport"]["width"]:
            too_wide[path] = widths
    assert not too_wide, f"wider than the screen: {too_wide}"
    page.wait_for_load_state("networkidle")
    traffic.assert_clean()


@pytest.mark.parametrize("code", LANGUAGES)
def test_wide_screen_sidebars_stay_below_the_header(open_context, site_origin, code):
    context, traffic = open_context(**DESKTOP)
    page = context.new_page()
    goto(page, site_origin, page_path(code, PAGES[1]))
    page.mouse.wheel(0, 2000)
    page.wait_for_function("scrollY > 1000")
    header = page.locator(".md-header").bounding_box()
    for sidebar in page.locator(".md-sidebar").all():
        # The sidebar's first line (its title) must not be hidden under the header.
        title = sidebar.locator(".md-nav__title").first.bounding_box()
        assert title["y"] >= header["y"] + header["height"] - 1, (title, header)
    traffic.assert_clean()


@pytest.mark.parametrize(("code", "source"), PAGE_CASES)
def test_direction_of_layout_menu_and_phone_numbers(open_context, site_origin, code, source):
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    goto(page, site_origin, page_path(code, source))
    expected = "rtl" if code in RTL else "ltr"
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
    traffic.assert_clean()


@pytest.mark.parametrize(("code", "source"), PAGE_CASES)
def test_works_without_javascript(open_context, site_origin, code, source):
    """Content, menu, both language switches and the exit link, with JavaScript off."""
    context, traffic = open_context(java_script_enabled=False, **PHONE)
    page = context.new_page()
    path = page_path(code, source)
    goto(page, site_origin, path)
    assert page.locator("article h1").is_visible()
    assert len(page.locator("article").inner_text()) > 200

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


def axe_report(results) -> str:
    lines = []
    for violation in results.response["violations"]:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("screen", [pytest.param(PHONE, id="phone"), pytest.param(DESKTOP, id="desktop")])
@pytest.mark.parametrize(("code", "source"), PAGE_CASES)
def test_no_accessibility_violations_at_wcag_2_2_aa(open_context, site_origin, axe, code, source, screen):
    context, traffic = open_context(**screen)
    page = context.new_page()
    goto(page, site_origin, page_path(code, source))
    # No rule is disabled: every WCAG 2.2 A/AA rule axe-core has must pass.
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    assert results.response["testEngine"]["name"] == "axe-core"
    assert results.violations_count == 0, "\n" + axe_report(results)
