"""Remove theme files no reader can need from site/.

- Source maps (about 1.3 MB).
- Material's bundle.js and palette stylesheet: the pages do not load them
  (overrides/main.html; hooks/asset_bundle.py makes the site's own files).
- lunr files no search index of the site makes Material's search worker
  import (scripts/searchworker.py): stemmers of other languages, lunr.multi
  (each index has one language) and wordcut.js (677 KB; the indexes of Thai
  and Hindi are searched word by word, hooks/search_per_language.py).
Runs once, after the last language build and the search split.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # share code with `python -m scripts`

from mkdocs.plugins import event_priority  # noqa: E402

from scripts.searchworker import index_languages, lunr_files  # noqa: E402


# After the search split (-200), which decides what each index needs.
@event_priority(-210)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a nested language build; act once, after the last one
    site = Path(config.site_dir)
    for source_map in site.rglob("*.map"):
        source_map.unlink()
    for unused in [*site.glob("assets/javascripts/bundle.*.min.js"),
                   *site.glob("assets/stylesheets/palette.*.min.css")]:
        unused.unlink()

    workers = site / "assets" / "javascripts" / "workers"  # the worker imports relative to its folder
    needed = {(workers / name).resolve()
              for index in site.rglob("search/search_index.json")
              for name in lunr_files(index_languages(index))}
    for file in (site / "assets" / "javascripts" / "lunr").rglob("*.js"):
        if file.resolve() not in needed:
            file.unlink()
