"""Fill the "Translation status" page with the table `python -m rights_guide status` prints."""

from pathlib import Path

from mkdocs.plugins import event_priority

from rights_guide.model import status
from rights_guide.model.project import Project

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
    # The table is wider than a phone: it scrolls inside a region keyboard users can
    # reach and scroll too (WCAG 2.1.1), named by the page's heading.
    wrapped = ('<div class="rg-table" markdown="1" tabindex="0" role="region" aria-labelledby="translation-status">'
               "\n\n" + _table["table"] + "\n</div>")
    return markdown.replace(PLACEHOLDER, wrapped)
