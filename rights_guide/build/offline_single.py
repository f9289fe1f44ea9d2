"""The whole guide of one language in one HTML file (build/offline.py).

Every page of the menu, in its order, under the emergency box and a list of
the pages; each page's content as built (its notices, contact cards, sources).
Links between the pages become #anchors in the file; every id is prefixed with
its page's name, so two pages' headings cannot clash. The site's stylesheet is
inlined, trimmed to the rules this file uses (build/csstrim.py). No script, no
file to fetch (a page's own images become data: addresses), and a Content-Security-Policy that allows nothing but the
inline stylesheet (by its hash) and data: images, so the file can load nothing
from anywhere, whether opened from a phone's files, a chat or file://.
"""

from __future__ import annotations

import base64
import hashlib
import html
import re
from datetime import date

from rights_guide.build import csstrim
from rights_guide.build.htmlrewrite import Attributes, has_class, rewrite, start_tag
from rights_guide.build.offline import Edition, resolve

ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*?)</article>', re.S)
STYLESHEET = re.compile(r'<link rel="stylesheet" href="([^"]+)">')
TOC_LABEL = re.compile(r'<label class="md-nav__title" for="__toc">\s*<span class="md-nav__icon md-icon"></span>'
                       r'\s*([^<]+?)\s*</label>')
H1 = re.compile(r"<h1[^>]*>(.*?)</h1>", re.S)
FALLBACK = re.compile(r'<div class="rg-fallback" lang="([^"]+)" dir="([^"]+)">')
# Parts of a built page that belong to the website, not to the guide's text.
DROPPED_CLASSES = ("rg-emergency", "rg-leaflet", "rg-offline", "rg-provenance")
DROPPED_TAGS = ("script", "link")
IMAGE_TYPES = {".svg": "image/svg+xml", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg",
               ".webp": "image/webp", ".gif": "image/gif"}
ID_ATTRIBUTES = ("id", "for", "aria-labelledby", "aria-describedby", "aria-controls")


def anchor(edition: Edition, site_path: str) -> str:
    """The page's anchor in the file: its path inside the language ('help', 'index' for home)."""
    name = site_path[len(edition.prefix):].strip("/")
    return name.replace("/", "-") or "index"


def link(edition: Edition, page: str, href: str) -> str:
    """A link of the page, as it works inside the file."""
    target = resolve(page, href)
    if target is None:
        return href
    path, fragment = target
    if path in edition.nav:
        name = anchor(edition, path)
        return f"#{name}--{fragment}" if fragment else f"#{name}"
    return edition.online(path, fragment)


def image(edition: Edition, page: str, src: str) -> str:
    """A local image as a data: address; another site's stays as it is (the policy blocks it)."""
    target = resolve(page, src)
    file = edition.file(target[0]) if target else None
    if file is None or not file.is_file() or file.suffix not in IMAGE_TYPES:
        return src
    return f"data:{IMAGE_TYPES[file.suffix]};base64,{base64.b64encode(file.read_bytes()).decode('ascii')}"


def page_content(edition: Edition, page: str) -> str:
    """One page's content for the file: ids prefixed, links into the file, website parts left out."""
    built = edition.file(page).read_text(encoding="utf-8")
    match = ARTICLE.search(built)
    if match is None:
        raise ValueError(f"{edition.file(page)}: no <article> with the page's content")
    prefix = anchor(edition, page)

    def drop(tag: str, attributes: Attributes) -> bool:
        return tag in DROPPED_TAGS or any(has_class(attributes, name) for name in DROPPED_CLASSES)

    def change(tag: str, attributes: Attributes) -> Attributes | None:
        changed = dict(attributes)
        for name in ID_ATTRIBUTES:
            if changed.get(name):
                changed[name] = " ".join(f"{prefix}--{value}" for value in changed[name].split())
        if has_class(attributes, "rg-page"):
            changed["id"] = prefix
        if changed.get("href"):
            changed["href"] = link(edition, page, changed["href"])
        if tag == "img" and changed.get("src"):
            changed["src"] = image(edition, page, changed["src"])
        return None if changed == attributes else changed

    return rewrite(match.group(1), drop, change)


def emergency_box(edition: Edition) -> str:
    """The home page's emergency box, its ids prefixed for the top of the file."""
    home = edition.file(edition.prefix).read_text(encoding="utf-8")
    match = re.search(r'<aside class="rg-emergency".*?</aside>', home, re.S)
    if match is None:
        raise ValueError(f"{edition.file(edition.prefix)}: no emergency box")
    return re.sub(r'(id|aria-labelledby)="([^"]+)"', r'\1="top--\2"', match.group(0))


def contents(edition: Edition) -> str:
    """The list of pages: each page's heading, linked to its place in the file."""
    home = edition.file(edition.prefix).read_text(encoding="utf-8")
    label = TOC_LABEL.search(home)
    items = []
    for page in edition.nav:
        built = edition.file(page).read_text(encoding="utf-8")
        heading = H1.search(built)
        title = re.sub(r"<[^>]+>", "", heading.group(1)).strip() if heading else anchor(edition, page)
        # A page not translated yet is the English page: its title is English too.
        fallback = FALLBACK.search(built)
        language = f' lang="{fallback.group(1)}" dir="{fallback.group(2)}"' if fallback else ""
        items.append(f'<li><a href="#{anchor(edition, page)}"{language}>{title}</a></li>')
    heading = f'<p class="rg-offline__contents">{label.group(1)}</p>' if label else ""
    return f'<nav class="rg-offline__toc" aria-label="{html.escape(label.group(1) if label else "")}">' \
           f'{heading}<ol>{"".join(items)}</ol></nav>'


def stylesheet(edition: Edition, body: str) -> str:
    """The site's bundled stylesheet, trimmed to the rules the file can use."""
    home = edition.file(edition.prefix).read_text(encoding="utf-8")
    css = "".join((edition.file(path).read_text(encoding="utf-8"))
                  for href in STYLESHEET.findall(home)
                  if (target := resolve(edition.prefix, href)) and (path := target[0]))
    names = csstrim.Names()
    names.add_html(body)
    return csstrim.trim(css, names)


def single_file(edition: Edition, today: date | None = None) -> str:
    """The whole file."""
    pages = "".join(page_content(edition, page) for page in edition.nav)
    address = edition.online(edition.prefix)
    source = (f'<p class="rg-offline__source" dir="ltr"><a href="{html.escape(address)}">{html.escape(address)}</a>'
              f' · <time>{(today or date.today()).isoformat()}</time></p>')
    body = (f'<body dir="{edition.direction}"><div class="md-container"><main class="md-main">'
            f'<div class="md-main__inner md-grid"><div class="md-content">'
            f'<article class="md-content__inner md-typeset">'
            f'<p class="rg-offline__title"><strong>{html.escape(edition.site_name)}</strong></p>{source}'
            f'{emergency_box(edition)}{contents(edition)}{pages}</article></div></div></main></div></body>')
    opening = f'<html lang="{edition.code}" dir="{edition.direction}">'
    css = stylesheet(edition, opening + body)
    digest = base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode("ascii")
    policy = (f"default-src 'none'; style-src 'sha256-{digest}'; img-src data:; base-uri 'none'; "
              "form-action 'none'")
    head = (f'<head><meta charset="utf-8">'
            f'{start_tag("meta", {"http-equiv": "Content-Security-Policy", "content": policy})}'
            f'<meta name="referrer" content="no-referrer">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'<title>{html.escape(edition.site_name)}</title><style>{css}</style></head>')
    return f'<!doctype html>\n{opening}{head}{body}</html>\n'
