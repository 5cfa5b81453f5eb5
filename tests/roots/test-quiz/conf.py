# Test project for ext/quiz/: one module folder with two lessons, a review and an answer key.

# tests/conftest.py puts the repository and its ext/ folder on sys.path.

project = "Quiz test"
version = "1.0"
extensions = ["sphinx_design", "quiz"]
root_doc = "index"
exclude_patterns = ["_build"]
latex_documents = [("index", "quiztest.tex", "Quiz test", "Tests", "manual")]
latex_engine = "xelatex"
epub_author = "Tests"
epub_publisher = "Tests"
epub_copyright = "2026, Tests"


def _stand_in_audio(app):
    # What ext/audio/ stores (env.course_audio.by_id: id -> AudioExample); a stand-in so that
    # listening questions resolve.
    from types import SimpleNamespace

    app.env.course_audio = SimpleNamespace(by_id={
        "m01-beating": SimpleNamespace(
            id="m01-beating",
            docname="modules/01-sound/lesson-a",
            file="_audio/m01-beating.mp3",
            title="Audio 1.1",
            number="1.1",
            description="Two steady sine tones, 440 Hz and 443 Hz, played together.",
        ),
    })


def setup(app):
    app.connect("builder-inited", _stand_in_audio)
