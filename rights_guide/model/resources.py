"""Every way a page can point somewhere, read from its Markdown source with the
line it is on, so that one set of checks sees them all:

- inline links and images: `[text](target)`, `![alt](file.png)`;
- reference-style: `[text][ref]`, `[text][]`, `[ref]`, `![alt][ref]` with
  `[ref]: target` on a line of its own;
- autolinks: `<https://...>`, `<mailto:...>`, `<name@example.fi>`;
- HTML and attribute lists (`{ src=... }`): href, src, every candidate of
  srcset, poster, data, action, background and the like;
- CSS: `url(...)` in a style attribute or element.

Inline code (`` `...` ``) and fenced code blocks are shown as text, not
followed, and are left out."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

LINK = "link"  # the reader goes there: a, area
IMAGE = "image"  # the browser fetches it to show the page: img, source, video, CSS...

# Every repeated part stops at the characters that could start another match ("[", "(", "<"),
# so that a line of 100 000 brackets takes linear time, not minutes (tests/checks/test_robustness.py).
INLINE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\]\(\s*(<[^<>\n]*>|[^()\s<]+(?:\([^()\s]*\)[^()\s<]*)*)"
                    r"(?:\s+(?:\"[^\"]*\"|'[^']*'|\([^()]*\)))?\s*\)")
REFERENCE = re.compile(r"(!?)\[((?:[^\[\]]|\[[^\[\]]*\])*)\](?:\s?\[([^\[\]]*)\])?(?![(:])")
DEFINITION = re.compile(r"^ {0,3}\[([^\]]+)\]:\s*(<[^>]*>|\S+)")
AUTOLINK = re.compile(r"<((?:[a-z][a-z0-9+.-]*:|//)[^<>\s]+|[^<>\s@]+@[^<>\s@]+\.[^<>\s@]+)>", re.I)
ATTRIBUTE = re.compile(
    r"(?<![\w-])(href|src|srcset|imagesrcset|poster|data|action|formaction|background|cite|longdesc|"
    r"xlink:href|ping|lowsrc|dynsrc|icon|manifest|codebase|archive)\s*=\s*(\"[^\"]*\"|'[^']*'|[^\s>}\"']+)",
    re.I)
CSS_URL = re.compile(r"url\(\s*(\"[^\"]*\"|'[^']*'|[^()\s]*)\s*\)", re.I)
BACKTICKS = re.compile(r"`+")
LINK_ATTRIBUTES = {"href", "xlink:href", "ping", "cite", "longdesc", "action", "formaction"}


@dataclass(frozen=True)
class Resource:
    line: int
    kind: str  # LINK or IMAGE
    url: str  # as written, entities decoded
    form: str  # "inline", "reference", "autolink", "html href", "srcset", "css url()", ...

    @property
    def value(self) -> str:  # compare.compare_lists reads items' `.value`
        return self.url


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    if value.startswith("<") and value.endswith(">"):
        value = value[1:-1]
    return html.unescape(value).strip()


def label(text: str) -> str:
    """A reference label as Markdown matches it: case and runs of spaces do not count."""
    return " ".join(text.split()).lower()


def definitions(lines: list[tuple[int, str]]) -> dict[str, tuple[int, str]]:
    """`[ref]: target` lines: label -> (line, target). The first definition of a label wins."""
    found: dict[str, tuple[int, str]] = {}
    for number, line in lines:
        match = DEFINITION.match(line)
        if match:
            found.setdefault(label(match.group(1)), (number, _unquote(match.group(2))))
    return found


def srcset_urls(value: str) -> list[str]:
    """Every candidate address of a srcset: 'a.png 1x, b.png 2x' -> ['a.png', 'b.png']."""
    return [part.split()[0] for part in value.split(",") if part.split()]


def _markdown(number: int, line: str, refs: dict[str, tuple[int, str]]) -> list[Resource]:
    found = []
    if "[" not in line and "<" not in line:  # most lines of prose: no pattern below can match
        return found
    for match in INLINE.finditer(line):
        found.append(Resource(number, IMAGE if match.group(1) else LINK, _unquote(match.group(3)), "inline"))
    rest = INLINE.sub(" ", line) if refs else ""
    for match in REFERENCE.finditer(rest):
        name = label(match.group(3) or match.group(2))  # [text][ref], or [ref][] and [ref] alone
        if name in refs:
            found.append(Resource(number, IMAGE if match.group(1) else LINK, refs[name][1], "reference"))
    for match in AUTOLINK.finditer(line):
        url = match.group(1)
        found.append(Resource(number, LINK, url if ":" in url or url.startswith("//") else f"mailto:{url}",
                              "autolink"))
    return found


def _html(number: int, line: str) -> list[Resource]:
    found = []
    if "=" not in line and "(" not in line:  # no attribute, no url(): nothing to find
        return found
    for match in ATTRIBUTE.finditer(line):
        name, value = match.group(1).lower(), _unquote(match.group(2))
        kind = LINK if name in LINK_ATTRIBUTES else IMAGE
        urls = srcset_urls(value) if name.endswith("srcset") else value.split() if name in {"ping", "archive"} \
            else [value]
        found += [Resource(number, kind, url, f"html {name}") for url in urls]
    found += [Resource(number, IMAGE, _unquote(m.group(1)), "css url()") for m in CSS_URL.finditer(line)]
    return found


def without_code_spans(line: str) -> str:
    """The line with each code span (`...`, ``...``) replaced by a space: a run of backticks
    opens a span that the next run of the same length closes. Linear in the line, unlike a
    regular expression, which tries every run against every later one."""
    runs = [(m.start(), m.end()) for m in BACKTICKS.finditer(line)]
    if len(runs) < 2:
        return line
    later_of_length: dict[int, list[int]] = {}
    for index in range(len(runs) - 1, -1, -1):
        later_of_length.setdefault(runs[index][1] - runs[index][0], []).append(index)
    pieces, kept_from, index = [], 0, 0
    while index < len(runs):
        start, end = runs[index]
        same = later_of_length[end - start]
        while same and same[-1] <= index:
            same.pop()
        if not same:
            index += 1
            continue
        closing = same.pop()
        pieces += [line[kept_from:start], " "]
        kept_from = runs[closing][1]
        index = closing + 1
    return "".join(pieces) + line[kept_from:]


def find(lines: list[tuple[int, str]]) -> list[Resource]:
    """Every link and resource on these (number, text) lines (a page's body outside
    fenced code), in the order written. Reference definitions count where they are used."""
    refs = definitions(lines)
    found: list[Resource] = []
    for number, line in lines:
        if DEFINITION.match(line):
            continue
        line = without_code_spans(line)
        found += _markdown(number, line, refs) + _html(number, line)
    return found


def scheme(url: str) -> str:
    """The scheme as a browser reads it ('javascript' for ' Java&#10;Script:...'), '' if none."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(url)).lower()
    match = re.match(r"([a-z][a-z0-9+.-]*):", cleaned)
    return match.group(1) if match else ""


def is_protocol_relative(url: str) -> bool:
    """'//host/path' (also '\\\\host', which browsers read the same): another host, scheme unsaid."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(url)).replace("\\", "/")
    return cleaned.startswith("//")


def is_remote(url: str) -> bool:
    return scheme(url) in {"http", "https", "ftp"} or is_protocol_relative(url)
