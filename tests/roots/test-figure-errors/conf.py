# A tiny project in which every course figure has one mistake (ext/course_figure.py).

# tests/conftest.py puts the repository and its ext/ folder on sys.path.

from matplotlib.figure import Figure

from figures import figure

extensions = ["course_figure"]
root_doc = "index"
exclude_patterns = ["_build"]


@figure("test-needs-n")
def test_needs_n(n: int, color: str = "C0"):
    """A figure with a required parameter."""
    fig = Figure(figsize=(2, 2))
    fig.add_subplot().plot(range(n), color=color)
    return fig


@figure("test-raises")
def test_raises(n: int = 1):
    """Raises, for the error test."""
    raise ValueError(f"cannot draw {n} things")
