"""The offline copies in Chromium, opened from file:// with every network request
blocked: the single HTML file (also alone in another folder under another name,
as after a chat app delivered it) and the unpacked zip. Every link inside is
followed; no request may leave the file system, nothing may fail, and no
console error or CSP violation may appear. In one language per script and direction
(conftest.py); every language's copies are read without a browser (tests/build/test_offline.py)."""

from __future__ import annotations

import json
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from rights_guide.build import offline
from tests.browser.conftest import CSP_PROBE, PROBE_PREFIX, REPRESENTATIVES, RTL
from tests.conftest import CHECKOUT
from tests.offline_site import offline_copy
from tests.siteconfig import SITE


@dataclass
class FileTraffic:
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    violations: list[dict] = field(default_factory=list)

    def assert_clean(self) -> None:
        assert self.requests and all(url.startswith("file://") for url in self.requests), self.requests
        assert not self.blocked, f"requests that would leave the file system: {self.blocked}"
        assert not self.failed, f"failed: {self.failed}"
        assert not self.errors, f"console or JavaScript errors: {self.errors}"
        assert not self.violations, f"CSP violations: {self.violations}"


@pytest.fixture(scope="module")
def offline_site(built_site, tmp_path_factory):
    return offline_copy(built_site, tmp_path_factory)


@pytest.fixture(scope="module")
def editions(offline_site):
    return {edition.code: edition for edition in offline.editions(CHECKOUT, offline_site)}


@pytest.fixture
def file_context(browser):
    """A browser context that lets file:// through and blocks everything else."""
    contexts = []

    def open_():
        context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True, has_touch=True)
        context.set_default_timeout(10_000)
        traffic = FileTraffic()

        def route(route):
            if route.request.url.startswith("file://"):
                route.continue_()
            else:
                traffic.blocked.append(route.request.url)
                route.abort("blockedbyclient")

        def on_console(message):
            if message.type == "error":
                traffic.errors.append(message.text)
            elif message.type == "debug" and message.text.startswith(PROBE_PREFIX):
                traffic.violations.append(json.loads(message.text[len(PROBE_PREFIX):]))

        context.route("**/*", route)
        context.on("request", lambda request: traffic.requests.append(request.url))
        def on_request_failed(request):
            # ERR_ABORTED: the page was left while this was loading (the test clicked on,
            # say before the icon arrived on a busy machine); not a fault of the copy.
            if request.failure != "net::ERR_ABORTED":
                traffic.failed.append(f"{request.failure} {request.url}")

        context.on("requestfailed", on_request_failed)
        context.on("console", on_console)
        context.on("weberror", lambda error: traffic.errors.append(str(error.error)))
        context.add_init_script(CSP_PROBE)
        contexts.append(context)
        return context, traffic

    yield open_
    for context in contexts:
        context.close()


def check_language(page, code: str) -> None:
    direction = "rtl" if code in RTL else "ltr"
    assert page.evaluate("document.documentElement.lang") == code
    assert page.evaluate("getComputedStyle(document.body).direction") == direction


@pytest.mark.parametrize("code", REPRESENTATIVES)
def test_the_single_file_works_from_anywhere_without_network(editions, file_context, tmp_path, code):
    # As a chat app leaves it: alone, renamed, in a folder of its own.
    alone = tmp_path / "Downloads" / f"Document {code} (1).html"
    alone.parent.mkdir()
    shutil.copy(editions[code].single, alone)
    context, traffic = file_context()
    page = context.new_page()
    page.goto(alone.as_uri())
    check_language(page, code)
    assert page.locator(".rg-emergency").first.is_visible()
    links = page.eval_on_selector_all("a[href^='#']", "links => links.map(link => link.getAttribute('href'))")
    menu = SITE.nav_pages()  # the list of pages on top links each page of the menu (mkdocs.yml nav)
    assert len(links) >= len(menu), f"at least one jump per menu page ({len(menu)}), found {len(links)}"
    missing = page.evaluate("hrefs => hrefs.filter(h => !document.getElementById(decodeURIComponent(h.slice(1))))",
                            links)
    assert not missing, f"links to nothing in the file: {missing[:5]}"
    for href in dict.fromkeys(links[:: max(1, len(links) // 40)]):  # a spread of them, clicked
        page.locator(f"a[href='{href}']").first.click()
        assert page.evaluate("location.hash") == href
        assert page.evaluate(f"document.getElementById({json.dumps(href[1:])}).getBoundingClientRect().top") < 700
    assert page.evaluate("document.documentElement.scrollWidth") <= 320, "no sideways scrolling on a phone"
    assert traffic.requests == [alone.as_uri()] or set(traffic.requests) == {alone.as_uri()}
    traffic.assert_clean()


def unpack(edition, folder: Path) -> Path:
    with zipfile.ZipFile(edition.archive) as archive:
        archive.extractall(folder)
    return folder / f"guide-{edition.code}"


@pytest.mark.parametrize("code", REPRESENTATIVES)
def test_the_zip_works_from_file_and_every_link_inside_leads_to_a_page(editions, file_context, tmp_path, code):
    top = unpack(editions[code], tmp_path)
    context, traffic = file_context()
    page = context.new_page()
    start = (top / "index.html").as_uri()
    queue, seen = [start], set()
    while queue:
        url = queue.pop(0)
        if url in seen:
            continue
        seen.add(url)
        response = page.goto(url)
        assert response is None or response.ok, url
        check_language(page, code)
        assert page.locator("[data-rg-search]").count() == 0
        assert page.locator(".rg-notice--offline").is_visible()
        hrefs = page.eval_on_selector_all("a[href]", "links => links.map(link => link.href)")
        for href in hrefs:
            target = href.split("#")[0]
            if target.startswith("file://"):
                assert Path(target[len("file://"):]).is_file(), f"{url}: {href}"
                queue.append(target)
    pages = {path.as_uri() for path in top.rglob("index.html")}
    assert seen == pages, f"pages no link reaches: {sorted(pages - seen)[:5]}"
    traffic.assert_clean()


def test_the_exit_control_works_in_the_zip(editions, file_context, tmp_path):
    code = CHECKOUT.default_language()
    top = unpack(editions[code], tmp_path)
    context, traffic = file_context()
    page = context.new_page()
    page.goto((top / "help" / "index.html").as_uri())
    exit_url = page.locator("a.rg-exit__button").get_attribute("href")
    assert exit_url == CHECKOUT.config().data["extra"]["exit_url"]
    with page.expect_request(lambda request: not request.url.startswith("file://")) as leaving:
        for _ in range(3):
            page.keyboard.press("Shift")
    # The only request that leaves: to the neutral site, which the test blocks.
    assert leaving.value.url.startswith(exit_url)
    assert all(url.startswith(("file://", exit_url)) for url in traffic.requests), traffic.requests
