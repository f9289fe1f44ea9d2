"""Reading a file as text the one way every reader here does: UTF-8, with or
without a byte-order mark (editors on Windows add one), and bytes that are not
UTF-8 named by line and byte offset instead of a traceback."""

from __future__ import annotations

import codecs
from pathlib import Path


class NotUtf8(Exception):
    """The file holds bytes that are not UTF-8 text."""

    def __init__(self, path: Path, data: bytes, error: UnicodeDecodeError):
        self.path = Path(path)
        self.offset = error.start  # of the first bad byte, counted from the start of the file
        self.line = data.count(b"\n", 0, self.offset) + 1
        self.byte = data[self.offset]
        self.message = (f"the file is not UTF-8 text: byte 0x{self.byte:02x} at byte offset {self.offset} "
                        f"(line {self.line}) is not a UTF-8 character.")
        self.fix = ("save the file as UTF-8 (in your editor: Save as, encoding UTF-8), or retype "
                    "the characters around that place.")
        super().__init__(f"{self.path}:{self.line}: {self.message}")


def decode(data: bytes, path: Path = Path("<text>")) -> str:
    """The text of `data`; a leading byte-order mark is dropped. Raises NotUtf8."""
    try:
        # The whole file is decoded with the mark in place, so offsets count from the file's start.
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise NotUtf8(path, data, error) from None
    return text[1:] if data.startswith(codecs.BOM_UTF8) else text


def decode_leniently(data: bytes) -> str:
    """The text with each byte that is not UTF-8 shown as U+FFFD: for checks that
    go on reading a file another check already reports as not UTF-8."""
    text = data.decode("utf-8", errors="replace")
    return text[1:] if data.startswith(codecs.BOM_UTF8) else text


def read(path: Path) -> str:
    return decode(Path(path).read_bytes(), Path(path))


def read_leniently(path: Path) -> str:
    return decode_leniently(Path(path).read_bytes())
