# Test project for ext/quiz.py: every kind of malformed question, one per file.
import sys
from pathlib import Path

# The repository's ext/ (tests/test_quiz.py also puts it on sys.path for copies of this root).
for _parent in Path(__file__).resolve().parents:
    if (_parent / "ext" / "quiz.py").is_file():
        sys.path.insert(0, str(_parent / "ext"))
        break

project = "Quiz errors test"
extensions = ["sphinx_design", "quiz"]


def _stand_in_audio(app):
    app.env.audio_examples = {"m01-known": {"docname": "index", "file": "_audio/known.mp3",
                                            "title": "Known example"}}


def setup(app):
    app.connect("builder-inited", _stand_in_audio)
