# A tiny project for ext/audio_example.py: valid examples, a pair, numbering in a module.

# tests/conftest.py puts the repository and its ext/ folder on sys.path.

extensions = ["audio_example"]
root_doc = "index"
exclude_patterns = ["_build"]
