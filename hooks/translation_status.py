"""Fill the "Translation status" page with the table `python -m scripts status` prints."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # share code with `python -m scripts`

from mkdocs.plugins import event_priority  # noqa: E402

from scripts import status  # noqa: E402
from scripts.project import Project  # noqa: E402

PLACEHOLDER = "<!-- translation-status -->"


@event_priority(-200)
def on_page_markdown(markdown, page, config, files):
    if PLACEHOLDER not in markdown:
        return markdown
    table = status.markdown_table(Project(Path(config.config_file_path).parent))
    return markdown.replace(PLACEHOLDER, table)
