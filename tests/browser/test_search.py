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
from urllib.parse import urlparse

import pytest
from playwright.sync_api import expect

from rights_guide.build.material import LUNR, SEGMENTERS, templates
from tests.builtsite import FIXTURE_CONFIG
from tests.browser.conftest import DEFAULT, LANGUAGES, PHONE, SITE, goto, nav_pages, page_path

SEARCH_BUTTON = "label.md-header__button[for=__search]"
LANGUAGE_CASES = [pytest.param(code, id=code) for code in LANGUAGES]


def index_lang(code: str) -> list[str]:
    """The lunr language an index is read with: the language's own where data/languages.yml says
    `stemmer` or `segment` and Material ships a stemmer for it (lunr.<code>.min.js); otherwise
    English settings without the English pipeline (word by word)."""
    base = code.split("-")[0]
    own = base == "en" or (SITE.facts[code].search != "words" and SEGMENTERS.get(base) != "wordcut.js"
                           and (templates() / LUNR / "min" / f"lunr.{base}.min.js").is_file())
    return [base] if own else ["en"]


def index_path(code: str) -> str:
    return "search/search_index.json" if code == DEFAULT else f"{code}/search/search_index.json"


def word_only_in(code: str) -> str | None:
    """A word from the titles of this language's own pages that no other language's own pages
    contain (the default language's are every fallback); None when it has no pages of its own."""
    own = SITE.texts(code, own=True)
    others = " ".join(title + body for other in LANGUAGES if other != code
                      for title, body in SITE.texts(other, own=True).values()).lower()
    for title, _ in own.values():
        for word in sorted(re.findall(r"[^\W\d_]{6,}", title.lower()), key=len, reverse=True):
            # Not even its stem without 2 last letters: `search: endings` cuts them off the query.
            if word[:-2] not in others:
                return word
    assert not own, f"no title word of docs/{code}/ is absent from the other languages' pages"
    return None


def a_title_word(code: str) -> str:
    """The longest word of the titles a reader of `code` sees (its own or the fallbacks)."""
    words = [word for title, _ in SITE.texts(code).values() for word in re.findall(r"[^\W\d_]{4,}", title)]
    assert words, f"no page title of {code} has a word of 4 letters or more"
    return max(words, key=len)


def in_language(url: str, code: str) -> bool:
    path = urlparse(url).path
    if code != DEFAULT:
        return path.startswith(f"/{code}/")
    return not any(path.startswith(f"/{other}/") for other in LANGUAGES if other != DEFAULT)


def test_each_language_has_its_own_search_index(built_site):
    for code in LANGUAGES:
        index = json.loads((built_site / index_path(code)).read_text(encoding="utf-8"))
        assert index["config"]["lang"] == index_lang(code), \
            f"{code} (search: {SITE.facts[code].search} in data/languages.yml): {index['config']['lang']}"
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
            if code != DEFAULT and SITE.has(code, source):
                english_title = SITE.texts(DEFAULT)[source][0]
                own_title = SITE.texts(code)[source][0]
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


def other_languages_to_try(code: str) -> list[str]:
    """The translations whose words must not be found in `code`'s search: those in its script
    (only they could match its words), not all, so the test grows with the languages by one
    language's searches, not by all of theirs; the default's index is tried against them all."""
    script = SITE.facts[code].script
    return [other for other in LANGUAGES if other not in (code, DEFAULT)
            and (SITE.facts[other].script == script or code == DEFAULT)]


@pytest.mark.parametrize("code", LANGUAGE_CASES)
def test_search_finds_only_pages_in_the_readers_language(open_context, site_origin, code):
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    goto(page, site_origin, page_path(code, "index.md"), idle=True)
    assert not [url for url in traffic.requests if "search" in url], \
        f"search downloaded before it was opened: {traffic.requests}"

    # A word only this language's pages have; with no page of its own, a word of the fallbacks.
    own = word_only_in(code) or a_title_word(code)
    results = search(page, own, found=True)
    assert all(in_language(url, code) for url in results), results
    # Opening search fetched this language's index and Material's worker, nothing else for search.
    indexes = [url for url in traffic.requests if url.endswith("search_index.json")]
    assert indexes == [f"{site_origin}/{index_path(code)}"], indexes
    assert not [url for url in traffic.requests if "wordcut" in url or "tinyseg" in url], traffic.requests

    number = SITE.number_in_every_language()
    # English is on every language's fallback pages; other translations are not. A word of
    # another language in the same script is the one most easily found by mistake; the
    # representative languages' words catch an index that holds every language.
    for other in other_languages_to_try(code):
        word = word_only_in(other)
        if word:
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


def untranslated_cases() -> list:
    """(site, language, page) for a language's first page shown as an English fallback: in the
    repository's site while it has one, and always in the fixture site, which keeps one
    (tests/fixtures/site/docs/en/untranslated.md), so the test runs whatever is translated."""
    cases = []
    for name, config in (("site", SITE), ("fixture", FIXTURE_CONFIG)):
        for code in config.codes:
            missing = [source for source in config.nav_pages() if not config.has(code, source)]
            if code != config.default and missing:
                cases.append(pytest.param(name, code, missing[0], id=f"{name}-{code}"))
    return cases


UNTRANSLATED_CASES = untranslated_cases()


def test_the_fixture_has_an_untranslated_page_to_search_for():
    assert any(case.values[0] == "fixture" for case in UNTRANSLATED_CASES), \
        "tests/fixtures/site needs a language other than the default with a page left untranslated"


@pytest.mark.parametrize(("site", "code", "source"), UNTRANSLATED_CASES)
def test_untranslated_pages_are_found_at_the_readers_language_address(open_context, request, site, code, source):
    config = SITE if site == "site" else FIXTURE_CONFIG
    origin = request.getfixturevalue("site_origin" if site == "site" else "fixture_origin")
    title = config.texts(config.default)[source][0]
    context, traffic = open_context(origin=origin, exit_url=config.exit_url, **PHONE)
    page = context.new_page()
    goto(page, origin, config.page_path(code, "index.md"))
    results = search(page, title, found=True)
    assert f"{origin}{config.page_path(code, source)}" in results, results
    prefix = "/" if code == config.default else f"/{code}/"
    assert all(urlparse(url).path.startswith(prefix) for url in results), \
        f"results for {title!r} outside {prefix}: {results}"
    traffic.assert_clean()
