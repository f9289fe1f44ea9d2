"""The offline copies (rights_guide/build/offline.py) of the real built site: one
self-contained HTML file and one zip per language, linked from the help and About
pages. tests/browser/test_offline.py opens both in Chromium from file://."""

from __future__ import annotations

import base64
import gzip
import hashlib
import html
import posixpath
import re
import shutil
import zipfile

import pytest

from rights_guide.build import offline, offline_zip
from tests.conftest import CHECKOUT, REPO
from tests.offline_site import offline_copy
from tests.siteconfig import SITE

LANGUAGES = [language.code for language in CHECKOUT.languages()]
DEFAULT = CHECKOUT.default_language()
DIRECTIONS = {language.code: language.direction for language in CHECKOUT.languages()}
OTHER = SITE.others()[0]  # a language besides the default, with its own folder
ENGLISH_BUDGET = 60 * 1024  # gzip bytes of the English single file
LANGUAGE_FACTOR = 2  # any language's single file at most this many times the English one


@pytest.fixture(scope="session")
def offline_site(built_site, tmp_path_factory):
    return offline_copy(built_site, tmp_path_factory)


@pytest.fixture(scope="module")
def editions(offline_site):
    return {edition.code: edition for edition in offline.editions(CHECKOUT, offline_site)}


def single(editions, code: str) -> str:
    return editions[code].single.read_text(encoding="utf-8")


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def test_every_language_gets_both_copies(editions):
    assert sorted(editions) == sorted(LANGUAGES)
    for edition in editions.values():
        assert edition.single.is_file() and edition.archive.is_file(), edition.code


def test_the_single_file_stays_within_its_budget(editions):
    english = gzip_size(editions[DEFAULT].single.read_bytes())
    assert english <= ENGLISH_BUDGET, f"{english} bytes gzip"
    for code, edition in editions.items():
        size = gzip_size(edition.single.read_bytes())
        assert size <= LANGUAGE_FACTOR * english, f"{code}: {size} bytes gzip, English {english}"


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_single_file_has_every_page_in_menu_order_under_the_emergency_box(editions, code):
    text, edition = single(editions, code), editions[code]
    assert re.match(rf'<!doctype html>\n<html lang="{code}" dir="{DIRECTIONS[code]}">', text)
    assert f'<body dir="{DIRECTIONS[code]}">' in text
    places = [text.index(f'<div class="rg-page" data-rg-page="{offline_name(edition, page)}" id=')
              for page in edition.nav]
    menu = SITE.nav_pages()
    assert places == sorted(places) and len(places) == len(edition.nav) == len(menu), \
        f"every page of the menu (mkdocs.yml nav: {len(menu)}) once, in its order"
    assert text.index('<aside class="rg-emergency"') < text.index('class="rg-offline__toc"') < places[0]
    assert text.count('<aside class="rg-emergency"') == 1
    for page in edition.nav:
        heading = re.search(r"<h1[^>]*>(.*?)</h1>", edition.file(page).read_text(encoding="utf-8"), re.S)
        assert heading.group(1) in text, page


def offline_name(edition, page: str) -> str:
    return page[len(edition.prefix):].strip("/") or "index"


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_single_file_loads_nothing_and_its_links_stay_inside(editions, code):
    text = single(editions, code)
    assert "<script" not in text and "<link" not in text and "<iframe" not in text
    assert not re.findall(r'\ssrc="(?!data:)', text), "every image is a data: address"
    ids = re.findall(r'\sid="([^"]+)"', text)
    assert len(ids) == len(set(ids)), "ids are unique in the file"
    for href in re.findall(r'\shref="([^"]*)"', text):
        href = html.unescape(href)
        if href.startswith("#"):
            assert href[1:] in ids, href
        else:
            assert re.match(r"(https?://|tel:|mailto:)", href), f"a link that needs a file: {href}"
    for name in re.findall(r'\s(?:for|aria-labelledby|aria-describedby)="([^"]+)"', text):
        assert all(part in ids for part in name.split()), name


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_single_files_policy_allows_only_its_own_stylesheet(editions, code):
    text = single(editions, code)
    policy = html.unescape(re.search(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">', text)[1])
    style = re.search(r"<style>(.*?)</style>", text, re.S)[1]
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode("ascii")
    assert policy == (f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; base-uri 'none'; "
                      "form-action 'none'")
    assert ".rg-emergency" in style and ".md-typeset" in style
    assert ".md-search" not in style, "rules for what the file does not have are trimmed"
    assert 'style="' not in text, "the policy has no 'unsafe-inline' for style attributes"


def zip_names(edition) -> list[str]:
    with zipfile.ZipFile(edition.archive) as archive:
        return archive.namelist()


def zip_text(edition, name: str) -> str:
    with zipfile.ZipFile(edition.archive) as archive:
        return archive.read(name).decode("utf-8")


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_zip_holds_the_languages_pages_and_every_file_they_use(editions, code):
    edition = editions[code]
    names = zip_names(edition)
    top = f"guide-{code}/"
    assert all(name.startswith(top) for name in names)
    pages = {top + offline_zip.zip_path(edition, page) for page in edition.nav}
    assert pages == {name for name in names if name.endswith(".html")}
    assert top + "index.html" in names and len(pages) == len(edition.nav)
    assert not [name for name in names if "/search/" in name or "/offline/" in name or name.endswith((".gz", ".br"))]
    for name in names:
        if not name.endswith(".html"):
            continue
        text = zip_text(edition, name)
        assert "data-rg-search" not in text and 'for="__search"' not in text and "rg-offline" not in text.replace(
            "rg-notice--offline", "")
        assert 'class="rg-notice rg-notice--offline" role="note"' in text
        for reference in re.findall(r'\s(?:href|src)="([^"]+)"', text):
            reference = html.unescape(reference)
            if re.match(r"(https?:|tel:|mailto:|#|data:)", reference):
                continue
            path = reference.split("#")[0]
            assert not path.endswith("/") and path, f"{name}: {reference} needs index.html for file://"
            target = posixpath.normpath(posixpath.join(posixpath.dirname(name), path))
            assert target in names, f"{name}: {reference} is not in the zip"


def test_zip_entries_have_one_date_so_the_same_pages_make_the_same_zip(editions):
    with zipfile.ZipFile(editions[DEFAULT].archive) as archive:
        assert {info.date_time for info in archive.infolist()} == {offline_zip.EPOCH}


def ui_string(code: str, key: str) -> str:
    """The language's text for `key`, or the default language's where it has none or leaves
    it empty (as the build does)."""
    return SITE.ui(code, key)


@pytest.mark.parametrize("code", LANGUAGES)
def test_help_and_about_pages_link_both_copies_with_their_sizes(editions, code, offline_site):
    edition = editions[code]
    for name in offline.LINKED_FROM:
        page = edition.file(edition.prefix + name + "/")
        text = page.read_text(encoding="utf-8")
        section = re.search(r'<section class="rg-offline"[^>]*>(.*?)</section>', text, re.S)
        assert section and " hidden" not in section.group(0).split(">")[0], page
        fallback = f' lang="{DEFAULT}" dir="{DIRECTIONS[DEFAULT]}"'  # words not translated: the default's
        links = re.findall(r'<a href="([^"]+)" download(?:%s)?>([^<]+)</a>' % re.escape(fallback), section.group(1))
        assert len(links) == 2
        for (href, label), file, key in zip(links, (edition.single, edition.archive), ("offline_single", "offline_zip")):
            assert (page.parent / href).resolve() == file.resolve()
            # The language's own wording and unit (Finnish writes kt), with the file's real size.
            assert html.unescape(label) == ui_string(code, key).replace("{size}", str(offline.kilobytes(file)))
        assert gzip.decompress((page.parent / "index.html.gz").read_bytes()).decode("utf-8") == text


def test_untranslated_words_are_marked_as_english(editions):
    for code in LANGUAGES:
        help_page = editions[code].file(editions[code].prefix + "help/").read_text(encoding="utf-8")
        texts = offline.placeholder_texts(CHECKOUT, code)
        english = offline.placeholder_texts(CHECKOUT, DEFAULT)
        marked = f'download lang="{DEFAULT}" dir="{DIRECTIONS[DEFAULT]}">' in help_page
        assert marked is (code != DEFAULT and texts["single"] == english["single"]), code


def test_without_a_built_site_nothing_is_written(tmp_path):
    found, problems = offline.build(CHECKOUT, tmp_path)
    assert found == [] and [(p.code, p.path) for p in problems] == [("offline-no-site", tmp_path)]
    assert not (tmp_path / "offline").exists()


def test_a_page_without_the_placeholder_is_reported(offline_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(offline_site, site)
    about = site / OTHER / "about" / "index.html"
    text = about.read_text(encoding="utf-8")
    about.write_text(re.sub(r'<section class="rg-offline".*?</section>', "", text, flags=re.S), encoding="utf-8")
    _, problems = offline.build(CHECKOUT, site)
    assert [(p.code, p.path, p.line) for p in problems] == [("offline-no-placeholder", about, 1)]


def test_running_it_again_gives_the_same_pages(offline_site, tmp_path):
    site = tmp_path / "site"
    shutil.copytree(offline_site, site)
    offline.build(CHECKOUT, site)
    for name in ("help/index.html", f"{OTHER}/about/index.html"):
        assert (site / name).read_text(encoding="utf-8") == (offline_site / name).read_text(encoding="utf-8")
    archive = f"offline/guide-{DEFAULT}.zip"
    assert (site / archive).read_bytes() == (offline_site / archive).read_bytes()


def test_nav_sources_and_addresses():
    nav = ["index.md", {"Help": ["help.md", {"More": "more/index.md"}]}, {"Site": "https://example.org/"}]
    assert offline.nav_sources(nav) == ["index.md", "help.md", "more/index.md"]
    assert [offline.source_path(s) for s in ("index.md", "help.md", "more/index.md", "a/b.md")] == \
        ["", "help/", "more/", "a/b/"]
    assert offline.resolve("/fi/help/", "../glossary/#x") == ("/fi/glossary/", "x")
    assert offline.resolve("/fi/help/", "../../assets/site.css") == ("/assets/site.css", "")
    assert offline.resolve("/help/", "https://example.org/") is None
    assert offline.resolve("/help/", "tel:112") is None


def test_the_nav_in_mkdocs_yml_is_what_the_copies_follow(editions):
    sources = offline.nav_sources(CHECKOUT.config().data["nav"])
    assert [offline.source_path(source) for source in sources] == \
        [page[len("/"):] for page in editions[DEFAULT].nav]
    assert (REPO / "mkdocs.yml").is_file()
