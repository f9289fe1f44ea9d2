"""`new-site`: a clone becomes a blank site for another country that checks and builds."""

from __future__ import annotations

import re

from rights_guide.bench.copies import copy_project
from rights_guide.cli import main
from rights_guide.model.project import Project
from tests.checks.checkrun import run_check
from tests.conftest import CHECKOUT, IRELAND


def test_the_new_site_checks_clean_and_builds_strictly(new_site, new_site_built):
    """Built with --strict by the fixture (tests/conftest.py); the built-site tests that take
    `either_site` run on it too."""
    status, problems, text = run_check(new_site)
    assert status == 0, text
    assert {p["code"] for p in problems} <= {"ui-missing-key"}, text
    out = new_site_built
    for code, direction in (("pt", "ltr"), ("ga", "ltr")):
        page = (out / code / "help" / "index.html").read_text(encoding="utf-8")
        assert f'<html lang="{code}"' in page and f'dir="{direction}"' in page
    home = (out / "index.html").read_text(encoding="utf-8")
    assert 'href="tel:112"' in home and 'href="tel:999"' in home


def test_nothing_of_the_old_country_is_left(new_site):
    config = (new_site / "mkdocs.yml").read_text(encoding="utf-8")
    assert "Finland" not in config and "- locale: fi" not in config and "- locale: ar" not in config
    assert not (new_site / "docs/fi").exists() and not (new_site / "data/strings/ar.yml").exists()
    contacts = (new_site / "data/contacts.yml").read_text(encoding="utf-8")
    assert re.findall(r"^  - id: (\S+)", contacts, re.M) == ["emergency-112", "emergency-999"]
    assert sorted(p.name for p in (new_site / "docs/en").glob("*.md")) == [
        "about.md", "help.md", "index.md", "translation-status.md"]


def test_only_the_new_languages_keep_deploy_rules_and_reviewers(new_site):
    """The removed languages' rules go with them (remove-language's code, reused by new-site)."""
    project = Project(new_site)
    codes = sorted(language.code for language in project.languages())
    others = sorted(set(codes) - {project.default_language()})
    table = project.language_table().rows
    files = {name: (new_site / name).read_text(encoding="utf-8")
             for name in ("deploy/_headers", "deploy/nginx.conf", ".github/CODEOWNERS")}
    ruled = {
        "deploy/_headers": [code for code in table if f"\n/{code}/*\n" in files["deploy/_headers"]],
        "deploy/nginx.conf": [code for code in table if f"location /{code}/ {{" in files["deploy/nginx.conf"]],
        ".github/CODEOWNERS": [code for code in table if f"\n/docs/{code}/ " in files[".github/CODEOWNERS"]],
    }
    assert sorted(ruled["deploy/_headers"]) == others, \
        f"deploy/_headers: a folder rule for each language of mkdocs.yml but the default ({others}), no other"
    assert sorted(ruled["deploy/nginx.conf"]) == others, \
        f"deploy/nginx.conf: a 404 location for each language of mkdocs.yml but the default ({others}), no other"
    assert sorted(ruled[".github/CODEOWNERS"]) == codes, \
        f".github/CODEOWNERS: reviewers for each language of mkdocs.yml ({codes}), no other"


def test_bad_options_change_nothing(tmp_path, capsys):
    root = copy_project(CHECKOUT, tmp_path / "site").root
    before = (root / "mkdocs.yml").read_text(encoding="utf-8")
    bad = [value.replace("https://www.example.com/", "http://www.example.com/") for value in IRELAND]
    assert main(["--root", str(root), *bad[:bad.index("en")], "xx", *bad[bad.index("en") + 1:]]) == 1
    out = capsys.readouterr().out
    assert "--exit-url 'http://www.example.com/' is not an https:// address." in out
    assert "the first language must be the source language, 'en'." in out and "Nothing was changed" in out
    assert (root / "mkdocs.yml").read_text(encoding="utf-8") == before


def test_the_new_site_is_ready_for_leaflets(new_site):
    """make leaflets needs who gives them out, card numbers it has, neutral short names and
    pages marked `leaflet: true`: new-site sets them from its options."""
    from rights_guide.build.leaflets import checks, plan

    project = Project(new_site)
    settings = plan.settings(project)
    problems = checks.organisation(project, settings) + checks.contacts(project, settings)
    assert [problem.format(new_site) for problem in problems] == []
    assert list(settings.card_contacts) == project.config().data["extra"]["emergency_contacts"]
    assert plan.leaflet_pages(project) == ["help", "index"], "the pages read first are leaflets"
