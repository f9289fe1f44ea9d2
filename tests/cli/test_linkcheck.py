"""`python -m rights_guide linkcheck` fails on a broken link or anchor, passes on a sound site."""

from __future__ import annotations

from pathlib import Path

from rights_guide.checks.anchors import missing_anchors
from rights_guide.cli import linkcheck
from rights_guide.model.project import Project


def write_site(root: Path, link: str) -> Path:
    site = root / "site"
    (site / "help").mkdir(parents=True)
    (site / "index.html").write_text(
        f'<!doctype html><html lang="en"><body><a href="{link}">help</a>'
        '<a href="https://example.org/">other host</a><a href="tel:112">112</a></body></html>',
        encoding="utf-8")
    (site / "help" / "index.html").write_text(
        '<!doctype html><html lang="en"><body><h2 id="danger">Danger</h2></body></html>', encoding="utf-8")
    return site


def test_sound_site_passes(tmp_path):
    site = write_site(tmp_path, "help/#danger")
    assert linkcheck.run(Project(tmp_path), site) == 0


def test_missing_page_fails(tmp_path, capfd):
    site = write_site(tmp_path, "helps/")
    assert linkcheck.run(Project(tmp_path), site) == 1
    assert "helps/" in capfd.readouterr().out


def test_missing_anchor_fails_naming_the_page_line_and_anchor(tmp_path, capfd):
    site = write_site(tmp_path, "help/#safety")
    assert linkcheck.run(Project(tmp_path), site) == 1
    out = capfd.readouterr().out
    assert "site/index.html:1: link-missing-anchor: the link 'help/#safety' leads to #safety" in out, out
    assert "/help/ has no element with id 'safety'" in out and " Fix: " in out, out


def test_anchors_on_the_same_page_in_other_languages_and_encoded_are_found(tmp_path):
    site = tmp_path / "site"
    (site / "ar").mkdir(parents=True)
    (site / "ar" / "index.html").write_text(
        '<!doctype html><html lang="ar"><body>\n<h2 id="مساعدة">x</h2><a name="old">y</a>\n'
        '<a href="#%D9%85%D8%B3%D8%A7%D8%B9%D8%AF%D8%A9">1</a><a href="#old">2</a><a href="#top">3</a>'
        '<a href="../ar/#مساعدة">4</a>\n<a href="#gone">5</a><a href="../missing/#x">6</a></body></html>',
        encoding="utf-8")
    problems = missing_anchors(site)
    assert [(p.line, p.code) for p in problems] == [(4, "link-missing-anchor")], problems
    assert "'#gone'" in problems[0].message and str(problems[0].path).endswith("ar/index.html")


def test_no_built_site_is_a_clear_error(tmp_path, capsys):
    assert linkcheck.run(Project(tmp_path), tmp_path / "site") == 1
    assert "run 'make site' first" in capsys.readouterr().out
