"""One bad input per problem code, as files: tests/fixtures/bad/<code>/ holds the
files laid over a copy of the fixture site and expect.yml, what the check must
report (format: tests/fixtures/bad/README.md). The check must name the exact
code, file and line, exit 1 for an error (0 for a warning), say how to fix every
problem, and leave every file exactly as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from rights_guide.problems import CODES
from tests.checks.checkrun import LINE, find, line_of, run_check
from tests.conftest import REPO

BAD = REPO / "tests" / "fixtures" / "bad"
EXPECT = "expect.yml"
KEYS = {"file", "line", "line_of", "words", "warning", "delete", "edit"}

# Codes with no folder in tests/fixtures/bad/: their bad input is tested here instead.
TESTED_ELSEWHERE = {
    # PDF leaflets: bad input is a built site (and Pango), not source files.
    "leaflet-too-long": "tests/leaflets/test_leaflet_problems.py",
    "leaflet-no-pango": "tests/leaflets/test_leaflet_problems.py",
    "leaflet-none": "tests/leaflets/test_leaflet_problems.py",
    "leaflet-no-placeholder": "tests/leaflets/test_leaflet_problems.py",
    "leaflet-card-contact": "tests/leaflets/test_leaflet_problems.py",
    "leaflet-short-name": "tests/leaflets/test_leaflet_problems.py",
    "leaflet-not-neutral": "tests/leaflets/test_leaflet_problems.py",
    "leaflet-last-page": "tests/leaflets/test_leaflet_problems.py",
    "leaflet-organisation": "tests/leaflets/test_leaflet_problems.py",
    # Scores of English pages, next to the tests of the sentence splitter.
    "readability-long-sentence": "tests/checks/test_readability.py",
    "readability-average": "tests/checks/test_readability.py",
    "readability-lix": "tests/checks/test_readability.py",
    # Translation warnings, tested with the translator commands that answer them.
    "tr-numbers-extra": "tests/cli/test_translator_commands.py",
    "tr-untranslated": "tests/cli/test_translator_commands.py",
    "tr-wrong-script": "tests/cli/test_translator_commands.py",
    # Needs a git history: the English version the translation was made from.
    "tr-outdated": "tests/cli/test_translator_commands.py",
    # The rendered comparison and its relatives: bad files in tests/fixtures/bad/<code>/,
    # expectations with the cases of each family (tests/checks/badsite.py).
    "tr-box-state": "tests/checks/test_skeleton.py",
    "tr-box-content": "tests/checks/test_skeleton.py",
    "tr-lists": "tests/checks/test_skeleton.py",
    "tr-tables": "tests/checks/test_skeleton.py",
    "tr-empty-text": "tests/checks/test_skeleton.py",
    "tr-hidden-content": "tests/checks/test_skeleton.py",
    "char-bidi": "tests/checks/test_characters.py",
    "char-digits": "tests/checks/test_characters.py",
    "char-invisible": "tests/checks/test_characters.py",
    "tr-file-name": "tests/checks/test_files.py",
    "tr-kept-fields": "tests/checks/test_links.py",
    "front-matter-url": "tests/checks/test_links.py",
    # Robustness, facts in strings and data, the language of pages, the offline guide.
    "contact-review-due": "tests/checks/test_strings_facts.py",
    "file-encoding": "tests/checks/test_robustness.py",
    "front-matter-yaml": "tests/checks/test_robustness.py",
    "page-line-too-long": "tests/checks/test_robustness.py",
    "offline-no-placeholder": "tests/build/test_offline.py",
    "offline-no-site": "tests/build/test_offline.py",
    # Bad input is a built site: the link check's own test writes one.
    "link-missing-anchor": "tests/cli/test_linkcheck.py",
    "page-wrong-language": "tests/checks/test_page_language.py",
    "ui-facts": "tests/checks/test_strings_facts.py",
    "ui-markup": "tests/checks/test_strings_facts.py",
}


def bad_codes() -> list[str]:
    # Folders without expect.yml hold only bad files; their expectations are in a test
    # module of their family (tests/checks/badsite.py runs them), listed in TESTED_ELSEWHERE.
    return sorted(folder.name for folder in BAD.iterdir() if (folder / EXPECT).is_file())


def load_expect(folder: Path) -> dict:
    expect = yaml.safe_load((folder / EXPECT).read_text(encoding="utf-8"))
    assert isinstance(expect, dict), f"{folder / EXPECT} is not a mapping"
    assert set(expect) <= KEYS, f"{folder / EXPECT}: unknown keys {sorted(set(expect) - KEYS)}"
    assert {"file", "words"} <= set(expect), f"{folder / EXPECT} needs file: and words:"
    assert ("line" in expect) != ("line_of" in expect), f"{folder / EXPECT} needs line: or line_of:"
    return expect


def overlay(folder: Path, root: Path) -> dict:
    """Break the site copy as the folder says: delete, lay its files over, edit."""
    expect = load_expect(folder)
    for relative in expect.get("delete") or []:
        target = root / relative
        assert target.exists(), f"{folder.name}: nothing to delete at {relative}"
        shutil.rmtree(target) if target.is_dir() else target.unlink()
    for source in sorted(folder.rglob("*")):
        if source.is_file() and source != folder / EXPECT:
            target = root / source.relative_to(folder)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, target)
    for rule in expect.get("edit") or []:
        path = root / rule["file"]
        text = path.read_text(encoding="utf-8")
        assert text.count(rule["old"]) == 1, f"{folder.name}: {rule['old']!r} not once in {rule['file']}"
        path.write_text(text.replace(rule["old"], rule["new"]), encoding="utf-8")
    return expect


def expected_line(root: Path, expect: dict) -> int:
    if "line" in expect:
        return int(expect["line"])
    return line_of(root / expect["file"], expect["line_of"])


def snapshot(root: Path) -> dict[Path, bytes]:
    return {p: p.read_bytes() for p in root.rglob("*")
            if p.is_file() and "__pycache__" not in p.parts}


@pytest.mark.parametrize("code", bad_codes())
def test_bad_input_is_reported(fixture_site, code):
    expect = overlay(BAD / code, fixture_site)
    path = fixture_site / expect["file"]
    line = expected_line(fixture_site, expect)
    warning = bool(expect.get("warning"))
    before = snapshot(fixture_site)

    status, problems, text = run_check(fixture_site)

    assert status == (0 if warning else 1), text
    found = find(problems, code)
    assert found, f"no {code} in:\n{text}"
    named = [p for p in found if fixture_site / p["path"] == path]
    assert named, f"{code} does not name {expect['file']}:\n{text}"
    at_line = [p for p in named if int(p["line"]) == line]
    assert at_line, f"{code} not at {expect['file']}:{line}:\n{text}"
    (match, *_) = [p for p in at_line if expect["words"] in p["rest"]] or [None]
    assert match, f"{expect['words']!r} not in {code} at {expect['file']}:{line}:\n{text}"
    assert match["rest"].startswith("warning: ") == warning, text
    report = text.splitlines()[:-1]  # the last line counts errors and warnings
    assert all(LINE.match(row) and " Fix: " in row for row in report), "every problem says how to fix it"
    assert snapshot(fixture_site) == before, "the check must not change any file"


def test_every_code_has_a_bad_input_folder_or_a_test_elsewhere():
    folders = set(bad_codes())
    assert folders - CODES == set(), "folders in tests/fixtures/bad/ named after no registered code"
    assert folders & set(TESTED_ELSEWHERE) == set(), "a code with a folder is not tested elsewhere"
    missing = CODES - folders - set(TESTED_ELSEWHERE)
    assert missing == set(), "add tests/fixtures/bad/<code>/ (see the README there)"
    for code, test_file in TESTED_ELSEWHERE.items():
        assert test_file != "tests/checks/test_check_bad_input.py"
        assert f'"{code}"' in (REPO / test_file).read_text(encoding="utf-8"), f"{code} not in {test_file}"
