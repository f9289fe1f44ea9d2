"""Every problem `make leaflets` reports, from a bad input, with its file and line."""

from __future__ import annotations

import re
import shutil

import yaml

from rights_guide.build import leaflets
from rights_guide.build.leaflets import checks, htmlparts, plan, render
from rights_guide.model.project import Project
from rights_guide.problems import WARNING
from tests.leaflets.conftest import PROJECT


def configured(fixture_site, extra: str = "", strings: str = "") -> Project:
    """The fixture copy of the site with mkdocs.yml's extra and en.yml changed."""
    config = fixture_site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for line in extra.splitlines():
        key = line.split(":", 1)[0]
        text = re.sub(rf"(?m)^  {key}:.*$", f"  {line}", text)
    config.write_text(text, encoding="utf-8")
    english = fixture_site / "data" / "strings" / "en.yml"
    english.write_text(english.read_text(encoding="utf-8") + strings, encoding="utf-8")
    return Project(fixture_site)


def test_a_placeholder_organisation_is_a_warning_at_its_line(fixture_site):
    project = configured(fixture_site, 'organisation: "[Your organisation ry, town]"')
    [problem] = checks.organisation(project, plan.settings(project))
    line = next(n for n, text in enumerate(project.config_path.read_text().splitlines(), 1) if "organisation:" in text)
    assert (problem.code, problem.path, problem.line, problem.severity) == (
        "leaflet-organisation", project.config_path, line, WARNING)
    named = configured(fixture_site, 'organisation: "Pro-tukipiste ry, Helsinki"')
    assert checks.organisation(named, plan.settings(named)) == []


def test_a_card_contact_must_be_certain_and_have_a_phone(fixture_site):
    # From the fixture's own channels: one of medium confidence with a phone, and one
    # without a phone made certain here (tests/fixtures/site/data/contacts.yml).
    medium = next(c["id"] for c in checks_contacts(fixture_site) if c["confidence"] != "high" and c.get("phones"))
    no_phone = next(c["id"] for c in checks_contacts(fixture_site) if not c.get("phones"))
    set_confidence(fixture_site, no_phone, "high")
    project = configured(fixture_site, f"pocket_card_contacts: [{medium}, {no_phone}, no-such-channel]")
    problems = checks.contacts(project, plan.settings(project))
    found = [(p.code, p.line) for p in problems if p.code == "leaflet-card-contact"]
    line = next(n for n, text in enumerate(project.config_path.read_text().splitlines(), 1)
                if "pocket_card_contacts:" in text)
    assert [code for code, _ in found] == ["leaflet-card-contact"] * 3 and all(n == line for _, n in found)
    assert "confidence medium" in problems[0].message and "no phone" in problems[1].message
    assert "is not in data/contacts.yml" in problems[2].message


def checks_contacts(root) -> list[dict]:
    return yaml.safe_load((root / "data" / "contacts.yml").read_text(encoding="utf-8"))["contacts"]


def set_confidence(root, contact_id: str, confidence: str) -> None:
    contacts = checks_contacts(root)
    for contact in contacts:
        if contact["id"] == contact_id:
            contact["confidence"] = confidence
    (root / "data" / "contacts.yml").write_text(
        yaml.safe_dump({"contacts": contacts}, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_contact_on_the_card_needs_a_short_name(fixture_site):
    # A channel with a phone that is neither on the card nor in the emergency box, made certain here.
    extra = Project(fixture_site).config().data["extra"]
    shown = {*extra["pocket_card_contacts"], *extra["emergency_contacts"]}
    certain = next(c["id"] for c in checks_contacts(fixture_site) if c.get("phones") and c["id"] not in shown)
    set_confidence(fixture_site, certain, "high")
    project = configured(fixture_site, f"pocket_card_contacts: [{certain}]")
    problems = checks.contacts(project, plan.settings(project))
    assert [(p.code, p.path.name) for p in problems] == [("leaflet-short-name", "en.yml")]
    assert f"contacts.{certain}.short_name" in problems[0].message


def test_a_word_to_avoid_in_a_file_name_properties_or_on_a_card_is_an_error(fixture_site, tmp_path):
    project = Project(fixture_site)
    word = "trafficking"
    leaflet = plan.Leaflet("en", "card", tmp_path / "index.html", tmp_path / f"{word}-card.pdf", plan.CARD)
    html = (f'<html><head><title>Phone numbers</title><meta name="keywords" content="{word}"></head>'
            f'<body><p>Call the {word.title()} line</p></body></html>')
    problems = checks.discreet(project, leaflet, html)
    assert [p.code for p in problems] == ["leaflet-not-neutral"] * 3
    assert {p.message.split("in its ")[1] for p in problems} == {"file name.", "keywords.", "face."}
    assert all(p.path.name == "en.yml" for p in problems)


def test_a_nearly_empty_last_page_is_an_error_naming_the_page(tmp_path):
    leaflet = plan.Leaflet("en", "help", tmp_path / "help" / "index.html", tmp_path / "info-2.pdf")
    result = render.Result(leaflet.pdf, 2, 0.1, 3)
    [problem] = leaflets.page_problems(PROJECT, leaflet, result, leaflets.MAX_PAGES)
    assert (problem.code, problem.path, problem.line) == (
        "leaflet-last-page", PROJECT.docs / PROJECT.default_language() / "help.md", 1)
    assert "10%" in problem.message


def test_too_long_leaflet_fails_with_the_source_page_named(made, monkeypatch, tmp_path, capsys):
    copy = tmp_path / "site"
    shutil.copytree(made.site, copy)
    default = PROJECT.default_language()
    old_name = copy / "leaflets" / default / "signs-of-trafficking.pdf"
    old_name.parent.mkdir(parents=True, exist_ok=True)
    old_name.write_bytes(b"%PDF-1.7 a leaflet from an earlier run")
    leaflet, pages = max(((leaflet, pages) for leaflet, pages in made.done
                          if leaflet.kind == leaflets.PAGE and leaflet.language == default), key=lambda item: item[1])
    if pages < 2:
        # Every leaflet of this site fits one A4 page: in the copy, one page says its text
        # again and again, some 8,000 letters (two A4 pages at 11pt hold about 7,000).
        page = copy / leaflet.html.relative_to(made.site)
        text = page.read_text(encoding="utf-8")
        inner = htmlparts.first_inner(text, htmlparts.has_class("div", "rg-page"))
        times = 8000 // max(1, len(htmlparts.plain_text(inner))) + 1
        opening = re.search(r'<div class="rg-page"[^>]*>', text)[0]
        page.write_text(text.replace(opening, opening + inner * times, 1), encoding="utf-8")
    monkeypatch.setattr(plan, "leaflet_pages", lambda project: [leaflet.name])
    # Only the default language, whose PDFs `made` left in the cache: rendering every
    # language's booklet again would take minutes and prove nothing more.
    monkeypatch.setattr(plan, "built_languages", lambda project, site: [default])
    monkeypatch.setattr(leaflets, "MAX_PAGES", 1)
    status = leaflets.run(PROJECT, copy)
    out = capsys.readouterr().out
    assert status == 1 and "leaflet-too-long" in out
    assert not old_name.exists(), "a PDF no longer planned stays online"
    assert re.search(rf"docs/{default}/{leaflet.name}\.md:1: leaflet-too-long: the {default} leaflet has [2-9] "
                     r"A4 pages \(limit 1\)\.", out), out


def test_missing_pango_is_a_clear_error(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(leaflets, "load_weasyprint", lambda: (None, "WeasyPrint cannot start: no libpango"))
    assert leaflets.run(PROJECT, tmp_path) == 1
    out = capsys.readouterr().out
    assert "leaflet-no-pango" in out
    assert "Makefile:1: leaflet-no-pango: WeasyPrint cannot start" in out
    assert "libpango-1.0-0" in out and "Fix:" in out


def test_a_site_with_no_leaflet_pages_is_a_clear_error(tmp_path, capsys):
    (tmp_path / "notes.html").write_text("<html><body>not a page of the site</body></html>", encoding="utf-8")
    assert leaflets.run(PROJECT, tmp_path) == 1
    out = capsys.readouterr().out
    assert "leaflet-none" in out
    assert f"{tmp_path}:1: leaflet-none: no built pages with 'leaflet: true'." in out and "make site" in out


def test_a_page_without_the_leaflet_placeholder_is_named(made, tmp_path):
    copy = tmp_path / "site"
    shutil.copytree(made.site, copy)
    leaflet = next(leaflet for leaflet in made.of(leaflets.PAGE) if leaflet.language == PROJECT.default_language())
    page = copy / leaflet.html.relative_to(made.site)
    page.write_text(re.sub(r'<p class="rg-leaflet"[^>]*>.*?</p>', "", page.read_text(encoding="utf-8"), flags=re.S),
                    encoding="utf-8")
    moved = plan.Leaflet(leaflet.language, leaflet.name, page, copy / leaflet.pdf.relative_to(made.site))
    problems = leaflets.link_leaflets([moved], copy)
    assert [(p.code, p.path, p.line) for p in problems] == [("leaflet-no-placeholder", page, 1)]
