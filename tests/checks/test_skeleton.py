"""The rendered comparison: each translation and its English page through the
site's Markdown pipeline, skeletons compared, problems at the translation's line.
Every case replaces docs/en/guide.md (headings, boxes of the three kinds, a
list, a table, a contact card, a link) and its Finnish translation."""

from __future__ import annotations

import pytest

from rights_guide.model import render, skeleton
from rights_guide.model.project import Project
from tests.checks import badsite
from tests.checks.checkrun import run_check
from tests.conftest import REPO

GUIDE = "docs/fi/guide.md"

BAD = {
    # code: (text on the line named, words in the message)
    "tr-box-state": ('!!! tip "Lisää', "box 2 (tip) is a box that is always open (!!!) here but a collapsed box "
                                       "(???) in English."),
    "tr-box-content": ("!!! warning", "box 1 (warning) holds no text here but a paragraph in English"),
    "tr-lists": ("- passisi", "0 lists vs 1 in guide.md (English); missing list 'bulleted list of 3 items'"),
    "tr-tables": ("| Palvelu |", "table 1 is '2 rows of 2 columns' here but '3 rows of 2 columns' in English"),
    "tr-empty-text": ("## {#bring}", "a heading has no text (readers see only '{#bring}')"),
    "tr-hidden-content": ("<!--", "an HTML comment hiding [[contact:nas]]"),
}

VARIANTS = {
    # folder: (code, text on the line named, words in the message)
    "box-opened": ("tr-box-state", "??? note", "is a collapsed box (???) here but a collapsible box shown open "
                                               "(???+) in English"),
    "marker-in-code": ("tr-markers", "`[[contact: nas]]`", "[[contact:nas]] is shown as code"),
    "styled-paragraph": ("tr-hidden-content", "{ style=", 'style="display:none" on <p>'),
    "hidden-attribute": ("tr-hidden-content", "{ hidden }", "a 'hidden' attribute on <p>"),
    "empty-link-text": ("tr-empty-text", "[](help.md)", "the link to 'help.md' has no text"),
    "link-in-code-block": ("tr-links", "    Lue [apusivu](help.md).", "missing link 'help.md'"),
    "list-item-missing": ("tr-lists", "- passisi", "list 1 is 'bulleted list of 2 items' here but "
                                                   "'bulleted list of 3 items' in English"),
}


def test_a_faithful_translation_of_every_structure_passes(fixture_site):
    badsite.apply(fixture_site, "guide")
    status, problems, text = run_check(fixture_site)
    assert status == 0, text
    assert [p for p in problems if "guide.md" in p["path"]] == [], text


@pytest.mark.parametrize("code", sorted(BAD))
def test_bad_rendering_is_reported_at_the_translation_line(fixture_site, code):
    needle, words = BAD[code]
    badsite.reported(fixture_site, code, code, GUIDE, needle, words)


@pytest.mark.parametrize("case", sorted(VARIANTS))
def test_more_differences_the_reader_would_see(fixture_site, case):
    code, needle, words = VARIANTS[case]
    badsite.reported(fixture_site, case, code, GUIDE, needle, words)


@pytest.mark.parametrize("case, words", [
    ("tr-hidden-content", "an HTML comment hiding [[contact:nas]]"),
    ("section-commented-out", "an HTML comment hiding a section (heading '## Maksut {#fees}')"),
])
def test_one_fault_is_one_problem(fixture_site, case, words):
    # What a comment hides is not also reported as a missing heading, table, marker or link.
    badsite.apply(fixture_site, case)
    _, problems, text = run_check(fixture_site)
    found = [p for p in problems if p["path"] == GUIDE]
    assert [p["code"] for p in found] == ["tr-hidden-content"], text
    assert words in found[0]["rest"]


def test_the_pipeline_is_read_from_mkdocs_yml_with_its_slugify_function():
    names, settings = render.extensions(render.read_config(REPO / "mkdocs.yml"))
    assert names[:3] == list(render.MKDOCS_BUILTINS)
    assert {"admonition", "pymdownx.details", "attr_list", "md_in_html"} <= set(names)
    assert callable(settings["toc"]["slugify"])
    html = render.Renderer(Project(REPO)).render("## Ääkköset\n\n## مرحبا\n").html
    assert [f.detail["id"] for f in skeleton.read(render.Rendered(html, []))] == ["ääkköset", "مرحبا"]


def test_other_python_tags_in_mkdocs_yml_are_never_run(tmp_path):
    config = tmp_path / "mkdocs.yml"
    config.write_text("markdown_extensions:\n  - toc:\n      slugify: !!python/object/apply:os.system [\"touch "
                      f"{tmp_path}/ran\"]\n", encoding="utf-8")
    assert render.read_config(config)["markdown_extensions"][0]["toc"]["slugify"] is None
    assert not (tmp_path / "ran").exists()


def test_every_case_compares_with_the_same_english_page():
    copies = {path.read_text(encoding="utf-8") for path in (REPO / "tests/fixtures").glob("*/*/docs/en/guide.md")}
    assert len(copies) == 1, "the cases' docs/en/guide.md differ: change them all together"
