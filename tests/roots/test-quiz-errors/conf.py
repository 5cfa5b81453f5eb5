# Test project for ext/quiz/: every kind of malformed question, one per file.

# tests/conftest.py puts the repository and its ext/ folder on sys.path.

project = "Quiz errors test"
extensions = ["sphinx_design", "quiz"]


def _stand_in_audio(app):
    app.env.audio_examples = {"m01-known": {"docname": "index", "file": "_audio/known.mp3",
                                            "title": "Known example"}}


def setup(app):
    app.connect("builder-inited", _stand_in_audio)
