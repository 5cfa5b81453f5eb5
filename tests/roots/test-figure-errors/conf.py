# A tiny project in which every course figure has one mistake (ext/course_figure.py).

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
