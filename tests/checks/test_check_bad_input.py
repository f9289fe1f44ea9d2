"""One bad input per problem code: exact code, file and line, exit status, and
the bad file left exactly as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.checks.checkrun import find, line_of, replace, run_check


# Each case: break the site copy, return (file named, line named, text that must
# appear in the message). `None` as the file means mkdocs.yml.
def ui_yaml(root):
    path = root / "data/strings/fi.yml"
    path.write_text('exit_label: "Poistu\nexit_hint: x\n', encoding="utf-8")
    return path, None, "does not parse"


def ui_unknown_key(root):
    path = root / "data/strings/fi.yml"
    path.write_text("exit_label: Poistu\nexit_labl: Poistu sivulta\n", encoding="utf-8")
    return path, 2, "'exit_labl' does not exist"


def ui_not_text(root):
    path = root / "data/strings/fi.yml"
    path.write_text("exit_label:\n  - Poistu\n", encoding="utf-8")
    return path, 1, "must be text"


def ui_placeholder(root):
    path = root / "data/strings/fi.yml"
    path.write_text('exit_label: Poistu\nexit_sr_count: "Paina vielä {maara} kertaa."\n', encoding="utf-8")
    return path, 2, "placeholders ['maara'] but English has ['count']"


def ui_file_missing(root):
    (root / "data/strings/en.yml").unlink()
    return root / "data/strings/en.yml", 1, "schema for every language"


def contact_yaml(root):
    path = root / "data/contacts.yml"
    replace(path, "  - id: nas\n", "  - id: nas\n   phones: [\n")
    return path, None, "does not parse"


def contact_missing_field(root):
    path = root / "data/contacts.yml"
    replace(path, "    source: https://migri.fi/en/assistance-system-for-victims-of-human-trafficking\n", "")
    return path, line_of(path, "- id: nas"), "contact 'nas' has no 'source'"


def contact_bad_value(root):
    path = root / "data/contacts.yml"
    replace(path, "web: https://ihmiskauppa.fi/", "web: http://ihmiskauppa.fi/")
    return path, line_of(path, "web: http://ihmiskauppa.fi/"), "not an https:// address"


def contact_duplicate_id(root):
    path = root / "data/contacts.yml"
    replace(path, "  - id: pro-tukipiste\n", "  - id: nas\n")
    return path, _second_line(path, "- id: nas"), "used twice"


def _second_line(path: Path, needle: str) -> int:
    lines = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]
    return lines[1]


def contact_bad_phone(root):
    path = root / "data/contacts.yml"
    replace(path, '"+358 295 463 177"', '"+358 (0)295 463 177"')
    return path, line_of(path, "(0)295"), "not digits in groups"


def contact_bad_date(root):
    path = root / "data/contacts.yml"
    text = path.read_text(encoding="utf-8")
    first = text.index("checked: 2026-11-30")
    path.write_text(text[:first] + "checked: last week" + text[first + len("checked: 2026-11-30"):], encoding="utf-8")
    return path, line_of(path, "checked: last week"), "not a date"


def contact_no_text(root):
    path = root / "data/contacts.yml"
    with path.open("a", encoding="utf-8") as handle:
        handle.write("\n  - id: new-line\n    web: https://example.fi/\n    source: https://example.fi/\n"
                     "    checked: 2026-11-01\n    confidence: high\n")
    return root / "data/strings/en.yml", 1, "'contacts.new-line.name'"


def contact_unknown_id(root):
    path = root / "docs/en/help.md"
    replace(path, "[[contact: nas]]", "[[contact: nass]]")
    return path, line_of(path, "[[contact: nass]]"), "contact id 'nass'"


def marker_unknown(root):
    path = root / "docs/fi/help.md"
    replace(path, "[[contact: nas]]", "[[kontakti: nas]]")
    return path, line_of(path, "[[kontakti: nas]]"), "not a known marker"


def language_config(root):
    replace(root / "mkdocs.yml", "          name: Suomi\n", "          name: Suomi\n          default: true\n")
    return None, None, "2 languages are marked 'default: true'"


def language_bad_code(root):
    replace(root / "mkdocs.yml", "        - locale: fi\n", "        - locale: FI\n")
    return None, line_of(root / "mkdocs.yml", "locale: FI"), "'FI' is not a BCP 47 code"


def language_missing_folder(root):
    shutil.rmtree(root / "docs/ar")
    return None, line_of(root / "mkdocs.yml", "locale: ar"), "docs/ar/ does not exist"


def language_unknown(root):
    # A made-up code passes nothing until the table of language facts gains a row.
    replace(root / "mkdocs.yml", "        - locale: ar\n", "        - locale: xx\n")
    (root / "docs/ar").rename(root / "docs/xx")
    (root / "data/strings/ar.yml").rename(root / "data/strings/xx.yml")
    return None, line_of(root / "mkdocs.yml", "locale: xx"), "'xx' has no row in data/languages.yml"


def language_table(root):
    path = root / "data/languages.yml"
    replace(path, "  so: {name: Soomaali, english: Somali, direction: ltr,",
            "  so: {name: Soomaali, english: Somali, direction: sideways,")
    return path, line_of(path, "  so: {"), "direction must be one of"


def language_name_mismatch(root):
    replace(root / "mkdocs.yml", "          name: Suomi\n", "          name: suomi\n")
    return None, line_of(root / "mkdocs.yml", "locale: fi"), "mkdocs.yml names 'fi' 'suomi'"


def language_unknown_folder(root):
    (root / "docs/de").mkdir()
    return root / "docs/de", 1, "docs/de/ is not a configured language"


def language_stray_file(root):
    (root / "docs/notes.md").write_text("# Notes\n", encoding="utf-8")
    return root / "docs/notes.md", 1, "outside every language folder"


def language_unknown_strings(root):
    shutil.copy(root / "data/strings/en.yml", root / "data/strings/de.yml")
    return root / "data/strings/de.yml", 1, "'de', which is not a configured language"


def tr_front_matter(root):
    path = root / "docs/fi/index.md"
    replace(path, "status: draft", "status: finished")
    return path, line_of(path, "status: finished"), "status is 'finished'"


def tr_orphan(root):
    path = root / "docs/fi/apua.md"
    shutil.copy(root / "docs/fi/help.md", path)
    return path, 1, "no English page docs/en/apua.md"


def tr_headings(root):
    path = root / "docs/fi/help.md"
    replace(path, "## Haluatko puhua ensin?", "### Haluatko puhua ensin?")
    return path, line_of(path, "### Haluatko"), "heading 3 is '###' here but '##' in English"


def tr_admonitions(root):
    path = root / "docs/fi/help.md"
    with path.open("a", encoding="utf-8") as handle:
        handle.write('\n!!! tip "Vinkki"\n    Soita.\n')
    return path, line_of(path, "!!! tip"), "1 boxes vs 0 in help.md (English)"


def tr_glossary_links(root):
    path = root / "docs/fi/index.md"
    replace(path, "Lue [mistä saat apua](help.md).", "Lue [mistä saat apua](help.md). [Avustaja](glossary.md#counsel).")
    return path, line_of(path, "glossary.md#counsel"), "extra glossary link 'glossary.md#counsel'"


def tr_links(root):
    path = root / "docs/fi/index.md"
    replace(path, "(help.md)", "(apua.md)")
    return path, line_of(path, "(apua.md)"), "link 1 is 'apua.md' here but 'help.md' in English"


def tr_images(root):
    path = root / "docs/ar/index.md"
    replace(path, "اقرأ", "![صورة](map.png) اقرأ")
    return path, line_of(path, "map.png"), "extra image 'map.png'"


def tr_markers(root):
    path = root / "docs/ar/help.md"
    replace(path, "[[contact: emergency-112]]", "")
    return path, line_of(path, "[[contact: nas]]"), "contact marker 1 is '[[contact:nas]]' here but '[[contact:emergency-112]]'"


def tr_phones(root):
    path = root / "docs/fi/index.md"
    replace(path, "[[phone: nas]]", "029 546 3177")
    return path, line_of(path, "029 546 3177"), "phone number 0295463177 is not in the English page"


def tr_emails(root):
    path = root / "docs/fi/index.md"
    replace(path, "milloin tahansa.", "milloin tahansa tai kirjoittaa osoitteeseen apu@example.fi.")
    return path, line_of(path, "apu@example.fi"), "'apu@example.fi' is not in the English page"


def tr_urls(root):
    path = root / "docs/fi/index.md"
    replace(path, "milloin tahansa.", "milloin tahansa: https://example.fi/apu")
    return path, line_of(path, "https://example.fi/apu"), "'https://example.fi/apu' is not in the English page"


def tr_numbers(root):
    path = root / "docs/fi/help.md"
    replace(path, "Soita 112.", "Soita hätänumeroon.")
    return path, line_of(path, "## Oletko vaarassa nyt?"), "number '112' from English line"


def unsafe_markup(root):
    path = root / "docs/fi/index.md"
    replace(path, "Lue [mistä", '<img src="https://tracker.example/pixel.gif">\n\nLue [mistä')
    return path, line_of(path, "tracker.example"), "a resource from another host"


ERROR_CASES = {
    "ui-yaml": ui_yaml,
    "ui-unknown-key": ui_unknown_key,
    "ui-not-text": ui_not_text,
    "ui-placeholder": ui_placeholder,
    "ui-file-missing": ui_file_missing,
    "contact-yaml": contact_yaml,
    "contact-missing-field": contact_missing_field,
    "contact-bad-value": contact_bad_value,
    "contact-duplicate-id": contact_duplicate_id,
    "contact-bad-phone": contact_bad_phone,
    "contact-bad-date": contact_bad_date,
    "contact-no-text": contact_no_text,
    "contact-unknown-id": contact_unknown_id,
    "marker-unknown": marker_unknown,
    "language-config": language_config,
    "language-bad-code": language_bad_code,
    "language-missing-folder": language_missing_folder,
    "language-unknown": language_unknown,
    "language-table": language_table,
    "language-name-mismatch": language_name_mismatch,
    "language-unknown-folder": language_unknown_folder,
    "language-stray-file": language_stray_file,
    "language-unknown-strings": language_unknown_strings,
    "tr-front-matter": tr_front_matter,
    "tr-orphan": tr_orphan,
    "tr-headings": tr_headings,
    "tr-admonitions": tr_admonitions,
    "tr-glossary-links": tr_glossary_links,
    "tr-links": tr_links,
    "tr-images": tr_images,
    "tr-markers": tr_markers,
    "tr-phones": tr_phones,
    "tr-emails": tr_emails,
    "tr-urls": tr_urls,
    "tr-numbers": tr_numbers,
    "unsafe-markup": unsafe_markup,
}


def snapshot(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts}


@pytest.mark.parametrize("code", sorted(ERROR_CASES))
def test_bad_input_is_reported(fixture_site, code):
    path, line, words = ERROR_CASES[code](fixture_site)
    path = path or fixture_site / "mkdocs.yml"
    before = snapshot(fixture_site)

    status, problems, text = run_check(fixture_site)

    assert status == 1, text
    found = find(problems, code)
    assert found, f"no {code} in:\n{text}"
    named = [p for p in found if Path(fixture_site / p["path"]) == path]
    assert named, f"{code} does not name {path}:\n{text}"
    if line is not None:
        assert any(int(p["line"]) == line for p in named), f"{code} not at line {line}:\n{text}"
    assert any(words in p["rest"] for p in named), f"{words!r} not in:\n{text}"
    assert all(" Fix: " in p["rest"] for p in found), "every problem says how to fix it"
    assert snapshot(fixture_site) == before, "the check must not change any file"
