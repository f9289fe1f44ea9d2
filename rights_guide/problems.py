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
    config-unknown-contact config-nav-missing-page config-page-not-in-nav config-deploy-rules
    tr-front-matter tr-orphan tr-headings tr-admonitions tr-glossary-links tr-links tr-images
    tr-markers tr-phones tr-emails tr-urls tr-numbers tr-numbers-extra unsafe-markup
    tr-untranslated tr-wrong-script tr-outdated
    char-bidi char-invisible char-digits tr-file-name tr-kept-fields front-matter-url
    tr-hidden-content tr-box-state tr-box-content tr-lists tr-tables tr-empty-text
    readability-long-sentence readability-average readability-lix
    leaflet-too-long leaflet-no-pango leaflet-none leaflet-no-placeholder leaflet-last-page
    leaflet-card-contact leaflet-short-name leaflet-not-neutral leaflet-organisation
    offline-no-site offline-no-placeholder link-missing-anchor
    file-encoding front-matter-yaml ui-facts ui-markup contact-review-due page-wrong-language
    page-review-due page-future-date page-line-too-long
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

    def relative_path(self, root: Path | None = None) -> Path:
        path = Path(self.path)
        if root is not None:
            try:
                path = path.resolve().relative_to(root.resolve())
            except ValueError:
                pass
        return path

    def format(self, root: Path | None = None) -> str:
        label = "" if self.severity == ERROR else "warning: "
        return f"{self.relative_path(root)}:{self.line}: {self.code}: {label}{self.message} Fix: {self.fix}"

    def format_github(self, root: Path | None = None) -> str:
        """A GitHub Actions workflow command: the problem shows as an annotation on its line
        in a pull request's changed files (`python -m rights_guide check --format github`)."""
        command = "error" if self.severity == ERROR else "warning"
        properties = ",".join(f"{name}={escape_property(str(value))}" for name, value in (
            ("file", self.relative_path(root).as_posix()), ("line", self.line), ("title", self.code)))
        return f"::{command} {properties}::{escape_data(f'{self.message} Fix: {self.fix}')}"


# GitHub's workflow commands end at a newline, and "::" or "," in a property would end
# the property early; both sides are escaped as the runner unescapes them
# (actions/toolkit, packages/core/src/command.ts: escapeData, escapeProperty).
def escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


FORMATS = {"text": Problem.format, "github": Problem.format_github}


def report(problems: list[Problem], root: Path | None = None, out=None, style: str = "text") -> int:
    """Print problems sorted by place, as text lines or GitHub annotations (FORMATS);
    return the exit status (1 if any error)."""
    out = out or sys.stdout
    formatter = FORMATS[style]
    ordered = sorted(problems, key=lambda p: (str(p.path), p.line, p.code))
    for problem in ordered:
        print(formatter(problem, root), file=out)
    errors = sum(p.severity == ERROR for p in problems)
    warnings = len(problems) - errors
    print(f"{errors} error(s), {warnings} warning(s)", file=out)
    return 1 if errors else 0
