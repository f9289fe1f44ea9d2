"""A translation's front matter: what it must have and what it keeps from English."""

from __future__ import annotations

from rights_guide.model import markdown
from rights_guide.model.translations import BLOB_ID, REQUIRED, STATUSES, Translation, diff_command
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


