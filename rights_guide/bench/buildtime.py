"""`python -m rights_guide buildtime`: how long the build takes, ours against stock static-i18n.

"Stock" is the same content built by MkDocs, Material and static-i18n with
their defaults: no hooks, no overrides, no caches (`stock_config`). "Ours" is
the site's own mkdocs.yml. Each build is a fresh `mkdocs build --strict`
process, as `make site` runs it, so Python start-up and imports are included.
Runs alternate between ours and stock and medians are reported: other work on
the machine makes single timings noisy. CPU seconds (the build process's user
plus system time) are shown too, as they vary less than wall time on a busy
machine.

Ours is timed with an empty build cache, as on a fresh checkout or in CI,
and, for the whole site, again with the cache a previous build left, as on a
writer's machine (`RG_BUILD_CACHE`, see hooks/template_cache.py).

The scaling run copies the site to a temporary folder and adds languages
(each with a row in data/languages.yml) whose pages are copies of the English
ones, so time per language can be read off as the number of languages grows.
Timings are reported, never asserted.
"""

from __future__ import annotations

import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from rights_guide.bench.copies import scaled_project
from rights_guide.bench.serve import serve_rebuild
from rights_guide.build.cache import CACHE_VARIABLE
from rights_guide.build.i18n import PREVIEW_VARIABLE
from rights_guide.model.project import Project

# Top-level mkdocs.yml keys the stock build shares with ours: the same pages,
# addresses and Markdown. Copied as text, since they may hold `!!python` tags.
SHARED_KEYS = ("site_url", "use_directory_urls", "markdown_extensions", "not_in_nav", "nav")
SCALING_COUNTS = (3, 8, 16)
@dataclass(frozen=True)
class Timing:
    wall: float  # seconds
    cpu: float  # user + system seconds of the build process


Timer = Callable[[Path, Path, dict], Timing]


def _top_level_block(text: str, key: str) -> str:
    match = re.search(rf"(?ms)^{re.escape(key)}:.*?(?=^[^\s#]|\Z)", text)
    return match.group(0).rstrip() + "\n" if match else ""


# The codes stock static-i18n 1.3 accepts (its config.RE_LOCALE): two letters, with a script
# or region. Ours also builds three-letter codes (ckb, prs: rights_guide/build/i18n.py) and
# languages Material has no button texts for (so: overrides/partials/language.html); stock
# cannot, so its builds leave them out and the report says so.
STOCK_LOCALE = re.compile(r"(^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$)|(^[a-z]{2}_[A-Z]{2}$)")


def stock_left_out(project: Project) -> list[str]:
    """The site's languages stock static-i18n and Material cannot build."""
    from rights_guide.build import material

    return [language.code for language in project.languages()
            if not STOCK_LOCALE.match(language.code) or not material.has_language_file(language.code)]


def stock_config(project: Project, preview_language: str | None = None) -> str:
    """mkdocs.yml text for stock MkDocs + Material + static-i18n on the project's content.

    With `preview_language`, only it and the default language are built, as in
    our preview (rights_guide/build/i18n.py)."""
    import yaml

    text = project.config_path.read_text(encoding="utf-8")
    default = project.default_language()
    left_out = stock_left_out(project)
    i18n: dict = {
        "docs_structure": "folder",
        "fallback_to_default": True,
        "languages": [{"locale": language.code, "name": language.name,
                       "default": language.code == default,
                       "build": language.code == default or preview_language in (None, language.code)}
                      for language in project.languages() if language.code not in left_out],
    }
    settings = {
        "site_name": project.config().data.get("site_name") or "Stock",
        "docs_dir": str(project.docs.resolve()),
        # Material's defaults, except web fonts: there is no network.
        "theme": {"name": "material", "language": default, "font": False},
        "plugins": ["search", {"i18n": i18n}],
    }
    head = yaml.safe_dump(settings, allow_unicode=True, sort_keys=False)
    # Our own Markdown extensions are ours, not stock (and need the project's data beside the config).
    shared = "".join(_top_level_block(text, key) for key in SHARED_KEYS)
    shared = re.sub(r"(?m)^\s*- rights_guide\.[\w.]+\s*(#.*)?\n", "", shared)
    return "# Stock static-i18n on the site's content (rights_guide/bench/buildtime.py).\n" + head + shared


def build_timing(config: Path, site_dir: Path, env: dict) -> Timing:
    """Wall and CPU time of one `mkdocs build --strict` process."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
         "--config-file", str(config), "--site-dir", str(site_dir)],
        cwd=config.parent, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
        capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build -f {config} failed:\n{result.stderr[-2000:]}")
    return Timing(wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)


def build_seconds(config: Path, site_dir: Path, env: dict) -> float:
    """Wall time of one `mkdocs build --strict` process."""
    return build_timing(config, site_dir, env).wall


def _median(timings: list[Timing]) -> Timing:
    return Timing(statistics.median(t.wall for t in timings),
                  statistics.median(t.cpu for t in timings))


@dataclass(frozen=True)
class Comparison:
    """Medians of ours (empty build cache), ours (warm cache, if timed) and stock."""

    ours: Timing
    stock: Timing
    ours_warm: Timing | None = None

    @property
    def ratio(self) -> float:
        return self.ours.wall / self.stock.wall

    @property
    def cpu_ratio(self) -> float:
        return self.ours.cpu / self.stock.cpu


def compare(project: Project, runs: int, work: Path, preview_language: str | None = None,
            warm: bool = False, timer: Timer = build_timing) -> Comparison:
    """Build ours and stock `runs` times each, alternately, in folders under `work`."""
    work.mkdir(parents=True, exist_ok=True)
    stock_file = work / "stock.yml"
    stock_file.write_text(stock_config(project, preview_language), encoding="utf-8")
    preview = {PREVIEW_VARIABLE: preview_language} if preview_language else {}

    def ours(cache: Path) -> Timing:
        return timer(project.config_path, work / "out", {**preview, CACHE_VARIABLE: str(cache)})

    empty, warmed, stock = [], [], []
    if warm:
        ours(work / "cache-warm")  # fills it
    for run in range(runs):
        empty.append(ours(work / f"cache-{run}"))
        shutil.rmtree(work / f"cache-{run}", ignore_errors=True)
        stock.append(timer(stock_file, work / "out", {}))
        if warm:
            warmed.append(ours(work / "cache-warm"))
    return Comparison(_median(empty), _median(stock), _median(warmed) if warm else None)


def _seconds(timing: Timing) -> str:
    return f"{timing.wall:.2f} ({timing.cpu:.2f})"


def _row(*cells) -> str:
    return "| " + " | ".join(str(cell) for cell in cells) + " |"


def markdown(project: Project, runs: int, counts: tuple[int, ...] = SCALING_COUNTS,
             serve: bool = True, timer: Timer = build_timing) -> str:
    """The build-time section of the performance report, as Markdown."""
    # A report written top to bottom, section after section: long, not deep.
    languages = project.languages()
    default = project.default_language()
    pages = len(list((project.docs / default).rglob("*.md")))
    lines = [
        "## Build time", "",
        f"Medians of {runs} strict builds, ours and stock alternately, each a fresh "
        "`mkdocs build --strict` process (Python start-up included), on this machine "
        f"({os.cpu_count()} cores, shared). Cells: wall seconds (CPU seconds). Timings are "
        "noisy and never asserted. Stock is MkDocs + Material + static-i18n with their defaults "
        "on the same content (same languages, pages, Markdown extensions and menu; no hooks, "
        f"no theme overrides). Ours is timed with an empty build cache (`{CACHE_VARIABLE}`), "
        "as in CI; \"warm\" is with the cache a previous build left (compiled templates and QR "
        "codes: hooks/template_cache.py, rights_guide/build/pages.py).", ""]
    with tempfile.TemporaryDirectory(prefix="rg-buildtime-") as temporary:
        work = Path(temporary)
        whole = compare(project, runs, work / "site", warm=True, timer=timer)
        alone = compare(project, runs, work / "alone", default, timer=timer)
        lines += [f"### This site: {pages} pages in {len(languages)} languages", "",
                  _row("Build", "Ours", "Ours, warm cache", "Stock", "Ours / stock, wall (CPU)"),
                  _row(*["---"] * 5),
                  _row("All languages", _seconds(whole.ours), _seconds(whole.ours_warm),
                       _seconds(whole.stock), f"{whole.ratio:.2f} ({whole.cpu_ratio:.2f})"),
                  _row(f"`{default}` alone (`{PREVIEW_VARIABLE}={default}`)", _seconds(alone.ours),
                       "–", _seconds(alone.stock), f"{alone.ratio:.2f} ({alone.cpu_ratio:.2f})")]
        if len(languages) > 1:
            others = len(languages) - 1
            ours_each = (whole.ours.wall - alone.ours.wall) / others
            stock_each = (whole.stock.wall - alone.stock.wall) / others
            lines.append(_row(f"Each further language (difference / {others})", f"{ours_each:.2f}",
                              "–", f"{stock_each:.2f}",
                              f"{ours_each / stock_each:.2f}" if stock_each > 0 else "–"))
        lines += ["", "One language is mostly start-up (Python, MkDocs, Material, the plugins), "
                  "which the two builds share; the scaling run shows what each further language "
                  "costs."]
        if counts:
            lines += ["", f"### Scaling: the same {pages} pages in fewer or more languages", "",
                      "A copy of the site with its last languages removed (`remove-language`), or "
                      "with languages added, their pages copied from English. "
                      "\"Per added language\" is the wall time each language adds over the row "
                      "above; if it stays the same as languages are added, build time is linear "
                      "in the number of languages.", "",
                      _row("Languages", "Ours", "Stock", "Ours / stock, wall (CPU)",
                           "Ours, s per added language", "Stock, s per added language"),
                      _row(*["---"] * 6)]
            previous: tuple[int, Comparison] | None = None
            for count in counts:
                folder = work / f"scaled-{count}"
                copy = scaled_project(project, count, folder / "source")
                result = compare(copy, runs, folder, timer=timer)
                steps = ["–", "–"]
                if previous:
                    added = count - previous[0]
                    steps = [f"{(result.ours.wall - previous[1].ours.wall) / added:.2f}",
                             f"{(result.stock.wall - previous[1].stock.wall) / added:.2f}"]
                lines.append(_row(count, _seconds(result.ours), _seconds(result.stock),
                                  f"{result.ratio:.2f} ({result.cpu_ratio:.2f})", *steps))
                previous = (count, result)
                shutil.rmtree(folder, ignore_errors=True)
        if serve:
            lines += ["", "### Preview (`make serve`)", "",
                      "A page edited three times while `mkdocs serve` runs on a copy of the site: "
                      "MkDocs' own rebuild time, and the time from saving the file to the browser "
                      "reload (including the file watcher's wait); medians.", "",
                      _row("Preview", "Rebuild, s", "Save to reload, s"), _row(*["---"] * 3)]
            previews = [(f"`make serve PREVIEW={default}` ({default} only)", default)]
            previews += [(f"`make serve PREVIEW={language.code}` ({language.code}, and {default} "
                          "for untranslated pages)", language.code)
                         for language in languages if language.code != default][:1]
            previews.append(("`make serve` (every language)", None))
            for label, language in previews:
                timed = serve_rebuild(project, language, work / f"serve-{language or 'all'}")
                if isinstance(timed, tuple):
                    rebuild = "not logged" if timed[0] is None else f"{timed[0]:.2f}"
                    lines.append(_row(label, rebuild, f"{timed[1]:.2f}"))
                else:
                    lines.append(_row(label, f"not timed ({timed})", "–"))
    return "\n".join(lines) + "\n"


def run(project: Project, runs: int = 3, counts: tuple[int, ...] = SCALING_COUNTS,
        serve: bool = True, write: Path | None = None) -> int:
    text = markdown(project, runs, counts, serve)
    if write:
        write.write_text(text, encoding="utf-8")
        print(f"wrote {write}")
    else:
        print(text, end="")
    return 0
