"""The page-weight budgets on the repository's built site, and the benchmark's report of it.

Bytes and requests are deterministic, so the budgets are asserted; timings are not.
The languages and pages expected come from the configuration (tests/siteconfig.py).
"""

from __future__ import annotations

import importlib.metadata

import pytest

from rights_guide.bench import pageload
from rights_guide.cli import main
from tests.conftest import CHECKOUT
from tests.offline_site import offline_copy
from tests.siteconfig import SITE


def _describe(load: pageload.PageLoad, view: str) -> str:
    requests = load.requests if view == "first" else load.repeat_requests
    files = ", ".join(f"{r.url} ({(r.size.gzip if r.size else 0) / 1024:.1f} KB)" for r in requests)
    size = load.first_view if view == "first" else load.repeat_view
    return f"{load.url}: {size.gzip / 1024:.1f} KB gzip in {len(requests)} requests: {files}"


@pytest.fixture(scope="module")
def loads(built_site, tmp_path_factory):
    """The site as `make site` leaves it: the build, then the offline copies linked from
    the help and About pages (tests/offline_site.py)."""
    return pageload.measure(CHECKOUT, offline_copy(built_site, tmp_path_factory))


def test_every_language_has_every_page_measured(loads):
    types = {code: {load.page_type for load in loads if load.language == code} for code in SITE.codes}
    # Each page of docs/<default>/ ("help.md" is of type "help") and the 404 page, in every language.
    expected = {source.removesuffix(".md").removesuffix("/index") for source in SITE.sources()} | {"404"}
    for code in SITE.codes:
        assert types[code] >= expected, f"{code}: pages not measured: {sorted(expected - types[code])}"


def test_every_first_view_is_within_the_budget(loads):
    over = [_describe(load, "first") for load in loads
            if load.first_view.gzip > pageload.FIRST_VIEW_GZIP
            or len(load.requests) > pageload.FIRST_VIEW_REQUESTS]
    assert not over, (f"{len(over)} pages over {pageload.FIRST_VIEW_GZIP // 1024} KB gzip or "
                      f"{pageload.FIRST_VIEW_REQUESTS} requests on a first view:\n"
                      + "\n".join(over))


def test_every_repeat_view_is_within_the_budget(loads):
    over = [_describe(load, "repeat") for load in loads
            if load.repeat_view.gzip > pageload.REPEAT_VIEW_GZIP]
    assert not over, (f"{len(over)} pages over {pageload.REPEAT_VIEW_GZIP // 1024} KB gzip "
                      f"on a repeat view:\n" + "\n".join(over))


def test_every_pages_chrome_is_within_the_budget(loads):
    over = [f"{load.url}: {load.chrome_gzip / 1024:.2f} KB gzip of markup" for load in loads
            if load.chrome_gzip > pageload.CHROME_GZIP]
    assert not over, (f"{len(over)} pages whose markup without words is over "
                      f"{pageload.CHROME_GZIP / 1024:g} KB gzip:\n" + "\n".join(over))


def test_no_page_requests_a_sitemap_or_a_missing_file_on_load(loads):
    bad = [f"{load.url} -> {r.url}: {problem}" for load in loads for r, problem in load.problems
           if problem != "another host"]
    assert not bad, f"{len(bad)} bad requests on load:\n" + "\n".join(bad[:30])


def test_no_page_references_another_host(loads):
    bad = [f"{load.url} -> {r.url}" for load in loads for r, problem in load.problems
           if problem == "another host"]
    assert not bad, "\n".join(bad)


def test_report_lists_every_language_the_budgets_and_the_machine(built_site, tmp_path):
    out = tmp_path / "PERFORMANCE.md"
    status = main(["benchmark", "--site", str(built_site), "--no-build", "--write", str(out)])
    text = out.read_text(encoding="utf-8")
    assert "| Page | " + " | ".join(SITE.codes) + " |" in text
    for code in SITE.codes:
        assert f"\n| {code} | " in text  # its search row
    assert (f"at most {pageload.FIRST_VIEW_GZIP // 1024} KB gzip and "
            f"{pageload.FIRST_VIEW_REQUESTS} requests") in text
    assert ("chrome (its markup without the words between tags, in any script) at most "
            f"{pageload.CHROME_GZIP / 1024:g} KB gzip") in text
    assert f"the whole page at most {pageload.REPEAT_VIEW_GZIP // 1024} KB gzip" in text
    assert "## Machine and versions" in text and "| Cores |" in text and "| CPU |" in text
    for name in pageload.VERSIONS:
        assert f"| {name} | {importlib.metadata.version(name)} |" in text
    assert "not measured (`--no-build`)" in text
    has_errors = any(r.problems for load in pageload.measure(CHECKOUT, built_site)
                     for r in load.requests)
    assert status == (1 if has_errors else 0)
