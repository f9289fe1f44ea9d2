"""The "Exit this page" control in Chromium: its texts in every language, its behaviour
in the default language and a right-to-left one.

The neutral site is answered locally (conftest.py); nothing leaves the
machine. What the page looked like while leaving is reported by a small probe
script (console.debug), because Playwright cannot inspect a page whose next
navigation is already under way.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import (
    CONTENT, DEFAULT, DESKTOP, EXIT_URL, LANGUAGES, PHONE, REPRESENTATIVES, RTL, STRINGS, goto, page_path,
)

# CONTENT[code]: a content page of each language, reached from its home page so that
# there is history to go back to.

# Reports the exit control's state each time <html>'s class or the status
# message changes. A MutationObserver runs in the same task as the change,
# so the first report with "exiting" shows the page as it was when the
# control was used, before the neutral site could arrive.
EXIT_PROBE = """
document.addEventListener("DOMContentLoaded", () => {
  const status = document.querySelector(".rg-exit__status");
  if (!status) return;  // the neutral site
  const report = (event) => {
    const article = document.querySelector("article");
    const overlay = document.querySelector(".rg-exit-overlay");
    const overlayShown = Boolean(overlay) && !overlay.hidden && getComputedStyle(overlay).display !== "none"
      && getComputedStyle(overlay).visibility === "visible";
    console.debug("rg-test " + JSON.stringify({
      kind: "exit-state", event, url: location.href,
      exiting: document.documentElement.classList.contains("rg-exiting"),
      content: getComputedStyle(article).visibility,
      overlay: overlayShown ? overlay.textContent : null,
      status: status.textContent,
      title: document.title,
      query: (document.querySelector(".md-search__input") || {}).value || "",
    }));
  };
  new MutationObserver(() => report("class")).observe(document.documentElement, {attributes: true, attributeFilter: ["class"]});
  new MutationObserver(() => report("status")).observe(status, {childList: true, characterData: true, subtree: true});
});
addEventListener("pageshow", (event) => {
  console.debug("rg-test " + JSON.stringify({kind: "pageshow", persisted: event.persisted, url: location.href}));
});
"""

# What the reader hears and sees (the overlay, the screen-reader messages) is checked in the
# representative languages (one per script and direction, conftest.py), whose words it shows;
# every language's strings are checked without a browser (tests/checks). Behaviour that is the
# same script in every language (Tab order, a modifier, another key, the back/forward cache) in
# the default language and a right-to-left one.
LANGUAGE_CASES = [pytest.param(code, id=code) for code in REPRESENTATIVES]
BEHAVIOUR_CASES = [pytest.param(code, id=code) for code in [DEFAULT, *sorted(RTL)[:1]] if code in LANGUAGES]


def strings(code: str) -> dict[str, str]:
    ui = STRINGS[code]
    return {
        "two_left": ui["exit_sr_count"].replace("{count}", "2"),
        "one_left": ui["exit_sr_count_one"].replace("{count}", "1"),
        "activated": ui["exit_sr_activated"],
        "expired": ui["exit_sr_expired"],
        "overlay": ui["exit_overlay"],
    }


def pageshows(traffic, url: str) -> list[dict]:
    return [probe for probe in traffic.probes if probe["kind"] == "pageshow" and probe["url"] == url]


def assert_restored_from_cache(traffic, url: str, shown_before: int, page) -> None:
    """The page was shown again (within 5 s), from the back/forward cache."""
    for _ in range(100):
        if len(pageshows(traffic, url)) > shown_before:
            break
        page.wait_for_timeout(50)
    shows = pageshows(traffic, url)
    assert len(shows) > shown_before, "the page was not shown again"
    assert shows[-1]["persisted"], "Chromium did not restore the page from the back/forward cache"


def open_content_page(open_context, site_origin, code, screen=DESKTOP):
    """Home page, then a content page; (page, traffic, url of the content page)."""
    context, traffic = open_context(init_scripts=(EXIT_PROBE,), **screen)
    page = context.new_page()
    goto(page, site_origin, page_path(code, "index.md"))
    goto(page, site_origin, page_path(code, CONTENT[code]))
    expect(page.locator("html.rg-exit-ready")).to_have_count(1)
    return page, traffic, site_origin + page_path(code, CONTENT[code])


def assert_left_at_once(page, traffic, site_origin, code, url, history_length):
    """On the neutral site; the page was blanked and announced before it arrived;
    this history entry was replaced; nothing but the (local) neutral site was asked for."""
    page.wait_for_url(EXIT_URL)
    text = strings(code)
    states = [probe for probe in traffic.probes if probe["kind"] == "exit-state" and probe["url"] == url]
    exiting = [state for state in states if state["exiting"]]
    assert exiting, f"the page was never marked as exiting: {states}"
    first = exiting[0]
    assert first["content"] == "hidden", f"content still visible when leaving: {first}"
    assert first["overlay"] == text["overlay"], first
    assert first["title"] == "" and first["query"] == "", f"title or search left while leaving: {first}"
    # The neutral site is held back 0.3 s: the announcement comes meanwhile, on a blank page.
    assert any(state["status"] == text["activated"] and state["content"] == "hidden" for state in exiting), states
    assert page.evaluate("history.length") == history_length, "the exit must replace this history entry"
    assert traffic.exits == [EXIT_URL]
    traffic.assert_clean(allow_exit=True)
    page.go_back(wait_until="commit")  # from the back/forward cache there is no load event
    assert page.url == site_origin + page_path(code, "index.md"), "Back must skip the page that was left"


@pytest.mark.parametrize("code", LANGUAGE_CASES)
def test_clicking_exit_leaves_at_once_and_replaces_the_history_entry(open_context, site_origin, code):
    page, traffic, url = open_content_page(open_context, site_origin, code, PHONE)
    traffic.exit_delay = 0.3
    status = page.locator(".rg-exit__status")
    assert status.get_attribute("role") == "status" and status.get_attribute("aria-live") == "polite"
    length = page.evaluate("history.length")
    page.click(".rg-exit__button")
    assert_left_at_once(page, traffic, site_origin, code, url, length)


@pytest.mark.parametrize("link", ["rg-exit__skip", "rg-exit__button"])
@pytest.mark.parametrize("code", BEHAVIOUR_CASES)
def test_exit_links_work_from_the_keyboard(open_context, site_origin, code, link):
    page, traffic, url = open_content_page(open_context, site_origin, code)
    traffic.exit_delay = 0.3
    length = page.evaluate("history.length")
    for _ in range(3):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.classList.contains('{link}')"):
            break
    else:
        raise AssertionError(f"{link} is not among the first three stops of the Tab key")
    focused = page.locator(f".{link}")
    box = focused.bounding_box()
    assert focused.is_visible() and box["y"] >= 0 and box["x"] >= 0, f"focused {link} is not on screen: {box}"
    page.keyboard.press("Enter")
    assert_left_at_once(page, traffic, site_origin, code, url, length)


@pytest.mark.parametrize("code", LANGUAGE_CASES)
def test_shift_pressed_three_times_leaves_and_is_announced(open_context, site_origin, code):
    page, traffic, url = open_content_page(open_context, site_origin, code)
    traffic.exit_delay = 0.3
    text = strings(code)
    status = page.locator(".rg-exit__status")
    length = page.evaluate("history.length")
    page.keyboard.press("Shift")
    expect(status).to_have_text(text["two_left"])
    page.keyboard.press("Shift")
    expect(status).to_have_text(text["one_left"])
    assert traffic.exits == []
    page.keyboard.press("Shift")
    assert_left_at_once(page, traffic, site_origin, code, url, length)


@pytest.mark.parametrize("code", BEHAVIOUR_CASES)
def test_shift_held_for_a_capital_letter_does_not_count(open_context, site_origin, code):
    page, traffic, _ = open_content_page(open_context, site_origin, code)
    text = strings(code)
    status = page.locator(".rg-exit__status")
    page.keyboard.down("Shift")
    page.keyboard.press("KeyA")
    page.keyboard.up("Shift")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    # Had the modifier counted, that was the third press and the page would have left.
    expect(status).to_have_text(text["one_left"])
    assert traffic.exits == []
    page.keyboard.press("Shift")
    page.wait_for_url(EXIT_URL)


@pytest.mark.parametrize("code", BEHAVIOUR_CASES)
def test_another_key_starts_the_count_again(open_context, site_origin, code):
    page, traffic, url = open_content_page(open_context, site_origin, code)
    text = strings(code)
    status = page.locator(".rg-exit__status")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    expect(status).to_have_text(text["one_left"])
    page.keyboard.press("KeyA")
    page.keyboard.press("Shift")
    expect(status).to_have_text(text["two_left"])
    assert traffic.exits == [] and page.url == url


@pytest.mark.parametrize("code", LANGUAGE_CASES)
def test_count_expires_after_five_seconds_and_says_so(open_context, site_origin, code):
    context, traffic = open_context(**DESKTOP)
    page = context.new_page()
    page.clock.install()  # the 5 s wait is run on a fake clock
    goto(page, site_origin, page_path(code, CONTENT[code]))
    text = strings(code)
    status = page.locator(".rg-exit__status")
    page.keyboard.press("Shift")
    page.clock.run_for(100)
    expect(status).to_have_text(text["two_left"])
    page.keyboard.press("Shift")
    page.clock.run_for(4000)
    expect(status).to_have_text(text["one_left"])  # not yet expired
    page.clock.run_for(1100)
    expect(status).to_have_text(text["expired"])
    page.keyboard.press("Shift")
    page.clock.run_for(100)
    expect(status).to_have_text(text["two_left"])
    assert traffic.exits == []


@pytest.mark.parametrize("code", BEHAVIOUR_CASES)
def test_page_restored_from_the_back_forward_cache_is_usable(open_context, site_origin, code):
    """The reader used the exit but the neutral site did not load (no network),
    went Back, then Forward: the page comes back from the cache, and must not
    stay blank or half-counted."""
    page, traffic, url = open_content_page(open_context, site_origin, code)
    text = strings(code)
    traffic.exit_mode = "abort"
    for _ in range(3):
        page.keyboard.press("Shift")
    expect(page.locator(".rg-exit-overlay")).to_be_visible()
    expect(page.locator(".rg-exit__status")).to_have_text(text["activated"])

    page.go_back(wait_until="commit")
    page.wait_for_url(site_origin + page_path(code, "index.md"), wait_until="commit")
    shown_before = len(pageshows(traffic, url))
    page.go_forward(wait_until="commit")
    page.wait_for_url(url, wait_until="commit")
    assert_restored_from_cache(traffic, url, shown_before, page)
    expect(page.locator("html")).not_to_contain_class("rg-exiting")
    expect(page.locator(".rg-exit-overlay")).to_be_hidden()
    expect(page.locator("article")).to_be_visible()
    expect(page.locator(".rg-exit__status")).to_have_text("")
    page.keyboard.press("Shift")
    expect(page.locator(".rg-exit__status")).to_have_text(text["two_left"])

    traffic.exit_mode = "fulfil"
    page.click(".rg-exit__button")
    page.wait_for_url(EXIT_URL)
    traffic.assert_clean(allow_exit=True)
