"""A streaming rewrite of built HTML: drop elements, change attributes, add after a tag.

Python's html.parser reads the page. Whatever is not dropped or changed is
written back as it was read (entities, quoting), so an untouched part stays
byte for byte. Comments are dropped. A dropped element ends at the end tag
that balances its start tag, counting only tags of its own name, so an
unclosed <p> or <li> inside it cannot end it early. build/offline.py uses it.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from html.parser import HTMLParser

VOID = frozenset("area base br col embed hr img input link meta source track wbr".split())

Attributes = dict[str, str | None]
# (tag, attributes) -> drop the element?
Drop = Callable[[str, Attributes], bool]
# (tag, attributes) -> new attributes, or None to keep the tag as written
Change = Callable[[str, Attributes], Attributes | None]
# (tag, attributes) -> HTML to write right after the start tag, or ""
After = Callable[[str, Attributes], str]


def start_tag(tag: str, attributes: Attributes, closed: bool = False) -> str:
    parts = [tag] + [name if value is None else f'{name}="{html.escape(value, quote=True)}"'
                     for name, value in attributes.items()]
    return "<" + " ".join(parts) + (" />" if closed else ">")


class Rewriter(HTMLParser):
    def __init__(self, drop: Drop | None = None, change: Change | None = None, after: After | None = None):
        super().__init__(convert_charrefs=False)
        self.drop = drop or (lambda tag, attributes: False)
        self.change = change or (lambda tag, attributes: None)
        self.after = after or (lambda tag, attributes: "")
        self.out: list[str] = []
        self.dropping: str | None = None  # the tag name of the element being dropped
        self.depth = 0

    def _start(self, tag: str, pairs: list, raw: str, closed: bool) -> None:
        opens = not closed and tag not in VOID
        if self.dropping is not None:
            self.depth += opens and tag == self.dropping
            return
        attributes = dict(pairs)
        if self.drop(tag, attributes):
            if opens:
                self.dropping, self.depth = tag, 1
            return
        changed = self.change(tag, attributes)
        self.out.append(raw if changed is None else start_tag(tag, changed, closed))
        self.out.append(self.after(tag, attributes))

    def handle_starttag(self, tag, attrs):
        self._start(tag, attrs, self.get_starttag_text(), closed=False)

    def handle_startendtag(self, tag, attrs):
        self._start(tag, attrs, self.get_starttag_text(), closed=True)

    def handle_endtag(self, tag):
        if self.dropping is not None:
            if tag == self.dropping:
                self.depth -= 1
                if self.depth == 0:
                    self.dropping = None
            return
        self.out.append(f"</{tag}>")

    def _text(self, text: str) -> None:
        if self.dropping is None:
            self.out.append(text)

    def handle_data(self, data):
        self._text(data)

    def handle_entityref(self, name):
        self._text(f"&{name};")

    def handle_charref(self, name):
        self._text(f"&#{name};")

    def handle_decl(self, decl):
        self._text(f"<!{decl}>")

    def handle_comment(self, data):
        pass


def rewrite(text: str, drop: Drop | None = None, change: Change | None = None, after: After | None = None) -> str:
    rewriter = Rewriter(drop, change, after)
    rewriter.feed(text)
    rewriter.close()
    return "".join(rewriter.out)


def has_class(attributes: Attributes, name: str) -> bool:
    return name in (attributes.get("class") or "").split()
