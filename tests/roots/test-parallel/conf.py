# A small project with every course extension and the course theme: tests/site/test_parallel.py
# builds it with -j1 and -j2 and compares the HTML byte for byte; tools/bench.py times it.
# The pages come from test-quiz, test-audio and test-figure (more than five documents, so that
# Sphinx reads them in parallel too).

# tests/conftest.py (or the caller's PYTHONPATH) puts the repository and its ext/ folder on
# sys.path.

from matplotlib.figure import Figure

from figures import figure

project = "Parallel test"
extensions = ["sphinx.ext.imgmath", "sphinx_design", "quiz", "audio", "course_figure",
              "course_html"]
root_doc = "index"
exclude_patterns = ["_build"]
numfig = True
html_theme = "furo"
html_math_renderer = "imgmath"
imgmath_image_format = "svg"
imgmath_embed = False


@figure("test-lines")
def test_lines(slopes=(1.0, 2.0), title: str = "Lines"):
    """Straight lines through the origin, one per slope."""
    fig = Figure(figsize=(4.0, 3.0), layout="constrained")
    ax = fig.add_subplot()
    for s in slopes:
        ax.plot([0, 1], [0, s], label=f"slope {s:g}")
    ax.set_title(title)
    ax.legend()
    return fig
