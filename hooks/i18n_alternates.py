"""Build speed only: static-i18n's page alternates found in linear time
(rights_guide/build/i18n.py); the site is byte for byte the same without it."""

from mkdocs.plugins import event_priority

from rights_guide.build import i18n


# Before static-i18n's on_files (it finds the alternates there), in every language build.
@event_priority(100)
def on_config(config):
    i18n.speed_up_alternates(config)
    return config
