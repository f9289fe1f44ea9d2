"""What the browser tests do to a page: open the menu, the language list, look at the exit button.

Selectors and page-side probes shared by tests/browser/test_pages.py and test_layout.py.
"""

from __future__ import annotations

import io
import re
import time
from urllib.parse import urljoin, urlparse

from PIL import Image

from tests.browser.conftest import LANGUAGES, SAMPLES, SITE

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

    # Each poll asks for every link's box twice, a round trip each: with 20 languages on a
    # busy machine one poll can take over a second, so the wait is longer than the slide.
    for link, box in zip(links.all(), wait_until(settled, "the language list stops moving", timeout=10.0)):
        assert box["height"] >= MIN_TARGET, f"{link.inner_text()}: {box}"
        assert box["x"] >= 0 and box["x"] + box["width"] <= width, \
            f"language {link.inner_text()!r} is cut off by the screen edge: {box}"


def written_sources(code: str) -> list[str]:
    """The menu's pages written in this language (all of them for the default) and the
    sample's fallbacks: the text that can be too wide or too small is the language's own,
    so the pages checked grow with what is translated, not with every language times every page."""
    return [source for source in SITE.nav_pages() if SITE.has(code, source) or source in SAMPLES[code]]


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


def axe_report(results) -> str:
    lines = []
    for violation in results.response["violations"]:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        for node in violation["nodes"][:5]:
            lines.append(f"    {node['target']}: {node['failureSummary'].splitlines()[-1].strip()}")
    return "\n".join(lines)
