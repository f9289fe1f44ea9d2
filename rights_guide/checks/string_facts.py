"""Strings are checked like pages: the numbers, phone numbers, e-mail and web
addresses in each translated string are the English string's (ui-facts), and
no string holds markup (ui-markup) - a reviewer who cannot read the language
still knows the facts and the page structure are intact.

Numbers compare by value, not by form: 9, 09, 9.00 and ٩ are the same number.
The number 1 may be written as a word ("once", "kerran"); every other number
from English must be there, and no other number may be added."""

from __future__ import annotations

import re

from rights_guide.model import markdown, strings, yamlfile
from rights_guide.model.project import Project
from rights_guide.problems import Problem

NUMBER_WORDS_ALLOWED = frozenset({"1"})
FACTS_FIX = ("write every number, phone number, e-mail and web address exactly as in the English text "
             "(digits 0-9); never type a phone number: the cards take them from data/contacts.yml.")


def facts(text: str) -> dict[str, set[str]]:
    """Phone numbers, web addresses, e-mails and numbers written in a string."""
    text = strings.PLACEHOLDER.sub(" ", text).translate(markdown.DIGITS)
    found = {"phone number": set(), "web address": set(), "e-mail address": set(), "number": set()}
    for match in markdown.PHONE.finditer(text):
        if sum(character.isdigit() for character in match.group(0)) >= 6:
            found["phone number"].add(match.group(0).replace(" ", ""))
    text = markdown.PHONE.sub(lambda m: " " if sum(c.isdigit() for c in m.group(0)) >= 6 else m.group(0), text)
    found["web address"] = {url.rstrip(".,;:") for url in markdown.URL.findall(text)}
    text = markdown.URL.sub(" ", text)
    found["e-mail address"] = set(markdown.EMAIL.findall(text))
    found["number"] = {canonical(number) for number in markdown.NUMBER.findall(markdown.EMAIL.sub(" ", text))}
    return found


def canonical(number: str) -> str:
    """9, 09, 9.00 and 9:00 -> '9'; 1,5 and 1.5 -> '1.5'."""
    groups = re.split(r"[.,:]", number)
    while len(groups) > 1 and set(groups[-1]) == {"0"}:
        groups.pop()
    groups[0] = groups[0].lstrip("0") or "0"
    return ".".join(groups)


def differences(english: str, translated: str) -> list[str]:
    """What differs, in words; empty when the facts are the same."""
    expected, found = facts(english), facts(translated)
    said = []
    for kind in expected:
        missing = sorted(expected[kind] - found[kind] - (NUMBER_WORDS_ALLOWED if kind == "number" else set()))
        extra = sorted(found[kind] - expected[kind])
        if missing:
            said.append(f"{kind} {', '.join(repr(value) for value in missing)} from English is missing")
        if extra:
            said.append(f"{kind} {', '.join(repr(value) for value in extra)} is not in the English text")
    return said


def markup(english: str | None, value: str) -> str | None:
    """The markup in `value`, described; None if it has none. A Markdown link is
    markup only where the English text has none."""
    described = strings.markup(value)
    if described is None and strings.MARKDOWN_LINK.search(value) and not (
            english and strings.MARKDOWN_LINK.search(english)):
        described = "Markdown link syntax ('](')"
    return described


def _values(path) -> tuple[dict, dict] | None:
    try:
        file = yamlfile.load(path)
    except yamlfile.YamlError:
        return None  # the strings check reports it
    return strings.flatten(file)


def check(project: Project) -> list[Problem]:
    default = project.default_language()
    source = _values(strings.strings_path(project, default)) if strings.strings_path(project, default).is_file() else None
    if source is None:
        return []
    english = {key: value for key, value in source[0].items() if isinstance(value, str)}
    problems: list[Problem] = []
    for language in project.languages():
        path = strings.strings_path(project, language.code)
        loaded = _values(path) if path.is_file() else None
        if loaded is None:
            continue
        for key, value in loaded[0].items():
            if isinstance(value, str):
                problems += _check_value(path, loaded[1][key], key, english.get(key), value, language.code == default)
    return problems


def _check_value(path, line: int, key: str, english: str | None, value: str, is_english: bool) -> list[Problem]:
    found = []
    described = markup(None if is_english else english, value)
    if described:
        found.append(Problem(path, line, "ui-markup", f"key '{key}' holds {described}; strings are shown as text.",
                             "write plain text only: no <tags>, no &entities; and no [links](...) that the "
                             "English text does not have."))
    if not is_english and english is not None and value.strip():
        said = differences(english, value)
        if said:
            found.append(Problem(path, line, "ui-facts", f"key '{key}': {'; '.join(said)}.", FACTS_FIX))
    return found
