"""Every script in data/languages.yml, built or not yet, drawn in its configured
leaflet font with no missing glyph: a language added later prints too."""

from __future__ import annotations

import pytest

from rights_guide.build import leaflets
from rights_guide.build.leaflets import render
from tests.leaflets import pdfread
from tests.leaflets.conftest import PROJECT, unavailable

ROWS = PROJECT.language_table().rows


@pytest.fixture(scope="module")
def drawn(tmp_path_factory):
    _, reason = leaflets.load_weasyprint()
    if reason:
        unavailable(reason)
    folder = tmp_path_factory.mktemp("scripts")
    sheet = PROJECT.root / leaflets.STYLESHEETS / "leaflet-card.css"
    found = {}
    for code, facts in ROWS.items():
        html = (f'<!doctype html><html lang="{code}" dir="{facts.direction}" class="rg-doc"><body>'
                f'<p class="rg-card__number">{facts.name} 112 +358</p></body></html>')
        found[code] = render.render(render.Job(folder / f"{code}.pdf", folder.as_uri(), (sheet,), facts.font,
                                               (html,), 1)).pdf
    return found


@pytest.mark.parametrize("code", sorted(ROWS))
def test_the_language_name_is_drawn_in_its_font(drawn, code):
    facts = ROWS[code]
    pdf = drawn[code]
    assert pdfread.notdef_glyphs(pdf) == 0
    shown = pdfread.text(pdf)
    assert "\x00" not in shown and "\ufffd" not in shown
    letters = {char for char in pdfread.normalise(facts.name) if char.isalnum()}
    assert letters <= set(shown), (code, sorted(letters - set(shown)))
    names = [font["name"].split("+")[-1] for font in pdfread.fonts(pdf)]
    assert any(name.startswith(facts.font.replace(" ", "-")) for name in names), (code, facts.font, names)
