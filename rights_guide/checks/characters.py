"""Characters a reviewer cannot see in any page (front matter included):
controls that reorder text, invisible characters inside numbers, addresses and
ids, and digits that look like 0-9 but are not. Each message names the code
point (rights_guide/model/characters.py says what is allowed and why)."""

from __future__ import annotations

from pathlib import Path

from rights_guide.model import textfile
from rights_guide.model import characters
from rights_guide.model.project import Project
from rights_guide.problems import Problem

RULES = {
    "bidi": ("char-bidi", "a control character that changes the order in which text is shown",
             "delete it: write the text in its natural order; the site sets the direction of each "
             "language (a left-to-right or right-to-left mark, U+200E or U+200F, may stay next to a number)."),
    "invisible": ("char-invisible", "an invisible character inside a number, address or id",
                  "delete it (retype the number, address or id by hand) so readers, search and links "
                  "see the same characters as English."),
    "digits": ("char-digits", "digits that are not 0-9",
               "write the number with the digits 0-9, as in English (TRANSLATING.md, rule 7)."),
}


def check_text(path: Path, text: str) -> list[Problem]:
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        for finding in characters.findings(line):
            code, what, fix = RULES[finding.kind]
            problems.append(Problem(path, number, code,
                                    f"column {finding.column}: {what}: {characters.names(finding.text)} "
                                    f"in {finding.context!r}.", fix))
    return problems


def check(project: Project) -> list[Problem]:
    problems: list[Problem] = []
    for path in sorted(project.docs.rglob("*.md")):
        problems += check_text(path, textfile.read_leniently(path))  # bad bytes: file-encoding
    return problems
