"""Every input can be read: files are UTF-8 text, the configuration and the
language table load, and source pages' front matter parses. Other checks read
on past a file that is not UTF-8 (its bad bytes as U+FFFD); this family
reports it once, with the byte offset."""

from __future__ import annotations

from pathlib import Path

from rights_guide.model import markdown, yamlfile
from rights_guide.model.project import Project
from rights_guide.problems import Problem

ENCODING_FIX = ("save the file as UTF-8 (in your editor: Save as, encoding UTF-8), or retype the "
                "characters around that place.")
YAML_FIX = "correct the YAML syntax (quote text that contains ': ' or starts with a symbol)."
DATE_FIX = "write a date that exists, as YYYY-MM-DD."
# No sentence or paragraph of a rights page comes near this; Python-Markdown (and so the
# build and the rendered comparison) takes time quadratic in such a line's brackets.
MAX_LINE_CHARACTERS = 5000
LONG_LINE_FIX = ("break the line into sentences and paragraphs (a blank line between paragraphs); a line "
                 "this long was usually pasted by mistake.")
FRONT_MATTER_FIX = ("fix the front matter between the --- lines (one 'key: value' per line; quote text that "
                    "contains ': '; dates as YYYY-MM-DD).")


def from_yaml_error(error: yamlfile.YamlError, code: str, fix: str = YAML_FIX,
                    date_code: str | None = None) -> Problem:
    """A file that did not load, under `code`; not UTF-8 is always file-encoding,
    and an impossible date is `date_code` where the family has one."""
    if error.kind == "encoding":
        return Problem(error.path, error.line, "file-encoding", error.message, ENCODING_FIX)
    if error.kind == "date":
        return Problem(error.path, error.line, date_code or code, error.message, DATE_FIX)
    return Problem(error.path, error.line, code, error.message, fix)


def check_setup(project: Project) -> list[Problem]:
    """mkdocs.yml and data/languages.yml, without which nothing else can be checked."""
    for path, code, what in ((project.config_path, "language-config", "the site configuration"),
                             (project.languages_path, "language-table", "the table of language facts")):
        if not path.is_file():
            return [Problem(path, 1, code, f"{path.name}, {what}, is missing.",
                            f"restore {path.name} (git checkout -- {path.name}).")]
        try:
            yamlfile.load(path)
        except yamlfile.YamlError as error:
            return [from_yaml_error(error, code)]
    return []


def check(project: Project) -> list[Problem]:
    """Pages that are not UTF-8, and source pages whose front matter does not load
    (a translation's is tr-front-matter)."""
    problems: list[Problem] = []
    default = project.docs / project.default_language()
    for path in sorted(project.docs.rglob("*.md")):
        if not path.is_file():
            continue
        page = markdown.read(path)
        if page.not_utf8 is not None:
            problems.append(Problem(path, page.not_utf8.line, "file-encoding", page.not_utf8.message, ENCODING_FIX))
        problems += [Problem(path, number, "page-line-too-long",
                             f"line {number} is {len(line):,} characters long (at most {MAX_LINE_CHARACTERS:,}).",
                             LONG_LINE_FIX)
                     for number, line in enumerate(page.text.splitlines(), 1) if len(line) > MAX_LINE_CHARACTERS]
        if page.meta_error is not None and _inside(path, default):
            problems.append(from_yaml_error(page.meta_error, "front-matter-yaml", FRONT_MATTER_FIX,
                                            date_code="front-matter-yaml"))
    return problems


def has_long_line(page: markdown.Page) -> bool:
    """A line that the check above reports: the page is not rendered for comparison."""
    return any(len(line) > MAX_LINE_CHARACTERS for line in page.text.splitlines())


def _inside(path: Path, folder: Path) -> bool:
    try:
        path.relative_to(folder)
    except ValueError:
        return False
    return True
