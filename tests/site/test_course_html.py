"""ext/course_html.py: the markup rewrites that make furo's and Sphinx's HTML strict-CSP safe,
valid and accessible (the browser tests check the built site; these check each rewrite)."""

from docutils.core import publish_doctree

import course_html


def test_style_attributes_become_classes_and_svg_attributes():
    html = ('<svg xmlns="http://www.w3.org/2000/svg" style="display: none;"><line style="opacity: 50%"/></svg>'
            '<colgroup><col style="width: 26.0%" /></colgroup>'
            '<img alt="x" class="no-scaled-link" src="a.svg" style="width: 60%;" />')
    out = course_html.rewrite(html)
    assert "style=" not in out
    assert 'display="none"' in out and 'opacity="0.5"' in out
    assert '<col class="colwidth-26" />' in out
    assert 'class="no-scaled-link width-60"' in out


def test_landmarks_headings_and_focusable_code():
    out = course_html.rewrite('<aside class="sidebar-drawer"></aside><aside class="toc-drawer no-toc"></aside>'
                              '<p class="caption" role="heading"><span>Course</span></p><pre>code</pre>')
    assert 'aria-label="Course navigation"' in out and 'aria-label="On this page"' in out
    assert 'role="heading" aria-level="2"' in out
    assert '<pre tabindex="0">' in out


def test_graphviz_object_becomes_an_image_with_its_description():
    out = course_html.rewrite('<object data="../_images/graphviz-1.svg" type="image/svg+xml" class="graphviz">\n'
                              '<p class="warning">A flow "diagram"\n  of routing.</p></object>')
    assert out == ('<img src="../_images/graphviz-1.svg" alt="A flow &quot;diagram&quot; of routing." '
                   'class="graphviz" />')


def test_table_wrapper_loses_the_duplicate_id():
    out = course_html.rewrite('<div class="table-wrapper docutils container" id="id1">\n<table id="id1">')
    assert out.count('id="id1"') == 1


def test_images_get_size_and_lazy_loading(tmp_path):
    (tmp_path / "_images" / "math").mkdir(parents=True)
    (tmp_path / "_images" / "math" / "m.svg").write_text(
        "<?xml version='1.0'?>\n"
        "<svg version='1.1' xmlns='http://www.w3.org/2000/svg' width='30pt' height='12pt'></svg>")
    out = course_html.rewrite('<img class="math" src="../../_images/math/m.svg" alt="x"/>', tmp_path)
    assert 'width="40" height="16"' in out  # 30 pt and 12 pt in CSS pixels
    assert 'loading="lazy"' in out and 'decoding="async"' in out
    # an image that already has a size and a loading policy keeps them
    kept = course_html.rewrite('<img src="a.png" width="5" height="6" loading="eager" alt="" />', tmp_path)
    assert 'width="5" height="6" loading="eager"' in kept and "lazy" not in kept


def test_description_is_the_first_paragraph_cut_at_a_word():
    doctree = publish_doctree("Title\n=====\n\n.. note:: Not this one, inside a note, however long it is.\n\n"
                              + "The first real paragraph of the page " * 10 + "\n",
                              settings_overrides={"doctitle_xform": False})  # as Sphinx reads pages
    text = course_html.page_description(doctree, "page")
    assert text.startswith("The first real paragraph")
    assert len(text) <= course_html.DESCRIPTION_CHARS + 1 and text.endswith("\u2026")
    assert course_html.page_description(None, "search").startswith("Search")


def test_math_svg_is_canonical_whatever_dvisvgm_numbered():
    """The same formula, with its fonts numbered and its glyphs ordered differently (as two
    dvisvgm runs may), canonicalizes to the same bytes."""
    def svg(defs, uses):
        return ("<svg>\n<defs>\n" + "".join(f"<path id='g{f}-{c}' d='M{f}{c}'/>\n" for f, c in defs)
                + "</defs>\n<g id='page1'>\n" + "".join(f"<use x='{i}' y='0' xlink:href='#g{f}-{c}'/>\n"
                for i, (f, c) in enumerate(uses)) + "</g>\n</svg>\n")

    a = svg([(1, 106), (0, 0), (3, 48)], [(3, 48), (1, 106), (0, 0)])
    # run 2: font 3 became font 0, font 0 became font 2; definitions in another order
    b = svg([(0, 48), (2, 0), (1, 106)], [(0, 48), (1, 106), (2, 0)]).replace("M048", "M348").replace("M20", "M00")
    ca, cb = course_html.canonical_math_svg(a), course_html.canonical_math_svg(b)
    assert ca == cb
    assert "xlink:href='#g0-48'" in ca and "<path id='g0-48' d='M348'/>" in ca  # first used = font 0
    assert course_html.canonical_math_svg(ca) == ca
