"""Hooks stop the build with the file and line when data or markers are wrong."""

from __future__ import annotations

from tests.conftest import mkdocs_build


def build(root):
    return mkdocs_build(root, root.parent / "out")


def test_unknown_contact_id_fails_the_build_with_path_and_line(fixture_site):
    page = fixture_site / "docs/fi/help.md"
    page.write_text(page.read_text(encoding="utf-8").replace("[[contact: nas]]", "[[contact: nas-hotline]]"),
                    encoding="utf-8")
    line = page.read_text(encoding="utf-8").splitlines().index("[[contact: nas-hotline]]") + 1

    result = build(fixture_site)

    assert result.returncode != 0
    assert f"docs/fi/help.md:{line}: contact-unknown-id:" in result.stderr + result.stdout


def test_broken_strings_file_fails_the_build_with_path_and_line(fixture_site):
    (fixture_site / "data/strings/ar.yml").write_text('exit_label: "اخرج\n', encoding="utf-8")
    result = build(fixture_site)
    assert result.returncode != 0
    assert "data/strings/ar.yml:2: ui-yaml: YAML does not parse" in result.stderr + result.stdout


def test_bad_contact_data_fails_the_build(fixture_site):
    contacts = fixture_site / "data/contacts.yml"
    text = contacts.read_text(encoding="utf-8")
    assert '"0800 000 000"' in text, "the fixture's made-up example-line has this number"
    contacts.write_text(text.replace('"0800 000 000"', '"0800-000-000"'), encoding="utf-8")
    result = build(fixture_site)
    assert result.returncode != 0
    assert "contact-bad-phone" in result.stderr + result.stdout


def test_unknown_emergency_contact_fails_the_build(fixture_site):
    config = fixture_site / "mkdocs.yml"
    config.write_text(config.read_text(encoding="utf-8").replace(
        "emergency_contacts: [emergency-112, nas]", "emergency_contacts: [emergency-112, hotline]"), encoding="utf-8")
    result = build(fixture_site)
    assert result.returncode != 0
    assert "extra.emergency_contacts names unknown contact id 'hotline'" in result.stderr + result.stdout
