"""Every value the templates write is escaped once, here, where it enters them.

MkDocs' Jinja environment does not escape (its `autoescape` is off, and
Material's templates rely on that for `page.content`). So text from files
contributors edit becomes `markupsafe.Markup` holding its escaped form before
any template sees it:

- the UI strings (`ui.<key>`, data/strings/<lang>.yml): `ui_strings`;
- a page's front matter (`page.meta`: title, description, sources), which
  Material's templates write too (`<title>`, `<meta name="description">`)
  and search shows as HTML: `front_matter`;
- the language names the language lists show: `text`.

A template then writes `{{ ui.x }}` or `{{ page.meta.description }}` as it
is, in an element or an attribute; `| e` on such a value changes nothing.
HTML a template builds itself is Markup too (`'<time>%s</time>' | safe |
format(value)` escapes `value`), and `ui_fill` (`fill`) escapes every other
value it puts into a string. Quotes are escaped, so `data-*="{{ ui.x }}"`
is safe. Contact facts are validated by the check and written with `| e`
by the card (partials/contact-card.html).
"""

from __future__ import annotations

from markupsafe import Markup, escape

from rights_guide.model.strings import PLACEHOLDER


def text(value):
    """`value` with every string in it (also inside lists and mappings) escaped, once."""
    if isinstance(value, Markup):
        return value
    if isinstance(value, str):
        return escape(value)
    if isinstance(value, dict):
        return {key: text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [text(item) for item in value]
    return value


def ui_strings(values: dict[str, str]) -> dict[str, Markup]:
    return {key: escape(value) for key, value in values.items()}


def front_matter(meta: dict) -> dict:
    return text(meta)


def fill(template: str, **values: object) -> Markup:
    """`ui_fill`: the string with its `{name}` placeholders filled; a value that is
    not Markup is escaped. Unknown placeholders stay visible rather than vanish."""
    return Markup(PLACEHOLDER.sub(lambda m: str(escape(values[m.group(1)])) if m.group(1) in values else m.group(0),
                                  str(escape(template))))
