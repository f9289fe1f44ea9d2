"""Help channel checks: data/contacts.yml, their texts in every language, and the markers pages use."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from rights_guide.checks.readable import from_yaml_error
from rights_guide.model import strings as ui_strings
from rights_guide.model import textfile, yamlfile
from rights_guide.model.contacts import (
    MARKER_KINDS,
    TEXT_FIELDS,
    Marker,
    find_markers,
    parse,
    problem,
    review_due,
    review_interval,
)
from rights_guide.model.project import Project
from rights_guide.problems import Problem


def check(project: Project) -> list[Problem]:
    path = project.contacts_path
    try:
        file = yamlfile.load(path)
    except FileNotFoundError:
        return [problem(path, 1, "contact-missing-field", "the contacts file is missing.",
                         "create data/contacts.yml with a 'contacts:' list.")]
    except yamlfile.YamlError as error:
        return [from_yaml_error(error, "contact-yaml", "correct the YAML syntax (quote phone numbers and text with ': ').",
                                date_code="contact-bad-date")]
    contacts, problems = parse(file)
    interval, bad_interval = review_interval(project)
    problems += [bad_interval] if bad_interval else []
    problems += review_due(file, interval, dt.date.today())
    entries = file.data.get("contacts") if isinstance(file.data, dict) else None
    all_ids = {str(entry["id"]) for entry in entries if isinstance(entry, dict) and isinstance(entry.get("id"), (str, int))
               } if isinstance(entries, list) else set()

    source_strings = ui_strings.strings_path(project, project.default_language())
    try:
        english = ui_strings.load(project, project.default_language())
    except yamlfile.YamlError:
        english = None  # the strings check reports the file
    for contact in contacts.values() if english is not None else ():
        for key in TEXT_FIELDS:
            if f"contacts.{contact.id}.{key}" not in english:
                problems.append(problem(source_strings, 1, "contact-no-text",
                                         f"contact '{contact.id}' has no 'contacts.{contact.id}.{key}' text.",
                                         f"add it under 'contacts: {contact.id}:' in {source_strings.name}."))
    for markdown in sorted(project.docs.rglob("*.md")):
        problems.extend(check_markers(markdown, all_ids))
    return problems


def check_markers(markdown: Path, known_ids) -> list[Problem]:
    problems = []
    for marker in find_markers(textfile.read_leniently(markdown)):
        if marker.kind not in MARKER_KINDS:
            problems.append(problem(markdown, marker.line, "marker-unknown",
                                     f"'{marker.text}' is not a known marker.",
                                     "use [[contact: id]] on its own line or [[phone: id]] in a sentence."))
        elif marker.id not in known_ids:
            problems.append(unknown_id_problem(markdown, marker, sorted(i for i in known_ids if i)))
    return problems


def unknown_id_problem(markdown: Path, marker: Marker, known: list[str]) -> Problem:
    return problem(markdown, marker.line, "contact-unknown-id",
                    f"'{marker.text}' names contact id '{marker.id}', which is not in data/contacts.yml.",
                    f"copy the id from the English page or use one of: {', '.join(known)}.")
