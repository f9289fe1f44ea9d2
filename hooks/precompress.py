"""Deploy-ready output: .gz and .br copies of text files, and site/_headers.

Runs once, after the last language build and after every other post-build
step (they still write and delete files), so the copies and the _headers rules
match what is published. The rules are in scripts/deploy.py.
"""

import logging
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # share code with `python -m scripts`

from mkdocs.plugins import event_priority  # noqa: E402

from scripts import deploy  # noqa: E402

log = logging.getLogger("mkdocs.hooks.precompress")


# Below prune_assets, search_per_language (-200) and asset_bundle (-250).
@event_priority(-300)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    if i18n is not None and getattr(i18n, "building", False):
        return  # a nested language build; act once, after the last one
    site = Path(config.site_dir)
    template = Path(config.config_file_path).parent / "deploy" / "_headers"
    if template.exists():
        (site / "_headers").write_text(deploy.headers_file(template.read_text(encoding="utf-8"), site),
                                       encoding="utf-8")
    else:
        # The tests' throw-away copies of the site carry only the build machinery.
        log.info("No deploy/_headers next to mkdocs.yml, so no site/_headers.")
    started = time.perf_counter()
    result = deploy.compress_site(site)
    log.info("Precompressed %d files in %.2f s: %d bytes of .gz, %d bytes of .br.", result.files,
             time.perf_counter() - started, result.gzip_bytes, result.brotli_bytes)
