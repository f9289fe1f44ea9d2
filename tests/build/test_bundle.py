"""rights_guide/build/bundle.py: one trimmed, fingerprinted stylesheet and script per page."""

from __future__ import annotations

import hashlib
import re
from urllib.parse import urljoin, urlparse

import pytest
from mkdocs.exceptions import PluginError

from rights_guide.build import bundle as asset_bundle
from tests.builtsite import FIXTURE_CONFIG
from tests.siteconfig import SITE

STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)"')
SCRIPT = re.compile(r'<script\b[^>]*\bsrc="([^"]+)"')
ICON = re.compile(r'<link rel="icon" href="([^"]+)"')
FINGERPRINT = re.compile(r"\.([0-9a-f]{10})\.\w+$")


def pages(site):
    return sorted(site.rglob("*.html"))


def target(site, page, href):
    url = "/" + page.relative_to(site).as_posix()
    return site / urlparse(urljoin(url, href)).path.lstrip("/")


def test_every_page_has_one_stylesheet_and_one_script_named_by_their_content(built_site):
    expected = SITE.expected_pages(built_site)
    assert set(expected) <= set(pages(built_site)), "every page of docs/ in every language, and the 404 pages"
    for page in pages(built_site):
        html = page.read_text(encoding="utf-8")
        for pattern in (STYLESHEET, SCRIPT, ICON):
            hrefs = pattern.findall(html)
            assert len(hrefs) == 1, (page, pattern.pattern, hrefs)
            file = target(built_site, page, hrefs[0])
            digest = FINGERPRINT.search(file.name)
            assert file.is_file() and digest, (page, hrefs[0])
            assert hashlib.sha256(file.read_bytes()).hexdigest()[:10] == digest.group(1), file


def test_the_bundled_sources_and_materials_unused_scripts_are_gone(built_site):
    assets = built_site / "assets"
    leftovers = [*assets.glob("javascripts/bundle.*.js"), *assets.glob("stylesheets/main.*.css"),
                 *assets.glob("stylesheets/site.css"), *assets.glob("stylesheets/print.css"),
                 *assets.glob("javascripts/exit.js"), *assets.glob("javascripts/search.js"),
                 *assets.glob("images/favicon.svg"), *assets.glob("javascripts/lunr/wordcut.js")]
    assert leftovers == []
    # Search's worker stays: search.js starts it when the reader opens search.
    assert list(assets.glob("javascripts/workers/search.*.min.js"))


def stylesheet(site) -> str:
    return next((site / "assets").glob("site.*.css")).read_text(encoding="utf-8")


def test_the_stylesheet_has_what_pages_use_and_not_what_they_do_not(built_site, built_fixture_site):
    css = stylesheet(built_site)
    for used in (".rg-exit", ".md-header", ".md-nav__link", "@media print", ".md-search-result__item",
                 ".rg-icon--menu", ".rg-provenance"):
        assert used in css, used
    # Right-to-left rules only where a language of mkdocs.yml is written right to left
    # (data/languages.yml); the fixture site always builds one.
    assert ("[dir=rtl]" in css) == bool(SITE.rtl), \
        f"[dir=rtl] rules kept exactly when a built language is right to left: {sorted(SITE.rtl) or 'none'}"
    assert FIXTURE_CONFIG.rtl and "[dir=rtl]" in stylesheet(built_fixture_site), \
        f"the fixture site builds {sorted(FIXTURE_CONFIG.rtl)} right to left: its stylesheet keeps [dir=rtl]"
    for unused in (".tabbed-set", ".highlight", "data-md-color-scheme=slate", ".md-tabs__link", ".md-annotation",
                   "--md-code-hl-"):
        assert unused not in css, unused


def test_pages_carry_no_template_indentation_outside_preformatted_text(built_site):
    for page in pages(built_site):
        text = re.sub(r"<(pre|textarea|script)\b.*?</\1>", "", page.read_text(encoding="utf-8"), flags=re.S)
        assert not re.search(r"\n[ \t]+<", text), page


def test_a_reference_that_cannot_be_rewritten_stops_the_build():
    assert asset_bundle.with_prefix("../../assets/stylesheets/site.css", "/assets/stylesheets/site.css",
                                    "/assets/site.0123456789.css") == "../../assets/site.0123456789.css"
    with pytest.raises(PluginError, match="cannot rewrite"):
        asset_bundle.with_prefix("../site.css?v=2", "/assets/stylesheets/site.css", "/assets/site.0123456789.css")


def test_material_markers_only_its_bundle_read_are_removed_and_the_rest_kept(built_site):
    for page in pages(built_site):
        html = page.read_text(encoding="utf-8")
        assert "data-md-component" not in html and "data-md-scrollfix" not in html, page
        if "md-header" in html:
            # The menu and search toggles: Material's CSS opens them by this attribute.
            assert 'data-md-toggle="drawer"' in html and 'data-md-toggle="search"' in html, page


def test_unread_attributes_are_dropped_by_name():
    html = '<div data-md-component="x" data-md-toggle="search" data-md-scrollfix>a</div>'
    assert asset_bundle.without_unread_attributes(html, "[data-md-toggle=search]{}") == \
        '<div data-md-toggle="search">a</div>'
