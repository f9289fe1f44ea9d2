"""Give templates the UI strings of the language being built (English fills gaps).

Templates read `ui.<key>`; `ui_fill(text, name=value)` fills placeholders.
"""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # share code with `python -m scripts`

from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.plugins import event_priority  # noqa: E402

from scripts import strings, yamlfile  # noqa: E402
from scripts.project import Project  # noqa: E402


def build_language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or config.theme["language"]


# Low priority: static-i18n switches the language in its own events first.
@event_priority(-200)
def on_env(env, config, files):
    project = Project(Path(config.config_file_path).parent)
    language = build_language(config)
    try:
        env.globals["ui"] = strings.load(project, language)
    except yamlfile.YamlError as error:
        raise PluginError(f"{error.format(project.root)} (run 'python -m scripts check' for every problem)") from error
    env.globals["ui_fill"] = strings.fill
    env.globals["ui_language"] = language
    env.globals["site_languages"] = project.languages()
    env.globals["default_language"] = project.default_language()
    return env
