"""Read every input once before any page is built (rights_guide/build/inputs.py):
a file that cannot be read stops the build with its own path and line."""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from rights_guide.build import i18n, inputs
from rights_guide.model.project import Project


# First, and once per build: the other languages' builds read the same files.
@event_priority(100)
def on_pre_build(config):
    if i18n.nested_build(config):
        return
    message = inputs.report(Project(Path(config.config_file_path).parent))
    if message:
        raise PluginError(message)
