"""`python -m rights_guide mark-translated LANG PAGE`: record that a translation is
up to date with the English page as it is now. Only a version git has is
recorded (the English page committed), so `diff` can always show it later."""

from __future__ import annotations

from pathlib import Path

from rights_guide.model import frontmatter, textfile
from rights_guide.model.project import Project
from rights_guide.model.translations import Translation, translations, version_in_git


def find(project: Project, language: str, page: str) -> Translation | str:
    """The translation, or an error message that says how to fix the arguments."""
    codes = [item.code for item in project.languages() if item.code != project.default_language()]
    if language not in codes:
        return f"'{language}' is not a translated language of this site. Fix: use one of: {', '.join(codes)}."
    relative = Path(page if page.endswith(".md") else f"{page}.md")
    for translation in translations(project):
        if translation.language == language and translation.relative == relative:
            if not translation.english.exists():
                return f"{translation.path}:1: there is no English page to compare with. Fix: check the file name."
            return translation
    return (f"docs/{language}/{relative.as_posix()} does not exist. "
            f"Fix: copy docs/{project.default_language()}/{relative.as_posix()} there and translate it first.")


def run(project: Project, language: str, page: str, reviewed: bool = False) -> int:
    translation = find(project, language, page)
    if isinstance(translation, str):
        print(translation)
        return 1
    version = translation.english_version
    refused = version_in_git(project, translation.english, version)
    if refused:
        print(refused)
        return 1
    try:
        frontmatter.set_key(translation.path, "translated_from", version)
        if reviewed:
            frontmatter.set_key(translation.path, "status", "reviewed")
    except textfile.NotUtf8 as error:
        print(f"{translation.path.relative_to(project.root)}:{error.line}: {error.message} Fix: {error.fix}")
        return 1
    except ValueError as error:  # no closing --- line
        print(f"{error} Fix: end the front matter with a line '---'.")
        return 1
    shown = translation.path.relative_to(project.root)
    print(f"{shown}: translated_from set to {version[:12]} (docs/{project.default_language()}/"
          f"{translation.relative.as_posix()} as it is now){'; status: reviewed' if reviewed else ''}.")
    return 0
