"""axe-core at WCAG 2.2 A and AA on every sample page, on a phone and a wide screen."""

from __future__ import annotations

import pytest

from tests.browser.conftest import DESKTOP, PAGE_CASES, PHONE, goto, page_path
from tests.browser.helpers import AXE_TAGS, axe_report


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


@pytest.mark.parametrize("screen", [pytest.param(PHONE, id="phone"), pytest.param(DESKTOP, id="desktop")])
@pytest.mark.parametrize(("code", "source"), PAGE_CASES)
def test_no_accessibility_violations_at_wcag_2_2_aa(open_context, site_origin, axe, code, source, screen):
    context, traffic = open_context(**screen)
    page = context.new_page()
    goto(page, site_origin, page_path(code, source))
    # No rule is disabled: every WCAG 2.2 A/AA rule axe-core has must pass.
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    assert results.response["testEngine"]["name"] == "axe-core"
    assert results.violations_count == 0, "\n" + axe_report(results)
