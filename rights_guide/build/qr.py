"""QR codes back to a page online, for print (a lazy, print-only image; see
overrides/partials/print-provenance.html).

Making a QR code (about 6 ms) is most of a page's print work, once per page
per language. Each one is kept in memory (`mkdocs serve` rebuilds) and on disk
(the next build, under build/cache.py's folder). The key covers segno's
version and the code of qr_svg, so a change to either draws them again.
"""

from __future__ import annotations

import hashlib
import io
import marshal
import os
import tempfile
from pathlib import Path

import segno


def qr_svg(address: str, title: str) -> str:
    code = segno.make(address, error="m")
    out = io.BytesIO()
    code.save(out, kind="svg", xmldecl=False, svgns=True, nl=False, scale=1, border=2,
              dark="#000", light="#fff", omitsize=True, title=title)
    return out.getvalue().decode("utf-8")


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
