"""Build speed: the caches and the preview change how long a build takes, never what it makes.

Behaviour only; timings are reported by `python -m rights_guide buildtime`, never asserted.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import types
from pathlib import Path

import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files

from rights_guide.build import i18n as i18n_alternates
from rights_guide.bench import buildtime, copies
from rights_guide.build.cache import CACHE_VARIABLE
from rights_guide.build.i18n import PREVIEW_VARIABLE
from rights_guide.model.project import Project
from tests.conftest import FIXTURE, make_fixture_site, mkdocs_build

# The fixture site's languages (tests/fixtures/site/mkdocs.yml): the default first.
FIXTURE_CODES = [language.code for language in FIXTURE.languages()]
DEFAULT, OTHER = FIXTURE.default_language(), [code for code in FIXTURE_CODES if code != FIXTURE.default_language()][0]

SPEED_HOOKS = ("hooks/template_cache.py", "hooks/i18n_alternates.py")

# Builds the site in this process, as `mkdocs build` does, then reports the template cache's counts.
BUILD_AND_COUNT = """
import json, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config = load_config(config_file=sys.argv[1], site_dir=sys.argv[2], strict=True)
config.plugins.on_startup(command="build", dirty=False)
try:
    build(config)
finally:
    config.plugins.on_shutdown()
caches = sys.modules["hooks/template_cache.py"]._caches.values()
compiled = {name: count for cache in caches for name, count in cache.compiled.items()}
print(json.dumps({"compiled": compiled, "reused": sum(cache.reused for cache in caches)}))
"""


def build_and_count(site: Path, output: Path, cache: str, preview: str = "") -> dict:
    result = subprocess.run(
        [sys.executable, "-c", BUILD_AND_COUNT, str(site / "mkdocs.yml"), str(output)],
        cwd=site, capture_output=True, text=True, check=False,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", CACHE_VARIABLE: cache,
             PREVIEW_VARIABLE: preview})
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def differences(left: Path, right: Path) -> list[str]:
    """Paths that are in one tree only, or whose bytes differ."""
    def files(root: Path) -> dict[str, Path]:
        return {path.relative_to(root).as_posix(): path for path in root.rglob("*") if path.is_file()}

    ours, theirs = files(left), files(right)
    return sorted(set(ours) ^ set(theirs)) + sorted(
        name for name in set(ours) & set(theirs) if ours[name].read_bytes() != theirs[name].read_bytes())


def without_speed_hooks(site: Path) -> None:
    config = site / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    for hook in SPEED_HOOKS:
        assert f"  - {hook}\n" in text
        text = text.replace(f"  - {hook}\n", "")
    config.write_text(text, encoding="utf-8")


def test_all_languages_compile_no_more_templates_than_one(fixture_site, tmp_path):
    one = build_and_count(fixture_site, tmp_path / DEFAULT, "off", preview=DEFAULT)["compiled"]
    every = build_and_count(fixture_site, tmp_path / "all", "off")
    assert "main.html" in one and "partials/header.html" in one
    assert {name: count for name, count in every["compiled"].items() if name in one} == one
    # Only each language's theme texts (Material's file, data/languages.yml) and the language menu are new.
    others = [language for language in FIXTURE.languages() if not language.default]
    assert set(every["compiled"]) - set(one) == {
        f"partials/languages/{language.facts.material}.html" for language in others} | {"partials/alternate.html"}
    assert every["reused"] >= len(others) * len(one), "the other languages got them from the cache"


def test_the_next_build_compiles_nothing_with_the_disk_cache(fixture_site, tmp_path):
    cache = tmp_path / "cache"
    first = build_and_count(fixture_site, tmp_path / "first", str(cache))
    second = build_and_count(fixture_site, tmp_path / "second", str(cache))
    assert first["compiled"] and second["compiled"] == {}
    assert list((cache / "jinja").glob("*.jinja")) and list((cache / "qr").glob("*.svg"))
    assert differences(tmp_path / "first", tmp_path / "second") == []


def test_an_edited_template_is_compiled_again(fixture_site, tmp_path):
    cache = str(tmp_path / "cache")
    build_and_count(fixture_site, tmp_path / "first", cache)
    footer = fixture_site / "overrides" / "partials" / "site-footer.html"
    footer.write_text(footer.read_text(encoding="utf-8") + "<!-- edited -->\n", encoding="utf-8")
    second = build_and_count(fixture_site, tmp_path / "second", cache)
    assert second["compiled"] == {"partials/site-footer.html": 1}
    finnish = (tmp_path / "second" / "fi" / "index.html").read_text(encoding="utf-8")
    assert "<!-- edited -->" in finnish


def test_the_speed_hooks_do_not_change_the_output(tmp_path, monkeypatch):
    plain = make_fixture_site(tmp_path / "plain")
    without_speed_hooks(plain)
    monkeypatch.setenv(CACHE_VARIABLE, "off")  # QR codes drawn afresh
    assert mkdocs_build(plain, tmp_path / "plain-site").returncode == 0
    ours = make_fixture_site(tmp_path / "ours")
    monkeypatch.setenv(CACHE_VARIABLE, str(tmp_path / "cache"))
    for run in ("empty-cache", "warm-cache"):
        assert mkdocs_build(ours, tmp_path / run).returncode == 0
    assert (tmp_path / "plain-site" / "sitemap.xml").exists()
    assert (tmp_path / "plain-site" / OTHER / "index.html").exists()
    assert differences(tmp_path / "plain-site", tmp_path / "empty-cache") == []
    assert differences(tmp_path / "plain-site", tmp_path / "warm-cache") == []


@pytest.mark.parametrize("fallback", [True, False])
def test_alternates_are_the_ones_static_i18n_finds(tmp_path, fallback):
    docs = tmp_path / "docs"
    pages = {"en": ["index.md", "a.md", "sub/b.md", "image.png"],
             "fi": ["index.md", "a.md", "only-fi.md"], "ar": ["sub/b.md", "image.png"], "de": []}
    for code, names in pages.items():
        (docs / code).mkdir(parents=True)
        for name in names:
            (docs / code / name).parent.mkdir(parents=True, exist_ok=True)
            (docs / code / name).write_text("# Page\n", encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: t\nplugins:\n  - i18n:\n      docs_structure: folder\n"
        f"      fallback_to_default: {str(fallback).lower()}\n      languages:\n"
        + "".join(f"        - {{locale: {code}, name: {code}, default: {code == 'en'}}}\n"
                  for code in pages), encoding="utf-8")
    config = load_config(config_file=str(tmp_path / "mkdocs.yml"))
    i18n = config.plugins["i18n"]

    def alternates() -> dict:
        found = {}
        for code in pages:
            i18n.current_language = code
            for file in i18n.reconfigure_files(get_files(config), config):
                if hasattr(file, "alternates"):
                    found[code, file.src_uri] = [
                        (language, alternate.src_uri, alternate.dest_uri, alternate.url,
                         alternate.locale)
                        for language, alternate in file.alternates.items()]
        return found

    stock = alternates()
    faster = i18n_alternates.reconfigure_files_alternates
    i18n.reconfigure_files_alternates = types.MethodType(faster, i18n)
    assert alternates() == stock
    assert (("de", "en/a.md") in stock) == fallback
    finnish_a = [language for language, *_ in stock["fi", "fi/a.md"]]
    assert finnish_a == (["fi", "ar", "de", "en"] if fallback else ["fi", "en"])


def test_the_faster_alternates_are_installed_on_the_pinned_static_i18n():
    # A new static-i18n version must be checked against tests above before it is added.
    assert i18n_alternates.checked_version()


def test_a_preview_builds_only_that_language_and_english(fixture_site, tmp_path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", PREVIEW_VARIABLE: "fi"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                             "--site-dir", str(tmp_path / "fi")], cwd=fixture_site, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    site = tmp_path / "fi"
    assert (site / "index.html").exists() and (site / "fi" / "index.html").exists()
    # An English page without a Finnish translation is there, as on the published site.
    assert (site / "fi" / "untranslated" / "index.html").exists()
    assert not (site / "ar").exists()


def test_a_preview_of_the_default_language_builds_it_alone(fixture_site, tmp_path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", PREVIEW_VARIABLE: "en"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                             "--site-dir", str(tmp_path / "en")], cwd=fixture_site, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "en" / "untranslated" / "index.html").exists()
    assert not (tmp_path / "en" / "fi").exists() and not (tmp_path / "en" / "ar").exists()


def test_a_preview_of_an_unknown_language_says_which_exist(fixture_site, tmp_path):
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", PREVIEW_VARIABLE: "xx"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
                             "--site-dir", str(tmp_path / "xx")], cwd=fixture_site, env=env,
                            capture_output=True, text=True, check=False)
    assert result.returncode != 0
    assert ("RG_PREVIEW_LANGUAGE=xx: not a language of this site. Fix: use one of en, fi, ar "
            "(make serve PREVIEW=fi), or leave it unset.") in result.stderr


def test_the_stock_config_is_valid_and_has_the_sites_languages(fixture_site, tmp_path):
    project = Project(fixture_site)
    stock = tmp_path / "stock.yml"
    stock.write_text(buildtime.stock_config(project), encoding="utf-8")
    config = load_config(config_file=str(stock))
    assert config.hooks == {} and config.theme.custom_dir is None and config.theme["font"] is False
    assert Path(config.docs_dir) == project.docs.resolve()
    assert list(config.plugins) == ["material/search", "i18n"]
    i18n = config.plugins["i18n"].config
    assert [(language.locale, language.default, language.build) for language in i18n.languages] == [
        (language.code, language.default, True) for language in project.languages()]
    assert i18n.docs_structure == "folder" and i18n.fallback_to_default is True
    ours = load_config(config_file=str(project.config_path))
    # The same extensions, except our own (rights_guide.*), which are not stock.
    assert config.markdown_extensions == [name for name in ours.markdown_extensions
                                          if not name.startswith("rights_guide.")]
    assert any(name.startswith("rights_guide.") for name in ours.markdown_extensions)
    assert repr(config.mdx_configs) == repr(ours.mdx_configs)  # the same toc slugify, say
    assert config.nav == ours.nav and config.site_url == ours.site_url

    stock.write_text(buildtime.stock_config(project, OTHER), encoding="utf-8")
    i18n = load_config(config_file=str(stock)).plugins["i18n"].config
    assert [language.locale for language in i18n.languages if language.build] == [DEFAULT, OTHER]


def test_the_scaling_copy_has_every_language_with_the_english_pages(fixture_site, tmp_path):
    count = len(FIXTURE_CODES) + 2
    copy = copies.scaled_project(Project(fixture_site), count, tmp_path / "scaled")
    codes = [language.code for language in copy.languages()]
    added = codes[len(FIXTURE_CODES):]
    assert codes[:len(FIXTURE_CODES)] == FIXTURE_CODES and len(added) == 2, codes
    assert set(added) <= set(copies.SCALING_LANGUAGES)
    english = sorted(path.name for path in (copy.docs / DEFAULT).rglob("*.md"))
    for code in added:
        assert sorted(path.name for path in (copy.docs / code).rglob("*.md")) == english
        assert (copy.strings_dir / f"{code}.yml").exists()
    assert sorted(path.name for path in (copy.docs / OTHER).rglob("*.md")) != english  # untouched
    assert f"locale: {added[-1]}" in buildtime.stock_config(copy)


def test_the_scaling_copy_with_fewer_languages_keeps_the_first(fixture_site, tmp_path):
    copy = copies.scaled_project(Project(fixture_site), 1, tmp_path / "scaled")
    assert [language.code for language in copy.languages()] == [DEFAULT]
    assert not (copy.docs / OTHER).exists() and not (copy.strings_dir / f"{OTHER}.yml").exists()
    assert f"/{OTHER}/" not in (copy.root / "deploy" / "_headers").read_text(encoding="utf-8")


def test_the_report_section_shows_ours_stock_and_scaling(fixture_site, tmp_path):
    calls = []

    def timer(config: Path, site_dir: Path, env: dict) -> buildtime.Timing:
        calls.append((config, env))
        ours = config.name == "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        languages = len(Project(config.parent).languages()) if ours else text.count("locale:")
        if env.get(PREVIEW_VARIABLE) or "build: false" in text:
            languages = 1
        per_language = 0.2 if ours else 0.5
        return buildtime.Timing(1.0 + per_language * languages, 1.1 + per_language * languages)

    text = buildtime.markdown(Project(fixture_site), runs=1, counts=(3, 5), serve=False,
                              timer=timer)
    assert text.startswith("## Build time\n")
    assert "| All languages | 1.60 (1.70) | 1.60 (1.70) | 2.50 (2.60) | 0.64 (0.65) |" in text
    assert ("| `en` alone (`RG_PREVIEW_LANGUAGE=en`) | 1.20 (1.30) | – | 1.50 (1.60) "
            "| 0.80 (0.81) |") in text
    assert "| Each further language (difference / 2) | 0.20 | – | 0.50 | 0.40 |" in text
    assert "| 3 | 1.60 (1.70) | 2.50 (2.60) | 0.64 (0.65) | – | – |" in text
    assert "| 5 | 2.00 (2.10) | 3.50 (3.60) | 0.57 (0.58) | 0.20 | 0.50 |" in text
    # Ours always gets its own cache folder: never the checkout's .cache/.
    ours = [env for config, env in calls if config.name == "mkdocs.yml"]
    assert ours and all(CACHE_VARIABLE in env for env in ours)


def test_stock_leaves_out_the_codes_static_i18n_refuses(fixture_site, capsys):
    """Stock static-i18n takes two-letter codes only (and Material fails without its button texts,
    as for so): a site with ckb is still compared, without it."""
    import yaml

    from rights_guide.cli import main

    assert main(["--root", str(fixture_site), "new-language", "ckb"]) == 0, capsys.readouterr().out
    project = Project(fixture_site)
    assert buildtime.stock_left_out(project) == ["ckb"]
    # The head of the config, before the site's own Markdown settings (which carry Python tags).
    head = buildtime.stock_config(project).split("\nmarkdown_extensions:")[0]
    stock = yaml.safe_load(head)
    locales = [language["locale"] for language in stock["plugins"][1]["i18n"]["languages"]]
    assert "ckb" not in locales and locales == [code for code in
                                                 (language.code for language in project.languages()) if code != "ckb"]
