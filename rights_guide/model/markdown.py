"""Read a Markdown page the way the checks need it: front matter with line
numbers, and the structure a translation must keep (headings, boxes, links,
images, markers) and the tokens it must not change (numbers, e-mails, URLs)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rights_guide.model import characters, resources, textfile, yamlfile
from rights_guide.model.contacts import MARKER

# Every pattern here runs in time linear in the line: no two repeats can match
# the same text (tests/checks/test_robustness.py feeds them adversarial lines).
HEADING_START = re.compile(r"(#{1,6})\s")
ATTR_LIST_END = re.compile(r"\{([^{}]*)\}$")
ATTR_ID = re.compile(r"#([\w-]+)")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*([\w-]+)")
# Link text may hold one level of [brackets], as in "[see [1]](url)".
LINK = re.compile(r"(?<!!)\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^()\s<>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
IMAGE = re.compile(r"!\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)\s>]+)")
AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"https?://[^\s)>\]\"']+")
NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
# Digits in groups, 6 or more digits in all (callers count them); a full stop or comma
# after the number ends the sentence, unless a digit follows (a decimal).
PHONE = re.compile(r"(?<![\d.,])\+?\d[\d ]{4,}\d(?!\d|[.,]\d)")
HTML_TAG = re.compile(r"<[^<>]*>")
ATTR_LIST = re.compile(r"\{[^{}]*\}")
PROSE_PUNCTUATION = re.compile(r"[#*_`|>\[\]!~=]+")
# A month written as a number in a Chinese, Japanese or Korean date ("2025年5月5日", "5월"):
# it names the month as English "May" does, so it is a word, not a number to compare.
# "5个月" and "5개월" (five months) are durations and stay numbers.
MONTH_NUMBER = re.compile(r"\d{1,2}(?=[月월])")
# Arabic-Indic and Persian digits count as the same numbers.
DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


@dataclass
class Item:
    line: int
    value: str


@dataclass
class Page:
    path: Path
    text: str
    meta: dict = field(default_factory=dict)
    meta_lines: dict = field(default_factory=dict)
    meta_paths: dict = field(default_factory=dict)  # line of every key and item: ("sources", 0, "url") -> 9
    meta_error: yamlfile.YamlError | None = None
    body_start: int = 1  # line number of the first line after the front matter
    not_utf8: textfile.NotUtf8 | None = None

    def body_lines(self):
        """(line number, text) of the body, outside fenced code blocks."""
        in_code = False
        lines = self.text.splitlines()
        for index in range(self.body_start - 1, len(lines)):
            line = lines[index]
            if line.lstrip().startswith(("```", "~~~")):
                in_code = not in_code
                continue
            if not in_code:
                yield index + 1, line

    def headings(self) -> list[Item]:
        found = []
        for number, line in self.body_lines():
            heading = parse_heading(line)
            if heading:
                level, heading_id = heading
                found.append(Item(number, "#" * level + (" {#" + heading_id + "}" if heading_id else "")))
        return found

    def admonitions(self) -> list[Item]:
        return [Item(n, m.group(1)) for n, line in self.body_lines() if (m := ADMONITION.match(line))]

    def resources_used(self) -> list[resources.Resource]:
        """Every link, image and other resource, in every form (model/resources.py)."""
        return resources.find(list(self.body_lines()))

    def links(self) -> list[Item]:
        return [Item(r.line, r.url) for r in self.resources_used() if r.kind == resources.LINK]

    def images(self) -> list[Item]:
        """Images and every other file the browser fetches to show the page (video posters, CSS url())."""
        return [Item(r.line, r.url) for r in self.resources_used() if r.kind == resources.IMAGE]

    def markers(self) -> list[Item]:
        return [Item(n, m.group(0).replace(" ", "")) for n, line in self.body_lines() for m in MARKER.finditer(line)]

    def prose(self) -> str:
        """The words a reader reads: title, description and body text, without
        markup, link targets, addresses, numbers, code or ids."""
        parts = [value for key in ("title", "description") if isinstance(value := self.meta.get(key), str)]
        for _, line in self.body_lines():
            line = ADMONITION.sub(" ", MARKER.sub(" ", line))
            line = LINK.sub(lambda m: m.group(0)[: m.group(0).rfind("](")], IMAGE.sub(" ", line))
            line = NUMBER.sub(" ", EMAIL.sub(" ", URL.sub(" ", HTML_TAG.sub(" ", ATTR_LIST.sub(" ", line)))))
            parts.append(PROSE_PUNCTUATION.sub(" ", line))
        return " ".join(" ".join(parts).split())

    def prose_tokens(self) -> dict[str, list[Item]]:
        """E-mails, URLs and numbers written in the text (not in link targets, markers or
        ids). Digits of other scripts count as the same numbers (char-digits reports them)."""
        tokens: dict[str, list[Item]] = {"email": [], "url": [], "number": []}
        for number, line in self.body_lines():
            if resources.DEFINITION.match(line):
                continue  # `[ref]: target`: a link target, compared as a link
            if parse_heading(line):
                line = ATTR_LIST_END.sub("", line.rstrip())
            line = MARKER.sub(" ", line)
            line = resources.ATTRIBUTE.sub(" ", resources.AUTOLINK.sub(" ", line))
            line = LINK.sub(lambda m: m.group(0)[: m.group(0).rfind("](")], line)
            line = IMAGE.sub(" ", line)
            for url in URL.findall(line):
                tokens["url"].append(Item(number, url.rstrip(".,;")))
            line = URL.sub(" ", line)
            for email in EMAIL.findall(line):
                tokens["email"].append(Item(number, email))
            line = EMAIL.sub(" ", line)
            for value in NUMBER.findall(MONTH_NUMBER.sub(" ", characters.ascii_digits(line))):
                tokens["number"].append(Item(number, value))
        return tokens


def parse_heading(line: str) -> tuple[int, str | None] | None:
    """(level, id or None) of an ATX heading line (`## Text {#id} ##`), else None."""
    start = HEADING_START.match(line)
    if not start:
        return None
    rest = line[start.end():].rstrip().rstrip("#").rstrip()
    attributes = ATTR_LIST_END.search(rest)
    ids = ATTR_ID.findall(attributes.group(1)) if attributes else []
    return len(start.group(1)), ids[-1] if ids else None  # attr_list: the last #id wins


# Several checks read the same pages: parse each version of a file once (keyed on
# modification time and size, so `mkdocs serve` sees edits). Treat a Page as read-only.
_pages: dict[Path, tuple[tuple[int, int], Page]] = {}


def read(path: Path) -> Page:
    """The page; bytes that are not UTF-8 read as U+FFFD, and `not_utf8` says where
    (checks/readable.py reports it; every other check reads on)."""
    path = Path(path)
    stat = path.stat()
    version = (stat.st_mtime_ns, stat.st_size)
    cached = _pages.get(path)
    if cached is None or cached[0] != version:
        data = path.read_bytes()
        try:
            page = parse(textfile.decode(data, path), path)
        except textfile.NotUtf8 as error:
            page = parse(textfile.decode_leniently(data), path)
            page.not_utf8 = error
        cached = _pages[path] = (version, page)
    return cached[1]


def parse(text: str, path: Path = Path("<text>")) -> Page:
    page = Page(path=path, text=text)
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return page
    for index in range(1, len(lines)):
        if lines[index].strip() == "---":
            block = "\n".join(lines[1:index])
            page.body_start = index + 2
            try:
                parsed = yamlfile.load_text(block, path)
            except yamlfile.YamlError as error:
                error.line += 1  # the block starts on the line after the opening ---
                page.meta_error = error
                return page
            if isinstance(parsed.data, dict):
                page.meta = parsed.data
                page.meta_lines = {key[0]: line + 1 for key, line in parsed.lines.items() if len(key) == 1}
                page.meta_paths = {key: line + 1 for key, line in parsed.lines.items()}
            elif parsed.data is not None:
                page.meta_error = yamlfile.YamlError(path, 2, "front matter is not a list of 'key: value' lines.")
            return page
    page.meta_error = yamlfile.YamlError(path, 1, "front matter has no closing '---' line.")
    return page
