"""Everything the build knows about mkdocs-static-i18n (1.3.1), in one place.

static-i18n runs one full MkDocs build per language: the default language's
build first, then, from inside its `on_post_build` (priority -100), one
nested build per other language. Hooks therefore see every event once per
language; `nested_build` tells them whether a language build is one of the
nested ones, and `after_last_language` whether the whole site is written.

Also here, because they touch static-i18n's internals:
- language codes with three letters or a script subtag (ckb, zh-Hant),
  which static-i18n's validation refuses although its build handles them;
- a faster, equivalent `reconfigure_files_alternates`;
- `make serve PREVIEW=<code>`: only that language (and the default) is built.
Leaving static-i18n means rewriting this file (and hooks that call it).
"""

from __future__ import annotations

import os
import re
import types
from importlib.metadata import PackageNotFoundError, version

from mkdocs.exceptions import PluginError

CHECKED_VERSIONS = {"1.3.1"}
PREVIEW_VARIABLE = "RG_PREVIEW_LANGUAGE"
# BCP 47 as the site uses it (rights_guide.model.languages.CODE), plus static-i18n's own forms.
LOCALE = re.compile(r"^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-[A-Z]{2})?$|^[a-z]{2}_[A-Z]{2}$")


def plugin(config):
    return config.plugins.get("i18n")


def build_language(config) -> str:
    """The language being built (static-i18n switches it in its own events, so read it late)."""
    i18n = plugin(config)
    return getattr(i18n, "current_language", None) or config.theme["language"]


def default_language(config) -> str:
    i18n = plugin(config)
    return getattr(i18n, "default_language", None) or config.theme["language"]


def built_languages(config) -> list[str]:
    """Default language first, then the others static-i18n builds, in its order."""
    i18n = plugin(config)
    default = default_language(config)
    if i18n is None:
        return [default]
    return [default] + [code for code in i18n.build_languages if code != default]


def nested_build(config) -> bool:
    """True inside one of the per-language builds static-i18n starts from the default one."""
    return bool(getattr(plugin(config), "building", False))


def after_last_language(config) -> bool:
    """True in the default build's on_post_build after static-i18n built every other language
    (call it from an on_post_build with a priority below -100)."""
    return not nested_build(config)


def accept_bcp47_codes() -> None:
    """Let static-i18n take codes like `ckb` and `zh-Hant`: its validation pattern
    allows two letters only, though its folder layout works with any folder name."""
    from mkdocs_static_i18n import config as i18n_config
    from mkdocs_static_i18n import folder, suffix

    for module in (i18n_config, folder, suffix):
        module.RE_LOCALE = LOCALE


def restrict_to_preview(config) -> None:
    """RG_PREVIEW_LANGUAGE=fi: build only Finnish and the default language (for
    untranslated pages, at the published addresses). static-i18n's own
    `build_only_locale` builds the language alone at the root, which breaks
    every link to an untranslated page under --strict."""
    chosen = os.environ.get(PREVIEW_VARIABLE, "").strip()
    i18n = plugin(config)
    if not chosen or i18n is None or i18n.building:
        return
    codes = [language.locale for language in i18n.config.languages]
    if chosen not in codes:
        raise PluginError(f"{PREVIEW_VARIABLE}={chosen}: not a language of this site. Fix: use "
                          f"one of {', '.join(codes)} (make serve PREVIEW=fi), or leave it unset.")
    for language in i18n.config.languages:
        language.build = language.default or language.locale == chosen


def previewed_languages(config) -> set[str] | None:
    """The languages a preview builds, or None for a full build."""
    i18n = plugin(config)
    if i18n is None or not os.environ.get(PREVIEW_VARIABLE, "").strip():
        return None
    return {language.locale for language in i18n.config.languages if language.build}


# static-i18n records, for every page, which file is that page in each
# language. Its `reconfigure_files_alternates` makes a File for every candidate
# for every language and page: languages cubed for the site. A candidate's
# language depends only on its path, so here it is worked out once per file
# per build, and a File is made only for the one kept. Same result, same order
# (tests/build/test_i18n.py compares it with static-i18n's own method).
_locales: dict[tuple, str] = {}


def reconfigure_files_alternates(self, i18n_src_uris, i18n_alternate_src_uris, mkdocs_config,
                                 create_i18n_file):
    """Drop-in for static-i18n's ExtendedPlugin.reconfigure_files_alternates (1.3.1)."""
    default = self.default_language
    languages = self.all_languages

    def locale(file) -> str:
        key = (create_i18n_file.__module__, file.src_path, default, tuple(languages))
        if key not in _locales:
            probe = create_i18n_file(file, default, default, languages, mkdocs_config)
            _locales[key] = probe.locale
        return _locales[key]

    def made(file, build_lang):
        return create_i18n_file(file, build_lang, default, languages, mkdocs_config)

    for build_lang in sorted(self.build_languages):
        for i18n_src_uri, i18n_file in i18n_src_uris.items():
            if build_lang in i18n_file.alternates:
                continue
            candidates = i18n_alternate_src_uris.get(i18n_src_uri, [])
            own = next((file for file in candidates if locale(file) == build_lang), None)
            if own is not None:
                i18n_file.alternates[build_lang] = made(own, build_lang)
            elif self.config.fallback_to_default is True:
                fallback = next((file for file in candidates if locale(file) == default), None)
                if fallback is not None:
                    i18n_file.alternates[build_lang] = made(fallback, build_lang)
                elif locale(i18n_file) == default:
                    i18n_file.alternates[build_lang] = made(i18n_file, build_lang)


def checked_version() -> bool:
    try:
        return version("mkdocs-static-i18n") in CHECKED_VERSIONS
    except PackageNotFoundError:
        return False


def speed_up_alternates(config) -> None:
    """Install the linear alternates method on the version it was checked against."""
    i18n = plugin(config)
    if not nested_build(config):
        _locales.clear()  # a new top-level build (`mkdocs serve` rebuilds in the same process)
    if i18n is not None and checked_version() and not isinstance(
            i18n.__dict__.get("reconfigure_files_alternates"), types.MethodType):
        i18n.reconfigure_files_alternates = types.MethodType(reconfigure_files_alternates, i18n)
