"""Protected tokens a translation must not change: phone numbers typed in the
text, e-mail addresses, web addresses and numbers."""

from __future__ import annotations

import re
from collections import Counter

from rights_guide.checks.compare import section_line
from rights_guide.model import markdown
from rights_guide.problems import WARNING, Problem

PHONE = re.compile(r"(?<![\d.,])\+?\d[\d ]{4,}\d(?![\d.,])")


def _phones(page: markdown.Page) -> list[markdown.Item]:
    found = []
    for number, line in page.body_lines():
        line = markdown.MARKER.sub(" ", line)
        line = markdown.LINK.sub(lambda m: m.group(0)[: m.group(0).rfind("](")], line)
        found += [markdown.Item(number, m.group(0).replace(" ", "")) for m in PHONE.finditer(line.translate(markdown.DIGITS))
                  if sum(c.isdigit() for c in m.group(0)) >= 6]
    return found


def check_tokens(english: markdown.Page, translated: markdown.Page) -> list[Problem]:
    problems = []
    tokens_en, tokens_tr = english.prose_tokens(), translated.prose_tokens()
    phones_en, phones_tr = _phones(english), _phones(translated)
    for item in phones_tr:
        if item.value not in {p.value for p in phones_en}:
            problems.append(Problem(translated.path, item.line, "tr-phones",
                                    f"phone number {item.value} is not in the English page.",
                                    "never type a phone number: copy the [[phone: id]] marker from English."))
    for kind, code, what, fix in (
        ("email", "tr-emails", "e-mail address", "copy the e-mail address from English exactly."),
        ("url", "tr-urls", "web address", "copy the web address from English exactly."),
        ("number", "tr-numbers", "number", "write every number from English (dates, amounts, days, law sections) "
                                           "with the same digits; only the words around it change."),
    ):
        english_values = Counter(item.value for item in tokens_en[kind])
        translated_values = {item.value for item in tokens_tr[kind]}
        for value in english_values:
            if value not in translated_values:
                first = next(item for item in tokens_en[kind] if item.value == value)
                problems.append(Problem(translated.path, section_line(english, translated, first.line), code,
                                        f"{what} {value!r} from English line {first.line} is missing in this section.",
                                        fix))
        if kind != "number":
            for item in tokens_tr[kind]:
                if item.value not in english_values:
                    problems.append(Problem(translated.path, item.line, code,
                                            f"{what} {item.value!r} is not in the English page.", fix))
        else:
            for item in tokens_tr[kind]:
                if item.value not in english_values and not any(item.value in p.value for p in phones_tr):
                    problems.append(Problem(translated.path, item.line, "tr-numbers-extra",
                                            f"number {item.value!r} is not in the English page.",
                                            "check the number against English; if it is a date written in your "
                                            "language's style, this warning can stay.", severity=WARNING))
    return problems


