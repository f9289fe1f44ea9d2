"""Bad input kept as files: tests/fixtures/bad/<code>/ holds files that replace
the same paths in a copy of the fixture site (tests/conftest.py). A case says
which code the check must report, at which file and line, with which words."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.checks.checkrun import find, run_check
from tests.conftest import REPO

BAD = REPO / "tests" / "fixtures" / "bad"


def apply(code: str, site: Path) -> None:
    folder = BAD / code
    assert folder.is_dir(), f"no bad input for {code}: add {folder.relative_to(REPO)}/"
    for source in sorted(folder.rglob("*")):
        if source.is_file():
            destination = site / source.relative_to(folder)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_bytes().decode("utf-8", "replace").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def snapshot(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def assert_reported(site: Path, code: str, relative: str, line: int, words: str, status: int = 1) -> list[dict]:
    """The check exits with `status` (1: an error) and reports `code` at relative:line
    with `words`; it changes no file."""
    before = snapshot(site)
    exit_status, problems, text = run_check(site)
    assert exit_status == status, text
    found = find(problems, code)
    named = [p for p in found if p["path"] == relative and int(p["line"]) == line]
    assert named, f"no {code} at {relative}:{line} in:\n{text}"
    assert any(words in p["rest"] for p in named), f"{words!r} not in:\n{text}"
    assert all(" Fix: " in p["rest"] for p in found), "every problem says how to fix it"
    assert "Traceback" not in text
    assert snapshot(site) == before, "the check must not change any file"
    return named
