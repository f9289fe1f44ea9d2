"""The one table of language facts (data/languages.yml) and which languages a site builds.

mkdocs.yml says only which languages are built (static-i18n's `languages`
list: locale, default, build, site_name); everything else about a language
(its own name, direction, script, how search reads it, Material's button-text
file, the leaflet font) is a row of data/languages.yml, read here and nowhere
else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rights_guide.model import yamlfile

# BCP 47 as used on the web: ISO 639 language (2-3 letters), optional script
# (4 letters, Title case) and region (2 letters, upper case).
CODE = re.compile(r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-[A-Z]{2})?$")
DIRECTIONS = ("ltr", "rtl")
SEARCH_MODES = ("stemmer", "segment", "endings", "words")
FIELDS = ("name", "english", "direction", "script", "search", "font")


@dataclass(frozen=True)
class LanguageFacts:
    code: str
    name: str
    english: str
    direction: str
    script: str
    search: str
    font: str
    material: str | None
    line: int

    @property
    def right_to_left(self) -> bool:
        return self.direction == "rtl"


@dataclass(frozen=True)
class Language:
    """A language this site builds: its facts plus its place in mkdocs.yml."""

    code: str
    name: str
    default: bool
    line: int
    facts: LanguageFacts | None = None

    @property
    def direction(self) -> str:
        return self.facts.direction if self.facts else "ltr"


class LanguageTable:
    """data/languages.yml, by code; `problems` lists rows that are not valid."""

    def __init__(self, path: Path):
        self.path = path
        self.rows: dict[str, LanguageFacts] = {}
        self.problems: list[tuple[int, str, str]] = []  # (line, message, fix)
        file = yamlfile.load(path)
        table = (file.data or {}).get("languages") if isinstance(file.data, dict) else None
        if not isinstance(table, dict):
            self.problems.append((1, "the file has no 'languages:' mapping of codes to facts.",
                                  "start the file with 'languages:' and one row per code."))
            return
        for code, row in table.items():
            code = str(code)
            line = file.line("languages", code)
            if not CODE.match(code):
                self.problems.append((line, f"'{code}' is not a BCP 47 language code.",
                                      "use an ISO 639 code, optionally with a script or region: "
                                      "'fi', 'ckb', 'zh-Hant', 'pt-BR'."))
                continue
            row = row if isinstance(row, dict) else {}
            missing = [name for name in FIELDS if not str(row.get(name, "") or "").strip()]
            if missing:
                self.problems.append((line, f"language '{code}' has no {', '.join(missing)}.",
                                      f"give every field: {', '.join(FIELDS)} (see the comment at the top)."))
                continue
            if row["direction"] not in DIRECTIONS or row["search"] not in SEARCH_MODES:
                self.problems.append((line, f"language '{code}': direction must be one of {DIRECTIONS} "
                                            f"and search one of {SEARCH_MODES}.",
                                      "correct the value (see the comment at the top of the file)."))
                continue
            self.rows[code] = LanguageFacts(code, str(row["name"]), str(row["english"]), row["direction"],
                                            str(row["script"]), row["search"], str(row["font"]),
                                            str(row["material"]) if row.get("material") else None, line)

    def get(self, code: str) -> LanguageFacts | None:
        return self.rows.get(code)

    def __contains__(self, code: str) -> bool:
        return code in self.rows


_tables: dict[tuple[Path, float], LanguageTable] = {}


def table(path: Path) -> LanguageTable:
    """The table at `path`, read once per version of the file."""
    key = (path.resolve(), path.stat().st_mtime if path.exists() else 0.0)
    if key not in _tables:
        _tables[key] = LanguageTable(path)
    return _tables[key]
