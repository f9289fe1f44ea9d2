"""One search index per language, each read the way data/languages.yml says.

static-i18n writes a single search/search_index.json holding every language,
so a reader of /ar/ would get English and Finnish results (and every reader
downloads all languages). After the last language build the index is split:
search/search_index.json keeps the default language, and
<lang>/search/search_index.json holds that language's pages, with locations
relative to /<lang>/ (partials/search.html points each language's search at
its own folder).

A page not yet translated is served in English under /<lang>/ (a fallback
page). static-i18n leaves those out of the index; here each language's index
gets the English entries of its fallback pages, at their /<lang>/ addresses.

How the worker reads each language (the `search` column of the table):
- stemmer: lunr's stemmer for it; only its files are downloaded when search opens;
- segment: words were cut apart at build time (Chinese: Material's search
  plugin with jieba puts a zero-width space between words), so the separator
  must split on that;
- words: word by word, with no English stemmer or stop words, and no
  "trimmer", which would strip every letter outside A-Z and leave Persian or
  Amharic words empty. Thai and Hindi are read this way too: for them
  Material's worker would download wordcut.js (677 KB), a word splitter its
  tokenizer never calls.
"""

from __future__ import annotations

import json
from pathlib import Path

from rights_guide.build import material

# Material's separators for languages written without spaces (its partials/languages/<code>.html).
SEPARATORS = {
    "zh": r"[\s\u200b\u3000\-、。，．？！；]+",
    "zh-Hant": r"[\s\u200b\u3000\-、。，．？！；]+",
    "ja": r"[\s\-　、。，．]+",
}


def search_config(config: dict, code: str, mode: str) -> dict:
    """The worker's settings for one language's index; `mode` from the language table."""
    lunr_code = code.split("-")[0]
    if code == "en" or (mode in ("stemmer", "segment") and lunr_code in material.stemmed_languages()
                        and material.SEGMENTERS.get(lunr_code) != "wordcut.js"):
        return {**config, "lang": [lunr_code], "separator": SEPARATORS.get(code, config["separator"])}
    # Words are matched by their beginning, so punctuation left on a word does no harm.
    return {**config, "lang": ["en"], "pipeline": []}


def split_index(index: dict, modes: dict[str, str], default: str) -> dict[str, dict]:
    """{language: index} with each entry's location made relative to its language folder.
    `modes`: the search mode of each built language, default language included."""
    split = {code: {**index, "config": search_config(index["config"], code, mode), "docs": []}
             for code, mode in modes.items()}
    for entry in index["docs"]:
        first, _, rest = entry["location"].partition("/")
        if first in split and first != default:
            split[first]["docs"].append({**entry, "location": rest})
        else:
            split[default]["docs"].append(entry)
    for code, part in split.items():
        translated = {entry["location"].partition("#")[0] for entry in part["docs"]}
        if code != default:
            part["docs"] += [entry for entry in split[default]["docs"]
                             if entry["location"].partition("#")[0] not in translated]
    return split


def write_split_indexes(site: Path, modes: dict[str, str], default: str, index_path) -> None:
    """Replace site/search/search_index.json by one index per language.
    `index_path(code)` is the index's path in the site for a language."""
    combined = site / "search" / "search_index.json"
    if not combined.exists():
        return  # search plugin not in use
    index = json.loads(combined.read_text(encoding="utf-8"))
    for code, part in split_index(index, modes, default).items():
        target = site / index_path(code)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


def prune_assets(site: Path) -> None:
    """Remove theme files no reader can need: source maps, Material's bundle.js and
    palette stylesheet (the pages load neither), and every lunr file no index of
    the site makes the search worker import (wordcut.js alone is 677 KB)."""
    for source_map in site.rglob("*.map"):
        source_map.unlink()
    for unused in [*site.glob("assets/javascripts/bundle.*.min.js"),
                   *site.glob("assets/stylesheets/palette.*.min.css")]:
        unused.unlink()
    workers = site / material.WORKERS  # the worker imports relative to its folder
    needed = {(workers / name).resolve()
              for index in site.rglob("search/search_index.json")
              for name in material.lunr_files(material.index_languages(index))}
    for file in (site / material.LUNR).rglob("*.js"):
        if file.resolve() not in needed:
            file.unlink()
