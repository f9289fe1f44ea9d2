"""Markup no page may hold: scripts, frames, styles, event handlers,
javascript: links and resources from other hosts."""

from __future__ import annotations

import re
from pathlib import Path

from rights_guide.model import markdown
from rights_guide.model.project import Project
from rights_guide.problems import Problem

UNSAFE = [
    (re.compile(r"<\s*(script|iframe|object|embed|style|frame|frameset|applet|base|meta|form)\b", re.I),
     "a <{0}> element"),
    (re.compile(r"<[a-z][^>]*\s(on[a-z]+)\s*=", re.I), "an event-handler attribute ({0})"),
    (re.compile(r"(javascript|vbscript|data:text/html)\s*:?", re.I), None),
    (re.compile(r"!\[[^\]]*\]\(\s*<?((?:https?:)?//[^)\s>]+)", re.I), "an image from another host ({0})"),
    (re.compile(r"<\s*(?:img|video|audio|source|track|input|link|image)\b[^>]*\s(?:src|href|srcset|poster)\s*=\s*[\"']?((?:https?:)?//[^\"'\s>]+)", re.I),
     "a resource from another host ({0})"),
    (re.compile(r"url\(\s*[\"']?((?:https?:)?//[^\"')\s]+)", re.I), "a CSS resource from another host ({0})"),
]
JAVASCRIPT_URL = re.compile(r"(?:\]\(|href\s*=\s*[\"']?|src\s*=\s*[\"']?)\s*(javascript|vbscript):", re.I)

def check_unsafe_markup(path: Path) -> list[Problem]:
    problems = []
    page = markdown.Page(path=path, text=path.read_text(encoding="utf-8"))
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




def check(project: Project) -> list[Problem]:
    problems: list[Problem] = []
    for path in sorted(project.docs.rglob("*.md")):
        problems += check_unsafe_markup(path)
    return problems
