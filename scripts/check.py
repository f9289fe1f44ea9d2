"""`python -m scripts check`: every content and data check, one line per problem."""

from __future__ import annotations

from scripts import contacts, languages, readability, strings, translations
from scripts.problems import Problem
from scripts.project import Project

CHECKS = (languages.check, strings.check, contacts.check, translations.check, readability.check)


def run(project: Project) -> list[Problem]:
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(project))
    return problems
