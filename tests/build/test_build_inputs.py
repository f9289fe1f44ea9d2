"""A file the pages read that cannot be read stops the build before any page,
with the check's `path:line: code:` line: never a traceback, never another page blamed."""

from __future__ import annotations

import pytest

from tests.conftest import mkdocs_build

CASES = {
    "page not UTF-8": ("docs/fi/help.md", lambda text: text.encode("utf-8") + b"Yst\xe4v\xe4\n",
                       "docs/fi/help.md:18: file-encoding: the file is not UTF-8 text: byte 0xe4 at byte offset"),
    "impossible date in a translation's front matter": (
        "docs/fi/help.md", lambda text: text.replace("title: Apu", "title: Apu\nlast_reviewed: 2026-02-30").encode(),
        "docs/fi/help.md:3: tr-front-matter: 2026-02-30 is not a real date: February 2026 has 28 days."),
    "impossible date in an English page's front matter": (
        "docs/en/index.md", lambda text: text.replace("last_reviewed: 2026-11-30", "last_reviewed: 2026-02-30").encode(),
        "docs/en/index.md:3: front-matter-yaml: 2026-02-30 is not a real date"),
    "impossible date in the contacts": (
        "data/contacts.yml", lambda text: text.replace("checked: 2026-11-30", "checked: 2026-02-30", 1).encode(),
        ": contact-bad-date: 2026-02-30 is not a real date"),
    "strings not UTF-8": ("data/strings/ar.yml", lambda text: text.encode("utf-8") + b"x: \xff\n",
                          "data/strings/ar.yml:"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_unreadable_input_stops_the_build_naming_itself(fixture_site, case):
    relative, change, expected = CASES[case]
    path = fixture_site / relative
    path.write_bytes(change(path.read_text(encoding="utf-8")))
    result = mkdocs_build(fixture_site, fixture_site.parent / "out")
    output = result.stderr + result.stdout
    assert result.returncode != 0
    assert expected in output, output
    assert "Traceback" not in output and "Error reading page" not in output, output
