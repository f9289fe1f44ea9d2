"""`make serve PREVIEW=<code>`: build only that language and the default one
(rights_guide/build/i18n.py)."""

from mkdocs.plugins import event_priority

from rights_guide.build import i18n


# Before static-i18n's own on_config (-100) reads which languages to build.
@event_priority(100)
def on_config(config):
    i18n.restrict_to_preview(config)
    return config
