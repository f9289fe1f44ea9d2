"""The HTML of each PDF: parts of the built pages inside the leaflet partials
(overrides/partials/leaflet-*.html), in the words of data/strings/<lang>.yml.

Leaflets are made from the built pages, not from Markdown, so they carry the
same contact cards, notices and print addresses as the site. From each page
they keep the content only: the top box, the "from" block (QR code, address,
organisation, dates, stamp box) and the document properties are the partials'.
"""

from __future__ import annotations

import base64
import datetime as dt
import html
import os
import re
import unicodedata
from functools import cache
from pathlib import Path
from urllib.parse import urljoin

import jinja2
from markupsafe import Markup, escape

from rights_guide.build import components, qr
from rights_guide.build.leaflets import htmlparts
from rights_guide.build.leaflets.plan import BOOKLET, CARD, Leaflet, Section, Settings
from rights_guide.model import markdown, strings, yamlfile
from rights_guide.model.project import Project, page_url

# Parts of a built page that a leaflet replaces with its own or leaves out.
LEFT_OUT = (("aside", "rg-emergency"), ("p", "rg-leaflet"), ("div", "rg-provenance"),
            ("footer", "rg-page-meta"), ("a", "headerlink"))
START_TAG = re.compile(r"<a\b[^>]*>")
HREF = re.compile(r'\bhref="([^"]*)"')
PRINT = re.compile(r'\s*\bdata-rg-print="[^"]*"')
ID = re.compile(r'(\sid=")([^"]*)"')


@cache
def environment(root: Path) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(root / "overrides")), autoescape=True,
                              trim_blocks=True, lstrip_blocks=True)


class Words:
    """`t(key, name=value)` for the partials: the language's text, or the English
    one marked lang="en" where the key is not translated yet."""

    def __init__(self, project: Project, code: str):
        self.code = code
        self.ui = strings.load(project, code)
        default = project.default_language()
        own: set[str] = set(self.ui)
        if code != default:
            path = strings.strings_path(project, code)
            values = strings.flatten(yamlfile.load(path))[0] if path.exists() else {}
            own = {key for key, value in values.items() if isinstance(value, str) and value.strip()}
        self.english = set(self.ui) - own

    def text(self, key: str, **values) -> str:
        return strings.fill(self.ui.get(key, key), **values)

    def __call__(self, key: str, **values) -> Markup:
        text = strings.fill(str(escape(self.ui.get(key, key))), **{k: escape(v) for k, v in values.items()})
        if key in self.english:
            return Markup('<span lang="en" dir="ltr">%s</span>') % Markup(text)
        return Markup(text)


def printed_date() -> str:
    """Today, or SOURCE_DATE_EPOCH's day for a reproducible build."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    day = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch else dt.date.today()
    return day.isoformat()


def qr_data_uri(address: str) -> str:
    svg = qr.cached_qr_svg(address, str(escape(address)), None)
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def address_of(config: Settings, project: Project, code: str, name: str) -> str:
    path = "" if name == "index" else f"{name}/"
    return config.site_url.rstrip("/") + "/" + page_url(path, code, project.default_language())


def last_reviewed(project: Project, code: str, name: str) -> str:
    for path in (project.docs / code / f"{name}.md", project.docs / code / name / "index.md"):
        if path.exists():
            return str(markdown.read(path).meta.get("last_reviewed") or "")
    return ""


def set_href(tag: str, href: str) -> str:
    return HREF.sub(lambda _: f'href="{escape(href)}"', tag, count=1)


def as_reference(tag: str, href: str, page_word: str) -> str:
    """A link to another part of the booklet: its page number instead of its address."""
    before, _, after = page_word.partition("{number}")
    tag = PRINT.sub("", set_href(tag, href))
    attrs = f' data-rg-ref-before="{escape(before)}" data-rg-ref-after="{escape(after)}"'
    if ' class="' in tag:
        return tag.replace(' class="', ' class="rg-ref ', 1).replace("<a ", f"<a{attrs} ", 1)
    return tag.replace("<a ", f'<a class="rg-ref"{attrs} ', 1)


def page_content(page: str, address: str, parts: dict[str, str] | None = None, prefix: str = "",
                 page_word: str = "{number}") -> tuple[str, str]:
    """(title, content) of a built page: its .rg-page without the parts leaflets
    replace; links made absolute, since a PDF has no site around it. In a booklet
    (`parts`: address -> part id), links to a page in it lead to that part, and
    the page's ids get `prefix`, as every part has the same ids."""
    content = htmlparts.first_inner(page, htmlparts.has_class("div", "rg-page")) or ""
    for tag, name in LEFT_OUT:
        content = htmlparts.remove(content, htmlparts.has_class(tag, name))

    def link(match: re.Match) -> str:
        tag = match.group(0)
        href = html.unescape(HREF.search(tag).group(1)) if HREF.search(tag) else None
        if href is None or re.match(r"[a-z][a-z0-9+.-]*:", href):
            return tag
        if parts is None:
            return tag if href.startswith("#") else set_href(tag, urljoin(address, href))
        target = urljoin(address, href)
        page_address, _, anchor = target.partition("#")
        if page_address in parts:
            inside = f"#{prefix}{anchor}" if page_address == address and anchor else f"#{parts[page_address]}"
            return as_reference(tag, inside, page_word)
        return set_href(tag, target)

    content = START_TAG.sub(link, content)
    if parts is not None:
        content = ID.sub(lambda match: f'{match.group(1)}{prefix}{match.group(2)}"', content)
    title = htmlparts.plain_text(htmlparts.first_inner(content, lambda tag, attrs: tag == "h1") or "")
    return title, content


def direction(text: str) -> str:
    """ltr or rtl, by the first letter with a direction (the organisation's name
    is in whatever language its owner wrote it)."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("L", "R", "AL"):
            return "ltr" if kind == "L" else "rtl"
    return "ltr"


def common(project: Project, config: Settings, code: str, kind: str) -> dict:
    words = Words(project, code)
    facts = project.language_table().get(code)
    known = components.contacts(project)
    extra = project.config().data.get("extra") or {}
    return {
        "language": facts, "t": words, "kind": kind, "printed": printed_date(),
        "organisation": Markup('<span dir="%s" class="rg-organisation">%s</span>') % (
            direction(config.organisation), config.organisation),
        "emergency_contacts": [known[i] for i in extra.get("emergency_contacts") or [] if i in known],
        "meta": {"subject": words.text("leaflets.subject"), "keywords": words.text("leaflets.keywords"),
                 "author": config.site_names.get(code) or ""},
    }


def page_html(project: Project, config: Settings, leaflet: Leaflet, fit: int = 0) -> str:
    address = address_of(config, project, leaflet.language, leaflet.name)
    _, content = page_content(leaflet.html.read_text(encoding="utf-8"), address)
    context = common(project, config, leaflet.language, "page")
    context["meta"]["title"] = context["t"].text("leaflets.title", number=leaflet.number)
    context.update(fit=fit, name=leaflet.name, content=Markup(content), address=address,
                   qr=qr_data_uri(address), checked=last_reviewed(project, leaflet.language, leaflet.name))
    return environment(project.root).get_template("partials/leaflet-page.html").render(context)


def part_heading(tag: str, anchor: str) -> str:
    """`<h1 ...>` with the id `anchor`; an id it had moves to a span inside it, so links to it still land."""
    had = re.search(r'\sid="([^"]*)"', tag)
    if not had:
        return tag[:-1] + f' id="{anchor}">'
    return tag.replace(had.group(0), f' id="{anchor}"', 1) + f'<span id="{had.group(1)}"></span>'


def booklet_section(project: Project, config: Settings, code: str, index: int, section: Section,
                    parts: dict[str, str]) -> dict:
    address = address_of(config, project, code, section.name)
    title, content = page_content(section.html.read_text(encoding="utf-8"), address, parts, f"rg-part-{index}-",
                                  Words(project, code).text("leaflets.page"))
    # The part's anchor is its heading's own id: the heading starts where the part starts
    # on paper (the contents' page numbers and links point to it). An empty span inside
    # the heading was placed on the page before when the heading moved to the next one.
    content = re.sub(r"<h1\b[^>]*>", lambda match: part_heading(match.group(0), f"rg-part-{index}"), content,
                     count=1)
    return {"id": f"rg-part-{index}", "name": section.name, "title": title, "content": Markup(content),
            "address": address, "english": section.language != code,
            "checked": last_reviewed(project, section.language, section.name)}


def booklet_html(project: Project, config: Settings, leaflet: Leaflet) -> str:
    code = leaflet.language
    context = common(project, config, code, BOOKLET)
    address = address_of(config, project, code, "index")
    context["meta"]["title"] = context["t"].text("leaflets.booklet_title")
    parts = {address_of(config, project, code, section.name): f"rg-part-{index}"
             for index, section in enumerate(leaflet.sections, 1)}
    context.update(fit=0, address=address, qr=qr_data_uri(address), site_name=config.site_names.get(code, ""),
                   english_name=project.language_table().get(project.default_language()).name,
                   sections=[booklet_section(project, config, code, index, section, parts)
                             for index, section in enumerate(leaflet.sections, 1)])
    return environment(project.root).get_template("partials/leaflet-booklet.html").render(context)


def card_contacts(project: Project, config: Settings) -> list:
    known = components.contacts(project)
    return [known[contact_id] for contact_id in config.card_contacts if contact_id in known]


def card_html(project: Project, config: Settings, leaflet: Leaflet) -> str:
    code = leaflet.language
    context = common(project, config, code, CARD)
    address = address_of(config, project, code, "index")
    contacts = card_contacts(project, config)
    context["meta"]["title"] = context["t"].text("leaflets.card_title")
    context.update(fit=0, address=address.split("://", 1)[-1], qr=qr_data_uri(address), contacts=contacts,
                   checked=min((str(contact.checked) for contact in contacts), default=""))
    return environment(project.root).get_template("partials/leaflet-card.html").render(context)


def html_for(project: Project, config: Settings, leaflet: Leaflet, fit: int = 0) -> str:
    if leaflet.kind == CARD:
        return card_html(project, config, leaflet)
    if leaflet.kind == BOOKLET:
        return booklet_html(project, config, leaflet)
    return page_html(project, config, leaflet, fit)
