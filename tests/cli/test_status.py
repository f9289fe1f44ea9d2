"""`python -m rights_guide status`: per language, pages translated, reviewed, draft,
back-translated, outdated and missing, read from the pages' front matter."""

from __future__ import annotations

import io
from contextlib import redirect_stdout

from rights_guide.cli import main
from tests.checks.checkrun import replace


def status_rows(root) -> dict[str, dict[str, str]]:
    out = io.StringIO()
    with redirect_stdout(out):
        assert main(["--root", str(root), "status", "--markdown"]) == 0
    lines = [line.strip("|").split("|") for line in out.getvalue().splitlines() if line.startswith("|")]
    headers = [cell.strip() for cell in lines[0]]
    return {row[0].strip(): dict(zip(headers, (cell.strip() for cell in row))) for row in lines[2:]}


def test_a_draft_compared_with_a_back_translation_is_counted_and_stays_a_draft(fixture_site):
    before = status_rows(fixture_site)
    (finnish,) = [name for name in before if name.endswith("(fi)")]
    assert before[finnish]["Draft, back-translated"] == "0"
    replace(fixture_site / "docs/fi/help.md", "status: draft\n", "status: draft\nback_translation: 2026-12-01\n")
    after = status_rows(fixture_site)[finnish]
    assert after["Draft, back-translated"] == "1"
    assert after["Draft"] == before[finnish]["Draft"] and after["Reviewed"] == before[finnish]["Reviewed"]
