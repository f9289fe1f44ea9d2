"""`python -m rights_guide diff LANG PAGE`: what changed in the English page since
the version this translation was made from."""

from __future__ import annotations

import difflib

from rights_guide.cli.mark_translated import find
from rights_guide.model import markdown
from rights_guide.model.project import Project
from rights_guide.model.translations import BLOB_ID, old_english


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
        print(f"{shown}: the recorded English version {recorded[:12]} is not in this repository's history. "
              f"Fix: fetch the full history (git fetch --unshallow), or compare with {english_shown} by hand.")
        return 1
    now = translation.english.read_text(encoding="utf-8")
    print("".join(difflib.unified_diff(
        before.splitlines(keepends=True), now.splitlines(keepends=True),
        fromfile=f"{english_shown} (version {recorded[:12]}, when translated)",
        tofile=f"{english_shown} (now)")), end="")
    return 0
