"""Print-only provenance for every page: a QR code back to the same page in
the same language online, its address in plain text, and "Last checked".

The QR code is an SVG made at build time (segno), written next to the page
(`index.qr.svg`) and shown with a lazy <img> inside a block that is hidden
on screen: browsers fetch it only to print (Chromium loads lazy images before
printing; WeasyPrint loads every image), so readers on screen never download
it, and no page carries its 0.5 KB. The address comes from site_url.
"""

import hashlib
import html
import io
import marshal
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # share code with `python -m scripts`

import segno  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from scripts.buildtime import cache_root  # noqa: E402


def page_address(config, page) -> str:
    return config.site_url.rstrip("/") + "/" + page.url.lstrip("/") if config.site_url else page.url


def qr_svg(address: str, title: str) -> str:
    code = segno.make(address, error="m")
    out = io.BytesIO()
    code.save(out, kind="svg", xmldecl=False, svgns=True, nl=False, scale=1, border=2,
              dark="#000", light="#fff", omitsize=True, title=title)
    return out.getvalue().decode("utf-8")


# Making a QR code (about 6 ms) is most of this hook's time, once per page per
# language. Each one is kept in memory (`mkdocs serve` rebuilds) and on disk
# (the next build). The key covers segno's version and the code of qr_svg, so
# a change to either draws them again.
_RECIPE = hashlib.sha1(segno.__version__.encode() + marshal.dumps(qr_svg.__code__)).hexdigest()
_drawn: dict[tuple[str, str], str] = {}


def cached_qr_svg(address: str, title: str, folder: Path | None) -> str:
    if (address, title) in _drawn:
        return _drawn[address, title]
    file = None
    if folder is not None:
        name = hashlib.sha1(f"{_RECIPE}|{address}|{title}".encode("utf-8")).hexdigest()
        file = folder / f"{name}.svg"
        try:
            _drawn[address, title] = file.read_text(encoding="utf-8")
            return _drawn[address, title]
        except OSError:
            pass
    svg = _drawn[address, title] = qr_svg(address, title)
    if file is not None:
        try:
            folder.mkdir(parents=True, exist_ok=True)
            # Write then rename: two builds at once never read half a file.
            with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=folder, suffix=".tmp",
                                             delete=False) as out:
                out.write(svg)
            os.replace(out.name, file)
        except OSError:
            pass  # a read-only checkout still builds, only slower
    return svg


@event_priority(-200)
def on_page_context(context, page, config, nav):
    address = page_address(config, page)
    root = cache_root(config.config_file_path)
    context["page_address"] = address
    folder = root / "qr" if root else None
    svg = cached_qr_svg(address, html.escape(address), folder)
    destination = Path(config.site_dir) / page.file.dest_uri
    qr_file = destination.with_name(destination.stem + ".qr.svg")
    qr_file.parent.mkdir(parents=True, exist_ok=True)
    qr_file.write_text(svg, encoding="utf-8")
    context["page_address_qr"] = qr_file.name
    return context
