"""Shared by tests/build/test_offline.py and tests/browser/test_offline.py: a copy of
the built site with `python -m rights_guide offline --site` run on it, made once a
test run whichever module asks first (in whichever test process)."""

from __future__ import annotations

import io
import shutil
from contextlib import redirect_stdout
from pathlib import Path

from rights_guide.cli import main
from tests.conftest import made_once


def offline_copy(built_site: Path, tmp_path_factory) -> Path:
    def make(folder: Path) -> Path:
        site = folder / "site"
        shutil.copytree(built_site, site)
        out = io.StringIO()
        with redirect_stdout(out):
            assert main(["offline", "--site", str(site)]) == 0, out.getvalue()
        return site

    return made_once(tmp_path_factory, "offline", make)
