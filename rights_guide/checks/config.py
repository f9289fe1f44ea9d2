"""The whole configuration seen together: mkdocs.yml against the data and pages
it names, and the deploy rules against the languages built. The strict build
would stop on some of these too, later and without the line to fix."""

from __future__ import annotations


from rights_guide.model import contacts as contact_data
from rights_guide.model import yamlfile
from rights_guide.model.project import Project
from rights_guide.problems import WARNING, Problem


def check(project: Project) -> list[Problem]:
    config = project.config()
    if not isinstance(config.data, dict):
        return []
    return [*emergency_contacts(project, config), *navigation(project, config), *deploy_rules(project)]


def emergency_contacts(project: Project, config: yamlfile.YamlFile) -> list[Problem]:
    ids = (config.data.get("extra") or {}).get("emergency_contacts") or []
    try:
        known, _ = contact_data.parse(yamlfile.load(project.contacts_path))
    except (yamlfile.YamlError, OSError):
        return []  # the contacts check reports the file itself
    return [Problem(project.config_path, config.line("extra", "emergency_contacts", position), "config-unknown-contact",
                    f"extra.emergency_contacts names '{contact_id}', which is not a contact in data/contacts.yml.",
                    f"use one of: {', '.join(sorted(known))}; or add the contact to data/contacts.yml.")
            for position, contact_id in enumerate(ids) if contact_id not in known]


def _nav_entries(node, keys: tuple = ()):
    """(path in docs/<default>/, yaml keys) for every page the nav names; external links skipped."""
    if isinstance(node, str):
        if not node.startswith(("http://", "https://")):
            yield node, keys
    elif isinstance(node, list):
        for index, item in enumerate(node):
            yield from _nav_entries(item, (*keys, index))
    elif isinstance(node, dict):
        for title, value in node.items():
            yield from _nav_entries(value, (*keys, title))


def navigation(project: Project, config: yamlfile.YamlFile) -> list[Problem]:
    nav = config.data.get("nav")
    if nav is None:
        return []  # MkDocs makes the menu from the pages
    english = project.docs / project.default_language()
    problems = []
    named = set()
    for page, keys in _nav_entries(nav, ("nav",)):
        named.add(page)
        if not (english / page).is_file():
            problems.append(Problem(project.config_path, config.line(*keys), "config-nav-missing-page",
                                    f"nav lists '{page}', but docs/{project.default_language()}/{page} does not exist.",
                                    "correct the file name, or remove the entry from nav."))
    not_in_nav = set(str(config.data.get("not_in_nav") or "").split())
    for page in sorted(english.rglob("*.md")):
        relative = page.relative_to(english).as_posix()
        if relative not in named and relative not in not_in_nav:
            problems.append(Problem(page, 1, "config-page-not-in-nav",
                                    f"docs/{project.default_language()}/{relative} is not in mkdocs.yml's nav, "
                                    "so no menu leads to it.",
                                    "add it to nav in mkdocs.yml (or to not_in_nav if only links lead to it).",
                                    severity=WARNING))
    return problems


def deploy_rules(project: Project) -> list[Problem]:
    """Each language folder needs its caching rule (deploy/_headers) and its 404 page (deploy/nginx.conf);
    `new-language` writes both."""
    problems = []
    default = project.default_language()
    for language in project.languages():
        if language.default:
            continue
        for path, needle, what in (
                (project.root / "deploy" / "_headers", f"\n/{language.code}/*\n", f"a '/{language.code}/*' rule"),
                (project.root / "deploy" / "nginx.conf", f"location /{language.code}/ {{",
                 f"a 'location /{language.code}/' block")):
            if path.is_file() and needle not in path.read_text(encoding="utf-8"):
                problems.append(Problem(path, 1, "config-deploy-rules",
                                        f"{path.name} has no rule for the language '{language.code}' ({what}).",
                                        f"copy the rule of another language and change the code, as "
                                        f"'python -m rights_guide new-language' writes it (default: {default}).",
                                        ))
    return problems


