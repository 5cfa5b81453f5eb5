# Test project for ext/quiz.py: the spelling builder must see quiz text.
import sys
from pathlib import Path

# The repository's ext/ (tests/test_quiz.py also puts it on sys.path for copies of this root).
for _parent in Path(__file__).resolve().parents:
    if (_parent / "ext" / "quiz.py").is_file():
        sys.path.insert(0, str(_parent / "ext"))
        break

project = "Quiz spelling test"
extensions = ["sphinx_design", "quiz", "sphinxcontrib.spelling"]
spelling_lang = "en_US"
spelling_show_suggestions = False
spelling_ignore_pypi_package_names = False
spelling_ignore_contributor_names = False
spelling_ignore_importable_modules = False
