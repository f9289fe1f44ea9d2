"""`make serve PREVIEW=fi`: build one language only, so a preview rebuilds quickly.

RG_PREVIEW_LANGUAGE=fi leaves every other language out of the build, except
the default language (English): a page not translated yet is then served in
English with the notice readers get, and links to it work, as on the
published site. (static-i18n's own `build_only_locale` builds the language
alone, at the root, so every link to an untranslated page is broken and
`--strict` stops the preview.) RG_PREVIEW_LANGUAGE=en builds English alone.
Unset or empty, every language is built.
"""

import os

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

PREVIEW_VARIABLE = "RG_PREVIEW_LANGUAGE"


# Before static-i18n (priority -100) reads which languages to build.
@event_priority(100)
def on_config(config):
    chosen = os.environ.get(PREVIEW_VARIABLE, "").strip()
    i18n = config.plugins.get("i18n")
    if not chosen or i18n is None or i18n.building:
        return config
    codes = [language.locale for language in i18n.config.languages]
    if chosen not in codes:
        raise PluginError(f"{PREVIEW_VARIABLE}={chosen}: not a language of this site. Fix: use "
                          f"one of {', '.join(codes)} (make serve PREVIEW=fi), or leave it unset.")
    for language in i18n.config.languages:
        language.build = language.default or language.locale == chosen
    return config
