"""YAML loading that remembers the line of every key, so problems can name it.

Every way a file can fail to load is a YamlError with a line, never a
traceback: bytes that are not UTF-8 (kind "encoding"), an impossible date such
as 2026-02-30 (kind "date"), and YAML that does not parse (kind "yaml")."""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from rights_guide.model import textfile

# A data file here holds a few hundred values; aliases (*name) that repeat a
# part can make a short file expand to billions, which no reader should walk.
MAX_VALUES = 100_000


class _ConfigLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """Safe loader (libyaml's C parser where installed) that tolerates the `!!python/...` tags mkdocs.yml uses."""


def _ignore_python_tag(loader, suffix, node):
    return None


def _timestamp(loader, node):
    try:
        return yaml.constructor.SafeConstructor.construct_yaml_timestamp(loader, node)
    except ValueError:
        raise yaml.constructor.ConstructorError(
            None, None, f"date:{_impossible_date(str(node.value))}", node.start_mark) from None


def _impossible_date(value: str) -> str:
    """Why `value` (YYYY-MM-DD...) is not a date, in words."""
    year, month, day = (int(part) for part in value[:10].replace("_", "-").split("-")[:3])
    if not 1 <= month <= 12:
        return f"{value} is not a real date: there is no month {month}."
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        return f"{value} is not a real date: {calendar.month_name[month]} {year} has {days} days."
    return f"{value} is not a real date or time."


_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_python_tag)
_ConfigLoader.add_multi_constructor("!", _ignore_python_tag)
_ConfigLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


class YamlError(Exception):
    def __init__(self, path: Path, line: int, message: str, kind: str = "yaml"):
        super().__init__(f"{path}:{line}: {message}")
        self.path = path
        self.line = line
        self.message = message
        self.kind = kind  # "yaml", "encoding" or "date"

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


def _children(node) -> list:
    if isinstance(node, yaml.MappingNode):
        return [child for pair in node.value for child in pair]
    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    return []


def _expanded_size(root) -> int:
    """How many values the document has once aliases are expanded; linear in its nodes."""
    sizes: dict[int, int] = {}
    stack = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        if id(node) in sizes:
            continue
        children = _children(node)
        if children_done:
            sizes[id(node)] = min(MAX_VALUES + 1, 1 + sum(sizes.get(id(child), 0) for child in children))
        else:
            stack.append((node, True))
            stack.extend((child, False) for child in children if id(child) not in sizes)
    return sizes[id(root)]


def _record_lines(root, lines: dict) -> None:
    stack = [(root, ())]
    while stack:
        node, prefix = stack.pop()
        if isinstance(node, yaml.MappingNode):
            # A key is text; a complex key (`? [a, b]`) is named by its line, never used as a dict key.
            pairs = [((*prefix, key.value if isinstance(key, yaml.ScalarNode) else f"<key on line {key.start_mark.line + 1}>"),
                      key, value) for key, value in node.value]
        elif isinstance(node, yaml.SequenceNode):
            pairs = [((*prefix, index), item, item) for index, item in enumerate(node.value)]
        else:
            continue
        for key, mark_node, child in pairs:
            lines[key] = mark_node.start_mark.line + 1
            stack.append((child, key))


def _compose(text: str, path: Path):
    loader = _ConfigLoader(text)
    try:
        node = loader.get_single_node()
        if node is not None and _expanded_size(node) > MAX_VALUES:
            raise YamlError(path, 1, f"the file expands to more than {MAX_VALUES} values "
                                     "(an alias * repeats a part too often).")
        data = loader.construct_document(node) if node is not None else None
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        problem = str(error.problem or error)
        if problem.startswith("date:"):
            raise YamlError(path, line, problem[len("date:"):], kind="date") from None
        raise YamlError(path, line, f"YAML does not parse: {problem.rstrip('.')}.") from error
    except yaml.YAMLError as error:
        raise YamlError(path, 1, f"YAML does not parse: {str(error).rstrip('.')}.") from error
    except RecursionError:
        raise YamlError(path, 1, "YAML does not parse: it is nested too deeply.") from None
    finally:
        loader.dispose()
    return node, data


def load_text(text: str, path: Path) -> YamlFile:
    node, data = _compose(text, path)
    lines: dict[tuple, int] = {}
    if node is not None:
        _record_lines(node, lines)
    return YamlFile(path=path, data=data, lines=lines)


def decode(data: bytes, path: Path) -> str:
    """The file's text; bytes that are not UTF-8 are a YamlError of kind "encoding"."""
    try:
        return textfile.decode(data, path)
    except textfile.NotUtf8 as error:
        raise YamlError(path, error.line, error.message, kind="encoding") from None


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
        cached = (version, load_text(decode(path.read_bytes(), path), path))
        _cache[path] = cached
    return cached[1]
