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


def test_a_month_written_as_a_number_in_a_chinese_date_is_a_word(tmp_path):
    from rights_guide.model import markdown

    def numbers(text: str) -> list[str]:
        path = tmp_path / "page.md"
        path.write_text(f"---\ntitle: T\n---\n\n{text}\n", encoding="utf-8")
        return [item.value for item in markdown.read(path).prose_tokens()["number"]]

    assert numbers("Checked on 5 May 2025.") == ["5", "2025"]
    assert numbers("核对日期：2025年5月5日。") == ["2025", "5"]
    assert numbers("2025년 5월 5일") == ["2025", "5"]
    # Durations keep their numbers: "5 months" is compared with English.
    assert numbers("最多5个月。") == ["5"]
    assert numbers("최대 5개월") == ["5"]
