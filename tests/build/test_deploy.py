"""Deploy notes: deploy/_headers (Netlify, Cloudflare Pages) and deploy/nginx.conf.

Both files are parsed. The CSP they send must be the pages' CSP meta tag plus
the directives only a header can carry; the two files must send the same
headers; and the caching rules must give a year to fingerprinted files only,
and no-cache to pages and search indexes, under both hosts' path matching.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from rights_guide.build import deploy
from tests.conftest import CHECKOUT, REPO

PROJECT = CHECKOUT
HEADERS_TEMPLATE = REPO / "deploy" / "_headers"
NGINX = REPO / "deploy" / "nginx.conf"
# Ignored in a <meta> CSP, so only the header carries them.
HEADER_ONLY_DIRECTIVES = {"frame-ancestors": "'none'"}
NO_CACHE = "no-cache"
SECURITY_HEADERS = {"Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options", "X-Frame-Options",
                    "Permissions-Policy", "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy",
                    "X-DNS-Prefetch-Control"}
META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"')


# --- _headers -----------------------------------------------------------------

def parse_headers(text: str) -> list[tuple[str, dict[str, str]]]:
    """[(path pattern, {header: value})] in file order, as both hosts read the file."""
    rules: list[tuple[str, dict[str, str]]] = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.strip().startswith("#"):
            continue
        if not line[0].isspace():
            assert line.startswith("/"), f"line {number}: a path must start with '/': {line!r}"
            rules.append((line.strip(), {}))
            continue
        name, colon, value = line.strip().partition(":")
        assert colon and name.strip() and value.strip(), f"line {number}: not 'Name: value': {line!r}"
        assert rules, f"line {number}: a header before any path"
        assert name.strip() not in rules[-1][1], f"line {number}: {name} twice in one rule (values would be joined)"
        rules[-1][1][name.strip()] = value.strip()
    return rules


def netlify_pattern(rule: str) -> re.Pattern:
    """Netlify's path matching (netlify/build, packages/headers-parser/src/for_regexp.ts)."""
    def part(piece: str) -> str:
        if piece.startswith(":"):
            return "([^/]+)"
        if piece == "*":
            return "?(.*)"
        if "*" in piece:
            return piece.replace("*", "(.*)")  # sic: the rest of the piece is not escaped
        return re.escape(piece)
    pieces = [piece.rstrip() for piece in rule.split("/") if piece.rstrip()]
    return re.compile("^/" + "/".join(part(piece) for piece in pieces) + "/?$", re.I)


def cloudflare_pattern(rule: str) -> re.Pattern:
    """Cloudflare Pages: a splat matches anything, a :placeholder one path segment, the rest exactly."""
    pieces = re.split(r"(\*|:[A-Za-z]\w*)", rule)
    return re.compile("".join(".*" if p == "*" else "[^/]+" if p.startswith(":") else re.escape(p)
                              for p in pieces))


MATCHERS = {
    "netlify": lambda rule, path: netlify_pattern(rule).match(path) is not None,
    "cloudflare": lambda rule, path: cloudflare_pattern(rule).fullmatch(path) is not None,
}


def header_values(rules, path: str, name: str, host: str) -> list[str]:
    """Every value of a header that the rules matching this path set (hosts join them with commas)."""
    matches = MATCHERS[host]
    return [headers[name] for rule, headers in rules if name in headers and matches(rule, path)]


def request_paths(site: Path) -> list[str]:
    """What readers request: every published file, and each index.html as its folder."""
    paths = []
    for file in sorted(site.rglob("*")):
        if not file.is_file() or file.suffix in {".gz", ".br"} or file.name == "_headers":
            continue
        path = deploy.site_path(site, file)
        paths.append(path)
        if file.name == "index.html":
            paths.append(path[: -len("index.html")])
    return paths


def is_page_or_data(path: str) -> bool:
    return path.endswith(("/", ".html", ".json", ".xml", ".pdf"))


def csp_directives(policy: str) -> dict[str, str]:
    directives = {}
    for part in policy.split(";"):
        if part.strip():
            name, _, value = part.strip().partition(" ")
            assert name not in directives, f"{name} twice in {policy!r}"
            directives[name] = " ".join(value.split())
    return directives


@pytest.fixture(scope="module")
def template_rules():
    return parse_headers(HEADERS_TEMPLATE.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def site_rules(built_site):
    return parse_headers((built_site / "_headers").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def page_policies(built_site) -> dict[str, dict[str, str]]:
    policies = {}
    for page in sorted(built_site.rglob("*.html")):
        found = META_CSP.findall(page.read_text(encoding="utf-8"))
        assert len(found) == 1, page
        policies[deploy.site_path(built_site, page)] = csp_directives(html.unescape(found[0]))
    assert len(policies) > 20
    return policies


def security_headers(rules) -> dict[str, str]:
    everything = [headers for rule, headers in rules if rule == "/*"]
    assert len(everything) == 1, "one /* rule holds the security headers"
    return everything[0]


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
    assert checked > 40


SAMPLE_FILES = {
    "assets/rg.3f2a9c1b.css": True,
    "assets/rg.1a2b3c4d.js": True,
    "assets/images/favicon.9ffc228f03.svg": True,
    "assets/javascripts/workers/search.a7633da7.min.js": True,
    "assets/stylesheets/main.57a0d79d.min.css": True,
    "assets/stylesheets/site.css": False,
    "assets/javascripts/lunr/min/lunr.fi.min.js": False,
    "assets/rg.3f2a9c1.css": False,  # 7 hex digits: not a fingerprint
    "index.html": False,
    "404.html": False,
    "help/index.html": False,
    "fi/index.html": False,
    "fi/help/index.html": False,
    "ar/404.html": False,
    "search/search_index.json": False,
    "fi/search/search_index.json": False,
    "sitemap.xml": False,
    "leaflets/fi/help.pdf": False,
}


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
        "/fi/help/": [NO_CACHE],
        "/search/search_index.json": [NO_CACHE],
        "/fi/search/search_index.json": [NO_CACHE],
        "/assets/javascripts/lunr/min/lunr.fi.min.js": [NO_CACHE],
        "/leaflets/fi/help.pdf": [NO_CACHE],
    }
    for path, values in expected.items():
        assert header_values(rules, path, "Cache-Control", host) == values, (host, path)
    for path in ("/index.html", "/404.html", "/fi/index.html", "/ar/404.html", "/sitemap.xml"):
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
    codes = {language.code for language in PROJECT.languages() if not language.default}
    assert codes
    language_rules = {rule[1:-2] for rule, _ in template_rules if re.fullmatch(r"/[a-z]{2}/\*", rule)}
    assert language_rules == codes, "deploy/_headers: one '/<code>/*' rule per language in mkdocs.yml"


def test_bad_headers_file_is_rejected():
    with pytest.raises(AssertionError, match="line 2: not 'Name: value'"):
        parse_headers("/*\n  Referrer-Policy no-referrer\n")
    with pytest.raises(AssertionError, match="line 3: Cache-Control twice"):
        parse_headers("/*\n  Cache-Control: no-cache\n  Cache-Control: no-store\n")


# --- nginx --------------------------------------------------------------------

# A comment starts with "#" where a token would start; quoted strings may hold anything.
TOKEN = re.compile(r'#[^\n]*|"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|[{};]|[^\s{};"\']+')


def parse_nginx(text: str) -> list:
    """Statements as (directive, [args], block or None), nested blocks as lists of statements."""
    stack: list[list] = [[]]
    words: list[str] = []
    for token in TOKEN.findall(text):
        if token.startswith("#"):
            continue
        if token == ";":
            stack[-1].append((words[0], words[1:], None))
            words = []
        elif token == "{":
            block: list = []
            stack[-1].append((words[0], words[1:], block))
            stack.append(block)
            words = []
        elif token == "}":
            assert not words, f"missing ';' before '}}' after {words}"
            stack.pop()
        else:
            words.append(token[1:-1] if token[0] in "\"'" else token)
    assert len(stack) == 1 and not words, "unbalanced braces or a missing ';'"
    return stack[0]


@pytest.fixture(scope="module")
def nginx():
    return parse_nginx(NGINX.read_text(encoding="utf-8"))


def directives(statements, name: str) -> list[list[str]]:
    return [args for directive, args, _ in statements if directive == name]


def blocks(statements):
    for directive, args, block in statements:
        if block is not None:
            yield directive, args, block
            yield from blocks(block)


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
    assert len(regex_locations) == 1
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
    codes = {language.code for language in PROJECT.languages() if not language.default}
    languages = {}
    for directive, args, block in blocks(nginx):
        if directive == "location" and re.fullmatch(r"/[a-z]{2}/", args[0]):
            languages[args[0].strip("/")] = directives(block, "error_page")
    assert languages == {code: [["404", f"/{code}/404.html"]] for code in codes}
    for code in codes:
        assert (built_site / code / "404.html").is_file()


def test_bad_nginx_snippet_is_rejected():
    with pytest.raises(AssertionError, match="unbalanced braces"):
        parse_nginx("location / {\n  gzip_static on;\n")
    with pytest.raises(AssertionError, match="without 'always'"):
        nginx_headers(parse_nginx('add_header X-Frame-Options "DENY";'))
