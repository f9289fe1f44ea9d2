"""The fixture site (tests/fixtures/site) keeps up with the repository's build machinery.

It has its own mkdocs.yml and data/, so that the tests do not change with the
real site's languages, contacts and pages; what it shares with the real site
(theme, hooks, plugins, Markdown extensions, the keys templates read) must stay
the same, or the fixture would test another site.
"""

from __future__ import annotations

from rights_guide.model import yamlfile
from tests.conftest import CHECKOUT, FIXTURE

# mkdocs.yml settings that are the build machinery, not the site.
MACHINERY = ("docs_dir", "use_directory_urls", "strict", "theme", "extra_css", "extra_javascript", "hooks",
             "watch", "markdown_extensions", "validation")


def without_languages(plugins: list) -> list:
    """The plugins with static-i18n's list of languages left out (that is the site's)."""
    result = []
    for plugin in plugins:
        if isinstance(plugin, dict) and "i18n" in plugin:
            plugin = {"i18n": {key: value for key, value in plugin["i18n"].items() if key != "languages"}}
        result.append(plugin)
    return result


def test_the_fixture_config_has_the_repositorys_machinery():
    ours, fixture = CHECKOUT.config().data, FIXTURE.config().data
    for key in MACHINERY:
        assert fixture.get(key) == ours.get(key), \
            f"tests/fixtures/site/mkdocs.yml: '{key}' differs from mkdocs.yml; copy it over"
    assert without_languages(fixture["plugins"]) == without_languages(ours["plugins"]), \
        "tests/fixtures/site/mkdocs.yml: 'plugins' differ from mkdocs.yml (besides i18n's languages)"


def keys(project, code: str) -> set[str]:
    """The UI string keys of a strings file, contacts' texts left out (each site has its own)."""
    def flatten(data, prefix=""):
        for key, value in (data or {}).items():
            if isinstance(value, dict):
                yield from flatten(value, f"{prefix}{key}.")
            else:
                yield f"{prefix}{key}"
    data = yamlfile.load(project.strings_dir / f"{code}.yml").data
    return {key for key in flatten(data) if not key.startswith("contacts.")}


def test_the_fixture_strings_have_the_keys_the_templates_read():
    ours, fixture = keys(CHECKOUT, CHECKOUT.default_language()), keys(FIXTURE, FIXTURE.default_language())
    assert fixture == ours, (f"tests/fixtures/site/data/strings/{FIXTURE.default_language()}.yml: "
                             f"missing {sorted(ours - fixture)}, extra {sorted(fixture - ours)} "
                             f"compared with data/strings/{CHECKOUT.default_language()}.yml")
