"""Files in a translation's folder: each is a page, docs/<code>/<path>.md,
with an English page at exactly the same path (letter case and folders
included). Anything else (an editor's .orig or .bak, a .markdown or .html
file, Help.md for help.md, a page one folder too deep) is reported with the
English page it should match. MkDocs would publish such a file as it is, or
show the English page instead of the translation."""

from __future__ import annotations

import difflib
from pathlib import Path, PurePosixPath

from rights_guide.model.project import Project
from rights_guide.problems import Problem

# Kept although not a page: the empty file `new-language` writes so git keeps the new folder.
KEEP = {".gitkeep"}


def english_pages(project: Project) -> set[str]:
    """Paths of the English pages inside docs/<default>/, exactly as spelt ('help.md')."""
    folder = project.docs / project.default_language()
    return {path.relative_to(folder).as_posix() for path in folder.rglob("*.md") if path.is_file()}


def _stem(relative: str) -> str:
    """'sub/Help.md.orig' -> 'help': the name before its first dot, in lower case."""
    return PurePosixPath(relative).name.split(".", 1)[0].lower()


def closest(relative: str, english: set[str]) -> str | None:
    """The English page a misnamed file most likely stands for."""
    folded = {page.lower(): page for page in english}
    if relative.lower() in folded:
        return folded[relative.lower()]
    same_stem = sorted(page for page in english if _stem(page) == _stem(relative))
    if same_stem:
        parent = str(PurePosixPath(relative).parent).lower()
        return min(same_stem, key=lambda page: (str(PurePosixPath(page).parent).lower() != parent, page))
    matches = difflib.get_close_matches(relative.lower(), sorted(folded), n=1, cutoff=0.75)
    return folded[matches[0]] if matches else None


def _problem(project: Project, path: Path, relative: str, english: set[str], default: str) -> Problem:
    target = closest(relative, english)
    should = (f"It should match docs/{default}/{target}." if target
              else "No English page has a similar name.")
    if path.suffix == ".md" and not path.is_symlink():
        return Problem(path, 1, "tr-orphan", f"there is no English page docs/{default}/{relative}. {should}",
                       f"rename the file to docs/{path.relative_to(project.docs).parts[0]}/{target}."
                       if target else
                       "rename the file to match an English page, or delete it if the English page was removed.")
    kind = "a link to another file" if path.is_symlink() else f"a '{path.suffix or path.name}' file"
    return Problem(path, 1, "tr-file-name",
                   f"{kind}, not a translated page: only .md files with the path of an English page belong "
                   f"in a language folder. {should}",
                   "delete the file if it is a leftover (a copy, a backup, a merge's .orig), or rename it to "
                   "the English page's path with the ending .md, in the same letter case and folder.")


def check(project: Project) -> list[Problem]:
    default = project.default_language()
    english = english_pages(project)
    problems = []
    for language in project.languages():
        folder = project.docs / language.code
        if language.code == default or not folder.is_dir():
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_dir() and not path.is_symlink():
                continue
            relative = path.relative_to(folder).as_posix()
            if (path.suffix == ".md" and relative in english and not path.is_symlink()) or relative in KEEP:
                continue
            problems.append(_problem(project, path, relative, english, default))
    return problems
