"""Tell templates which languages really have this page, and whether it is a fallback.

static-i18n serves an untranslated page as the English text under /<lang>/.
Templates use `page_languages` for hreflang (only real translations) and
`page_is_fallback` to tell the reader, in their language, that it is English.
Existence is read from docs/<lang>/<path>, not from plugin internals.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # share code with `python -m scripts`

from mkdocs.plugins import event_priority  # noqa: E402

from scripts.project import Project  # noqa: E402


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
    build = context.get("ui_language") or config.theme["language"]

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
    return context
