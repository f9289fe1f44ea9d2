"""Checks beyond one bad input per code: warnings that must not fail the check,
a second message of a code, and translations read against the English version
they were made from (a git history). One bad input per code is in
test_check_bad_input.py, from the folders in tests/fixtures/bad/."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.checks.checkrun import find, replace, run_check


def test_fixture_site_is_clean(fixture_site):
    status, problems, text = run_check(fixture_site)
    assert status == 0, text
    assert [p for p in problems if "warning:" not in p["rest"]] == []


def test_missing_translation_key_is_a_warning_not_an_error(fixture_site):
    path = fixture_site / "data/strings/fi.yml"
    path.write_text("exit_label: Poistu sivulta\n", encoding="utf-8")
    status, problems, text = run_check(fixture_site)
    assert status == 0, text
    missing = find(problems, "ui-missing-key")
    assert any("'exit_hint' is not translated" in p["rest"] and "warning:" in p["rest"] for p in missing)
    assert text.rstrip().splitlines()[-1].startswith("0 error(s), ")


def test_missing_strings_file_for_a_translation_is_a_warning(fixture_site):
    (fixture_site / "data/strings/ar.yml").unlink()
    status, problems, text = run_check(fixture_site)
    assert status == 0, text
    (warning,) = find(problems, "language-missing-strings")
    assert "warning:" in warning["rest"] and "'ar'" in warning["rest"]


def test_future_check_date_is_rejected(fixture_site):
    path = fixture_site / "data/contacts.yml"
    replace(path, "checked: 2026-11-30", "checked: 2999-01-01")
    status, problems, text = run_check(fixture_site)
    assert status == 1
    assert any("in the future" in p["rest"] for p in find(problems, "contact-bad-date")), text


def test_unverified_confidence_is_rejected(fixture_site):
    path = fixture_site / "data/contacts.yml"
    replace(path, "confidence: medium", "confidence: unverified")
    status, problems, text = run_check(fixture_site)
    assert status == 1
    assert any("unverified details are never published" in p["rest"] for p in find(problems, "contact-bad-value"))


def test_an_empty_key_left_to_translate_is_named_at_its_own_line(fixture_site):
    path = fixture_site / "data/strings/fi.yml"
    path.write_text('exit_label: Poistu sivulta\n# Leave this page\nexit_hint: ""\n', encoding="utf-8")
    status, problems, text = run_check(fixture_site)
    assert status == 0, text
    (hint,) = [p for p in find(problems, "ui-missing-key") if "'exit_hint'" in p["rest"]]
    assert hint["path"].endswith("data/strings/fi.yml") and int(hint["line"]) == 3
    assert "Fix: translate it on this line:" in hint["rest"]


def git_site(root: Path) -> None:
    """Make the site copy a git repository, so translations' English versions can be read back."""
    for command in (["init", "-q"], ["add", "-A"],
                    ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "site"]):
        subprocess.run(["git", *command], cwd=root, check=True, capture_output=True)


def test_an_english_only_correction_makes_translations_outdated_not_broken(fixture_site):
    # An author corrects a number and adds a section in English without touching the
    # translations: the Finnish page is outdated (warnings), and check still passes.
    git_site(fixture_site)
    english = fixture_site / "docs/en/help.md"
    replace(english, "Call 112.\n", "Call 112. Text 112 if you cannot speak.\n\n## Where is help at night?\n\nCall 116 006.\n")
    status, problems, text = run_check(fixture_site)
    assert status == 0, text
    outdated = find(problems, "tr-outdated")
    assert any("English changed after this translation" in p["rest"] for p in outdated), text
    assert all(p["path"].endswith("docs/fi/help.md") or p["path"].endswith("docs/ar/help.md") for p in outdated)


def test_a_translation_broken_from_the_start_stays_an_error_when_english_changes(fixture_site):
    git_site(fixture_site)
    finnish = fixture_site / "docs/fi/help.md"
    replace(finnish, "Soita 112.\n", "Soita 113.\n")  # wrong already against the English it came from
    replace(fixture_site / "docs/en/help.md", "## Do you want to talk first?", "## Do you want to talk to someone first?")
    status, problems, text = run_check(fixture_site)
    assert status == 1, text
    (error,) = [p for p in find(problems, "tr-numbers") if p["path"].endswith("docs/fi/help.md")]
    assert "112" in error["rest"] and "warning:" not in error["rest"]


def test_a_typed_phone_number_followed_by_a_comma_or_full_stop_is_still_seen(fixture_site):
    page = fixture_site / "docs/fi/index.md"
    for ending in (",", "."):
        text = page.read_text(encoding="utf-8")
        page.write_text(text + f"\nSoita numeroon 029 546 3177{ending} jos tarvitset apua.\n", encoding="utf-8")
        status, problems, report = run_check(fixture_site)
        phones = find(problems, "tr-phones")
        assert status == 1 and any("0295463177" in p["rest"] for p in phones), report
        page.write_text(text, encoding="utf-8")


def test_decimals_and_thousands_are_not_phone_numbers():
    from rights_guide.checks.tokens import PHONE
    assert [m.group(0) for m in PHONE.finditer("1 234 567,50 euroa; 12 345.5; 010 123 4567.")] == ["010 123 4567"]
