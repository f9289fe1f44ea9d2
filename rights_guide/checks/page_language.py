"""The language of each page: a page whose text is in another language than
its folder's, in the same script (Swedish in docs/fi/, Russian in docs/uk/),
is an error. The script check (tr-wrong-script) cannot see it, and a reviewer
who does not read the language cannot either.

py3langid (rights_guide/model/language_id.py) ranks the page's prose among
the languages of data/languages.yml that it knows. A page is reported when
another language ranks first and the folder's language gets under MAX_SHARE
of the probability. English text in a translation is tr-untranslated (a
warning), not this. Not checked: pages with fewer than MIN_LETTERS letters of
prose, and languages the model does not know (TRANSLATING.md names them).

The answer for a page's text is kept next to the model's cache
(results.json): a run where no page changed does not load the model at all.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field
from functools import cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

from rights_guide.model import language_id, markdown
from rights_guide.model.project import Project
from rights_guide.problems import Problem

MIN_LETTERS = 100
# A long page is read in three samples (start, middle, end) of this many characters
# together: as sure, and the time per page stays bounded.
SAMPLE = 1000
# Reported: another language first, and the folder's language under this share. On the
# repository's pages cut into pieces of 100 letters, the folder's language never got under
# 0.97 (559 pieces); in pieces of 40 letters, never under 0.14 (1376 pieces).
MAX_SHARE = 0.1
LETTER = re.compile(r"[^\W\d_]")
MAX_RESULTS = 5000  # answers kept in the cache (the newest), for this and other checkouts


@dataclass
class Run:
    """One check's pages, and the answers the cache holds."""

    pages: list[tuple[Path, str, str]]  # (path, expected model label, text sample)
    labels: list[str] | None  # every label the model knows, if cached
    results: dict[str, list] = field(default_factory=dict)  # key -> [first, its share, expected's share]

    def candidates(self, project: Project) -> set[str]:
        return {language_id.model_label(code) for code in project.language_table().rows} & set(self.labels or ())

    def missing(self, project: Project) -> bool:
        """Whether some page to check has no cached answer (then the model is needed)."""
        if self.labels is None:
            return True
        candidates = self.candidates(project)
        return any(key(candidates, text) not in self.results for _, expected, text in self.pages
                   if expected in candidates and is_checked(text))


_runs: dict[Path, Run] = {}


@cache
def model_version() -> str:
    try:
        return version("py3langid")
    except PackageNotFoundError:
        return "none"


def key(candidates: set[str], text: str) -> str:
    return hashlib.sha256(f"{model_version()}\n{sorted(candidates)}\n{text}".encode("utf-8")).hexdigest()


def is_checked(text: str) -> bool:
    return len(LETTER.findall(text)) >= MIN_LETTERS


def sample(text: str) -> str:
    if len(text) <= 3 * SAMPLE:
        return text
    middle = (len(text) - SAMPLE) // 2
    return " ".join((text[:SAMPLE], text[middle:middle + SAMPLE], text[-SAMPLE:]))


def _results_file() -> Path | None:
    folder = language_id.cache_folder()
    return folder / "results.json" if folder is not None else None


def _read_results() -> dict:
    path = _results_file()
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path is not None else {}
    except (OSError, ValueError):
        data = {}
    if not (isinstance(data, dict) and data.get("model") == model_version() and isinstance(data.get("results"), dict)
            and isinstance(data.get("labels"), list)):
        return {}
    data["results"] = {k: v for k, v in data["results"].items() if isinstance(v, list) and len(v) == 3
                       and isinstance(v[0], str) and all(isinstance(x, (int, float)) for x in v[1:])}
    return data


def _write_results(labels: list[str], results: dict[str, list]) -> None:
    path = _results_file()
    if path is None:
        return
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", dir=path.parent, suffix=".tmp", delete=False, encoding="utf-8") as file:
            json.dump({"model": model_version(), "labels": labels, "results": results}, file)
        os.replace(file.name, path)  # two checks at once never read half a file
    except OSError:
        pass  # no cache: the next run loads the model again


def prepare(project: Project) -> None:
    """Read the pages and the cached answers; start loading the model (in the
    background, while the other checks run) only if an answer is missing."""
    cached = _read_results()
    run = Run(pages=[], labels=cached.get("labels"), results=cached.get("results", {}))
    for language in project.languages():
        folder = project.docs / language.code
        for path in sorted(folder.rglob("*.md")) if folder.is_dir() else []:
            if path.is_file():
                run.pages.append((path, language_id.model_label(language.code), sample(markdown.read(path).prose())))
    if run.missing(project):
        language_id.identifier(language_id.cache_folder())
    _runs[project.root] = run


def check(project: Project) -> list[Problem]:
    if project.root not in _runs:
        prepare(project)
    run = _runs.pop(project.root)
    identifier = None
    if run.missing(project):
        try:
            identifier = language_id.identifier(language_id.cache_folder()).result()
        except ImportError as error:
            return [Problem(project.config_path, 1, "page-wrong-language",
                            f"the language of pages cannot be checked: {error.name or 'py3langid'} is not installed.",
                            "set up with 'make check', or: .venv/bin/python -m pip install -r requirements.lock")]
        run.labels = sorted(set(identifier.labels))
    candidates = run.candidates(project)
    names = {language_id.model_label(code): facts.english for code, facts in project.language_table().rows.items()}
    default = language_id.model_label(project.default_language())
    problems, answers = [], {}
    for path, expected, text in run.pages:
        if expected not in candidates or not is_checked(text):
            continue
        page_key = key(candidates, text)
        if page_key not in run.results:
            ranked = rank(identifier, candidates, text)
            run.results[page_key] = [ranked[0][0], ranked[0][1], dict(ranked).get(expected, 0.0)]
        answers[page_key] = run.results[page_key]
        problems += _judge(path, *answers[page_key], expected, default, names)
    if identifier is not None:  # something new: keep it, after the answers other checkouts use
        kept = {k: v for k, v in run.results.items() if k not in answers}
        room = max(0, MAX_RESULTS - len(answers))
        _write_results(run.labels, dict(list(kept.items())[len(kept) - min(room, len(kept)):] + list(answers.items())))
    return problems


def rank(identifier, candidates: set[str], text: str) -> list[tuple[str, float]]:
    """The candidate languages by likelihood, best first, their shares adding up to 1
    (the same as a model restricted to them, without copying its tables)."""
    ranked = [(label, share) for label, share in identifier.rank(text) if label in candidates]
    total = sum(share for _, share in ranked) or 1.0
    return [(label, share / total) for label, share in ranked]


def _judge(path: Path, first: str, share: float, expected_share: float, expected: str, default: str,
           names: dict[str, str]) -> list[Problem]:
    if first in (expected, default) or expected_share >= MAX_SHARE:
        return []
    language, wanted = names.get(first, first), names.get(expected, expected)
    return [Problem(path, 1, "page-wrong-language",
                    f"the text reads as {language} ({first}, {share:.0%} likely), not {wanted} ({expected}), "
                    "the language of this folder.",
                    f"put the page in docs/{first}/ if that is its language, or translate it into {wanted}; if "
                    f"the text really is {wanted}, tell a maintainer (the language check can be wrong on short pages).")]
