"""Run `python -m rights_guide check` in-process on a site copy and read its report;
edit a site copy for a test."""

from __future__ import annotations

import io
import re
from contextlib import redirect_stdout
from pathlib import Path

from rights_guide.cli import main

LINE = re.compile(r"^(?P<path>[^:]+):(?P<line>\d+): (?P<code>[a-z-]+): (?P<rest>.*)$")


def run_check(root: Path) -> tuple[int, list[dict], str]:
    out = io.StringIO()
    with redirect_stdout(out):
        status = main(["--root", str(root), "check"])
    text = out.getvalue()
    problems = [m.groupdict() for m in map(LINE.match, text.splitlines()) if m]
    return status, problems, text


def find(problems: list[dict], code: str) -> list[dict]:
    return [p for p in problems if p["code"] == code]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture changed: {old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")
