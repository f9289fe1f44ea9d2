"""netlify.toml: builds with the Makefile on a Python the project supports and
publishes the folder the build writes."""

from __future__ import annotations

import re
import tomllib

from tests.conftest import REPO


def test_netlify_builds_the_site_and_publishes_site_folder():
    config = tomllib.loads((REPO / "netlify.toml").read_text(encoding="utf-8"))
    assert config["build"]["command"] == "make site"
    assert config["build"]["publish"] == "site"
    version = tuple(int(part) for part in config["build"]["environment"]["PYTHON_VERSION"].split("."))
    required = re.search(r'requires-python = ">=([\d.]+)"', (REPO / "pyproject.toml").read_text(encoding="utf-8"))
    assert version[:2] >= tuple(int(part) for part in required.group(1).split("."))[:2]
    makefile = (REPO / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^site: .*\n(\t.*\n)*\t.*rights_guide offline", makefile, re.M), "make site makes the copies"
