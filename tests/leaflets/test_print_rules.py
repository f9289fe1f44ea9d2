"""Rules leaflet.css adds to the site's print style, on a small document
rendered the way leaflets are: screen-only text hidden, admonition icons
drawn (WeasyPrint cannot draw Material's CSS masks: it paints a solid square)."""

from __future__ import annotations

import subprocess

from PIL import Image

from rights_guide.build import leaflets
from rights_guide.build.leaflets import render
from tests.leaflets import pdfread
from tests.leaflets.conftest import PROJECT

SAMPLE = """<!doctype html><html lang="en" dir="ltr" class="rg-doc rg-fit-0"><body><div class="md-typeset">
<div class="rg-page"><h1>Title</h1>
<div class="admonition tip"><p class="admonition-title">Good to know</p><p>Text of the tip.</p></div>
<p>Kept on paper.</p><p class="rg-screen-only">Press the button at the top.</p>
</div></div></body></html>"""
TIP_RULE = ".tip>.admonition-title"  # in the site's stylesheet only where a page has a tip
TIP = (0x00, 0xBF, 0xA5)  # Material's tip colour: a solid square of it is the bug


def test_screen_only_text_is_not_printed_and_the_tip_icon_is_drawn(made, tmp_path, request):
    site = made.site
    if TIP_RULE not in leaflets.site_stylesheet(site).read_text(encoding="utf-8"):
        # No page of this site has a tip, so its trimmed stylesheet has no rule for one:
        # the fixture site's has (tests/fixtures/site/docs/en/untranslated.md).
        site = request.getfixturevalue("built_fixture_site")
    sheets = (leaflets.site_stylesheet(site), PROJECT.root / leaflets.STYLESHEETS / "leaflet.css")
    pdf = render.render(render.Job(tmp_path / "sample.pdf", site.as_uri(), sheets, "Noto Sans", (SAMPLE,), 1)).pdf
    shown = pdfread.text(pdf)
    assert "Kept on paper." in shown and "Press the button" not in shown
    subprocess.run(["pdftoppm", "-r", "150", "-png", str(pdf), str(tmp_path / "sample")], check=True)
    image = Image.open(next(tmp_path.glob("sample*.png"))).convert("RGB")
    title = next(run for run in pdfread.runs(pdf)[0] if run.text.startswith("Good to know"))
    scale = 150 / 72
    # The icon sits before the title text, on its line.
    box = (round((title.x - 1.6 * title.size) * scale), round((title.y - title.size * 1.2) * scale),
           round((title.x - 0.1 * title.size) * scale), round((title.y + 4) * scale))
    crop = image.crop(box)
    pixels = [crop.getpixel((x, y)) for x in range(crop.width) for y in range(crop.height)]
    solid = sum(all(abs(c - t) < 40 for c, t in zip(pixel, TIP)) for pixel in pixels)
    dark = sum(sum(pixel) < 200 for pixel in pixels)
    assert solid < 10, "the icon is a solid square"
    assert dark > 20, "no icon drawn"
