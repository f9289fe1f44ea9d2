"""Everything the build knows about Material for MkDocs (9.8), in one place.

- Where its templates are: its language files (button texts per language)
  and its search worker, whose file name carries a content hash that changes
  with every Material release, so it is found at build time, never written.
- What the search worker downloads when search starts (read from the
  worker's source): for each language in an index's `config.lang` other than
  English, lunr.<code>.min.js; a word splitter for ja (tinyseg.js) and for
  hi and th (wordcut.js); lunr.multi when there is more than one language;
  and the stemmer support file before all of them. The benchmark counts
  these files and the post-build pruning keeps exactly these.
Leaving Material means rewriting this file (and the overrides/ templates).
"""

from __future__ import annotations

import importlib.util
import json
from functools import cache
from pathlib import Path

SEGMENTERS = {"ja": "tinyseg.js", "hi": "wordcut.js", "th": "wordcut.js"}
WORKERS = "assets/javascripts/workers"
LUNR = "assets/javascripts/lunr"


@cache
def templates() -> Path:
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("Material for MkDocs is not installed (pip install -r requirements.lock)")
    return Path(list(spec.submodule_search_locations)[0]) / "templates"


def language_file(name: str) -> Path:
    """Material's button texts for a language (partials/languages/<name>.html)."""
    return templates() / "partials" / "languages" / f"{name}.html"


def has_language_file(name: str | None) -> bool:
    return bool(name) and language_file(name).is_file()


@cache
def search_worker() -> str:
    """The worker's path in the built site, e.g. assets/javascripts/workers/search.<hash>.min.js."""
    found = sorted((templates() / WORKERS).glob("search.*.min.js"))
    if len(found) != 1:
        raise RuntimeError(f"expected one search worker in Material's {WORKERS}, found {len(found)}")
    return f"{WORKERS}/{found[0].name}"


@cache
def stemmed_languages() -> frozenset[str]:
    """Languages lunr (as Material ships it) has a stemmer for."""
    return frozenset(file.name.split(".")[1] for file in (templates() / LUNR / "min").glob("lunr.*.min.js")
                     if file.name.split(".")[1] not in ("multi", "stemmer"))


def lunr_files(languages: list[str]) -> list[str]:
    """What the worker imports for an index's config.lang, relative to the worker."""
    scripts = []
    for code in languages:
        if code in SEGMENTERS:
            scripts.append(f"../lunr/{SEGMENTERS[code]}")
        if code != "en":
            scripts.append(f"../lunr/min/lunr.{code}.min.js")
    if len(languages) > 1:
        scripts.append("../lunr/min/lunr.multi.min.js")
    return ["../lunr/min/lunr.stemmer.support.min.js", *scripts] if scripts else []


def index_languages(index_file: Path) -> list[str]:
    index = json.loads(index_file.read_text(encoding="utf-8"))
    return list(index.get("config", {}).get("lang", []))
