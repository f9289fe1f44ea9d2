"""The built site, page by page: languages, directions, notices, safety.

Every page of the repository's site is parsed; the expectations come from its
configuration and data (tests/siteconfig.py). Tests that need a right-to-left
language, an untranslated page or a draft also run on the fixture site, which
is sure to have them (tests/builtsite.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse
from xml.etree import ElementTree

from bs4 import BeautifulSoup


def test_every_page_declares_its_language_and_direction(either_site):
    config = either_site.config
    for path, soup in either_site.pages.items():
        language = either_site.language_of(path)
        assert soup.html["lang"] == language, f"{path}: lang should be {language} (its folder)"
        assert soup.body["dir"] == config.direction(language), \
            f"{path}: dir should be {config.direction(language)} (data/languages.yml, {language})"


def test_the_fixture_has_a_right_to_left_language(fixture_built):
    assert fixture_built.config.rtl, "tests/fixtures/site/mkdocs.yml must build a right-to-left language"


def test_site_name_is_per_language(real_site):
    names = real_site.config.site_names()
    for path, soup in real_site.content_pages.items():
        expected = names[real_site.language_of(path)]
        assert soup.title.string.strip().endswith(expected), \
            f"{path}: title should end with the site_name of mkdocs.yml for its language, {expected!r}"


def test_security_meta_comes_first_and_is_strict(real_site):
    for path, soup in real_site.pages.items():
        metas = soup.head.find_all("meta")
        assert metas[0].get("charset") == "utf-8", path
        csp = soup.head.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert csp is not None and metas.index(csp) == 1, f"{path}: the CSP meta must come second"
        policy = dict(part.strip().split(" ", 1) for part in csp["content"].split(";"))
        assert policy["default-src"] == "'self'", path
        assert policy["script-src"] == "'self'", path
        assert "unsafe-inline" not in csp["content"] and "unsafe-eval" not in csp["content"], path
        referrer = soup.head.find("meta", attrs={"name": "referrer"})
        assert referrer is not None and referrer["content"] == "no-referrer", path


def test_no_inline_script_or_style(real_site):
    for path, soup in real_site.pages.items():
        for script in soup.find_all("script"):
            assert script.get("src") or script.get("type") == "application/json", (path, str(script)[:80])
        assert soup.find("style") is None, path
        assert soup.find(attrs={"style": True}) is None, path


def test_exit_links_come_first_and_leave_to_the_neutral_site(real_site):
    for path, soup in real_site.pages.items():
        skip, button = soup.select("a[data-rg-exit-link]")
        for link in (skip, button):
            assert link["href"] == real_site.config.exit_url, f"{path}: exit links go to extra.exit_url"
            assert set(link["rel"]) >= {"noopener", "noreferrer"}, path
        # Material's own skip link (before the header) is hidden by site.css; ours follows the exit links.
        focusable = [a for a in soup.body.find_all("a") if "md-skip" not in a.get("class", []) or "rg-skip" in a["class"]]
        assert focusable[:2] == [skip, button], f"{path}: the exit links must come first in the tab order"
        if soup.select_one("a.md-skip"):
            assert "rg-skip" in focusable[2]["class"], f"{path}: skip to content comes right after the exit links"


# What exit.js says and shows, read from the page (the browser tests run it in one language per script).
EXIT_MESSAGES = {"data-sr-count": "exit_sr_count", "data-sr-count-one": "exit_sr_count_one",
                 "data-sr-activated": "exit_sr_activated", "data-sr-expired": "exit_sr_expired",
                 "data-overlay": "exit_overlay"}


def test_exit_strings_come_from_the_page_language(either_site):
    for path, soup in either_site.content_pages.items():
        language = either_site.language_of(path)
        expected = either_site.config.ui(language, "exit_label")
        assert soup.select_one(".rg-exit__button").get_text(strip=True) == expected, \
            f"{path}: exit_label of data/strings/<lang>.yml (or the default's), {expected!r}"
        exit_control = soup.select_one("[data-rg-exit]")
        for attribute, key in EXIT_MESSAGES.items():
            expected = either_site.config.ui(language, key)
            assert exit_control.get(attribute) == expected, \
                f"{path}: {attribute} must be {key} of data/strings/{language}.yml (or the default's), {expected!r}"


def test_material_texts_are_the_languages_own_where_material_has_no_file(either_site):
    """A language without `material:` in data/languages.yml (Somali; Irish in the new-site
    example) names the header and the search field with `material.*` of its strings file."""
    config = either_site.config
    own = [code for code in config.codes if not config.facts[code].material]
    for path, soup in either_site.content_pages.items():
        code = either_site.language_of(path)
        if code not in own:
            continue
        assert soup.select_one("nav.md-header__inner")["aria-label"] == config.ui(code, "material.header"), path
        search = soup.select_one("[data-rg-search]")
        assert search["data-rg-label"] == config.ui(code, "material.search_placeholder"), path
        assert search["data-rg-reset"] == config.ui(code, "material.search_reset"), path


def test_emergency_box_is_in_the_content_area(either_site):
    expected = either_site.config.emergency_tels
    assert expected, "extra.emergency_contacts in mkdocs.yml names contacts with phone numbers"
    for path, soup in either_site.pages.items():
        box = soup.select_one("article.md-content__inner .rg-emergency")
        assert box is not None, f"{path}: no emergency box in the article"
        tels = {a["href"] for a in box.select("a[href^='tel:']")}
        assert tels == expected, f"{path}: the box should call extra.emergency_contacts' numbers {expected}"


def test_the_home_page_offers_the_emergency_numbers_as_tap_to_call_links(real_site):
    config = real_site.config
    for code in config.codes:
        home = real_site.soup(code, "index.md")
        tels = {a["href"] for a in home.select("article a[href^='tel:']")}
        assert config.emergency_tels <= tels, \
            f"{code} home page: tap-to-call links for extra.emergency_contacts {config.emergency_tels}, got {tels}"


def test_phone_numbers_stay_left_to_right(either_site):
    for path, soup in either_site.pages.items():
        for link in soup.select("a[href^='tel:']"):
            assert link.get("dir") == "ltr", (path, str(link))
            assert re.fullmatch(r"tel:\+?\d+", link["href"]), link["href"]


def test_hreflang_lists_only_real_translations(real_site):
    config = real_site.config
    for path, soup in real_site.content_pages.items():
        _, source = real_site.source_of(path)
        alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate", hreflang=True)}
        expected = {code for code in config.codes if config.has(code, source.as_posix())}
        assert set(alternates) - {"x-default"} == expected, \
            f"{path}: hreflang for the languages whose docs/<lang>/{source} exists, {sorted(expected)}"
        assert alternates["x-default"] == alternates[config.default], path
        for href in alternates.values():
            assert href.startswith(config.site_url), f"{path}: {href} is not under site_url"


def test_untranslated_page_says_so_in_the_readers_language(either_site):
    config = either_site.config
    expected = [(code, source) for code in config.others() for source in config.sources()
                if not config.has(code, source)]
    found = []
    for path, soup in either_site.content_pages.items():
        language, source = either_site.source_of(path)
        if language == config.default or config.has(language, source.as_posix()):
            assert soup.select_one(".rg-notice--fallback") is None, f"{path}: translated, yet a fallback notice"
            continue
        found.append((language, source.as_posix()))
        notice = soup.select_one(".rg-notice--fallback p")
        assert notice is not None, f"{path}: docs/{language}/{source} does not exist, so a fallback notice"
        # A whole sentence per language (no {language} placeholder to inflect).
        assert notice.get_text(" ", strip=True) == config.ui(language, "fallback_notice"), \
            f"{path}: fallback_notice of data/strings/{language}.yml (or the default's)"
        # The way back: the home page and extra.help_page, where they exist in the reader's language.
        links = {(path.parent / a["href"]).resolve() / "index.html"
                 for a in soup.select(".rg-notice--fallback a[href]")}
        ways_back = [page for page in dict.fromkeys(["index.md", config.help_page]) if config.has(language, page)]
        wanted = {config.built(either_site.root, language, page).resolve() for page in ways_back}
        assert links == wanted, f"{path}: the notice links {sorted(ways_back)} in {language}"
        block = soup.select_one(".rg-fallback")
        assert block["lang"] == config.default and block["dir"] == config.direction(config.default), path
        assert block.find("h1") is not None, path
    assert sorted(found) == sorted(expected), "a fallback page for each page a language lacks"
    if either_site.name == "fixture":
        assert found, "tests/fixtures/site must keep a page left untranslated (docs/en/untranslated.md)"


def test_draft_translations_say_so_and_link_to_the_default_language(either_site):
    config = either_site.config
    drafts = 0
    for path, soup in either_site.content_pages.items():
        language, source = either_site.source_of(path)
        notice = soup.select_one(".rg-notice--draft")
        if language != config.default and config.has(language, source.as_posix()) \
                and config.meta(language, source.as_posix()).get("status") == "draft":
            drafts += 1
            assert notice is not None, f"{path}: docs/{language}/{source} says status: draft"
            assert config.ui(language, "draft_notice") in notice.get_text(" ", strip=True), path
            original = (path.parent / notice.a["href"]).resolve() / "index.html"
            assert either_site.source_of(original) == (config.default, source), path
        else:
            assert notice is None, f"{path}: not a draft translation, yet a draft notice"
    if either_site.name == "fixture":
        assert drafts, "tests/fixtures/site must keep a draft translation (status: draft)"


def test_language_switcher_keeps_the_page_and_names_languages_in_their_script(real_site):
    config = real_site.config
    for path, soup in real_site.content_pages.items():
        language, source = real_site.source_of(path)
        links = {a["hreflang"]: a for a in soup.select(".md-select__link")}
        assert set(links) == set(config.codes), f"{path}: the menu lists the languages of mkdocs.yml"
        for code, link in links.items():
            assert link.get_text(strip=True) == config.names[code], f"{path}: {code} named as in data/languages.yml"
            target = (path.parent / link["href"]).resolve()
            assert real_site.source_of(target / "index.html") == (code, source), (path, link["href"])
        footer = {a["hreflang"] for a in soup.select(".rg-footer__languages a")}
        assert footer == set(config.codes), path


def test_non_latin_headings_get_readable_ids(either_site):
    for path, soup in either_site.content_pages.items():
        for heading in soup.select("article h2[id], article h3[id]"):
            assert not re.fullmatch(r"_?\d+(_\d+)?", heading["id"]), (path, heading["id"])


def test_each_language_has_a_404_page_and_the_root_one_is_in_the_default_language(real_site):
    config = real_site.config
    root = BeautifulSoup((real_site.root / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert root.html["lang"] == config.default, "/404.html is in the default language of mkdocs.yml"
    for code in config.others():
        soup = BeautifulSoup((real_site.root / code / "404.html").read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == code, f"/{code}/404.html"
        assert soup.h1.get_text(strip=True) == config.ui(code, "not_found_heading"), f"/{code}/404.html"


def test_sitemap_lists_only_real_pages(real_site):
    config = real_site.config
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    sitemap = ElementTree.parse(real_site.root / "sitemap.xml")
    locations = [loc.text for loc in sitemap.findall(".//s:loc", namespaces)]
    alternates = [link.get("href") for link in sitemap.findall(".//x:link", namespaces)]
    assert len(locations) >= len(config.sources()), "sitemap.xml lists at least every page of the default language"
    for location in locations + alternates:
        path = urlparse(location).path.strip("/")
        parts = path.split("/") if path else []
        language = parts[0] if parts and parts[0] in config.others() else config.default
        rest = parts[1:] if language != config.default else parts
        source = Path(*rest).with_suffix(".md") if rest else Path("index.md")
        assert config.has(language, source.as_posix()), f"sitemap.xml: {location} has no docs/{language}/{source}"
