"""UI strings: one YAML file per language in data/strings/, English as schema and fallback.

Nested mappings are flattened to dotted keys (`contacts.nas.purpose`), so the
check and the templates speak of one key the same way.
"""

from __future__ import annotations

import re
from pathlib import Path

from rights_guide.model import yamlfile
from rights_guide.model.project import Project

PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")
# Markup that text values (strings, contact data) must not hold: they are shown as text.
TAG = re.compile(r"</?[a-zA-Z!?]")
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[a-zA-Z][a-zA-Z0-9]*);")
MARKDOWN_LINK = re.compile(r"\]\(")


# Material's own texts (`material.*` in the strings files): asked of a language only where
# Material has no button texts for it (no `material:` in data/languages.yml).
MATERIAL_TEXTS = "material."


def wanted_keys(keys, facts) -> list[str]:
    """The English keys a language is asked to translate: all, but Material's own texts only
    where Material lacks the language (`facts` is its row in data/languages.yml)."""
    own = facts is None or not facts.material
    return [key for key in keys if own or not key.startswith(MATERIAL_TEXTS)]


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


def markup(text: str) -> str | None:
    """The HTML in `text`, described ("an HTML tag ('<meta http-e...')"), or None."""
    for pattern, what in ((TAG, "an HTML tag"), (ENTITY, "an HTML entity")):
        match = pattern.search(text)
        if match:
            return f"{what} ({text[match.start():match.start() + 12]!r}...)"
    return None


def fill(template: str, **values: object) -> str:
    """Plain text with `{name}` placeholders filled (for PDF properties and the like; templates
    use build/escaping.py's `fill`, which escapes). Unknown ones stay visible rather than vanish."""
    return PLACEHOLDER.sub(lambda m: str(values.get(m.group(1), m.group(0))), template)
