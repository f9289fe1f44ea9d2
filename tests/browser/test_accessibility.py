"""axe-core at WCAG 2.2 A and AA: on the representative languages' sample pages
(conftest.py) on a phone and a wide screen, and on every language's home page on a
phone, where the words (names of buttons and links, lang) are that language's."""

from __future__ import annotations

import pytest

from tests.browser.conftest import DESKTOP, HOME_CASES, PAGE_CASES, PHONE, REPRESENTATIVES, goto, page_path
from tests.browser.helpers import AXE_TAGS, axe_report


@pytest.fixture(scope="session")
def axe():
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


SCREENS = {"phone": PHONE, "desktop": DESKTOP}
CASES = [pytest.param(*case.values, screen, id=f"{case.id}-{screen}") for case in PAGE_CASES for screen in SCREENS]
CASES += [pytest.param(*case.values, "phone", id=f"{case.id}-phone") for case in HOME_CASES
          if case.values[0] not in REPRESENTATIVES]


@pytest.mark.parametrize(("code", "source", "screen"), CASES)
def test_no_accessibility_violations_at_wcag_2_2_aa(open_context, site_origin, axe, code, source, screen):
    context, traffic = open_context(**SCREENS[screen])
    page = context.new_page()
    goto(page, site_origin, page_path(code, source))
    # No rule is disabled: every WCAG 2.2 A/AA rule axe-core has must pass.
    results = axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}, "resultTypes": ["violations"]})
    assert results.response["testEngine"]["name"] == "axe-core"
    assert results.violations_count == 0, "\n" + axe_report(results)
