# A tiny project in which every audio example has one mistake (ext/audio_example.py).
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

import numpy as np  # noqa: E402

from soundlib import SR  # noqa: E402
from soundlib.recipes import recipe  # noqa: E402

extensions = ["audio_example"]
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
