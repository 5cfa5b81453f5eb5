# A tiny project for ext/audio_example.py: valid examples, a pair, numbering in a module.
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

extensions = ["audio_example"]
root_doc = "index"
exclude_patterns = ["_build"]
