"""Give templates the language being built and its words: `ui.<key>` (English
fills gaps; escaped, rights_guide/build/escaping.py), `ui_fill(text, name=value)`, the languages and their facts,
`page_url(path, code)` for a page's address in a language, and the file name
of Material's search worker."""

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from rights_guide.build import escaping, i18n, material
from rights_guide.build.print_links import print_attribute
from rights_guide.model import strings, yamlfile
from rights_guide.model.project import Project, page_url


# Low priority: static-i18n switches the language in its own events first.
@event_priority(-200)
def on_env(env, config, files):
    project = Project(Path(config.config_file_path).parent)
    language = i18n.build_language(config)
    default = i18n.default_language(config)
    try:
        env.globals["ui"] = escaping.ui_strings(strings.load(project, language))
    except yamlfile.YamlError as error:
        raise PluginError(f"{error.format(project.root)} (run 'python -m rights_guide check' "
                          "for every problem)") from error
    env.globals["ui_fill"] = escaping.fill
    env.globals["ui_language"] = language
    env.globals["ui_language_facts"] = project.language_table().get(language)
    env.globals["site_languages"] = project.languages()
    env.globals["default_language"] = default
    env.globals["page_url"] = lambda path, code=language: page_url(path, code, default)
    env.globals["search_worker"] = material.search_worker()
    env.globals["print_attribute"] = print_attribute
    return env
