"""Fill the "Translation status" page with the table `python -m scripts status` prints."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # share code with `python -m scripts`

from mkdocs.plugins import event_priority  # noqa: E402

from scripts import status  # noqa: E402
from scripts.project import Project  # noqa: E402

PLACEHOLDER = "<!-- translation-status -->"

# The table covers every language, and every language has the page: made once
# per build, not once per language (which grew with the square of the languages).
_table: dict[str, str] = {}


def on_config(config):
    i18n = config.plugins.get("i18n")
    if i18n is None or not getattr(i18n, "building", False):
        _table.clear()  # a new build (also a `mkdocs serve` rebuild): the pages may have changed


@event_priority(-200)
def on_page_markdown(markdown, page, config, files):
    if PLACEHOLDER not in markdown:
        return markdown
    if "table" not in _table:
        _table["table"] = status.markdown_table(Project(Path(config.config_file_path).parent))
    return markdown.replace(PLACEHOLDER, _table["table"])
