"""`python -m rights_guide check`: every content and data check, one line per problem."""

from __future__ import annotations

from rights_guide.checks import (
    characters,
    config,
    contacts,
    files,
    freshness,
    languages,
    links,
    page_language,
    readability,
    readable,
    string_facts,
    strings,
    translations,
)
from rights_guide.model.project import Project
from rights_guide.problems import Problem

CHECKS = (readable.check, languages.check, config.check, strings.check, string_facts.check, contacts.check,
          freshness.check, files.check, links.check, translations.check, characters.check, readability.check,
          page_language.check)


def run(project: Project) -> list[Problem]:
    # Without a configuration and a language table that load, nothing else can be read.
    problems = readable.check_setup(project)
    if problems:
        return problems
    page_language.prepare(project)  # loads its model while the other checks run
    for check in CHECKS:
        problems.extend(check(project))
    return problems
