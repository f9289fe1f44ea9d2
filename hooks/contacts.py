"""Help channels in pages: `[[contact: id]]` on its own line becomes a card
(partials/contact-card.html), `[[phone: id]]` a tap-to-call link
(partials/phone-link.html); and the emergency box's contacts for templates
(partials/emergency-box.html). An unknown id stops the build with the file
and line, like `python -m rights_guide check`."""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from rights_guide.build import components
from rights_guide.model.project import Project


def on_pre_build(config):
    components.forget()  # `mkdocs serve` rebuilds in the same process: read the data again


# After hooks/ui_strings.py, whose globals the partials use.
@event_priority(-210)
def on_env(env, config, files):
    project = Project(Path(config.config_file_path).parent)
    try:
        env.globals["emergency_contacts"] = components.emergency_contacts(
            project, config.extra.get("emergency_contacts", []))
        env.globals["language_names"] = components.language_names(project)
    except components.ContactError as error:
        raise PluginError(str(error)) from error
    return env


@event_priority(-200)
def on_page_markdown(markdown, page, config, files):
    project = Project(Path(config.config_file_path).parent)
    try:
        return components.place_contacts(project, config, markdown,
                                         Path(page.file.abs_src_path))
    except components.ContactError as error:
        raise PluginError(str(error)) from error
