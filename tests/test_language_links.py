"""Honest links between languages in the built site: in a translated page, a link
to a page not translated yet says so in the reader's language and carries
hreflang (rights_guide/build/language_links.py); notices sit below the emergency box."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from rights_guide.model.project import Project
from tests.builtsite import read_site
from tests.conftest import make_fixture_site, mkdocs_build
from tests.siteconfig import SITE, SiteConfig

DEFAULT, LANGUAGES = SITE.default, SITE.codes


def written_translations(site) -> dict[Path, BeautifulSoup]:
    """Every page of a built site written in a language other than its default (not a fallback)."""
    config = site.config
    found = {}
    for path, soup in site.content_pages.items():
        language, source = site.source_of(path)
        if language != config.default and config.has(language, source.as_posix()):
            found[path] = soup
    return found


@pytest.fixture(scope="module")
def fixture_with_links(tmp_path_factory):
    """The fixture site (draft translations, a page left untranslated), built with a link from
    each translated home page to the untranslated page."""
    root = make_fixture_site(tmp_path_factory.mktemp("language-links") / "source")
    config = SiteConfig(Project(root))
    untranslated = next(source for source in config.sources()
                        if not any(config.has(code, source) for code in config.others()))
    for code in config.others():
        home = root / "docs" / code / "index.md"
        home.write_text(home.read_text(encoding="utf-8") + f"\n[{untranslated}]({untranslated})\n", encoding="utf-8")
    output = root.parent / "built"
    result = mkdocs_build(root, output)
    assert result.returncode == 0, result.stderr
    return read_site("fixture", config, output)


@pytest.fixture(params=["site", "fixture"])
def translated(request):
    """(site, its translated pages): the repository's site, whatever it has translated, and the
    fixture site built with links from translations to an untranslated page, which it always has."""
    site = request.getfixturevalue("real_site" if request.param == "site" else "fixture_with_links")
    return site, written_translations(site)


def test_links_to_untranslated_pages_say_they_lead_to_english(translated):
    site, pages = translated
    config = site.config
    labelled = 0
    for path, soup in pages.items():
        language, _ = site.source_of(path)
        label = config.ui_all(language)["link_untranslated"]
        for link in soup.select("article a[href]"):
            href = link["href"]
            if href.startswith(("http", "tel:", "mailto:", "#")) or link.find_parent(class_="rg-notice"):
                continue
            target = (path.parent / href.split("#")[0]).resolve() / "index.html"
            if not target.exists():
                continue
            target_language, target_source = site.source_of(target)
            translated_target = config.has(target_language, target_source.as_posix())
            marks = link.select(".rg-link-language")
            if translated_target:
                assert not marks and link.get("hreflang") in (None, target_language), (path, href)
            else:
                labelled += 1
                assert link.get("hreflang") == config.default, (path, href)
                assert [mark.get_text() for mark in marks] == [label], (path, href)
    if site.name == "fixture":
        assert labelled, "fixture_with_links links each translated home page to an untranslated page"
    elif all(config.has(code, source) for code in config.others() for source in config.sources()):
        assert labelled == 0, f"{site.name}: every page is translated, so no link may say it leads to English"


def test_notices_come_after_the_emergency_box(built_site):
    for page in sorted(built_site.rglob("index.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        box = soup.select_one("article .rg-emergency")
        for notice in soup.select("article .rg-notice"):
            assert box in notice.find_all_previous("aside"), page


def test_draft_notice_is_one_short_line_with_the_details_one_tap_away(request, real_site):
    """On the repository's site's drafts, or where it has none, the fixture site's (it always has one)."""
    checked = 0
    for site in (real_site, request.getfixturevalue("fixture_with_links")):
        for path, soup in written_translations(site).items():
            notice = soup.select_one(".rg-notice--draft")
            if notice is None:
                continue
            language, _ = site.source_of(path)
            summary = notice.select_one("details > summary")
            assert summary.get_text(strip=True) == site.config.ui_all(language)["draft_notice_short"], path
            assert len(summary.get_text(strip=True)) <= 60
            assert notice.select_one("details a[hreflang]") is not None, path
            checked += 1
        if checked:
            break
    assert checked, "no draft notice on a translated page (status: draft) in the repository's site nor the fixture's"


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


@pytest.fixture(params=["real_site", "fixture_built"])
def site_and_fixture(request):
    return request.getfixturevalue(request.param)


def test_emergency_box_says_what_each_number_is(site_and_fixture):
    site = site_and_fixture
    config, contacts = site.config, site.config.contacts
    box = config.config["extra"]["emergency_contacts"]
    for code in config.codes:
        strings = config.ui_all(code)
        items = site.soup(code, "index.md").select(".rg-emergency__list > li")
        assert len(items) == len(box), f"{site.name} {code}: one item per extra.emergency_contacts {box}"
        for item, contact_id in zip(items, box):
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
    if site.name == "fixture":
        # The fixture's box has a number with an interpreter and one that is anonymous
        # (tests/fixtures/site/data/contacts.yml), so both sides of each fact are asserted.
        facts = [contacts[contact_id] for contact_id in box]
        assert any(c.get("interpreter") for c in facts) and any(not c.get("interpreter") for c in facts)
        assert any(c.get("anonymous") for c in facts) and any(not c.get("anonymous") for c in facts)
