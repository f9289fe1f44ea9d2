"""Where build caches (compiled templates, QR codes) live between builds."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_VARIABLE = "RG_BUILD_CACHE"


def cache_root(config_file: str | Path) -> Path | None:
    """The folder for build caches shared between processes, or None to keep them in memory only.

    `.cache/build/` next to mkdocs.yml (gitignored, safe to delete);
    RG_BUILD_CACHE=DIR moves it, RG_BUILD_CACHE=off keeps caches in memory."""
    chosen = os.environ.get(CACHE_VARIABLE)
    if chosen is None:
        return Path(config_file).resolve().parent / ".cache" / "build"
    if chosen.strip().lower() in ("", "off", "0", "no", "false"):
        return None
    return Path(chosen)
