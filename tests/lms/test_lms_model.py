"""ext/lms/model.py without Sphinx: HTML and text from docutils nodes, Moodle's fractions."""

from __future__ import annotations

from docutils import nodes

from lms.model import fraction_text, moodle_fraction, to_html, to_text


def _para() -> nodes.paragraph:
    return nodes.paragraph("", "", nodes.Text('a < b & "c" \'d\' '), nodes.emphasis("", "Größe"),
                           nodes.Text(" "), nodes.math("", r"\sqrt{2}"), nodes.Text("\nnext line"))


def test_html_escapes_and_keeps_math_and_markup():
    assert to_html(_para()) == ('<p>a &lt; b &amp; "c" \'d\' <em>Größe</em> \\(\\sqrt{2}\\) '
                                "next line</p>")
    assert to_html(nodes.literal_block("", "x < 1\ny")) == "<pre>x &lt; 1\ny</pre>"
    # Only https links survive; an internal reference becomes its text.
    assert to_html(nodes.reference("", "here", refuri="https://example.org/?a=1&b=2")) == (
        '<a href="https://example.org/?a=1&amp;b=2">here</a>')
    assert to_html(nodes.reference("", "there", refuri="other.html")) == "there"


def test_text_keeps_characters_as_they_are():
    assert to_text(_para()) == 'a < b & "c" \'d\' Größe \\(\\sqrt{2}\\) next line'


def test_moodle_fractions():
    assert moodle_fraction(100 / 3) == 33.33333
    assert moodle_fraction(-100 / 7) == -14.28571
    assert moodle_fraction(100 / 11) is None          # not a Moodle grade: reported, not rounded
    assert fraction_text(-100 / 3) == "-33.33333"
    assert fraction_text(50.0) == "50"
