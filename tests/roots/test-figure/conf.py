# A tiny project for ext/course_figure.py, with its own figure function.
import sys
from pathlib import Path

# The repository root (found upwards from here when built in place; sphinx.testing copies
# roots to a temporary folder, where tests/conftest.py has already put it on sys.path).
for _parent in Path(__file__).resolve().parents:
    if (_parent / "soundlib").is_dir() and (_parent / "ext").is_dir():
        for _p in (str(_parent), str(_parent / "ext")):
            if _p not in sys.path:
                sys.path.insert(0, _p)
        break

from figures import figure  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

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
