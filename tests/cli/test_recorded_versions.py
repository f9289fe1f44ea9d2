"""mark-translated records only an English version git has, and diff says what
can help when the recorded version is missing (fetching only in a shallow clone)."""

from __future__ import annotations

import subprocess

from rights_guide.cli import main
from tests.checks.badcase import snapshot


def git(root, *args) -> str:
    return subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args], cwd=root,
                          check=True, capture_output=True, text=True).stdout


def commit_all(root, message="site") -> None:
    git(root, "add", "-A")
    git(root, "commit", "-qm", message)


def run(capsys, root, *args) -> tuple[int, str]:
    status = main(["--root", str(root), *args])
    return status, capsys.readouterr().out


def change_english(root, old="Call 112.", new="Call 112 at once.") -> None:
    english = root / "docs/en/help.md"
    english.write_text(english.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")


def test_an_uncommitted_english_page_is_refused(fixture_site, capsys):
    git(fixture_site, "init", "-q")
    commit_all(fixture_site)
    change_english(fixture_site)
    before = snapshot(fixture_site)
    status, out = run(capsys, fixture_site, "mark-translated", "fi", "help.md")
    assert status == 1
    assert out.startswith("docs/en/help.md:1: the English page has changes that are not committed")
    assert "Fix: commit the English page first (git add docs/en/help.md && git commit)" in out
    assert snapshot(fixture_site) == before, "nothing is recorded"

    commit_all(fixture_site, "English changed")
    status, out = run(capsys, fixture_site, "mark-translated", "fi", "help.md")
    assert status == 0, out
    recorded = git(fixture_site, "rev-parse", "HEAD:docs/en/help.md").strip()
    assert f"translated_from: {recorded}\n" in (fixture_site / "docs/fi/help.md").read_text(encoding="utf-8")


def test_a_new_english_page_not_yet_added_to_git_is_refused(fixture_site, capsys):
    git(fixture_site, "init", "-q")
    status, out = run(capsys, fixture_site, "mark-translated", "fi", "help.md")
    assert status == 1 and "commit the English page first" in out


def test_outside_a_git_checkout_nothing_is_recorded(fixture_site, capsys):
    before = snapshot(fixture_site)
    status, out = run(capsys, fixture_site, "mark-translated", "fi", "help.md")
    assert status == 1 and "not a git checkout" in out and "Fix:" in out
    assert snapshot(fixture_site) == before


def test_diff_does_not_advise_fetching_when_the_version_was_never_committed(fixture_site, capsys):
    git(fixture_site, "init", "-q")
    commit_all(fixture_site)
    change_english(fixture_site)
    commit_all(fixture_site, "English changed")
    finnish = fixture_site / "docs/fi/help.md"
    finnish.write_text(finnish.read_text(encoding="utf-8").replace(
        "translated_from: ab2cda335a0351b61e67b763d9eda9e735df470d", "translated_from: " + "deadbeef" * 5), encoding="utf-8")
    status, out = run(capsys, fixture_site, "diff", "fi", "help.md")
    assert status == 1 and "is not in this repository's history" in out
    assert "unshallow" not in out
    assert "compare your page with docs/en/help.md by hand" in out
    assert "python -m rights_guide mark-translated fi help.md" in out


def test_diff_in_a_shallow_clone_advises_fetching_the_history(fixture_site, tmp_path, capsys):
    git(fixture_site, "init", "-q")
    commit_all(fixture_site)
    change_english(fixture_site)
    commit_all(fixture_site, "English changed")
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{fixture_site}", str(clone)], check=True,
                   capture_output=True)
    status, out = run(capsys, clone, "diff", "fi", "help.md")
    assert status == 1 and "git fetch --unshallow" in out, out
