"""Characters a reviewer cannot see: controls that reorder text, zero-width
characters that split a number or an address, and digits from other scripts
that look like 0-9 but are not. Each is named by its code point, because a
translator cannot find an invisible character any other way.

Not reported: the marks translators type on purpose, U+200E LEFT-TO-RIGHT MARK
and U+200F RIGHT-TO-LEFT MARK (or U+061C ARABIC LETTER MARK) next to a number
in right-to-left text, and U+200C ZERO WIDTH NON-JOINER (or U+200D ZERO WIDTH
JOINER) between the letters of a word, as in Persian."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

# Embeddings, overrides and isolates: they reorder what the reader sees, so a
# number or a warning can read differently from the file (U+202A-202E, U+2066-2069).
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Direction marks: fine next to a number, wrong inside one.
DIRECTION_MARKS = frozenset("\u200e\u200f\u061c")
# What a number, address, id or marker is made of: an invisible character with
# one of these on both sides splits it.
TOKEN_PUNCTUATION = frozenset("-_.:/@#+%=?&~[](){}")
ASCII_DIGITS = frozenset("0123456789")


@dataclass(frozen=True)
class Finding:
    kind: str  # "bidi", "invisible" or "digits"
    column: int  # 1-based, in characters
    text: str  # the characters found (a run, for digits)
    context: str  # the token around them, with the invisible ones shown as <U+XXXX>


NON_ASCII = re.compile(r"[^\x00-\x7f]")


def name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'UNNAMED CHARACTER')}"


def names(text: str) -> str:
    """Each distinct character of `text`, named, in order: 'U+0661 ARABIC-INDIC DIGIT ONE, ...'."""
    return ", ".join(name(char) for char in dict.fromkeys(text))


def is_invisible(char: str) -> bool:
    """A format character (Unicode category Cf): takes no space and shows nothing."""
    return unicodedata.category(char) == "Cf"


def is_other_digit(char: str) -> bool:
    """A decimal digit that is not 0-9: fullwidth, Arabic-Indic, Devanagari, ..."""
    return char not in ASCII_DIGITS and unicodedata.decimal(char, None) is not None


def ascii_digits(text: str) -> str:
    """`text` with every decimal digit written as 0-9 (numbers compare by value)."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(c)) if is_other_digit(c) else c for c in text)


def visible(text: str) -> str:
    """`text` with each invisible character written as <U+XXXX>."""
    return "".join(f"<U+{ord(c):04X}>" if is_invisible(c) else c for c in text)


def _neighbour(line: str, index: int, step: int) -> str:
    """The nearest visible character from `index` in direction `step` ('' at the line's end)."""
    index += step
    while 0 <= index < len(line) and is_invisible(line[index]):
        index += step
    return line[index] if 0 <= index < len(line) else ""


def _in_token(char: str) -> bool:
    return char.isdigit() or (char.isascii() and char.isalnum()) or char in TOKEN_PUNCTUATION


def _in_word(char: str) -> bool:
    """A digit or an ASCII letter: a direction mark between two of these splits a number or id."""
    return char.isdigit() or (char.isascii() and char.isalpha())


def _context(line: str, index: int) -> str:
    start, end = index, index + 1
    while start > 0 and not line[start - 1].isspace():
        start -= 1
    while end < len(line) and not line[end].isspace():
        end += 1
    return visible(line[start:end])[:60]


def _invisible_kind(line: str, index: int) -> str | None:
    char = line[index]
    if char in BIDI_CONTROLS:
        return "bidi"
    before, after = _neighbour(line, index, -1), _neighbour(line, index, 1)
    if char in DIRECTION_MARKS:
        return "invisible" if _in_word(before) and _in_word(after) else None
    if char == "\ufeff" and index == 0 and not before:
        return "invisible"  # a byte-order mark: the front matter's first '---' is no longer seen
    return "invisible" if _in_token(before) and _in_token(after) else None


def findings(line: str) -> list[Finding]:
    """Every character on `line` a reviewer must be told about."""
    found: list[Finding] = []
    if line.isascii():
        return found  # every character reported here is outside ASCII
    index = 0
    while index < len(line):
        if line[index].isascii():  # the fast way over runs of plain text (adversarial lines too)
            match = NON_ASCII.search(line, index)
            if not match:
                break
            index = match.start()
        char = line[index]
        if is_other_digit(char):
            end = index
            while end < len(line) and is_other_digit(line[end]):
                end += 1
            found.append(Finding("digits", index + 1, line[index:end], _context(line, index)))
            index = end
            continue
        if is_invisible(char) and (kind := _invisible_kind(line, index)):
            found.append(Finding(kind, index + 1, char, _context(line, index)))
        index += 1
    return found


def invisible_note(lines: list[tuple[int, str]]) -> str:
    """' Line 12 has U+200B ZERO WIDTH SPACE in "1<U+200B>12".' for every invisible
    character on these (number, text) lines, or '' if there is none."""
    notes = []
    for number, text in lines:
        for index, char in enumerate(text):
            if is_invisible(char):
                notes.append(f"line {number} has {name(char)} in {_context(text, index)!r}")
    return (" Invisible characters: " + "; ".join(notes[:5]) + ".") if notes else ""
