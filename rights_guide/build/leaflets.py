"""`python -m rights_guide leaflets`: render ready-to-print PDF leaflets from the built site.

Pages whose English front matter says `leaflet: true` are rendered for every
built language with WeasyPrint (print.css plus leaflet.css) into
site/leaflets/<lang>/<page>.pdf. Each leaflet must fit on MAX_PAGES A4 pages.
Then the hidden "Download leaflet" placeholder on those pages gets its link
and the file's size, and those pages get new .gz and .br copies (rights_guide/build/deploy.py).
"""

from __future__ import annotations

import html
import logging
import os
import re
from dataclasses import dataclass
from pathlib import Path

from rights_guide.build import deploy
from rights_guide.model import markdown
from rights_guide.model.project import Project, page_url
from rights_guide.problems import Problem, report

MAX_PAGES = 2
# The placeholder from partials/leaflet-link.html, empty and hidden, or filled by an earlier run.
PLACEHOLDER = re.compile(
    r'<p class="rg-leaflet"(?: hidden)? data-rg-leaflet="(?P<pdf>[^"]+)" data-rg-label="(?P<label>[^"]*)">.*?</p>', re.S)
SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core fonts-noto-cjk"


@dataclass(frozen=True)
class Leaflet:
    language: str
    name: str  # index, help, ...
    html: Path
    pdf: Path


def leaflet_pages(project: Project) -> list[str]:
    english = project.docs / project.default_language()
    return [path.relative_to(english).with_suffix("").as_posix()
            for path in sorted(english.rglob("*.md")) if markdown.read(path).meta.get("leaflet") is True]


def planned(project: Project, site: Path) -> list[Leaflet]:
    default = project.default_language()
    result = []
    for language in project.languages():
        root = site / page_url("", language.code, default)
        if not (root / "index.html").exists():
            continue
        for name in leaflet_pages(project):
            page = root / "index.html" if name == "index" else root / name / "index.html"
            if page.exists():
                result.append(Leaflet(language.code, name, page,
                                      site / "leaflets" / language.code / f"{name}.pdf"))
    return result


def load_weasyprint():
    """WeasyPrint, or None with the reason (it needs Pango from the system)."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        return None, f"WeasyPrint cannot start: {str(error).splitlines()[0]}"
    # It warns about every screen-only rule of the theme's CSS; none matters on paper.
    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    return weasyprint, None


def render(weasyprint, leaflet: Leaflet, leaflet_css: Path) -> int:
    """Write the PDF; return its page count."""
    # Linked into the page (author origin) rather than passed as a user
    # stylesheet, which the theme's own rules would override.
    page = leaflet.html.read_text(encoding="utf-8").replace(
        "</head>", f'<link rel="stylesheet" href="{leaflet_css.resolve().as_uri()}"></head>', 1)
    document = weasyprint.HTML(string=page, base_url=str(leaflet.html), media_type="print").render()
    leaflet.pdf.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(str(leaflet.pdf))
    return len(document.pages)


def link_leaflet(leaflet: Leaflet, site: Path) -> bool:
    """Fill the page's placeholder with a link to the PDF and its size."""
    text = leaflet.html.read_text(encoding="utf-8")
    match = PLACEHOLDER.search(text)
    if not match:
        return False
    size_kb = max(1, round(leaflet.pdf.stat().st_size / 1024))
    href = os.path.relpath(leaflet.pdf, leaflet.html.parent).replace(os.sep, "/")
    label = html.unescape(match.group("label")).replace("{size}", str(size_kb))
    link = (f'<p class="rg-leaflet" data-rg-leaflet="{match.group("pdf")}" data-rg-label="{match.group("label")}">'
            f'<a href="{html.escape(href)}" type="application/pdf" download>{html.escape(label)}</a></p>')
    leaflet.html.write_text(text[:match.start()] + link + text[match.end():], encoding="utf-8")
    return True


def build(project: Project, site: Path) -> tuple[list[tuple[Leaflet, int]], list[Problem]]:
    """Render every leaflet; return (leaflet, pages) pairs and problems."""
    weasyprint, reason = load_weasyprint()
    if weasyprint is None:
        return [], [Problem("Makefile", 1, "leaflet-no-pango", f"{reason}.",
                            f"install the system packages ({SYSTEM_PACKAGES}), e.g. with apt-get.")]
    leaflet_css = project.root / "overrides" / "assets" / "stylesheets" / "leaflet.css"
    done, errors = [], []
    leaflets = planned(project, site)
    if not leaflets:
        errors.append(Problem(site, 1, "leaflet-none", "no built pages with 'leaflet: true'.",
                              "run 'make site' first, and mark leaflet pages in their English front matter."))
    for leaflet in leaflets:
        pages = render(weasyprint, leaflet, leaflet_css)
        done.append((leaflet, pages))
        if pages > MAX_PAGES:
            source = project.docs / project.default_language() / f"{leaflet.name}.md"
            errors.append(Problem(source, 1, "leaflet-too-long",
                                  f"the {leaflet.language} leaflet has {pages} A4 pages (limit {MAX_PAGES}).",
                                  "shorten the page or tune overrides/assets/stylesheets/leaflet.css."))
    errors += link_leaflets([leaflet for leaflet, _ in done], site)
    return done, errors


def link_leaflets(leaflets: list[Leaflet], site: Path) -> list[Problem]:
    """Link each leaflet from its page, and renew the changed pages' .gz and .br copies."""
    errors, changed = [], []
    for leaflet in leaflets:
        if link_leaflet(leaflet, site):
            changed.append(leaflet.html)
        else:
            errors.append(Problem(leaflet.html, 1, "leaflet-no-placeholder", "the page has no leaflet placeholder.",
                                  "keep partials/leaflet-link.html in main.html."))
    # A server with gzip_static would otherwise send the page as it was before.
    deploy.compress_files(site, changed)
    return errors


def run(project: Project, site: Path | None = None) -> int:
    site = site or project.root / "site"
    done, errors = build(project, site)
    for leaflet, pages in done:
        size = leaflet.pdf.stat().st_size // 1024
        print(f"{leaflet.pdf.relative_to(site)}: {pages} page(s), {size} KB")
    return report(errors, root=project.root) if errors else 0
