"""Compare what a translation keeps from its English page, item by item, and
report the first difference at the translation's line."""

from __future__ import annotations

from collections.abc import Callable

from rights_guide.model import markdown
from rights_guide.problems import Problem


def section_line(english: markdown.Page, translated: markdown.Page, english_line: int) -> int:
    """Line in the translation of the section that holds `english_line` in English."""
    return section_start(translated, section_of(english, english_line))


def section_of(page: markdown.Page, line: int) -> int:
    """The section holding `line`: 0 before the first heading, then 1, 2, ... per heading."""
    return sum(1 for heading in page.headings() if heading.line <= line)


def section_start(page: markdown.Page, section: int) -> int:
    """First line of a section of `page` (its heading's line; the body's start for section 0)."""
    headings = page.headings()
    if 1 <= section <= len(headings):
        return headings[section - 1].line
    return page.body_start


def compare_lists(code: str, what: str, english: markdown.Page, translated: markdown.Page,
                  items_en: list, items_tr: list, fix: str, describe: Callable | None = None,
                  missing_line: Callable[[int], int] | None = None) -> list[Problem]:
    """One problem at the first difference between two lists of items (`.line`,
    `.value`), or none. `missing_line(index)` places an English item the
    translation lacks (default: the start of its section in the translation)."""
    values_en = [item.value for item in items_en]
    values_tr = [item.value for item in items_tr]
    if values_en == values_tr:
        return []
    describe = describe or (lambda value: value)
    missing_line = missing_line or (lambda index: section_line(english, translated, items_en[index].line))
    for index, (a, b) in enumerate(zip(values_en, values_tr)):
        if a != b:
            line = items_tr[index].line
            detail = f"{what} {index + 1} is {describe(b)!r} here but {describe(a)!r} in English"
            break
    else:
        index = min(len(values_en), len(values_tr))
        if len(values_tr) > len(values_en):
            line = items_tr[index].line
            detail = f"extra {what} {describe(values_tr[index])!r}"
        else:
            line = missing_line(index)
            detail = f"missing {what} {describe(values_en[index])!r} (English line {items_en[index].line})"
    plural = f"{what}es" if what.endswith("x") else f"{what}s"
    message = f"{len(values_tr)} {plural} vs {len(values_en)} in {english.path.name} (English); {detail}."
    return [Problem(translated.path, line, code, message, fix)]
