"""`python -m rights_guide status`: per language, how far the translation is.

Pages: translated, reviewed, draft, back-translated (drafts compared with a blind
back-translation, `back_translation: <date>` in their front matter), outdated
(English changed since), missing.
UI strings: how many of the English keys have a translation.
`--markdown` prints the table the site publishes on its "Translation status" page.
"""

from __future__ import annotations

from dataclasses import dataclass

from rights_guide.model import markdown, strings, yamlfile
from rights_guide.model.project import Project
from rights_guide.model.translations import is_outdated, translations


@dataclass
class LanguageStatus:
    code: str
    name: str
    pages: int
    translated: int = 0
    reviewed: int = 0
    draft: int = 0
    back_translated: int = 0
    outdated: int = 0
    strings_done: int = 0
    strings_total: int = 0

    @property
    def missing(self) -> int:
        return self.pages - self.translated


def _string_counts(project: Project, code: str) -> tuple[int, int]:
    """(translated, English) keys; a file that does not load counts as nothing translated
    (`python -m rights_guide check` says why)."""
    try:
        english, _ = strings.flatten(yamlfile.load(strings.strings_path(project, project.default_language())))
    except (OSError, yamlfile.YamlError):
        return 0, 0
    path = strings.strings_path(project, code)
    try:
        values, _ = strings.flatten(yamlfile.load(path))
    except (OSError, yamlfile.YamlError):
        return 0, len(english)
    wanted = strings.wanted_keys(english, project.language_table().get(code))
    done = sum(1 for key in wanted if isinstance(values.get(key), str) and values[key].strip())
    return done, len(wanted)


def collect(project: Project) -> list[LanguageStatus]:
    default = project.default_language()
    english_pages = sorted((project.docs / default).rglob("*.md"))
    result = []
    for language in project.languages():
        if language.code == default:
            continue
        status = LanguageStatus(language.code, language.name, len(english_pages))
        for translation in translations(project):
            if translation.language != language.code or not translation.english.exists():
                continue
            page = markdown.read(translation.path)
            status.translated += 1
            if page.meta.get("status") == "reviewed":
                status.reviewed += 1
            else:
                status.draft += 1
                status.back_translated += bool(page.meta.get("back_translation"))
            if is_outdated(translation, page):
                status.outdated += 1
        status.strings_done, status.strings_total = _string_counts(project, language.code)
        result.append(status)
    return result


HEADERS = ("Language", "Pages translated", "Reviewed", "Draft", "Draft, back-translated", "Outdated", "Missing",
           "UI strings")


def rows(project: Project) -> list[tuple[str, ...]]:
    return [
        (f"{s.name} ({s.code})", f"{s.translated} of {s.pages}", str(s.reviewed), str(s.draft),
         str(s.back_translated), str(s.outdated),
         str(s.missing), f"{s.strings_done} of {s.strings_total}")
        for s in collect(project)
    ]


def markdown_table(project: Project) -> str:
    lines = ["| " + " | ".join(HEADERS) + " |", "|" + "---|" * len(HEADERS)]
    lines += ["| " + " | ".join(row) + " |" for row in rows(project)]
    return "\n".join(lines) + "\n"


def text_table(project: Project) -> str:
    table = [HEADERS, *rows(project)]
    widths = [max(len(row[i]) for row in table) for i in range(len(HEADERS))]
    return "\n".join("  ".join(cell.ljust(width) for cell, width in zip(row, widths)).rstrip() for row in table) + "\n"


def run(project: Project, as_markdown: bool = False) -> int:
    print(markdown_table(project) if as_markdown else text_table(project), end="")
    return 0
