"""Compare what the reader gets: the translation and its English page rendered
through the site's Markdown pipeline (model/render.py), their skeletons
compared (model/skeleton.py), each difference reported at the translation's
source line (model/locate.py).

Boxes' open or collapsed state and their content, lists and their items,
tables, empty headings and link texts, and hidden, styled or commented-out
content are seen only here. Headings, boxes' types, links, images and markers
are compared in the source first (checks/structure.py, exact lines); the
rendered comparison reports them only where the source comparison saw nothing,
e.g. a link in an indented code block or a contact marker inside backticks."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from rights_guide.checks import readable
from rights_guide.checks.compare import compare_lists
from rights_guide.model import locate, markdown, render, skeleton
from rights_guide.model.project import Project
from rights_guide.problems import Problem

ATTRIBUTES_ONLY = re.compile(r"\{[^}]*\}")  # '{#id}' left as a heading's only text
LIST_ITEM = re.compile(r"^\s*([-*+]|\d+[.)])\s+\S")
STATES = {"!!!": "a box that is always open (!!!)", "???": "a collapsed box (???)",
          "???+": "a collapsible box shown open (???+)"}
BLOCKS = {"p": "a paragraph", "ul": "a bulleted list", "ol": "a numbered list", "table": "a table",
          "pre": "a code block", "div": "a box", "details": "a collapsible box", "dl": "a definition list",
          "blockquote": "a quote"}
CONTEXTS = {"card": "a contact card (the marker on a line of its own)", "text": "part of the text",
            "code": "code (inside backticks or an indented block), not a card or link"}


@dataclass
class View:
    page: markdown.Page
    features: list[skeleton.Feature]

    def of(self, kind: str) -> list[skeleton.Feature]:
        return [f for f in self.features if f.kind == kind]

    def section_start(self, section: int) -> int:
        starts = locate.section_lines(self.features, self.page)
        return starts[min(section, len(starts) - 1)]

    def find_in_section(self, section: int, needles: tuple) -> int | None:
        """The first line of the section holding one of `needles` (model/locate.py), if any."""
        starts = locate.section_lines(self.features, self.page)
        first = starts[min(section, len(starts) - 1)]
        last = starts[section + 1] if section + 1 < len(starts) else float("inf")
        lines = [(n, text) for n, text in enumerate(self.page.text.splitlines(), 1) if first <= n < last]
        index = locate.search(lines, 0, len(lines), needles)
        return lines[index][0] if index is not None else None


def view(project: Project, page: markdown.Page) -> View:
    body = "\n".join(page.text.splitlines()[page.body_start - 1:])
    features = skeleton.read(render.renderer(project).render(body))
    locate.locate(features, page)
    return View(page, features)


def _compare(code: str, what: str, en: View, tr: View, items_en: list, items_tr: list, fix: str,
             missing_line=None) -> list[Problem]:
    def at_section(index: int) -> int:
        """Where the translation has what English has there, if it can be found; else its section's start."""
        section = items_en[index].section
        return tr.find_in_section(section, items_en[index].needles) or tr.section_start(section)

    return compare_lists(code, what, en.page, tr.page, items_en, items_tr, fix, missing_line=missing_line or at_section)


def _valued(features: list[skeleton.Feature], value) -> list[skeleton.Feature]:
    """Copies of `features` whose `.value` is value(feature): what is compared."""
    return [skeleton.Feature(f.kind, value(f), f.text, f.section, f.needles, f.line, f.detail) for f in features]


def check_headings(en: View, tr: View) -> list[Problem]:
    explicit = {item.value.split("{#", 1)[1].rstrip("}") for item in en.page.headings() if "{#" in item.value}

    def value(feature):
        return f"{feature.value} #{feature.detail['id']}" if feature.detail["id"] in explicit else feature.value

    return _compare("tr-headings", "heading", en, tr, _valued(en.of("heading"), value),
                    _valued(tr.of("heading"), value),
                    "keep the same headings as English, at the same level, with any {#id} copied exactly.")


def _blocks(tags: list[str]) -> str:
    return " and ".join(BLOCKS.get(tag, f"<{tag}>") for tag in tags) or "no text"


def _box_pair(index: int, a: skeleton.Feature, b: skeleton.Feature, tr: View) -> list[Problem]:
    problems = []
    path, number = tr.page.path, f"box {index + 1} ({b.value})"
    if a.detail["state"] != b.detail["state"]:
        problems.append(Problem(path, b.line, "tr-box-state",
                                f"{number} is {STATES[b.detail['state']]} here but {STATES[a.detail['state']]} "
                                "in English.",
                                f"start the box line with {a.detail['state']} as English does."))
    if a.detail["body"] != b.detail["body"]:
        body_en, body_tr = _blocks(a.detail["body"]), _blocks(b.detail["body"])
        problems.append(Problem(path, b.line, "tr-box-content",
                                f"{number} holds {body_tr} here but {body_en} in English: text meant for the box "
                                "is outside it, or the other way round.",
                                "indent every line of the box's text by 4 spaces under the box line, with an "
                                "empty line after the box's last line, as in English."))
    if a.detail["title"] and not b.detail["title"]:
        problems.append(Problem(path, b.line, "tr-empty-text", f"{number} has no title here but English has one.",
                                'translate the title in quotes after the box word: !!! warning "..."'))
    return problems


def check_boxes(en: View, tr: View, source_codes: set[str]) -> list[Problem]:
    boxes_en, boxes_tr = en.of("box"), tr.of("box")
    if [b.value for b in boxes_en] != [b.value for b in boxes_tr]:
        if "tr-admonitions" in source_codes:
            return []
        return _compare("tr-admonitions", "box", en, tr, boxes_en, boxes_tr,
                        "keep the same boxes as English (!!! warning, !!! tip), as Markdown boxes, not HTML.")
    problems = []
    for index, (a, b) in enumerate(zip(boxes_en, boxes_tr)):
        problems += _box_pair(index, a, b, tr)
    return problems


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _list_without_blank_line(tr: View, section: int) -> int | None:
    """The first list item of the section that directly follows a line of text
    (no empty line between): Markdown then reads the list as part of that paragraph."""
    lines = tr.page.text.splitlines()
    starts = locate.section_lines(tr.features, tr.page)
    first = starts[min(section, len(starts) - 1)]
    last = starts[section + 1] if section + 1 < len(starts) else len(lines) + 1
    for number in range(max(first, tr.page.body_start) + 1, min(last, len(lines) + 1)):
        previous, line = lines[number - 2], lines[number - 1]
        if LIST_ITEM.match(line) and previous.strip() and not LIST_ITEM.match(previous) \
                and not previous.lstrip().startswith("#") and _indent(previous) <= _indent(line):
            return number
    return None


def check_lists(en: View, tr: View) -> list[Problem]:
    lists_en, lists_tr = en.of("list"), tr.of("list")

    def value(feature):
        return f"{'numbered' if feature.value == 'ol' else 'bulleted'} list of {feature.detail['items']} items"

    def missing(index: int) -> int:
        section = lists_en[index].section
        return _list_without_blank_line(tr, section) or tr.section_start(section)

    return _compare("tr-lists", "list", en, tr, _valued(lists_en, value), _valued(lists_tr, value),
                    "keep English's lists and items: one item per line starting with '- ' (or '1. '), "
                    "with an empty line before the list, else it becomes part of the paragraph above.",
                    missing_line=missing)


def check_tables(en: View, tr: View) -> list[Problem]:
    def value(feature):
        return f"{feature.detail['rows']} rows of {feature.detail['columns']} columns"

    return _compare("tr-tables", "table", en, tr, _valued(en.of("table"), value), _valued(tr.of("table"), value),
                    "keep every table row and column of English: one line per row, cells between | as in "
                    "English, the line of dashes under the header kept.")


def check_empty(tr: View) -> list[Problem]:
    problems = []
    for feature in tr.of("heading"):
        if not ATTRIBUTES_ONLY.sub("", feature.text).strip():
            shown = f" (readers see only {feature.text!r})" if feature.text else ""
            problems.append(Problem(tr.page.path, feature.line, "tr-empty-text", f"a heading has no text{shown}.",
                                    "write the translated heading after the #'s, before any {#id}."))
    for feature in tr.of("link"):
        if not feature.text and not feature.detail.get("images"):
            problems.append(Problem(tr.page.path, feature.line, "tr-empty-text",
                                    f"the link to {feature.value!r} has no text, so readers cannot see or tap it.",
                                    "write the translated link text between [ and ]."))
    return problems


def check_hidden(en: View, tr: View) -> list[Problem]:
    allowed = Counter(f.value for f in en.of("hidden"))
    problems = []
    for feature in tr.of("hidden"):
        if allowed[feature.value] > 0:
            allowed[feature.value] -= 1
            continue
        problems.append(Problem(tr.page.path, feature.line, "tr-hidden-content",
                                f"{feature.value}: readers do not see this content as English shows it.",
                                "remove the comment, attribute or style: show every part of the page as English "
                                "does (write notes for reviewers in the pull request, not in the page)."))
    return problems


def _context(feature: skeleton.Feature) -> str:
    context = feature.detail["context"]
    return context if context == "code" or feature.value.startswith("[[contact:") else "text"


def check_markers(en: View, tr: View) -> list[Problem]:
    markers_en, markers_tr = en.of("marker"), tr.of("marker")
    if [m.value for m in markers_en] != [m.value for m in markers_tr]:
        return _compare("tr-markers", "contact marker", en, tr, markers_en, markers_tr,
                        "copy every [[contact: id]] and [[phone: id]] marker from English exactly, as plain text.")
    return [Problem(tr.page.path, b.line, "tr-markers",
                    f"{b.value} is shown as {CONTEXTS[_context(b)]} here, but as {CONTEXTS[_context(a)]} in English.",
                    "write the marker as English does: [[contact: id]] alone on its line with empty lines around "
                    "it, [[phone: id]] inside the sentence; never inside `backticks` or indented by 4 spaces.")
            for a, b in zip(markers_en, markers_tr) if _context(a) != _context(b)]


def check_links(en: View, tr: View, source_codes: set[str]) -> list[Problem]:
    problems = []
    if not source_codes & {"tr-links", "tr-glossary-links"}:
        problems += _compare("tr-links", "link", en, tr, en.of("link"), tr.of("link"),
                             "write every link as English does, [text](target), outside code and comments.")
    if "tr-images" not in source_codes:
        problems += _compare("tr-images", "image", en, tr, en.of("image"), tr.of("image"),
                             "use the same images as English, written as English writes them.")
    return problems


def check_rendered(project: Project, english: markdown.Page, translated: markdown.Page,
                   source_codes: set[str]) -> list[Problem]:
    """Every difference in what the reader gets; `source_codes` are those the
    source comparison already reported, not reported again from the rendering. A page
    with a line the readable check reports as too long is not rendered."""
    if readable.has_long_line(english) or readable.has_long_line(translated):
        return []
    en, tr = view(project, english), view(project, translated)
    problems = check_hidden(en, tr) + check_empty(tr)
    if any(p.code == "tr-hidden-content" and "HTML comment" in p.message for p in problems):
        return problems  # what a comment hides is missing from every list below: one problem, not many
    if "tr-headings" not in source_codes:
        problems += check_headings(en, tr)
    problems += check_boxes(en, tr, source_codes) + check_lists(en, tr) + check_tables(en, tr)
    if "tr-markers" not in source_codes:
        problems += check_markers(en, tr)
    return problems + check_links(en, tr, source_codes)
