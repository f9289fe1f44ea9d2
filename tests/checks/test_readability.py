"""The readability check: bad input per code, and the sentence splitter."""

from __future__ import annotations

import re
from pathlib import Path

from rights_guide.checks import readability
from tests.checks.checkrun import find, run_check

FRONT = "---\ntitle: Test\n---\n\n# Test\n\n"


def write(path: Path, body: str) -> Path:
    path.write_text(FRONT + body, encoding="utf-8")
    return path


def test_plain_page_has_no_problems(tmp_path):
    page = write(tmp_path / "p.md", "You can get help. Call the helpline.\n\n- It is free.\n- It is open now.\n")
    assert readability.check_page(page) == []


def test_long_sentence_is_reported_at_its_line(tmp_path):
    long = " ".join(["word"] * 30) + "."
    page = write(tmp_path / "p.md", "Short one.\n\n" + long + "\n")
    problems = readability.check_page(page)
    (problem,) = [p for p in problems if p.code == "readability-long-sentence"]
    assert problem.line == 9
    assert "30 words (limit 25)" in problem.message


def test_high_average_is_reported(tmp_path):
    sentence = " ".join(["word"] * 20) + ". "
    page = write(tmp_path / "p.md", sentence * 5 + "\n")
    codes = {p.code: p for p in readability.check_page(page)}
    assert "readability-average" in codes
    assert "20.0 words (limit 15)" in codes["readability-average"].message


def test_long_words_raise_lix(tmp_path):
    page = write(tmp_path / "p.md", "Administrative proceedings necessitate documentation. " * 4 + "\n")
    codes = {p.code: p for p in readability.check_page(page)}
    assert "readability-lix" in codes
    assert codes["readability-lix"].line == 1


def test_markup_is_not_counted(tmp_path):
    text = ("## A very long heading that has many many words in it and is not a sentence at all ok\n\n"
            "Read [the page about your rights and duties](your-rights-and-duties.md#long-anchor).\n\n"
            "[[contact: nas]]\n\n```\ncode code code code code code code code code code code code code\n```\n")
    result = readability.score(FRONT + text)
    assert [s.words for s in result.sentences] == [8]


def test_list_items_are_separate_sentences(tmp_path):
    result = readability.score(FRONT + "- one two\n- three four five\n")
    assert [s.words for s in result.sentences] == [2, 3]


def test_check_command_reports_english_pages_only(fixture_site):
    long = " ".join(["word"] * 30) + "."
    (fixture_site / "docs/en/untranslated.md").write_text(FRONT + long + "\n", encoding="utf-8")
    (fixture_site / "docs/fi/untranslated.md").write_text(FRONT + long + "\n", encoding="utf-8")
    status, problems, text = run_check(fixture_site)
    assert status == 1
    found = find(problems, "readability-long-sentence")
    assert [p["path"] for p in found] == ["docs/en/untranslated.md"], text
    assert found[0]["line"] == "7"


def set_first_read_pages(root: Path, pages: str) -> None:
    config = root / "mkdocs.yml"
    text = re.sub(r"\n  first_read_pages: \[[^\]]*\]", "", config.read_text(encoding="utf-8"))
    config.write_text(text.replace("\nextra:\n", f"\nextra:\n  first_read_pages: [{pages}]\n", 1), encoding="utf-8")


def test_pages_read_first_allow_20_words_a_sentence(fixture_site):
    # mkdocs.yml extra.first_read_pages: the pages a person in danger reads first.
    page = fixture_site / "docs/en/help.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n" + " ".join(["word"] * 22) + ".\n", encoding="utf-8")
    set_first_read_pages(fixture_site, "")
    status, problems, text = run_check(fixture_site)
    assert not [p for p in find(problems, "readability-long-sentence") if p["path"].endswith("en/help.md")], text
    set_first_read_pages(fixture_site, "help.md")
    status, problems, text = run_check(fixture_site)
    (long,) = [p for p in find(problems, "readability-long-sentence") if p["path"].endswith("en/help.md")]
    assert status == 1 and "22 words (limit 20 on a page read first)" in long["rest"]
