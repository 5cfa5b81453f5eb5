# Test project for ext/quiz/: every kind of malformed question, one per file.

# tests/conftest.py puts the repository and its ext/ folder on sys.path.

project = "Quiz errors test"
extensions = ["sphinx_design", "quiz"]


def _stand_in_audio(app):
    # A stand-in for ext/audio/'s env.course_audio.by_id (id -> AudioExample).
    from types import SimpleNamespace

    app.env.course_audio = SimpleNamespace(by_id={"m01-known": SimpleNamespace(
        id="m01-known", docname="index", file="_audio/known.mp3", title="Known example",
        number=None)})


def setup(app):
    app.connect("builder-inited", _stand_in_audio)
