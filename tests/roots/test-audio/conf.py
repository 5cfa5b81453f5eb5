# A tiny project for ext/audio/: valid examples, a pair, numbering in a module.

# tests/conftest.py puts the repository and its ext/ folder on sys.path.

extensions = ["audio"]
root_doc = "index"
exclude_patterns = ["_build"]
