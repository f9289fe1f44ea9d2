"""Compile each theme template once, and list the theme's files once, for all languages.

static-i18n runs one full MkDocs build per language, and each build makes a
fresh Jinja environment, so every template (Material's and overrides/) was
compiled again for every language, and MkDocs walked Material's theme folder
(thousands of icon files) again to find the files to copy: together about 40%
of a build. The Jinja environment stays per language (UI strings,
translations and globals differ); what is shared is language-independent:

- compiled template code, in a Jinja bytecode cache held in memory (so the
  other languages, and `mkdocs serve` rebuilds in the same process, reuse
  it) and on disk (so the next build skips compiling too). Jinja checks the
  template source's checksum, so an edited template is compiled again;
  the key also covers the settings that change compiled code.
- the filtered list of theme files, within one top-level build (a new build,
  such as a `mkdocs serve` rebuild, lists them again and sees new files).

The disk cache lives in `.cache/build/` next to mkdocs.yml (gitignored; safe
to delete at any time); `RG_BUILD_CACHE=DIR` moves it and `RG_BUILD_CACHE=off`
keeps it in memory only. Output is byte for byte the same as without this hook.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from collections import Counter
from pathlib import Path

import jinja2
from jinja2.bccache import Bucket, BytecodeCache
from mkdocs.plugins import event_priority

from rights_guide.build.cache import cache_root


def compile_settings(env: jinja2.Environment) -> str:
    """What, besides a template's own source, decides the code Jinja compiles from it."""
    def passes(functions: dict) -> list:
        # A filter or test marked pass_context/pass_environment is called differently.
        return sorted((name, str(getattr(function, "jinja_pass_arg", "")))
                      for name, function in functions.items())

    return repr((
        jinja2.__version__, sorted(env.extensions), passes(env.filters), passes(env.tests),
        env.block_start_string, env.block_end_string, env.variable_start_string,
        env.variable_end_string, env.comment_start_string, env.comment_end_string,
        env.line_statement_prefix, env.line_comment_prefix,
        env.trim_blocks, env.lstrip_blocks, env.newline_sequence, env.keep_trailing_newline,
        env.optimized, env.is_async, repr(env.autoescape), env.finalize is not None,
        getattr(env, "newstyle_gettext", None), env.code_generator_class.__qualname__,
    ))


class SharedBytecodeCache(BytecodeCache):
    """Compiled templates in memory, backed by files in `directory` (if given).

    `compiled` counts, per template name, how often Jinja had to compile it;
    `reused` how many loads the cache served."""

    def __init__(self, directory: Path | None):
        self.directory = directory
        self.memory: dict[str, tuple[str, object]] = {}  # key -> (source checksum, code)
        self.names: dict[str, str] = {}  # key -> template name
        self.compiled: Counter[str] = Counter()
        self.reused = 0

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        settings = compile_settings(environment)
        key = hashlib.sha1(f"{settings}|{name}|{filename}".encode("utf-8")).hexdigest()
        self.names[key] = name
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        remembered = self.memory.get(bucket.key)
        if remembered and remembered[0] == bucket.checksum:
            bucket.code = remembered[1]
        elif self.directory is not None:
            try:
                data = (self.directory / f"{bucket.key}.jinja").read_bytes()
            except OSError:
                data = None
            if data:
                bucket.bytecode_from_string(data)  # drops it if Python, Jinja or the source differ
                if bucket.code is not None:
                    self.memory[bucket.key] = (bucket.checksum, bucket.code)
        if bucket.code is not None:
            self.reused += 1

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.compiled[self.names.get(bucket.key, bucket.key)] += 1
        self.memory[bucket.key] = (bucket.checksum, bucket.code)
        if self.directory is None:
            return
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            # Write then rename: two builds at once never read half a file.
            with tempfile.NamedTemporaryFile(dir=self.directory, suffix=".tmp",
                                             delete=False) as file:
                file.write(bucket.bytecode_to_string())
            os.replace(file.name, self.directory / f"{bucket.key}.jinja")
        except OSError:
            pass  # a read-only checkout still builds, only slower


# Module state lives as long as the process: MkDocs loads a hook file once, so
# `mkdocs serve` rebuilds keep it.
_caches: dict[Path | None, SharedBytecodeCache] = {}
_theme_files: dict[tuple, list[str]] = {}


def bytecode_cache(config) -> SharedBytecodeCache:
    root = cache_root(config.config_file_path)
    directory = root / "jinja" if root is not None else None
    if directory not in _caches:
        _caches[directory] = SharedBytecodeCache(directory)
    return _caches[directory]


def _caching_get_env(theme, config, get_env):
    def get_env_with_caches() -> jinja2.Environment:
        env = get_env()
        env.bytecode_cache = bytecode_cache(config)
        list_templates = env.list_templates

        def cached_list_templates(extensions=None, filter_func=None):
            # MkDocs asks this once per language build, with the same filter, to find
            # the theme files to copy; the answer only depends on these.
            key = (tuple(env.loader.searchpath), tuple(extensions or ()),
                   getattr(filter_func, "__code__", filter_func),
                   tuple(sorted(theme.static_templates)))
            if key not in _theme_files:
                _theme_files[key] = list_templates(extensions=extensions, filter_func=filter_func)
            return list(_theme_files[key])

        env.list_templates = cached_list_templates
        return env

    get_env_with_caches.rights_guide_caching = True
    return get_env_with_caches


# Runs in every language build (same config object); before anything makes a Jinja environment.
@event_priority(100)
def on_config(config):
    i18n = config.plugins.get("i18n")
    if not getattr(i18n, "building", False):
        _theme_files.clear()  # a new top-level build: theme files may have been added
    theme = config.theme
    if not getattr(theme.get_env, "rights_guide_caching", False):
        theme.get_env = _caching_get_env(theme, config, theme.get_env)
    return config
