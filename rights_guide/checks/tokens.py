"""Protected tokens a translation must not change: phone numbers typed in the
text, e-mail addresses, web addresses and numbers. E-mails, web addresses and
numbers are compared section by section (the text under one heading), so a
number moved to another section is reported too."""

from __future__ import annotations

import bisect
import re
from collections import defaultdict

from rights_guide.checks.compare import section_start
from rights_guide.model import characters, markdown
from rights_guide.problems import WARNING, Problem

PHONE = re.compile(r"(?<![\d.,])\+?\d[\d ]{4,}\d(?!\d|[.,]\d)")  # a comma or full stop may end it
KINDS = (
    ("email", "tr-emails", "e-mail address", "copy the e-mail address from English exactly."),
    ("url", "tr-urls", "web address", "copy the web address from English exactly."),
    ("number", "tr-numbers", "number", "write every number from English (dates, amounts, days, law sections) "
                                       "with the same digits 0-9, in the same section; only the words around it "
                                       "change."),
)


def _phones(page: markdown.Page) -> list[markdown.Item]:
    found = []
    for number, line in page.body_lines():
        line = markdown.MARKER.sub(" ", line)
        line = markdown.LINK.sub(lambda m: m.group(0)[: m.group(0).rfind("](")], line)
        found += [markdown.Item(number, m.group(0).replace(" ", ""))
                  for m in PHONE.finditer(characters.ascii_digits(line))
                  if sum(c.isdigit() for c in m.group(0)) >= 6]
    return found


class Sections:
    """A page cut at its headings: section 0 before the first, then one per heading."""

    def __init__(self, page: markdown.Page):
        self.page = page
        self.starts = [heading.line for heading in page.headings()]

    def of(self, line: int) -> int:
        return bisect.bisect_right(self.starts, line)

    def lines(self, section: int) -> list[tuple[int, str]]:
        """(number, text) of the section's lines."""
        first = section_start(self.page, section)
        last = self.starts[section] if section < len(self.starts) else float("inf")
        return [(n, text) for n, text in enumerate(self.page.text.splitlines(), 1) if first <= n < last]

    def group(self, items: list[markdown.Item]) -> dict[int, list[markdown.Item]]:
        grouped: dict[int, list[markdown.Item]] = defaultdict(list)
        for item in items:
            grouped[self.of(item.line)].append(item)
        return grouped


def check_phones(english: markdown.Page, translated: markdown.Page) -> list[Problem]:
    english_phones = {p.value for p in _phones(english)}
    return [Problem(translated.path, item.line, "tr-phones", f"phone number {item.value} is not in the English page.",
                    "never type a phone number: copy the [[phone: id]] marker from English.")
            for item in _phones(translated) if item.value not in english_phones]


def _missing(kind: str, code: str, what: str, fix: str, english: Sections, translated: Sections,
             tokens_en: list, tokens_tr: list) -> list[Problem]:
    """English tokens not in the same section of the translation, at that section's line."""
    problems = []
    found_tr = {section: {i.value for i in items} for section, items in translated.group(tokens_tr).items()}
    for section, items in english.group(tokens_en).items():
        for value in dict.fromkeys(item.value for item in items):
            if value in found_tr.get(section, set()):
                continue
            first = next(item for item in items if item.value == value)
            elsewhere = [i.line for i in tokens_tr if i.value == value]
            moved = f" It is on line {elsewhere[0]}, in another section." if elsewhere else ""
            note = characters.invisible_note(translated.lines(section)) if kind == "number" else ""
            problems.append(Problem(translated.page.path, section_start(translated.page, section), code,
                                    f"{what} {value!r} from English line {first.line} is missing in this section."
                                    f"{moved}{note}", fix))
    return problems


def _extra_numbers(english: Sections, translated: Sections, tokens_en: list, tokens_tr: list,
                   phones: list[markdown.Item]) -> list[Problem]:
    found_en = {section: {i.value for i in items} for section, items in english.group(tokens_en).items()}
    problems = []
    for item in tokens_tr:
        in_section = found_en.get(translated.of(item.line), set())
        if item.value in in_section or any(item.value in p.value for p in phones):
            continue
        where = "this section of the English page" if any(i.value == item.value for i in tokens_en) \
            else "the English page"
        problems.append(Problem(translated.page.path, item.line, "tr-numbers-extra",
                                f"number {item.value!r} is not in {where}.",
                                "check the number against English; if it is a date written in your "
                                "language's style, this warning can stay.", severity=WARNING))
    return problems


def check_tokens(english: markdown.Page, translated: markdown.Page) -> list[Problem]:
    problems = check_phones(english, translated)
    tokens_en, tokens_tr = english.prose_tokens(), translated.prose_tokens()
    sections_en, sections_tr = Sections(english), Sections(translated)
    for kind, code, what, fix in KINDS:
        problems += _missing(kind, code, what, fix, sections_en, sections_tr, tokens_en[kind], tokens_tr[kind])
        if kind == "number":
            problems += _extra_numbers(sections_en, sections_tr, tokens_en[kind], tokens_tr[kind],
                                       _phones(translated))
            continue
        english_values = {item.value for item in tokens_en[kind]}
        problems += [Problem(translated.path, item.line, code, f"{what} {item.value!r} is not in the English page.",
                             fix) for item in tokens_tr[kind] if item.value not in english_values]
    return problems
