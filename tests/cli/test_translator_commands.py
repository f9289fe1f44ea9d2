"""Translation checks that warn, unsafe markup in every form, and the
translator's commands: mark-translated, diff, status, new-language."""

from __future__ import annotations

import subprocess

import pytest

from rights_guide.model import translations
from rights_guide.cli import main
from rights_guide.model.project import Project
from tests.conftest import CHECKOUT, mkdocs_build
from tests.checks.checkrun import find, line_of, replace, run_check


def test_extra_number_is_only_a_warning(fixture_site):
    path = fixture_site / "docs/fi/help.md"
    replace(path, "Soita 112.", "Soita 112 (maksuton, 24/7).")
    status, problems, text = run_check(fixture_site)
    assert status == 0, text
    extra = find(problems, "tr-numbers-extra")
    assert {p["rest"].split("'")[1] for p in extra} == {"24/7"} or {"24", "7"} <= {p["rest"].split("'")[1] for p in extra}
    assert all(p["line"] == str(line_of(path, "Soita 112")) for p in extra)


def test_english_left_untranslated_is_a_warning(fixture_site):
    english = (fixture_site / "docs/en/index.md").read_text(encoding="utf-8")
    translated = fixture_site / "docs/fi/index.md"
    header = translated.read_text(encoding="utf-8").split("---", 2)[1]
    translated.write_text("---" + header + "---" + english.split("---", 2)[2], encoding="utf-8")
    status, problems, text = run_check(fixture_site)
    (warning,) = find(problems, "tr-untranslated")
    assert warning["path"] == "docs/fi/index.md" and "warning:" in warning["rest"]


def test_page_not_in_the_languages_script_is_a_warning(fixture_site):
    path = fixture_site / "docs/ar/help.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("اتصل بالرقم 112.", "Soita numeroon 112, jos olet vaarassa nyt ja tarvitset apua."),
                    encoding="utf-8")
    path.write_text(path.read_text(encoding="utf-8").replace("هل تريد أن تتحدث أولاً؟", "Haluatko puhua ensin?"),
                    encoding="utf-8")
    status, problems, text = run_check(fixture_site)
    assert any(p["path"] == "docs/ar/help.md" for p in find(problems, "tr-wrong-script")), text


@pytest.mark.parametrize("markup, words", [
    ("<script>alert(1)</script>", "a <script> element"),
    ('<iframe src="https://video.example/"></iframe>', "a <iframe> element"),
    ('<style>body{}</style>', "a <style> element"),
    ('<object data="x.swf"></object>', "a <object> element"),
    ('<embed src="x.swf">', "a <embed> element"),
    ('<span onclick="steal()">Hi</span>', "an event-handler attribute (onclick)"),
    ("[Click](javascript:steal())", "a javascript: link"),
    ("![Map](https://maps.example/tile.png)", "an image from another host"),
    ('<video src="//cdn.example/v.mp4"></video>', "a resource from another host"),
    ('<span style="background: url(https://t.example/x.png)">x</span>', "a CSS resource from another host"),
])
def test_unsafe_markup_is_an_error_in_any_language(fixture_site, markup, words):
    path = fixture_site / "docs/en/untranslated.md"
    path.write_text(path.read_text(encoding="utf-8") + f"\n{markup}\n", encoding="utf-8")
    status, problems, text = run_check(fixture_site)
    assert status == 1
    found = [p for p in find(problems, "unsafe-markup") if p["path"] == "docs/en/untranslated.md"]
    assert any(words in p["rest"] and p["line"] == str(line_of(path, markup)) for p in found), text


def test_front_matter_that_does_not_parse(fixture_site):
    path = fixture_site / "docs/fi/index.md"
    replace(path, "title: Alku", 'title: "Alku')
    status, problems, text = run_check(fixture_site)
    assert status == 1
    assert any(p["path"] == "docs/fi/index.md" and "does not parse" in p["rest"]
               for p in find(problems, "tr-front-matter")), text


def test_missing_version_tells_the_command_to_run(fixture_site):
    path = fixture_site / "docs/fi/help.md"
    text = path.read_text(encoding="utf-8")
    path.write_text("\n".join(line for line in text.splitlines() if not line.startswith("translated_from")) + "\n",
                    encoding="utf-8")
    status, problems, out = run_check(fixture_site)
    assert status == 1
    assert any("run: python -m rights_guide mark-translated fi help.md" in p["rest"]
               for p in find(problems, "tr-front-matter")), out


def test_changed_english_page_makes_the_translation_outdated(fixture_site):
    english = fixture_site / "docs/en/help.md"
    english.write_text(english.read_text(encoding="utf-8").replace("Call 112.", "Call 112 at once."), encoding="utf-8")
    status, problems, text = run_check(fixture_site)
    assert status == 0, text
    outdated = {p["path"]: p for p in find(problems, "tr-outdated")}
    assert set(outdated) == {"docs/fi/help.md", "docs/ar/help.md"}
    assert "python -m rights_guide diff fi help.md" in outdated["docs/fi/help.md"]["rest"]
    assert outdated["docs/fi/help.md"]["line"] == str(line_of(fixture_site / "docs/fi/help.md", "translated_from"))


def run_command(capsys, *args) -> tuple[int, str]:
    status = main(list(args))
    return status, capsys.readouterr().out


def git(root, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=root, check=True,
                   capture_output=True)


def test_mark_translated_records_the_git_blob_id(fixture_site, capsys):
    path = fixture_site / "docs/fi/help.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("translated_from:", "translated_from: 0000000000000000000000000000000000000000\n#"),
                    encoding="utf-8")
    git(fixture_site, "init", "-q")  # only a committed English version is recorded
    git(fixture_site, "add", "-A")
    git(fixture_site, "commit", "-qm", "start")
    status, out = run_command(capsys, "--root", str(fixture_site), "mark-translated", "fi", "help.md", "--reviewed")
    assert status == 0, out
    expected = subprocess.run(["git", "hash-object", str(fixture_site / "docs/en/help.md")],
                              capture_output=True, text=True, check=True).stdout.strip()
    new = path.read_text(encoding="utf-8")
    assert f"translated_from: {expected}\n" in new
    assert "status: reviewed\n" in new and "title: Apu\n" in new
    assert new.split("---", 2)[2] == text.split("---", 2)[2], "the page body must not change"


@pytest.mark.parametrize("args, words", [
    (("xx", "help.md"), "'xx' is not a translated language"),
    (("en", "help.md"), "'en' is not a translated language"),
    (("fi", "nothing.md"), "docs/fi/nothing.md does not exist"),
])
def test_translator_commands_reject_bad_arguments(fixture_site, capsys, args, words):
    for command in ("mark-translated", "diff"):
        status, out = run_command(capsys, "--root", str(fixture_site), command, *args)
        assert status == 1 and words in out and "Fix:" in out


def test_diff_shows_what_changed_in_english_since_the_translation(fixture_site, capsys):
    git(fixture_site, "init", "-q")
    git(fixture_site, "add", "-A")
    git(fixture_site, "commit", "-qm", "start")
    status, out = run_command(capsys, "--root", str(fixture_site), "diff", "fi", "help.md")
    assert status == 0 and "has not changed" in out

    english = fixture_site / "docs/en/help.md"
    english.write_text(english.read_text(encoding="utf-8").replace("Call 112.", "Call 112 at once."), encoding="utf-8")
    git(fixture_site, "commit", "-qam", "change English")
    before = (fixture_site / "docs/fi/help.md").read_bytes()

    status, out = run_command(capsys, "--root", str(fixture_site), "diff", "fi", "help")
    assert status == 0
    assert "-Call 112.\n" in out and "+Call 112 at once.\n" in out
    assert "docs/en/help.md (now)" in out
    assert (fixture_site / "docs/fi/help.md").read_bytes() == before


def test_diff_without_the_old_version_in_history_says_so(fixture_site, capsys):
    english = fixture_site / "docs/en/help.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    git(fixture_site, "init", "-q")
    status, out = run_command(capsys, "--root", str(fixture_site), "diff", "ar", "help.md")
    assert status == 1 and "is not in this repository's history" in out


def test_status_counts_pages_and_strings(fixture_site, capsys):
    replace(fixture_site / "docs/fi/index.md", "status: draft", "status: reviewed")
    english = fixture_site / "docs/en/help.md"
    english.write_text(english.read_text(encoding="utf-8") + "\nMore.\n", encoding="utf-8")
    (fixture_site / "data/strings/ar.yml").write_text('exit_label: "اخرج"\n', encoding="utf-8")
    status, out = run_command(capsys, "--root", str(fixture_site), "status", "--markdown")
    assert status == 0
    rows = {line.split(" | ")[0].strip("| "): line.split(" | ") for line in out.splitlines()[2:]}
    fi, ar = rows["Suomi (fi)"], rows["العربية (ar)"]
    # translated, reviewed, draft, draft back-translated, outdated, missing
    assert fi[1:7] == ["2 of 3", "1", "1", "0", "1", "1"]
    assert ar[1:7] == ["2 of 3", "0", "2", "0", "1", "1"]
    assert ar[7].startswith("1 of ")


@pytest.mark.parametrize(("code", "name", "direction"), [
    ("so", "Soomaali", "ltr"),            # two letters; Material has no button texts for it
    ("ckb", "کوردیی ناوەندی", "rtl"),     # three letters, right to left
    ("zh-Hant", "繁體中文", "ltr"),        # a script subtag
])
def test_new_language_is_added_end_to_end_and_builds(fixture_site, capsys, code, name, direction):
    status, out = run_command(capsys, "--root", str(fixture_site), "new-language", code)
    assert status == 0, out
    assert "Next steps" in out
    config = (fixture_site / "mkdocs.yml").read_text(encoding="utf-8")
    assert f"        - locale: {code}\n          name: {name}\n" in config
    strings_file = (fixture_site / f"data/strings/{code}.yml").read_text(encoding="utf-8")
    assert 'exit_label: ""' in strings_file and "# Exit this page" in strings_file
    assert (fixture_site / f"docs/{code}").is_dir()
    assert f"\n/{code}/*\n  Cache-Control: no-cache\n" in (fixture_site / "deploy/_headers").read_text(encoding="utf-8")
    assert f"error_page 404 /{code}/404.html;" in (fixture_site / "deploy/nginx.conf").read_text(encoding="utf-8")

    status, problems, text = run_check(fixture_site)
    assert status == 0, text
    assert find(problems, "ui-missing-key"), "every key is still to translate"

    site = fixture_site.parent / "out"
    result = mkdocs_build(fixture_site, site)
    assert result.returncode == 0, result.stderr
    page = (site / code / "help" / "index.html").read_text(encoding="utf-8")
    assert f'<html lang="{code}"' in page and f'dir="{direction}"' in page
    assert "rg-notice--fallback" in page
    assert (site / code / "404.html").is_file() and (site / code / "search" / "search_index.json").is_file()

    status, out = run_command(capsys, "--root", str(fixture_site), "new-language", code)
    assert status == 1 and "already a language" in out


def test_a_code_without_a_row_in_the_language_table_is_refused(fixture_site, capsys):
    before = (fixture_site / "mkdocs.yml").read_text(encoding="utf-8")
    status, out = run_command(capsys, "--root", str(fixture_site), "new-language", "xx")
    assert status == 1 and "data/languages.yml has no row for 'xx'" in out
    status, out = run_command(capsys, "--root", str(fixture_site), "new-language", "Finnish")
    assert status == 1 and "not a BCP 47 language code" in out
    assert (fixture_site / "mkdocs.yml").read_text(encoding="utf-8") == before
    assert not (fixture_site / "docs/xx").exists()


def test_blob_id_matches_git():
    assert translations.blob_id(b"hello\n") == "ce013625030ba8dba906f756967f9e9ca394464a"


def test_remove_language_undoes_new_language(fixture_site, capsys):
    # Right to left in Arabic script, and not built by the fixture site yet.
    built = {language.code for language in Project(fixture_site).languages()}
    table = CHECKOUT.language_table().rows
    code = next(code for code in ("ckb", *table) if code not in built and table[code].direction == "rtl")
    files = ("mkdocs.yml", "deploy/_headers", "deploy/nginx.conf", ".github/CODEOWNERS")
    before = {name: (fixture_site / name).read_text(encoding="utf-8") for name in files}
    status, out = run_command(capsys, "--root", str(fixture_site), "new-language", code)
    assert status == 0, out
    status, out = run_command(capsys, "--root", str(fixture_site), "remove-language", code)
    assert status == 0 and "git checkout" in out, out
    assert {name: (fixture_site / name).read_text(encoding="utf-8") for name in files} == before
    assert not (fixture_site / f"docs/{code}").exists() and not (fixture_site / f"data/strings/{code}.yml").exists()
    status, problems, text = run_check(fixture_site)
    assert status == 0, text


def test_remove_language_refuses_the_default_and_unknown_codes(fixture_site, capsys):
    before = (fixture_site / "mkdocs.yml").read_text(encoding="utf-8")
    status, out = run_command(capsys, "--root", str(fixture_site), "remove-language", "en")
    assert status == 1 and "default language" in out
    status, out = run_command(capsys, "--root", str(fixture_site), "remove-language", "xx")
    assert status == 1 and "not a language of this site" in out
    assert (fixture_site / "mkdocs.yml").read_text(encoding="utf-8") == before


def test_remove_language_keeps_the_other_languages_building(fixture_site, capsys):
    status, out = run_command(capsys, "--root", str(fixture_site), "remove-language", "ar")
    assert status == 0, out
    site = fixture_site.parent / "out"
    result = mkdocs_build(fixture_site, site)
    assert result.returncode == 0, result.stderr
    assert (site / "fi" / "index.html").is_file() and not (site / "ar").exists()
