# A tiny project in which every audio example has one mistake (ext/audio/).

# tests/conftest.py puts the repository and its ext/ folder on sys.path.
import numpy as np

from soundlib import SR
from soundlib.recipes import recipe

extensions = ["audio"]
root_doc = "index"
exclude_patterns = ["_build"]


@recipe("test-required")
def test_required(freq: float, seconds: float = 0.5):
    """A recipe with a required parameter."""
    return 0.1 * np.sin(2 * np.pi * freq * np.arange(int(seconds * SR)) / SR)


@recipe("test-long")
def test_long(seconds: float = 31.0):
    """Too long for an example."""
    return np.full(int(seconds * SR), 0.01)


@recipe("test-clipper")
def test_clipper(amp: float = 1.5, seconds: float = 0.5):
    """A sine that goes past full scale."""
    return np.clip(amp * np.sin(2 * np.pi * 100 * np.arange(int(seconds * SR)) / SR), -1, 1)


@recipe("test-raises")
def test_raises(seconds: float = 0.5):
    """Fails."""
    raise RuntimeError("the oscillator broke")
