"""Tell templates about the page being rendered (rights_guide/build/pages.py):
its languages, fallback and outdated state, and its address and QR code for
print; a translation's page facts it leaves out are taken from English; and
its front matter escaped for every template (rights_guide/build/escaping.py)."""

from pathlib import Path

from mkdocs.plugins import event_priority

from rights_guide.build import escaping, pages
from rights_guide.model.project import Project


# Last, after every hook that reads the front matter as data; before any template
# is rendered (MkDocs reads all pages before it renders the first).
@event_priority(-300)
def on_page_markdown(markdown, page, config, files):
    page.meta = escaping.front_matter(page.meta)
    return markdown


# Low priority: static-i18n sets the language being built in its own events first.
@event_priority(-200)
def on_page_context(context, page, config, nav):
    project = Project(Path(config.config_file_path).parent)
    pages.keep_from_english(config, page)
    context.update(pages.language_context(project, config, page))
    context.update(pages.print_context(config, page))
    return context
