"""`python -m rights_guide check`: every content and data check, one line per problem."""

from __future__ import annotations

from rights_guide.checks import (
    characters,
    config,
    contacts,
    files,
    languages,
    links,
    readability,
    strings,
    translations,
)
from rights_guide.model.project import Project
from rights_guide.problems import Problem

CHECKS = (languages.check, config.check, strings.check, contacts.check, files.check, links.check,
          translations.check, characters.check, readability.check)


def run(project: Project) -> list[Problem]:
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(project))
    return problems
