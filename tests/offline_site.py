"""Shared by tests/build/test_offline.py and tests/browser/test_offline.py: a copy of
the built site with `python -m rights_guide offline --site` run on it, made once a
session whichever module asks first."""

from __future__ import annotations

import io
import shutil
from contextlib import redirect_stdout
from pathlib import Path

from rights_guide.cli import main

_made: list[Path] = []


def offline_copy(built_site: Path, tmp_path_factory) -> Path:
    if not _made:
        site = tmp_path_factory.mktemp("offline") / "site"
        shutil.copytree(built_site, site)
        out = io.StringIO()
        with redirect_stdout(out):
            assert main(["offline", "--site", str(site)]) == 0, out.getvalue()
        _made.append(site)
    return _made[0]
