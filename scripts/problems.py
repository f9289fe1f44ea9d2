"""The one record every check reports: where, what code, what is wrong, how to fix it."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Problem:
    path: Path | str
    line: int
    code: str
    message: str
    fix: str
    severity: str = ERROR

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
