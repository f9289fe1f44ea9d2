"""UI strings: one YAML file per language in data/strings/, English as schema and fallback.

Nested mappings are flattened to dotted keys (`contacts.nas.purpose`), so the
check and the templates speak of one key the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

from scripts import yamlfile
from scripts.problems import ERROR, WARNING, Problem
from scripts.project import Project

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


def strings_path(project: Project, code: str) -> Path:
    return project.strings_dir / f"{code}.yml"


def flatten(file: yamlfile.YamlFile) -> tuple[dict[str, object], dict[str, int]]:
    """Dotted key -> value, and dotted key -> line."""
    values: dict[str, object] = {}
    lines: dict[str, int] = {}

    def walk(node, keys: tuple):
        if isinstance(node, dict):
            for key, value in node.items():
                walk(value, (*keys, str(key)))
        else:
            dotted = ".".join(keys)
            values[dotted] = node
            lines[dotted] = file.line(*keys)

    if isinstance(file.data, dict):
        walk(file.data, ())
    return values, lines


def load(project: Project, code: str) -> dict[str, str]:
    """Strings for one language, English filling every gap. Raises YamlError on bad YAML."""
    default = project.default_language()
    merged: dict[str, str] = {}
    for language in dict.fromkeys([default, code]):
        path = strings_path(project, language)
        if path.exists():
            values, _ = flatten(yamlfile.load(path))
            merged.update({k: str(v) for k, v in values.items() if isinstance(v, str) and v.strip()})
    return merged


def fill(template: str, **values: object) -> str:
    """Fill `{name}` placeholders; unknown ones stay visible rather than vanish."""
    return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), template)


def check(project: Project) -> list[Problem]:
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
        return [Problem(error.path, error.line, "ui-yaml", error.message,
                        "correct the YAML syntax (quote text that contains ': ' or starts with a symbol).")]

    for language in project.languages():
        path = strings_path(project, language.code)
        if language.code == default or not path.exists():
            continue
        try:
            file = yamlfile.load(path)
        except yamlfile.YamlError as error:
            problems.append(Problem(error.path, error.line, "ui-yaml", error.message,
                                    "correct the YAML syntax (quote text that contains ': ' or starts with a symbol)."))
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
        for key in source_values:
            if not (isinstance(values.get(key), str) and values[key].strip()):
                problems.append(Problem(path, 1, "ui-missing-key",
                                        f"key '{key}' is not translated; readers see the English text.",
                                        f"add '{key}' with a translation of: {source_values[key]!r}.",
                                        severity=WARNING))
    return problems
