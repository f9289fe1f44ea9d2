"""`new-language` adds the language's reviewers to .github/CODEOWNERS (the deploy
rules are tested in test_translator_commands.py; _redirects and the offline copies
follow the built languages by themselves)."""

from __future__ import annotations

import io
import shutil
from contextlib import redirect_stdout

from rights_guide.cli import main
from rights_guide.cli.new_language import codeowners_lines
from tests.conftest import REPO


def new_language(root, code: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        status = main(["--root", str(root), "new-language", code])
    return status, out.getvalue()


def test_new_language_adds_its_codeowners_lines(fixture_site):
    (fixture_site / ".github").mkdir()
    shutil.copy(REPO / ".github" / "CODEOWNERS", fixture_site / ".github" / "CODEOWNERS")
    status, out = new_language(fixture_site, "zh-Hant")
    assert status == 0, out
    text = (fixture_site / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert text.endswith("\n\n/docs/zh-Hant/ @ORG/translators-zh-hant\n"
                         "/data/strings/zh-Hant.yml @ORG/translators-zh-hant\n")
    assert ".github/CODEOWNERS: @ORG/translators-zh-hant" in out
    assert new_language(fixture_site, "zh-Hant")[0] == 1
    assert (fixture_site / ".github" / "CODEOWNERS").read_text(encoding="utf-8") == text


def test_the_organisation_already_named_is_kept(fixture_site):
    (fixture_site / ".github").mkdir()
    owners = (REPO / ".github" / "CODEOWNERS").read_text(encoding="utf-8").replace("@ORG/", "@helpers-fi/")
    (fixture_site / ".github" / "CODEOWNERS").write_text(owners, encoding="utf-8")
    assert new_language(fixture_site, "so")[0] == 0
    text = (fixture_site / ".github" / "CODEOWNERS").read_text(encoding="utf-8")
    assert text.endswith(codeowners_lines("so", "helpers-fi"))
    assert "@ORG/" not in text


def test_without_a_codeowners_file_nothing_is_created(fixture_site):
    status, out = new_language(fixture_site, "so")
    assert status == 0 and "CODEOWNERS" not in out
    assert not (fixture_site / ".github").exists()
