"""The `rights-guide` MkDocs plugin: listed first under `plugins:` in mkdocs.yml.

It exists for one thing hooks cannot do: hooks load after every plugin's
configuration is validated, and static-i18n's validation refuses language
codes with three letters or a script subtag (ckb, zh-Hant). Importing this
module, which MkDocs does before it validates the plugins listed after it,
widens that pattern (build/i18n.py). All other build work is in hooks/.
"""

from mkdocs.plugins import BasePlugin

from rights_guide.build import i18n

i18n.accept_bcp47_codes()


class RightsGuidePlugin(BasePlugin):
    """No events: see the module's docstring."""
