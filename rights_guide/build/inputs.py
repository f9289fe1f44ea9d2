"""Before the first page is built, every file the pages read is read once with
the check's model: pages (UTF-8, front matter), the strings files and
data/contacts.yml. A file that cannot be read stops the build with the same
`path:line: code: message` the check prints, never a traceback, and never in
the name of the page that happened to be built first."""

from __future__ import annotations

from rights_guide.checks import readable
from rights_guide.model import contacts, markdown, strings, yamlfile
from rights_guide.model.project import Project
from rights_guide.model.translations import translations
from rights_guide.problems import ERROR, Problem


def problems(project: Project) -> list[Problem]:
    found = readable.check(project)  # pages not UTF-8; source pages' front matter
    for translation in translations(project):
        error = markdown.read(translation.path).meta_error
        if error is not None:
            found.append(Problem(translation.path, error.line, "tr-front-matter", error.message,
                                 readable.FRONT_MATTER_FIX))
    for language in project.languages():
        path = strings.strings_path(project, language.code)
        if path.is_file():
            try:
                yamlfile.load(path)
            except yamlfile.YamlError as error:
                found.append(readable.from_yaml_error(error, "ui-yaml"))
    try:
        found += contacts.parse(yamlfile.load(project.contacts_path))[1]
    except yamlfile.YamlError as error:
        found.append(readable.from_yaml_error(error, "contact-yaml", date_code="contact-bad-date"))
    return [problem for problem in found if problem.severity == ERROR]


def report(project: Project) -> str | None:
    """The build's error message, or None when every input reads."""
    found = sorted(problems(project), key=lambda p: (str(p.path), p.line, p.code))
    if not found:
        return None
    return "\n".join([*(problem.format(project.root) for problem in found),
                      "(run 'python -m rights_guide check' for every problem)"])
