"""Reading the deploy rules (deploy/_headers, deploy/nginx.conf) as the hosts do.

Shared by tests/build/test_deploy.py (_headers) and test_deploy_nginx.py.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from rights_guide.build import deploy
from rights_guide.model.languages import CODE
from tests.conftest import REPO
from tests.siteconfig import SITE

HEADERS_TEMPLATE = REPO / "deploy" / "_headers"
NGINX = REPO / "deploy" / "nginx.conf"
# Ignored in a <meta> CSP, so only the header carries them.
HEADER_ONLY_DIRECTIVES = {"frame-ancestors": "'none'"}
NO_CACHE = "no-cache"
SECURITY_HEADERS = {"Content-Security-Policy", "Referrer-Policy", "X-Content-Type-Options", "X-Frame-Options",
                    "Permissions-Policy", "Cross-Origin-Opener-Policy", "Cross-Origin-Resource-Policy",
                    "X-DNS-Prefetch-Control"}
META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)"')


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


def security_headers(rules) -> dict[str, str]:
    everything = [headers for rule, headers in rules if rule == "/*"]
    assert len(everything) == 1, "one /* rule holds the security headers"
    return everything[0]


def page_policies_of(built_site: Path) -> dict[str, dict[str, str]]:
    """{path: CSP directives} of every built page's CSP meta tag."""
    policies = {}
    for page in sorted(built_site.rglob("*.html")):
        found = META_CSP.findall(page.read_text(encoding="utf-8"))
        assert len(found) == 1, page
        policies[deploy.site_path(built_site, page)] = csp_directives(html.unescape(found[0]))
    expected = SITE.expected_pages(built_site)
    assert len(policies) >= len(expected), f"a CSP for each of the {len(expected)} pages docs/ makes"
    return policies


def language_folder(path: str, pattern: str) -> str | None:
    """The language code a rule or location names (a BCP 47 code as a top folder), else None."""
    match = re.fullmatch(pattern, path)
    return match.group(1) if match and CODE.match(match.group(1)) else None


# A language folder of the site, if it builds more than one language.
OTHER = SITE.others()[0] if SITE.others() else None
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
    "search/search_index.json": False,
    "sitemap.xml": False,
    **({f"{OTHER}/index.html": False, f"{OTHER}/help/index.html": False, f"{OTHER}/404.html": False,
        f"{OTHER}/search/search_index.json": False, f"leaflets/{OTHER}/help.pdf": False} if OTHER else {}),
}


# ---- nginx.conf, read as nginx reads it (tokens, statements, blocks) ----

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


def directives(statements, name: str) -> list[list[str]]:
    return [args for directive, args, _ in statements if directive == name]


def blocks(statements):
    for directive, args, block in statements:
        if block is not None:
            yield directive, args, block
            yield from blocks(block)
