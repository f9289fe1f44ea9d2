"""Replace contact markers with cards and phone links; render the emergency box.

`[[contact: id]]` on its own line becomes a card, `[[phone: id]]` a tel: link.
An unknown id stops the build with the file and line, like `python -m scripts check`.
"""

import html
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # share code with `python -m scripts`

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from scripts import contacts as contact_data  # noqa: E402
from scripts import strings, yamlfile  # noqa: E402
from scripts.project import Project  # noqa: E402

_cache: dict = {}


def _project(config) -> Project:
    return Project(Path(config.config_file_path).parent)


def _contacts(project: Project) -> dict:
    if "contacts" not in _cache:
        try:
            contacts, problems = contact_data.parse(yamlfile.load(project.contacts_path))
            _cache["language_names"] = yamlfile.load(project.data / "language-names.yml").data or {}
        except yamlfile.YamlError as error:
            raise PluginError(f"{error.format(project.root)} (run 'python -m scripts check' for every problem)") from error
        if problems:
            raise PluginError("\n".join(problem.format(project.root) for problem in problems))
        _cache["contacts"] = contacts
    return _cache["contacts"]


def _e(text) -> str:
    return html.escape(str(text), quote=True)


def phone_link(phone: contact_data.Phone) -> str:
    # dir="ltr" isolates the number, so it reads left to right inside Arabic text.
    return f'<a class="rg-tel" href="{_e(phone.tel)}" dir="ltr">{_e(phone.number)}</a>'


def render_card(contact: contact_data.Contact, ui: dict, heading: str = "p") -> str:
    key = f"contacts.{contact.id}"
    names = _cache.get("language_names", {})
    rows = []
    for phone in contact.phones:
        notes = []
        if phone.free:
            notes.append(ui["contact_free"])
        if phone.label:
            notes.append(ui.get(f"phone_labels.{phone.label}", phone.label))
        note = f' <span class="rg-contact__note">({_e(", ".join(notes))})</span>' if notes else ""
        rows.append(("phone", ui["contact_phone"], phone_link(phone) + note))
    hours = ui.get(f"{key}.hours") or (ui["contact_always_open"] if contact.extra.get("always_open") else None)
    if hours:
        rows.append(("hours", ui["contact_hours"], _e(hours)))
    if contact.web:
        shown = contact.web.split("://", 1)[1].rstrip("/")
        rows.append(("web", ui["contact_web"], f'<a href="{_e(contact.web)}">{_e(shown)}</a>'))
    if contact.email:
        rows.append(("email", ui["contact_email"],
                     f'<a href="mailto:{_e(contact.email)}" dir="ltr">{_e(contact.email)}</a>'))
    if contact.languages:
        spoken = ", ".join(f'<span lang="{_e(code)}">{_e(names.get(code, code))}</span>' for code in contact.languages)
        rows.append(("languages", ui["contact_languages"], spoken))
    items = "".join(
        f'<div class="rg-contact__row rg-contact__row--{kind}"><dt>{_e(label)}</dt><dd>{value}</dd></div>'
        for kind, label, value in rows)
    source_host = contact.source.split("://", 1)[1].split("/", 1)[0]
    source = strings.fill(_e(ui["contact_source"]),
                          source=f'<a href="{_e(contact.source)}">{_e(source_host)}</a>',
                          date=f'<time datetime="{contact.checked}">{contact.checked}</time>')
    # The short form is for the PDF leaflets, where space is tight (leaflet.css).
    caution = (f'<p class="rg-contact__caution">{_e(ui["contact_medium_confidence"])}</p>'
               f'<p class="rg-contact__caution-short">{_e(ui["contact_medium_confidence_short"])}</p>'
               if contact.confidence != "high" else "")
    return (
        f'<div class="rg-contact" id="contact-{_e(contact.id)}">'
        f'<{heading} class="rg-contact__name">{_e(ui[key + ".name"])}</{heading}>'
        f'<p class="rg-contact__purpose">{_e(ui.get(key + ".purpose", ""))}</p>'
        f'<dl class="rg-contact__details">{items}</dl>'
        f'{caution}<p class="rg-contact__source">{source}</p></div>'
    )


def render_emergency_box(project: Project, ids, ui: dict) -> str:
    contacts = _contacts(project)
    lines = []
    for contact_id in ids:
        contact = contacts.get(contact_id)
        if contact is None:
            raise PluginError(f"mkdocs.yml: extra.emergency_contacts names unknown contact id '{contact_id}'.")
        numbers = " ".join(phone_link(phone) for phone in contact.phones)
        lines.append(f'<li><span class="rg-emergency__name">{_e(ui[f"contacts.{contact_id}.name"])}</span> {numbers}</li>')
    return (
        f'<aside class="rg-emergency" aria-labelledby="rg-emergency-heading">'
        f'<p class="rg-emergency__heading" id="rg-emergency-heading">{_e(ui["emergency_heading"])}</p>'
        f'<ul class="rg-emergency__list">{"".join(lines)}</ul></aside>'
    )


def _file_language(page, config) -> str:
    """The language a page's text is written in: its folder under docs/."""
    relative = Path(page.file.abs_src_path).resolve().relative_to(Path(config.docs_dir).resolve())
    return relative.parts[0]


def on_pre_build(config):
    _cache.clear()  # `mkdocs serve` rebuilds in the same process; reread the data


@event_priority(-200)
def on_page_markdown(markdown, page, config, files):
    project = _project(config)
    contacts = _contacts(project)
    source = Path(page.file.abs_src_path)
    for marker in contact_data.find_markers(source.read_text(encoding="utf-8")):
        if marker.kind not in contact_data.MARKER_KINDS or marker.id not in contacts:
            problems = contact_data.check_markers(source, set(contacts))
            raise PluginError("\n".join(p.format(project.root) for p in problems))
    try:
        ui = strings.load(project, _file_language(page, config))
    except yamlfile.YamlError as error:
        raise PluginError(error.format(project.root)) from error

    def replace(match):
        kind, contact_id = match.group(1), match.group(2)
        contact = contacts[contact_id]
        if kind == "phone":
            return phone_link(contact.phones[0]) if contact.phones else _e(ui[f"contacts.{contact_id}.name"])
        return "\n\n" + render_card(contact, ui) + "\n\n"

    return contact_data.MARKER.sub(replace, markdown)


@event_priority(-200)
def on_env(env, config, files):
    project = _project(config)
    ui = env.globals.get("ui") or strings.load(project, config.theme["language"])
    env.globals["emergency_box"] = render_emergency_box(project, config.extra.get("emergency_contacts", []), ui)
    return env
