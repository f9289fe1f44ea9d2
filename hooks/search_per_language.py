"""One search index per language.

static-i18n writes a single search/search_index.json holding every language,
so a reader of /ar/ would get English and Finnish results (and every reader
downloads all languages). Once, after the last language build, the index is
split: search/search_index.json keeps the default language, and
<lang>/search/search_index.json holds that language's pages, with locations
relative to /<lang>/. partials/search.html points the search of each
language at its own folder.

A page not yet translated is served in English under /<lang>/ (a fallback
page). static-i18n leaves those out of the index; here each language's index
gets the English entries of its fallback pages, at their /<lang>/ addresses,
so a reader finds every page of the site without leaving their language's
pages.

Each index tells Material's search worker how to read its language:
- a language lunr has a stemmer for (Material ships lunr.<code>.min.js) is
  searched with it, and only its files are downloaded (when search opens);
- a language lunr does not know (fa, so, ...) is searched word by word: no
  English stemmer or stop words, and no "trimmer", which would strip every
  letter outside A-Z and leave Persian or Amharic words empty;
- Thai and Hindi are searched word by word too: for them Material's worker
  would download wordcut.js (677 KB), a word splitter its tokenizer never
  calls;
- Chinese is cut into words at build time by Material's search plugin (with
  jieba installed), with a zero-width space between words: its separator
  must split on that.
"""

from __future__ import annotations

import json
from pathlib import Path

from mkdocs.plugins import event_priority


# Material's separators for languages written without spaces (its partials/languages/<code>.html).
SEPARATORS = {
    "zh": r"[\s\u200b\u3000\-、。，．？！；]+",
    "ja": r"[\s\-　、。，．]+",
}


# Languages for which Material's worker loads wordcut.js, which it never uses.
WORDCUT_LANGUAGES = {"th", "hi"}


def search_config(config: dict, code: str, stemmed: set[str]) -> dict:
    """The worker's settings for one language's index; `stemmed`: languages lunr has a stemmer for."""
    if code == "en" or (code in stemmed and code not in WORDCUT_LANGUAGES):
        return {**config, "lang": [code], "separator": SEPARATORS.get(code, config["separator"])}
    # Words are matched by their beginning, so punctuation left on a word does no harm.
    return {**config, "lang": ["en"], "pipeline": []}


def lunr_languages(site: Path) -> set[str]:
    """Languages with a lunr stemmer in Material's files (before unused ones are pruned)."""
    return {file.name.split(".")[1] for file in (site / "assets/javascripts/lunr/min").glob("lunr.*.min.js")}


def split_index(index: dict, languages: list[str], default: str,
                known: set[str] | None = None) -> dict[str, dict]:
    """{language: index} with each entry's location made relative to its language folder."""
    known = set(languages) if known is None else known
    split = {code: {**index, "config": search_config(index["config"], code, known), "docs": []}
             for code in languages}
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
    for code, part in split_index(index, languages, default, lunr_languages(site)).items():
        target = combined if code == default else site / code / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(part, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
