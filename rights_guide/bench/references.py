"""What a built page makes a browser fetch by itself: the references in its
HTML (and in the stylesheets it loads), read without a browser."""

from __future__ import annotations

import gzip
import re
from html.parser import HTMLParser

ICON_RELS = {"icon", "apple-touch-icon", "apple-touch-icon-precomposed"}


class References(HTMLParser):
    """Everything in a page that makes a browser fetch without interaction."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.base: str | None = None
        self.found: list[tuple[str, str]] = []          # (kind, reference)
        self.images: list[list[str]] = []               # candidates; the browser fetches one
        self.alternates: list[str] = []
        self.has_icon = False
        self.search_form = False
        self.config_text: str | None = None
        self._in_config = False
        self._picture: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        a = {name: value or "" for name, value in attrs}
        rel = set(a.get("rel", "").lower().split())
        if tag == "base" and self.base is None and a.get("href"):
            self.base = a["href"]
        elif tag == "link" and a.get("href"):
            if "stylesheet" in rel:  # any media: print stylesheets are fetched too
                self.found.append(("stylesheet", a["href"]))
            elif rel & ICON_RELS:
                self.has_icon = True
                self.found.append(("icon", a["href"]))
            elif rel & {"preload", "modulepreload"}:
                self.found.append(("preload", a["href"]))
            elif "manifest" in rel:
                self.found.append(("manifest", a["href"]))
            elif "alternate" in rel:
                self.alternates.append(a["href"])
        elif tag == "script":
            if a.get("id") == "__config":
                self._in_config, self.config_text = True, ""
            # Browsers that run modules skip `nomodule` scripts.
            if a.get("src") and "nomodule" not in a:
                self.found.append(("script", a["src"]))
        elif tag == "picture":
            self._picture = []
        elif tag == "source" and self._picture is not None and a.get("srcset"):
            self._picture += _srcset_urls(a["srcset"])
        elif tag == "img":
            candidates = ([a["src"]] if a.get("src") else []) + _srcset_urls(a.get("srcset", ""))
            if self._picture is not None:
                candidates = self._picture + candidates
                self._picture = []
            if a.get("loading", "").lower() != "lazy" and candidates:
                self.images.append(candidates)
        elif tag == "video" and a.get("poster"):
            self.found.append(("image", a["poster"]))
        elif tag in ("iframe", "embed") and a.get("src") or tag == "object" and a.get("data"):
            self.found.append(("frame", a.get("src") or a["data"]))
        elif tag == "form" and a.get("name") == "search":
            self.search_form = True

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_config = False
        elif tag == "picture":
            self._picture = None

    def handle_data(self, data):
        if self._in_config:
            self.config_text += data


def _srcset_urls(value: str) -> list[str]:
    """The URLs of a srcset (URLs may hold commas, e.g. data: URLs; descriptors follow a space)."""
    urls, i = [], 0
    while i < len(value):
        while i < len(value) and (value[i].isspace() or value[i] == ","):
            i += 1
        start = i
        while i < len(value) and not value[i].isspace():
            i += 1
        url = value[start:i]
        if url.endswith(","):
            url = url.rstrip(",")
        else:
            while i < len(value) and value[i] != ",":
                i += 1
        if url:
            urls.append(url)
    return urls


# Linear in the file: a comment left open runs to the end (as in CSS), and no
# part is searched past the next quote, bracket or semicolon.
CSS_COMMENT = re.compile(r"/\*.*?(?:\*/|\Z)", re.S)
CSS_IMPORT = re.compile(r"""@import\s+(?:url\(\s*(['"]?)([^()'";]*)\1\s*\)|(['"])([^'";]*)\3)""", re.I)
CSS_FONT_FACE = re.compile(r"@font-face\s*\{([^{}]*)\}", re.I)
CSS_SRC_URL = re.compile(r"""\bsrc\s*:[^;:]*?url\(\s*(['"]?)([^()'";]*)\1\s*\)""", re.I)


def css_references(text: str) -> list[tuple[str, str]]:
    """(kind, url) a stylesheet makes the browser fetch by itself: its @imports and fonts.

    Per @font-face only the first url() of its src counts: browsers take the
    first format they support (woff2 everywhere now). Background images are not
    counted: whether one loads depends on the page's elements.
    """
    text = CSS_COMMENT.sub("", text)
    found = [("stylesheet", m.group(2) or m.group(4)) for m in CSS_IMPORT.finditer(text)]
    for face in CSS_FONT_FACE.finditer(text):
        url = CSS_SRC_URL.search(face.group(1))
        if url:
            found.append(("font", url.group(2)))
    return found


TEXT = re.compile(r">[^<]+<")
CODE_ELEMENT = re.compile(r"(<(script|style)\b[^>]*>.*?</\2\s*>)", re.S | re.I)


def chrome_gzip(html: str) -> int:
    """Gzip bytes of a page's markup: tags and attributes (menu, cards, links, boxes)
    and inline scripts and styles stay; the words between tags go, in every part of
    the page, because the same words cost 1 to 3 bytes a letter depending on the script."""
    parts = CODE_ELEMENT.split(html)
    # split() gives text, element, tag name, text, ...: words are taken out of the text parts.
    html = "".join(part if index % 3 == 1 else "" if index % 3 == 2 else TEXT.sub("><", part)
                   for index, part in enumerate(parts))
    return len(gzip.compress(html.encode("utf-8"), compresslevel=9, mtime=0))
