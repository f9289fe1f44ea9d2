"""rights_guide/build/csstrim.py keeps the rules a page can use and drops the rest."""

from __future__ import annotations

import pytest

from rights_guide.build import csstrim

HTML = """<html dir="rtl"><body><header class="md-header" data-md-toggle="search">
<input id="__search" type="checkbox"><nav class="md-nav"><a class="md-nav__link" href="#">x</a></nav>
</header></body></html>"""


def names(script: str = "") -> csstrim.Names:
    found = csstrim.Names()
    found.add_html(HTML)
    found.add_script(script)
    return found


def test_rules_for_names_on_the_page_are_kept_and_others_dropped():
    css = ".md-header{color:red}.md-typeset .tabbed-set{display:flex}a.md-nav__link:hover{color:blue}"
    assert csstrim.trim(css, names()) == ".md-header{color:red}a.md-nav__link:hover{color:blue}"


def test_a_selector_list_keeps_only_its_matching_selectors():
    assert csstrim.trim(".md-nav,.md-tabs,#__search{margin:0}", names()) == ".md-nav,#__search{margin:0}"


def test_attribute_values_must_occur_on_the_page():
    css = "[dir=rtl] .md-nav{padding:0}[dir=ltr] .md-nav{padding:1px}[data-md-color-scheme=slate]{color:#000}"
    assert csstrim.trim(css, names()) == "[dir=rtl] .md-nav{padding:0}"


def test_classes_a_script_adds_are_kept():
    css = ".md-search-result__item{margin:0}.rg-unused{margin:0}"
    kept = csstrim.trim(css, names('item.className = "md-search-result__item";'))
    assert kept == ".md-search-result__item{margin:0}"


def test_is_and_where_match_when_any_of_their_selectors_can():
    css = ".md-nav :is(.md-tabs,a){color:red}.md-nav :where(.md-tabs,.md-banner){color:blue}"
    assert csstrim.trim(css, names()) == ".md-nav :is(.md-tabs,a){color:red}"


def test_media_blocks_are_filtered_and_dropped_when_empty():
    css = "@media print{.md-header{display:none}.md-tabs{display:none}}@media screen{.md-tabs{color:red}}"
    assert csstrim.trim(css, names()) == "@media print{.md-header{display:none}}"


def test_custom_properties_nobody_reads_are_dropped():
    css = (":root{--used:1px;--via-used:2px;--unused:3px;--chain:var(--via-used)}"
           ".md-header{margin:var(--used) var(--chain)}.md-tabs{margin:var(--unused)}")
    assert csstrim.trim(css, names()) == (
        ":root{--used:1px;--via-used:2px;--chain:var(--via-used)}.md-header{margin:var(--used) var(--chain)}")


def test_keyframes_only_if_a_kept_rule_plays_them():
    css = ("@keyframes spin{to{transform:rotate(1turn)}}@keyframes fade{to{opacity:0}}"
           ".md-header{animation:spin 1s}.md-tabs{animation:fade 1s}")
    assert csstrim.trim(css, names()) == "@keyframes spin{to{transform:rotate(1turn)}}.md-header{animation:spin 1s}"


def test_css_that_does_not_parse_is_an_error_with_its_line():
    with pytest.raises(ValueError, match="line 2: CSS does not parse"):
        csstrim.trim(".md-header{color:red}\n}", names())
