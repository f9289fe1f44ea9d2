"""Search in every language finds that language's pages and no other's.

hooks/search_per_language.py splits the search index per language and
overrides/main.html points each language's pages at their own index.
"""

from __future__ import annotations

import json
import re
from functools import cache
from urllib.parse import urlparse

import pytest
import yaml
from playwright.sync_api import expect

from tests.browser.conftest import DEFAULT, LANGUAGES, PHONE, PROJECT, goto, page_path

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
    seen = 0
    for code in LANGUAGES:
        index = json.loads((built_site / index_path(code)).read_text(encoding="utf-8"))
        assert index["config"]["lang"] == [code]
        assert index["docs"], code
        root = built_site if code == DEFAULT else built_site / code
        for entry in index["docs"]:
            page = entry["location"].split("#")[0]
            assert (root / page / "index.html").exists(), (code, entry["location"])
            assert not any(page.startswith(f"{other}/") for other in LANGUAGES), (code, entry["location"])
        # Only real translations: an English fallback under /<lang>/ is not indexed again.
        titles = {entry["title"] for entry in index["docs"] if "#" not in entry["location"]}
        assert titles <= {title for title, _ in page_texts(code).values()} | {""}, (code, titles)
        seen += len(index["docs"])
    assert seen > 0


def search(page, query: str, *, found: bool) -> list[str]:
    """Type into Material's search as a reader would; the result links (absolute URLs).

    Searches must alternate between found and not found: the list changing
    from one to the other is how the test knows this query's outcome is shown.
    """
    if not page.locator("input.md-search__input").is_visible():
        page.click(SEARCH_BUTTON)
    items = page.locator(".md-search-result__item")
    field = page.locator("input.md-search__input")
    # Material searches on key-up: one key (End) after filling runs the query once.
    field.fill(query)
    field.press("End")
    if found:
        items.first.wait_for()
        return [link.get_attribute("href") for link in page.locator("a.md-search-result__link").all()]
    # Nothing found: "no matching documents", or the prompt to type when the
    # language's tokenizer keeps nothing of the query (Arabic in English search).
    translations = page.evaluate("JSON.parse(document.getElementById('__config').textContent).translations")
    expect(items).to_have_count(0)
    expect(page.locator(".md-search-result__meta")).to_have_text(
        re.compile("^(%s|%s)$" % (re.escape(translations["search.result.none"]),
                                  re.escape(translations["search.result.placeholder"]))))
    return []


@pytest.mark.parametrize("code", LANGUAGE_CASES)
def test_search_finds_only_pages_in_the_readers_language(open_context, site_origin, code):
    context, traffic = open_context(**PHONE)
    page = context.new_page()
    goto(page, site_origin, page_path(code, "index.md"), idle=True)
    indexes = [url for url in traffic.requests if url.endswith("search_index.json")]
    assert indexes == [f"{site_origin}/{index_path(code)}"], indexes

    own = word_only_in(code)
    results = search(page, own, found=True)
    assert all(in_language(url, code) for url in results), results

    number = number_in_every_language()
    for other in LANGUAGES:
        if other == code:
            continue
        word = word_only_in(other)
        assert search(page, word, found=False) == [], f"{code}: {word!r} ({other}) found"
        # A number on the pages of every language: found here only in this language.
        results = search(page, number, found=True)
        assert all(in_language(url, code) for url in results), \
            f"{code}: results for {number!r} from other languages: {results}"

    # A result leads to its page.
    page.locator("a.md-search-result__link").first.click()
    page.wait_for_url(lambda url: urlparse(url).path == urlparse(results[0]).path)
    assert page.locator("html").get_attribute("lang") == code
    page.wait_for_load_state("networkidle")
    traffic.assert_clean()
