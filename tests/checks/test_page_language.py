"""A page in another language of the same script than its folder's is an error
(page-wrong-language); short pages and languages the model does not know are
not checked, and the repository's own pages are all read as their language."""

from __future__ import annotations

import pytest

from rights_guide.checks import page_language
from rights_guide.cli import main
from rights_guide.model import language_id, markdown
from tests.checks.badcase import apply, assert_reported
from tests.checks.checkrun import find, run_check
from tests.conftest import CHECKOUT

SWEDISH = ("Ring 112 om du är i fara. Du kan också be någon du litar på att ringa åt dig. "
           "Samtalet är gratis och du behöver inte berätta vem du är.")
ESTONIAN = ("Helista numbril 112, kui oled ohus. Võid ka paluda kedagi, keda usaldad, sinu eest helistama. "
            "Kõne on tasuta ja sa ei pea ütlema, kes sa oled.")
FINNISH = ("Soita numeroon 112, jos olet vaarassa. Voit myös pyytää jotakuta, johon luotat, soittamaan puolestasi. "
           "Puhelu on maksuton, eikä sinun tarvitse kertoa, kuka olet.")


def test_bad_input_kept_as_files_is_reported(fixture_site):
    apply("page-wrong-language", fixture_site)
    assert_reported(fixture_site, "page-wrong-language", "docs/fi/help.md", 1, "reads as Swedish (sv")


def add_paragraph(site, page: str, text: str) -> None:
    path = site / page
    path.write_text(path.read_text(encoding="utf-8") + "\n" + text + "\n", encoding="utf-8")


@pytest.mark.parametrize("page, text, words", [
    ("docs/fi/index.md", ESTONIAN, "reads as Estonian (et"),
    ("docs/en/untranslated.md", FINNISH, "reads as Finnish (fi"),
])
def test_a_page_in_another_language_of_its_script_is_an_error(fixture_site, page, text, words):
    # The page's own short text is outweighed: most of what a reader reads is in another language.
    for _ in range(3):
        add_paragraph(fixture_site, page, text)
    status, problems, out = run_check(fixture_site)
    found = [p for p in find(problems, "page-wrong-language") if p["path"] == page]
    assert status == 1 and found and words in found[0]["rest"], out


def test_a_very_short_page_is_not_checked(fixture_site):
    path = fixture_site / "docs/fi/index.md"
    front, body = path.read_text(encoding="utf-8").split("\n---\n", 1)
    path.write_text(front + "\n---\n\n# Start\n\nRing 112 om du är i fara.\n", encoding="utf-8")
    assert len(markdown.read(path).prose()) < page_language.MIN_LETTERS
    status, problems, out = run_check(fixture_site)
    assert not find(problems, "page-wrong-language"), out


def test_english_left_in_a_translation_is_the_untranslated_warning_not_this_error(fixture_site):
    add_paragraph(fixture_site, "docs/fi/index.md", "You can call the Assistance System at any time of day or "
                  "night. It helps victims of human trafficking to find a safe place to live.")
    status, problems, out = run_check(fixture_site)
    assert not find(problems, "page-wrong-language"), out


def test_a_language_the_model_does_not_know_is_not_checked(fixture_site, capsys):
    assert main(["--root", str(fixture_site), "new-language", "ckb"]) == 0
    capsys.readouterr()
    known = set(language_id.identifier(None).result().labels)
    assert "ckb" not in known
    (fixture_site / "docs/ckb/help.md").write_text(
        (fixture_site / "docs/ar/help.md").read_text(encoding="utf-8") + "\n" + SWEDISH + "\n" + SWEDISH + "\n",
        encoding="utf-8")
    status, problems, out = run_check(fixture_site)
    assert not [p for p in find(problems, "page-wrong-language") if p["path"].startswith("docs/ckb/")], out


def test_every_page_of_the_repository_reads_as_its_language():
    """The false-positive rate TRANSLATING.md states: none of the repository's pages."""
    identifier = language_id.identifier(None).result()
    problems = page_language.check(CHECKOUT)
    assert problems == []
    checked = [path for language in CHECKOUT.languages() for path in (CHECKOUT.docs / language.code).rglob("*.md")
               if len(markdown.read(path).prose()) >= page_language.MIN_LETTERS]
    # Every page of every built language with enough prose to judge: none left out, none wrong.
    assert checked, (f"no page of docs/<language>/ of mkdocs.yml's languages has {page_language.MIN_LETTERS} "
                     "letters of prose: the check read nothing")
    assert identifier is not None
