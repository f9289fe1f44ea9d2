"""`python -m scripts benchmark`: page weight, requests and build time, measured.

Weight and requests are read from the built site (deterministic, so tests
assert budgets on them): for each page, the HTML plus every stylesheet,
script, icon and image it references, plus what Material's search loads as
soon as a page opens (its worker, the language's index and stemmers), as raw
and gzip bytes. Build time is measured by
running the strict build (a timing, reported but never asserted).
`--write FILE` writes the report as Markdown (PERFORMANCE.md).
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlparse

from scripts.project import Project

# Budgets per page on a first visit (nothing cached), asserted by tests/test_benchmark.py.
BUDGET_GZIP_BYTES = 120 * 1024
BUDGET_REQUESTS = 14
# Slow connections for the load-time estimate: (name, kilobits per second, round trip ms).
NETWORKS = (("2G (EDGE)", 240, 840), ("3G", 780, 300))

RESOURCE = re.compile(
    r'<(?:script[^>]*\ssrc|link[^>]*\srel="(?:stylesheet|icon)"[^>]*\shref|img[^>]*\ssrc)="([^"]+)"', re.I)
LINK_FIRST = re.compile(r'<link[^>]*\shref="([^"]+)"[^>]*\srel="(?:stylesheet|icon)"', re.I)


@dataclass
class PageWeight:
    path: str
    files: dict[str, tuple[int, int]] = field(default_factory=dict)  # url path -> (raw, gzip)

    @property
    def requests(self) -> int:
        return len(self.files)

    @property
    def raw(self) -> int:
        return sum(raw for raw, _ in self.files.values())

    @property
    def gzip(self) -> int:
        return sum(zipped for _, zipped in self.files.values())


def _sizes(file: Path) -> tuple[int, int]:
    data = file.read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=6))


def page_weight(site: Path, page: Path, languages: list[str]) -> PageWeight:
    url = "/" + page.relative_to(site).as_posix()
    weight = PageWeight(url)
    weight.files[url] = _sizes(page)
    html = page.read_text(encoding="utf-8")
    for reference in RESOURCE.findall(html) + LINK_FIRST.findall(html):
        target = urlparse(urljoin(url, reference))
        if target.scheme or target.netloc:
            continue  # nothing is loaded from another host; tests check that separately
        file = site / target.path.lstrip("/")
        if file.is_file():
            weight.files[target.path] = _sizes(file)
    first = page.relative_to(site).parts[0]
    weight.files.update(search_weight(site, first if first in languages else "").files)
    return weight


def search_weight(site: Path, language_root: str) -> PageWeight:
    """What opening search costs: the worker, its index and the stemmers it imports."""
    weight = PageWeight("search")
    index_file = site / language_root / "search" / "search_index.json"
    if not index_file.exists():
        index_file = site / "search" / "search_index.json"
    weight.files["/" + index_file.relative_to(site).as_posix()] = _sizes(index_file)
    for worker in (site / "assets/javascripts/workers").glob("search.*.min.js"):
        weight.files["/" + worker.relative_to(site).as_posix()] = _sizes(worker)
    languages = json.loads(index_file.read_text(encoding="utf-8")).get("config", {}).get("lang", [])
    lunr = site / "assets/javascripts/lunr/min"
    extra = [lang for lang in languages if lang != "en"]
    if extra:
        for name in ["lunr.stemmer.support.min.js", *(f"lunr.{lang}.min.js" for lang in extra)]:
            if (lunr / name).exists():
                weight.files["/" + (lunr / name).relative_to(site).as_posix()] = _sizes(lunr / name)
        if len(languages) > 1 and (lunr / "lunr.multi.min.js").exists():
            weight.files["/assets/javascripts/lunr/min/lunr.multi.min.js"] = _sizes(lunr / "lunr.multi.min.js")
    return weight


def measure(project: Project, site: Path) -> list[PageWeight]:
    pages = [p for p in sorted(site.rglob("index.html")) if "assets" not in p.parts]
    languages = [language.code for language in project.languages()]
    return [page_weight(site, page, languages) for page in pages]


def first_paint(weight: PageWeight) -> tuple[int, int]:
    """(gzip bytes, requests) the browser needs before it can show text: HTML and stylesheets."""
    blocking = [size for path, size in weight.files.items() if path.endswith((".html", ".css"))]
    return sum(zipped for _, zipped in blocking), len(blocking)


def build_seconds(project: Project) -> float:
    with tempfile.TemporaryDirectory() as out:
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", out],
                       cwd=project.root, check=True, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                       capture_output=True)
        return time.perf_counter() - start


def load_seconds(gzip_bytes: int, requests: int, kbps: int, rtt_ms: int) -> float:
    """Transfer time plus one round trip per request on a single connection (a worst case)."""
    return gzip_bytes * 8 / (kbps * 1000) + requests * rtt_ms / 1000


def report(project: Project, site: Path, with_build: bool = True) -> str:
    weights = measure(project, site)
    heaviest = max(weights, key=lambda w: w.gzip)
    languages = [l.code for l in project.languages()]
    lines = ["# Performance", "",
             "Measured by `python -m scripts benchmark --write PERFORMANCE.md` on the built site. "
             "Weights are a first visit with nothing cached; gzip is what a server with compression sends.", "",
             f"Budgets, asserted by tests: at most {BUDGET_GZIP_BYTES // 1024} KB gzip and {BUDGET_REQUESTS} requests per page.", "",
             "## Page weight", "",
             "Text appears once the HTML and stylesheets have arrived (first paint); the scripts "
             "(exit shortcut, menu, search) come after and the page works without them.", "",
             "| Page | Requests | Raw KB | Gzip KB | " + " | ".join(
                 f"{name}: text shown / all loaded, s" for name, _, _ in NETWORKS) + " |",
             "|---|---|---|---|" + "---|" * len(NETWORKS)]
    for weight in weights:
        paint_bytes, paint_requests = first_paint(weight)
        times = " | ".join(
            f"{load_seconds(paint_bytes, paint_requests, kbps, rtt):.1f} / {load_seconds(weight.gzip, weight.requests, kbps, rtt):.1f}"
            for _, kbps, rtt in NETWORKS)
        lines.append(f"| `{weight.path}` | {weight.requests} | {weight.raw / 1024:.0f} | {weight.gzip / 1024:.0f} | {times} |")
    lines += ["", f"Heaviest page: `{heaviest.path}`, {heaviest.gzip / 1024:.0f} KB gzip in {heaviest.requests} requests.", "",
              "Files of the heaviest page:", "", "| File | Raw KB | Gzip KB |", "|---|---|---|"]
    for path, (raw, zipped) in sorted(heaviest.files.items(), key=lambda item: -item[1][1]):
        lines.append(f"| `{path}` | {raw / 1024:.1f} | {zipped / 1024:.1f} |")
    lines += ["", "## Search", "", "Material's search starts when a page opens; this part of each page's weight "
              "is its language's own index (hooks/search_per_language.py) and stemmers.", "",
              "| Language | Requests | Gzip KB |", "|---|---|---|"]
    for code in languages:
        root = "" if code == project.default_language() else code
        weight = search_weight(site, root)
        lines.append(f"| {code} | {weight.requests} | {weight.gzip / 1024:.0f} |")
    if with_build:
        seconds = build_seconds(project)
        pages = len(list((project.docs / project.default_language()).rglob("*.md")))
        lines += ["", "## Build time", "",
                  f"Strict build of {pages} pages in {len(languages)} languages: {seconds:.1f} s "
                  f"on this machine ({os.cpu_count()} cores). A timing, so not asserted."]
    estimate = ", ".join(f"{name}: {kbps} kbit/s and {rtt} ms per round trip" for name, kbps, rtt in NETWORKS)
    lines += ["", f"Load-time estimates assume {estimate}, one request after another.", ""]
    return "\n".join(lines)


def run(project: Project, write: Path | None = None) -> int:
    site = project.root / "site"
    if not (site / "index.html").exists():
        print(f"{site}/index.html: no built site. Fix: run 'make site' first.")
        return 1
    text = report(project, site)
    if write:
        write.write_text(text, encoding="utf-8")
        print(f"wrote {write}")
    else:
        print(text)
    return 0
