"""The guides stay true: every problem code is documented, README commands exist."""

from __future__ import annotations

import re

from tests.conftest import REPO

from rights_guide.problems import CODES


def problem_codes() -> set[str]:
    return set(CODES)


def test_every_problem_code_is_documented_for_translators():
    documented = set(re.findall(r"^\| `([a-z-]+)` \|", (REPO / "TRANSLATING.md").read_text(encoding="utf-8"), re.M))
    codes = problem_codes()
    assert len(codes) >= 20, f"rights_guide/problems.py registers only {len(codes)} codes: was the registry emptied?"
    assert codes - documented == set(), "add these codes to TRANSLATING.md"
    assert documented - codes == set(), "TRANSLATING.md lists codes the checks no longer have"


def test_every_error_code_has_a_bad_input_test():
    # A test names the code in quotes, or tests/fixtures/bad/<code>/ holds its bad input.
    tests = "\n".join(p.read_text(encoding="utf-8") for p in (REPO / "tests").rglob("test_*.py"))
    bad = REPO / "tests" / "fixtures" / "bad"
    untested = {code for code in problem_codes()
                if f'"{code}"' not in tests and not (bad / code / "expect.yml").is_file()}
    assert untested == set()


def test_readme_commands_are_make_targets():
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"^make (\w+)", readme, re.M):
        assert re.search(rf"^{target}:", makefile, re.M), target
