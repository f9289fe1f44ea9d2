"""Throw-away copies of a site for timing: as it is, or in fewer or more languages."""

from __future__ import annotations

import contextlib
import io
import shutil
from pathlib import Path

from rights_guide.cli import new_language, remove_language
from rights_guide.model.project import Project

# Not needed to build the site: left out of copies (top-level folders; caches anywhere).
NOT_COPIED_AT_TOP = {".git", ".venv", ".lock-venv", ".pytest_cache", "site", "build", "tests"}
NOT_COPIED = {"__pycache__", ".cache"}
# Languages added for the scaling run, in this order (each has a row in data/languages.yml).
SCALING_LANGUAGES = ("de", "fr", "es", "sv", "pt", "ru", "pl", "tr", "ro", "uk", "et", "lt", "vi", "tl",
                     "bg", "so")


def copy_project(project: Project, destination: Path) -> Project:
    """A buildable copy of the site: config, content, data and build code; no git, tests,
    caches or output."""
    top = project.root.resolve()

    def ignore(folder: str, names: list[str]) -> set[str]:
        at_top = Path(folder).resolve() == top
        return {name for name in names if name in NOT_COPIED
                or at_top and (name in NOT_COPIED_AT_TOP or name.endswith(".egg-info"))}

    shutil.copytree(project.root, destination, ignore=ignore)
    return Project(destination)


def scaled_project(project: Project, count: int, destination: Path) -> Project:
    """A copy of the site in `count` languages: the last ones removed (remove-language) when
    it has more, or languages added (new-language) with copies of the English pages."""
    copy = copy_project(project, destination)
    present = [language.code for language in copy.languages()]
    if count < 1:
        raise ValueError(f"a site needs at least one language, not {count}")
    for code in reversed(present[count:]):
        _run(remove_language.run, copy, code)
    added = [code for code in SCALING_LANGUAGES if code not in present]
    added = added[:max(0, count - len(present))]
    if len(present) + len(added) < count:
        raise ValueError(f"at most {len(present) + len(added)} languages to scale to, not {count}")
    english = copy.docs / copy.default_language()
    for code in added:
        _run(new_language.run, copy, code)
        folder = copy.docs / code
        (folder / ".gitkeep").unlink(missing_ok=True)
        for page in english.rglob("*.md"):
            target = folder / page.relative_to(english)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(page, target)
    return copy


def _run(command, copy: Project, code: str) -> None:
    with contextlib.redirect_stdout(io.StringIO()) as said:
        if command(copy, code) != 0:
            raise RuntimeError(f"{command.__module__} {code}: {said.getvalue().strip()}")
