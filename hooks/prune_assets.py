"""Remove theme files no reader can need from site/.

- Source maps (about 1.3 MB).
- Material's bundle.js and palette stylesheet: the pages do not load them
  (overrides/main.html; hooks/asset_bundle.py makes the site's own files).
- Search tokenizers and stemmers for languages the site does not have
  (wordcut.js alone is 677 KB).
Runs once, after the last language build.
"""

from pathlib import Path

from mkdocs.plugins import event_priority

# Segmenters Material's search worker loads only for these languages. wordcut.js
# (th, hi) is never kept: hooks/search_per_language.py searches those languages
# word by word, because Material's tokenizer does not use it.
SEGMENTERS = {"tinyseg.js": "ja", "wordcut.js": None}
ALWAYS_KEPT = {"lunr.stemmer.support.min.js", "lunr.multi.min.js"}


@event_priority(-200)
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

    search = config.plugins.get("material/search") or config.plugins.get("search")
    languages = set(search.config.lang or []) if search is not None else set()
    lunr = site / "assets" / "javascripts" / "lunr"
    for name, language in SEGMENTERS.items():
        if language not in languages and (lunr / name).exists():
            (lunr / name).unlink()
    for stemmer in (lunr / "min").glob("lunr.*.min.js"):
        language = stemmer.name.split(".")[1]
        if stemmer.name not in ALWAYS_KEPT and language not in languages:
            stemmer.unlink()
