"""Print-only provenance for every page: a QR code back to the same page in
the same language online, its address in plain text, and "Last checked".

The QR code is an inline SVG made at build time (segno): no script, no
request, and it prints sharp at any size. The address comes from site_url.
"""

import html

import segno
from mkdocs.plugins import event_priority


def page_address(config, page) -> str:
    return config.site_url.rstrip("/") + "/" + page.url.lstrip("/") if config.site_url else page.url


def qr_svg(address: str, title: str) -> str:
    code = segno.make(address, error="m")
    return code.svg_inline(scale=1, border=2, dark="#000", light="#fff", omitsize=True,
                           title=title, svgclass="rg-provenance__qr")


@event_priority(-200)
def on_page_context(context, page, config, nav):
    address = page_address(config, page)
    context["page_address"] = address
    context["page_address_qr"] = qr_svg(address, html.escape(address))
    return context
