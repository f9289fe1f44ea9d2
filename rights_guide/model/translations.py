"""Translations as data: which pages exist per language, and from which English version.

A translation records the exact English version it was translated from in its
front matter, `translated_from`, as the git blob id of the English file (what
`git hash-object` prints). The id depends only on the file's content, so it
survives rebases and squash merges, tells "outdated" without git, and
`python -m rights_guide diff` can show the old text from git's object store.
"""

from __future__ import annotations

import hashlib
import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

from rights_guide.model import markdown, textfile
from rights_guide.model.languages import CODE
from rights_guide.model.project import Project

STATUSES = ("draft", "reviewed")
REQUIRED = ("title", "status", "translated_from")
# Facts a translation keeps from its English page. Left out, they are taken from
# English when the site is built; written, they must be the same as English
# (a source's title may be translated, its address not).
KEPT = ("last_reviewed", "sources", "leaflet")
BLOB_ID = re.compile(r"^[0-9a-f]{40}$")


def blob_id(data: bytes) -> str:
    """The id git gives this content (`git hash-object`)."""
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass(frozen=True)
class Translation:
    language: str
    relative: Path  # e.g. help.md
    path: Path
    english: Path

    @property
    def english_version(self) -> str:
        return blob_id(self.english.read_bytes())


def translations(project: Project) -> list[Translation]:
    default = project.default_language()
    found = []
    for language in project.languages():
        if language.code == default or not CODE.match(language.code):
            continue  # a malformed code is language-bad-code, not a folder to read
        folder = project.docs / language.code
        for path in sorted(folder.rglob("*.md")):
            relative = path.relative_to(folder)
            found.append(Translation(language.code, relative, path, project.docs / default / relative))
    return found


def diff_command(translation: Translation) -> str:
    return f"python -m rights_guide diff {translation.language} {translation.relative.as_posix()}"


# ---- checks -------------------------------------------------------------------

def is_outdated(translation: Translation, page: markdown.Page) -> bool:
    recorded = page.meta.get("translated_from")
    return isinstance(recorded, str) and BLOB_ID.match(recorded) is not None and recorded != translation.english_version


def _git(project: Project, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", *args], cwd=project.root, capture_output=True, text=True, check=False)


def is_git_checkout(project: Project) -> bool:
    try:
        return _git(project, "rev-parse", "--is-inside-work-tree").stdout.strip() == "true"
    except OSError:  # no git at all
        return False


def is_shallow(project: Project) -> bool:
    return _git(project, "rev-parse", "--is-shallow-repository").stdout.strip() == "true"


def version_in_git(project: Project, english: Path, version: str) -> str | None:
    """Why `version` (the English file as it is on disk) cannot be recorded, or None
    if git has it: a translation may only record a version `diff` can show later."""
    shown = english.relative_to(project.root).as_posix() if english.is_relative_to(project.root) else str(english)
    if not is_git_checkout(project):
        return (f"{shown}:1: this folder is not a git checkout, so no English version can be recorded. "
                "Fix: run the command in a clone of the site's repository.")
    changes = _git(project, "status", "--porcelain", "--", str(english)).stdout.strip()
    if changes or _git(project, "cat-file", "-e", version).returncode != 0:
        return (f"{shown}:1: the English page has changes that are not committed, so this version of it is not "
                "in git and 'diff' could never show it later. Fix: commit the English page first "
                f"(git add {shown} && git commit), or undo the change you did not mean "
                f"(git checkout -- {shown}); then run mark-translated again.")
    return None


def old_english(project: Project, version: str) -> str | None:
    """The English page's text at the version a translation records, from git's
    object store; None where that version is not in this clone."""
    try:
        result = subprocess.run(["git", "cat-file", "blob", version], cwd=project.root,
                                capture_output=True, check=False)
    except OSError:  # no git at all
        return None
    if result.returncode != 0:
        return None
    return textfile.decode_leniently(result.stdout)
