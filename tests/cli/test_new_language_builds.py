"""Issue 11's rule on a small site: `new-language` for a Latin-script, an Arabic-script
right-to-left and a Han-script code, and the site still passes `check` and a strict
build, each new language's pages with the `lang` and `dir` of its row in
data/languages.yml. (The repository's own site is tried the same way by hand: a
copy, three `new-language` calls, then `make test`, untouched; CONTRIBUTING.md.)"""

from __future__ import annotations

import io
from contextlib import redirect_stdout

from bs4 import BeautifulSoup

from rights_guide.cli import main
from rights_guide.model.project import Project
from tests.checks.checkrun import run_check
from tests.conftest import mkdocs_build
from tests.siteconfig import SiteConfig

# Latin script; Central Kurdish in Arabic script, right to left; Chinese in traditional Han.
NEW = ("sv", "ckb", "zh-Hant")


def test_new_languages_pass_the_check_and_a_strict_build(fixture_site, tmp_path):
    before = [language.code for language in Project(fixture_site).languages()]
    for code in NEW:
        out = io.StringIO()
        with redirect_stdout(out):
            status = main(["--root", str(fixture_site), "new-language", code])
        assert status == 0, out.getvalue()

    config = SiteConfig(Project(fixture_site))
    assert config.codes == [*before, *NEW], "new-language adds each code to mkdocs.yml, in order"
    status, problems, text = run_check(fixture_site)
    assert status == 0, text
    assert [p for p in problems if "warning:" not in p["rest"]] == [], text

    site = tmp_path / "built"
    result = mkdocs_build(fixture_site, site)
    assert result.returncode == 0, result.stderr
    table = Project(fixture_site).language_table()
    for code in NEW:
        row = table.get(code)
        assert config.direction(code) == row.direction
        for source in config.sources():  # no page of its own yet: each is the English fallback
            soup = BeautifulSoup(config.built(site, code, source).read_text(encoding="utf-8"), "html.parser")
            assert soup.html["lang"] == code, f"{code}/{source}: lang"
            assert soup.body["dir"] == row.direction, f"{code}/{source}: dir is {row.direction} in data/languages.yml"
            assert soup.select_one(".rg-notice--fallback") is not None, f"{code}/{source}: the fallback notice"
            assert soup.select_one(".rg-fallback")["lang"] == config.default
        not_found = BeautifulSoup((site / code / "404.html").read_text(encoding="utf-8"), "html.parser")
        assert (not_found.html["lang"], not_found.body["dir"]) == (code, row.direction)
        switcher = {a["hreflang"]: a.get_text(strip=True) for a in
                    BeautifulSoup(config.built(site, code, "index.md").read_text(encoding="utf-8"),
                                  "html.parser").select(".md-select__link")}
        assert switcher[code] == row.name, "the language list names it as data/languages.yml does"
    assert {table.get(code).direction for code in NEW} == {"ltr", "rtl"}, "one of them is right to left"


def test_materials_own_texts_are_asked_only_of_a_language_material_lacks(fixture_site):
    """Somali has no `material:` row value: its strings file gets `material.*` to translate and
    the check asks for them; Swedish has Material's own, so neither is asked of it."""
    for code in ("so", "sv"):
        assert main(["--root", str(fixture_site), "new-language", code]) == 0
    strings_dir = fixture_site / "data" / "strings"
    assert "search_placeholder:" in (strings_dir / "so.yml").read_text(encoding="utf-8")
    assert "search_placeholder:" not in (strings_dir / "sv.yml").read_text(encoding="utf-8")
    _, problems, text = run_check(fixture_site)
    missing = {(p["path"].split("/")[-1], p["rest"].split("'")[1]) for p in problems if p["code"] == "ui-missing-key"}
    assert ("so.yml", "material.search_placeholder") in missing, text
    assert not [key for path, key in missing if path == "sv.yml" and key.startswith("material.")], text
