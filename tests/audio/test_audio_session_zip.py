"""ext/audio/zip.py: the practice-session download (with a stand-in for the real function,
which renders whole songs; tests/test_practice_session.py checks the real one)."""

from __future__ import annotations

import re
import sys
import types
import zipfile
from pathlib import Path

import pytest

from sphinx_project import ROOTS, build, soup, warnings


@pytest.fixture
def fake_session(monkeypatch):
    """A stand-in for soundlib.session; returns the list of its calls."""
    calls = []

    def build_practice_session(outdir, bars: int = 2, bpm: int = 96):
        calls.append((bars, bpm))
        path = Path(outdir) / "practice-session.zip"
        with zipfile.ZipFile(path, "w") as zf:
            for name in ("drums.wav", "bass.wav", "README.txt"):
                zf.writestr(zipfile.ZipInfo(f"session/{name}", (2026, 1, 1, 0, 0, 0)),
                            b"x" * 1500)
        return path

    module = types.ModuleType("soundlib.session")
    module.build_practice_session = build_practice_session
    import soundlib

    monkeypatch.setitem(sys.modules, "soundlib.session", module)
    monkeypatch.setattr(soundlib, "session", module, raising=False)
    return calls


def test_practice_session(tmp_path, fake_session):
    src = tmp_path / "src"
    src.mkdir()
    (src / "conf.py").write_text((ROOTS / "test-audio" / "conf.py").read_text())
    (src / "index.rst").write_text(
        "Practice\n========\n\n.. practice-session::\n   :params: bars=4\n\n"
        "   The stems of a short song.\n\n.. practice-session::\n   :params: bpm=1\n   :bogus: 1\n"
        "\n.. practice-session::\n   :params: tempo=90\n"
    )
    app = build(src)
    assert fake_session == [(4, 96)]
    page = soup(app, "index.html")
    box = page.select_one("div.practice-session")
    link = box.select_one("a[download]")
    assert re.fullmatch(r"_audio/practice-session-[0-9a-f]{8}\.zip", link["href"])
    assert (Path(app.outdir) / link["href"]).is_file()
    assert re.search(r"\(ZIP, \d+ kB\)", box.get_text())
    assert [li.get_text() for li in box.select("li")] == [
        "drums.wav (2 kB)", "bass.wav (2 kB)", "README.txt (2 kB)"]
    log = warnings(app)
    assert 'unknown option: "bogus"' in log
    assert ("index.rst:13: ERROR: practice-session: function 'build_practice_session' has no "
            "parameter 'tempo'") in log
    # cached: the next build does not call the function again
    build(src)
    assert fake_session == [(4, 96)]
    latex = build(src, "latex", html_baseurl="https://x.example")
    tex = next(Path(latex.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "Download the practice session (ZIP" in tex and "\\sphinxurl{https://x.example/" in tex
