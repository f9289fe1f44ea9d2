"""`python -m rights_guide leaflets`: ready-to-print PDFs from the built site.

- plan.py: what is made (a leaflet per `leaflet: true` page and language that
  has it translated, a pocket card and a booklet per language), under neutral
  file names, and which pages link to each;
- document.py: the HTML of each, from the built pages and the leaflet partials
  (overrides/partials/leaflet-*.html);
- render.py: WeasyPrint (print.css, leaflet.css, leaflet-card.css), over the CPUs;
- checks.py: configuration and discretion; links.py: the download links.

A page's leaflet may take MAX_PAGES A4 pages, the pocket card one.
"""

from __future__ import annotations

import time
from pathlib import Path

from rights_guide.build.cache import cache_root
from rights_guide.build.leaflets import checks, document, render
from rights_guide.build.leaflets.links import link_leaflets
from rights_guide.build.leaflets.plan import BOOKLET, CARD, PAGE, Leaflet, leaflet_pages, planned, settings
from rights_guide.build.leaflets.render import MIN_FILL, load_weasyprint
from rights_guide.problems import Problem, report

__all__ = ["Leaflet", "build", "leaflet_pages", "link_leaflets", "load_weasyprint", "planned", "run"]

MAX_PAGES = 2
SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core fonts-noto-cjk"
STYLESHEETS = Path("overrides") / "assets" / "stylesheets"


def site_stylesheet(site: Path) -> Path:
    """The bundled, fingerprinted stylesheet of the built site (build/bundle.py)."""
    found = sorted((site / "assets").glob("site.*.css"))
    if not found:
        raise FileNotFoundError(f"no bundled stylesheet in {site / 'assets'}")
    return found[0]


def job_for(project, config, leaflet: Leaflet, site: Path) -> tuple[render.Job, list[Problem]]:
    html = document.html_for(project, config, leaflet)
    facts = project.language_table().get(leaflet.language)
    if leaflet.kind == CARD:
        sheets, htmls, limit = (project.root / STYLESHEETS / "leaflet-card.css",), (html,), 1
    else:
        sheets = (site_stylesheet(site), project.root / STYLESHEETS / "leaflet.css")
        fits = render.FITS if leaflet.kind == PAGE else (0,)
        htmls = tuple(html.replace(" rg-fit-0", f" rg-fit-{fit}", 1) for fit in fits)
        limit = MAX_PAGES if leaflet.kind == PAGE else 10_000
    job = render.Job(leaflet.pdf, leaflet.html.as_uri(), sheets, facts.font if facts else "Noto Sans", htmls, limit)
    return job, checks.discreet(project, leaflet, html)


def page_problems(project, leaflet: Leaflet, result: render.Result, limit: int) -> list[Problem]:
    source = project.docs / project.default_language() / f"{leaflet.name}.md"
    what = f"the {leaflet.language} leaflet" if leaflet.kind == PAGE else f"the {leaflet.language} {leaflet.kind}"
    if result.pages > limit:
        fix = ("list fewer numbers in mkdocs.yml extra.pocket_card_contacts." if leaflet.kind == CARD
               else "shorten the page or split it in two; leaflets never shrink their type below 11pt.")
        return [Problem(project.config_path if leaflet.kind == CARD else source, 1, "leaflet-too-long",
                        f"{what} has {result.pages} A4 pages (limit {limit}).", fix)]
    if leaflet.kind == PAGE and result.fill < MIN_FILL:
        return [Problem(source, 1, "leaflet-last-page",
                        f"{what} {leaflet.pdf.name} uses {result.fill:.0%} of its last page even with larger type.",
                        "shorten or lengthen the page a little, so its leaflet ends on a fuller page.")]
    return []


def build(project, site: Path, languages: list[str] | None = None, cards: list[str] | None = None,
          booklets: list[str] | None = None) -> tuple[list[tuple[Leaflet, int]], list[Problem]]:
    """Render every leaflet (of `languages` only, if given: the tests sample one language
    per script, make the pocket card of every language in `cards` and the booklet only of
    those in `booklets`); return (leaflet, pages) pairs and problems."""
    weasyprint, reason = load_weasyprint()
    if weasyprint is None:
        return [], [Problem("Makefile", 1, "leaflet-no-pango", f"{reason}.",
                            f"install the system packages ({SYSTEM_PACKAGES}), e.g. with apt-get.")]
    config = settings(project)
    problems = checks.organisation(project, config) + checks.contacts(project, config)
    leaflets = planned(project, site, config, languages, cards, booklets)
    if not any(leaflet.kind == PAGE for leaflet in leaflets):
        return [], problems + [Problem(site, 1, "leaflet-none", "no built pages with 'leaflet: true'.",
                                       "run 'make site' first, and mark leaflet pages in their English "
                                       "front matter.")]
    if any(problem.severity == "error" for problem in problems):
        return [], problems
    # A PDF of an earlier run under a name no longer planned (say, from before
    # file names were neutral) must not stay online.
    if languages is None:
        for stale in set((site / "leaflets").glob("*/*.pdf")) - {leaflet.pdf for leaflet in leaflets}:
            stale.unlink()
    jobs = []
    for leaflet in leaflets:
        job, found = job_for(project, config, leaflet, site)
        jobs.append(job)
        problems += found
    folder = cache_root(project.config_path)
    results = render.render_all(jobs, folder / "leaflets" if folder else None)
    done = []
    for leaflet, job, result in zip(leaflets, jobs, results):
        done.append((leaflet, result.pages))
        problems += page_problems(project, leaflet, result, job.max_pages)
    problems += link_leaflets(leaflets, site, {leaflet.pdf: pages for leaflet, pages in done})
    return done, problems


def run(project, site: Path | None = None) -> int:
    site = site or project.root / "site"
    started = time.perf_counter()
    done, problems = build(project, site)
    for leaflet, pages in done:
        size = leaflet.pdf.stat().st_size // 1024
        print(f"{leaflet.pdf.relative_to(site)}: {leaflet.kind} {leaflet.name}, {pages} page(s), {size} KB")
    if done:
        print(f"{len(done)} PDFs in {time.perf_counter() - started:.1f} s")
    return report(problems, root=project.root) if problems else 0


__all__ += ["BOOKLET", "CARD", "MAX_PAGES", "PAGE"]
