"""Parts of a built page, found by tag and class with the standard library's
HTML parser (the pages come from our own templates, so every element that is
not void is closed).

`find` gives the outermost elements that match, as offsets into the text, so
a caller can cut them out or keep only their inside without re-serialising
the page (which would change it in ways nobody asked for).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from html.parser import HTMLParser

VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())
Match = Callable[[str, dict[str, str]], bool]


@dataclass(frozen=True)
class Element:
    start: int  # the "<" of the start tag
    end: int  # just after the ">" of the end tag
    inner_start: int
    inner_end: int
    attrs: dict


def has_class(tag: str, name: str) -> Match:
    def match(found: str, attrs: dict[str, str]) -> bool:
        return found == tag and name in (attrs.get("class") or "").split()
    return match


class _Finder(HTMLParser):
    def __init__(self, text: str, match: Match):
        super().__init__(convert_charrefs=False)
        self.text, self.match = text, match
        self.lines = [0] + [m.end() for m in re.finditer("\n", text)]
        self.stack: list[tuple[str, int, int, dict, bool]] = []  # tag, start, inner start, attrs, matched
        self.found: list[Element] = []

    def position(self) -> int:
        line, column = self.getpos()
        return self.lines[line - 1] + column

    def handle_starttag(self, tag, attrs):
        start = self.position()
        inner = start + len(self.get_starttag_text())
        if tag in VOID:
            if not self.inside() and self.match(tag, dict(attrs)):
                self.found.append(Element(start, inner, inner, inner, dict(attrs)))
            return
        matched = not self.inside() and self.match(tag, dict(attrs))
        self.stack.append((tag, start, inner, dict(attrs), matched))

    def handle_startendtag(self, tag, attrs):
        start = self.position()
        end = start + len(self.get_starttag_text())
        if not self.inside() and self.match(tag, dict(attrs)):
            self.found.append(Element(start, end, end, end, dict(attrs)))

    def handle_endtag(self, tag):
        start = self.position()
        end = self.text.index(">", start) + 1
        while self.stack:
            open_tag, open_start, inner, attrs, matched = self.stack.pop()
            if matched:
                self.found.append(Element(open_start, end, inner, start, attrs))
            if open_tag == tag:
                break

    def inside(self) -> bool:
        return any(entry[4] for entry in self.stack)


def find(text: str, match: Match) -> list[Element]:
    """The outermost elements that match, in document order."""
    finder = _Finder(text, match)
    finder.feed(text)
    finder.close()
    return sorted(finder.found, key=lambda element: element.start)


def first_inner(text: str, match: Match) -> str | None:
    found = find(text, match)
    return text[found[0].inner_start:found[0].inner_end] if found else None


def remove(text: str, match: Match) -> str:
    for element in reversed(find(text, match)):
        text = text[:element.start] + text[element.end:]
    return text


def plain_text(html: str) -> str:
    """The text a reader sees, tags removed and entities decoded, spaces joined."""
    class Text(HTMLParser):
        parts: list[str] = []

        def handle_data(self, data):
            self.parts.append(data)

    parser = Text()
    parser.parts = []
    parser.feed(html)
    parser.close()
    return re.sub(r"\s+", " ", " ".join(parser.parts)).strip()
