"""rights_guide/build/print_links.py: links to other sites print a short address after them."""

from __future__ import annotations

import markdown

from rights_guide.build.print_links import PrintLinksExtension, print_address, print_attribute, short_form


def test_short_form_drops_scheme_www_query_and_a_long_path():
    assert short_form("https://www.example.fi/en/help/?x=1#top") == "example.fi/en/help"
    assert short_form("https://example.fi/" + "very-long-path/" * 4) == "example.fi"


def test_no_address_where_the_text_already_names_the_site_or_the_link_is_internal():
    assert print_address("https://migri.fi/en/", "migri.fi") is None
    assert print_address("../help/", "Help") is None
    assert print_address("mailto:a@b.fi", "a@b.fi") is None
    assert print_attribute("https://migri.fi/en/", "the Immigration Service") == ' data-rg-print="migri.fi/en"'


def test_content_links_get_the_attribute_from_the_markdown_extension():
    html = markdown.markdown("Read [the law](https://www.finlex.fi/fi/) or [help](../help/) or "
                             "[nollalinja.fi](https://nollalinja.fi/).", extensions=[PrintLinksExtension()])
    assert '<a data-rg-print="finlex.fi/fi" href="https://www.finlex.fi/fi/">the law</a>' in html
    assert html.count("data-rg-print") == 1
