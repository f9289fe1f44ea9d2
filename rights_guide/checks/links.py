"""Markup no page may hold (scripts, frames, styles, event handlers), and the
addresses every page may use. Every form of link and resource
(model/resources.py) goes through the same rules: no javascript:, vbscript:,
data: or file: address, no protocol-relative //host address, and nothing the
browser fetches from another host. Every web address in front matter is https://."""

from __future__ import annotations

import re
from pathlib import Path

from rights_guide.model import markdown, resources
from rights_guide.model.project import Project
from rights_guide.problems import Problem

ELEMENTS = [
    (re.compile(r"<\s*(script|iframe|object|embed|style|frame|frameset|applet|base|meta|form|link)\b", re.I),
     "a <{0}> element"),
    (re.compile(r"<[a-z][^>]*\s(on[a-z]+)\s*=", re.I), "an event-handler attribute ({0})"),
]
BAD_SCHEMES = {"javascript", "vbscript", "data", "file", "blob"}
# An address written in a title or description: a web address, a script or data
# address, or one starting with // (a `url:` value is an address whatever it holds).
URL_IN_TEXT = re.compile(r"(?<![\w.+-])(?:(?:https?|ftp)://|(?:javascript|vbscript|data|file|blob):(?=\S)|//(?=[\w.-]))\S*",
                         re.I)
FIX = "remove it: pages may contain only Markdown, links and images stored in this site."


def _resource_problem(path: Path, found: resources.Resource) -> Problem | None:
    scheme = resources.scheme(found.url)
    where = f"{found.url!r}, written as {found.form}"
    if scheme in BAD_SCHEMES:
        what = f"a {scheme}: link" if found.kind == resources.LINK else f"a {scheme}: address"
        return Problem(path, found.line, "unsafe-markup", f"{what} ({where}) is not allowed.", FIX)
    if found.kind == resources.IMAGE and resources.is_remote(found.url):
        what = {"inline": "an image", "reference": "an image", "css url()": "a CSS resource"}.get(found.form, "a resource")
        return Problem(path, found.line, "unsafe-markup",
                       f"{what} from another host ({where}) is not allowed: the reader's browser would "
                       "contact that host.", FIX)
    if resources.is_protocol_relative(found.url):
        return Problem(path, found.line, "unsafe-markup",
                       f"an address starting with // ({where}) is not allowed: it names another host "
                       "without saying https.",
                       "write a link to another website in full, with https://.")
    return None


def check_unsafe_markup(path: Path) -> list[Problem]:
    page = markdown.read(path)
    problems = []
    for number, line in page.body_lines():
        for pattern, description in ELEMENTS:
            problems += [Problem(path, number, "unsafe-markup", f"{description.format(m.group(1))} is not allowed.",
                                 FIX) for m in pattern.finditer(line)]
    for found in page.resources_used():
        problem = _resource_problem(path, found)
        if problem is not None:
            problems.append(problem)
    return problems


def _strings(value, keys: tuple = ()):
    """(key path, text) of every string in a front matter value, however deep."""
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, (*keys, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, (*keys, index))
    elif isinstance(value, str):
        yield keys, value


def _meta_line(page: markdown.Page, keys: tuple) -> int:
    for end in range(len(keys), 0, -1):
        if keys[:end] in page.meta_paths:
            return page.meta_paths[keys[:end]]
    return 1


def check_front_matter_urls(page: markdown.Page) -> list[Problem]:
    """Every web address in the front matter (a source's url, or one written in a
    title or description) starts with https://."""
    problems = []
    for keys, text in _strings(page.meta):
        name = ".".join(str(key) for key in keys)
        urls = [text.strip()] if keys and keys[-1] == "url" else [m.group(0) for m in URL_IN_TEXT.finditer(text)]
        for url in urls:
            if not url.lower().startswith("https://") or resources.scheme(url) != "https":
                problems.append(Problem(page.path, _meta_line(page, keys), "front-matter-url",
                                        f"{name} holds {url!r}, not an https:// web address.",
                                        "write the full address starting with https:// (open it in a browser "
                                        "to check it works); never javascript:, data: or an address without "
                                        "https:."))
    return problems


def check(project: Project) -> list[Problem]:
    problems: list[Problem] = []
    for path in sorted(project.docs.rglob("*.md")):
        problems += check_unsafe_markup(path)
        problems += check_front_matter_urls(markdown.read(path))
    return problems
