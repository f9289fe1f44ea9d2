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
- segment: for languages written without spaces between words. Chinese:
  Material's search plugin cuts the index's words apart at build time with
  jieba (a zero-width space between words, which the separator splits on).
  Thai (and any such language lunr cannot cut without wordcut.js): the index
  carries `{"segment": code, "index": true}` and search.js cuts the index's
  texts and the query with the browser's own word breaker (Intl.Segmenter),
  so both are cut the same way; no Python library can cut them as the
  reader's browser does, and a query cut otherwise than the index finds
  nothing. The query of every `segment` language is cut by Intl.Segmenter;
- endings: as words, and each word of 5 or more letters in the query loses its
  last 2 letters (the index carries the rule, assets/javascripts/search.js applies
  it): a reader's "поліції" or "politseisse" finds "поліція" or "politsei", for
  languages with case endings or articles as endings and no lunr stemmer (Estonian,
  Ukrainian, Bulgarian, Somali);
- words: word by word, with no English stemmer or stop words, and no
  "trimmer", which would strip every letter outside A-Z and leave Persian or
  Amharic words empty. Hindi is read this way too, and Thai set to `words`:
  for them Material's worker would download wordcut.js (677 KB), a word
  splitter its tokenizer never calls.

Languages written in Arabic script (`script: Arab` in the table) are also
matched with and without the article (ال) and across the common spellings of
a letter (alef with or without hamza or madda, ta marbuta and heh, the yeh
and kaf forms of Arabic and Persian, Arabic-Indic digits), with diacritics
ignored: each entry gets a field of its words so normalised (`VARIANTS`,
only the words whose normal form differs), and the index carries the rules
(`rg_normalise`), which assets/javascripts/search.js applies to the query.
The text shown in results stays as written.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

from rights_guide.build import material

# Material's separators for languages written without spaces (its partials/languages/<code>.html).
SEPARATORS = {
    "zh": r"[\s\u200b\u3000\-、。，．？！；]+",
    "zh-Hant": r"[\s\u200b\u3000\-、。，．？！；]+",
    "ja": r"[\s\-　、。，．]+",
}


# Arabic-script normalisation: the same rules here (index) and in search.js (query).
VARIANTS = "variants"
ARABIC_RULES = {
    # harakat and other marks, superscript alef, tatweel: ignored
    "strip": "[\u064B-\u065F\u0670\u0640]",
    "map": {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا",  # alef forms
        "ة": "ه", "ۀ": "ه",  # ta marbuta, heh with yeh
        "ى": "ي", "ی": "ي",  # alef maqsura, Persian yeh
        "ک": "ك",  # Persian kaf (keheh)
        # Sorani letters a reader with an Arabic or Persian keyboard types as the plain letter
        "ە": "ه", "ھ": "ه", "ێ": "ي", "ۆ": "و", "ڕ": "ر", "ڵ": "ل",
        **{chr(0x0660 + digit): str(digit) for digit in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + digit): str(digit) for digit in range(10)},  # Persian digits
    },
    "article": "ال",
    "article_min_rest": 2,  # "الم" is a word, not the article before one letter
}
WORD = re.compile("[\\w\u064B-\u065F\u0670\u0640]+")
TAG = re.compile(r"<[^>]+>")


def normalise(text: str, rules: dict = ARABIC_RULES) -> str:
    """Words in their normal form: marks removed, letters mapped, the article taken off."""
    text = re.sub(rules["strip"], "", text)
    text = text.translate(str.maketrans(rules["map"]))
    article = re.compile("^%s(?=.{%d,})" % (rules["article"], rules["article_min_rest"]))
    return " ".join(article.sub("", word) for word in text.split())


def variants(entry: dict) -> str:
    """The words of an entry's title and text whose normal form differs, in that form."""
    words = WORD.findall(html.unescape(TAG.sub(" ", entry.get("title", "") + " " + entry.get("text", ""))))
    return " ".join(dict.fromkeys(form for word in words if (form := normalise(word)) and form != word))


def with_variants(part: dict) -> dict:
    """An Arabic-script language's index: the variants field, its rules for the query."""
    config = {**part["config"], "fields": {**part["config"]["fields"], VARIANTS: {"boost": 1.0}},
              "rg_normalise": ARABIC_RULES}
    docs = [{**entry, VARIANTS: found} if (found := variants(entry)) else entry for entry in part["docs"]]
    return {**part, "config": config, "docs": docs}


# "endings": languages whose words change their ending with case and number (Estonian,
# Ukrainian) or take their article as an ending (Bulgarian, Somali) and that lunr has no
# stemmer for. Words are matched by their beginning,
# so the query's longer words lose their last letters and "поліції" finds "поліція".
ENDINGS = {"trim": 2, "min_length": 5}
# The index's separator where search.js cuts words with zero-width spaces (Thai).
SEGMENTED = r"[\s\u200b\-]+"


def search_config(config: dict, code: str, mode: str) -> dict:
    """The worker's settings for one language's index; `mode` from the language table."""
    lunr_code = code.split("-")[0]
    cut = {"segment": code} if mode == "segment" else None  # search.js cuts the query
    if code == "en" or (mode in ("stemmer", "segment") and lunr_code in material.stemmed_languages()
                        and material.SEGMENTERS.get(lunr_code) != "wordcut.js"):
        own = {**config, "lang": [lunr_code], "separator": SEPARATORS.get(code, config["separator"])}
        return {**own, "rg_normalise": cut} if cut else own
    # Words are matched by their beginning, so punctuation left on a word does no harm.
    words = {**config, "lang": ["en"], "pipeline": []}
    if cut:  # no segmenter at build time: search.js cuts the index too, as it cuts the query
        return {**words, "separator": SEGMENTED, "rg_normalise": {**cut, "index": True}}
    return {**words, "rg_normalise": {"endings": ENDINGS}} if mode == "endings" else words


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


def write_split_indexes(site: Path, modes: dict[str, str], default: str, index_path,
                        normalised: frozenset[str] = frozenset()) -> None:
    """Replace site/search/search_index.json by one index per language.
    `index_path(code)` is the index's path in the site for a language; the
    languages in `normalised` (Arabic script) get the variants field."""
    combined = site / "search" / "search_index.json"
    if not combined.exists():
        return  # search plugin not in use
    index = json.loads(combined.read_text(encoding="utf-8"))
    for code, part in split_index(index, modes, default).items():
        if code in normalised:
            part = with_variants(part)
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
