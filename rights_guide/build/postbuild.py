"""The work done on the written site, in the order it must happen.

MkDocs writes each language's pages; static-i18n builds the other languages
from inside the default build's `on_post_build` (build/i18n.py). What needs
every language's pages runs once, after the last language, in this order:

1. not-found pages: each language's 404 page was kept as it was rendered
   (`keep_not_found_page`, every language build writes its 404 to the site
   root); the default language's goes back to the root;
2. search: the combined index split into one per language (build/search.py);
3. pruning: theme files no page or index needs (source maps, Material's
   bundle.js, unused lunr files; needs the split indexes);
4. bundling: one trimmed, fingerprinted stylesheet and script (build/bundle.py;
   reads the final pages, after everything that adds to them);
5. deploy files: site/_headers and site/_redirects, then .gz and .br copies of
   every text file (build/deploy.py; last, because every step above writes or
   deletes files).
"""

from __future__ import annotations

import logging
import time
from pathlib import Path

from rights_guide.build import bundle, deploy, i18n, search
from rights_guide.model.project import Project, page_url

log = logging.getLogger("mkdocs.hooks.post_build")

NOT_FOUND = "404.html"
_not_found_pages: dict[str, str] = {}


def keep_not_found_page(config, html: str) -> None:
    """Called as each language build renders its 404 page. Every build writes it to
    the site root, so the root copy would end in the last language built."""
    code = i18n.build_language(config)
    _not_found_pages[code] = html
    target = Path(config.site_dir) / page_url(NOT_FOUND, code, i18n.default_language(config))
    if code != i18n.default_language(config):
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html, encoding="utf-8")


def restore_root_not_found_page(site: Path, default: str) -> None:
    if default in _not_found_pages:
        (site / NOT_FOUND).write_text(_not_found_pages[default], encoding="utf-8")


def write_headers(site: Path, project: Project) -> None:
    template = project.root / "deploy" / "_headers"
    if template.exists():
        text = deploy.headers_file(template.read_text(encoding="utf-8"), site)
        (site / "_headers").write_text(text, encoding="utf-8")
    else:
        # The tests' throw-away copies of the site carry only the build machinery.
        log.info("No deploy/_headers next to mkdocs.yml, so no site/_headers.")


def run(config) -> None:
    """Every step after the last language build, in the order of the module docstring."""
    site = Path(config.site_dir)
    project = Project(Path(config.config_file_path).parent)
    default = i18n.default_language(config)
    table = project.language_table()

    restore_root_not_found_page(site, default)
    modes = {code: (table.get(code).search if table.get(code) else "words") for code in i18n.built_languages(config)}
    arabic_script = frozenset(code for code in modes if table.get(code) and table.get(code).script == "Arab")
    search.write_split_indexes(site, modes, default,
                               lambda code: page_url("search/search_index.json", code, default), arabic_script)
    search.prune_assets(site)
    bundle.bundle_site(site)
    write_headers(site, project)
    (site / "_redirects").write_text(deploy.redirects_file(i18n.built_languages(config), default),
                                     encoding="utf-8")
    started = time.perf_counter()
    result = deploy.compress_site(site)
    log.info("Precompressed %d files in %.2f s: %d bytes of .gz, %d bytes of .br.", result.files,
             time.perf_counter() - started, result.gzip_bytes, result.brotli_bytes)
