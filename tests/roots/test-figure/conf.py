# A tiny project for ext/course_figure.py, with its own figure function.

# tests/conftest.py puts the repository and its ext/ folder on sys.path.

from matplotlib.figure import Figure

from figures import figure

extensions = ["course_figure"]
root_doc = "index"
exclude_patterns = ["_build"]
numfig = True


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


@figure("test-broken")
def test_broken(n: int = 1):
    """Raises, for the error test."""
    raise ValueError(f"cannot draw {n} things")
