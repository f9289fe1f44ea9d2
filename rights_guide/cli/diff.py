"""`python -m rights_guide diff LANG PAGE`: what changed in the English page since
the version this translation was made from."""

from __future__ import annotations

import difflib

from rights_guide.cli.mark_translated import find
from rights_guide.model import markdown, textfile
from rights_guide.model.project import Project
from rights_guide.model.translations import BLOB_ID, is_git_checkout, is_shallow, old_english


def missing_version(project: Project, shown, english_shown, recorded: str, language: str, page: str) -> str:
    """What to do when the recorded English version is not in this clone: fetch
    the rest of the history where the clone is shallow; otherwise the version was
    never committed here, and fetching cannot help."""
    where = f"{shown}:1: the recorded English version {recorded[:12]} is not in this repository's history"
    if not is_git_checkout(project):
        return f"{where}: this folder is not a git checkout. Fix: run diff in a clone of the site's repository."
    if is_shallow(project):
        return (f"{where}: this clone has only the latest commits. Fix: fetch the full history "
                f"(git fetch --unshallow), then run diff again.")
    return (f"{where}: it was recorded from an English page that was never committed here (or only on a branch "
            f"this clone does not have). Fix: compare your page with {english_shown} by hand (or with the branch "
            f"the translation was made on: git fetch origin <branch>), update it, then record the English version "
            f"git has: python -m rights_guide mark-translated {language} {page}")


def run(project: Project, language: str, page: str) -> int:
    translation = find(project, language, page)
    if isinstance(translation, str):
        print(translation)
        return 1
    shown = translation.path.relative_to(project.root)
    english_shown = translation.english.relative_to(project.root)
    recorded = markdown.read(translation.path).meta.get("translated_from")
    if not (isinstance(recorded, str) and BLOB_ID.match(recorded)):
        print(f"{shown}:1: no translated_from version is recorded, so there is nothing to compare. "
              f"Fix: compare with {english_shown} by hand, then run "
              f"python -m rights_guide mark-translated {language} {translation.relative.as_posix()}")
        return 1
    if recorded == translation.english_version:
        print(f"{english_shown} has not changed since {shown} was translated.")
        return 0
    before = old_english(project, recorded)
    if before is None:
        print(missing_version(project, shown, english_shown, recorded, language, translation.relative.as_posix()))
        return 1
    now = textfile.read_leniently(translation.english)
    print("".join(difflib.unified_diff(
        before.splitlines(keepends=True), now.splitlines(keepends=True),
        fromfile=f"{english_shown} (version {recorded[:12]}, when translated)",
        tofile=f"{english_shown} (now)")), end="")
    return 0
