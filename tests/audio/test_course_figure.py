"""ext/course_figure.py: the course-figure directive (SVG for HTML, PDF for LaTeX)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

import course_figure as cf
from sphinx_project import build, copy_root, warnings


def test_html_svg_image_with_alt_size_and_lazy_loading(figure_html):
    page = BeautifulSoup((Path(figure_html.outdir) / "index.html").read_text(), "html.parser")
    fig = page.select_one("figure.course-figure#fig-slopes")
    img = fig.select_one("img")
    assert img["alt"] == "Three straight lines rising from the origin at different slopes."
    assert img["loading"] == "lazy"
    assert img["src"].startswith("_images/test-lines-") and img["src"].endswith(".svg")
    # 4 x 3 inches = 288 x 216 pt = 384 x 288 CSS px
    assert (img["width"], img["height"]) == ("384", "288")
    assert img.parent.name != "a"               # no link around the image
    svg = (Path(figure_html.outdir) / img["src"]).read_bytes()
    assert svg.startswith(b"<?xml") and b"<svg" in svg
    assert b"<image" not in svg                 # vectors only, no embedded raster
    assert b"<dc:date>" not in svg              # no timestamp
    caption = fig.select_one("figcaption").get_text(" ", strip=True)
    assert caption.startswith("Fig. 1 Three lines with slopes 0.5, 1 and 2.")
    assert "A second paragraph becomes the legend." in caption
    # :numref: reaches it through :name:
    ref = page.select_one('a[href="#fig-slopes"] span.std-numref')
    assert ref.get_text() == "Fig. 1"
    # :width: as a percentage: CSS width, no fixed pixel size
    second = page.select("figure.course-figure img")[1]
    assert second["style"] == "width: 50%;" and not second.has_attr("height")


def test_env_records(figure_html):
    recs = figure_html.env.course_figures["index"]
    assert [r["figure"] for r in recs] == ["test-lines", "test-lines"]
    assert recs[0]["params"] == {"slopes": [0.5, 1, 2], "title": "Three slopes"}


def test_rebuild_renders_nothing_and_output_is_deterministic(figure_html, tmp_path):
    before = len(cf.RENDERED)
    build(Path(figure_html.srcdir))
    assert len(cf.RENDERED) == before                 # cached
    fresh = build(copy_root(tmp_path, "figure"))      # a clean build in a new folder
    assert len(cf.RENDERED) == before + 2
    ours = {p.name: p.read_bytes() for p in (Path(figure_html.outdir) / "_images").iterdir()}
    theirs = {p.name: p.read_bytes() for p in (Path(fresh.outdir) / "_images").iterdir()}
    assert ours == theirs and len(ours) == 2
    cache = Path(fresh.outdir).parent / ".figure-cache"
    pdfs = sorted(cache.glob("*.pdf"))
    other = Path(figure_html.outdir).parent / ".figure-cache"
    assert [p.read_bytes() for p in pdfs] == [(other / p.name).read_bytes() for p in pdfs]


def test_latex_uses_the_pdf(figure_html):
    app = build(Path(figure_html.srcdir), "latex")
    assert app.statuscode == 0, warnings(app)
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    stem = figure_html.env.course_figures["index"][0]["stem"]
    assert f"\\sphinxincludegraphics{{{{{stem}}}.pdf}}" in tex
    assert (Path(app.outdir) / f"{stem}.pdf").read_bytes()[:5] == b"%PDF-"
    assert "\\caption{Three lines with slopes 0.5, 1 and 2.}" in tex
    assert "\\label{\\detokenize{index:fig-slopes}}" in tex
    assert "\\sphinxincludegraphics[width=0.500\\linewidth]" in tex
    assert ".svg" not in tex


@pytest.mark.parametrize(("line", "message"), [
    (4, "course-figure 'no-such-figure': unknown figure 'no-such-figure'"),
    (9, "course-figure 'test-needs-n': figure 'test-needs-n' has no parameter 'colour' "
        "(did you mean 'color'?)"),
    (15, "course-figure 'test-needs-n': figure 'test-needs-n' needs the parameter 'n', "
         "which has no default"),
    (20, "course-figure 'test-raises': the figure function failed: ValueError: cannot draw "
         "1 things"),
    (25, "course-figure 'test-needs-n': the :alt: option is required"),
    (30, "course-figure 'test-needs-n': the caption (the directive's body) is missing"),
])
def test_errors_name_file_line_and_problem(figure_errors, line, message):
    log = warnings(figure_errors)
    assert f"index.rst:{line}: ERROR: {message}" in log, log


def test_errors_fail_the_build(figure_errors):
    assert figure_errors.statuscode == 1
    log = warnings(figure_errors)
    assert "6 course figure errors" in log and "Traceback" not in log
    page = (Path(figure_errors.outdir) / "index.html").read_text()
    assert "<figure" not in page
