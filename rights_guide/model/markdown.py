"""Read a Markdown page the way the checks need it: front matter with line
numbers, and the structure a translation must keep (headings, boxes, links,
images, markers) and the tokens it must not change (numbers, e-mails, URLs)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from rights_guide.model import characters, resources, yamlfile
from rights_guide.model.contacts import MARKER

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*(?:\{[^}]*#([\w-]+)[^}]*\})?\s*#*\s*$")
ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*([\w-]+)")
LINK = re.compile(r"(?<!!)\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
IMAGE = re.compile(r"!\[[^\]]*\]\(\s*<?([^)\s>]+)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
URL = re.compile(r"https?://[^\s)>\]\"']+")
NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")


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
            match = HEADING.match(line)
            if match:
                found.append(Item(number, f"{'#' * len(match.group(1))}{' {#' + match.group(3) + '}' if match.group(3) else ''}"))
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

    def prose_tokens(self) -> dict[str, list[Item]]:
        """E-mails, URLs and numbers written in the text (not in link targets, markers or
        ids). Digits of other scripts count as the same numbers (char-digits reports them)."""
        tokens: dict[str, list[Item]] = {"email": [], "url": [], "number": []}
        for number, line in self.body_lines():
            if resources.DEFINITION.match(line):
                continue  # `[ref]: target`: a link target, compared as a link
            if HEADING.match(line):
                line = re.sub(r"\{[^}]*\}\s*$", "", line)
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
            for value in NUMBER.findall(characters.ascii_digits(line)):
                tokens["number"].append(Item(number, value))
        return tokens


def read(path: Path) -> Page:
    return parse(path.read_text(encoding="utf-8"), path)


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
                page.meta_error = yamlfile.YamlError(path, 2, "front matter is not a list of 'key: value' lines")
            return page
    page.meta_error = yamlfile.YamlError(path, 1, "front matter has no closing '---' line")
    return page
