"""Mark links to other websites with a short form of their address, which the
print stylesheet shows after the link text: on paper a link is only useful if
the reader can type it."""

import re
from html import unescape

from mkdocs.plugins import event_priority

EXTERNAL_LINK = re.compile(r'<a\s([^>]*?)href="(https?://[^"]+)"([^>]*)>(.*?)</a>', re.S)


MAX_SHORT = 32


def short_form(url: str) -> str:
    """`https://www.example.fi/en/help/` -> `example.fi/en/help`; a long
    address shortens to its site, which a reader can still type and search."""
    address = unescape(url).split("://", 1)[1].split("#", 1)[0].split("?", 1)[0]
    address = re.sub(r"^www\.", "", address).rstrip("/")
    return address if len(address) <= MAX_SHORT else address.split("/", 1)[0]


def _annotate(match: re.Match) -> str:
    before, url, after, text = match.groups()
    short = short_form(url)
    plain_text = re.sub(r"<[^>]+>", "", text)
    if "data-rg-print" in before + after or short.split("/", 1)[0] in plain_text:
        return match.group(0)  # the address is already readable in the text
    return f'<a {before}href="{url}" data-rg-print="{short}"{after}>{text}</a>'


# After the template, so source lists and contact cards are covered too.
@event_priority(-200)
def on_post_page(output, page, config):
    return EXTERNAL_LINK.sub(_annotate, output)
