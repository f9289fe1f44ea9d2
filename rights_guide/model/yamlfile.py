"""YAML loading that remembers the line of every key, so problems can name it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml


class _ConfigLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe loader (libyaml's C parser where installed) that tolerates the `!!python/...` tags mkdocs.yml uses."""


def _ignore_python_tag(loader, suffix, node):
    return None


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_python_tag)
_ConfigLoader.add_multi_constructor("!", _ignore_python_tag)


class YamlError(Exception):
    def __init__(self, path: Path, line: int, message: str):
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message

    def format(self, root: Path) -> str:
        try:
            path = Path(self.path).resolve().relative_to(root.resolve())
        except ValueError:
            path = self.path
        return f"{path}:{self.line}: {self.message}"


@dataclass
class YamlFile:
    path: Path
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, *keys) -> int:
        """Line of the deepest known key on the way to `keys` (1 if none)."""
        for end in range(len(keys), 0, -1):
            if keys[:end] in self.lines:
                return self.lines[keys[:end]]
        return 1


def _record_lines(node, prefix: tuple, lines: dict) -> None:
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            key = (*prefix, key_node.value)
            lines[key] = key_node.start_mark.line + 1
            _record_lines(value_node, key, lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            key = (*prefix, index)
            lines[key] = item.start_mark.line + 1
            _record_lines(item, key, lines)


def load_text(text: str, path: Path) -> YamlFile:
    loader = _ConfigLoader(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlError(path, line, f"YAML does not parse: {error.problem or error}") from error
    except yaml.YAMLError as error:
        raise YamlError(path, 1, f"YAML does not parse: {error}") from error
    finally:
        loader.dispose()
    lines: dict[tuple, int] = {}
    if node is not None:
        _record_lines(node, (), lines)
    return YamlFile(path=path, data=data, lines=lines)


# The build reads the same few files for every page of every language: parse each
# version of a file once. Keyed on mtime and size so `mkdocs serve` sees edits.
_cache: dict[Path, tuple[tuple[int, int], YamlFile]] = {}


def load(path: Path) -> YamlFile:
    """The parsed file. Shared between callers: treat it as read-only."""
    path = Path(path)
    stat = path.stat()
    version = (stat.st_mtime_ns, stat.st_size)
    cached = _cache.get(path)
    if cached is None or cached[0] != version:
        cached = (version, load_text(path.read_text(encoding="utf-8"), path))
        _cache[path] = cached
    return cached[1]
