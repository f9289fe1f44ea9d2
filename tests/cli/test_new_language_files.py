"""`new-language` adds the language's reviewers to .github/CODEOWNERS (the deploy
rules are tested in test_translator_commands.py; _redirects and the offline copies
follow the built languages by themselves)."""

from __future__ import annotations

import io
import shutil
from contextlib import redirect_stdout

from rights_guide.cli import main
from rights_guide.cli.new_language import codeowners_lines
from tests.conftest import CHECKOUT, FIXTURE

# Codes of the table the fixture site does not build (its own CODEOWNERS has no lines for
# them): one with a script subtag, whose team name is lower case, and one more.
UNUSED = [code for code in CHECKOUT.language_table().rows
          if code not in {language.code for language in FIXTURE.languages()}]
SUBTAGGED = next(code for code in ("zh-Hant", *UNUSED) if code in UNUSED and "-" in code)
PLAIN = next(code for code in ("so", *UNUSED) if code in UNUSED and "-" not in code)


def new_language(root, code: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        status = main(["--root", str(root), "new-language", code])
    return status, out.getvalue()


def test_new_language_adds_its_codeowners_lines(fixture_site):
    status, out = new_language(fixture_site, SUBTAGGED)
    assert status == 0, out
    text = (fixture_site / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    team = f"@ORG/translators-{SUBTAGGED.lower()}"
    assert text.endswith(f"\n\n/docs/{SUBTAGGED}/ {team}\n/data/strings/{SUBTAGGED}.yml {team}\n")
    assert f".github/CODEOWNERS: {team}" in out
    assert new_language(fixture_site, SUBTAGGED)[0] == 1
    assert (fixture_site / ".github" / "CODEOWNERS").read_text(encoding="utf-8") == text


def test_the_organisation_already_named_is_kept(fixture_site):
    owners = (fixture_site / ".github" / "CODEOWNERS").read_text(encoding="utf-8").replace("@ORG/", "@helpers-fi/")
    (fixture_site / ".github" / "CODEOWNERS").write_text(owners, encoding="utf-8")
    assert new_language(fixture_site, PLAIN)[0] == 0
    text = (fixture_site / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert text.endswith(codeowners_lines(PLAIN, "helpers-fi"))
    assert "@ORG/" not in text


def test_without_a_codeowners_file_nothing_is_created(fixture_site):
    shutil.rmtree(fixture_site / ".github")
    status, out = new_language(fixture_site, PLAIN)
    assert status == 0 and "CODEOWNERS" not in out
    assert not (fixture_site / ".github").exists()
