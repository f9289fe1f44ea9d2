"""One search index per language.

static-i18n writes a single search/search_index.json holding every language,
so a reader of /ar/ would get English and Finnish results (and every reader
downloads all languages). Once, after the last language build, the index is
split: search/search_index.json keeps the default language, and
<lang>/search/search_index.json holds that language's pages, with locations
relative to /<lang>/. overrides/main.html points Material's search of each
language at its own folder.

English pages served under /<lang>/ as fallbacks are not in the index at all
(static-i18n leaves them out), so each index holds real translations only; a
language with no translated page yet gets an empty index.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority


def split_index(index: dict, languages: list[str], default: str) -> dict[str, dict]:
    """{language: index} with each entry's location made relative to its language folder."""
    split = {code: {**index, "config": {**index["config"], "lang": [code]}, "docs": []} for code in languages}
    for entry in index["docs"]:
        first, _, rest = entry["location"].partition("/")
        if first in split and first != default:
            split[first]["docs"].append({**entry, "location": rest})
        else:
            split[default]["docs"].append(entry)
    return split


# After static-i18n (priority -100) has written the combined index.
@event_priority(-200)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "building", False):
        return  # a nested language build; act once, after the last one
    site = Path(config.site_dir)
    combined = site / "search" / "search_index.json"
    if not combined.exists():
        return  # search plugin not in use
    index = json.loads(combined.read_text(encoding="utf-8"))
    default = i18n.default_language
    languages = [default] + [code for code in i18n.build_languages if code != default]
    for code, part in split_index(index, languages, default).items():
        target = combined if code == default else site / code / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
