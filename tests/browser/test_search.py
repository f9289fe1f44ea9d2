"""Search in every language finds that language's pages and no other's, and
downloads nothing until the reader opens it.

rights_guide/build/search.py splits the search index per language (English
fallback pages included at their local addresses), partials/search.html
points each language's pages at their own index, and
assets/javascripts/search.js starts Material's search worker when search is
opened.
"""

from __future__ import annotations

import json
import re
from functools import cache
from urllib.parse import urlparse

import pytest
import yaml
from playwright.sync_api import expect

from rights_guide.build.search import search_config
from tests.browser.conftest import DEFAULT, LANGUAGES, PHONE, PROJECT, STRINGS, goto, nav_pages, page_path

SEARCH_BUTTON = "label.md-header__button[for=__search]"
LANGUAGE_CASES = [pytest.param(code, id=code) for code in LANGUAGES]


def index_path(code: str) -> str:
    return "search/search_index.json" if code == DEFAULT else f"{code}/search/search_index.json"


@cache
def page_texts(code: str) -> dict[str, tuple[str, str]]:
    """{page: (title, body)} of the Markdown pages of one language."""
    texts = {}
    for path in sorted((PROJECT.docs / code).glob("*.md")):
        text = path.read_text(encoding="utf-8")
        meta, body = {}, text
        if text.startswith("---"):
            _, front, body = text.split("---", 2)
            meta = yaml.safe_load(front) or {}
        texts[path.name] = (str(meta.get("title", "")), body)
    return texts


def word_only_in(code: str) -> str:
    """A word from the titles of this language's pages that no other language's pages contain."""
    others = " ".join(title + body for other in LANGUAGES if other != code
                      for title, body in page_texts(other).values()).lower()
    for title, _ in page_texts(code).values():
        for word in sorted(re.findall(r"[^\W\d_]{6,}", title.lower()), key=len, reverse=True):
            if word not in others:
                return word
    raise AssertionError(f"no title word of {code} is absent from the other languages")


def number_in_every_language() -> str:
    numbers = None
    for code in LANGUAGES:
        found = set(re.findall(r"\b\d{3,}\b", " ".join(body for _, body in page_texts(code).values())))
        numbers = found if numbers is None else numbers & found
    assert numbers, "no number appears in the pages of every language"
    return sorted(numbers)[0]


def in_language(url: str, code: str) -> bool:
    path = urlparse(url).path
    if code != DEFAULT:
        return path.startswith(f"/{code}/")
    return not any(path.startswith(f"/{other}/") for other in LANGUAGES if other != DEFAULT)


def test_each_language_has_its_own_search_index(built_site):
    for code in LANGUAGES:
        index = json.loads((built_site / index_path(code)).read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [code]
        root = built_site if code == DEFAULT else built_site / code
        pages = set()
        for entry in index["docs"]:
            page = entry["location"].split("#")[0]
            assert (root / page / "index.html").exists(), (code, entry["location"])
            assert not any(page.startswith(f"{other}/") for other in LANGUAGES), (code, entry["location"])
            pages.add(page)
        # Every page of the menu, translated or an English fallback, at its local address.
        expected = {"" if source == "index.md" else source[:-3] + "/" for source in nav_pages()}
        assert expected <= pages, (code, expected - pages)
        # A translated page is indexed in its own language only (no English copy of it).
        titles = {entry["title"] for entry in index["docs"] if "#" not in entry["location"]}
        for source in nav_pages():
            if code != DEFAULT and (PROJECT.docs / code / source).exists():
                english_title = page_texts(DEFAULT)[source][0]
                own_title = page_texts(code)[source][0]
                if english_title != own_title:
                    assert english_title not in titles, (code, source)


def search(page, query: str, *, found: bool) -> list[str]:
    """Type into the search as a reader would; the result links (absolute URLs).

    The field is emptied first (which empties the list), so results on the
    list afterwards are this query's.
    """
    if not page.locator("input.md-search__input").is_visible():
        page.click(SEARCH_BUTTON)
    items = page.locator(".md-search-result__item")
    field = page.locator("input.md-search__input")
    field.fill("")
    expect(items).to_have_count(0)
    field.fill(query)
    if found:
        items.first.wait_for()
        return [link.get_attribute("href") for link in page.locator("a.md-search-result__link").all()]
    # Nothing found: "no matching documents", or the prompt to type when the
    # language's tokenizer keeps nothing of the query (Arabic in English search).
    box = page.locator("[data-rg-search]")
    expect(items).to_have_count(0)
    expect(page.locator(".md-search-result__meta")).to_have_text(
        re.compile("^(%s|%s)$" % (re.escape(box.get_attribute("data-rg-none")),
                                  re.escape(box.get_attribute("data-rg-placeholder")))))
    return []


@pytest.mark.parametrize("code", LANGUAGE_CASES)
def test_search_finds_only_pages_in_the_readers_language(open_context, site_origin, code):
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    goto(page, site_origin, page_path(code, "index.md"), idle=True)
    assert not [url for url in traffic.requests if "search" in url], \
        f"search downloaded before it was opened: {traffic.requests}"

    own = word_only_in(code)
    results = search(page, own, found=True)
    assert all(in_language(url, code) for url in results), results
    # Opening search fetched this language's index and Material's worker, nothing else for search.
    indexes = [url for url in traffic.requests if url.endswith("search_index.json")]
    assert indexes == [f"{site_origin}/{index_path(code)}"], indexes
    assert not [url for url in traffic.requests if "wordcut" in url or "tinyseg" in url], traffic.requests

    number = number_in_every_language()
    for other in LANGUAGES:
        if other == code:
            continue
        if other != DEFAULT:
            # English is on every language's fallback pages; other translations are not.
            word = word_only_in(other)
            assert search(page, word, found=False) == [], f"{code}: {word!r} ({other}) found"
        # A number on the pages of every language: found here only at this language's addresses.
        results = search(page, number, found=True)
        assert all(in_language(url, code) for url in results), \
            f"{code}: results for {number!r} from other languages: {results}"

    # A result leads to its page.
    page.locator("a.md-search-result__link").first.click()
    page.wait_for_url(lambda url: urlparse(url).path == urlparse(results[0]).path)
    assert page.locator("html").get_attribute("lang") == code
    page.wait_for_load_state("networkidle")
    traffic.assert_clean()


def untranslated(code: str) -> list[str]:
    return [source for source in nav_pages() if not (PROJECT.docs / code / source).exists()]


# Languages with an English fallback page to look for (once all pages are translated there is none).
@pytest.mark.parametrize("code", [pytest.param(code, id=code) for code in LANGUAGES
                                  if code != DEFAULT and untranslated(code)])
def test_untranslated_pages_are_found_at_the_readers_language_address(open_context, site_origin, code):
    source = untranslated(code)[0]
    title = page_texts(DEFAULT)[source][0]
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    goto(page, site_origin, page_path(code, "index.md"))
    results = search(page, title, found=True)
    assert f"{site_origin}{page_path(code, source)}" in results, results
    assert all(in_language(url, code) for url in results), results
    traffic.assert_clean()


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


# What a reader types to find help, in each language (the help pages must be among
# the results). A language without a row fails: add the words when adding a language.
HELP_WORDS = {
    "en": ["help", "police", "trafficking"],
    "fi": ["apu", "poliisi", "ihmiskauppa"],
    "ar": ["مساعدة", "الشرطة", "شرطة", "الاتجار"],
}
HELP_PAGES = {"help", "help-after-violence", "more-help", "legal-help"}


@pytest.mark.parametrize("code", LANGUAGE_CASES)
def test_help_pages_are_found_with_the_words_readers_type(open_context, site_origin, code):
    if code not in HELP_WORDS:
        pytest.fail(f"add the words a reader of {code} types for help, police and trafficking to HELP_WORDS")
    strings = STRINGS[code]
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    goto(page, site_origin, page_path(code, "index.md"))
    for word in HELP_WORDS[code]:
        results = search(page, word, found=True)
        pages = {urlparse(url).path.rstrip("/").rsplit("/", 1)[-1] for url in results}
        assert pages & HELP_PAGES, f"{code}: {word!r} finds no help page: {sorted(pages)}"
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


@pytest.mark.parametrize("code", [pytest.param(code, id=code) for code in LANGUAGES
                                  if PROJECT.language_table().get(code).script == "Arab"])
def test_arabic_script_search_ignores_the_article_and_letter_variants(open_context, site_origin, code):
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    goto(page, site_origin, page_path(code, "index.md"))
    for spellings in ARABIC_SPELLINGS:
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
