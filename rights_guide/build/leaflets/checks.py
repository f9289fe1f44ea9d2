"""What `make leaflets` refuses or warns about before and after rendering:
the configuration (organisation, pocket card contacts, short names) and
discretion (no word of `leaflets.avoid_words` on a pocket card's face, in a
file name or in a PDF's document properties)."""

from __future__ import annotations

import re

from rights_guide.build import components
from rights_guide.build.leaflets import htmlparts
from rights_guide.build.leaflets.plan import CARD, Leaflet, Settings
from rights_guide.model import strings
from rights_guide.model.project import Project
from rights_guide.problems import WARNING, Problem

META = re.compile(r'<title>(?P<title>[^<]*)</title>|<meta name="(?P<name>[a-z]+)" content="(?P<value>[^"]*)">')


def config_line(project: Project, *keys) -> int:
    return project.config().line(*keys)


def organisation(project: Project, config: Settings) -> list[Problem]:
    name = config.organisation
    if name and not (name.startswith("[") and name.endswith("]")):
        return []
    return [Problem(project.config_path, config_line(project, "extra", "organisation"), "leaflet-organisation",
                    f"extra.organisation is {'a placeholder, ' + repr(name) if name else 'not set'}; "
                    "every leaflet prints it as who gives the leaflet out.",
                    "set your organisation's name (without [ ]) in mkdocs.yml.", severity=WARNING)]


def contacts(project: Project, config: Settings) -> list[Problem]:
    """Pocket card contacts: known, confidence high, with a phone; every contact
    on a card or in the top box needs a short name in English."""
    known = components.contacts(project)
    english = strings.load(project, project.default_language())
    problems = []
    for index, contact_id in enumerate(config.card_contacts):
        line = config_line(project, "extra", "pocket_card_contacts", index)
        contact = known.get(contact_id)
        reason = ("is not in data/contacts.yml" if contact is None else
                  f"has confidence {contact.confidence}; a card has no room to say 'check first'"
                  if contact.confidence != "high" else "has no phone number" if not contact.phones else None)
        if reason:
            problems.append(Problem(project.config_path, line, "leaflet-card-contact",
                                    f"pocket card contact '{contact_id}' {reason}.",
                                    "list only contacts with confidence high and a phone number."))
    extra = project.config().data.get("extra") or {}
    for contact_id in dict.fromkeys([*config.card_contacts, *(extra.get("emergency_contacts") or [])]):
        if contact_id in known and not english.get(f"contacts.{contact_id}.short_name"):
            path = strings.strings_path(project, project.default_language())
            problems.append(Problem(path, 1, "leaflet-short-name",
                                    f"contact '{contact_id}' has no contacts.{contact_id}.short_name.",
                                    "add a short name that does not say what the place is for "
                                    "(leaflets and the pocket card show it)."))
    return problems


def avoid_words(project: Project, code: str) -> list[str]:
    words = []
    for language in dict.fromkeys([project.default_language(), code]):
        text = strings.load(project, language).get("leaflets.avoid_words", "")
        words += [word.strip().lower() for word in text.split(",") if word.strip()]
    return list(dict.fromkeys(words))


def visible(leaflet: Leaflet, html: str) -> dict[str, str]:
    """What someone else could see without opening the leaflet: its file name and
    document properties; for a pocket card, its face too."""
    seen = {"file name": leaflet.pdf.name}
    for match in META.finditer(html):
        if match.group("title") is not None:
            seen["title"] = match.group("title")
        elif match.group("name") in ("description", "keywords", "author"):
            seen[match.group("name")] = match.group("value")
    if leaflet.kind == CARD:
        seen["face"] = htmlparts.plain_text(htmlparts.first_inner(html, lambda tag, attrs: tag == "body") or "")
    return seen


def discreet(project: Project, leaflet: Leaflet, html: str) -> list[Problem]:
    words = avoid_words(project, leaflet.language)
    problems = []
    for where, text in visible(leaflet, html).items():
        found = [word for word in words if word in htmlparts.plain_text(text).lower()]
        if found:
            problems.append(Problem(strings.strings_path(project, leaflet.language), 1, "leaflet-not-neutral",
                                    f"the {leaflet.language} {leaflet.kind} leaflet {leaflet.pdf.name} has "
                                    f"'{found[0]}' in its {where}.",
                                    "use neutral words in leaflets.*, pocket_card.* and contacts.<id>.short_name, "
                                    "and in mkdocs.yml extra.organisation."))
    return problems
