"""The skeleton of a rendered page: what a reader gets, without the words.
Headings with their ids, boxes with their type and state, lists and their
items, tables, links, images, contact markers and where each ended up, and
whatever is hidden (a `hidden` or `style` attribute, a class, an HTML comment).

The HTML (model/render.py) is read with the standard library's html.parser;
model/locate.py then finds each feature's line in the Markdown source."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from rights_guide.model.render import PLACEHOLDER, Rendered

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
TOKEN = re.compile(PLACEHOLDER.format(r"(\d+)"))
ALIGNMENT = re.compile(r"^\s*text-align:\s*(left|right|center);?\s*$")  # tables' column alignment


@dataclass
class Feature:
    kind: str  # heading, box, list, table, link, image, marker, hidden
    value: str = ""  # what is compared with English
    text: str = ""  # visible text (heading, link, box title, first list item)
    section: int = 0  # headings before it (0: before the first)
    needles: tuple = ()  # text or compiled patterns that find its source line
    line: int = 0  # set by model/locate.py
    detail: dict = field(default_factory=dict)


@dataclass
class _Node:
    tag: str
    attrs: dict
    feature: Feature | None = None
    text: list = field(default_factory=list)
    markers: list = field(default_factory=list)  # markers in this paragraph: a card if alone


class _Reader(HTMLParser):
    def __init__(self, markers: list[str]):
        super().__init__(convert_charrefs=True)
        self.markers = markers
        self.features: list[Feature] = []
        self.stack: list[_Node] = []
        self.section = 0

    def add(self, kind: str, **values) -> Feature:
        feature = Feature(kind, section=self.section, **values)
        self.features.append(feature)
        return feature

    def nearest(self, *tags: str) -> _Node | None:
        return next((node for node in reversed(self.stack) if node.tag in tags), None)

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_starttag(self, tag, attrs):
        attrs = {name.lower(): value or "" for name, value in attrs}
        _hidden(self, tag, attrs)
        box = self.stack[-1].feature if self.stack and self.stack[-1].feature is not None else None
        if box is not None and box.kind == "box" and not _is_title(tag, attrs):
            box.detail["body"].append(tag)
        node = _Node(tag, attrs, _start_feature(self, tag, attrs))
        if tag == "li" and (parent := self.nearest("ul", "ol")) is not None:
            parent.feature.detail["items"] += 1
        elif tag == "tr" and (table := self.nearest("table")) is not None:
            table.feature.detail["rows"] += 1
        elif tag in ("td", "th") and (table := self.nearest("table")) is not None and table.feature.detail["rows"] == 1:
            table.feature.detail["columns"] += 1
        if tag not in VOID:
            self.stack.append(node)

    def handle_endtag(self, tag):
        if not any(node.tag == tag for node in self.stack):
            return
        while self.stack:
            node = self.stack.pop()
            _end(self, node)
            if node.tag == tag:
                return

    def handle_data(self, data):
        for node in self.stack:
            node.text.append(data)
        for match in TOKEN.finditer(data):
            code = self.nearest("code", "pre") is not None
            paragraph = self.nearest("p")
            marker = self.markers[int(match.group(1))]
            feature = self.add("marker", value=marker, needles=(_marker_pattern(marker),),
                               detail={"context": "code" if code else "text"})
            if paragraph is not None and not code:
                paragraph.markers.append(feature)

    def handle_comment(self, data):
        hidden = [self.markers[int(m.group(1))] for m in TOKEN.finditer(data)]
        headings = [line.strip() for line in data.splitlines() if re.match(r"\s*#{1,6}\s", line)]
        if headings:
            hidden.insert(0, f"a section (heading {headings[0][:40]!r})")
        what = f"an HTML comment hiding {', '.join(hidden)}" if hidden else (
            "an HTML comment hiding text" if data.strip() else "an empty HTML comment")
        self.add("hidden", value=what, needles=("<!--",), detail={"comment": True})


def _is_title(tag: str, attrs: dict) -> bool:
    return tag == "summary" or (tag == "p" and "admonition-title" in attrs.get("class", "").split())


def _start_feature(reader: _Reader, tag: str, attrs: dict) -> Feature | None:
    classes = attrs.get("class", "").split()
    if tag in HEADINGS:
        reader.section += 1
        return reader.add("heading", value=tag, detail={"id": attrs.get("id", "")})
    if (tag == "div" and "admonition" in classes) or tag == "details":
        kind = next((c for c in classes if c != "admonition"), "")
        state = "!!!" if tag == "div" else "???+" if "open" in attrs else "???"
        return reader.add("box", value=kind, needles=(re.compile(rf"^\s*(!!!|\?\?\?\+?)\s*{re.escape(kind)}\b"),
                                                      re.compile(rf"<{tag}\b[^>]*\b{re.escape(kind)}\b")),
                          detail={"state": state, "body": [], "title": None})
    if tag in ("ul", "ol"):
        return reader.add("list", value=tag, needles=(re.compile(r"^\s*([-*+]|\d+[.)])\s"), f"<{tag}"),
                          detail={"items": 0})
    if tag == "table":
        return reader.add("table", needles=(re.compile(r"^\s*\|"), "<table"), detail={"rows": 0, "columns": 0})
    if tag == "a" and "href" in attrs:
        return reader.add("link", value=attrs["href"], needles=(attrs["href"],))
    if tag == "img":
        if (link := reader.nearest("a")) is not None and link.feature is not None:
            link.feature.detail["images"] = link.feature.detail.get("images", 0) + 1
        reader.add("image", value=attrs.get("src", ""), text=attrs.get("alt", ""), needles=(attrs.get("src", ""),))
    return None


def _end(reader: _Reader, node: _Node) -> None:
    raw = " ".join("".join(node.text).split())
    text = TOKEN.sub(lambda m: reader.markers[int(m.group(1))], raw)
    feature = node.feature
    if _is_title(node.tag, node.attrs) and reader.stack and reader.stack[-1].feature is not None:
        reader.stack[-1].feature.detail["title"] = text
    for marker in node.markers:
        if TOKEN.fullmatch(raw):
            marker.detail["context"] = "card"
    if feature is None:
        return
    if feature.kind == "heading":
        feature.text = text
        feature.needles = tuple(n for n in (f"#{feature.detail['id']}", text) if n.strip("#")) + (
            re.compile(rf"^#{{{int(node.tag[1])}}}\s"), f"<{node.tag}")
    elif feature.kind in ("link", "box", "list"):
        feature.text = text
        if feature.kind == "link" and text:
            feature.needles += (text[:30],)


def _hidden(reader: _Reader, tag: str, attrs: dict) -> None:
    """Attributes that hide or restyle content."""
    for name in ("hidden", "aria-hidden", "inert"):
        if name in attrs:
            reader.add("hidden", value=f"a '{name}' attribute on <{tag}>", needles=(name,))
    style = attrs.get("style")
    if style is not None and not (tag in ("td", "th") and ALIGNMENT.match(style)):
        reader.add("hidden", value=f'style="{style}" on <{tag}>', needles=("style",))
    classes = [c for c in attrs.get("class", "").split() if not _pipeline_class(tag, c, attrs)]
    for name in classes:
        reader.add("hidden", value=f"class '{name}' on <{tag}>", needles=(name,))


def _pipeline_class(tag: str, name: str, attrs: dict) -> bool:
    """Classes the Markdown pipeline writes itself (boxes and their titles)."""
    classes = attrs.get("class", "").split()
    return (tag == "div" and "admonition" in classes) or tag == "details" or (
        tag == "p" and name == "admonition-title")


def _marker_pattern(marker: str) -> re.Pattern:
    kind, _, name = marker.strip("[]").partition(":")
    return re.compile(rf"\[\[\s*{re.escape(kind)}\s*:\s*{re.escape(name)}\s*\]\]")


def read(rendered: Rendered) -> list[Feature]:
    """The features of a rendered page, in document order."""
    reader = _Reader(rendered.markers)
    reader.feed(rendered.html)
    reader.close()
    while reader.stack:
        _end(reader, reader.stack.pop())
    return reader.features
