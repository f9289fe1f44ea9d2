"""Help channels as data (data/contacts.yml) and the markers that place them on pages.

Facts (numbers, addresses, sources, dates) live here once. The words about a
channel (name, purpose, hours) are UI strings under `contacts.<id>.*`, so a
translator never retypes a phone number.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from rights_guide.model import yamlfile
from rights_guide.model.strings import MARKDOWN_LINK, markup
from rights_guide.model.project import Project
from rights_guide.problems import WARNING, Problem

ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
PHONE = re.compile(r"^\+?[0-9]+(?: [0-9]+)*$")
EMAIL = re.compile(r"^[^@\s<>\"'&]+@[^@\s<>\"'&]+\.[a-z]{2,}$")
WEB = re.compile(r"^https://[^\s<>\"'`{}|\\^]+$")
LANGUAGE = re.compile(r"^[a-z]{2,3}$")
CONFIDENCE = ("high", "medium")
TEXT_FIELDS = ("name", "purpose")
# Facts that are true or false: shown next to the number in the emergency box.
FLAGS = ("always_open", "anonymous", "interpreter")
# `[[contact: id]]` on a line of its own places a card; `[[phone: id]]` inside
# a sentence places the channel's first phone number as a link.
# Possessive (*+): the parts cannot overlap, so no run of spaces is tried twice.
MARKER = re.compile(r"\[\[\s*+([a-z]+)\s*+:\s*+([^\[\]\s]*+)\s*+\]\]")
MARKER_KINDS = ("contact", "phone")


@dataclass(frozen=True)
class Phone:
    number: str
    free: bool = False
    label: str | None = None

    @property
    def tel(self) -> str:
        return "tel:" + self.number.replace(" ", "")


@dataclass(frozen=True)
class Contact:
    id: str
    phones: tuple[Phone, ...]
    web: str | None
    email: str | None
    languages: tuple[str, ...]
    source: str
    checked: dt.date
    confidence: str
    line: int
    extra: dict = field(default_factory=dict, compare=False)


@dataclass(frozen=True)
class Marker:
    line: int
    kind: str
    id: str
    text: str


def find_markers(markdown: str, first_line: int = 1) -> list[Marker]:
    found = []
    for offset, line in enumerate(markdown.splitlines()):
        for match in MARKER.finditer(line):
            found.append(Marker(first_line + offset, match.group(1), match.group(2), match.group(0)))
    return found


def problem(path: Path, line: int, code: str, message: str, fix: str) -> Problem:
    return Problem(path, line, code, message, fix)


def parse(file: yamlfile.YamlFile) -> tuple[dict[str, Contact], list[Problem]]:
    """Validate the contacts file; return the valid contacts and every problem."""
    path = file.path
    problems: list[Problem] = []
    contacts: dict[str, Contact] = {}
    entries = file.data.get("contacts") if isinstance(file.data, dict) else None
    if not isinstance(entries, list):
        return {}, [problem(path, 1, "contact-missing-field", "the file has no 'contacts:' list.",
                             "start the file with 'contacts:' followed by one '- id: ...' entry per channel.")]
    for index, entry in enumerate(entries):
        line = file.line("contacts", index)
        if not isinstance(entry, dict):
            problems.append(problem(path, line, "contact-missing-field", "an entry is not a mapping.",
                                     "write each channel as '- id: ...' with its fields indented below."))
            continue
        contact, bad = _entry(file, index, entry, contacts)
        problems.extend(bad)
        if contact is not None:
            contacts[contact.id] = contact
    return contacts, problems


def _entry(file: yamlfile.YamlFile, index: int, entry: dict,
           seen: dict[str, Contact]) -> tuple[Contact | None, list[Problem]]:
    """One channel: the Contact if it is valid, and its problems."""
    path, line = file.path, file.line("contacts", index)
    bad: list[Problem] = []

    def fail(key: str, code: str, message: str, fix: str) -> None:
        bad.append(problem(path, file.line("contacts", index, key), code, message, fix))

    contact_id = entry.get("id")
    contact_id = str(contact_id) if isinstance(contact_id, (str, int)) else contact_id
    label = f"contact '{contact_id}'" if contact_id else f"contact #{index + 1}"
    for key in ("id", "source", "checked", "confidence"):
        if entry.get(key) in (None, ""):
            bad.append(problem(path, line, "contact-missing-field", f"{label} has no '{key}'.",
                                f"add '{key}:' to the entry (see the comment at the top of the file)."))
    if contact_id is not None and not ID.match(str(contact_id)):
        fail("id", "contact-bad-value", f"id '{contact_id}' is not lower-case words joined by '-'.",
             "use an id like 'victim-support-line'.")
    if isinstance(contact_id, str) and contact_id in seen:
        fail("id", "contact-duplicate-id", f"id '{contact_id}' is used twice (first on line {seen[contact_id].line}).",
             "give each channel its own id, or merge the two entries.")
    if not (entry.get("phones") or entry.get("web") or entry.get("email")):
        bad.append(problem(path, line, "contact-missing-field",
                            f"{label} has no way to reach it (no phones, web or email).",
                            "add at least one verified phone number, web address or e-mail."))
    phones = _phones(file, index, entry, label, bad)
    _check_values(entry, label, fail)
    for key, text in _texts(entry):
        described = markup(text) or ("Markdown link syntax ('](')" if MARKDOWN_LINK.search(text) else None)
        if described:
            fail(key, "contact-bad-value", f"'{key}' of {label} holds {described}; contact data is shown as text.",
                 "write the plain value only: no <tags>, no &entities; and no [links](...).")
    languages = entry.get("languages") or []
    if bad or not contact_id:
        return None, bad
    return Contact(
        id=contact_id, phones=tuple(phones), web=entry.get("web"), email=entry.get("email"),
        languages=tuple(languages), source=entry["source"], checked=entry.get("checked"),
        confidence=entry.get("confidence"), line=line,
        extra={k: v for k, v in entry.items() if k not in {
            "id", "phones", "web", "email", "languages", "source", "checked", "confidence"}},
    ), bad


def _texts(entry: dict) -> list[tuple[str, str]]:
    """(top-level key, text) for every text in the entry, also inside lists and mappings."""
    found, stack = [], [(key, value) for key, value in entry.items()]
    while stack:
        key, value = stack.pop()
        if isinstance(value, str):
            found.append((str(key), value))
        elif isinstance(value, dict):
            stack += [(key, item) for item in value.values()]
        elif isinstance(value, list):
            stack += [(key, item) for item in value]
    return sorted(found)


def _phones(file: yamlfile.YamlFile, index: int, entry: dict, label: str, bad: list[Problem]) -> list[Phone]:
    phones: list[Phone] = []
    listed = entry.get("phones") or []
    if not isinstance(listed, list):
        bad.append(problem(file.path, file.line("contacts", index, "phones"), "contact-bad-phone",
                            f"'phones' of {label} is not a list.",
                            "write each number on its own line: '- number: \"+12 345 678 900\"'."))
        return phones
    for position, phone in enumerate(listed):
        number = phone.get("number") if isinstance(phone, dict) else phone
        if not isinstance(number, str) or not PHONE.match(number):
            bad.append(problem(file.path, file.line("contacts", index, "phones", position), "contact-bad-phone",
                                f"phone number {number!r} of {label} is not digits in groups.",
                                "write it in quotes as digits separated by single spaces, "
                                "e.g. \"+12 345 678 900\" or \"0800 123 456\"."))
            continue
        details = phone if isinstance(phone, dict) else {}
        phones.append(Phone(number, bool(details.get("free")), details.get("label")))
    return phones


def _check_values(entry: dict, label: str, fail) -> None:
    """The form of each field: date, addresses, e-mail, confidence, languages."""
    checked = entry.get("checked")
    if isinstance(checked, dt.datetime):
        checked = checked.date()
    if checked not in (None, "") and not isinstance(checked, dt.date):
        fail("checked", "contact-bad-date", f"'checked' of {label} is {checked!r}, not a date.",
             "write the date the details were last checked as YYYY-MM-DD, without quotes.")
    elif isinstance(checked, dt.date) and checked > dt.date.today():
        fail("checked", "contact-bad-date", f"'checked' of {label} is {checked}, which is in the future.",
             "write the date the details were really checked.")
    for key in ("web", "source"):
        value = entry.get(key)
        if value not in (None, "") and not WEB.match(str(value)):
            fail(key, "contact-bad-value", f"'{key}' of {label} is {value!r}, not an https:// address.",
                 "write the full address starting with https://.")
    email = entry.get("email")
    if email not in (None, "") and not EMAIL.match(str(email)):
        fail("email", "contact-bad-value", f"'email' of {label} is {email!r}, not an e-mail address.",
             "write it as name@example.fi.")
    confidence = entry.get("confidence")
    if confidence not in (None, "") and confidence not in CONFIDENCE:
        fail("confidence", "contact-bad-value",
             f"'confidence' of {label} is {confidence!r}; unverified details are never published.",
             f"use one of {', '.join(CONFIDENCE)}, or remove the unverified detail.")
    for key in FLAGS:
        if key in entry and not isinstance(entry[key], bool):
            fail(key, "contact-bad-value", f"'{key}' of {label} is {entry[key]!r}, not true or false.",
                 f"write '{key}: true', or leave the line out.")
    languages = entry.get("languages") or []
    if not isinstance(languages, list) or not all(isinstance(x, str) and LANGUAGE.match(x) for x in languages):
        fail("languages", "contact-bad-value", f"'languages' of {label} must be a list of language codes.",
             "write e.g. [fi, sv, en] (codes from data/languages.yml).")


REVIEW_INTERVAL_DAYS = 365


def review_interval(project: Project) -> tuple[int, Problem | None]:
    """mkdocs.yml `extra.review_interval_days`: how old a contact's `checked` date may
    be before it is due for checking again (default 365), and a problem if it is not a number."""
    config = project.config()
    extra = config.data.get("extra") if isinstance(config.data, dict) else None
    value = extra.get("review_interval_days", REVIEW_INTERVAL_DAYS) if isinstance(extra, dict) else REVIEW_INTERVAL_DAYS
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        return REVIEW_INTERVAL_DAYS, problem(
            config.path, config.line("extra", "review_interval_days"), "contact-bad-value",
            f"extra.review_interval_days is {value!r}, not a number of days.",
            f"write a whole number of days, e.g. review_interval_days: {REVIEW_INTERVAL_DAYS}.")
    return value, None


def review_due(file: yamlfile.YamlFile, interval: int, today: dt.date) -> list[Problem]:
    """Warnings for channels whose `checked` date is older than `interval` days."""
    entries = file.data.get("contacts") if isinstance(file.data, dict) else None
    found = []
    for index, entry in enumerate(entries if isinstance(entries, list) else []):
        checked = entry.get("checked") if isinstance(entry, dict) else None
        checked = checked.date() if isinstance(checked, dt.datetime) else checked
        if not isinstance(checked, dt.date) or (today - checked).days <= interval:
            continue
        strength = (" Its confidence is 'high', which needs a current source."
                    if entry.get("confidence") == "high" else "")
        found.append(Problem(file.path, file.line("contacts", index, "checked"), "contact-review-due",
                             f"contact '{entry.get('id')}' was last checked on {checked}, {(today - checked).days} "
                             f"days ago (review interval: {interval} days).{strength}",
                             "compare its details with the source again, correct what changed, and write the "
                             "date of that check as 'checked' (YYYY-MM-DD).", severity=WARNING))
    return found


def load(project: Project) -> dict[str, Contact]:
    """Valid contacts only; the check command reports the rest."""
    contacts, _ = parse(yamlfile.load(project.contacts_path))
    return contacts
