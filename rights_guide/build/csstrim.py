"""Keep only the CSS rules the built pages can use.

Material's stylesheet styles every feature Material has (code blocks, tabs,
tables, blog, palettes, ...); this site uses a few of them. A rule is kept
when every class, id, element and attribute its selector needs occurs in the
site's HTML or in the site's own scripts (which add classes, such as search
results, after load). Pseudo-classes (:hover, :focus, :checked) are states,
so they never drop a rule. Then custom properties no kept rule reads and
keyframes no kept rule plays are dropped too.

The test is on names, not on a DOM, like PurgeCSS: it can keep a rule that
never matches (names present, but not in that arrangement), never drop one
that could.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import tinycss2
from tinycss2 import ast

# At-rules whose blocks hold rules to filter; any other at-rule is kept whole.
GROUPING_AT_RULES = {"media", "supports", "container", "layer", "document"}
# Functional pseudo-classes matching when any of their selectors matches.
ANY_OF = {"is", "where", "matches", "-webkit-any", "-moz-any", "has"}

TAG = re.compile(r"<([a-zA-Z][\w-]*+)([^<>]*)>")  # *+: a long name is not tried again shorter
ATTRIBUTE = re.compile(r"""([^\s"'=<>/]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")
WORD = re.compile(r"[\w-]+")
VAR = re.compile(r"var\(\s*(--[\w-]+)")


@dataclass
class Names:
    """What the pages and scripts can contain."""

    tags: set[str] = field(default_factory=set)
    classes: set[str] = field(default_factory=set)
    ids: set[str] = field(default_factory=set)
    attributes: set[str] = field(default_factory=set)
    values: set[tuple[str, str]] = field(default_factory=set)
    script_words: set[str] = field(default_factory=set)

    def add_html(self, html: str) -> None:
        for tag, attributes in TAG.findall(html):
            self.tags.add(tag.lower())
            for name, double, single, bare in ATTRIBUTE.findall(attributes):
                name = name.lower()
                value = double or single or bare
                self.attributes.add(name)
                self.values.add((name, value))
                if name == "class":
                    self.classes.update(value.split())
                elif name == "id":
                    self.ids.add(value)

    def add_script(self, text: str) -> None:
        # A script can add any class, id or attribute it names.
        self.script_words.update(WORD.findall(text))

    def has(self, kind: set, name: str) -> bool:
        return name in kind or name in self.script_words


def _split_commas(tokens: list) -> list[list]:
    parts, current = [], []
    for token in tokens:
        if token.type == "literal" and token.value == ",":
            parts.append(current)
            current = []
        else:
            current.append(token)
    parts.append(current)
    return parts


def _attribute_present(block: ast.SquareBracketsBlock, names: Names) -> bool:
    tokens = [t for t in block.content if t.type not in ("whitespace", "comment")]
    if not tokens or tokens[0].type != "ident":
        return True
    name = tokens[0].value.lower()
    if not names.has(names.attributes, name):
        return False
    # Only an exact [name=value] test is checked against values; ^= *= ~= and
    # the like are kept.
    if len(tokens) >= 3 and tokens[1].type == "literal" and tokens[1].value == "=":
        value = tokens[2].value if tokens[2].type in ("ident", "string") else None
        if value is not None:
            return (name, value) in names.values or value in names.script_words
    return True


def selector_can_match(tokens: list, names: Names) -> bool:
    """False only if the selector needs a name that is nowhere in the site."""
    previous = None
    for token in tokens:
        if token.type == "ident":
            if previous is not None and previous.type == "literal" and previous.value == ".":
                if not names.has(names.classes, token.value):
                    return False
            elif previous is not None and previous.type == "literal" and previous.value == ":":
                pass  # a state or pseudo-element
            elif token.value.lower() not in names.tags and token.value not in names.script_words:
                return False
        elif token.type == "hash":
            if not names.has(names.ids, token.value):
                return False
        elif token.type == "[] block":
            if not _attribute_present(token, names):
                return False
        elif token.type == "function" and previous is not None and previous.type == "literal" \
                and previous.value == ":" and token.lower_name in ANY_OF:
            if not any(selector_can_match(part, names) for part in _split_commas(token.arguments)):
                return False
        previous = token
    return True


def _kept_selectors(prelude: list, names: Names) -> str | None:
    kept = [part for part in _split_commas(prelude) if selector_can_match(part, names)]
    if not kept:
        return None
    return ",".join(tinycss2.serialize(part).strip() for part in kept)


@dataclass
class _Rule:
    selectors: str
    declarations: list  # tinycss2 Declaration nodes, or the raw content if not plain declarations
    plain: bool


def _filter_rules(rules: list, names: Names) -> list:
    """Rules and at-rules, with unmatched rules removed (recursively)."""
    out = []
    for rule in rules:
        if rule.type == "qualified-rule":
            selectors = _kept_selectors(rule.prelude, names)
            if selectors is None:
                continue
            declarations = tinycss2.parse_blocks_contents(rule.content, skip_comments=True, skip_whitespace=True)
            plain = all(d.type == "declaration" for d in declarations)
            out.append(_Rule(selectors, declarations if plain else rule.content, plain))
        elif rule.type == "at-rule" and rule.lower_at_keyword in GROUPING_AT_RULES and rule.content is not None:
            inner = _filter_rules(
                tinycss2.parse_rule_list(rule.content, skip_comments=True, skip_whitespace=True), names)
            if inner:
                out.append((rule, inner))
        elif rule.type == "at-rule":
            out.append(rule)
    return out


def _walk(rules: list):
    for rule in rules:
        if isinstance(rule, tuple):
            yield from _walk(rule[1])
        else:
            yield rule


def _used_properties(rules: list) -> set[str]:
    """Custom properties read by a kept rule, directly or through other custom properties."""
    definitions: dict[str, set[str]] = {}
    used: set[str] = set()
    for rule in _walk(rules):
        if isinstance(rule, _Rule) and rule.plain:
            for declaration in rule.declarations:
                refs = set(VAR.findall(tinycss2.serialize(declaration.value)))
                if declaration.name.startswith("--"):
                    definitions.setdefault(declaration.name, set()).update(refs)
                else:
                    used |= refs
        else:
            text = tinycss2.serialize(rule.content or []) if not isinstance(rule, _Rule) else \
                tinycss2.serialize(rule.declarations)
            used |= set(VAR.findall(text))
    pending = list(used)
    while pending:
        for ref in definitions.get(pending.pop(), ()):
            if ref not in used:
                used.add(ref)
                pending.append(ref)
    return used


def _serialize(rules: list, used: set[str], animations: set[str]) -> str:
    parts = []
    for rule in rules:
        if isinstance(rule, tuple):
            at_rule, inner = rule
            body = _serialize(inner, used, animations)
            if body:
                prelude = tinycss2.serialize(at_rule.prelude).strip()
                parts.append(f"@{at_rule.at_keyword} {prelude}{{{body}}}")
        elif isinstance(rule, _Rule):
            if rule.plain:
                body = ";".join(
                    f"{d.name}:{tinycss2.serialize(d.value).strip()}{'!important' if d.important else ''}"
                    for d in rule.declarations if not d.name.startswith("--") or d.name in used)
            else:
                body = tinycss2.serialize(rule.declarations).strip()
            if body:
                parts.append(f"{rule.selectors}{{{body}}}")
        elif rule.lower_at_keyword in ("keyframes", "-webkit-keyframes"):
            if tinycss2.serialize(rule.prelude).strip() in animations:
                parts.append(rule.serialize())
        else:
            parts.append(rule.serialize())
    return "".join(parts)


def _animation_names(rules: list) -> set[str]:
    found = set()
    for rule in _walk(rules):
        if isinstance(rule, _Rule) and rule.plain:
            for declaration in rule.declarations:
                if declaration.lower_name in ("animation", "animation-name", "-webkit-animation"):
                    found.update(WORD.findall(tinycss2.serialize(declaration.value)))
    return found


def trim(css: str, names: Names) -> str:
    """The stylesheet without rules, custom properties and keyframes the site cannot use."""
    rules = tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True)
    errors = [rule for rule in rules if rule.type == "error"]
    if errors:
        raise ValueError(f"line {errors[0].source_line}: CSS does not parse: {errors[0].message}")
    kept = _filter_rules(rules, names)
    return _serialize(kept, _used_properties(kept), _animation_names(kept))
