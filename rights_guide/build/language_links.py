"""Honest links between languages: in a translated page, a link to a page
that is not translated yet (the reader gets the English page) says so in the
reader's language, with a short label from the strings (`link_untranslated`,
"(in English)") inside the link and `hreflang` naming the language it leads to.

A Markdown treeprocessor, listed under `markdown_extensions` in mkdocs.yml. It
runs while MkDocs renders a page, before MkDocs's own link processor ("relpath",
priority 0) turns `page.md` links into addresses, and learns from that
processor which file it is rendering; whether the target is translated is read
from docs/<lang>/, as everywhere else (build/pages.py). Outside MkDocs (no
"relpath" processor) it does nothing.
"""

from __future__ import annotations

import posixpath
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit
from xml.etree.ElementTree import Element, SubElement

from markdown import Extension, Markdown
from markdown.treeprocessors import Treeprocessor

from rights_guide.build import i18n
from rights_guide.model import strings
from rights_guide.model.project import Project

LABEL_CLASS = "rg-link-language"


def untranslated_target(href: str, page: PurePosixPath, language_folder: Path, default_folder: Path) -> bool:
    """Whether a link written in a page (at `page`, relative to its language folder)
    leads to a page that exists in the default language and not in this one."""
    scheme, netloc, path, _, _ = urlsplit(href)
    if scheme or netloc or not path.endswith(".md") or path.startswith("/"):
        return False
    target = posixpath.normpath(posixpath.join(page.parent.as_posix(), unquote(path)))
    if target.startswith("../"):
        return False
    return not (language_folder / target).exists() and (default_folder / target).exists()


def add_label(link: Element, label: str) -> None:
    """`<a>text</a>` -> `<a>text <span class="rg-link-language">label</span></a>`."""
    children = list(link)
    if children:
        children[-1].tail = (children[-1].tail or "") + " "
    else:
        link.text = (link.text or "") + " "
    span = SubElement(link, "span")
    span.set("class", LABEL_CLASS)
    span.text = label


class LanguageLinks(Treeprocessor):
    def run(self, root: Element) -> None:
        if "relpath" not in self.md.treeprocessors:
            return
        relpath = self.md.treeprocessors["relpath"]
        config = relpath.config
        docs = Path(config.docs_dir).resolve()
        try:
            parts = Path(relpath.file.abs_src_path).resolve().relative_to(docs).parts
        except ValueError:
            return
        language, default = parts[0], i18n.default_language(config)
        if language == default or language != i18n.build_language(config):
            return  # the default language's pages, and English pages shown in another language
        page = PurePosixPath(*parts[1:])
        label = None
        for link in root.iter("a"):
            if link.get("hreflang") or not untranslated_target(link.get("href", ""), page, docs / language,
                                                              docs / default):
                continue
            if label is None:
                project = Project(Path(config.config_file_path).parent)
                label = strings.load(project, language)["link_untranslated"]
            link.set("hreflang", default)
            add_label(link, label)


class LanguageLinksExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Markdown's API)
        # After inline links are made (inline: 20) and before MkDocs's "relpath" (0).
        md.treeprocessors.register(LanguageLinks(md), "rg_language_links", 0.5)


def makeExtension(**kwargs) -> LanguageLinksExtension:  # noqa: N802 (Markdown's entry point)
    return LanguageLinksExtension(**kwargs)
