"""The leaflets of the repository's own site, made once for these tests in a copy
of the built site, and what the tests read from configuration: languages,
pages, contacts and words are never written into a test."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import yaml

from rights_guide.build import leaflets
from rights_guide.build.leaflets import document, htmlparts, plan
from rights_guide.model import strings
from tests.conftest import CHECKOUT, made_once
from tests.leaflets import pdfread

PROJECT = CHECKOUT
CONFIG = PROJECT.config().data
SETTINGS = plan.settings(PROJECT)
CONTACTS = {c["id"]: c for c in yaml.safe_load(PROJECT.contacts_path.read_text(encoding="utf-8"))["contacts"]}
DEFAULT = PROJECT.default_language()


def sampled_languages() -> list[str]:
    """The default language and the first other language of each script other than the
    default's (the first other language if there is none): the tests make these languages'
    leaflets (`make leaflets` makes every language's), so their time grows with the
    scripts, not with the languages. Every language's pocket card is made too
    (ALL_LANGUAGES): its words, in the language's font, are the glyph check."""
    table = PROJECT.language_table()
    others = [language.code for language in PROJECT.languages() if language.code != DEFAULT]
    chosen, scripts = [DEFAULT], {table.get(DEFAULT).script}
    for code in others:
        script = table.get(code).script
        if script not in scripts:
            chosen.append(code)
            scripts.add(script)
    return chosen if len(chosen) > 1 or not others else [DEFAULT, others[0]]


LANGUAGES = sampled_languages()
ALL_LANGUAGES = [language.code for language in PROJECT.languages()]
# The booklet (every page, 30 to 50 A4 pages) of the default language and of the first
# language of the other direction: the longest PDFs to render; scripts are checked on the
# page leaflets and cards above.
BOOKLET_LANGUAGES = [DEFAULT, *[code for code in LANGUAGES if code != DEFAULT
                                 and PROJECT.language_table().get(code).direction
                                 != PROJECT.language_table().get(DEFAULT).direction][:1]] \
    if len(LANGUAGES) > 1 else LANGUAGES


def decode_sample(made_leaflets: list) -> list:
    """The leaflets whose QR codes are decoded from a rendered image (a second or more each):
    all of the default language and each other language's first. Every leaflet's printed
    address is still compared as text; the code and the address come from the same value."""
    seen = set()
    sample = []
    for leaflet in made_leaflets:
        if leaflet.language == DEFAULT or leaflet.language not in seen:
            sample.append(leaflet)
            seen.add(leaflet.language)
    return sample


def unavailable(reason: str):
    """Skip on a developer machine without the system packages; fail in CI."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI must run the leaflet tests; .ci/run installs the packages)")
    pytest.skip(reason)


def ui(language: str) -> dict[str, str]:
    return strings.load(PROJECT, language)


def facts(language: str):
    return PROJECT.language_table().get(language)


def numbers(contact_ids) -> list[str]:
    return [phone["number"] for contact_id in contact_ids for phone in CONTACTS[contact_id].get("phones", [])]


# Parts of a page that leaflet.css hides on paper.
HIDDEN = (("p", "rg-contact__caution"), ("p", "rg-contact__source"))


def source_text(leaflet) -> str:
    """The words the leaflet's HTML shows, to compare with what the PDF shows."""
    html = document.html_for(PROJECT, SETTINGS, leaflet)
    for tag, name in HIDDEN:
        html = htmlparts.remove(html, htmlparts.has_class(tag, name))
    html = htmlparts.remove(html, lambda tag, attrs: "rg-screen-only" in (attrs.get("class") or "").split())
    return htmlparts.plain_text(htmlparts.first_inner(html, lambda tag, attrs: tag == "body") or "")


class Made:
    """The leaflets made: site, (leaflet, pages) pairs, problems; by kind."""

    def __init__(self, site: Path, done: list, problems: list):
        self.site, self.done, self.problems = site, done, problems

    def of(self, kind: str) -> list:
        return [leaflet for leaflet, _ in self.done if leaflet.kind == kind]

    def pages(self, leaflet) -> int:
        return dict((made.pdf, pages) for made, pages in self.done)[leaflet.pdf]


@pytest.fixture(scope="session")
def made(built_site, tmp_path_factory) -> Made:
    _, reason = leaflets.load_weasyprint()
    if reason:
        unavailable(reason)
    if pdfread.tools_missing():
        unavailable(f"{', '.join(pdfread.tools_missing())} missing (Debian: poppler-utils, zbar-tools)")
    def make(folder: Path) -> Made:
        site = folder / "site"
        shutil.copytree(built_site, site)
        done, problems = leaflets.build(PROJECT, site, languages=LANGUAGES, cards=ALL_LANGUAGES,
                                        booklets=BOOKLET_LANGUAGES)
        return Made(site, done, problems)

    # Once per run, whichever test process asks first (the leaflet modules may run in several).
    return made_once(tmp_path_factory, "leaflets", make)
