"""A translation's front matter: what it must have and what it keeps from English."""

from __future__ import annotations

import datetime as dt

from rights_guide.checks.compare import compare_lists
from rights_guide.model import markdown
from rights_guide.model.translations import KEPT, BLOB_ID, REQUIRED, STATUSES, Translation, diff_command
from rights_guide.problems import Problem


def check_metadata(translation: Translation, page: markdown.Page) -> list[Problem]:
    path = translation.path
    if page.meta_error is not None:
        return [Problem(path, page.meta_error.line, "tr-front-matter", page.meta_error.message,
                        "fix the front matter between the --- lines (one 'key: value' per line; "
                        "quote text that contains ': ').")]
    problems = []
    for key in REQUIRED:
        if key not in page.meta:
            fix = (f"run: python -m rights_guide mark-translated {translation.language} {translation.relative.as_posix()}"
                   if key == "translated_from" else f"add '{key}:' to the front matter (see TRANSLATING.md).")
            problems.append(Problem(path, 1, "tr-front-matter", f"front matter has no '{key}'.", fix))
    status = page.meta.get("status")
    if "status" in page.meta and status not in STATUSES:
        problems.append(Problem(path, page.meta_lines.get("status", 1), "tr-front-matter",
                                f"status is {status!r}; it must be one of {', '.join(STATUSES)}.",
                                "write 'status: draft' until a fluent speaker has reviewed the page."))
    version = page.meta.get("translated_from")
    if "translated_from" in page.meta and not (isinstance(version, str) and BLOB_ID.match(version)):
        problems.append(Problem(path, page.meta_lines.get("translated_from", 1), "tr-front-matter",
                                f"translated_from is {version!r}, not a version id.",
                                f"do not edit it by hand; run: {diff_command(translation).replace('diff', 'mark-translated')}"))
    if "title" in page.meta and not str(page.meta.get("title") or "").strip():
        problems.append(Problem(path, page.meta_lines.get("title", 1), "tr-front-matter", "the title is empty.",
                                "write the translated page title."))
    return problems




def _show(value) -> str:
    return value.isoformat() if isinstance(value, dt.date) else repr(value)


def _source_urls(page: markdown.Page) -> list[markdown.Item]:
    sources = page.meta.get("sources")
    if not isinstance(sources, list):
        return [markdown.Item(page.meta_lines.get("sources", 1), repr(sources))]
    return [markdown.Item(page.meta_paths.get(("sources", index, "url"), page.meta_paths.get(("sources", index), 1)),
                          str(source.get("url")) if isinstance(source, dict) else repr(source))
            for index, source in enumerate(sources)]


def check_kept(english: markdown.Page, translated: markdown.Page) -> list[Problem]:
    """`last_reviewed`, `sources` and `leaflet` are the same as English, or left out
    (the build then takes English's); only a source's title may be translated."""
    if translated.meta_error is not None or english.meta_error is not None:
        return []
    problems = []
    fix = ("copy it from the English page exactly, or delete the line (the page then uses the English "
           "page's value); only the title of a source may be translated.")
    for key in KEPT:
        if key not in translated.meta:
            continue
        line = translated.meta_lines.get(key, 1)
        if key not in english.meta:
            problems.append(Problem(translated.path, line, "tr-kept-fields",
                                    f"'{key}' is not in the English page's front matter.", f"delete the '{key}' line."))
        elif key == "sources":
            problems += compare_lists("tr-kept-fields", "source", english, translated, _source_urls(english),
                                      _source_urls(translated), fix, missing_line=lambda index: line)
        elif translated.meta[key] != english.meta[key]:
            problems.append(Problem(translated.path, line, "tr-kept-fields",
                                    f"{key} is {_show(translated.meta[key])} here but {_show(english.meta[key])} in English.",
                                    fix))
    return problems
