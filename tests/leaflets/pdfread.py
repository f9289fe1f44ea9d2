"""Reading a PDF back as a reader, a printer and a phone would: text runs with
their size and place (pypdf's content stream), document properties, named
destinations, fonts (pdffonts), glyphs missing from a font (.notdef) and the
QR code (pdftoppm, zbarimg)."""

from __future__ import annotations

import math
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ContentStream

MM = 72 / 25.4


@dataclass(frozen=True)
class Run:
    """A piece of text as drawn: effective size in points, baseline from the page's top."""
    text: str
    size: float
    x: float
    y: float
    font: str


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = re.sub(r"[\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", text)
    # Thai SARA AM (ำ) is drawn as NIKHAHIT and SARA AA; the text layer keeps only the
    # SARA AA ("คำ" is read back as "คา"), so both sides drop the NIKHAHIT.
    text = text.replace("\u0e4d", "")
    return re.sub(r"\s+", " ", text).strip()


def letters(text: str) -> str:
    """Only the letters: right-to-left text with digits ("112") and a heading wrapped at
    its hyphen come out of a PDF's text layer reordered or split, its letters in order."""
    return "".join(char for char in normalise(text) if char.isalpha())


def find_letters(text: str, needle: str) -> int:
    """Where in `text` the letters of `needle` start (ValueError if they do not occur)."""
    positions = [index for index, char in enumerate(text) if char.isalpha()]
    return positions["".join(text[i] for i in positions).index(letters(needle))]


@cache
def reader(pdf: Path) -> PdfReader:
    return PdfReader(pdf)


def multiply(m, n):
    return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
            m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
            m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]]


@cache
def runs(pdf: Path) -> tuple[tuple[Run, ...], ...]:
    """Every page's text runs."""
    pages = []
    for page in reader(pdf).pages:
        height = float(page.mediabox.height)
        found: list[Run] = []

        def visit(text, cm, tm, font, size, found=found, height=height):
            if not text.strip() or not size:
                return
            matrix = multiply(tm, cm)
            scale = math.hypot(matrix[2], matrix[3])
            name = str(font.get("/BaseFont", "")) if font else ""
            found.append(Run(text, size * scale, matrix[4], height - matrix[5], name))

        page.extract_text(visitor_text=visit)
        pages.append(tuple(found))
    return tuple(pages)


@cache
def lines(pdf: Path) -> tuple[tuple[Run, ...], ...]:
    """Runs of the same size on the same baseline joined, in drawing order
    (a right-to-left line may draw a phone number's "+" apart from its digits)."""
    pages = []
    for page in runs(pdf):
        joined: list[Run] = []
        for run in page:
            last = joined[-1] if joined else None
            if last and abs(last.y - run.y) < 1 and abs(last.size - run.size) < 0.1:
                joined[-1] = Run(last.text + run.text, last.size, min(last.x, run.x), last.y, last.font)
            else:
                joined.append(run)
        pages.append(tuple(Run(normalise(run.text), run.size, run.x, run.y, run.font) for run in joined))
    return tuple(pages)


def page_text(pdf: Path, index: int) -> str:
    return normalise(reader(pdf).pages[index].extract_text() or "")


def text(pdf: Path) -> str:
    return normalise(" ".join(page.extract_text() or "" for page in reader(pdf).pages))


def metadata(pdf: Path) -> dict[str, str]:
    info = reader(pdf).metadata or {}
    return {key: str(info.get(f"/{key}", "") or "") for key in ("Title", "Subject", "Keywords", "Author")}


def language(pdf: Path) -> str:
    return str(reader(pdf).trailer["/Root"].get("/Lang", ""))


def destination_y(pdf: Path, name: str) -> tuple[int, float] | None:
    """(page index, distance from the page's top) of a named destination (an HTML id)."""
    found = reader(pdf).named_destinations.get(name)
    if found is None:
        return None
    index = reader(pdf).get_destination_page_number(found)
    height = float(reader(pdf).pages[index].mediabox.height)
    return index, height - float(found.top)


def notdef_glyphs(pdf: Path) -> int:
    """Glyph id 0 (.notdef, a box or nothing) drawn with a two-byte (Identity-H) font."""
    count = 0
    for page in reader(pdf).pages:
        stream = ContentStream(page.get_contents(), reader(pdf))
        for operands, operator in stream.operations:
            strings = operands[0] if operator == b"TJ" else operands[:1] if operator == b"Tj" else []
            for item in strings:
                if isinstance(item, (bytes, str)):
                    data = getattr(item, "original_bytes", item)
                    data = data if isinstance(data, bytes) else data.encode("latin-1")
                    count += sum(data[i:i + 2] == b"\0\0" for i in range(0, len(data) - 1, 2))
    return count


def fonts(pdf: Path) -> list[dict[str, str]]:
    """pdffonts' table: name, type, emb, sub, uni per font."""
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
    found = []
    for line in lines[2:]:
        parts = line.split()
        # name, type (one to three words), encoding, emb, sub, uni, object, id
        found.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
    return found


def qr_codes(pdf: Path, tmp_path: Path, page: int) -> list[str]:
    """The QR codes on a page (1-based), read from a 200 dpi image."""
    prefix = tmp_path / f"{pdf.parent.name}-{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-r", "200", "-png", "-f", str(page), "-l", str(page), str(pdf), str(prefix)],
                   check=True)
    image = next(tmp_path.glob(f"{prefix.name}*.png"))
    result = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True, check=False)
    return result.stdout.split()


def tools_missing() -> list[str]:
    return [tool for tool in ("pdffonts", "pdftoppm", "zbarimg") if not shutil.which(tool)]
