"""Translation checks: metadata, structure, protected tokens, unsafe markup,
untranslated text, orphans and drift from the English source."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

from rights_guide.model import markdown, textfile
from rights_guide.model.project import Project
from rights_guide.model.translations import (
    BLOB_ID,
    REQUIRED,
    STATUSES,
    Translation,
    diff_command,
    old_english,
    is_outdated,
    translations,
)
from rights_guide.problems import WARNING, Problem


def _in_tag(tag: str, rest: str) -> str:
    """`<tag ... rest` within one tag, in linear time: a match starts only at the line's
    start or after a '>', and goes at once (atomically) to the first `<tag` after it."""
    return rf"(?:^|>)(?>[^<>]*(?:<(?!{tag})[^<>]*)*)<{tag}[^>]*{rest}"


PHONE = re.compile(r"(?<![\d.,])\+?\d[\d ]{4,}\d(?![\d.,])")
UNSAFE = [
    (re.compile(r"<\s*(script|iframe|object|embed|style|frame|frameset|applet|base|meta|form)\b", re.I),
     "a <{0}> element"),
    (re.compile(_in_tag(r"[a-z]", r"\s(on[a-z]+)\s*="), re.I), "an event-handler attribute ({0})"),
    (re.compile(r"(javascript|vbscript|data:text/html)\s*:?", re.I), None),
    (re.compile(r"!\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?((?:https?:)?//[^)\s>]+)", re.I), "an image from another host ({0})"),
    (re.compile(_in_tag(r"\s*(?:img|video|audio|source|track|input|link|image)\b",
                        r"\s(?:src|href|srcset|poster)\s*=\s*[\"']?((?:https?:)?//[^\"'\s>]+)"), re.I),
     "a resource from another host ({0})"),
    (re.compile(r"url\(\s*[\"']?((?:https?:)?//[^\"')\s]+)", re.I), "a CSS resource from another host ({0})"),
]
JAVASCRIPT_URL = re.compile(r"(?:\]\(|href\s*=\s*[\"']?|src\s*=\s*[\"']?)\s*(javascript|vbscript):", re.I)
SCRIPTS = {  # letters a page in this language is mostly written in
    "ar": "\u0600-\u06ff\u0750-\u077f", "fa": "\u0600-\u06ff", "ur": "\u0600-\u06ff", "ps": "\u0600-\u06ff",
    "ckb": "\u0600-\u06ff", "he": "\u0590-\u05ff", "ru": "\u0400-\u04ff", "uk": "\u0400-\u04ff",
    "bg": "\u0400-\u04ff", "th": "\u0e00-\u0e7f", "zh": "\u4e00-\u9fff", "ja": "\u3040-\u30ff\u4e00-\u9fff",
    "ko": "\uac00-\ud7af", "am": "\u1200-\u137f", "ti": "\u1200-\u137f", "hi": "\u0900-\u097f",
}
ENGLISH_WORDS = frozenset(
    "the and you your is are to of in it for not can this that with be have if do does will they".split())



def _section_line(english: markdown.Page, translated: markdown.Page, english_line: int) -> int:
    """Line in the translation of the section that holds `english_line` in English."""
    index = sum(1 for heading in english.headings() if heading.line <= english_line) - 1
    headings = translated.headings()
    if 0 <= index < len(headings):
        return headings[index].line
    return translated.body_start


def _compare_lists(code, what, english, translated, items_en, items_tr, fix, describe=None):
    values_en = [item.value for item in items_en]
    values_tr = [item.value for item in items_tr]
    if values_en == values_tr:
        return []
    describe = describe or (lambda value: value)
    for index, (a, b) in enumerate(zip(values_en, values_tr)):
        if a != b:
            line = items_tr[index].line
            detail = f"{what} {index + 1} is {describe(b)!r} here but {describe(a)!r} in English"
            break
    else:
        index = min(len(values_en), len(values_tr))
        if len(values_tr) > len(values_en):
            line = items_tr[index].line
            detail = f"extra {what} {describe(values_tr[index])!r}"
        else:
            line = _section_line(english, translated, items_en[index].line)
            detail = f"missing {what} {describe(values_en[index])!r} (English line {items_en[index].line})"
    plural = f"{what}es" if what.endswith("x") else f"{what}s"
    message = f"{len(values_tr)} {plural} vs {len(values_en)} in {english.path.name} (English); {detail}."
    return [Problem(translated.path, line, code, message, fix)]


def check_structure(english: markdown.Page, translated: markdown.Page) -> list[Problem]:
    problems = []
    problems += _compare_lists(
        "tr-headings", "heading", english, translated, english.headings(), translated.headings(),
        "keep the same headings as English, in the same order and at the same level (#, ##, ###), "
        "with any {#id} copied exactly.")
    problems += _compare_lists(
        "tr-admonitions", "box", english, translated, english.admonitions(), translated.admonitions(),
        "keep the same boxes (!!! warning, !!! tip) as English, with the type word in English.")
    glossary_en = [i for i in english.links() if i.value.startswith("glossary.md")]
    glossary_tr = [i for i in translated.links() if i.value.startswith("glossary.md")]
    problems += _compare_lists(
        "tr-glossary-links", "glossary link", english, translated, glossary_en, glossary_tr,
        "link the same glossary words as English, with the target (glossary.md#...) copied exactly.")
    problems += _compare_lists(
        "tr-links", "link", english, translated,
        [i for i in english.links() if not i.value.startswith("glossary.md")],
        [i for i in translated.links() if not i.value.startswith("glossary.md")],
        "translate only the link text in [ ]; copy the target in ( ) exactly, in the same order as English.")
    problems += _compare_lists(
        "tr-images", "image", english, translated, english.images(), translated.images(),
        "use the same images as English, with the same file names.")
    problems += _compare_lists(
        "tr-markers", "contact marker", english, translated, english.markers(), translated.markers(),
        "copy every [[contact: id]] and [[phone: id]] marker from English exactly, in the same order.")
    return problems


def _phones(page: markdown.Page) -> list[markdown.Item]:
    found = []
    for number, line in page.body_lines():
        line = markdown.MARKER.sub(" ", line)
        line = markdown.LINK.sub(lambda m: m.group(0)[: m.group(0).rfind("](")], line)
        found += [markdown.Item(number, m.group(0).replace(" ", "")) for m in PHONE.finditer(line.translate(markdown.DIGITS))
                  if sum(c.isdigit() for c in m.group(0)) >= 6]
    return found


def check_tokens(english: markdown.Page, translated: markdown.Page) -> list[Problem]:
    problems = []
    tokens_en, tokens_tr = english.prose_tokens(), translated.prose_tokens()
    phones_en, phones_tr = _phones(english), _phones(translated)
    for item in phones_tr:
        if item.value not in {p.value for p in phones_en}:
            problems.append(Problem(translated.path, item.line, "tr-phones",
                                    f"phone number {item.value} is not in the English page.",
                                    "never type a phone number: copy the [[phone: id]] marker from English."))
    for kind, code, what, fix in (
        ("email", "tr-emails", "e-mail address", "copy the e-mail address from English exactly."),
        ("url", "tr-urls", "web address", "copy the web address from English exactly."),
        ("number", "tr-numbers", "number", "write every number from English (dates, amounts, days, law sections) "
                                           "with the same digits; only the words around it change."),
    ):
        english_values = Counter(item.value for item in tokens_en[kind])
        translated_values = {item.value for item in tokens_tr[kind]}
        for value in english_values:
            if value not in translated_values:
                first = next(item for item in tokens_en[kind] if item.value == value)
                problems.append(Problem(translated.path, _section_line(english, translated, first.line), code,
                                        f"{what} {value!r} from English line {first.line} is missing in this section.",
                                        fix))
        if kind != "number":
            for item in tokens_tr[kind]:
                if item.value not in english_values:
                    problems.append(Problem(translated.path, item.line, code,
                                            f"{what} {item.value!r} is not in the English page.", fix))
        else:
            for item in tokens_tr[kind]:
                if item.value not in english_values and not any(item.value in p.value for p in phones_tr):
                    problems.append(Problem(translated.path, item.line, "tr-numbers-extra",
                                            f"number {item.value!r} is not in the English page.",
                                            "check the number against English; if it is a date written in your "
                                            "language's style, this warning can stay.", severity=WARNING))
    return problems


def check_unsafe_markup(path: Path) -> list[Problem]:
    problems = []
    page = markdown.Page(path=path, text=textfile.read_leniently(path))  # front matter too
    fix = "remove it: pages may contain only Markdown, links and images stored in this site."
    for number, line in page.body_lines():
        if JAVASCRIPT_URL.search(line):
            problems.append(Problem(path, number, "unsafe-markup", "a javascript: link.", fix))
        for pattern, description in UNSAFE:
            if description is None:
                continue
            for match in pattern.finditer(line):
                problems.append(Problem(path, number, "unsafe-markup",
                                        f"{description.format(match.group(1))} is not allowed.", fix))
    return problems


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


def check_metadata(translation: Translation, page: markdown.Page) -> list[Problem]:
    path = translation.path
    if page.meta_error is not None:
        return [Problem(path, page.meta_error.line, "tr-front-matter", page.meta_error.message,
                        "fix the front matter between the --- lines (one 'key: value' per line; "
                        "quote text that contains ': ').")]
    problems = []
    for key in REQUIRED:
        if key not in page.meta:
            fix = (f"run: python -m rights_guide mark-translated {translation.language} {translation.relative.as_posix()}"
                   if key == "translated_from" else f"add '{key}:' to the front matter (see TRANSLATING.md).")
            problems.append(Problem(path, 1, "tr-front-matter", f"front matter has no '{key}'.", fix))
    status = page.meta.get("status")
    if "status" in page.meta and status not in STATUSES:
        problems.append(Problem(path, page.meta_lines.get("status", 1), "tr-front-matter",
                                f"status is {status!r}; it must be one of {', '.join(STATUSES)}.",
                                "write 'status: draft' until a fluent speaker has reviewed the page."))
    version = page.meta.get("translated_from")
    if "translated_from" in page.meta and not (isinstance(version, str) and BLOB_ID.match(version)):
        problems.append(Problem(path, page.meta_lines.get("translated_from", 1), "tr-front-matter",
                                f"translated_from is {version!r}, not a version id.",
                                f"do not edit it by hand; run: {diff_command(translation).replace('diff', 'mark-translated')}"))
    if "title" in page.meta and not str(page.meta.get("title") or "").strip():
        problems.append(Problem(path, page.meta_lines.get("title", 1), "tr-front-matter", "the title is empty.",
                                "write the translated page title."))
    return problems


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
    from_start = {(problem.code, problem.line)
                  for problem in check_structure(before, translated) + check_tokens(before, translated)}
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


def check(project: Project) -> list[Problem]:
    problems: list[Problem] = []
    for path in sorted(project.docs.rglob("*.md")):
        problems += check_unsafe_markup(path)
    for translation in translations(project):
        if not translation.english.exists():
            problems.append(Problem(translation.path, 1, "tr-orphan",
                                    f"there is no English page docs/{project.default_language()}/{translation.relative.as_posix()}.",
                                    "rename the file to match an English page, or delete it if the English page was removed."))
            continue
        translated = markdown.read(translation.path)
        english = markdown.read(translation.english)
        problems += check_metadata(translation, translated)
        compared = check_structure(english, translated) + check_tokens(english, translated)
        if is_outdated(translation, translated):
            compared = as_outdated(project, translation, translated, compared)
        problems += compared
        problems += check_language(translation, english, translated)
        if is_outdated(translation, translated):
            problems.append(Problem(translation.path, translated.meta_lines.get("translated_from", 1), "tr-outdated",
                                    "the English page changed after this translation was made.",
                                    f"see what changed with: {diff_command(translation)} ; update the translation, then run "
                                    f"python -m rights_guide mark-translated {translation.language} {translation.relative.as_posix()}",
                                    severity=WARNING))
    return problems
