"""What a site's configuration and data say its built pages must be.

Product tests read every expectation from here, never from a list of their own:
the languages built and their directions (mkdocs.yml and data/languages.yml),
the pages (docs/<default>/ and the nav), the emergency contacts
(extra.emergency_contacts and data/contacts.yml), the UI strings
(data/strings/<lang>.yml) and the leaflet pages (`leaflet: true`). `SITE` is
the repository's own site; `SiteConfig(FIXTURE)` reads the fixture site the
same way, for what the real site may not have (a right-to-left language, an
untranslated page, a draft).
"""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

import yaml

from rights_guide.model.project import Project
from tests.conftest import CHECKOUT

# Content pages per language in the browser tests, besides the home page (browser_sample).
SAMPLE_SIZE = 2


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    if not text.startswith("---"):
        return {}
    return yaml.safe_load(text.split("---", 2)[1]) or {}


def _nav_sources(entries) -> list[str]:
    """Markdown files of a nav, in order, sections included."""
    found = []
    for entry in entries or []:
        if isinstance(entry, str):
            found += [entry] if entry.endswith(".md") else []
        elif isinstance(entry, dict):
            for value in entry.values():
                found += _nav_sources(value if isinstance(value, list) else [value])
    return found


def _lookup(strings: dict, key: str):
    """A UI text by its key, also a dotted one into nested keys ("material.header"); None if absent."""
    if key in strings:
        return strings[key]
    node = strings
    for part in key.split("."):
        node = node.get(part) if isinstance(node, dict) else None
    return node


class SiteConfig:
    def __init__(self, project: Project):
        self.project = project
        self.config = project.config().data
        self.languages = project.languages()
        self.codes = [language.code for language in self.languages]
        self.default = project.default_language()
        self.rtl = {language.code for language in self.languages if language.direction == "rtl"}
        self.names = {language.code: language.name for language in self.languages}
        self.facts = {language.code: language.facts for language in self.languages}
        self.exit_url = self.config["extra"]["exit_url"]
        # The page the fallback notice links besides the home page (extra.help_page).
        self.help_page = self.config["extra"].get("help_page") or "index.md"
        self.site_url = self.config["site_url"]
        self._texts: dict[str, dict] = {}

    # ---- languages and UI strings ------------------------------------------------

    def others(self) -> list[str]:
        """The languages other than the default, in mkdocs.yml's order."""
        return [code for code in self.codes if code != self.default]

    @cached_property
    def representatives(self) -> list[str]:
        """The default language and the first language of the other direction (the first other
        language if all run one way), in mkdocs.yml's order: en and ar for this site. Browser
        tests of behaviour that words do not change (the exit control, keyboard and menus,
        every state of a page, print, the kept copy) run in these, so their time does not grow
        with the languages; what words change is checked in every language."""
        other_direction = [code for code in self.others() if self.direction(code) != self.direction(self.default)]
        chosen = other_direction[:1] or self.others()[:1]
        return [self.default, *chosen]

    def direction(self, code: str) -> str:
        return "rtl" if code in self.rtl else "ltr"

    def site_names(self) -> dict[str, str]:
        i18n = next(plugin["i18n"] for plugin in self.config["plugins"]
                    if isinstance(plugin, dict) and "i18n" in plugin)
        return {entry["locale"]: entry.get("site_name") or self.config["site_name"]
                for entry in i18n["languages"]}

    @cached_property
    def _strings(self) -> dict[str, dict]:
        found = {}
        for code in self.codes:
            path = self.project.strings_dir / f"{code}.yml"
            found[code] = (yaml.safe_load(path.read_text(encoding="utf-8")) or {}) if path.exists() else {}
        return found

    def ui(self, code: str, key: str) -> str:
        """A UI text as a reader of `code` sees it: the language's own, else the default's."""
        found = _lookup(self._strings[code], key) or _lookup(self._strings[self.default], key)
        if found is None:
            raise KeyError(f"{key} is in neither data/strings/{code}.yml nor {self.default}.yml")
        return found

    def ui_all(self, code: str) -> dict:
        own = {key: value for key, value in self._strings[code].items() if value}
        return {**self._strings[self.default], **own}

    # ---- contacts ------------------------------------------------------------------

    @cached_property
    def contacts(self) -> dict[str, dict]:
        data = yaml.safe_load(self.project.contacts_path.read_text(encoding="utf-8"))
        return {contact["id"]: contact for contact in data["contacts"]}

    @property
    def emergency(self) -> list[dict]:
        """The contacts of the emergency box on every page (extra.emergency_contacts)."""
        return [self.contacts[name] for name in self.config["extra"]["emergency_contacts"]]

    @property
    def emergency_numbers(self) -> list[str]:
        """Each emergency contact's first number, as written in data/contacts.yml."""
        return [contact["phones"][0]["number"] for contact in self.emergency if contact.get("phones")]

    @property
    def emergency_tels(self) -> set[str]:
        """tel: links of every number of the emergency contacts (the box shows them all)."""
        return {"tel:" + phone["number"].replace(" ", "") for contact in self.emergency
                for phone in contact.get("phones") or []}

    # ---- pages ---------------------------------------------------------------------

    def sources(self, code: str | None = None) -> list[str]:
        """Markdown pages of a language's folder (default: the source language), relative paths."""
        folder = self.project.docs / (code or self.default)
        return sorted(path.relative_to(folder).as_posix() for path in folder.rglob("*.md"))

    def nav_pages(self) -> list[str]:
        """The menu's pages in order: the nav of mkdocs.yml, or every source page without one."""
        nav = _nav_sources(self.config.get("nav"))
        if nav:
            return nav
        pages = self.sources()
        return sorted(pages, key=lambda page: (page != "index.md", page))

    def content_pages(self) -> list[str]:
        return [page for page in self.nav_pages() if page != "index.md"]

    def has(self, code: str, source: str) -> bool:
        """Whether the page is written in that language (else it is the default's, as a fallback)."""
        return (self.project.docs / code / source).is_file()

    def meta(self, code: str, source: str) -> dict:
        return front_matter(self.project.docs / code / source)

    def leaflet_pages(self) -> list[str]:
        """Pages whose source front matter says `leaflet: true`, in nav order, then the rest."""
        marked = [page for page in self.sources() if self.meta(self.default, page).get("leaflet") is True]
        order = self.nav_pages()
        return sorted(marked, key=lambda page: (order.index(page) if page in order else len(order), page))

    def texts(self, code: str, *, own: bool = False) -> dict[str, tuple[str, str]]:
        """{page: (title, Markdown body)} a reader of `code` gets: its translations and, unless
        `own`, the default language's page where it has none (the fallback the site shows)."""
        if code not in self._texts:
            texts = {}
            for source in self.sources():
                written = self.has(code, source)
                path = self.project.docs / (code if written else self.default) / source
                text = path.read_text(encoding="utf-8")
                body = text.split("---", 2)[2] if text.startswith("---") else text
                texts[source] = (str(front_matter(path).get("title", "")), body, written)
            self._texts[code] = texts
        return {source: (title, body) for source, (title, body, written) in self._texts[code].items()
                if written or not own}

    def number_in_every_language(self) -> str:
        """A number (3+ digits) in the text of every language's pages, an emergency number if
        one is: something to search for that every language's index has."""
        common = None
        for code in self.codes:
            text = " ".join(body for _, body in self.texts(code).values())
            text = re.sub(r"\]\([^)]*\)", "]", text)  # not in link addresses: search never sees them
            found = set(re.findall(r"\b\d{3,}\b", text))
            common = found if common is None else common & found
        assert common, "no number of 3 or more digits is on the pages of every language (docs/<lang>/)"
        emergency = [number for number in self.emergency_numbers if number in common]
        return (emergency or sorted(common))[0]

    def browser_sample(self, code: str) -> list[str]:
        """The pages the browser tests open in a language: its home page and SAMPLE_SIZE content
        pages, chosen from the configuration so the number stays the same with more languages:
        the nav's first content page, then a page this language lacks (an English fallback,
        if it lacks any), else the first page marked `leaflet: true` not chosen yet, else the
        next page of the nav."""
        content = self.content_pages()
        chosen = content[:1]
        missing = [page for page in content if not self.has(code, page) and page not in chosen]
        leaflets = [page for page in self.leaflet_pages() if page in content and page not in chosen]
        rest = [page for page in content if page not in chosen]
        for candidates in (missing, leaflets, rest):
            if len(chosen) < SAMPLE_SIZE and candidates:
                chosen.append(candidates[0])
        return ["index.md", *chosen]

    def page_path(self, code: str, source: str) -> str:
        """URL path of a page: ('fi', 'help.md') -> '/fi/help/', the default language at the root."""
        prefix = "" if code == self.default else f"{code}/"
        if source == "index.md" or source.endswith("/index.md"):
            slug = source[: -len("index.md")]
        else:
            slug = source[: -len(".md")] + "/"
        return f"/{prefix}{slug}"

    def built(self, site: Path, code: str, source: str) -> Path:
        """The built HTML file of a page in a language."""
        return site / self.page_path(code, source).lstrip("/") / "index.html"

    def expected_pages(self, site: Path) -> list[Path]:
        """Every page the build must make: each source page in every language (translated or a
        fallback) and each language's 404 page."""
        pages = [self.built(site, code, source) for code in self.codes for source in self.sources()]
        return pages + [site / self.page_path(code, "index.md").lstrip("/") / "404.html" for code in self.codes]


SITE = SiteConfig(CHECKOUT)
