"""`python -m rights_guide benchmark`: PERFORMANCE.md, what each page costs a
reader (bench/pageload.py) against stock Material, with build times from
bench/buildtime.py (timings are reported, never asserted)."""

from __future__ import annotations

import statistics
import sys
import tempfile
from pathlib import Path

from rights_guide.bench.machine import machine
from rights_guide.bench.pageload import (
    FIRST_VIEW_GZIP,
    FIRST_VIEW_REQUESTS,
    KB,
    REPEAT_VIEW_GZIP,
    CHROME_GZIP,
    PageLoad,
    Request,
    Site,
    Size,
    measure,
    page_load,
    search_cost,
)
from rights_guide.model.project import Project


def _kb(n: int) -> str:
    return f"{n / KB:.1f}"


def _sizes(size: Size) -> str:
    return f"{_kb(size.raw)} / {_kb(size.gzip)} / {_kb(size.brotli)}"


def over_budget(load: PageLoad) -> list[str]:
    """Why a page is over budget (empty if it is not)."""
    first, repeat = load.first_view.gzip, load.repeat_view.gzip
    over = []
    if first > FIRST_VIEW_GZIP:
        over.append(f"first view {_kb(first)} KB gzip > {FIRST_VIEW_GZIP // KB} KB")
    if len(load.requests) > FIRST_VIEW_REQUESTS:
        over.append(f"first view {len(load.requests)} requests > {FIRST_VIEW_REQUESTS}")
    if repeat > REPEAT_VIEW_GZIP:
        over.append(f"repeat view {_kb(repeat)} KB gzip > {REPEAT_VIEW_GZIP // KB} KB")
    if load.chrome_gzip > CHROME_GZIP:
        over.append(f"chrome {_kb(load.chrome_gzip)} KB gzip > {CHROME_GZIP / KB:g} KB")
    return over


def _grid(loads: list[PageLoad], languages: tuple[str, ...], cell, median) -> list[str]:
    """One row per page type (index first, 404 last), one column per language, then medians."""
    by_key = {(load.page_type, load.language): load for load in loads}
    types = sorted({load.page_type for load in loads}, key=lambda t: (t != "index", t == "404", t))
    lines = ["| Page | " + " | ".join(languages) + " |", "|---" * (len(languages) + 1) + "|"]
    for page_type in types:
        cells = [cell(by_key[page_type, code]) if (page_type, code) in by_key else "—"
                 for code in languages]
        lines.append(f"| `{page_type}` | " + " | ".join(cells) + " |")
    cells = [median([load for load in loads if load.language == code]) for code in languages]
    return lines + ["| **Median** | " + " | ".join(cells) + " |"]


def _view_cell(size: Size, requests: int, over: bool) -> str:
    return f"{_sizes(size)} · {requests:g}" + (" ✗" if over else "")


def _median_cell(view, count):
    def cell(loads: list[PageLoad]) -> str:
        if not loads:
            return "—"
        sizes = [view(load) for load in loads]
        median = Size(*(int(statistics.median(getattr(size, unit) for size in sizes))
                        for unit in ("raw", "gzip", "brotli")))
        return _view_cell(median, statistics.median(count(load) for load in loads), False)
    return cell


def _problem_lines(loads: list[PageLoad]) -> list[str]:
    grouped: dict[str, list[tuple[PageLoad, Request]]] = {}
    for load in loads:
        for request, problem in load.problems:
            grouped.setdefault(problem, []).append((load, request))
    lines = []
    for problem, hits in sorted(grouped.items()):
        load, request = hits[0]
        pages = len({page.url for page, _ in hits})
        lines.append(f"- {problem}: {len(hits)} requests on {pages} pages, "
                     f"e.g. `{load.url}` → `{request.url}`")
    return lines


def _file_table(load: PageLoad) -> list[str]:
    lines = ["| File | Kind | Repeat view | Raw KB | Gzip KB | Brotli KB |",
             "|---|---|---|---|---|---|"]
    repeat = load.repeat_requests
    for r in sorted(load.requests, key=lambda r: -(r.size or Size()).gzip):
        sizes = _sizes(r.size).replace(" / ", " | ") if r.size else "? | ? | ?"
        flag = f" ✗ {'; '.join(r.problems)}" if r.problems else ""
        lines.append(f"| `{r.url}`{flag} | {r.kind} | {'fetched' if r in repeat else 'cached'} "
                     f"| {sizes} |")
    return lines


def weight_sections(site: Site, loads: list[PageLoad]) -> list[str]:
    over = [(load, reasons) for load in loads if (reasons := over_budget(load))]
    lines = ["## Budgets", "",
             "Asserted by `tests/bench/test_budgets.py` on every page in every language:", "",
             f"- first view: at most {FIRST_VIEW_GZIP // KB} KB gzip "
             f"and {FIRST_VIEW_REQUESTS} requests;",
             f"- repeat view: the page's chrome (its markup without the words between tags, in any script) "
             f"at most {CHROME_GZIP / KB:g} KB gzip, and the whole page at most "
             f"{REPEAT_VIEW_GZIP // KB} KB gzip. The text is left out of the tight budget because "
             "the same words cost 1 byte a letter in Latin script, 2 in Arabic or Cyrillic and 3 in "
             "Thai or Chinese: a translation must not have to cut facts to fit. Until December 2026 "
             "the budget was 6 KB for the whole page, which fully translated Arabic pages exceed;",
             "- no request on load to `sitemap.xml`, to a missing file, or to another host.", ""]
    if over:
        lines.append(f"**{len(over)} of {len(loads)} pages are over budget** (✗ below), e.g.:")
        lines += [f"- `{load.url}`: {'; '.join(reasons)}" for load, reasons in over[:3]]
    else:
        lines.append(f"All {len(loads)} pages are within budget.")
    problems = _problem_lines(loads)
    if problems:
        lines += ["", "**Errors on load** (each fails the tests):", "", *problems]
    else:
        lines += ["", "No page requests `sitemap.xml`, a missing file or another host on load."]

    def first(load: PageLoad) -> str:
        over = load.first_view.gzip > FIRST_VIEW_GZIP or len(load.requests) > FIRST_VIEW_REQUESTS
        return _view_cell(load.first_view, len(load.requests), over)

    def repeat(load: PageLoad) -> str:
        over = load.repeat_view.gzip > REPEAT_VIEW_GZIP or load.chrome_gzip > CHROME_GZIP
        return _view_cell(load.repeat_view, len(load.repeat_requests), over)

    heaviest = max(loads, key=lambda load: load.first_view.gzip)
    return lines + [
        "", "## First view", "",
        "Nothing cached. Cells: raw / gzip / brotli KB · requests.", "",
        *_grid(loads, site.languages, first,
               _median_cell(lambda load: load.first_view, lambda load: len(load.requests))),
        "", "## Repeat view", "",
        "Files the deploy rules let browsers keep for a year (a content hash in the name, under "
        "`/assets/`: `rights_guide/build/deploy.py`) come from the cache; "
        "the HTML and every other file are fetched again in full (a worst case: the server may "
        "answer 304). Cells: raw / gzip / brotli KB · requests.", "",
        *_grid(loads, site.languages, repeat,
               _median_cell(lambda load: load.repeat_view, lambda load: len(load.repeat_requests))),
        "", f"Heaviest first view: `{heaviest.url}`, {_kb(heaviest.first_view.gzip)} KB gzip "
        f"in {len(heaviest.requests)} requests:", "", *_file_table(heaviest), ""]


def search_section(site: Site) -> list[str]:
    lines = ["## Search, on demand", "",
             "What opening search costs a reader, per language: the language's index, the search "
             "worker and the lunr files the index's `config.lang` makes the worker import.", "",
             "| Language | Files | Raw KB | Gzip KB | Brotli KB | Documents |",
             "|---|---|---|---|---|---|"]
    for code in site.languages:
        cost = search_cost(site, code)
        if cost is None:
            lines.append(f"| {code} | no search index | | | | |")
            continue
        files = ", ".join(f"`{r.url}`" + (" (missing)" if r.size is None else "")
                          for r in cost.requests)
        sizes = _sizes(cost.size).replace(" / ", " | ")
        lines.append(f"| {code} | {files} | {sizes} | {cost.documents} |")
    return lines + [""]


def stock_sections(site: Site, loads: list[PageLoad], stock: Site,
                   stock_loads: list[PageLoad]) -> list[str]:
    """Ours against stock, each ratio on the same page in the same language."""
    # A report written top to bottom, section after section: long, not deep.
    by_key = {(load.page_type, load.language): load for load in stock_loads}
    pairs = [(load, by_key[load.page_type, load.language]) for load in loads
             if (load.page_type, load.language) in by_key]
    ratios = {unit: [getattr(o.first_view, unit) / getattr(s.first_view, unit) for o, s in pairs]
              for unit in ("raw", "gzip", "brotli")}
    ratios["requests"] = [len(o.requests) / len(s.requests) for o, s in pairs]
    medians = ", ".join(f"{unit} {statistics.median(values):.2f}"
                        for unit, values in ratios.items() if values)

    def cell(load: PageLoad) -> str:
        other = by_key.get((load.page_type, load.language))
        if other is None:
            return f"{_kb(load.first_view.gzip)} / — · {len(load.requests)} / —"
        ratio = load.first_view.gzip / other.first_view.gzip
        return (f"{_kb(load.first_view.gzip)} / {_kb(other.first_view.gzip)} ({ratio:.2f})"
                f" · {len(load.requests)} / {len(other.requests)}")

    def median(language_loads: list[PageLoad]) -> str:
        paired = [(o, s) for o, s in pairs if o in language_loads]
        if not paired:
            return "—"
        gzip_ratio = statistics.median(o.first_view.gzip / s.first_view.gzip for o, s in paired)
        request_ratio = statistics.median(len(o.requests) / len(s.requests) for o, s in paired)
        return f"ratio {gzip_ratio:.2f} · {request_ratio:.2f}"

    heaviest = max(loads, key=lambda load: load.first_view.gzip)
    sample = (by_key.get((heaviest.page_type, heaviest.language))
              or max(stock_loads, key=lambda load: load.first_view.gzip))
    lines = ["## Ours against stock Material", "",
             "The same docs built with the stock config of `rights_guide/bench/buildtime.py`: theme "
             "`material` with its defaults except `font: false` (the default loads Google Fonts, "
             "and builds here have no network), plugins `search` and `i18n` with the same "
             "languages, the same Markdown extensions and menu; no hooks, overrides, extra CSS or "
             "JavaScript.", "",
             "Stock pages run Material's `bundle.js`, which fetches at load what its source shows "
             "and the stack notes measured: the search worker, the one search index static-i18n "
             "writes for all languages, the lunr files its `config.lang` needs, and `sitemap.xml` "
             "next to each distinct `<link rel=alternate>` address (a 404 on these builds). That "
             "part is modelled, not read from HTML.", "",
             "Cells: first view gzip KB ours / stock (ratio) · requests ours / stock. Each ratio "
             f"pairs the same page in the same language; medians over {len(pairs)} pairs: "
             f"{medians}.", "",
             *_grid(loads, site.languages, cell, median), ""]
    stock_search = search_cost(stock, stock.default)
    if stock_search is not None:
        lines += [f"Stock's one search index holds every language ({stock_search.documents} "
                  f"documents; {_kb(stock_search.size.gzip)} KB gzip with the worker and lunr "
                  "files), and every page in every language loads it at once.", ""]
    return lines + [f"Stock first view of `{sample.url}`:", "", *_file_table(sample), ""]


def report(project: Project, site_dir: Path, build_runs: int | None = 3) -> str:
    """The Markdown report. build_runs=None: measure site_dir only (no stock build, no timings)."""
    site = Site.of(project, site_dir)
    loads = measure(project, site_dir)
    lines = ["# Performance", "",
             "Generated by `make bench` (`python -m rights_guide benchmark --write PERFORMANCE.md`); "
             "do not edit by hand. KB = 1024 bytes; gzip level 9, brotli at the quality of the build's "
             "precompressed copies (10 for fingerprinted files, 5 for the rest), per file, for both sites.", "",
             "## Machine and versions", "", "| | |", "|---|---|",
             *(f"| {name} | {value} |" for name, value in machine()), "",
             "## What is counted", "",
             "A first view is the page's HTML plus everything it makes the browser fetch by "
             "itself, each file once: stylesheets of any media, scripts, icons, preloads, the "
             "manifest, images not marked `loading=lazy` (one srcset candidate, the heaviest), "
             "video posters, frames, and the `@import`s and fonts (first `url()` of each "
             "`@font-face`) of the stylesheets fetched; `/favicon.ico` when no icon is linked. "
             "A request to another host counts with unknown bytes and is an error. Not counted: "
             "background images in CSS, and what scripts fetch, except Material's own "
             "`bundle.js` whose start-up is modelled (see the stock comparison).", "",
             *weight_sections(site, loads),
             *search_section(site)]
    if build_runs is None:
        lines += ["Stock comparison and build times: not measured (`--no-build`).", ""]
        return "\n".join(lines)
    # One definition of "stock" for weights and timings: rights_guide/bench/buildtime.py's.
    from rights_guide.bench import buildtime
    with tempfile.TemporaryDirectory() as out:
        stock_file = Path(out) / "mkdocs.yml"
        stock_file.write_text(buildtime.stock_config(project), encoding="utf-8")
        buildtime.build_seconds(stock_file, Path(out) / "site", {})
        left_out = buildtime.stock_left_out(project)
        stock = Site(Path(out) / "site", site.origin, tuple(code for code in site.languages if code not in left_out),
                     site.default)
        lines += stock_sections(site, loads, stock, [page_load(stock, p) for p in stock.pages()])
        if left_out:
            lines += [f"Stock cannot build {', '.join(left_out)}: static-i18n takes codes of two "
                      "letters only, and Material fails on a language it has no button texts for. "
                      "So the stock builds, here and in the build times below, leave them out: "
                      "their cells show —.", ""]
    lines += [buildtime.markdown(project, build_runs).rstrip(), ""]
    return "\n".join(lines)


def run(project: Project, write: Path | None = None, site: Path | None = None,
        runs: int = 3, no_build: bool = False) -> int:
    site = (site or project.root / "site").resolve()
    if not (site / "index.html").exists():
        print(f"{site}/index.html: no built site. Fix: run 'make site' first, or pass --site DIR.")
        return 1
    text = report(project, site, None if no_build else runs)
    if write:
        write.write_text(text, encoding="utf-8")
        print(f"wrote {write}")
    else:
        print(text)
    errors = sum(bool(r.problems) for load in measure(project, site) for r in load.requests)
    if errors:
        print(f"{errors} requests on load go to sitemap.xml, a missing file or another host: "
              "see 'Errors on load' in the report.", file=sys.stderr)
    return 1 if errors else 0
