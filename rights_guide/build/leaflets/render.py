"""HTML to PDF with WeasyPrint: the stylesheets parsed once, a page's leaflet
laid out again larger when its last page would be nearly empty, and the
documents shared out over the CPUs.

Stylesheets: the site's bundled stylesheet (print.css is in it, so leaflets
print as the site does), leaflet.css, and one rule for the language's font
(data/languages.yml). The card uses leaflet-card.css and the font only. All
are given to WeasyPrint as parsed user stylesheets; the documents have none of
their own, so nothing outranks them.

Cache: a PDF is kept under the build cache (build/cache.py) by a hash of all
it is made from (its HTML, the stylesheets, the font, WeasyPrint's version
and this file), so a second `make leaflets` or the tests' copy of the site
renders only what changed. The printed date is in the HTML: a new day renders
everything again.

Fit: the body text is never under 11 pt, so a long page takes two A4 pages
rather than shrinking. If the last page would then carry less than a quarter
page (MIN_FILL), the leaflet is laid out again one step larger (leaflet.css,
.rg-fit-1 to .rg-fit-3) until it does, within MAX_PAGES.
"""

from __future__ import annotations

import hashlib
import json
import logging
import multiprocessing
import os
import shutil
import tempfile
from concurrent.futures import ProcessPoolExecutor
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path

MIN_FILL = 0.25
FITS = (0, 1, 2, 3)
FROM_BLOCK = "rg-from"


@dataclass(frozen=True)
class Job:
    """One PDF to write: the HTML of each fit to try, in order."""
    pdf: Path
    base_url: str
    sheets: tuple[Path, ...]
    font: str
    htmls: tuple[str, ...]
    max_pages: int


@dataclass(frozen=True)
class Result:
    pdf: Path
    pages: int
    fill: float  # how far down its content area the last page is used (1.0 for one page)
    fit: int


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


@cache
def fonts():
    from weasyprint.text.fonts import FontConfiguration
    return FontConfiguration()


@cache
def stylesheet(path: Path):
    import weasyprint
    return weasyprint.CSS(filename=str(path), media_type="print", font_config=fonts())


@cache
def font_sheet(font: str):
    import weasyprint
    family = f'"{font}", "Noto Sans", sans-serif'
    return weasyprint.CSS(string=f"body, aside, .md-typeset {{ font-family: {family}; }}", media_type="print",
                          font_config=fonts())


def fill(document) -> float:
    """How far down the last page's content area its content reaches, leaving out
    the "from" block; columns are balanced on a last page, so height stands for area."""
    if len(document.pages) < 2:
        return 1.0
    page = document.pages[-1]._page_box
    top, height = page.content_box_y(), page.height
    bottom = top

    def walk(box):
        nonlocal bottom
        element_class = (box.element.get("class") or "") if box.element is not None else ""
        if FROM_BLOCK in element_class.split() or type(box).__name__ == "MarginBox":
            return
        if type(box).__name__ in ("LineBox", "InlineReplacedBox", "BlockReplacedBox"):
            bottom = max(bottom, box.position_y + box.margin_height())
            return
        for child in getattr(box, "children", ()):
            walk(child)

    walk(page)
    return max(0.0, min(1.0, (bottom - top) / height))


def render(job: Job) -> Result:
    """Lay out each fit in turn, until the last page is full enough (or the
    leaflet too long); write the best: full enough, else the fullest within
    the page limit, else the first."""
    import weasyprint
    sheets = [stylesheet(path) for path in job.sheets] + [font_sheet(job.font)]
    tried = []
    for fit, html in enumerate(job.htmls):
        document = weasyprint.HTML(string=html, base_url=job.base_url, media_type="print").render(
            stylesheets=sheets, font_config=fonts())
        tried.append((document, len(document.pages), fill(document), fit))
        if len(document.pages) > job.max_pages or tried[-1][2] >= MIN_FILL:
            break
    within = [attempt for attempt in tried if attempt[1] <= job.max_pages]
    document, pages, used, fit = max(within, key=lambda attempt: attempt[2]) if within else tried[0]
    job.pdf.parent.mkdir(parents=True, exist_ok=True)
    document.write_pdf(str(job.pdf))
    return Result(job.pdf, pages, used, fit)


def cache_key(job: Job) -> str:
    import weasyprint
    digest = hashlib.sha256(weasyprint.__version__.encode() + Path(__file__).read_bytes())
    for part in (*[path.read_bytes() for path in job.sheets], job.font.encode(), str(job.max_pages).encode(),
                 *[html.encode("utf-8") for html in job.htmls]):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()


def from_cache(job: Job, folder: Path | None) -> Result | None:
    if folder is None:
        return None
    key = cache_key(job)
    try:
        saved = json.loads((folder / f"{key}.json").read_text(encoding="utf-8"))
        job.pdf.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(folder / f"{key}.pdf", job.pdf)
    except (OSError, ValueError):
        return None
    return Result(job.pdf, saved["pages"], saved["fill"], saved["fit"])


def to_cache(job: Job, result: Result, folder: Path | None) -> None:
    if folder is None:
        return
    key = cache_key(job)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        for suffix, write in ((".pdf", lambda out: out.write(job.pdf.read_bytes())),
                              (".json", lambda out: out.write(json.dumps(
                                  {k: v for k, v in asdict(result).items() if k != "pdf"}).encode()))):
            # Write then rename: two builds at once never read half a file.
            with tempfile.NamedTemporaryFile("wb", dir=folder, suffix=".tmp", delete=False) as out:
                write(out)
            os.replace(out.name, folder / f"{key}{suffix}")
    except OSError:
        pass  # a read-only checkout still builds, only slower


def render_all(jobs: list[Job], folder: Path | None = None) -> list[Result]:
    """Every job not in the cache, over the CPUs (RG_LEAFLET_JOBS sets how many;
    1 renders in this process)."""
    results = [from_cache(job, folder) for job in jobs]
    todo = [i for i, result in enumerate(results) if result is None]
    workers = max(1, min(int(os.environ.get("RG_LEAFLET_JOBS") or os.cpu_count() or 1), len(todo)))
    # Longest first, so that no long booklet starts last.
    todo.sort(key=lambda i: -len(jobs[i].htmls[0]))
    if workers == 1:
        made = [render(jobs[i]) for i in todo]
    else:
        # Fresh interpreters, not forks: the caller may have threads (a test
        # server, a browser driver) whose locks a fork would copy held.
        with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
            made = list(pool.map(render, [jobs[i] for i in todo]))
    for i, result in zip(todo, made):
        results[i] = result
        to_cache(jobs[i], result, folder)
    return results
