"""Every aria-labelledby and aria-describedby of every built page names an element
of that page: a translated heading gets another id, and a label pointing nowhere
leaves a screen-reader user with an unnamed region."""

from __future__ import annotations

import re

from tests.siteconfig import SITE

ARIA_REFERENCE = re.compile(r'\baria-(?:labelledby|describedby)="([^"]*)"')
ID = re.compile(r'\bid="([^"]+)"')


def test_every_aria_reference_names_an_element_of_the_page(built_site):
    broken = []
    pages = [p for p in built_site.rglob("*.html") if "offline" not in p.relative_to(built_site).parts[:1]]
    for page in pages:
        html = page.read_text(encoding="utf-8")
        ids = set(ID.findall(html))
        broken += [f"{page.relative_to(built_site)}: {name}" for value in ARIA_REFERENCE.findall(html)
                   for name in value.split() if name not in ids]
    # Every page of docs/<default>/ in every language, and the 404 pages (mkdocs.yml, docs/).
    unread = sorted(str(path.relative_to(built_site)) for path in set(SITE.expected_pages(built_site)) - set(pages))
    assert not unread, f"pages the configuration and docs/ say are built, not read: {unread[:5]}"
    assert not broken, "aria references to no element:\n" + "\n".join(broken[:20])
