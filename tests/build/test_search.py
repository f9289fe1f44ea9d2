"""Each language's search index: its own pages, its fallbacks, and settings its language can be searched with."""

from __future__ import annotations

import json
import re

from rights_guide.build.search import ENDINGS, search_config, split_index
from rights_guide.cli import main
from rights_guide.build.material import LUNR, SEGMENTERS, index_languages, lunr_files, templates
from tests.conftest import mkdocs_build
from tests.siteconfig import SITE

CONFIG = {"lang": ["en", "fi"], "separator": r"[\s\-]+", "pipeline": ["stopWordFilter"], "fields": {}}


def entry(location: str, title: str) -> dict:
    return {"location": location, "title": title, "text": ""}


def test_a_language_lunr_knows_is_searched_with_its_stemmer():
    assert search_config(CONFIG, "fi", "stemmer") == {**CONFIG, "lang": ["fi"]}
    assert search_config(CONFIG, "en", "stemmer")["lang"] == ["en"]


def test_a_language_lunr_does_not_know_is_searched_word_by_word():
    for code in ("fa", "so", "ti"):
        config = search_config(CONFIG, code, "words")
        # No lunr.<code>.min.js to load, and no trimmer, stop words or stemmer.
        assert config["lang"] == ["en"] and config["pipeline"] == [], code


def test_thai_and_hindi_never_make_readers_download_wordcut():
    # Material's worker imports wordcut.js for these languages although its
    # tokenizer never uses it: they are searched word by word instead.
    for code in ("th", "hi"):
        for mode in ("stemmer", "words", "segment"):
            assert search_config(CONFIG, code, mode)["lang"] == ["en"], code


def test_thai_is_cut_into_words_by_the_readers_browser_index_and_query_alike():
    from rights_guide.build.search import SEGMENTED

    config = search_config(CONFIG, "th", "segment")
    # search.js cuts the index's texts with zero-width spaces, which the separator splits on.
    assert config["rg_normalise"] == {"segment": "th", "index": True}
    assert re.split(config["separator"], "สิทธิ\u200bของ\u200bคุณ ตำรวจ") == ["สิทธิ", "ของ", "คุณ", "ตำรวจ"]
    assert config["separator"] == SEGMENTED and config["pipeline"] == []
    # Chinese: jieba cut the index at build time; search.js cuts only the query.
    assert search_config(CONFIG, "zh", "segment")["rg_normalise"] == {"segment": "zh"}


def test_chinese_splits_on_the_zero_width_space_jieba_puts_between_words():
    assert "\\u200b" in search_config(CONFIG, "zh", "segment")["separator"]


def test_split_gives_each_language_its_pages_and_english_fallbacks_at_local_addresses():
    index = {"config": CONFIG, "docs": [
        entry("", "Start"), entry("help/", "Help"), entry("help/#danger", "Danger"), entry("rights/", "Rights"),
        entry("fi/", "Alku"), entry("fi/help/", "Apua"), entry("fi/help/#danger", "Vaara"),
    ]}
    split = split_index(index, {"en": "stemmer", "fi": "stemmer", "ar": "stemmer"}, "en")
    assert [e["location"] for e in split["en"]["docs"]] == ["", "help/", "help/#danger", "rights/"]
    # Finnish: its two translations, then the English page it lacks, at /fi/rights/.
    assert [(e["location"], e["title"]) for e in split["fi"]["docs"]] == [
        ("", "Alku"), ("help/", "Apua"), ("help/#danger", "Vaara"), ("rights/", "Rights")]
    # Arabic has no translation yet: every English page, at /ar/ addresses.
    assert [e["title"] for e in split["ar"]["docs"]] == ["Start", "Help", "Danger", "Rights"]
    assert split["fi"]["config"]["lang"] == ["fi"] and split["ar"]["config"]["lang"] == ["ar"]


def test_chinese_is_cut_into_words_at_build_time(fixture_site, capsys):
    assert main(["--root", str(fixture_site), "new-language", "zh"]) == 0, capsys.readouterr().out
    (fixture_site / "docs/zh/index.md").write_text(
        "---\ntitle: 开始\nstatus: draft\n---\n\n# 开始\n\n你有权利在芬兰获得帮助。你可以随时拨打 [[phone: nas]]。\n",
        encoding="utf-8")
    site = fixture_site.parent / "out"
    result = mkdocs_build(fixture_site, site)
    assert result.returncode == 0, result.stderr

    index = json.loads((site / "zh/search/search_index.json").read_text(encoding="utf-8"))
    assert index["config"]["lang"] == ["zh"]
    home = next(e for e in index["docs"] if e["location"] == "")
    # jieba's words, joined by zero-width spaces the zh separator splits on.
    assert "权利\u200b" in home["text"] and "\u200b芬兰\u200b" in home["text"], home["text"]
    # Only the Chinese page's own text; the English fallback pages are there at /zh/ addresses.
    assert any(e["location"] == "help/" for e in index["docs"])


def test_site_ships_exactly_the_lunr_files_its_indexes_make_the_worker_import(built_site):
    workers = built_site / "assets/javascripts/workers"
    needed = {(workers / name).resolve()
              for index in built_site.rglob("search/search_index.json")
              for name in lunr_files(index_languages(index))}
    shipped = {file.resolve() for file in (built_site / "assets/javascripts/lunr").rglob("*.js")}
    assert shipped == needed


def test_arabic_script_words_are_normalised_with_and_without_the_article():
    from rights_guide.build.search import normalise

    same = [("الشرطة", "شرطة"), ("مساعدة", "مساعده"), ("المساعدة", "مساعدة"), ("الاتجار", "اتجار"),
            ("إتجار", "اتجار"), ("أمان", "امان"), ("آمن", "امن"), ("مُساعَدة", "مساعدة"), ("مستشفى", "مستشفي"),
            ("کمک", "كمك"), ("یک", "يك"), ("١١٢", "112"), ("۱۱۲", "112"),
            # Sorani as typed on an Arabic or Persian keyboard
            ("پۆلیس", "پولیس"), ("یارمەتی", "يارمهتي"), ("ڕێگەپێدان", "رێگەپێدان"), ("کاڵا", "کالا")]
    for one, other in same:
        assert normalise(one) == normalise(other), (one, other)
    # The article is taken off only before a word: "الم" (pain) keeps its letters.
    assert normalise("الم") == "الم"


def test_arabic_script_index_gets_variants_and_the_rules_for_the_query():
    from rights_guide.build.search import ARABIC_RULES, VARIANTS, with_variants

    part = {"config": {**CONFIG, "fields": {"title": {"boost": 1000.0}, "text": {"boost": 1.0}}},
            "docs": [{"location": "help/", "title": "الشرطة", "text": "<p>اتصل بالشرطة &amp; كمك</p>"},
                     {"location": "x/", "title": "كمك", "text": ""}]}
    result = with_variants(part)
    assert result["config"]["fields"][VARIANTS] == {"boost": 1.0}
    assert result["config"]["rg_normalise"] == ARABIC_RULES
    # Only words whose normal form differs; the text shown in results stays as written.
    assert result["docs"][0][VARIANTS].split() == ["شرطه", "بالشرطه"]
    assert result["docs"][0]["text"] == part["docs"][0]["text"]
    assert VARIANTS not in result["docs"][1]
    json.dumps(result)  # written as JSON


def test_only_arabic_script_and_endings_languages_get_query_rules(built_site):
    """Each language's own index; data/languages.yml says which get rules for the query:
    `script: Arab` the letter variants, `search: endings` the case endings cut off,
    `search: segment` the words cut apart by the browser."""
    for language in SITE.languages:
        folder = built_site if language.code == SITE.default else built_site / language.code
        index = json.loads((folder / "search/search_index.json").read_text(encoding="utf-8"))
        rules = index["config"].get("rg_normalise")
        if language.facts.script == "Arab":
            assert rules and "strip" in rules, language.code
        elif language.facts.search == "endings":
            assert rules == {"endings": ENDINGS}, language.code
        elif language.facts.search == "segment":
            assert rules and rules["segment"] == language.code, language.code
        else:
            assert rules is None, f"{language.code} (script: {language.facts.script} in data/languages.yml)"


def test_each_language_searched_by_stemmer_ships_materials_stemmer_for_it(built_site):
    """data/languages.yml says `search: stemmer` (or `segment`) and Material has lunr.<code>.min.js:
    the site ships that file, and the worker's shared stemmer support with it."""
    material_lunr = {file.name for file in (templates() / LUNR / "min").glob("lunr.*.min.js")}
    shipped = {file.name for file in (built_site / LUNR).rglob("*.js")}
    for language in SITE.languages:
        base = language.code.split("-")[0]
        stemmer = f"lunr.{base}.min.js"
        if language.facts.search == "words" or base == "en" or stemmer not in material_lunr \
                or SEGMENTERS.get(base) == "wordcut.js":
            continue
        assert {stemmer, "lunr.stemmer.support.min.js"} <= shipped, \
            f"{language.code} (search: {language.facts.search} in data/languages.yml): {stemmer} not shipped"
