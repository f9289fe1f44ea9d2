"""Find the Markdown source line of each feature of a rendered page
(model/skeleton.py): the rendered HTML has no line numbers, so each feature is
searched for in the source. Headings first, in order; then every other feature
inside its own section (between its heading and the next), in order, so a
search never runs past the section a feature belongs to. A feature not found
is placed at the last line found before it in its section, or at its heading."""

from __future__ import annotations

import re

from rights_guide.model import markdown
from rights_guide.model.skeleton import Feature


def _matches(needle, text: str) -> bool:
    if isinstance(needle, re.Pattern):
        return needle.search(text) is not None
    return bool(needle) and needle in text


def search(lines: list[tuple[int, str]], start: int, end: int, needles: tuple) -> int | None:
    """Index of the first line in lines[start:end] holding a needle (tried in order)."""
    for needle in needles:
        for index in range(start, min(end, len(lines))):
            if _matches(needle, lines[index][1]):
                return index
    return None


def _headings(features: list[Feature], lines: list[tuple[int, str]]) -> list[int]:
    """Locate the headings; return the index in `lines` where each section starts."""
    starts = [0]
    cursor = 0
    for feature in (f for f in features if f.kind == "heading"):
        found = search(lines, cursor, len(lines), feature.needles)
        index = found if found is not None else min(cursor, len(lines) - 1)
        feature.line = lines[index][0]
        starts.append(index)
        cursor = index + 1 if found is not None else cursor
    return starts


def locate(features: list[Feature], page: markdown.Page) -> None:
    """Set `.line` of every feature to its line in `page`'s source."""
    lines = [(number, text) for number, text in enumerate(page.text.splitlines(), 1) if number >= page.body_start]
    if not lines:
        for feature in features:
            feature.line = page.body_start
        return
    starts = _headings(features, lines)
    cursors = dict(enumerate(starts))
    for feature in features:
        if feature.kind == "heading":
            continue
        section = min(feature.section, len(starts) - 1)
        end = starts[section + 1] if section + 1 < len(starts) else len(lines)
        found = search(lines, cursors[section], max(end, cursors[section] + 1), feature.needles)
        if found is not None:
            cursors[section] = found
        feature.line = lines[found if found is not None else cursors[section]][0]


def section_lines(features: list[Feature], page: markdown.Page) -> list[int]:
    """Line where each section starts: the body's start, then each heading's line."""
    return [page.body_start] + [f.line for f in features if f.kind == "heading"]
