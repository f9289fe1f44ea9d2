"""Markup and quotes in a page's front matter or in a UI string are shown as
text in the built page, never run as HTML (rights_guide/build/escaping.py)."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from tests.conftest import mkdocs_build

INJECTED = '"><meta http-equiv="refresh" content="0;url=https://example.org/"> & \'x\''


def set_value(path, key: str, value: str) -> None:
    """Set a top-level `key:` line (or the first line of a nested one) to `value`, YAML-quoted."""
    quoted = "'" + value.replace("'", "''") + "'"
    lines = path.read_text(encoding="utf-8").splitlines()
    index = next(i for i, line in enumerate(lines) if line.strip().startswith(f"{key}:"))
    indent = lines[index][: len(lines[index]) - len(lines[index].lstrip())]
    lines[index] = f"{indent}{key}: {quoted}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def test_markup_and_quotes_in_front_matter_and_strings_are_text(fixture_site):
    page = fixture_site / "docs/en/index.md"
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace("title: Start\n", f"title: 'Start {INJECTED.replace(chr(39), chr(39) * 2)}'\n"
                                 f"description: 'About {INJECTED.replace(chr(39), chr(39) * 2)}'\n")
                    .replace("  - title: Example source\n", f"  - title: 'Source {INJECTED.replace(chr(39), chr(39) * 2)}'\n"),
                    encoding="utf-8")
    strings = fixture_site / "data/strings/en.yml"
    for key in ("exit_overlay", "emergency_heading", "last_checked", "contact_source", "sources_heading"):
        original = next(line.split(": ", 1)[1].strip('"') for line in strings.read_text(encoding="utf-8").splitlines()
                        if line.startswith(f"{key}:"))
        set_value(strings, key, original + " " + INJECTED)
    set_value(strings, "name", "Emergency " + INJECTED)  # contacts.emergency-112.name: the card and the box

    site = fixture_site.parent / "out"
    result = mkdocs_build(fixture_site, site)
    assert result.returncode == 0, result.stderr

    for html_file in site.rglob("*.html"):
        html = html_file.read_text(encoding="utf-8")
        assert 'http-equiv="refresh"' not in html, html_file
        assert "&amp;lt;" not in html and "&amp;amp;" not in html and "&amp;#" not in html, f"escaped twice: {html_file}"

    soup = BeautifulSoup((site / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert soup.find("meta", attrs={"name": "description"})["content"] == "About " + INJECTED
    assert soup.title.string.startswith("Start " + INJECTED)
    assert soup.find(attrs={"data-rg-exit": True})["data-overlay"].endswith(" " + INJECTED)
    assert soup.find(class_="rg-emergency__heading").get_text().endswith(" " + INJECTED)
    assert soup.find(class_="rg-emergency__name").get_text() == "Emergency " + INJECTED
    checked = soup.find(class_="rg-page-meta__checked")
    assert checked.find("time") is not None and checked.get_text().endswith(" " + INJECTED)
    assert soup.find(class_="rg-page-meta__sources").find("a").get_text() == "Source " + INJECTED
    assert soup.find(class_="rg-page-meta__sources-heading").get_text().endswith(" " + INJECTED)

    help_page = BeautifulSoup((site / "help/index.html").read_text(encoding="utf-8"), "html.parser")
    card = help_page.find(id="contact-emergency-112")
    assert card.find(class_="rg-contact__name").get_text() == "Emergency " + INJECTED
    source = card.find(class_="rg-contact__source")
    assert source.find("a") is not None and source.find("time") is not None
    assert re.search(re.escape(INJECTED) + "$", source.get_text())
