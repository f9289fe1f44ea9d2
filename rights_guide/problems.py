"""The one record every check reports (where, what code, what is wrong, how to
fix it) and the registry of every code. TRANSLATING.md documents each code;
a test keeps the two the same, and an unregistered code fails at once."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"

# Every problem code, by family. A new code goes here and into TRANSLATING.md.
CODES = frozenset("""
    ui-file-missing ui-yaml ui-unknown-key ui-not-text ui-placeholder ui-missing-key
    contact-yaml contact-missing-field contact-bad-value contact-duplicate-id contact-bad-phone
    contact-bad-date contact-no-text contact-unknown-id marker-unknown
    language-config language-bad-code language-unknown language-table language-name-mismatch
    language-missing-folder language-missing-strings language-unknown-folder language-stray-file
    language-unknown-strings
    tr-front-matter tr-orphan tr-headings tr-admonitions tr-glossary-links tr-links tr-images
    tr-markers tr-phones tr-emails tr-urls tr-numbers tr-numbers-extra unsafe-markup
    tr-untranslated tr-wrong-script tr-outdated
    readability-long-sentence readability-average readability-lix
    leaflet-too-long leaflet-no-pango leaflet-none leaflet-no-placeholder leaflet-last-page
    leaflet-card-contact leaflet-short-name leaflet-not-neutral leaflet-organisation
""".split())


@dataclass(frozen=True)
class Problem:
    path: Path | str
    line: int
    code: str
    message: str
    fix: str
    severity: str = ERROR

    def __post_init__(self):
        if self.code not in CODES:
            raise ValueError(f"problem code {self.code!r} is not registered in rights_guide/problems.py")

    def format(self, root: Path | None = None) -> str:
        path = Path(self.path)
        if root is not None:
            try:
                path = path.resolve().relative_to(root.resolve())
            except ValueError:
                pass
        label = "" if self.severity == ERROR else "warning: "
        return f"{path}:{self.line}: {self.code}: {label}{self.message} Fix: {self.fix}"


def report(problems: list[Problem], root: Path | None = None, out=None) -> int:
    """Print problems sorted by place; return the exit status (1 if any error)."""
    out = out or sys.stdout
    ordered = sorted(problems, key=lambda p: (str(p.path), p.line, p.code))
    for problem in ordered:
        print(problem.format(root), file=out)
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    print(f"{errors} error(s), {warnings} warning(s)", file=out)
    return 1 if errors else 0
