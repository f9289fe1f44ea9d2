"""Strings and contact data are checked like pages: facts the same as English,
no markup, and contact details checked within the review interval."""

from __future__ import annotations

import pytest

from tests.checks.badcase import apply, assert_reported, line_of
from tests.checks.checkrun import find, run_check

# code -> (file named, text on the line named, words in the message, exit status)
CASES = {
    "ui-facts": ("data/strings/fi.yml", "call_always_open:", "number '7' from English is missing; "
                 "number '6' is not in the English text", 1),
    "ui-markup": ("data/strings/fi.yml", "exit_overlay:", "holds an HTML tag ('<meta http-e'...)", 1),
    "contact-review-due": ("data/contacts.yml", "checked: 1999-01-01", "Its confidence is 'high'", 0),
}


@pytest.mark.parametrize("code", sorted(CASES))
def test_bad_input_kept_as_files_is_reported(fixture_site, code):
    relative, needle, words, status = CASES[code]
    apply(code, fixture_site)
    assert_reported(fixture_site, code, relative, line_of(fixture_site / relative, needle), words, status)


def set_string(site, language: str, key: str, value: str):
    """Replace one top-level or `contacts.<id>.<field>` value in a strings file."""
    path = site / f"data/strings/{language}.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    *parents, name = key.split(".")
    depth, index = 0, 0
    for parent in parents:
        index = next(i for i in range(index, len(lines)) if lines[i].strip().startswith(f"{parent}:")
                     and len(lines[i]) - len(lines[i].lstrip()) == depth)
        depth += 2
    index = next(i for i in range(index, len(lines)) if lines[i].strip().startswith(f"{name}:")
                 and len(lines[i]) - len(lines[i].lstrip()) == depth)
    lines[index] = " " * depth + f"{name}: {value}"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, index + 1


def problems_at(site, code: str, path, line: int):
    status, problems, text = run_check(site)
    relative = path.relative_to(site).as_posix()
    return status, [p for p in find(problems, code) if p["path"] == relative and int(p["line"]) == line], text


@pytest.mark.parametrize("key, value, words", [
    ("contacts.example-line.hours", '"Maanantaisin 9–13"',
     "number '12' from English is missing; number '13' is not in the English text"),
    ("contacts.nas.purpose", '"Soita numeroon 029 546 3177, jos tarvitset apua."',
     "phone number '0295463177' is not in the English text"),
    ("contacts.nas.purpose", '"Kirjoita osoitteeseen apu@example.fi."', "e-mail address 'apu@example.fi'"),
    ("footer_privacy", '"Katso https://example.org/seuranta."', "web address 'https://example.org/seuranta'"),
])
def test_a_changed_fact_in_a_string_is_an_error_at_its_line(fixture_site, key, value, words):
    path, line = set_string(fixture_site, "fi", key, value)
    status, found, text = problems_at(fixture_site, "ui-facts", path, line)
    assert status == 1 and found and words in found[0]["rest"], text


@pytest.mark.parametrize("key, value", [
    ("call_always_open", '"مفتوح ٢٤/٧"'),  # Arabic-Indic digits
    ("exit_sr_count_one", '"Shift، اضغط مرة واحدة أخرى للخروج."'),  # "1" written as a word
    ("contacts.example-line.hours", '"أيام الاثنين، الساعة 09.00–12.00"'),  # the same hours, another form
])
def test_the_same_facts_in_another_form_are_accepted(fixture_site, key, value):
    path, line = set_string(fixture_site, "ar", key, value)
    status, found, text = problems_at(fixture_site, "ui-facts", path, line)
    assert found == [], text


@pytest.mark.parametrize("value, words", [
    ('"Poistu &amp; unohda"', "an HTML entity ('&amp; unohda'...)"),
    ('"Poistu [tästä](https://example.org/)"', "Markdown link syntax"),
    ('"<script>alert(1)</script>"', "an HTML tag ('<script>aler'...)"),
])
def test_markup_in_a_string_is_refused(fixture_site, value, words):
    path, line = set_string(fixture_site, "fi", "exit_label", value)
    status, found, text = problems_at(fixture_site, "ui-markup", path, line)
    assert status == 1 and found and words in found[0]["rest"], text


def test_markup_in_the_english_strings_is_refused_too(fixture_site):
    path, line = set_string(fixture_site, "en", "exit_label", '"Exit <b>now</b>"')
    status, found, text = problems_at(fixture_site, "ui-markup", path, line)
    assert status == 1 and found, text


@pytest.mark.parametrize("old, new, words", [
    ("web: https://ihmiskauppa.fi/", 'web: "https://ihmiskauppa.fi/\\"><script>x</script>"', "not an https:// address"),
    ("email: ihmiskauppa.auttamisjarjestelma@migri.fi", "email: '<b>x@migri.fi'", "not an e-mail address"),
    ("      - number: \"0800 000 000\"\n        free: true\n",
     "      - number: \"0800 000 000\"\n        free: true\n        label: \"<i>night</i>\"\n", "holds an HTML tag"),
])
def test_markup_in_contact_data_is_refused(fixture_site, old, new, words):
    path = fixture_site / "data/contacts.yml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    status, problems, out = run_check(fixture_site)
    assert status == 1
    assert any(words in p["rest"] for p in find(problems, "contact-bad-value")), out


def test_the_review_interval_comes_from_the_configuration(fixture_site):
    config = fixture_site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(text.replace("  generator: false\n", "  generator: false\n  review_interval_days: 30\n"),
                      encoding="utf-8")
    contacts = fixture_site / "data/contacts.yml"
    contacts.write_text(contacts.read_text(encoding="utf-8").replace("checked: 2026-11-30", "checked: 2020-06-01", 1),
                        encoding="utf-8")
    status, problems, out = run_check(fixture_site)
    due = find(problems, "contact-review-due")
    assert status == 0 and len(due) == 1 and "review interval: 30 days" in due[0]["rest"], out

    config.write_text(text.replace("  generator: false\n", "  generator: false\n  review_interval_days: soon\n"),
                      encoding="utf-8")
    status, problems, out = run_check(fixture_site)
    assert status == 1 and any("review_interval_days is 'soon'" in p["rest"] for p in find(problems, "contact-bad-value"))


def test_a_date_and_time_as_checked_is_read_as_its_date(fixture_site):
    contacts = fixture_site / "data/contacts.yml"
    contacts.write_text(contacts.read_text(encoding="utf-8").replace("checked: 2026-11-30", "checked: 2026-11-30 10:00:00", 1),
                        encoding="utf-8")
    status, problems, out = run_check(fixture_site)
    assert status == 0, out
