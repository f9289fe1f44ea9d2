"""What templates are told about a page: which languages really have it, whether
it is an English fallback or an outdated translation, and where it is online.

static-i18n serves an untranslated page as the English text under /<lang>/.
Templates use `page_languages` for hreflang (only real translations) and
`page_is_fallback` to tell the reader, in their language, that it is English.
Existence is read from docs/<lang>/<path>, not from plugin internals.
"""

from __future__ import annotations

import datetime
import html
import subprocess
from pathlib import Path

from rights_guide.build import escaping, i18n, qr
from rights_guide.build.cache import cache_root
from rights_guide.model import markdown, translations
from rights_guide.model.project import Project, page_url


def english_changed_on(project: Project, english: Path) -> str:
    """Date of the last commit that changed the English page (outside git: its last_reviewed
    date, else the file's modification date)."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%cs", "--", str(english)], cwd=project.root,
                                capture_output=True, text=True, check=False)
    except OSError:  # no git at all
        result = None
    if result is not None and result.returncode == 0 and result.stdout.strip():
        return result.stdout.strip()
    reviewed = markdown.read(english).meta.get("last_reviewed")
    if reviewed:
        return str(reviewed)
    return datetime.date.fromtimestamp(english.stat().st_mtime).isoformat()


def language_context(project: Project, config, page) -> dict:
    docs = Path(config.docs_dir).resolve()
    relative = Path(page.file.abs_src_path).resolve().relative_to(docs)
    file_language, path_in_language = relative.parts[0], Path(*relative.parts[1:])
    default = i18n.default_language(config)
    build = i18n.build_language(config)
    shown = i18n.previewed_languages(config)
    prefix = page_url("", build, default)
    base_url = page.url[len(prefix):] if page.url.startswith(prefix) else page.url
    context = {
        "page_languages": [
            {"code": language.code, "name": escaping.text(language.name), "url": page_url(base_url, language.code, default),
             "translated": (docs / language.code / path_in_language).exists()}
            for language in project.languages() if shown is None or language.code in shown
        ],
        "page_is_fallback": file_language != build,
        "page_text_language": file_language,
        "page_name": path_in_language.with_suffix("").as_posix(),  # e.g. "help"; stable across languages
        "page_outdated_since": None,
    }
    if context["page_is_fallback"]:
        context["reader_pages"] = reader_pages(docs / build, build, default, config.extra.get("help_page"))
    if file_language != default and not context["page_is_fallback"]:
        translation = translations.Translation(file_language, path_in_language, docs / file_language / path_in_language,
                                               docs / default / path_in_language)
        if translation.english.exists() and translations.is_outdated(translation, markdown.read(translation.path)):
            context["page_outdated_since"] = english_changed_on(project, translation.english)
    return context


def keep_from_english(config, page) -> None:
    """A translation that leaves out `last_reviewed`, `sources` or `leaflet`
    shows English's: they are facts of the page, not words to translate
    (model/translations.py KEPT; `check` reports a written value that differs)."""
    docs = Path(config.docs_dir).resolve()
    relative = Path(page.file.abs_src_path).resolve().relative_to(docs)
    english = docs / i18n.default_language(config) / Path(*relative.parts[1:])
    if relative.parts[0] == i18n.default_language(config) or not english.is_file():
        return
    missing = [key for key in translations.KEPT if key not in page.meta]
    if missing:
        english_meta = markdown.read(english).meta
        # Escaped as the page's own front matter is (hooks/page_context.py).
        page.meta.update(escaping.front_matter({key: english_meta[key] for key in missing if key in english_meta}))
def reader_pages(folder: Path, code: str, default: str, help_page: str | None) -> list[dict]:
    """The home page and the help page (mkdocs.yml `extra.help_page`) as they exist in the
    reader's language: the fallback notice's way back from an English page. Titles are
    the pages' own front matter titles."""
    found = []
    for source in dict.fromkeys(["index.md", help_page or "index.md"]):
        path = folder / source
        if path.exists():
            title = markdown.read(path).meta.get("title")
            url = "" if source == "index.md" else source[: -len(".md")] + "/"
            found.append({"url": page_url(url, code, default), "title": str(title or source)})
    return found


def page_address(config, page) -> str:
    return config.site_url.rstrip("/") + "/" + page.url.lstrip("/") if config.site_url else page.url


def print_context(config, page) -> dict:
    """The page's address online and its QR code, written next to the page as
    index.qr.svg (loaded lazily, so only printing fetches it)."""
    address = page_address(config, page)
    root = cache_root(config.config_file_path)
    svg = qr.cached_qr_svg(address, html.escape(address), root / "qr" if root else None)
    destination = Path(config.site_dir) / page.file.dest_uri
    qr_file = destination.with_name(destination.stem + ".qr.svg")
    qr_file.parent.mkdir(parents=True, exist_ok=True)
    qr_file.write_text(svg, encoding="utf-8")
    return {"page_address": escaping.text(address), "page_address_qr": escaping.text(qr_file.name)}
