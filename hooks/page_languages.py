"""Tell templates which languages really have this page, and whether it is a fallback.

static-i18n serves an untranslated page as the English text under /<lang>/.
Templates use `page_languages` for hreflang (only real translations) and
`page_is_fallback` to tell the reader, in their language, that it is English.
Existence is read from docs/<lang>/<path>, not from plugin internals.
"""

import datetime
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # share code with `python -m scripts`

from mkdocs.plugins import event_priority  # noqa: E402

from scripts import markdown, translations  # noqa: E402
from scripts.project import Project  # noqa: E402


def english_changed_on(project: Project, english: Path) -> str:
    """Date of the last commit that changed the English page (outside git: its last_reviewed
    date, else the file's modification date)."""
    result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", str(english)], cwd=project.root,
                            capture_output=True, text=True, check=False)
    if result.returncode == 0 and result.stdout.strip():
        return result.stdout.strip()
    reviewed = markdown.read(english).meta.get("last_reviewed")
    if reviewed:
        return str(reviewed)
    return datetime.date.fromtimestamp(english.stat().st_mtime).isoformat()


def url_prefix(code: str, default: str) -> str:
    return "" if code == default else f"{code}/"


@event_priority(-200)
def on_page_context(context, page, config, nav):
    project = Project(Path(config.config_file_path).parent)
    docs = Path(config.docs_dir).resolve()
    relative = Path(page.file.abs_src_path).resolve().relative_to(docs)
    file_language, path_in_language = relative.parts[0], Path(*relative.parts[1:])
    languages = project.languages()
    default = project.default_language()
    # The language being built (static-i18n sets it before this event runs).
    build = getattr(config.plugins.get("i18n"), "current_language", None) or config.theme["language"]

    prefix = url_prefix(build, default)
    base_url = page.url[len(prefix):] if page.url.startswith(prefix) else page.url
    context["page_languages"] = [
        {"code": language.code, "name": language.name,
         "url": url_prefix(language.code, default) + base_url,
         "translated": (docs / language.code / path_in_language).exists()}
        for language in languages
    ]
    context["page_is_fallback"] = file_language != build
    context["page_text_language"] = file_language
    context["page_name"] = path_in_language.with_suffix("").as_posix()  # e.g. "help"; stable across languages
    context["page_outdated_since"] = None
    if file_language != default and not context["page_is_fallback"]:
        translation = translations.Translation(file_language, path_in_language, docs / file_language / path_in_language,
                                               docs / default / path_in_language)
        if translation.english.exists() and translations.is_outdated(translation, markdown.read(translation.path)):
            context["page_outdated_since"] = english_changed_on(project, translation.english)
    return context
