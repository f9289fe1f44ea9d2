"""`python -m rights_guide linkcheck` fails on a broken link or anchor, passes on a sound site."""

from __future__ import annotations

from pathlib import Path

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


def test_missing_anchor_fails(tmp_path, capfd):
    site = write_site(tmp_path, "help/#safety")
    assert linkcheck.run(Project(tmp_path), site) == 1
    assert "safety" in capfd.readouterr().out


def test_no_built_site_is_a_clear_error(tmp_path, capsys):
    assert linkcheck.run(Project(tmp_path), tmp_path / "site") == 1
    assert "run 'make site' first" in capsys.readouterr().out
