"""Search with the words readers type: the help pages in every language, Arabic
spellings with and without the article, languages lunr has no stemmer for
(word by word), and Persian typed on an Arabic keyboard. The search helpers are
test_search.py's."""

from __future__ import annotations

import json
import re
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from rights_guide.build.search import normalise, search_config
from tests.browser.conftest import DEFAULT, LANGUAGES, PHONE, SITE, STRINGS, goto, page_path
from tests.browser.test_search import LANGUAGE_CASES, in_language, index_path, search
from tests.builtsite import FIXTURE_CONFIG

# Material's search worker, given an index the way rights_guide/build/search.py
# configures it, in a page of this site (same origin, same CSP).
WORKER_SEARCH = """async ([workerUrl, index, query]) => {
  const worker = new Worker(workerUrl);
  const reply = (message) => new Promise((resolve) => {
    worker.onmessage = (event) => resolve(event.data);
    worker.postMessage(message);
  });
  await reply({type: 0, data: index});
  const result = await reply({type: 2, data: query});
  worker.terminate();
  return result.data.items.map((group) => group[0].location);
}"""

# A language lunr has no stemmer for, written in a script lunr's trimmer would erase.
PERSIAN_DOCS = [
    {"location": "rights/", "title": "حقوق شما", "text": "شما حق دارید از مترجم رایگان استفاده کنید."},
    {"location": "help/", "title": "کمک", "text": "با شماره اضطراری تماس بگیرید."},
]
SOMALI_DOCS = [
    {"location": "rights/", "title": "Xuquuqdaada", "text": "Waxaad xaq u leedahay turjubaan bilaash ah."},
    {"location": "help/", "title": "Caawimaad", "text": "Wac lambarka degdegga ah."},
]


def worker_url(site_origin: str, built_site) -> str:
    worker = next((built_site / "assets/javascripts/workers").glob("search.*.js"))
    return f"{site_origin}/assets/javascripts/workers/{worker.name}"


@pytest.mark.parametrize(("code", "docs", "query", "expected"), [
    pytest.param("fa", PERSIAN_DOCS, "مترجم", "rights/", id="fa"),
    pytest.param("so", SOMALI_DOCS, "turjubaan", "rights/", id="so"),
])
def test_languages_lunr_does_not_know_are_searched_word_by_word(
        open_context, site_origin, built_site, code, docs, query, expected):
    english = json.loads((built_site / index_path(DEFAULT)).read_text(encoding="utf-8"))["config"]
    config = search_config(english, code, "words")
    assert config["lang"] == ["en"] and config["pipeline"] == []
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    goto(page, site_origin, page_path(DEFAULT, "index.md"))
    url = worker_url(site_origin, built_site)
    found = page.evaluate(WORKER_SEARCH, [url, {"config": config, "docs": docs, "options": {}}, query])
    assert found == [expected], found
    # lunr's trimmer, which the settings leave out, erases every word outside A-Z.
    if code == "fa":
        trimmed = {**config, "pipeline": ["trimmer"]}
        assert page.evaluate(WORKER_SEARCH, [url, {"config": trimmed, "docs": docs, "options": {}}, query]) == []
    traffic.assert_clean()


# What a reader types to find help, in some languages (the help pages must be among the
# results). They were chosen for this repository's help pages; a word is searched only where
# the help pages a reader of the language sees hold it (on_help_pages), so another site's
# pages are searched with the words they have. Every language, these or not, is also searched
# for the title of its help page as its reader sees it (its own, or the English page it falls
# back to), and where none of its words is on its pages, for the longest word of that title.
HELP_WORDS = {
    "en": ["help", "police", "trafficking"],
    "fi": ["apu", "poliisi", "ihmiskauppa"],
    "ar": ["مساعدة", "الشرطة", "شرطة", "الاتجار"],
    "sv": ["hjälp", "polisen", "människohandel"],
    "ru": ["помощь", "полицию", "торговля людьми"],
    # search: endings. Case forms that no page has: only the query's cut endings find them.
    "et": ["abiks", "politseiks", "inimkaubandusele"],
    "uk": ["поліціям", "допомогам", "торгівлею"],
    # search: stemmer. Forms the help pages do not have as such ("poliția", "aider", "ayudar").
    "ro": ["ajutor", "poliția", "trafic de persoane"],
    "fr": ["aide", "aider", "police", "traite des êtres humains"],
    "es": ["ayuda", "ayudar", "policía", "trata de personas"],
    "pt": ["ajuda", "ajudar", "polícia", "tráfico de pessoas"],
    # search: endings. The article is an ending: "полицията" finds "полиция".
    "bg": ["помощ", "помощта", "полиция", "полицията", "трафик на хора"],
    # search: words, with the Arabic-script rules.
    "fa": ["کمک", "پلیس", "قاچاق انسان"],
    # search: endings. The article is an ending: "boolis" (police) finds "booliska" (the police).
    "so": ["caawimaad", "caawimaadda", "boolis", "ganacsiga dadka"],
    # Arabic-script rules: Sorani letters also typed as on an Arabic keyboard (پولیس, يارمهتي).
    "ckb": ["یارمەتی", "يارمهتي", "پۆلیس", "پولیس", "بازرگانیکردن بە مرۆڤ"],
    # Words of several syllables, written with spaces between the syllables.
    "vi": ["giúp đỡ", "cảnh sát", "buôn người"],
    "tl": ["tulong", "pulis", "human trafficking"],
    # search: segment. "寻求帮助" (to seek help) is found only when the query is cut into words.
    "zh": ["帮助", "警察", "人口贩运", "寻求帮助"],
    # search: segment. Thai has no spaces between words: "ค้ามนุษย์" (trafficking), "อันตราย"
    # (danger) and "ฉุกเฉิน" (emergency) never begin a run of letters on these pages, so only a
    # search that cuts the pages into words finds them.
    "th": ["ตำรวจ", "ช่วยเหลือ", "ค้ามนุษย์", "อันตราย", "ฉุกเฉิน"],
}


def help_sources() -> set[str]:
    """extra.help_page and the pages it links to that show help channels ([[contact: id]])."""
    def text(page: str) -> str:
        return (SITE.project.docs / DEFAULT / page).read_text(encoding="utf-8")

    linked = re.findall(r"\]\(([\w./-]+\.md)(?:#[^)]*)?\)", text(SITE.help_page))
    return {SITE.help_page, *(page for page in linked if SITE.has(DEFAULT, page) and "[[contact:" in text(page))}


def help_pages() -> set[str]:
    return {page.removesuffix(".md").rsplit("/", 1)[-1] for page in help_sources()}


def on_help_pages(code: str, query: str) -> bool:
    """Whether the help pages as a reader of `code` sees them hold each word of the query, by
    its beginning (search finds other endings of it; Arabic-script spellings normalised). In a
    language written without spaces (search: segment), the query or the word of two letters
    it begins or ends with."""
    texts = SITE.texts(code)
    seen = normalise(" ".join(" ".join(texts[page]) for page in help_sources() if page in texts)).lower()
    if SITE.facts[code].search == "segment":
        return any(part in seen for part in (query, query[:2], query[-2:]))
    return all(normalise(word).lower()[:max(3, len(word) - 3)] in seen for word in query.split())


def help_queries(code: str) -> list[str]:
    title = SITE.texts(code)[SITE.help_page][0]
    assert title, f"{SITE.help_page} (extra.help_page) has no title for {code}"
    words = [word for word in HELP_WORDS.get(code, []) if on_help_pages(code, word)]
    if not words:  # a query of one word, from the title
        words = [max(re.findall(r"\w+", title), key=len)]
    return [*words, title]


@pytest.mark.parametrize("code", LANGUAGE_CASES)
def test_help_pages_are_found_with_the_words_readers_type(open_context, site_origin, code):
    strings = STRINGS[code]
    expected_pages = help_pages()
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    goto(page, site_origin, page_path(code, "index.md"))
    for word in help_queries(code):
        results = search(page, word, found=True)
        pages = {urlparse(url).path.rstrip("/").rsplit("/", 1)[-1] for url in results}
        assert pages & expected_pages, f"{code}: {word!r} finds no help page {sorted(expected_pages)}: {sorted(pages)}"
        assert all(in_language(url, code) for url in results), results
        # The count in plain words: "3 pages".
        count = page.locator(".md-search-result__item").count()
        expected = strings["search_results_one"] if count == 1 else \
            strings["search_results_other"].replace("{count}", str(count))
        expect(page.locator(".md-search-result__meta")).to_have_text(expected)
    traffic.assert_clean()


# Spellings of one word a reader may type: with and without the article, with
# another alef, ta marbuta or yeh, with vowel marks. Each set finds the same pages.
ARABIC_SPELLINGS = [
    ["الشرطة", "شرطة", "شرطه", "الشرطه"],
    ["مساعدة", "المساعدة", "مساعده", "مُساعَدة"],
    ["الاتجار", "اتجار", "إتجار", "الإتجار"],
]


def arabic_spellings(code: str, config=SITE) -> list[list[str]]:
    """The sets with a spelling on this language's own pages (Arabic words, not Kurdish or Persian)."""
    own = " ".join(title + body for title, body in config.texts(code, own=True).values())
    return [spellings for spellings in ARABIC_SPELLINGS if any(spelling in own for spelling in spellings)]


def arabic_cases() -> list:
    """Arabic-script languages (data/languages.yml) whose own pages hold these words; where the
    site has none, the fixture site's (tests/fixtures/site/docs/ar/)."""
    cases = [pytest.param("site", code, id=code) for code in LANGUAGES
             if SITE.facts[code].script == "Arab" and arabic_spellings(code)]
    return cases or [pytest.param("fixture", code, id=f"fixture-{code}") for code in FIXTURE_CONFIG.codes
                     if FIXTURE_CONFIG.facts[code].script == "Arab" and arabic_spellings(code, FIXTURE_CONFIG)]


@pytest.mark.parametrize(("site", "code"), arabic_cases())
def test_arabic_script_search_ignores_the_article_and_letter_variants(open_context, request, site, code):
    config = SITE if site == "site" else FIXTURE_CONFIG
    origin = request.getfixturevalue("site_origin" if site == "site" else "fixture_origin")
    context, traffic = open_context(origin=origin, exit_url=config.exit_url, **PHONE)
    page = context.new_page()
    goto(page, origin, config.page_path(code, "index.md"))
    for spellings in arabic_spellings(code, config):
        found = {spelling: {urlparse(url).path for url in search(page, spelling, found=True)}
                 for spelling in spellings}
        first = found[spellings[0]]
        assert all(pages == first for pages in found.values()), found
    traffic.assert_clean()


def test_persian_finds_words_typed_on_an_arabic_keyboard(open_context, site_origin, built_site):
    """Persian is searched word by word; its index gets the variants, and the query is
    normalised the same way (search.js), so کمک (Persian kaf) is found as كمك."""
    from rights_guide.build.search import normalise, with_variants

    english = json.loads((built_site / index_path(DEFAULT)).read_text(encoding="utf-8"))["config"]
    docs = [{"location": "help/", "title": "کمک", "text": "<p>با پلیس تماس بگیرید.</p>"},
            {"location": "rights/", "title": "حقوق شما", "text": ""}]
    plain = {"config": search_config(english, "fa", "words"), "docs": docs, "options": {}}
    index = {**with_variants(plain), "options": {}}
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    goto(page, site_origin, page_path(DEFAULT, "index.md"))
    url = worker_url(site_origin, built_site)
    assert page.evaluate(WORKER_SEARCH, [url, plain, "كمك"]) == []  # without the variants
    assert page.evaluate(WORKER_SEARCH, [url, index, normalise("كمك")]) == ["help/"]
    assert page.evaluate(WORKER_SEARCH, [url, index, normalise("کمک")]) == ["help/"]
    traffic.assert_clean()
