"""The page-weight budgets on the repository's built site, and the benchmark's report of it.

Bytes and requests are deterministic, so the budgets are asserted; timings are not.
"""

from __future__ import annotations

import importlib.metadata

import pytest

from rights_guide.bench import benchmark
from rights_guide.cli import main
from tests.conftest import CHECKOUT
from tests.siteconfig import SITE


def _describe(load: benchmark.PageLoad, view: str) -> str:
    requests = load.requests if view == "first" else load.repeat_requests
    files = ", ".join(f"{r.url} ({(r.size.gzip if r.size else 0) / 1024:.1f} KB)" for r in requests)
    size = load.first_view if view == "first" else load.repeat_view
    return f"{load.url}: {size.gzip / 1024:.1f} KB gzip in {len(requests)} requests: {files}"


@pytest.fixture(scope="module")
def loads(built_site):
    return benchmark.measure(CHECKOUT, built_site)


def test_every_language_has_every_page_measured(loads):
    types = {code: {load.page_type for load in loads if load.language == code} for code in SITE.codes}
    # Each page of docs/<default>/ ("help.md" is of type "help") and the 404 page, in every language.
    expected = {source.removesuffix(".md").removesuffix("/index") for source in SITE.sources()} | {"404"}
    for code in SITE.codes:
        assert types[code] >= expected, f"{code}: pages not measured: {sorted(expected - types[code])}"


def test_every_first_view_is_within_the_budget(loads):
    over = [_describe(load, "first") for load in loads
            if load.first_view.gzip > benchmark.FIRST_VIEW_GZIP
            or len(load.requests) > benchmark.FIRST_VIEW_REQUESTS]
    assert not over, (f"{len(over)} pages over {benchmark.FIRST_VIEW_GZIP // 1024} KB gzip or "
                      f"{benchmark.FIRST_VIEW_REQUESTS} requests on a first view:\n"
                      + "\n".join(over))


def test_every_repeat_view_is_within_the_budget(loads):
    budget = benchmark.repeat_view_budget(len(SITE.codes))
    over = [_describe(load, "repeat") for load in loads if load.repeat_view.gzip > budget]
    assert not over, (f"{len(over)} pages over {budget / 1024:.1f} KB gzip on a repeat view "
                      f"(the budget for {len(SITE.codes)} languages):\n" + "\n".join(over))


def test_the_repeat_view_budget_grows_only_with_languages_beyond_the_first_ones():
    assert benchmark.repeat_view_budget(1) == benchmark.repeat_view_budget(benchmark.BUDGET_LANGUAGES) \
        == benchmark.REPEAT_VIEW_GZIP
    assert benchmark.repeat_view_budget(benchmark.BUDGET_LANGUAGES + 3) == \
        benchmark.REPEAT_VIEW_GZIP + 3 * benchmark.REPEAT_VIEW_PER_LANGUAGE


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
    codes = SITE.codes
    assert "| Page | " + " | ".join(codes) + " |" in text
    for code in codes:
        assert f"\n| {code} | " in text  # its search row
    assert (f"at most {benchmark.FIRST_VIEW_GZIP // 1024} KB gzip and {benchmark.FIRST_VIEW_REQUESTS} requests"
            in text and f"at most {benchmark.REPEAT_VIEW_GZIP // 1024} KB gzip" in text)
    assert "## Machine and versions" in text and "| Cores |" in text and "| CPU |" in text
    for name in benchmark.VERSIONS:
        assert f"| {name} | {importlib.metadata.version(name)} |" in text
    assert "not measured (`--no-build`)" in text
    has_errors = any(r.problems for load in benchmark.measure(CHECKOUT, built_site)
                     for r in load.requests)
    assert status == (1 if has_errors else 0)
