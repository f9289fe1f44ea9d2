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
import yaml
from bs4 import BeautifulSoup
from pypdf import PdfReader

from rights_guide.build import leaflets
from tests.conftest import CHECKOUT

PROJECT = CHECKOUT
CONFIG = PROJECT.config().data
CONTACTS = {c["id"]: c for c in yaml.safe_load(PROJECT.contacts_path.read_text(encoding="utf-8"))["contacts"]}
EMERGENCY_NUMBERS = [CONTACTS[i]["phones"][0]["number"] for i in CONFIG["extra"]["emergency_contacts"]]
# The help, Assistance System and reporting pages, each in all its parts (a split page keeps its leaflet).
REQUIRED_LEAFLETS = {"index", "help", "help-after-violence", "more-help", "legal-help",
                     "assistance-system", "assistance-system-help",
                     "reporting-a-crime", "reporting-consequences", "compensation"}


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


def pdf_text(pdf: Path) -> str:
    return normalise(" ".join(page.extract_text() or "" for page in PdfReader(pdf).pages))


def strings(language: str) -> dict:
    english = yaml.safe_load((PROJECT.strings_dir / "en.yml").read_text(encoding="utf-8"))
    own = yaml.safe_load((PROJECT.strings_dir / f"{language}.yml").read_text(encoding="utf-8")) or {}
    return {**english, **{k: v for k, v in own.items() if v}}


def test_every_language_has_every_leaflet(leaflet_site):
    site, done = leaflet_site
    assert REQUIRED_LEAFLETS <= set(leaflets.leaflet_pages(PROJECT))
    for language in PROJECT.languages():
        for name in REQUIRED_LEAFLETS:
            assert (site / "leaflets" / language.code / f"{name}.pdf").stat().st_size > 5000, (language.code, name)


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
        for number in EMERGENCY_NUMBERS:
            assert number in first_page, (leaflet.pdf, number)


def test_arabic_leaflets_are_in_arabic_script(leaflet_site):
    _, done = leaflet_site
    arabic = [leaflet for leaflet, _ in done if leaflet.language == "ar" and leaflet.name == "help"]
    assert arabic
    text = pdf_text(arabic[0].pdf)
    letters = re.findall(r"[^\W\d_]", text)
    assert sum("\u0600" <= letter <= "\u06ff" for letter in letters) / len(letters) > 0.7


def test_no_menu_or_screen_only_text_is_printed(leaflet_site):
    _, done = leaflet_site
    for leaflet, _ in done:
        text = pdf_text(leaflet.pdf)
        ui = strings(leaflet.language)
        # Text that exists only in the screen chrome: exit skip link, footer, download link.
        for key in ("exit_skip_link", "footer_languages", "footer_privacy", "leaflet_download"):
            assert normalise(ui[key].split("{")[0]) not in text, (leaflet.pdf, key)
        # Material's menu would list every page title; "Translation status" is
        # reachable only from there and from the search, never from leaflet text.
        assert "Translation status" not in text and "Skip to content" not in text


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
    for leaflet, _ in done:
        if leaflet.name not in {"help", "index"}:
            continue
        url = qr_payload(leaflet.pdf, tmp_path)
        expected_path = leaflet.html.parent.relative_to(site).as_posix()
        expected = CONFIG["site_url"] + ("" if expected_path == "." else expected_path + "/")
        assert url == expected, leaflet.pdf
        assert urlparse(url).netloc == urlparse(CONFIG["site_url"]).netloc
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
    site, _ = leaflet_site
    copy = tmp_path / "site"
    shutil.copytree(site, copy, ignore=shutil.ignore_patterns("leaflets"))
    monkeypatch.setattr(leaflets, "leaflet_pages", lambda project: ["help-after-violence"])
    monkeypatch.setattr(leaflets, "MAX_PAGES", 1)
    status = leaflets.run(PROJECT, copy)
    out = capsys.readouterr().out
    assert status == 1 and "leaflet-too-long" in out
    assert "docs/en/help-after-violence.md:1: leaflet-too-long: the en leaflet has 2 A4 pages (limit 1)." in out


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
    leaflet = next(leaflet for leaflet, _ in done if leaflet.language == "en")
    page = copy / leaflet.html.relative_to(site)
    page.write_text(re.sub(r'<p class="rg-leaflet"[^>]*>.*?</p>', "", page.read_text(encoding="utf-8"), flags=re.S),
                    encoding="utf-8")
    moved = leaflets.Leaflet(**{**leaflet.__dict__, "html": page, "pdf": copy / leaflet.pdf.relative_to(site)})
    problems = leaflets.link_leaflets([moved], copy)
    assert [(p.code, p.path, p.line) for p in problems] == [("leaflet-no-placeholder", page, 1)]
