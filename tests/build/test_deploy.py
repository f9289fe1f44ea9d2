"""Deploy notes: deploy/_headers (Netlify, Cloudflare Pages).

The file is parsed. The CSP it sends must be the pages' CSP meta tag plus
the directives only a header can carry, and the caching rules must give a year
to fingerprinted files only, and no-cache to pages and search indexes, under
both hosts' path matching. deploy/nginx.conf: test_deploy_nginx.py.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from rights_guide.build import deploy
from tests.build.deployrules import (
    HEADER_ONLY_DIRECTIVES, HEADERS_TEMPLATE, MATCHERS, NO_CACHE, OTHER, SAMPLE_FILES, SECURITY_HEADERS,
    csp_directives, header_values, is_page_or_data, language_folder, page_policies_of, parse_headers,
    request_paths, security_headers,
)
from tests.siteconfig import SITE


@pytest.fixture(scope="module")
def template_rules():
    return parse_headers(HEADERS_TEMPLATE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site_rules(built_site):
    return parse_headers((built_site / "_headers").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def page_policies(built_site) -> dict[str, dict[str, str]]:
    return page_policies_of(built_site)


def test_the_built_site_has_headers_with_a_rule_for_each_fingerprinted_file(built_site, site_rules):
    template = HEADERS_TEMPLATE.read_text(encoding="utf-8")
    assert (built_site / "_headers").read_text(encoding="utf-8").startswith(template.rstrip("\n"))
    fingerprinted = {path for path in request_paths(built_site) if deploy.is_fingerprinted(path)}
    # The bundled stylesheet and script at least (rights_guide/build/bundle.py).
    assert {Path(path).suffix for path in fingerprinted} >= {".css", ".js"}, fingerprinted
    immutable = {rule for rule, headers in site_rules if headers.get("Cache-Control") == deploy.IMMUTABLE}
    assert immutable == fingerprinted
    for path in fingerprinted:
        assert (built_site / path.lstrip("/")).is_file()


def test_header_csp_is_every_pages_meta_csp_plus_frame_ancestors(template_rules, page_policies):
    header = csp_directives(security_headers(template_rules)["Content-Security-Policy"])
    for name, value in HEADER_ONLY_DIRECTIVES.items():
        assert header.pop(name) == value
    for page, policy in page_policies.items():
        assert policy == header, page


@pytest.mark.parametrize("host", sorted(MATCHERS))
def test_security_headers_come_from_one_rule_for_every_path(built_site, site_rules, host):
    assert set(security_headers(site_rules)) == SECURITY_HEADERS
    for path in request_paths(built_site):
        for name in SECURITY_HEADERS:
            assert len(header_values(site_rules, path, name, host)) == 1, (host, path, name)


@pytest.mark.parametrize("host", sorted(MATCHERS))
def test_a_year_of_caching_exactly_for_fingerprinted_files(built_site, site_rules, host):
    checked = 0
    for path in request_paths(built_site):
        values = header_values(site_rules, path, "Cache-Control", host)
        if deploy.is_fingerprinted(path):
            assert values == [deploy.IMMUTABLE], (host, path, values)
            continue
        assert deploy.IMMUTABLE not in values, (host, path, values)
        if is_page_or_data(path):
            # Several matching rules are joined by the host; the same value twice is still no-cache.
            assert values and set(values) == {NO_CACHE}, (host, path, values)
            checked += 1
    pages = len(SITE.expected_pages(built_site))
    assert checked >= pages, f"{checked} pages and data files checked, but docs/ makes {pages} pages"


@pytest.mark.parametrize("host", sorted(MATCHERS))
def test_sample_paths_get_the_right_caching(tmp_path, host):
    for name in SAMPLE_FILES:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    rules = parse_headers(deploy.headers_file(HEADERS_TEMPLATE.read_text(encoding="utf-8"), tmp_path))
    for name, fingerprinted in SAMPLE_FILES.items():
        assert deploy.is_fingerprinted("/" + name) is fingerprinted, name
    expected = {
        "/assets/rg.3f2a9c1b.css": [deploy.IMMUTABLE],
        "/assets/rg.1a2b3c4d.js": [deploy.IMMUTABLE],
        "/assets/javascripts/workers/search.a7633da7.min.js": [deploy.IMMUTABLE],
        "/": [NO_CACHE],
        "/help/": [NO_CACHE],
        "/search/search_index.json": [NO_CACHE],
        "/assets/javascripts/lunr/min/lunr.fi.min.js": [NO_CACHE],
    }
    if OTHER:
        expected.update({f"/{OTHER}/help/": [NO_CACHE], f"/{OTHER}/search/search_index.json": [NO_CACHE],
                         f"/leaflets/{OTHER}/help.pdf": [NO_CACHE]})
    for path, values in expected.items():
        assert header_values(rules, path, "Cache-Control", host) == values, (host, path)
    joined = ["/index.html", "/404.html", "/sitemap.xml"] + ([f"/{OTHER}/index.html", f"/{OTHER}/404.html"]
                                                             if OTHER else [])
    for path in joined:
        assert set(header_values(rules, path, "Cache-Control", host)) == {NO_CACHE}, (host, path)
    # A fingerprint-like name that is not in the build gets no year of caching.
    assert deploy.IMMUTABLE not in header_values(rules, "/assets/rg.99999999.css", "Cache-Control", host)


def test_template_rules_are_well_formed(template_rules):
    # Only the generated rules may give a year of caching.
    assert all(headers.get("Cache-Control") in (None, NO_CACHE) for _, headers in template_rules)
    for rule, headers in template_rules:
        if rule != "/*":
            assert set(headers) == {"Cache-Control"}, rule
    policy = security_headers(template_rules)["Permissions-Policy"]
    assert all(re.fullmatch(r"[a-z-]+=\(\)", item.strip()) for item in policy.split(","))


def test_each_language_folder_has_a_no_cache_rule(template_rules):
    codes = set(SITE.others())
    language_rules = {code for rule, _ in template_rules if (code := language_folder(rule, r"/([^/]+)/\*"))}
    assert language_rules == codes, \
        f"deploy/_headers: one '/<code>/*' rule per language of mkdocs.yml but the default, {sorted(codes)}"


def test_bad_headers_file_is_rejected():
    with pytest.raises(AssertionError, match="line 2: not 'Name: value'"):
        parse_headers("/*\n  Referrer-Policy no-referrer\n")
    with pytest.raises(AssertionError, match="line 3: Cache-Control twice"):
        parse_headers("/*\n  Cache-Control: no-cache\n  Cache-Control: no-store\n")
