"""Budgets on bytes and requests per page (deterministic, so asserted; timings are not)."""

from __future__ import annotations

from scripts import benchmark
from scripts.project import default_project


def test_every_page_is_within_the_weight_and_request_budget(built_site):
    weights = benchmark.measure(default_project(), built_site)
    assert len(weights) >= 30
    for weight in weights:
        assert weight.gzip <= benchmark.BUDGET_GZIP_BYTES, (weight.path, weight.gzip)
        assert weight.requests <= benchmark.BUDGET_REQUESTS, (weight.path, sorted(weight.files))


def test_pages_load_their_own_language_search_index_only(built_site):
    weights = {w.path: w for w in benchmark.measure(default_project(), built_site)}
    finnish = [path for path in weights["/fi/help/index.html"].files if path.endswith("search_index.json")]
    assert finnish == ["/fi/search/search_index.json"]
    english = [path for path in weights["/help/index.html"].files if path.endswith("search_index.json")]
    assert english == ["/search/search_index.json"]


def test_text_shows_within_seconds_on_2g(built_site):
    for weight in benchmark.measure(default_project(), built_site):
        paint_bytes, paint_requests = benchmark.first_paint(weight)
        # HTML and stylesheets only; the estimate assumes no parallel requests.
        assert benchmark.load_seconds(paint_bytes, paint_requests, 240, 840) < 6, weight.path


def test_report_lists_every_page_and_the_budgets(built_site):
    text = benchmark.report(default_project(), built_site, with_build=False)
    assert "| `/fi/help/index.html` |" in text and "| `/ar/index.html` |" in text
    assert f"at most {benchmark.BUDGET_GZIP_BYTES // 1024} KB gzip" in text
