"""Honest links between languages in the built site: in a translated page, a link
to a page not translated yet says so in the reader's language and carries
hreflang (rights_guide/build/language_links.py); notices sit below the emergency box."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.siteconfig import SITE

DEFAULT, LANGUAGES = SITE.default, SITE.codes
STRINGS = {code: SITE.ui_all(code) for code in LANGUAGES}  # a key left empty shows the default's


@pytest.fixture(scope="module")
def translated_pages(real_site) -> dict[Path, BeautifulSoup]:
    """Every page written in a language other than the default (not an English fallback)."""
    found = {}
    for path, soup in real_site.content_pages.items():
        language, source = real_site.source_of(path)
        if language != DEFAULT and SITE.has(language, source.as_posix()):
            found[path] = soup
    assert found, f"no page of docs/<language>/ for a language other than {DEFAULT}"
    return found


def test_links_to_untranslated_pages_say_they_lead_to_english(translated_pages, real_site):
    labelled = 0
    for path, soup in translated_pages.items():
        language, _ = real_site.source_of(path)
        label = STRINGS[language]["link_untranslated"]
        for link in soup.select("article a[href]"):
            href = link["href"]
            if href.startswith(("http", "tel:", "mailto:", "#")) or link.find_parent(class_="rg-notice"):
                continue
            target = (path.parent / href.split("#")[0]).resolve() / "index.html"
            if not target.exists():
                continue
            target_language, target_source = real_site.source_of(target)
            translated = SITE.has(target_language, target_source.as_posix())
            marks = link.select(".rg-link-language")
            if translated:
                assert not marks and link.get("hreflang") in (None, target_language), (path, href)
            else:
                labelled += 1
                assert link.get("hreflang") == DEFAULT, (path, href)
                assert [mark.get_text() for mark in marks] == [label], (path, href)
    # Where every language has every page there is nothing to label (the fixture build in
    # tests/build/test_language_links.py always has an untranslated page).
    missing = [(code, source) for code in SITE.others() for source in SITE.sources() if not SITE.has(code, source)]
    if missing:
        assert labelled, f"translations link to pages not translated yet ({missing[:3]}...): they must be labelled"
    else:
        assert labelled == 0


def test_notices_come_after_the_emergency_box(built_site):
    for page in sorted(built_site.rglob("index.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        box = soup.select_one("article .rg-emergency")
        for notice in soup.select("article .rg-notice"):
            assert box in notice.find_all_previous("aside"), page


def test_draft_notice_is_one_short_line_with_the_details_one_tap_away(translated_pages, real_site):
    for path, soup in translated_pages.items():
        notice = soup.select_one(".rg-notice--draft")
        if notice is None:
            continue
        language, _ = real_site.source_of(path)
        summary = notice.select_one("details > summary")
        assert summary.get_text(strip=True) == STRINGS[language]["draft_notice_short"], path
        assert len(summary.get_text(strip=True)) <= 60
        assert notice.select_one("details a[hreflang]") is not None, path


def test_404_pages_lead_to_each_languages_home_by_its_own_name(built_site):
    names = SITE.names
    homes = {code: "/" if code == DEFAULT else f"/{code}/" for code in LANGUAGES}
    for code in LANGUAGES:
        page = built_site / ("404.html" if code == DEFAULT else f"{code}/404.html")
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        for selector in (".md-select__link", ".rg-footer__languages a"):
            links = {a["hreflang"]: (a["href"], a.get_text(strip=True)) for a in soup.select(selector)}
            assert links == {other: (homes[other], names[other]) for other in LANGUAGES}, (page, selector)
        # The current language, in words, beside the icon.
        assert soup.select_one(".rg-language-button__name").get_text(strip=True) == names[code]


def test_emergency_box_says_what_each_number_is(built_site):
    config = SITE.config
    contacts = SITE.contacts
    for code in LANGUAGES:
        strings = STRINGS[code]
        page = built_site / ("index.html" if code == DEFAULT else f"{code}/index.html")
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        items = soup.select(".rg-emergency__list > li")
        assert len(items) == len(config["extra"]["emergency_contacts"])
        for item, contact_id in zip(items, config["extra"]["emergency_contacts"]):
            contact = contacts[contact_id]
            calls = [a["href"] for a in item.select("a.rg-call")]
            assert calls == ["tel:" + phone["number"].replace(" ", "") for phone in contact["phones"]]
            facts = item.select_one(".rg-emergency__facts").get_text()
            expected = [strings["call_always_open"]] if contact.get("always_open") else []
            if all(phone.get("free") for phone in contact["phones"]):
                expected.append(strings["contact_free"])
            if contact.get("anonymous"):
                expected.append(strings["contact_anonymous"])
            assert facts == strings["list_separator"].join(expected), (code, contact_id, facts)
            text = item.get_text(" ")
            for language in contact.get("languages", []):
                assert item.select_one(f'[lang="{language}"]') is not None, (code, contact_id, language)
            assert (strings["contact_interpreter"] in text) == bool(contact.get("interpreter")), (code, contact_id)
    # The fact sheet: 112 helps in Finnish, Swedish and English, with an interpreter
    # otherwise, and is not anonymous; the Assistance System gives advice without a name.
    assert contacts["emergency-112"].get("interpreter") and not contacts["emergency-112"].get("anonymous")
    assert contacts["nas"].get("anonymous")
