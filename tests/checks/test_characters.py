"""Characters a reviewer cannot see: bad input per code, and the marks
translators type on purpose, which are not reported."""

from __future__ import annotations

import pytest

from rights_guide.model import characters
from tests.checks import badsite
from tests.checks.checkrun import find, run_check

CASES = {
    # code: (page, line, words in the message)
    "char-bidi": ("docs/ar/help.md", "\u202e", "U+202E RIGHT-TO-LEFT OVERRIDE"),
    "char-invisible": ("docs/fi/help.md", "\u200b", "U+200B ZERO WIDTH SPACE in '1<U+200B>12.'"),
    "char-digits": ("docs/fi/help.md", "Soita \uff11", "U+FF11 FULLWIDTH DIGIT ONE, U+FF12 FULLWIDTH DIGIT TWO"),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_bad_character_is_reported_with_its_code_point(fixture_site, code):
    path, line, words = CASES[code]
    badsite.reported(fixture_site, code, code, path, line, words)


def test_a_missing_number_names_the_invisible_character_that_split_it(fixture_site):
    found = badsite.reported(fixture_site, "char-invisible", "tr-numbers", "docs/fi/help.md",
                             "## Oletko vaarassa nyt?", "'112' from English line 9 is missing in this section.")
    assert "line 11 has U+200B ZERO WIDTH SPACE in '1<U+200B>12.'" in found[0]["rest"]


@pytest.mark.parametrize("text", [
    "اتصل بالرقم 112\u200f.",        # RLM after a number in Arabic text
    "\u200e112 رقم",                  # LRM before a number
    "می\u200cخواهم",                  # ZWNJ inside a Persian word
    "فایل PDF\u200cها",               # ZWNJ between a Latin word and a Persian suffix
    "👩\u200d💻",                      # ZWJ in an emoji
])
def test_marks_translators_type_are_not_reported(text):
    assert characters.findings(text) == []


@pytest.mark.parametrize("text, kind", [
    ("11\u200e2", "invisible"),            # a direction mark inside a number
    ("help.md\u2060#x", "invisible"),     # word joiner inside a link target
    ("\u2067112\u2069", "bidi"),          # an isolate is still a reordering control
    ("٣", "digits"),
])
def test_characters_inside_tokens_are_reported(text, kind):
    assert [f.kind for f in characters.findings(text)][:1] == [kind]


def test_the_fixture_site_has_no_character_problems(fixture_site):
    _, problems, text = run_check(fixture_site)
    assert [p for p in problems if p["code"].startswith("char-")] == [], text
    assert find(problems, "tr-numbers") == []
