"""Shared fixtures: the real site built once per session, and throw-away copies
of a tiny fixture site (tests/fixtures/site: its own mkdocs.yml, data/ and
docs/) for bad-input tests and for what the real site may not have."""

from __future__ import annotations

import fcntl
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rights_guide.model.project import Project

REPO = Path(__file__).resolve().parents[1]
FIXTURE_SITE = REPO / "tests" / "fixtures" / "site"
CHECKOUT = Project(REPO)  # the repository's own site, found from this file, not the working directory
FIXTURE = Project(FIXTURE_SITE)  # the fixture's own configuration and data, read in place
# What the fixture borrows from the repository: templates and hooks, which name no country.
# Its deploy rules and CODEOWNERS are its own, for its own languages.
BUILD_MACHINERY = ("overrides", "hooks")
FIXTURE_PARTS = ("mkdocs.yml", "data", "docs", "deploy", ".github")


def mkdocs_build(root: Path, site_dir: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet",
         "--config-file", str(root / "mkdocs.yml"), "--site-dir", str(site_dir)],
        cwd=root, env=env, capture_output=True, text=True, check=False,
    )


def make_fixture_site(destination: Path) -> Path:
    """A buildable throw-away copy: the fixture's mkdocs.yml, data/, docs/, deploy/ and
    .github/ with the repository's overrides/ and hooks/."""
    for name in BUILD_MACHINERY:
        shutil.copytree(REPO / name, destination / name,
                        ignore=shutil.ignore_patterns("__pycache__"))
    for name in FIXTURE_PARTS:
        source = FIXTURE_SITE / name
        if source.is_dir():
            shutil.copytree(source, destination / name)
        else:
            shutil.copy2(source, destination / name)
    return destination


@pytest.fixture
def fixture_site(tmp_path: Path) -> Path:
    return make_fixture_site(tmp_path / "site-source")


# `make test` runs the tests in one process per core (pytest-xdist, --dist loadfile): a
# module's tests in one process, so its module fixtures are made once. What several modules
# share across processes is made once per run with made_once() above (the built sites, the
# offline copy, the leaflets). (--dist loadgroup could keep chosen modules together, but
# pytest-xdist 3.8 does not group under pytest 9.2: pytest-xdist issue #1386.)
def made_once(tmp_path_factory, name: str, make):
    """make(folder) -> a value (pickled), made once per test run: with pytest-xdist the first
    test process to ask makes it in the run's shared temporary folder while the others wait,
    then all read it. What is made this way is only read, never changed, by the tests."""
    root = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        root = root.parent  # pytest-of-<user>/pytest-<n>/, the folder of every worker's basetemp
    folder = root / f"shared-{name}"
    with open(root / f"shared-{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        done = folder / ".made.pickle"
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)
            folder.mkdir()
            done.write_bytes(pickle.dumps(make(folder)))
        return pickle.loads(done.read_bytes())


def _build_fixture_site(folder: Path) -> Path:
    source = make_fixture_site(folder / "source")
    output = folder / "built"
    result = mkdocs_build(source, output)
    assert result.returncode == 0, result.stderr
    return output


def _build_repository_site(folder: Path) -> Path:
    output = folder / "site"
    result = mkdocs_build(REPO, output)
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="session")
def built_fixture_site(tmp_path_factory) -> Path:
    return made_once(tmp_path_factory, "fixture", _build_fixture_site)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The repository's own site, built with --strict into a temporary folder."""
    return made_once(tmp_path_factory, "site", _build_repository_site)


# The built sites read page by page (tests/builtsite.py), for the product tests.

@pytest.fixture(scope="session")
def real_site(built_site):
    from tests.builtsite import read_site
    from tests.siteconfig import SITE

    return read_site("site", SITE, built_site)


@pytest.fixture(scope="session")
def fixture_built(built_fixture_site):
    from tests.builtsite import FIXTURE_CONFIG, read_site

    return read_site("fixture", FIXTURE_CONFIG, built_fixture_site)


# Another country's site, made from this clone with `new-site` as README's fork guide says
# (fictional contacts), so forking keeps working as the product changes.
IRELAND = ["new-site", "--country", "Ireland", "--organisation", "Example Support (fictional)",
           "--site-url", "https://rights.example.org/", "--exit-url", "https://www.example.com/",
           "--languages", "en", "pt", "ga", "--site-name", "Your rights in Ireland",
           "--emergency", "112", "--emergency", "999", "--emergency-source", "https://www.example.org/emergency"]


@pytest.fixture(scope="session")
def new_site(tmp_path_factory) -> Path:
    """A copy of this checkout turned into the Irish example by `new-site`."""
    from rights_guide.bench.copies import copy_project
    from rights_guide.cli import main

    root = copy_project(CHECKOUT, tmp_path_factory.mktemp("ireland") / "site").root
    shutil.rmtree(root / "rights_guide", ignore_errors=True)  # use the installed package
    assert main(["--root", str(root), *IRELAND]) == 0
    return root


@pytest.fixture(scope="session")
def new_site_built(new_site) -> Path:
    output = new_site.parent / "out"
    result = mkdocs_build(new_site, output)
    assert result.returncode == 0, result.stderr
    return output


@pytest.fixture(scope="session")
def example_built(new_site, new_site_built):
    from tests.builtsite import read_site
    from tests.siteconfig import SiteConfig

    return read_site("new-site example", SiteConfig(Project(new_site)), new_site_built)


SITES = {"site": "real_site", "fixture": "fixture_built", "new-site": "example_built"}


@pytest.fixture(params=list(SITES))
def either_site(request):
    """The repository's site, the fixture site and the new-site example: the same assertions on each."""
    return request.getfixturevalue(SITES[request.param])

