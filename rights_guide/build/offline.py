"""`python -m rights_guide offline` (`make offline`): the guide to keep, per language.

Reads the built site (site/), never MkDocs internals, and writes into site/offline/
for every built language:
- guide-<code>.html: every page of the menu (mkdocs.yml `nav`, in its order) in one
  self-contained file that opens from a phone's files or a chat (build/offline_single.py);
- guide-<code>.zip: the language's pages and the files they use, for a computer,
  with links that work from file:// (build/offline_zip.py).
Then it fills the hidden placeholder on the help and About pages
(overrides/partials/offline-links.html) with links to both and their sizes, and
renews the .gz and .br copies of what it wrote (build/deploy.py).

A link to a page or file that the copy does not hold becomes the page's address
online (mkdocs.yml `site_url`), which the reader can still follow when online.
"""

from __future__ import annotations

import gzip
import html
import os
import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from rights_guide.build import deploy
from rights_guide.model import strings
from rights_guide.model.project import Project, page_url
from rights_guide.problems import Problem, report

FOLDER = "offline"
LINKED_FROM = ("help", "about")  # pages with the placeholder: partials/offline-links.html says the same
PLACEHOLDER = re.compile(r'<section class="rg-offline"(?: hidden)?(?P<attributes>(?: data-rg-[a-z-]+="[^"]*")*)>'
                         r'.*?</section>', re.S)
LOCAL = "http://site.invalid"  # a base for resolving relative links inside the site


@dataclass(frozen=True)
class Edition:
    """One language's pages in the built site."""

    code: str
    direction: str
    site_name: str
    site_url: str  # the site's address online, ending in "/"
    site: Path
    prefix: str  # the language's site path: "/" or "/fi/"
    nav: tuple[str, ...]  # site paths of the menu's pages, in order: "/fi/", "/fi/help/", ...

    @property
    def root(self) -> Path:
        return self.site / self.prefix.lstrip("/")

    def file(self, site_path: str) -> Path:
        """The file a site path is served from (a folder's index.html)."""
        file = self.site / site_path.lstrip("/")
        return file / "index.html" if site_path.endswith("/") else file

    def online(self, site_path: str, fragment: str = "") -> str:
        return self.site_url.rstrip("/") + site_path + (f"#{fragment}" if fragment else "")

    @property
    def single(self) -> Path:
        return self.site / FOLDER / f"guide-{self.code}.html"

    @property
    def archive(self) -> Path:
        return self.site / FOLDER / f"guide-{self.code}.zip"


def nav_sources(entries) -> list[str]:
    """The Markdown files of mkdocs.yml `nav`, in order, sections flattened."""
    found: list[str] = []
    for entry in entries or []:
        if isinstance(entry, str):
            found += [entry] if entry.endswith(".md") else []
        elif isinstance(entry, dict):
            for value in entry.values():
                found += nav_sources(value if isinstance(value, list) else [value])
    return found


def source_path(source: str) -> str:
    """'index.md' -> '', 'help.md' -> 'help/', 'a/index.md' -> 'a/' (use_directory_urls)."""
    stem = source[: -len(".md")]
    if stem == "index" or stem.endswith("/index"):
        stem = stem[: -len("index")]
    return stem + "/" if stem and not stem.endswith("/") else stem


def language_site_name(config: dict, code: str) -> str:
    for plugin in config.get("plugins") or []:
        if isinstance(plugin, dict) and "i18n" in plugin:
            for entry in (plugin["i18n"] or {}).get("languages") or []:
                if str(entry.get("locale")) == code and entry.get("site_name"):
                    return str(entry["site_name"])
    return str(config.get("site_name", ""))


def editions(project: Project, site: Path) -> list[Edition]:
    """Every language of mkdocs.yml whose home page is built, in mkdocs.yml's order."""
    config = project.config().data
    default = project.default_language()
    sources = nav_sources(config.get("nav"))
    found = []
    for language in project.languages():
        prefix = "/" + page_url("", language.code, default)
        nav = tuple(prefix + source_path(source) for source in sources)
        edition = Edition(language.code, language.direction,
                          language_site_name(config, language.code),
                          str(config.get("site_url") or "/").rstrip("/") + "/", site, prefix,
                          tuple(path for path in nav if (site / path.lstrip("/") / "index.html").is_file()))
        if edition.nav and edition.nav[0] == prefix:
            found.append(edition)
    return found


def resolve(page: str, href: str) -> tuple[str, str] | None:
    """(site path, fragment) a link of the page at site path `page` points to; None for
    another site or scheme (https:, tel:, mailto:), which stays as it is."""
    parts = urlsplit(urljoin(LOCAL + page, href))
    if f"{parts.scheme}://{parts.netloc}" != LOCAL:
        return None
    return parts.path or "/", parts.fragment


# The placeholder's words, from the UI strings (data/strings/<code>.yml, English filling
# gaps), by the names filled() uses. Not carried in the page: words in attributes would
# stay in every help and About page, never shown, after the links are filled in.
TEXT_KEYS = {"heading": "offline_heading", "single": "offline_single", "zip": "offline_zip",
             "caution": "offline_caution", "search-note": "offline_search"}


def placeholder_texts(project: Project, code: str) -> dict[str, str]:
    """The words of the offline links (heading, single, zip, caution, search-note) in a language."""
    ui = strings.load(project, code)
    return {name: ui.get(key, "") for name, key in TEXT_KEYS.items()}


def kilobytes(file: Path) -> int:
    return max(1, round(file.stat().st_size / 1024))


def in_default_language(texts: dict[str, str], default: dict[str, str] | None, key: str) -> str:
    """lang and dir for a text the language has not translated yet (the strings' English
    fallback); `default` is the default language's texts, None for that language itself."""
    same = default is not None and texts.get(key) == default.get(key)
    return f' lang="{default["lang"]}" dir="{default["dir"]}"' if same else ""


def filled(match: re.Match, page: Path, edition: Edition, texts: dict[str, str],
           default: dict[str, str] | None) -> str:
    items = []
    for key, file in (("single", edition.single), ("zip", edition.archive)):
        href = os.path.relpath(file, page.parent).replace(os.sep, "/")
        label = texts.get(key, "").replace("{size}", str(kilobytes(file)))
        items.append(f'<li><a href="{html.escape(href)}" download{in_default_language(texts, default, key)}>'
                     f'{html.escape(label)}</a></li>')
    heading, caution = (f'<p{in_default_language(texts, default, key)}>{html.escape(texts.get(key, ""))}</p>'
                        for key in ("heading", "caution"))
    heading = heading.replace(">", "><strong>", 1).replace("</p>", "</strong></p>")
    return (f'<section class="rg-offline"{match.group("attributes")}>{heading}'
            f'<ul>{"".join(items)}</ul>{caution}</section>')


def link_copies(edition: Edition, texts: dict[str, str],
                default: dict[str, str] | None) -> tuple[list[Path], list[Problem]]:
    """Fill the placeholder on the language's help and About pages; return the pages changed."""
    changed, problems = [], []
    for name in LINKED_FROM:
        page = edition.file(edition.prefix + name + "/")
        text = page.read_text(encoding="utf-8") if page.is_file() else ""
        match = PLACEHOLDER.search(text)
        if match is None:
            problems.append(Problem(page, 1, "offline-no-placeholder",
                                    "the page has no placeholder for the offline copies' links.",
                                    "keep partials/offline-links.html in main.html and build the site again."))
            continue
        page.write_text(text[:match.start()] + filled(match, page, edition, texts, default) + text[match.end():], encoding="utf-8")
        changed.append(page)
    return changed, problems


def build(project: Project, site: Path) -> tuple[list[Edition], list[Problem]]:
    """Both copies of every language, then the links to them; the problems found."""
    # Imported here: both modules import Edition and resolve from this one.
    from rights_guide.build import offline_single, offline_zip

    found = editions(project, site)
    if not found:
        return [], [Problem(site, 1, "offline-no-site", "no built language has a home page in the site folder.",
                            "run 'make site' first.")]
    (site / FOLDER).mkdir(exist_ok=True)
    problems, changed = [], []
    texts = {edition.code: placeholder_texts(project, edition.code) for edition in found}
    first = next((edition for edition in found if edition.code == project.default_language()), found[0])
    english = {**texts.get(first.code, {}), "lang": first.code, "dir": first.direction}
    for edition in found:
        default = english if edition is not first else None
        note = texts[edition.code].get("search-note", "")
        edition.single.write_text(offline_single.single_file(edition), encoding="utf-8")
        offline_zip.write_zip(edition, note, in_default_language(texts[edition.code], default, "search-note"))
        pages, missing = link_copies(edition, texts[edition.code], default)
        changed += [edition.single, *pages]
        problems += missing
    # A server with gzip_static would otherwise send the pages as they were before.
    deploy.compress_files(site, changed)
    return found, problems


def run(project: Project, site: Path | None = None) -> int:
    site = site or project.root / "site"
    found, problems = build(project, site)
    for edition in found:
        packed = len(gzip.compress(edition.single.read_bytes(), 9))
        print(f"{edition.single.relative_to(site)}: {kilobytes(edition.single)} KB, {round(packed / 1024)} KB gzip; "
              f"{edition.archive.relative_to(site)}: {kilobytes(edition.archive)} KB")
    return report(problems, root=project.root) if problems else 0
