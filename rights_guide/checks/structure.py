"""What a translation keeps from English, read from the Markdown source:
headings, boxes, glossary and other links, images and contact markers."""

from __future__ import annotations

from rights_guide.checks.compare import compare_lists
from rights_guide.model import markdown
from rights_guide.problems import Problem


def check_structure(english: markdown.Page, translated: markdown.Page) -> list[Problem]:
    problems = []
    problems += compare_lists(
        "tr-headings", "heading", english, translated, english.headings(), translated.headings(),
        "keep the same headings as English, in the same order and at the same level (#, ##, ###), "
        "with any {#id} copied exactly.")
    problems += compare_lists(
        "tr-admonitions", "box", english, translated, english.admonitions(), translated.admonitions(),
        "keep the same boxes (!!! warning, !!! tip) as English, with the type word in English.")
    glossary_en = [i for i in english.links() if i.value.startswith("glossary.md")]
    glossary_tr = [i for i in translated.links() if i.value.startswith("glossary.md")]
    problems += compare_lists(
        "tr-glossary-links", "glossary link", english, translated, glossary_en, glossary_tr,
        "link the same glossary words as English, with the target (glossary.md#...) copied exactly.")
    problems += compare_lists(
        "tr-links", "link", english, translated,
        [i for i in english.links() if not i.value.startswith("glossary.md")],
        [i for i in translated.links() if not i.value.startswith("glossary.md")],
        "translate only the link text in [ ]; copy the target in ( ) exactly, in the same order as English.")
    problems += compare_lists(
        "tr-images", "image", english, translated, english.images(), translated.images(),
        "use the same images as English, with the same file names.")
    problems += compare_lists(
        "tr-markers", "contact marker", english, translated, english.markers(), translated.markers(),
        "copy every [[contact: id]] and [[phone: id]] marker from English exactly, in the same order.")
    return problems
