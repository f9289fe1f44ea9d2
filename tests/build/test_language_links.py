"""The Markdown extension that labels links to pages not translated yet
(rights_guide/build/language_links.py), on its own and in a fixture build."""

from __future__ import annotations

from pathlib import Path, PurePosixPath
from xml.etree.ElementTree import Element, SubElement, tostring

import markdown
from bs4 import BeautifulSoup

from rights_guide.build.language_links import add_label, untranslated_target
from tests.conftest import mkdocs_build


def test_a_link_is_untranslated_when_only_the_default_language_has_the_page(tmp_path: Path):
    fi, en = tmp_path / "fi", tmp_path / "en"
    for folder in (fi, en):
        (folder / "sub").mkdir(parents=True)
        (folder / "help.md").write_text("x")
    (en / "only.md").write_text("x")
    (en / "sub" / "deep.md").write_text("x")
    page = PurePosixPath("index.md")
    assert untranslated_target("only.md", page, fi, en)
    assert untranslated_target("only.md#part", page, fi, en)
    assert untranslated_target("../only.md", PurePosixPath("sub/page.md"), fi, en)
    assert untranslated_target("sub/deep.md", page, fi, en)
    assert not untranslated_target("help.md", page, fi, en)
    assert not untranslated_target("missing.md", page, fi, en)
    for other in ("https://example.org/only.md", "#top", "mailto:a@b.fi", "/only.md", "../../only.md"):
        assert not untranslated_target(other, page, fi, en), other


def test_the_label_goes_inside_the_link_after_its_text():
    link = Element("a")
    link.text = "read"
    add_label(link, "(in English)")
    assert tostring(link, encoding="unicode") == '<a>read <span class="rg-link-language">(in English)</span></a>'
    nested = Element("a")
    SubElement(nested, "strong").text = "bold"
    add_label(nested, "(in English)")
    assert tostring(nested, encoding="unicode").startswith("<a><strong>bold</strong> <span")


def test_outside_mkdocs_the_extension_changes_nothing():
    html = markdown.markdown("[x](only.md)", extensions=["rights_guide.build.language_links"])
    assert html == '<p><a href="only.md">x</a></p>'


def test_fixture_translation_links_to_the_untranslated_page_in_english(fixture_site):
    page = fixture_site / "docs/fi/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n[Vain englanniksi](untranslated.md)\n", encoding="utf-8")
    site = fixture_site.parent / "out"
    result = mkdocs_build(fixture_site, site)
    assert result.returncode == 0, result.stderr
    soup = BeautifulSoup((site / "fi/index.html").read_text(encoding="utf-8"), "html.parser")
    link = soup.select_one('article a[href="untranslated/"]')
    assert link["hreflang"] == "en"
    assert link.select_one(".rg-link-language").get_text() == "(englanniksi)"
    translated = soup.select_one('article a[href="help/"]')
    assert translated is not None and translated.get("hreflang") is None and not translated.select(".rg-link-language")
