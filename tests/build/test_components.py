"""rights_guide/build/components.py: what it keeps between calls belongs to one site."""

from __future__ import annotations

from rights_guide.build import components
from rights_guide.model.project import Project
from tests.conftest import make_fixture_site


def test_each_site_gets_its_own_contacts(tmp_path):
    first = Project(make_fixture_site(tmp_path / "first"))
    second = Project(make_fixture_site(tmp_path / "second"))
    text = second.contacts_path.read_text(encoding="utf-8")
    second.contacts_path.write_text(text.replace("- id: example-line", "- id: another-line"), encoding="utf-8")
    assert "example-line" in components.contacts(first) and "another-line" not in components.contacts(first)
    assert "another-line" in components.contacts(second) and "example-line" not in components.contacts(second)
