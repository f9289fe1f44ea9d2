"""Shared fixtures: the real site built once per session, and throw-away copies
of a tiny fixture site for bad-input tests."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rights_guide.model.project import Project

REPO = Path(__file__).resolve().parents[1]
FIXTURE_SITE = REPO / "tests" / "fixtures" / "site"
CHECKOUT = Project(REPO)  # the repository's own site, found from this file, not the working directory
BUILD_MACHINERY = ("overrides", "hooks", "data", "deploy")


def mkdocs_build(root: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
         "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(site_dir)],
        cwd=root, env=env, capture_output=True, text=True, check=False,
    )


def make_fixture_site(destination: Path) -> Path:
    """A buildable copy: the repository's config and code with the fixture's docs."""
    for name in BUILD_MACHINERY:
        shutil.copytree(REPO / name, destination / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(FIXTURE_SITE / "docs", destination / "docs")
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    # The fixture has its own few pages: let MkDocs make the menu from them.
    config = re.sub(r"(?ms)^nav:\n.*\Z", "", config)
    (destination / "mkdocs.yml").write_text(config, encoding="utf-8")
    return destination


@pytest.fixture
def fixture_site(tmp_path: Path) -> Path:
    return make_fixture_site(tmp_path / "site-source")


@pytest.fixture(scope="session")
def built_fixture_site(tmp_path_factory) -> Path:
    source = make_fixture_site(tmp_path_factory.mktemp("fixture") / "source")
    output = source.parent / "built"
    result = mkdocs_build(source, output)
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The repository's own site, built with --strict into a temporary folder."""
    output = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(REPO, output)
    assert result.returncode == 0, result.stderr
    return output
