# Test project for ext/quiz/: the spelling builder must see quiz text.

# tests/conftest.py puts the repository and its ext/ folder on sys.path.

project = "Quiz spelling test"
extensions = ["sphinx_design", "quiz", "sphinxcontrib.spelling"]
spelling_lang = "en_US"
spelling_show_suggestions = False
spelling_ignore_pypi_package_names = False
spelling_ignore_contributor_names = False
spelling_ignore_importable_modules = False
