"""Every file in a translation's folder is a page with an English page at the same path."""

from __future__ import annotations

import pytest

from tests.checks import badsite
from tests.checks.checkrun import run_check


def test_a_leftover_file_is_reported_with_the_english_page_it_should_match(fixture_site):
    badsite.reported(fixture_site, "tr-file-name", "tr-file-name", "docs/fi/help.md.orig", 1,
                     "a '.orig' file, not a translated page: only .md files with the path of an English page "
                     "belong in a language folder. It should match docs/en/help.md.")


@pytest.mark.parametrize("path, code, words", [
    ("docs/fi/Help.md", "tr-orphan", "no English page docs/en/Help.md. It should match docs/en/help.md."),
    ("docs/fi/sub/help.md", "tr-orphan", "no English page docs/en/sub/help.md. It should match docs/en/help.md."),
    ("docs/fi/index.markdown", "tr-file-name", "a '.markdown' file, not a translated page"),
    ("docs/fi/help.html", "tr-file-name", "It should match docs/en/help.md."),
    ("docs/fi/index.md.bak", "tr-file-name", "a '.bak' file"),
])
def test_misnamed_files_are_reported(fixture_site, path, code, words):
    badsite.reported(fixture_site, "misnamed-files", code, path, 1, words)


def test_a_misnamed_page_is_not_compared_as_a_translation(fixture_site):
    badsite.apply(fixture_site, "misnamed-files")
    _, problems, text = run_check(fixture_site)
    assert {p["code"] for p in problems if "Help.md" in p["path"] or "sub/" in p["path"]} == {"tr-orphan"}, text
