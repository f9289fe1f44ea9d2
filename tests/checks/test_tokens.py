"""Numbers, e-mails and web addresses are compared section by section."""

from __future__ import annotations

from tests.checks import badsite
from tests.checks.checkrun import find, run_check


def test_a_number_moved_to_another_section_is_reported(fixture_site):
    found = badsite.reported(fixture_site, "number-moved", "tr-numbers", "docs/fi/help.md",
                             "## Oletko vaarassa nyt?", "'112' from English line 9 is missing in this section.")
    assert "It is on line 17, in another section." in found[0]["rest"]
    _, problems, _ = run_check(fixture_site)
    (extra,) = find(problems, "tr-numbers-extra")
    assert extra["line"] == "17" and "not in this section of the English page" in extra["rest"]
