"""PDF leaflets: rendered from the built site with WeasyPrint, read back with
pypdf, pdftoppm and zbarimg, as an outreach worker would use them."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup
from pypdf import PdfReader

from rights_guide.build import leaflets, material
from rights_guide.model.project import Project
from tests.builtsite import FIXTURE_CONFIG
from tests.siteconfig import SITE

PROJECT = SITE.project
# The pages whose source front matter says `leaflet: true`, by name ("index", "help", ...).
LEAFLET_NAMES = [page.removesuffix(".md") for page in SITE.leaflet_pages()]
# Letters of each script (data/languages.yml's `script`) that leaflets in it must mostly be in.
SCRIPT_LETTERS = {
    "Arab": ("\u0600", "\u06ff"), "Cyrl": ("\u0400", "\u04ff"), "Thai": ("\u0e00", "\u0e7f"),
    "Ethi": ("\u1200", "\u137f"), "Deva": ("\u0900", "\u097f"), "Hans": ("\u4e00", "\u9fff"),
    "Hant": ("\u4e00", "\u9fff"),
}


def unavailable(reason: str):
    """Skip on a developer machine without the system packages; fail in CI."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI must run the leaflet tests; .ci/run installs the packages)")
    pytest.skip(reason)


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    return re.sub(r"\s+", " ", text).strip()


@pytest.fixture(scope="module")
def leaflet_site(built_site, tmp_path_factory) -> tuple[Path, list]:
    _, reason = leaflets.load_weasyprint()
    if reason:
        unavailable(reason)
    site = tmp_path_factory.mktemp("leaflets") / "site"
    shutil.copytree(built_site, site)
    done, errors = leaflets.build(PROJECT, site)
    assert errors == []
    return site, done


@pytest.fixture(scope="module")
def fixture_leaflets(built_fixture_site, tmp_path_factory) -> list:
    """The fixture site's leaflets: it always has a translated leaflet page in a right-to-left script."""
    _, reason = leaflets.load_weasyprint()
    if reason:
        unavailable(reason)
    site = tmp_path_factory.mktemp("fixture-leaflets") / "site"
    shutil.copytree(built_fixture_site, site)
    source = Project(built_fixture_site.parent / "source")  # where tests/conftest.py built it from
    done, errors = leaflets.build(source, site)
    assert errors == []
    return done


def pdf_text(pdf: Path) -> str:
    return normalise(" ".join(page.extract_text() or "" for page in PdfReader(pdf).pages))


def strings(language: str) -> dict:
    return SITE.ui_all(language)


def test_every_language_has_every_leaflet(leaflet_site):
    site, done = leaflet_site
    assert sorted(leaflets.leaflet_pages(PROJECT)) == sorted(LEAFLET_NAMES), "the pages marked leaflet: true"
    for code in SITE.codes:
        for name in LEAFLET_NAMES:
            pdf = site / "leaflets" / code / f"{name}.pdf"
            assert pdf.is_file() and pdf.stat().st_size > 5000, f"{pdf}: missing or too small"


def test_each_leaflet_fits_on_two_a4_pages(leaflet_site):
    _, done = leaflet_site
    for leaflet, pages in done:
        reader = PdfReader(leaflet.pdf)
        assert len(reader.pages) == pages <= leaflets.MAX_PAGES, leaflet.pdf
        width, height = (float(v) for v in reader.pages[0].mediabox.upper_right)
        assert (round(width), round(height)) == (595, 842), "A4 in points"


def test_leaflet_text_has_the_title_and_the_emergency_numbers_on_page_one(leaflet_site):
    _, done = leaflet_site
    for leaflet, _ in done:
        first_page = normalise(PdfReader(leaflet.pdf).pages[0].extract_text())
        title = normalise(BeautifulSoup(leaflet.html.read_text(encoding="utf-8"), "html.parser")
                          .select_one("article h1").get_text())
        assert title in first_page, (leaflet.pdf, title)
        for number in SITE.emergency_numbers:
            assert number in first_page, f"{leaflet.pdf}: {number} (extra.emergency_contacts) not on page one"


def assert_in_its_script(config, done) -> int:
    """Leaflets of translated pages in a non-Latin script are mostly letters of that script;
    how many were checked."""
    checked = 0
    for leaflet, _ in done:
        script = config.facts[leaflet.language].script
        if script not in SCRIPT_LETTERS or not config.has(leaflet.language, f"{leaflet.name}.md"):
            continue
        low, high = SCRIPT_LETTERS[script]
        letters = re.findall(r"[^\W\d_]", pdf_text(leaflet.pdf))
        share = sum(low <= letter <= high for letter in letters) / len(letters)
        assert share > 0.7, f"{leaflet.pdf}: only {share:.0%} of its letters are {script} (data/languages.yml)"
        checked += 1
    return checked


def test_leaflets_of_translated_pages_are_in_their_languages_script(leaflet_site):
    _, done = leaflet_site
    assert_in_its_script(SITE, done)


def test_a_right_to_left_leaflet_is_in_its_script_on_the_fixture_site(fixture_leaflets):
    checked = assert_in_its_script(FIXTURE_CONFIG, fixture_leaflets)
    assert checked, "tests/fixtures/site must have a translated leaflet page in a non-Latin script (ar help.md)"


def material_text(code: str, key: str) -> str:
    """A button text from Material's language file for the language (data/languages.yml's
    `material`), or its English one, as overrides/partials/language.html picks it."""
    for name in (SITE.facts[code].material, "en"):
        if name and material.has_language_file(name):
            found = re.search(rf'"{re.escape(key)}": "([^"]+)"', material.language_file(name).read_text(encoding="utf-8"))
            if found:
                return found.group(1)
    raise AssertionError(f"Material has no {key!r} text")


def menu_only_titles(code: str) -> list[str]:
    """Titles of the pages mkdocs.yml keeps out of the nav (not_in_nav): only Material's menu
    and the search name them, never the text of a leaflet page."""
    hidden = str(SITE.config.get("not_in_nav") or "").split()
    return [title for source, (title, _) in SITE.texts(code).items() if source in hidden and title]


def test_no_menu_or_screen_only_text_is_printed(leaflet_site):
    _, done = leaflet_site
    for leaflet, _ in done:
        text = pdf_text(leaflet.pdf)
        ui = strings(leaflet.language)
        # Text that exists only in the screen chrome: exit and skip links, footer, download link.
        for key in ("exit_skip_link", "footer_languages", "footer_privacy", "leaflet_download"):
            assert normalise(ui[key].split("{")[0]) not in text, f"{leaflet.pdf}: screen-only text {key} printed"
        skip = material_text(leaflet.language, "action.skip")
        assert normalise(skip) not in text, f"{leaflet.pdf}: Material's skip link {skip!r} printed"
        for title in menu_only_titles(leaflet.language):
            assert normalise(title) not in text, f"{leaflet.pdf}: {title!r}, a page only the menu names"


def qr_payload(pdf: Path, tmp_path: Path) -> str:
    if not shutil.which("zbarimg") or not shutil.which("pdftoppm"):
        unavailable("zbarimg and pdftoppm are needed to read the QR code (Debian: zbar-tools, poppler-utils)")
    pages = len(PdfReader(pdf).pages)
    prefix = tmp_path / pdf.stem
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", str(pages), "-l", str(pages), str(pdf), str(prefix)],
                   check=True)
    image = next(tmp_path.glob(f"{pdf.stem}*.png"))
    result = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, check=False)
    return result.stdout.strip()


def test_qr_code_opens_the_same_page_in_the_same_language(leaflet_site, tmp_path):
    site, done = leaflet_site
    # The first leaflet page in every language (reading a QR code takes a while).
    for leaflet, _ in done:
        if leaflet.name != LEAFLET_NAMES[0]:
            continue
        url = qr_payload(leaflet.pdf, tmp_path)
        expected_path = leaflet.html.parent.relative_to(site).as_posix()
        expected = SITE.site_url + ("" if expected_path == "." else expected_path + "/")
        assert url == expected, f"{leaflet.pdf}: the QR code should open {expected}"
        assert urlparse(url).netloc == urlparse(SITE.site_url).netloc
        assert url in pdf_text(leaflet.pdf).replace(" ", "") or url.rstrip("/") in pdf_text(leaflet.pdf).replace(" ", "")


def test_leaflet_pages_link_to_their_pdf_with_its_size(leaflet_site):
    site, done = leaflet_site
    for leaflet, _ in done:
        soup = BeautifulSoup(leaflet.html.read_text(encoding="utf-8"), "html.parser")
        link = soup.select_one(".rg-leaflet a")
        assert link is not None and not soup.select_one(".rg-leaflet").has_attr("hidden"), leaflet.html
        assert (leaflet.html.parent / link["href"]).resolve() == leaflet.pdf.resolve()
        size = max(1, round(leaflet.pdf.stat().st_size / 1024))
        label = strings(leaflet.language)["leaflet_download"].replace("{size}", str(size))
        assert link.get_text(strip=True) == label


def test_pages_without_leaflets_never_link_to_one(built_site):
    for page in built_site.rglob("index.html"):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        placeholder = soup.select_one(".rg-leaflet")
        if placeholder is not None:
            assert placeholder.has_attr("hidden") and placeholder.find("a") is None, page


def test_too_long_leaflet_fails_with_the_source_page_named(leaflet_site, monkeypatch, tmp_path, capsys):
    site, done = leaflet_site
    # The longest leaflet of the default language, with a limit of one page fewer.
    leaflet, pages = max(((leaflet, pages) for leaflet, pages in done if leaflet.language == SITE.default),
                         key=lambda item: item[1])
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("leaflets"))
    planned = leaflets.planned
    # That one leaflet only (rendering every language's would take a while).
    monkeypatch.setattr(leaflets, "planned", lambda project, root: [
        found for found in planned(project, root) if (found.language, found.name) == (leaflet.language, leaflet.name)])
    monkeypatch.setattr(leaflets, "MAX_PAGES", pages - 1)
    status = leaflets.run(PROJECT, copy)
    out = capsys.readouterr().out
    assert status == 1 and "leaflet-too-long" in out
    assert (f"docs/{SITE.default}/{leaflet.name}.md:1: leaflet-too-long: the {SITE.default} leaflet has "
            f"{pages} A4 pages (limit {pages - 1}).") in out


def test_missing_pango_is_a_clear_error(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(leaflets, "load_weasyprint", lambda: (None, "WeasyPrint cannot start: no libpango"))
    assert leaflets.run(PROJECT, tmp_path) == 1
    out = capsys.readouterr().out
    assert "leaflet-no-pango" in out and "Makefile:1: leaflet-no-pango: WeasyPrint cannot start" in out
    assert "libpango-1.0-0" in out and "Fix:" in out


def test_a_site_with_no_leaflet_pages_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "notes.html").write_text("<html><body>not a page of the site</body></html>", encoding="utf-8")
    assert leaflets.run(PROJECT, tmp_path) == 1
    out = capsys.readouterr().out
    assert "leaflet-none" in out
    assert f"{tmp_path}:1: leaflet-none: no built pages with 'leaflet: true'." in out and "make site" in out


def test_a_page_without_the_leaflet_placeholder_is_named(leaflet_site, monkeypatch, tmp_path, capsys):
    site, done = leaflet_site
    copy = tmp_path / "site"
    shutil.copytree(site, copy)
    leaflet = next(leaflet for leaflet, _ in done if leaflet.language == SITE.default)
    page = copy / leaflet.html.relative_to(site)
    page.write_text(re.sub(r'<p class="rg-leaflet"[^>]*>.*?</p>', "", page.read_text(encoding="utf-8"), flags=re.S),
                    encoding="utf-8")
    moved = leaflets.Leaflet(**{**leaflet.__dict__, "html": page, "pdf": copy / leaflet.pdf.relative_to(site)})
    problems = leaflets.link_leaflets([moved], copy)
    assert [(p.code, p.path, p.line) for p in problems] == [("leaflet-no-placeholder", page, 1)]
