"""`python -m rights_guide new-site`: turn a clone into a blank site for another
country and organisation.

It keeps the build, the checks, the templates and the table of language facts,
and replaces what is about one country: the site's name, address and exit
site, the languages, the help channels (data/contacts.yml and their words in
data/strings/), the pages (a short skeleton of each page the site needs) and
the menu. Everything removed stays in git's history. It then prints the next
steps.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import re
from dataclasses import dataclass

from rights_guide.cli import new_language, remove_language
from rights_guide.model.languages import CODE
from rights_guide.model.project import Project

# The pages every site needs: the start page, the help channels, and where the facts come from.
SKELETON = ("index.md", "help.md", "about.md")
KEPT = ("translation-status.md",)  # generic: filled by the build
FIRST_READ = ("index.md", "help.md")  # extra.first_read_pages; each also a leaflet


@dataclass
class SiteSettings:
    country: str
    organisation: str
    site_url: str
    exit_url: str
    languages: list[str]
    site_name: str
    emergency: list[str]
    emergency_source: str


def problems_with(settings: SiteSettings, project: Project) -> list[str]:
    table = project.language_table()
    found = []
    for label, url in (("--site-url", settings.site_url), ("--exit-url", settings.exit_url),
                       ("--emergency-source", settings.emergency_source)):
        if not url.startswith("https://"):
            found.append(f"{label} {url!r} is not an https:// address.")
    for code in settings.languages:
        if not CODE.match(code) or code not in table:
            found.append(f"language '{code}' has no row in data/languages.yml (add one first).")
    if settings.languages[:1] != [project.default_language()]:
        found.append(f"the first language must be the source language, '{project.default_language()}'.")
    for number in settings.emergency:
        if not re.fullmatch(r"\+?[0-9]+(?: [0-9]+)*", number):
            found.append(f"emergency number {number!r} is not digits in groups, e.g. 112 or \"116 123\".")
    return found


def _set(text: str, pattern: str, line: str, keep_group: bool = False) -> str:
    """Replace the line matching `pattern` (multiline regex), which must exist once;
    with `keep_group`, the pattern's first group is kept in front of `line`."""
    new, count = re.subn(pattern, lambda match: (match.group(1) if keep_group else "") + line, text,
                         count=1, flags=re.M)
    if count != 1:
        raise ValueError(f"mkdocs.yml: no line matches {pattern!r}")
    return new


def _quoted(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def configure(project: Project, settings: SiteSettings, ids: list[str]) -> None:
    path = project.config_path
    text = path.read_text(encoding="utf-8")
    text = _set(text, r"^site_name: .*$", f"site_name: {_quoted(settings.site_name)}")
    text = _set(text, r"^site_description: .*$", "site_description: " + _quoted(
        f"Plain-language information on rights, help and reporting a crime in {settings.country}."))
    text = _set(text, r"^site_url: .*$", f"site_url: {settings.site_url.rstrip('/')}/")
    text = _set(text, r"^  exit_url: .*$", f"  exit_url: {settings.exit_url}")
    text = _set(text, r"^  emergency_contacts: .*$", f"  emergency_contacts: [{', '.join(ids)}]")
    text = _set(text, r"^  first_read_pages: .*$", f"  first_read_pages: [{', '.join(FIRST_READ)}]")
    # Leaflets (make leaflets): who gives them out, and the emergency numbers on the pocket card.
    text = _set(text, r"^  organisation: .*$", f"  organisation: {_quoted(settings.organisation)}")
    text = _set(text, r"^  pocket_card_contacts: .*$", f"  pocket_card_contacts: [{', '.join(ids)}]")
    text = _set(text, r"^  pocket_card_page: .*$", "  pocket_card_page: help.md")
    text = _set(text, r"^  booklet_page: .*$", "  booklet_page: index.md")
    text = _set(text, r"^(          default: true\n          build: true\n          site_name: ).*$",
                _quoted(settings.site_name), keep_group=True)
    text = re.sub(r"(?ms)^nav:\n.*?(?=^\S|\Z)", "nav:\n" + "".join(f"  - {page}\n" for page in SKELETON), text)
    path.write_text(text, encoding="utf-8")


def write_contacts(project: Project, settings: SiteSettings, today: str) -> list[str]:
    """data/contacts.yml and the English words of its channels: the emergency numbers only."""
    contacts = project.contacts_path.read_text(encoding="utf-8")
    header = contacts[:contacts.index("\ncontacts:") + 1]
    ids, entries, words = [], [], []
    for number in settings.emergency:
        contact_id = "emergency-" + re.sub(r"\D", "", number)
        ids.append(contact_id)
        entries.append(f"  - id: {contact_id}\n    phones:\n      - number: \"{number}\"\n        free: true\n"
                       f"    source: {settings.emergency_source}\n    source_date: undated\n"
                       f"    checked: {today}\n    confidence: high\n    always_open: true\n")
        # short_name: on leaflets and the pocket card, a word that does not say what the site is about.
        words.append(f"  {contact_id}:\n    name: Emergency number {number}\n    short_name: Emergency\n"
                     f"    purpose: Call if someone's life, health or safety is in danger now.\n")
    project.contacts_path.write_text(header + "contacts:\n" + "\n".join(entries), encoding="utf-8")
    strings = project.strings_dir / f"{project.default_language()}.yml"
    text = strings.read_text(encoding="utf-8")
    text = re.sub(r"(?ms)^contacts:\n.*?(?=^\S|\Z)", "contacts:\n" + "".join(words) + "\n", text)
    strings.write_text(text, encoding="utf-8")
    return ids


def skeleton_page(name: str, settings: SiteSettings, today: str, ids: list[str]) -> str:
    titles = {"index.md": "Start here", "help.md": "Where can I get help?", "about.md": "About this site"}
    bodies = {
        "index.md": f"This site is for you if you need to know your rights in {settings.country}.\n"
                    "Write here who the site is for, and where to start.\n\n"
                    "[Where can I get help?](help.md)\n",
        "help.md": "Write here which services can help, sorted by what the reader needs.\n\n"
                   + "".join(f"[[contact: {contact_id}]]\n\n" for contact_id in ids),
        "about.md": f"This site is made by {settings.organisation}.\n"
                    "Write here where the facts come from and how to report a mistake.\n",
    }
    # The pages read first (the start page and the help channels) are also PDF leaflets (make leaflets).
    leaflet = "leaflet: true\n" if name in FIRST_READ else ""
    return (f"---\ntitle: {titles[name]}\ndescription: {titles[name]} ({settings.country}).\n"
            f"last_reviewed: {today}\n{leaflet}sources:\n  - title: Emergency number\n"
            f"    url: {settings.emergency_source}\n---\n\n# {titles[name]}\n\n{bodies[name]}")


def run(project: Project, settings: SiteSettings) -> int:
    found = problems_with(settings, project)
    if found:
        print("\n".join(found) + "\nNothing was changed. Fix: correct the options and run it again.")
        return 1
    today = dt.date.today().isoformat()
    said = io.StringIO()
    with contextlib.redirect_stdout(said):
        for language in project.languages():
            if not language.default and remove_language.run(project, language.code) != 0:
                print(said.getvalue())
                return 1
    ids = write_contacts(project, settings, today)
    configure(project, settings, ids)
    english = project.docs / project.default_language()
    for page in sorted(english.rglob("*.md")):
        if page.relative_to(english).as_posix() not in KEPT:
            page.unlink()
    for name in SKELETON:
        (english / name).write_text(skeleton_page(name, settings, today, ids), encoding="utf-8")
    with contextlib.redirect_stdout(said):
        for code in settings.languages[1:]:
            if new_language.run(project, code) != 0:
                print(said.getvalue())
                return 1
    print(f"""A blank site for {settings.country} by {settings.organisation}, in {', '.join(settings.languages)}.
Removed (git keeps them): the earlier pages, help channels and languages.

Next steps:
  1. Write the pages in docs/{project.default_language()}/ (CONTRIBUTING.md: plain language, sources).
  2. Add every help channel to data/contacts.yml with its source, and its words to data/strings/*.yml.
  3. Translate the site name in mkdocs.yml and data/strings/<code>.yml for each added language.
  4. make check && make site && make test""")
    return 0


def add_arguments(parser) -> None:
    parser.add_argument("--country", required=True, help="the country the site is about, e.g. Ireland")
    parser.add_argument("--organisation", required=True, help="who publishes the site")
    parser.add_argument("--site-url", required=True, help="https:// address the site will have")
    parser.add_argument("--exit-url", required=True, help="neutral https:// site 'Exit this page' goes to")
    parser.add_argument("--languages", nargs="+", required=True,
                        help="codes from data/languages.yml, the source language first, e.g. en pt")
    parser.add_argument("--site-name", required=True, help="the site's name in the source language")
    parser.add_argument("--emergency", action="append", required=True,
                        help="an emergency number for the box on every page (repeat for each), e.g. 112")
    parser.add_argument("--emergency-source", required=True,
                        help="https:// page of an authority that gives the emergency numbers")


def settings_from(args) -> SiteSettings:
    return SiteSettings(args.country, args.organisation, args.site_url, args.exit_url, list(args.languages),
                        args.site_name, list(args.emergency), args.emergency_source)

