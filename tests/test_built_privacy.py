"""Nothing on the built site reaches another host, and nothing writes to the reader's browser.

Every page, stylesheet and script of the repository's built site is read.
"""

from __future__ import annotations

import re
from urllib.parse import urlparse

from tests.siteconfig import SITE

CONFIG = SITE.config


def test_external_links_carry_noopener_noreferrer(real_site):
    site_host = urlparse(SITE.site_url).netloc
    for path, soup in real_site.pages.items():
        for link in soup.find_all("a", href=True):
            host = urlparse(link["href"]).netloc
            if link["href"].startswith(("http://", "https://")) and host != site_host:
                assert {"noopener", "noreferrer"} <= set(link.get("rel") or []), (path, link["href"])


RESOURCE_ATTRIBUTES = {
    "script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src",
    "embed": "src", "object": "data", "track": "src", "input": "src",
}


def is_local(url: str) -> bool:
    parsed = urlparse(url.strip())
    return not parsed.scheme and not parsed.netloc or parsed.scheme == "data"


def test_html_loads_nothing_from_another_host(real_site):
    for path, soup in real_site.pages.items():
        for tag, attribute in RESOURCE_ATTRIBUTES.items():
            for element in soup.find_all(tag, attrs={attribute: True}):
                assert is_local(element[attribute]), (path, str(element)[:120])
        for link in soup.find_all("link", href=True):
            if set(link.get("rel") or []) & {"stylesheet", "icon", "preload", "prefetch", "modulepreload",
                                              "preconnect", "dns-prefetch", "manifest"}:
                assert is_local(link["href"]), (path, str(link))
        assert soup.find(["iframe", "object", "embed"]) is None, path


def test_css_loads_nothing_from_another_host(built_site):
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text):
            assert is_local(url), (css, url)
        assert not re.search(r"@import\s+(url\()?['\"]?(https?:)?//", text), css


def test_javascript_requests_no_other_host(built_site, real_site):
    # Material's bundle.js, with its unpkg.com and GitHub API addresses, is not
    # shipped (overrides/main.html): no script names another host at all.
    literal = re.compile(r"""["'`](https?://[^"'`\s$]+)""")
    scripts = list(built_site.rglob("*.js"))
    assert scripts, "the build ships scripts (extra_javascript)"
    for script in scripts:
        for url in literal.findall(script.read_text(encoding="utf-8")):
            assert urlparse(url).netloc == "www.w3.org", f"{script}: {url}"  # XML namespace names, never fetched
    assert "repo_url" not in CONFIG
    assert not any(soup.select(".mermaid") for soup in real_site.pages.values())


def test_no_web_fonts_and_no_source_maps(built_site, real_site):
    assert CONFIG["theme"]["font"] is False
    assert not list(built_site.rglob("*.map"))
    assert not list(built_site.rglob("*.woff*"))
    for soup in real_site.pages.values():
        assert "fonts.googleapis" not in str(soup.head)


def test_no_script_writes_browser_storage(built_site):
    for script in built_site.rglob("*.js"):
        text = re.sub(r"//.*", "", script.read_text(encoding="utf-8"))
        for writer in ("setItem", "document.cookie", "indexedDB", "serviceWorker", "caches.open"):
            assert writer not in text, (script, writer)
