"""Translation checks: each translated page against its English page
(structure, tokens, rendered skeleton), untranslated text, and drift from the
English source. Front matter, links, characters and files have their own modules."""

from __future__ import annotations

import re

from rights_guide.checks import files
from rights_guide.checks.frontmatter import check_kept, check_metadata
from rights_guide.checks.skeleton import check_rendered
from rights_guide.checks.structure import check_structure
from rights_guide.checks.tokens import check_tokens
from rights_guide.model import markdown
from rights_guide.model.project import Project
from rights_guide.model.translations import (
    Translation,
    diff_command,
    old_english,
    is_outdated,
    translations,
)
from rights_guide.problems import WARNING, Problem

SCRIPTS = {  # letters a page in this language is mostly written in
    "ar": "\u0600-\u06ff\u0750-\u077f", "fa": "\u0600-\u06ff", "ur": "\u0600-\u06ff", "ps": "\u0600-\u06ff",
    "ckb": "\u0600-\u06ff", "he": "\u0590-\u05ff", "ru": "\u0400-\u04ff", "uk": "\u0400-\u04ff",
    "bg": "\u0400-\u04ff", "th": "\u0e00-\u0e7f", "zh": "\u4e00-\u9fff", "ja": "\u3040-\u30ff\u4e00-\u9fff",
    "ko": "\uac00-\ud7af", "am": "\u1200-\u137f", "ti": "\u1200-\u137f", "hi": "\u0900-\u097f",
}
ENGLISH_WORDS = frozenset(
    "the and you your is are to of in it for not can this that with be have if do does will they".split())


def _prose(page: markdown.Page) -> list[str]:
    lines = []
    for _, line in page.body_lines():
        stripped = markdown.MARKER.sub("", line).strip()
        if stripped and not stripped.startswith(("#", "!!!", "???", "|")):
            lines.append(stripped)
    return lines


def check_language(translation: Translation, english: markdown.Page, translated: markdown.Page) -> list[Problem]:
    prose_tr = _prose(translated)
    if not prose_tr:
        return []
    prose_en = set(_prose(english))
    same = sum(1 for line in prose_tr if line in prose_en and len(line.split()) > 3)
    words = re.findall(r"[^\W\d_]+", " ".join(prose_tr).lower())
    english_share = sum(1 for word in words if word in ENGLISH_WORDS) / len(words) if words else 0
    if same / len(prose_tr) > 0.3 or (translation.language not in SCRIPTS and english_share > 0.12):
        return [Problem(translated.path, translated.body_start, "tr-untranslated",
                        f"much of this page is English text ({same} of {len(prose_tr)} lines are the same as English).",
                        "translate the remaining English text, or delete the file so readers get the English page "
                        "with a notice.", severity=WARNING)]
    letters = re.findall(r"[^\W\d_]", " ".join(prose_tr))
    if translation.language in SCRIPTS and letters:
        own = sum(1 for letter in letters if re.match(f"[{SCRIPTS[translation.language]}]", letter))
        if own / len(letters) < 0.5:
            return [Problem(translated.path, translated.body_start, "tr-wrong-script",
                            f"only {own / len(letters):.0%} of the letters are in the script of '{translation.language}'.",
                            "check that the file holds the translation, in the right language folder.",
                            severity=WARNING)]
    return []


def compare(project: Project, english: markdown.Page, translated: markdown.Page) -> list[Problem]:
    """Every difference from English a translation must not have: in the front
    matter, in the source, and in what the reader gets (the rendered page)."""
    problems = check_kept(english, translated) + check_structure(english, translated) + check_tokens(english, translated)
    return problems + check_rendered(project, english, translated, {problem.code for problem in problems})


def as_outdated(project: Project, translation: Translation, translated: markdown.Page,
                compared: list[Problem]) -> list[Problem]:
    """An outdated translation is a state, not an error storm: a difference from
    English that the translation did not have from the English it was made
    from follows from the English change, and is a tr-outdated warning. One it
    had from the start stays an error. Without that English version (not in
    this clone), nothing can be told apart, and every error stays."""
    before_text = old_english(project, str(translated.meta.get("translated_from")))
    if before_text is None:
        return compared
    before = markdown.parse(before_text, translation.english)
    from_start = {(problem.code, problem.line) for problem in compare(project, before, translated)}
    result = []
    for problem in compared:
        if problem.severity == WARNING or (problem.code, problem.line) in from_start:
            result.append(problem)
            continue
        result.append(Problem(problem.path, problem.line, "tr-outdated",
                              f"English changed after this translation: {problem.message}",
                              f"update this part when you update the page ({diff_command(translation)}).",
                              severity=WARNING))
    return result


def check_page(project: Project, translation: Translation) -> list[Problem]:
    translated = markdown.read(translation.path)
    english = markdown.read(translation.english)
    problems = check_metadata(translation, translated)
    compared = compare(project, english, translated)
    outdated = is_outdated(translation, translated)
    if outdated:
        compared = as_outdated(project, translation, translated, compared)
    problems += compared
    problems += check_language(translation, english, translated)
    if outdated:
        problems.append(Problem(translation.path, translated.meta_lines.get("translated_from", 1), "tr-outdated",
                                "the English page changed after this translation was made.",
                                f"see what changed with: {diff_command(translation)} ; update the translation, then run "
                                f"python -m rights_guide mark-translated {translation.language} {translation.relative.as_posix()}",
                                severity=WARNING))
    return problems


def check(project: Project) -> list[Problem]:
    """Each translated page against the English page at exactly its path (files.py
    reports every other file in a language folder)."""
    english = files.english_pages(project)
    problems: list[Problem] = []
    for translation in translations(project):
        if translation.relative.as_posix() in english:
            problems += check_page(project, translation)
    return problems
