"""Contact cards, phone links and the emergency box: data from the model,
HTML from the theme's partials (overrides/partials/), rendered with the Jinja
environment of the language being built."""

from __future__ import annotations

from pathlib import Path

from rights_guide.build import escaping
from rights_guide.build.print_links import print_attribute
from rights_guide.checks.contacts import check_markers
from rights_guide.model import contacts as contact_data
from rights_guide.model import strings, yamlfile
from rights_guide.model.project import Project


class ContactError(Exception):
    """A problem that stops the build, already formatted as `path:line: code: message`."""


_cache: dict = {}


def forget() -> None:
    _cache.clear()


def theme_env(config):
    """The theme's Jinja environment, made once per language build: pages are
    rendered to HTML before MkDocs makes the one it passes to `on_env`."""
    if "env" not in _cache:
        _cache["env"] = config.theme.get_env()
    return _cache["env"]


def contacts(project: Project) -> dict[str, contact_data.Contact]:
    # By file: one process may read several sites (make leaflets after a build, the tests).
    key = ("contacts", project.contacts_path.resolve())
    if key not in _cache:
        try:
            found, problems = contact_data.parse(yamlfile.load(project.contacts_path))
        except yamlfile.YamlError as error:
            raise ContactError(f"{error.format(project.root)} (run 'python -m rights_guide check' "
                               "for every problem)") from error
        if problems:
            raise ContactError("\n".join(problem.format(project.root) for problem in problems))
        _cache[key] = found
    return _cache[key]


def emergency_contacts(project: Project, ids) -> list[contact_data.Contact]:
    known = contacts(project)
    unknown = [contact_id for contact_id in ids if contact_id not in known]
    if unknown:
        raise ContactError(f"mkdocs.yml: extra.emergency_contacts names unknown contact id '{unknown[0]}'. "
                           f"Fix: use one of {', '.join(sorted(known))}.")
    return [known[contact_id] for contact_id in ids]


def language_names(project: Project) -> dict[str, str]:
    return {code: facts.name for code, facts in project.language_table().rows.items()}


def place_contacts(project: Project, config, markdown: str, source: Path) -> str:
    """The page's Markdown with each marker replaced by its card or phone link,
    in the words of the language the page is written in (its docs/ folder)."""
    known = contacts(project)
    for marker in contact_data.find_markers(source.read_text(encoding="utf-8")):
        if marker.kind not in contact_data.MARKER_KINDS or marker.id not in known:
            problems = check_markers(source, set(known))
            raise ContactError("\n".join(problem.format(project.root) for problem in problems))
    language = source.resolve().relative_to(Path(config.docs_dir).resolve()).parts[0]
    try:
        ui = escaping.ui_strings(strings.load(project, language))
    except yamlfile.YamlError as error:
        raise ContactError(error.format(project.root)) from error
    env = theme_env(config)
    card = env.get_template("partials/contact-card.html")
    phone = env.get_template("partials/phone-link.html").module.phone_link
    names = language_names(project)

    def replace(match):
        kind, contact_id = match.group(1), match.group(2)
        contact = known[contact_id]
        if kind == "phone":
            return str(phone(contact.phones[0])) if contact.phones else ui[f"contacts.{contact_id}.name"]
        html = card.render(contact=contact, ui=ui, ui_fill=escaping.fill, print_attribute=print_attribute,
                           heading="p", language_names=names)
        return "\n\n" + html + "\n\n"

    return contact_data.MARKER.sub(replace, markdown)
