"""The streaming HTML rewrite the offline copies use (rights_guide/build/htmlrewrite.py)."""

from __future__ import annotations

from rights_guide.build.htmlrewrite import has_class, rewrite

PAGE = ('<!doctype html><div class="keep"><div class="gone"><div>inner<p>unclosed</div><br>'
        '<img src="x.svg"></div><p title="a &amp; b">Caf&eacute; &#233; &lt;tag&gt;</p><!-- note --></div>')


def test_untouched_html_comes_back_as_written_without_comments():
    assert rewrite(PAGE) == PAGE.replace("<!-- note -->", "")


def test_a_dropped_element_ends_at_its_own_balancing_end_tag():
    out = rewrite(PAGE, drop=lambda tag, attributes: has_class(attributes, "gone"))
    assert out == ('<!doctype html><div class="keep"><p title="a &amp; b">Caf&eacute; &#233; &lt;tag&gt;</p>'
                   '</div>')


def test_changed_attributes_are_written_escaped_and_others_kept():
    def change(tag, attributes):
        return {**attributes, "src": 'y "1".svg', "alt": None} if tag == "img" else None

    out = rewrite('<p><img src="x.svg" loading="lazy"><br/></p>', change=change)
    assert out == '<p><img src="y &quot;1&quot;.svg" loading="lazy" alt><br/></p>'


def test_html_is_added_after_a_start_tag():
    out = rewrite('<div class="rg-page"><h1>T</h1></div>',
                  after=lambda tag, attributes: "<p>note</p>" if has_class(attributes, "rg-page") else "")
    assert out == '<div class="rg-page"><p>note</p><h1>T</h1></div>'
