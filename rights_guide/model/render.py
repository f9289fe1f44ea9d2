"""A page's Markdown rendered to HTML the way the site renders it: the
`markdown_extensions` of mkdocs.yml (with the three MkDocs always adds), read
with the project's YAML reader and run by the `markdown` library, without
MkDocs. So the checks compare what a reader gets (a box that is collapsed, a
list that became a paragraph, a comment that hides a card), not only the source.

Contact markers stay placeholders: `[[contact: id]]` becomes a plain word the
HTML reader turns back into the marker, wherever it ended up (a paragraph of
its own, a sentence, inline code, a comment)."""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from pathlib import Path

import markdown as markdown_library
import yaml

from rights_guide.model import yamlfile
from rights_guide.model.contacts import MARKER
from rights_guide.model.project import Project

# MkDocs adds these to every site's list (mkdocs/config/defaults.py, builtins).
MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")
# The Python objects mkdocs.yml may name with `!!python/object/apply:`; any other
# such tag is read as nothing (yamlfile's loader), never run.
PYTHON_OBJECTS = ("pymdownx.slugs.slugify",)
PLACEHOLDER = "xrgmarker{}x"


class _ConfigLoader(yamlfile._ConfigLoader):
    """The project's YAML loader, which also builds the allowed Python objects."""


def _apply(loader, node):
    """`!!python/object/apply:module.name` with `args` and `kwds`: call the named function."""
    module, _, name = node.tag.rsplit(":", 1)[1].rpartition(".")
    target = getattr(importlib.import_module(module), name)
    if isinstance(node, yaml.MappingNode):
        spec = loader.construct_mapping(node, deep=True)
        return target(*spec.get("args", ()), **spec.get("kwds", {}))
    return target(*loader.construct_sequence(node, deep=True))


for _name in PYTHON_OBJECTS:
    _ConfigLoader.add_constructor(f"tag:yaml.org,2002:python/object/apply:{_name}", _apply)


def read_config(path: Path) -> dict:
    loader = _ConfigLoader(path.read_text(encoding="utf-8"))
    try:
        data = loader.get_single_data()
    finally:
        loader.dispose()
    return data if isinstance(data, dict) else {}


def extensions(config: dict) -> tuple[list[str], dict[str, dict]]:
    """Extension names in MkDocs' order (its builtins first) and their settings."""
    names = list(MKDOCS_BUILTINS)
    settings: dict[str, dict] = {}
    for entry in config.get("markdown_extensions") or []:
        name, options = next(iter(entry.items())) if isinstance(entry, dict) else (str(entry), None)
        if name not in names:
            names.append(name)
        if options:
            settings[name] = dict(options)
    return names, settings


@dataclass
class Rendered:
    html: str
    markers: list[str]  # the marker each placeholder stands for, by number


class Renderer:
    """One Markdown converter with the site's extensions, reused page after page."""

    def __init__(self, project: Project):
        names, settings = extensions(read_config(project.config_path))
        self.converter = markdown_library.Markdown(extensions=names, extension_configs=settings)
        self._cache: dict[str, Rendered] = {}

    def render(self, body: str) -> Rendered:
        """HTML of a page body (the text after the front matter), markers as placeholders."""
        if body not in self._cache:
            markers: list[str] = []

            def placeholder(match):
                markers.append(f"[[{match.group(1)}:{match.group(2)}]]")
                return PLACEHOLDER.format(len(markers) - 1)

            self.converter.reset()
            html = self.converter.convert(MARKER.sub(placeholder, body))
            self._cache[body] = Rendered(html, markers)
        return self._cache[body]


_renderers: dict[tuple[Path, int], Renderer] = {}


def renderer(project: Project) -> Renderer:
    """The project's renderer, made once per version of mkdocs.yml."""
    key = (project.config_path.resolve(), project.config_path.stat().st_mtime_ns)
    if key not in _renderers:
        _renderers[key] = Renderer(project)
    return _renderers[key]
