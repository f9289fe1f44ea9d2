"""Every form of link, image and resource goes through the same checks; front
matter keeps English's facts and holds only https:// addresses."""

from __future__ import annotations

import pytest

from rights_guide.model import markdown
from tests.checks import badsite
from tests.checks.checkrun import find, run_check

FI_INDEX = "docs/fi/index.md"


def test_kept_field_differs_from_english(fixture_site):
    badsite.reported(fixture_site, "tr-kept-fields", "tr-kept-fields", FI_INDEX, "last_reviewed:",
                     "last_reviewed is 2026-12-24 here but 2026-11-30 in English.")


def test_a_source_address_and_a_leaflet_english_does_not_have_are_reported(fixture_site):
    found = badsite.reported(fixture_site, "kept-fields-sources", "tr-kept-fields", FI_INDEX,
                             "url: https://migri.fi/fi/",
                             "source 1 is 'https://migri.fi/fi/ihmiskaupan-uhrien-auttamisjarjestelma' here but "
                             "'https://migri.fi/en/assistance-system-for-victims-of-human-trafficking' in English")
    assert any("'leaflet' is not in the English page's front matter" in p["rest"] for p in found)


def test_fields_left_out_are_taken_from_english_and_not_reported(fixture_site):
    # The fixture's translations leave out last_reviewed and sources, which English has.
    assert "last_reviewed" not in markdown.read(fixture_site / FI_INDEX).meta
    _, problems, text = run_check(fixture_site)
    assert find(problems, "tr-kept-fields") == [], text


def test_a_front_matter_address_that_is_not_https_is_reported(fixture_site):
    badsite.reported(fixture_site, "front-matter-url", "front-matter-url", "docs/en/index.md", "url: http://",
                     "sources.0.url holds 'http://migri.fi/en/assistance-system-for-victims-of-human-trafficking', "
                     "not an https:// web address.")


@pytest.mark.parametrize("words", ["'javascript:alert(document.cookie)'", "'//cdn.example/x'"])
def test_script_and_hostless_addresses_in_any_front_matter_text_are_reported(fixture_site, words):
    badsite.reported(fixture_site, "front-matter-script", "front-matter-url", FI_INDEX, "description:",
                     f"description holds {words}")


@pytest.mark.parametrize("needle, words", [
    ("![kartta]", "an image from another host ('https://maps.example/kartta.png', written as reference)"),
    ("srcset=", "a resource from another host ('https://cdn.example/kuva.png', written as html srcset)"),
    ("poster=", "a resource from another host ('//cdn.example/p.jpg', written as html poster)"),
    ("url(", "a CSS resource from another host ('https://t.example/p.gif', written as css url())"),
    ("[tästä]", "an address starting with // ('//evil.example/', written as inline)"),
    ("java&#x73;cript", "a javascript: link ('javascript:alert(1)', written as html href)"),
])
def test_every_form_of_link_and_resource_is_checked(fixture_site, needle, words):
    badsite.reported(fixture_site, "every-link-form", "unsafe-markup", FI_INDEX, needle, words)


def test_reference_style_links_are_compared_with_english(fixture_site):
    badsite.reported(fixture_site, "every-link-form", "tr-links", FI_INDEX, "Lue [mistä saat apua][apu].",
                     "link 1 is 'apua.md' here but 'help.md' in English")
