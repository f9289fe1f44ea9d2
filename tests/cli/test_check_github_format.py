"""`python -m rights_guide check --format github`: each problem as a GitHub Actions
annotation on its file and line, escaped as the runner unescapes workflow commands."""

from __future__ import annotations

import io
import re
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

from rights_guide.cli import main
from rights_guide.problems import WARNING, Problem, escape_data, escape_property, report

ANNOTATION = re.compile(r"^::(?P<kind>error|warning) (?P<properties>[^:]*)::(?P<message>.*)$")


def unescape_data(text: str) -> str:
    """The runner's side (actions/runner, ActionCommand.UnescapeValue)."""
    return text.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def unescape_property(text: str) -> str:
    return unescape_data(text.replace("%3A", ":").replace("%2C", ","))


def parse(line: str) -> tuple[str, dict[str, str], str]:
    match = ANNOTATION.match(line)
    assert match, line
    properties = dict(item.split("=", 1) for item in match["properties"].split(","))
    return match["kind"], {key: unescape_property(value) for key, value in properties.items()}, \
        unescape_data(match["message"])


def test_an_error_becomes_an_error_annotation_on_its_line(tmp_path):
    problem = Problem(tmp_path / "docs/fi/help.md", 12, "tr-headings", "headings differ.", "copy them.")
    line = problem.format_github(tmp_path)
    assert line == "::error file=docs/fi/help.md,line=12,title=tr-headings::headings differ. Fix: copy them."


def test_a_warning_becomes_a_warning_annotation(tmp_path):
    problem = Problem(tmp_path / "data/strings/fi.yml", 3, "ui-missing-key", "not translated.", "translate it.",
                      severity=WARNING)
    kind, properties, message = parse(problem.format_github(tmp_path))
    assert (kind, properties["file"], properties["line"]) == ("warning", "data/strings/fi.yml", "3")
    assert message == "not translated. Fix: translate it."


def test_percent_newlines_colons_and_commas_are_escaped():
    assert escape_data("50% a\r\nb: c, d") == "50%25 a%0D%0Ab: c, d"
    assert escape_property("a:b,c%d\ne") == "a%3Ab%2Cc%25d%0Ae"
    # A property that held ":" or "," unescaped would end early; a message with a newline
    # would end the command. Escaped, everything comes back as it was.
    odd = Problem("docs/a,b:c%.md", 7, "tr-links", "line one\nline two: 100% sure, really.",
                  "keep ':: here'\r\nas is.")
    line = odd.format_github()
    assert "\n" not in line and "\r" not in line
    kind, properties, message = parse(line)
    assert properties == {"file": "docs/a,b:c%.md", "line": "7", "title": "tr-links"}
    assert message == "line one\nline two: 100% sure, really. Fix: keep ':: here'\r\nas is."


def test_report_prints_annotations_sorted_and_keeps_the_exit_status():
    problems = [Problem("b.md", 2, "tr-links", "b.", "fix b.", severity=WARNING),
                Problem("a.md", 9, "tr-headings", "a.", "fix a.")]
    out = io.StringIO()
    assert report(problems, out=out, style="github") == 1
    lines = out.getvalue().splitlines()
    assert [parse(line)[1]["file"] for line in lines[:2]] == ["a.md", "b.md"]
    assert lines[2] == "1 error(s), 1 warning(s)"
    assert report(problems[:1], out=io.StringIO(), style="github") == 0


def test_the_cli_flag_reports_a_bad_page_as_an_annotation(fixture_site):
    path = fixture_site / "docs/fi/help.md"
    text = path.read_text(encoding="utf-8")
    assert "[[contact: nas]]" in text, "the fixture changed"
    path.write_text(text.replace("[[contact: nas]]", "[[contact: no-such-channel]]", 1), encoding="utf-8")
    out = io.StringIO()
    with redirect_stdout(out):
        status = main(["--root", str(fixture_site), "check", "--format", "github"])
    assert status == 1
    annotations = [parse(line) for line in out.getvalue().splitlines() if line.startswith("::")]
    unknown = [a for a in annotations if a[1]["title"] == "contact-unknown-id"]
    assert unknown and unknown[0][0] == "error"
    assert unknown[0][1]["file"] == "docs/fi/help.md"
    number = int(unknown[0][1]["line"])
    assert "no-such-channel" in path.read_text(encoding="utf-8").splitlines()[number - 1]
    assert " Fix: " in unknown[0][2]


def test_the_cli_rejects_an_unknown_format():
    result = subprocess.run([sys.executable, "-m", "rights_guide", "check", "--format", "json"],
                            cwd=Path(__file__).parents[2], capture_output=True, text=True, check=False)
    assert result.returncode == 2 and "invalid choice" in result.stderr
