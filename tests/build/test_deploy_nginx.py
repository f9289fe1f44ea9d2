"""Deploy notes: deploy/nginx.conf, parsed, sends what deploy/_headers sends.

The same security headers and CSP as the pages' meta tag (plus what only a
header can carry), a year of caching for fingerprinted files only, the
precompressed copies, and each language's 404 page.
"""

from __future__ import annotations

import re

import pytest

from rights_guide.build import deploy
from tests.build.deployrules import (
    HEADER_ONLY_DIRECTIVES, HEADERS_TEMPLATE, NGINX, NO_CACHE, SAMPLE_FILES, blocks, csp_directives, directives,
    language_folder, page_policies_of, parse_headers, parse_nginx, request_paths, security_headers,
)
from tests.siteconfig import SITE


@pytest.fixture(scope="module")
def template_rules():
    return parse_headers(HEADERS_TEMPLATE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def page_policies(built_site) -> dict[str, dict[str, str]]:
    return page_policies_of(built_site)


@pytest.fixture(scope="module")
def nginx():
    return parse_nginx(NGINX.read_text(encoding="utf-8"))


def nginx_headers(statements) -> dict[str, str]:
    headers = {}
    for args in directives(statements, "add_header"):
        assert args[-1] == "always", f"add_header {args[0]}: without 'always' it is not sent on 404 pages"
        assert args[0] not in headers, args[0]
        headers[args[0]] = args[1]
    return headers


def test_nginx_sends_the_same_headers_as_the_headers_file(nginx, template_rules):
    headers = nginx_headers(nginx)
    assert headers.pop("Cache-Control") == "$rg_cache_control"
    assert headers == security_headers(template_rules)


def test_nginx_csp_is_every_pages_meta_csp_plus_frame_ancestors(nginx, page_policies):
    header = csp_directives(nginx_headers(nginx)["Content-Security-Policy"])
    for name, value in HEADER_ONLY_DIRECTIVES.items():
        assert header.pop(name) == value
    for page, policy in page_policies.items():
        assert policy == header, page


def test_no_add_header_inside_a_location(nginx):
    # nginx drops every inherited add_header in a block that has its own.
    for directive, args, block in blocks(nginx):
        assert not directives(block, "add_header"), (directive, args)


def test_nginx_caching_matches_the_fingerprint_rule(nginx, built_site):
    assert directives(nginx, "set") == [["$rg_cache_control", NO_CACHE]]
    regex_locations = [(args, block) for directive, args, block in blocks(nginx)
                       if directive == "location" and args[0] in ("~", "~*")]
    assert len(regex_locations) == 1, "deploy/nginx.conf: one regular-expression location, for fingerprinted files"
    args, block = regex_locations[0]
    assert args == ["~", deploy.FINGERPRINTED.pattern]
    assert directives(block, "set") == [["$rg_cache_control", deploy.IMMUTABLE]]
    nginx_regex = re.compile(args[1])  # PCRE and Python agree on this expression's syntax
    paths = request_paths(built_site) + ["/" + name for name in SAMPLE_FILES]
    for path in paths:
        assert (nginx_regex.search(path) is not None) is deploy.is_fingerprinted(path), path


def test_nginx_serves_precompressed_copies_and_404_pages_per_language(nginx, built_site):
    assert directives(nginx, "gzip_static") == [["on"]]
    assert directives(nginx, "brotli_static") == [["on"]]
    assert directives(nginx, "error_page") == [["404", "/404.html"]]
    codes = set(SITE.others())
    languages = {}
    for directive, args, block in blocks(nginx):
        if directive == "location" and (code := language_folder(args[0], r"/([^/]+)/")):
            languages[code] = directives(block, "error_page")
    assert languages == {code: [["404", f"/{code}/404.html"]] for code in codes}, \
        f"deploy/nginx.conf: a location with its 404 page per language of mkdocs.yml but the default, {sorted(codes)}"
    for code in codes:
        assert (built_site / code / "404.html").is_file(), f"/{code}/404.html not built"


def test_bad_nginx_snippet_is_rejected():
    with pytest.raises(AssertionError, match="unbalanced braces"):
        parse_nginx("location / {\n  gzip_static on;\n")
    with pytest.raises(AssertionError, match="without 'always'"):
        nginx_headers(parse_nginx('add_header X-Frame-Options "DENY";'))
