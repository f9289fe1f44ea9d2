"""One small stylesheet and one script per page, with names that change with their content.

After the last language build, every page's stylesheets (Material's,
site.css, print.css) become one file holding only the rules the site's pages
and scripts can use (build/csstrim.py), and its scripts become one file.
Both, and the favicon, get a content hash in their name, so a server can let
browsers keep them for a year (deploy/) and a reader's second page costs only
its HTML. The files that went into a bundle are removed from site/.

Material's templates mark elements with data-md-* attributes for its
bundle.js, which the site does not load; those that neither the stylesheet
nor the script reads are removed from the pages, with the templates'
indentation.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from urllib.parse import urljoin, urlparse

from mkdocs.exceptions import PluginError

from rights_guide.build import csstrim

# Each pattern is linear in the page: a run of spaces is tried from its start only.
STYLESHEET = re.compile(r'(?<![ \t])[ \t]*<link\b[^>]*\brel="stylesheet"[^>]*>\n?', re.I)
SCRIPT = re.compile(r'(?<![ \t])[ \t]*<script\b[^>]*\bsrc="[^"]*"[^>]*>\s*</script>\n?', re.I)
ICON = re.compile(r'<link\b[^>]*\brel="icon"[^>]*\bhref="([^"]+)"', re.I)
HREF = re.compile(r'\b(?:href|src)="([^"]+)"')
MEDIA = re.compile(r'\bmedia="([^"]+)"')
BUNDLE_DIR = "assets"
# Template indentation: line breaks keep the spaces between words, the
# indentation after them only costs bytes. Pre-formatted text is left as it is.
INDENT = re.compile(r"\n[ \t]+|(?<![ \t])[ \t]+\n")
MATERIAL_DATA = re.compile(r'\s(data-md-[\w-]+)(?:="[^"]*")?(?=[\s>])')
# An element left open keeps the rest of the page as it is (and the search for its end stays linear).
KEEP_AS_IS = re.compile(r"(<(pre|textarea|script)\b.*?(?:</\2>|\Z))", re.S | re.I)


@dataclass
class Page:
    file: Path
    url: str  # site path of the page, e.g. "/fi/help/index.html"
    html: str
    stylesheets: list[tuple[str, str, str]] = field(default_factory=list)  # (tag, href, site path)
    scripts: list[tuple[str, str, str]] = field(default_factory=list)


def site_path(page_url: str, reference: str) -> str | None:
    target = urlparse(urljoin(page_url, reference))
    if target.scheme or target.netloc:
        return None
    return target.path


def with_prefix(href: str, old_path: str, new_path: str) -> str:
    """`href` (relative or absolute, as the page wrote it) pointing at new_path instead."""
    old, new = old_path.lstrip("/"), new_path.lstrip("/")
    if not href.endswith(old):
        raise PluginError(f"asset_bundle: cannot rewrite {href!r} (expected it to end in {old!r})")
    return href[: len(href) - len(old)] + new


def fingerprinted(site: Path, path: str, data: bytes) -> str:
    pure = PurePosixPath(path)
    name = f"{pure.stem}.{hashlib.sha256(data).hexdigest()[:10]}{pure.suffix}"
    new_path = str(pure.with_name(name))
    (site / new_path.lstrip("/")).write_bytes(data)
    return new_path


def read_pages(site: Path) -> list[Page]:
    pages = []
    for file in sorted(site.rglob("*.html")):
        url = "/" + file.relative_to(site).as_posix()
        page = Page(file, url, file.read_text(encoding="utf-8"))
        for kind, pattern in (("stylesheets", STYLESHEET), ("scripts", SCRIPT)):
            for match in pattern.finditer(page.html):
                href = HREF.search(match.group(0)).group(1)
                path = site_path(url, href)
                if path is None:
                    raise PluginError(f"{file}: {href} is on another host; the site must load nothing from elsewhere.")
                getattr(page, kind).append((match.group(0), href, path))
        pages.append(page)
    return pages


def ordered_union(lists) -> list[tuple[str, str]]:
    seen: dict[str, str] = {}
    for items in lists:
        for tag, _, path in items:
            media = MEDIA.search(tag)
            seen.setdefault(path, media.group(1) if media else "all")
    return list(seen.items())


def bundle_css(site: Path, pages: list[Page], script_text: str) -> str:
    parts = []
    for path, media in ordered_union(page.stylesheets for page in pages):
        css = (site / path.lstrip("/")).read_text(encoding="utf-8")
        parts.append(css if media == "all" else f"@media {media}{{{css}}}")
    names = csstrim.Names()
    for page in pages:
        names.add_html(page.html)
    names.add_script(script_text)
    try:
        return csstrim.trim("\n".join(parts), names)
    except ValueError as error:
        raise PluginError(f"asset_bundle: the joined stylesheets: {error}") from error


def bundle_js(site: Path, pages: list[Page]) -> str:
    # Each file is a self-contained function; ";" keeps them apart.
    return "\n;".join((site / path.lstrip("/")).read_text(encoding="utf-8")
                      for path, _ in ordered_union(page.scripts for page in pages))


def without_unread_attributes(html: str, read: str) -> str:
    """The page without data-md-* attributes that the text `read` (the site's CSS and JS) never names."""
    return MATERIAL_DATA.sub(lambda match: match.group(0) if match.group(1) in read else "", html)


def rewrite(page: Page, css_path: str, js_path: str, icons: dict[str, str], read: str) -> str:
    html = without_unread_attributes(page.html, read)
    if page.stylesheets:
        first_tag, href, path = page.stylesheets[0]
        link = f'<link rel="stylesheet" href="{with_prefix(href, path, css_path)}">\n'
        html = html.replace(first_tag, "\0css\0", 1)
        html = STYLESHEET.sub("", html).replace("\0css\0", link)
    if page.scripts:
        first_tag, href, path = page.scripts[0]
        script = f'<script src="{with_prefix(href, path, js_path)}"></script>\n'
        html = html.replace(first_tag, "\0js\0", 1)
        html = SCRIPT.sub("", html).replace("\0js\0", script)

    names = tuple(PurePosixPath(path).name for path in icons)

    def swap(match):
        if not match.group(1).endswith(names):
            return match.group(0)  # most links: not worth resolving
        path = site_path(page.url, match.group(1))
        if path in icons:
            return match.group(0).replace(match.group(1), with_prefix(match.group(1), path, icons[path]))
        return match.group(0)

    return without_indentation(HREF.sub(swap, html))


def without_indentation(html: str) -> str:
    parts = KEEP_AS_IS.split(html)
    # split() with two groups yields: text, whole match, tag name, text, ...
    out = []
    for index in range(0, len(parts), 3):
        out.append(re.sub(r"\n{2,}", "\n", INDENT.sub("\n", parts[index])))
        if index + 1 < len(parts):
            out.append(parts[index + 1])
    return "".join(out)


def bundle_site(site: Path) -> None:
    """Bundle, trim and fingerprint the built site's stylesheets and scripts (see above)."""
    pages = read_pages(site)
    if not any(page.stylesheets or page.scripts for page in pages):
        return
    script_text = bundle_js(site, pages)
    css_text = bundle_css(site, pages, script_text)
    css_path = fingerprinted(site, f"/{BUNDLE_DIR}/site.css", css_text.encode("utf-8"))
    js_path = fingerprinted(site, f"/{BUNDLE_DIR}/site.js", script_text.encode("utf-8"))

    icons: dict[str, str] = {}
    for page in pages:
        for href in ICON.findall(page.html):
            path = site_path(page.url, href)
            if path and path not in icons and (site / path.lstrip("/")).is_file():
                icons[path] = fingerprinted(site, path, (site / path.lstrip("/")).read_bytes())

    for page in pages:
        page.file.write_text(rewrite(page, css_path, js_path, icons, css_text + script_text), encoding="utf-8")
    bundled = {path for path, _ in ordered_union(page.stylesheets for page in pages)}
    bundled |= {path for path, _ in ordered_union(page.scripts for page in pages)}
    for path in bundled | set(icons):
        (site / path.lstrip("/")).unlink(missing_ok=True)
