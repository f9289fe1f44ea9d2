"""The built site in a real browser: Debian's Chromium driven by Playwright.

One Chromium per session; each test gets fresh browser contexts (empty
cookies and storage). The site is served on 127.0.0.1. Every request a page
makes is recorded; the neutral exit site is answered locally and anything
else that is not this server is blocked and recorded, so no test touches the
network and a request to another host fails the test that made it.
"""

from __future__ import annotations

import functools
import http.server
import json
import os
import shutil
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest

from tests.siteconfig import SITE

PROJECT = SITE.project
CONFIG = SITE.config
LANGUAGES = SITE.codes
DEFAULT = SITE.default
EXIT_URL = SITE.exit_url
RTL = SITE.rtl  # from data/languages.yml
STRINGS = {code: SITE.ui_all(code) for code in LANGUAGES}

# The small screen of a cheap phone, in CSS pixels.
PHONE = {"viewport": {"width": 320, "height": 640}, "is_mobile": True, "has_touch": True}
DESKTOP = {"viewport": {"width": 1280, "height": 800}}

CHROMIUM_ARGS = [
    "--no-sandbox",  # the tests may run as root (CI containers)
    "--disable-gpu",
    # Without these Chromium itself calls Google hosts. Those are not page
    # requests, but nothing should leave the machine during the tests.
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-dev-shm-usage",
]
# Playwright turns the back/forward cache off by default; readers' browsers
# have it on, and the exit control must cope with a page restored from it.
IGNORED_DEFAULT_ARGS = ["--disable-back-forward-cache"]

# Messages the pages send to the test: console.debug("rg-test {json}").
PROBE_PREFIX = "rg-test "
CSP_PROBE = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.debug("rg-test " + JSON.stringify({kind: "csp", directive: event.violatedDirective,
    blocked: event.blockedURI, source: event.sourceFile + ":" + event.lineNumber}));
});
"""


def find_chromium() -> str | None:
    if Path("/usr/bin/chromium").exists():
        return "/usr/bin/chromium"
    return shutil.which("chromium")


def page_path(code: str, source: str) -> str:
    """URL path of a page: ('fi', 'help.md') -> '/fi/help/'."""
    return SITE.page_path(code, source)


def nav_pages() -> list[str]:
    return SITE.nav_pages()


# Each language's home page and a fixed few content pages (SiteConfig.browser_sample).
SAMPLES = {code: SITE.browser_sample(code) for code in LANGUAGES}
# What words change (width, wrapping, names in the header, search) is tested in every language
# (LANGUAGE_CASES). Behaviour that words do not change (JavaScript, keyboard, storage, print, the
# kept copy, every state of a page) is tested in the representative languages: the default and
# the first of each script and direction (SiteConfig.representatives), on their sample pages
# (PAGE_CASES). So the suite grows with scripts, not languages; every page of every language
# still gets the static checks (tests/test_built_site.py and tests/build/).
REPRESENTATIVES = SITE.representatives
LANGUAGE_CASES = [pytest.param(code, id=code) for code in LANGUAGES]
BEHAVIOUR_CASES = [pytest.param(code, id=code) for code in REPRESENTATIVES]
PAGE_CASES = [pytest.param(code, page, id=f"{code}-{page[:-3]}")
              for code in REPRESENTATIVES for page in SAMPLES[code]]
# Every language's home page, for the checks that read its words (accessibility names, lang).
HOME_CASES = [pytest.param(code, "index.md", id=f"{code}-index") for code in LANGUAGES]
# A content page of each language, reached from its home page (exit and print tests).
CONTENT = {code: SAMPLES[code][1] for code in LANGUAGES}


@dataclass
class Traffic:
    """What one browser context did, as seen by the test."""

    origin: str
    requests: list[str] = field(default_factory=list)
    blocked: list[str] = field(default_factory=list)
    exits: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    probes: list[dict] = field(default_factory=list)
    # How the neutral exit site answers: "fulfil" (after exit_delay seconds) or
    # "abort" (as if it could not be reached).
    exit_mode: str = "fulfil"
    exit_delay: float = 0.0

    @property
    def csp_violations(self) -> list[dict]:
        return [probe for probe in self.probes if probe.get("kind") == "csp"]

    def foreign_requests(self, *, allow_exit: bool = False) -> list[str]:
        allowed = set(self.exits) if allow_exit else set()
        return [url for url in self.requests if not url.startswith(self.origin + "/") and url not in allowed]

    def assert_clean(self, *, allow_exit: bool = False) -> None:
        """Only this origin (and, if allowed, the neutral site, answered locally), nothing
        blocked or failed, no console error, no CSP violation."""
        foreign = self.foreign_requests(allow_exit=allow_exit)
        assert not foreign, f"requests to other hosts: {foreign}"
        assert not self.blocked, f"blocked requests: {self.blocked}"
        assert not self.failed, f"failed requests: {self.failed}"
        assert not self.console_errors, f"console errors: {self.console_errors}"
        assert not self.page_errors, f"JavaScript errors: {self.page_errors}"
        assert not self.csp_violations, f"CSP violations: {self.csp_violations}"


NEUTRAL_PAGE = "<!doctype html><html lang=en><title>Neutral site</title><p>Weather</p></html>"


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = find_chromium()
    if path is None:
        message = ("Chromium is not installed (no /usr/bin/chromium, no 'chromium' on PATH): "
                   "the browser tests need Debian's chromium package (apt-get install chromium).")
        if os.environ.get("CI") == "true":
            pytest.fail(message + " In CI a skipped browser test is a failure.")
        pytest.skip(message)
    return path


def serve(folder: Path):
    """Serve a built site over HTTP on 127.0.0.1 (a free port); yields its origin."""

    class QuietHandler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, format, *args):  # noqa: A002 - the base class's name
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def site_origin(built_site: Path):
    """The repository's built site."""
    yield from serve(built_site)


@pytest.fixture(scope="session")
def fixture_origin(built_fixture_site: Path):
    """The fixture site (tests/fixtures/site), for what the repository's site may not have."""
    yield from serve(built_fixture_site)


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import sync_playwright

    playwright = sync_playwright().start()
    browser = playwright.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS,
                                         ignore_default_args=IGNORED_DEFAULT_ARGS)
    yield browser
    browser.close()
    playwright.stop()


@pytest.fixture
def open_context(browser, site_origin):
    """open_context(**context_options) -> (context, traffic), for the repository's site unless
    another origin (and its exit_url) is given."""
    contexts = []

    def open_(*, init_scripts: tuple[str, ...] = (), origin: str = site_origin, exit_url: str = EXIT_URL,
              **options):
        context = browser.new_context(**options)
        context.set_default_timeout(10_000)
        traffic = Traffic(origin)
        exit_host = urlparse(exit_url).netloc

        def route(route):
            url = route.request.url
            if url.startswith(origin + "/"):
                route.continue_()
            elif urlparse(url).netloc == exit_host:
                traffic.exits.append(url)
                if traffic.exit_mode == "abort":
                    route.abort("aborted")
                    return
                time.sleep(traffic.exit_delay)  # the page keeps running in the browser meanwhile
                route.fulfill(status=200, content_type="text/html", body=NEUTRAL_PAGE)
            else:
                traffic.blocked.append(url)
                route.abort("blockedbyclient")

        def on_console(message):
            if message.type == "error":
                traffic.console_errors.append(f"{message.text} ({message.location.get('url')})")
            elif message.type == "debug" and message.text.startswith(PROBE_PREFIX):
                traffic.probes.append(json.loads(message.text[len(PROBE_PREFIX):]))

        def on_response(response):
            if response.status >= 400:
                traffic.failed.append(f"{response.status} {response.url}")

        def on_request_failed(request):
            # ERR_ABORTED: the page was left while this was loading (the test
            # clicked on); not a fault of the page.
            if request.url.startswith(origin + "/") and request.failure != "net::ERR_ABORTED":
                traffic.failed.append(f"{request.failure} {request.url}")

        context.route("**/*", route)
        context.on("request", lambda request: traffic.requests.append(request.url))
        context.on("response", on_response)
        context.on("requestfailed", on_request_failed)
        context.on("console", on_console)
        context.on("weberror", lambda error: traffic.page_errors.append(str(error.error)))
        context.add_init_script(CSP_PROBE)
        for script in init_scripts:
            context.add_init_script(script)
        contexts.append(context)
        return context, traffic

    yield open_
    for context in contexts:
        context.close()


def goto(page, origin: str, path: str, *, idle: bool = False) -> None:
    response = page.goto(origin + path, wait_until="networkidle" if idle else "load")
    assert response is not None and response.ok, f"{path}: {response and response.status}"
