"""What Material's search worker downloads when search starts.

Read from the worker's source (Material 9.8): for each language in an index's
`config.lang` other than English it imports lunr.<code>.min.js, plus a word
splitter for ja (tinyseg.js) and for hi and th (wordcut.js), lunr.multi when
there is more than one language, and the stemmer support file before all of
them. scripts/benchmark.py counts these files; hooks/prune_assets.py keeps
exactly these files and deletes the rest.
"""

from __future__ import annotations

import json
from pathlib import Path

SEGMENTERS = {"ja": "tinyseg.js", "hi": "wordcut.js", "th": "wordcut.js"}


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
