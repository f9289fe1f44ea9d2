"""The repository's own built site, page by page: languages, safety, privacy."""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree
from urllib.parse import urlparse

import pytest
import yaml
from bs4 import BeautifulSoup
from tests.conftest import CHECKOUT


PROJECT = CHECKOUT
CONFIG = PROJECT.config().data
LANGUAGES = [language.code for language in PROJECT.languages()]
DEFAULT = PROJECT.default_language()
EXIT_URL = CONFIG["extra"]["exit_url"]
SITE_HOST = urlparse(CONFIG["site_url"]).netloc
STRINGS = {code: yaml.safe_load((PROJECT.strings_dir / f"{code}.yml").read_text(encoding="utf-8"))
           for code in LANGUAGES}
CONTACTS = yaml.safe_load(PROJECT.contacts_path.read_text(encoding="utf-8"))["contacts"]
EMERGENCY_TELS = {
    "tel:" + contact["phones"][0]["number"].replace(" ", "")
    for contact in CONTACTS if contact["id"] in CONFIG["extra"]["emergency_contacts"]
}
RTL = {language.code for language in PROJECT.languages() if language.direction == "rtl"}  # from data/languages.yml


def language_of(site: Path, page: Path) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in LANGUAGES else DEFAULT


def source_of(site: Path, page: Path) -> tuple[str, Path]:
    """(language, path of the page within a docs/<lang>/ folder) for a built page."""
    relative = page.relative_to(site)
    language = language_of(site, page)
    if language != DEFAULT:
        relative = relative.relative_to(language)
    folder = relative.parent
    return language, (Path("index.md") if folder == Path(".") else folder.with_suffix(".md"))


@pytest.fixture(scope="module")
def pages(built_site) -> dict[Path, BeautifulSoup]:
    found = {}
    for path in sorted(built_site.rglob("*.html")):
        if "assets" not in path.relative_to(built_site).parts:
            found[path] = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
    assert len(found) >= 3 * len(LANGUAGES)
    return found


@pytest.fixture(scope="module")
def content_pages(pages, built_site):
    return {path: soup for path, soup in pages.items() if path.name == "index.html"}


def test_every_page_declares_its_language_and_direction(pages, built_site):
    for path, soup in pages.items():
        language = language_of(built_site, path)
        assert soup.html["lang"] == language, path
        assert soup.body["dir"] == ("rtl" if language in RTL else "ltr"), path


def test_site_name_is_per_language(content_pages, built_site):
    i18n = next(plugin["i18n"] for plugin in CONFIG["plugins"] if isinstance(plugin, dict) and "i18n" in plugin)
    names = {entry["locale"]: entry["site_name"] for entry in i18n["languages"]}
    for path, soup in content_pages.items():
        assert soup.title.string.strip().endswith(names[language_of(built_site, path)]), path


def test_security_meta_comes_first_and_is_strict(pages):
    for path, soup in pages.items():
        metas = soup.head.find_all("meta")
        assert metas[0].get("charset") == "utf-8", path
        csp = soup.head.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert csp is not None and metas.index(csp) == 1, path
        policy = dict(part.strip().split(" ", 1) for part in csp["content"].split(";"))
        assert policy["default-src"] == "'self'"
        assert policy["script-src"] == "'self'"
        assert "unsafe-inline" not in csp["content"] and "unsafe-eval" not in csp["content"]
        referrer = soup.head.find("meta", attrs={"name": "referrer"})
        assert referrer is not None and referrer["content"] == "no-referrer", path


def test_no_inline_script_or_style(pages):
    for path, soup in pages.items():
        for script in soup.find_all("script"):
            assert script.get("src") or script.get("type") == "application/json", (path, str(script)[:80])
        assert soup.find("style") is None, path
        assert soup.find(attrs={"style": True}) is None, path


def test_exit_links_come_first_and_leave_to_the_neutral_site(pages):
    for path, soup in pages.items():
        skip, button = soup.select("a[data-rg-exit-link]")
        for link in (skip, button):
            assert link["href"] == EXIT_URL
            assert set(link["rel"]) >= {"noopener", "noreferrer"}
        # Material's own skip link (before the header) is hidden by site.css; ours follows the exit links.
        focusable = [a for a in soup.body.find_all("a") if "md-skip" not in a.get("class", []) or "rg-skip" in a["class"]]
        assert focusable[:2] == [skip, button], f"{path}: the exit links must come first in the tab order"
        if soup.select_one("a.md-skip"):
            assert "rg-skip" in focusable[2]["class"], f"{path}: skip to content comes right after the exit links"


def test_exit_strings_come_from_the_page_language(content_pages, built_site):
    for path, soup in content_pages.items():
        language = language_of(built_site, path)
        expected = STRINGS[language].get("exit_label") or STRINGS[DEFAULT]["exit_label"]
        assert soup.select_one(".rg-exit__button").get_text(strip=True) == expected, path


def test_emergency_box_is_in_the_content_area(pages):
    for path, soup in pages.items():
        box = soup.select_one("article.md-content__inner .rg-emergency")
        assert box is not None, path
        tels = {a["href"] for a in box.select("a[href^='tel:']")}
        assert tels == EMERGENCY_TELS, path


def test_phone_numbers_stay_left_to_right(pages):
    for path, soup in pages.items():
        for link in soup.select("a[href^='tel:']"):
            assert link.get("dir") == "ltr", (path, str(link))
            assert re.fullmatch(r"tel:\+?\d+", link["href"]), link["href"]


def test_external_links_carry_noopener_noreferrer(pages):
    for path, soup in pages.items():
        for link in soup.find_all("a", href=True):
            host = urlparse(link["href"]).netloc
            if link["href"].startswith(("http://", "https://")) and host != SITE_HOST:
                assert {"noopener", "noreferrer"} <= set(link.get("rel") or []), (path, link["href"])


def test_hreflang_lists_only_real_translations(content_pages, built_site):
    for path, soup in content_pages.items():
        if path.parent == built_site / "404.html":
            continue
        _, source = source_of(built_site, path)
        alternates = {link["hreflang"]: link["href"] for link in soup.find_all("link", rel="alternate", hreflang=True)}
        expected = {code for code in LANGUAGES if (PROJECT.docs / code / source).exists()}
        assert set(alternates) - {"x-default"} == expected, path
        assert alternates["x-default"] == alternates[DEFAULT], path
        for code, href in alternates.items():
            assert href.startswith(CONFIG["site_url"]), href


def test_untranslated_page_says_so_in_the_readers_language(content_pages, built_site):
    fallbacks = []
    for path, soup in content_pages.items():
        language, source = source_of(built_site, path)
        if language == DEFAULT or (PROJECT.docs / language / source).exists():
            assert soup.select_one(".rg-notice--fallback") is None, path
            continue
        fallbacks.append(path)
        notice = soup.select_one(".rg-notice--fallback p").get_text(" ", strip=True)
        # A whole sentence per language (no {language} placeholder to inflect).
        assert notice == (STRINGS[language].get("fallback_notice") or STRINGS[DEFAULT]["fallback_notice"]), path
        # The way back: the home and help pages in the reader's language.
        links = {(path.parent / a["href"]).resolve() / "index.html"
                 for a in soup.select(".rg-notice--fallback a[href]")}
        reader_home = (built_site / language).resolve()
        assert links == {reader_home / "index.html", reader_home / "help" / "index.html"}, path
        block = soup.select_one(".rg-fallback")
        assert block["lang"] == DEFAULT and block["dir"] == "ltr", path
        assert block.find("h1") is not None, path
    assert fallbacks, "at least one page must be left untranslated to show the fallback"


def test_language_switcher_keeps_the_page_and_names_languages_in_their_script(content_pages, built_site):
    names = {language.code: language.name for language in PROJECT.languages()}
    for path, soup in content_pages.items():
        language, source = source_of(built_site, path)
        links = {a["hreflang"]: a for a in soup.select(".md-select__link")}
        assert set(links) == set(LANGUAGES), path
        for code, link in links.items():
            assert link.get_text(strip=True) == names[code]
            target = (path.parent / link["href"]).resolve()
            assert source_of(built_site, target / "index.html") == (code, source), (path, link["href"])
        footer = {a["hreflang"] for a in soup.select(".rg-footer__languages a")}
        assert footer == set(LANGUAGES), path


def test_non_latin_headings_get_readable_ids(content_pages, built_site):
    for path, soup in content_pages.items():
        for heading in soup.select("article h2[id], article h3[id]"):
            assert not re.fullmatch(r"_?\d+(_\d+)?", heading["id"]), (path, heading["id"])


def test_each_language_has_a_404_page_and_the_root_one_is_in_the_default_language(built_site):
    root = BeautifulSoup((built_site / "404.html").read_text(encoding="utf-8"), "html.parser")
    assert root.html["lang"] == DEFAULT
    for code in LANGUAGES:
        if code == DEFAULT:
            continue
        soup = BeautifulSoup((built_site / code / "404.html").read_text(encoding="utf-8"), "html.parser")
        assert soup.html["lang"] == code
        heading = STRINGS[code].get("not_found_heading") or STRINGS[DEFAULT]["not_found_heading"]
        assert soup.h1.get_text(strip=True) == heading


def test_sitemap_lists_only_real_pages(built_site):
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    sitemap = ElementTree.parse(built_site / "sitemap.xml")
    locations = [loc.text for loc in sitemap.findall(".//s:loc", namespaces)]
    alternates = [link.get("href") for link in sitemap.findall(".//x:link", namespaces)]
    assert locations and alternates
    for location in locations + alternates:
        path = urlparse(location).path.strip("/")
        parts = path.split("/") if path else []
        language = parts[0] if parts and parts[0] in LANGUAGES else DEFAULT
        rest = parts[1:] if parts and parts[0] in LANGUAGES else parts
        source = Path(*rest).with_suffix(".md") if rest else Path("index.md")
        assert (PROJECT.docs / language / source).exists(), location


# ---- Nothing reaches another host ---------------------------------------------

RESOURCE_ATTRIBUTES = {
    "script": "src", "img": "src", "iframe": "src", "source": "src", "audio": "src", "video": "src",
    "embed": "src", "object": "data", "track": "src", "input": "src",
}


def is_local(url: str) -> bool:
    parsed = urlparse(url.strip())
    return not parsed.scheme and not parsed.netloc or parsed.scheme == "data"


def test_html_loads_nothing_from_another_host(pages):
    for path, soup in pages.items():
        for tag, attribute in RESOURCE_ATTRIBUTES.items():
            for element in soup.find_all(tag, attrs={attribute: True}):
                assert is_local(element[attribute]), (path, str(element)[:120])
        for link in soup.find_all("link", href=True):
            if set(link.get("rel") or []) & {"stylesheet", "icon", "preload", "prefetch", "modulepreload",
                                              "preconnect", "dns-prefetch", "manifest"}:
                assert is_local(link["href"]), (path, str(link))
        assert soup.find(["iframe", "object", "embed"]) is None, path


def test_css_loads_nothing_from_another_host(built_site):
    for css in built_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8")
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", text):
            assert is_local(url), (css, url)
        assert not re.search(r"@import\s+(url\()?['\"]?(https?:)?//", text), css


def test_javascript_requests_no_other_host(built_site, pages):
    # Material's bundle.js, with its unpkg.com and GitHub API addresses, is not
    # shipped (overrides/main.html): no script names another host at all.
    literal = re.compile(r"""["'`](https?://[^"'`\s$]+)""")
    scripts = list(built_site.rglob("*.js"))
    assert scripts
    for script in scripts:
        for url in literal.findall(script.read_text(encoding="utf-8")):
            assert urlparse(url).netloc == "www.w3.org", f"{script}: {url}"  # XML namespace names, never fetched
    assert "repo_url" not in CONFIG
    assert not any(soup.select(".mermaid") for soup in pages.values())


def test_no_web_fonts_and_no_source_maps(built_site, pages):
    assert CONFIG["theme"]["font"] is False
    assert not list(built_site.rglob("*.map"))
    assert not list(built_site.rglob("*.woff*"))
    for soup in pages.values():
        assert "fonts.googleapis" not in str(soup.head)


def test_no_script_writes_browser_storage(built_site):
    for script in built_site.rglob("*.js"):
        text = re.sub(r"//.*", "", script.read_text(encoding="utf-8"))
        for writer in ("setItem", "document.cookie", "indexedDB", "serviceWorker", "caches.open"):
            assert writer not in text, (script, writer)


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---", 2)[1]) if text.startswith("---") else {}


def test_draft_translations_say_so_and_link_to_english(content_pages, built_site):
    drafts = 0
    for path, soup in content_pages.items():
        language, source = source_of(built_site, path)
        page = PROJECT.docs / language / source
        notice = soup.select_one(".rg-notice--draft")
        if language != DEFAULT and page.exists() and front_matter(page).get("status") == "draft":
            drafts += 1
            assert notice is not None, path
            expected = STRINGS[language].get("draft_notice") or STRINGS[DEFAULT]["draft_notice"]
            assert expected in notice.get_text(" ", strip=True), path
            english = (path.parent / notice.a["href"]).resolve() / "index.html"
            assert source_of(built_site, english) == (DEFAULT, source), path
        else:
            assert notice is None, path
    assert drafts, "the shipped translations are unreviewed drafts and must say so"


def test_glossary_links_resolve_in_every_language(content_pages, built_site):
    checked = 0
    for path, soup in content_pages.items():
        for link in soup.select("article a[href*='glossary/#']"):
            target, fragment = link["href"].split("#", 1)
            glossary = (path.parent / target / "index.html").resolve()
            ids = {element["id"] for element in BeautifulSoup(glossary.read_text(encoding="utf-8"),
                                                                "html.parser").select("[id]")}
            assert fragment in ids, (path, link["href"])
            checked += 1
    assert checked > 20


# Where can I get help? (help.md) is the hub; the other help pages hold the rest of the channels.
HELP_PAGES = ["help", "help-after-violence", "more-help", "legal-help"]


def intro_links(soup: BeautifulSoup) -> set[str]:
    """Pages linked from the page's own text above its first section heading (not the menu)."""
    heading = soup.select_one("article h2")
    links = [a for a in heading.find_all_previous("a", href=True) if a.find_parent("article") is not None]
    return {a["href"].split("#")[0].rstrip("/").rsplit("/", 1)[-1] for a in links}


def test_help_pages_together_list_every_help_channel(built_site):
    for language in LANGUAGES:
        root = built_site if language == DEFAULT else built_site / language
        cards = set()
        for name in HELP_PAGES:
            soup = BeautifulSoup((root / name / "index.html").read_text(encoding="utf-8"), "html.parser")
            cards |= {card["id"].removeprefix("contact-") for card in soup.select(".rg-contact")}
        assert cards == {contact["id"] for contact in CONTACTS}, language


def test_help_pages_say_where_the_other_help_pages_are(built_site):
    """Each part begins by linking the others: the hub to every part, every part back to the hub."""
    for language in LANGUAGES:
        root = built_site if language == DEFAULT else built_site / language
        for name in HELP_PAGES:
            soup = BeautifulSoup((root / name / "index.html").read_text(encoding="utf-8"), "html.parser")
            expected = set(HELP_PAGES) - {"help"} if name == "help" else {"help"}
            assert expected <= intro_links(soup), (language, name)


def test_hotline_reporting_and_its_consequences_are_one_tap_from_home(built_site):
    for language in LANGUAGES:
        root = built_site if language == DEFAULT else built_site / language
        home = BeautifulSoup((root / "index.html").read_text(encoding="utf-8"), "html.parser")
        # The 24/7 hotline is on the home page itself, as a tap-to-call link.
        assert home.select_one("article a[href='tel:+358295463177']") is not None, language
        links = {a["href"].split("#")[0].rstrip("/").rsplit("/", 1)[-1] for a in home.select("article a[href]")}
        assert {"help", "reporting-a-crime", "reporting-consequences"} <= links, language
        consequences = BeautifulSoup((root / "reporting-consequences/index.html").read_text(encoding="utf-8"),
                                     "html.parser")
        assert consequences.select_one("#consequences") is not None, language
        # A reader sees what reporting can lead to before the reporting steps begin.
        reporting = BeautifulSoup((root / "reporting-a-crime/index.html").read_text(encoding="utf-8"), "html.parser")
        assert "reporting-consequences" in intro_links(reporting), language
