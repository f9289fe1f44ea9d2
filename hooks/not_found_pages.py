"""A 404 page per language, and the default language's at the root.

Every language build writes its 404 page to the site root, so the root copy
would end up in the last language built. As each one is written, it is moved
to /<lang>/404.html and the default language's page is put back.
"""

from pathlib import Path

from mkdocs.plugins import event_priority

_default_404: dict[str, bytes] = {}


# Runs in every language build, before static-i18n (priority -100) starts the next one.
@event_priority(100)
def on_post_build(config):
    i18n = config.plugins.get("i18n")
    root_404 = Path(config.site_dir) / "404.html"
    if i18n is None or not root_404.exists():
        return
    if i18n.current_language == i18n.default_language:
        _default_404["html"] = root_404.read_bytes()
        return
    language_dir = root_404.parent / i18n.current_language
    language_dir.mkdir(exist_ok=True)
    (language_dir / "404.html").write_bytes(root_404.read_bytes())
    if "html" in _default_404:
        root_404.write_bytes(_default_404["html"])
