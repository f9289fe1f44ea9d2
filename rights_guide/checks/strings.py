"""UI strings checks: every language's file against the English one."""

from __future__ import annotations

from rights_guide.checks.readable import from_yaml_error
from rights_guide.model import yamlfile
from rights_guide.model.project import Project
from rights_guide.model.strings import PLACEHOLDER, flatten, strings_path, wanted_keys
from rights_guide.problems import WARNING, Problem


def check(project: Project) -> list[Problem]:
    # One pass over each strings file, rule after rule, so each problem keeps its line: long, not deep.
    problems: list[Problem] = []
    default = project.default_language()
    source_path = strings_path(project, default)
    if not source_path.exists():
        return [Problem(source_path, 1, "ui-file-missing",
                        f"the {default} strings file, the schema for every language, is missing.",
                        f"create {source_path.name} with every UI string in {default}.")]
    try:
        source_values, _ = flatten(yamlfile.load(source_path))
    except yamlfile.YamlError as error:
        return [from_yaml_error(error, "ui-yaml")]

    for language in project.languages():
        path = strings_path(project, language.code)
        if language.code == default or not path.exists():
            continue
        try:
            file = yamlfile.load(path)
        except yamlfile.YamlError as error:
            problems.append(from_yaml_error(error, "ui-yaml"))
            continue
        if not isinstance(file.data, dict):
            problems.append(Problem(path, 1, "ui-yaml", "the file is not a mapping of keys to text.",
                                    f"copy the structure of {source_path.name}."))
            continue
        values, lines = flatten(file)
        for key, value in values.items():
            line = lines[key]
            if key not in source_values:
                problems.append(Problem(path, line, "ui-unknown-key",
                                        f"key '{key}' does not exist in {source_path.name}.",
                                        f"fix the spelling to match a key in {source_path.name}, or delete the line."))
                continue
            if value is None or value == "":
                continue  # not translated yet: reported below as missing
            if not isinstance(value, str):
                problems.append(Problem(path, line, "ui-not-text",
                                        f"key '{key}' must be text, found {type(value).__name__}.",
                                        "write the translation as one line of text in quotes."))
                continue
            expected = sorted(set(PLACEHOLDER.findall(str(source_values[key]))))
            found = sorted(set(PLACEHOLDER.findall(value)))
            if expected != found:
                problems.append(Problem(path, line, "ui-placeholder",
                                        f"key '{key}' has placeholders {found or 'none'} but English has {expected or 'none'}.",
                                        "keep every {name} from the English text exactly as it is; translate only the words around it."))
        for key in wanted_keys(source_values, project.language_table().get(language.code)):
            if not (isinstance(values.get(key), str) and values[key].strip()):
                present = key in values  # an empty "" left to translate, as new-language writes it
                problems.append(Problem(path, lines[key] if present else 1, "ui-missing-key",
                                        f"key '{key}' is not translated; readers see the English text.",
                                        (f"translate it on this line: {source_values[key]!r}." if present else
                                         f"add '{key}' with a translation of: {source_values[key]!r}."),
                                        severity=WARNING))
    return problems
