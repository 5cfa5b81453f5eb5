"""Fixtures of the audio and figure tests (``ext/audio/``, ``ext/course_figure.py``).

The tiny projects in ``tests/roots/test-audio*`` and ``test-figure*`` are copied to a
temporary folder and built with ``tests/sphinx_project.py``; each fixture builds its project
once for the whole test session.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sphinx_project import build, copy_root, warnings


@pytest.fixture(scope="session", autouse=True)
def stable_source_hashes():
    """Pin the source hashes of soundlib/ and figures/ for the session, so that an edit to
    either while the tests run cannot change the cache keys between two builds."""
    import figures
    import soundlib.recipes

    sound, figs = soundlib.recipes.source_hash(), figures.source_hash()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(soundlib.recipes, "source_hash", lambda: sound)
        mp.setattr(figures, "source_hash", lambda: figs)
        yield sound


@pytest.fixture(scope="session")
def audio_html(tmp_path_factory):
    """tests/roots/test-audio built as HTML (it renders the audio into its cache)."""
    src = copy_root(tmp_path_factory.mktemp("audio-html"), "audio")
    app = build(src)
    assert app.statuscode == 0, warnings(app)
    assert warnings(app) == ""
    return app


@pytest.fixture(scope="session")
def audio_cache(audio_html) -> Path:
    """The audio cache of ``audio_html``: other builds that share it render nothing."""
    return Path(audio_html.outdir).parent / ".audio-cache"


@pytest.fixture(scope="session")
def audio_errors(tmp_path_factory):
    """tests/roots/test-audio-errors built as HTML: every example has one mistake."""
    return build(copy_root(tmp_path_factory.mktemp("audio-errors"), "audio-errors"))


@pytest.fixture(scope="session")
def figure_html(tmp_path_factory):
    src = copy_root(tmp_path_factory.mktemp("figure-html"), "figure")
    app = build(src)
    assert app.statuscode == 0 and warnings(app) == "", warnings(app)
    return app


@pytest.fixture(scope="session")
def figure_errors(tmp_path_factory):
    return build(copy_root(tmp_path_factory.mktemp("figure-errors"), "figure-errors"))
