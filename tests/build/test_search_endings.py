"""Languages with case endings and no lunr stemmer (search: endings in data/languages.yml):
their index tells the page's search script to cut case endings off the query's words."""

from __future__ import annotations

import json

from rights_guide.build import search
from tests.conftest import CHECKOUT


def test_endings_mode_carries_the_rule_and_words_mode_does_not():
    config = {"lang": ["en"], "separator": r"[\s\-]+", "pipeline": ["stemmer"]}
    endings = search.search_config(config, "uk", "endings")
    assert endings["rg_normalise"] == {"endings": search.ENDINGS} and endings["pipeline"] == []
    assert "rg_normalise" not in search.search_config(config, "so", "words")


def test_every_endings_language_index_has_the_rule(built_site):
    table = CHECKOUT.language_table()
    default = CHECKOUT.default_language()
    for language in CHECKOUT.languages():
        if language.code == default:
            continue
        index = json.loads((built_site / language.code / "search/search_index.json").read_text(encoding="utf-8"))
        expected = {"endings": search.ENDINGS} if table.get(language.code).search == "endings" else None
        if table.get(language.code).script != "Arab":
            assert index["config"].get("rg_normalise") == expected, language.code
