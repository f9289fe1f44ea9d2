"""Bad input as files: tests/fixtures/bad/<code>/ holds the file(s) that replace
files in a copy of the fixture site (same paths, e.g. docs/fi/help.md), one
folder per problem code; tests/fixtures/variants/<name>/ the same for further
cases of a code (a number moved to another section, a box closed, ...)."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.checks.checkrun import find, run_check
from tests.conftest import REPO

BAD = REPO / "tests" / "fixtures" / "bad"
VARIANTS = REPO / "tests" / "fixtures" / "variants"


def apply(site: Path, case: str) -> None:
    folder = BAD / case if (BAD / case).is_dir() else VARIANTS / case
    assert folder.is_dir(), f"no folder for {case!r} in {BAD} or {VARIANTS}"
    shutil.copytree(folder, site, dirs_exist_ok=True)


def snapshot(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


def line_of(path: Path, needle: str) -> int:
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def reported(site: Path, case: str, code: str, path: str, line: int | str | None, words: str,
             status: int = 1) -> list[dict]:
    """Apply the bad files of `case`, run the check, and assert `code` is reported
    at `path`:`line` (a number, or text on that line) with `words` in its message,
    with exit `status` and no file changed. Returns the problems with that code."""
    apply(site, case)
    if isinstance(line, str):
        line = line_of(site / path, line)
    before = snapshot(site)
    result, problems, text = run_check(site)
    assert result == status, text
    found = [p for p in find(problems, code) if p["path"] == path]
    assert found, f"no {code} at {path} in:\n{text}"
    if line is not None:
        assert any(int(p["line"]) == line for p in found), f"{code} not at line {line}:\n{text}"
    assert any(words in p["rest"] for p in found), f"{words!r} not in:\n{text}"
    assert all(" Fix: " in p["rest"] for p in find(problems, code)), "every problem says how to fix it"
    assert snapshot(site) == before, "the check must not change any file"
    return found
