"""Readability of the English source pages: sentence length, long words and LIX.

English is written at about CEFR B1, so translations start from plain text.
Thresholds (documented in CONTRIBUTING.md):
- a sentence over MAX_SENTENCE_WORDS words is an error at its line, and over
  FIRST_READ_SENTENCE_WORDS on the pages a person in danger reads first
  (mkdocs.yml `extra.first_read_pages`);
- a page whose average sentence is over MAX_AVERAGE_WORDS words is an error;
- a page whose LIX is over MAX_LIX is an error.
LIX = words per sentence + 100 x (words over 6 letters) / words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rights_guide.model import markdown, textfile
from rights_guide.model.contacts import MARKER
from rights_guide.model.project import Project
from rights_guide.problems import Problem

MAX_SENTENCE_WORDS = 25
FIRST_READ_SENTENCE_WORDS = 20
MAX_AVERAGE_WORDS = 15
MAX_LIX = 50
LONG_WORD_LETTERS = 6

WORD = re.compile(r"[^\W\d_]+(?:[’'-][^\W\d_]+)*|\d+(?:[.,:–-]\d+)*", re.UNICODE)
SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]*\s+")
# Linear in the line: no part is searched past the next bracket of its kind.
LINK = re.compile(r"!?\[([^\[\]]*)\]\([^()]*\)")
ATTRIBUTES = re.compile(r"\{[#.:][^{}]*\}")
HTML_TAG = re.compile(r"<[^<>]+>")
NON_WORD = re.compile(r"\W")
LIST_ITEM = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")


@dataclass(frozen=True)
class Sentence:
    line: int
    text: str
    words: int
    long_words: int


@dataclass(frozen=True)
class PageScore:
    sentences: list[Sentence]

    @property
    def words(self) -> int:
        return sum(s.words for s in self.sentences)

    @property
    def average(self) -> float:
        return self.words / len(self.sentences) if self.sentences else 0.0

    @property
    def long_share(self) -> float:
        return sum(s.long_words for s in self.sentences) / self.words if self.words else 0.0

    @property
    def lix(self) -> float:
        return self.average + 100 * self.long_share


def _prose_lines(text: str):
    """(line number, prose) for lines that are running text, not markup."""
    for number, raw in markdown.parse(text).body_lines():
        stripped = raw.strip()
        if not stripped or stripped.startswith(("#", "|", "!!!", "???", "<", "*[")):
            continue
        if MARKER.fullmatch(stripped):  # a contact card, not prose
            continue
        yield number, raw


def _clean(text: str) -> str:
    text = LIST_ITEM.sub("", text)
    text = LINK.sub(r"\1", text)
    text = MARKER.sub("0", text)  # a phone number reads as one word
    text = ATTRIBUTES.sub("", text)
    text = HTML_TAG.sub("", text)
    return text.replace("**", "").replace("__", "").replace("`", "").strip()


def score(text: str) -> PageScore:
    """Split prose into sentences; a list item or a line break after a full stop ends one."""
    sentences: list[Sentence] = []
    buffer: list[str] = []
    buffer_line = 0

    def flush():
        nonlocal buffer
        joined = " ".join(buffer).strip()
        buffer = []
        for part in SENTENCE_END.split(joined):
            words = WORD.findall(part)
            if words:
                long_words = sum(1 for w in words
                                 if len(w) > LONG_WORD_LETTERS and len(NON_WORD.sub("", w)) > LONG_WORD_LETTERS)
                sentences.append(Sentence(buffer_line, part.strip(), len(words), long_words))

    previous = None
    for number, raw in _prose_lines(text):
        is_item = bool(LIST_ITEM.match(raw))
        if buffer and (is_item or previous is None or number != previous + 1):
            flush()
        if not buffer:
            buffer_line = number
        elif buffer and buffer[-1].rstrip().endswith((".", "!", "?", ":")):
            flush()
            buffer_line = number
        buffer.append(_clean(raw))
        previous = number
    if buffer:
        flush()
    return PageScore(sentences)


def check_page(path: Path, first_read: bool = False) -> list[Problem]:
    result = score(textfile.read_leniently(path))
    limit = FIRST_READ_SENTENCE_WORDS if first_read else MAX_SENTENCE_WORDS
    problems = []
    for sentence in result.sentences:
        if sentence.words > limit:
            problems.append(Problem(path, sentence.line, "readability-long-sentence",
                                    f"sentence of {sentence.words} words (limit {limit}"
                                    f"{' on a page read first' if first_read else ''}): "
                                    f"\"{sentence.text[:60]}...\"",
                                    "split it into two or more sentences, one idea each."))
    if result.sentences and result.average > MAX_AVERAGE_WORDS:
        problems.append(Problem(path, 1, "readability-average",
                                f"average sentence is {result.average:.1f} words (limit {MAX_AVERAGE_WORDS}).",
                                "shorten the longest sentences; use lists for steps and options."))
    if result.sentences and result.lix > MAX_LIX:
        problems.append(Problem(path, 1, "readability-lix",
                                f"LIX is {result.lix:.0f} (limit {MAX_LIX}); {result.long_share:.0%} of words have over "
                                f"{LONG_WORD_LETTERS} letters.",
                                "use shorter, everyday words and shorter sentences; explain legal terms in plain words."))
    return problems


def check(project: Project) -> list[Problem]:
    english = project.docs / project.default_language()
    problems: list[Problem] = []
    data = project.config().data
    extra = (data.get("extra") if isinstance(data, dict) else None) or {}
    first_read = set((extra.get("first_read_pages") if isinstance(extra, dict) else None) or [])
    for page in sorted(english.rglob("*.md")):
        problems.extend(check_page(page, page.relative_to(english).as_posix() in first_read))
    return problems
