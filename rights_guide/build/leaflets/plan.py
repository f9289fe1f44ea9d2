"""What `make leaflets` makes, from configuration, and which pages link to each PDF.

- A leaflet per page whose English front matter says `leaflet: true`, in
  English and in every language that has the page translated. A page shown
  in English under another language links to the English leaflet, labelled
  "English" (a leaflet offered under a language is in that language).
- A pocket card per built language (mkdocs.yml `extra.pocket_card_contacts`),
  linked from `extra.pocket_card_page`.
- A booklet per built language: every page in nav order, linked from
  `extra.booklet_page`.

File names say nothing about the content: leaflets/<lang>/info-<n>.pdf, where
n is the page's place in the nav (pages outside it follow, by name), and
leaflets/<lang>/card.pdf and booklet.pdf. The pages' links are written at
`make leaflets` time, so a change of numbering never breaks one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from rights_guide.model import markdown
from rights_guide.model.project import Project, page_url

PAGE, CARD, BOOKLET = "page", "card", "booklet"


@dataclass(frozen=True)
class Section:
    """One page of the site inside a booklet."""
    name: str
    html: Path
    language: str  # the language its text is in (English for a page not translated yet)


@dataclass(frozen=True)
class Leaflet:
    language: str
    name: str  # the page's name (index, help, ...), or "card" or "booklet"
    html: Path  # the built page it is made from (card and booklet: the language's home page)
    pdf: Path
    kind: str = PAGE
    number: int = 0  # page leaflets: the n of info-<n>.pdf
    linked_from: tuple[Path, ...] | None = None  # built pages whose placeholder of this kind links here
    sections: tuple[Section, ...] = ()  # booklet: the pages in nav order

    def links(self) -> tuple[Path, ...]:
        return (self.html,) if self.linked_from is None else self.linked_from


@dataclass(frozen=True)
class Settings:
    organisation: str
    card_contacts: tuple[str, ...]
    card_page: str
    booklet_page: str
    site_url: str
    site_names: dict = field(default_factory=dict)


def page_name(path: str) -> str:
    """`help.md` -> `help`, `index.md` -> `index`, `work/index.md` -> `work`."""
    name = str(path).removesuffix(".md")
    return name.removesuffix("/index") if name.endswith("/index") else name


def settings(project: Project) -> Settings:
    config = project.config().data
    extra = config.get("extra") or {}
    names = {}
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for entry in (plugin["i18n"] or {}).get("languages") or []:
                names[str(entry.get("locale"))] = entry.get("site_name") or config.get("site_name", "")
    return Settings(organisation=str(extra.get("organisation") or "").strip(),
                    card_contacts=tuple(extra.get("pocket_card_contacts") or ()),
                    card_page=page_name(extra.get("pocket_card_page") or "index.md"),
                    booklet_page=page_name(extra.get("booklet_page") or "index.md"),
                    site_url=str(config.get("site_url") or "/"), site_names=names)


def nav_order(project: Project) -> list[str]:
    """Page names in the order of mkdocs.yml `nav` (sections flattened)."""
    order: list[str] = []

    def walk(node):
        if isinstance(node, str):
            if node.endswith(".md"):
                order.append(page_name(node))
        elif isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            for value in node.values():
                walk(value)

    walk(project.config().data.get("nav") or [])
    return order


def leaflet_pages(project: Project) -> list[str]:
    english = project.docs / project.default_language()
    return [page_name(path.relative_to(english).as_posix())
            for path in sorted(english.rglob("*.md")) if markdown.read(path).meta.get("leaflet") is True]


def numbers(project: Project, names: list[str]) -> dict[str, int]:
    order = nav_order(project)
    order += sorted(name for name in names if name not in order)
    return {name: order.index(name) + 1 for name in names}


def built_page(site: Path, code: str, default: str, name: str) -> Path:
    path = "" if name == "index" else f"{name}/"
    return site / page_url(path, code, default) / "index.html"


def translated(project: Project, code: str, name: str) -> bool:
    docs = project.docs / code
    return (docs / f"{name}.md").exists() or (docs / name / "index.md").exists()


def built_languages(project: Project, site: Path) -> list[str]:
    default = project.default_language()
    return [language.code for language in project.languages()
            if built_page(site, language.code, default, "index").exists()]


def page_leaflets(project: Project, site: Path, languages: list[str]) -> list[Leaflet]:
    default = project.default_language()
    names = leaflet_pages(project)
    number = numbers(project, names)
    result = []
    for code in languages:
        for name in sorted(names, key=number.get):
            page = built_page(site, code, default, name)
            if not page.exists() or (code != default and not translated(project, code, name)):
                continue
            # The English leaflet is offered, labelled English, where the page is shown in English.
            fallbacks = [built_page(site, other, default, name) for other in languages
                         if code == default and other != default and not translated(project, other, name)]
            result.append(Leaflet(code, name, page, site / "leaflets" / code / f"info-{number[name]}.pdf",
                                  PAGE, number[name], (page, *[p for p in fallbacks if p.exists()])))
    return result


def language_leaflets(project: Project, site: Path, code: str, config: Settings) -> list[Leaflet]:
    """The language's pocket card and booklet."""
    default = project.default_language()
    home = built_page(site, code, default, "index")
    folder = site / "leaflets" / code
    card_page = built_page(site, code, default, config.card_page)
    sections = tuple(Section(name, built_page(site, code, default, name),
                             code if translated(project, code, name) else default)
                     for name in nav_order(project) if built_page(site, code, default, name).exists())
    booklet_page = built_page(site, code, default, config.booklet_page)
    return [Leaflet(code, CARD, home, folder / "card.pdf", CARD, 0, (card_page,) if card_page.exists() else ()),
            Leaflet(code, BOOKLET, home, folder / "booklet.pdf", BOOKLET, 0,
                    (booklet_page,) if booklet_page.exists() else (), sections)]


def planned(project: Project, site: Path, config: Settings | None = None, only: list[str] | None = None,
            cards: list[str] | None = None, booklets: list[str] | None = None) -> list[Leaflet]:
    """Every leaflet of the built languages (of those in `only`, if given; the booklet only of
    those in `booklets`, if given), and the pocket card of the languages in `cards` (the
    tests: every language's card, a few languages' page leaflets, fewer booklets)."""
    config = config or settings(project)
    languages = built_languages(project, site)
    result = [leaflet for leaflet in page_leaflets(project, site, languages)
              if only is None or leaflet.language in only]
    for code in languages:
        if only is None or code in only:
            result += [leaflet for leaflet in language_leaflets(project, site, code, config)
                       if leaflet.kind != BOOKLET or booklets is None or code in booklets]
        elif cards and code in cards:
            result += [leaflet for leaflet in language_leaflets(project, site, code, config) if leaflet.kind == CARD]
    return result
