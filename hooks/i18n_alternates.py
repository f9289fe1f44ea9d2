"""static-i18n's page alternates, found in time linear in the number of languages.

For every page, static-i18n records which file is that page in each language
(the sitemap's hreflang links and Material's language switcher read it). Its
`reconfigure_files_alternates` makes a new File for every candidate it looks
at, for every language and page: languages squared times pages in each
language build, languages cubed for the site. At 16 languages that is about a
quarter of a stock build.

A candidate's language depends only on its path, not on the language being
built, so here it is worked out once per file for the whole build, and a File
is made only for the one that is kept. The result is the same alternates, in
the same order.

Only installed on the static-i18n version it was checked against (tests check
the result against static-i18n's own method); on any other version the stock
method runs.
"""

from __future__ import annotations

import types
from importlib.metadata import version

from mkdocs.plugins import event_priority

CHECKED_VERSIONS = {"1.3.1"}

# File path -> its language, for one top-level build (all its language builds).
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


def installable() -> bool:
    try:
        return version("mkdocs-static-i18n") in CHECKED_VERSIONS
    except Exception:
        return False


# Before static-i18n's on_files (it calls the method there), in every language build.
@event_priority(100)
def on_config(config):
    i18n = config.plugins.get("i18n")
    if not getattr(i18n, "building", False):
        _locales.clear()  # a new top-level build (`mkdocs serve` rebuilds in the same process)
    if i18n is not None and installable() and not isinstance(
            i18n.__dict__.get("reconfigure_files_alternates"), types.MethodType):
        i18n.reconfigure_files_alternates = types.MethodType(reconfigure_files_alternates, i18n)
    return config
