"""ext/audio_example.py: audio-example, audio-pair and practice-session.

Tiny projects in tests/roots/test-audio* are copied to a temporary folder and built with
sphinx.testing's SphinxTestApp. Module-scoped fixtures build each project once.
"""

from __future__ import annotations

import re
import sys
import types
import zipfile
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from sphinx.testing.util import SphinxTestApp
from sphinx.util.console import strip_escape_sequences

import audio_example as ax

MINUS = "\N{MINUS SIGN}"
from sphinx_project import ROOTS, build, copy_root, warnings  # noqa: E402,F401


def soup(app: SphinxTestApp, page: str) -> BeautifulSoup:
    return BeautifulSoup((Path(app.outdir) / page).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module", autouse=True)
def stable_source_hash():
    """Pin the sound library's source hash for this module, so that an edit to soundlib/
    while the tests run cannot change the cache keys between two builds."""
    import soundlib.recipes

    value = soundlib.recipes.source_hash()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(soundlib.recipes, "source_hash", lambda: value)
        yield value


# -- the valid project, built once --------------------------------------------------------------


@pytest.fixture(scope="module")
def html_build(tmp_path_factory):
    src = copy_root(tmp_path_factory.mktemp("audio-html"), "audio")
    app = build(src)
    assert app.statuscode == 0, warnings(app)
    assert warnings(app) == ""
    return app


def test_html_figure_player_and_facts(html_build):
    app = html_build
    page = soup(app, "index.html")
    fig = page.select_one("figure.audio-example#audio-demo-sine-a")
    assert fig is not None
    audio = fig.select_one("audio[controls][preload=none]")
    assert audio is not None
    assert not audio.has_attr("autoplay")
    src = audio["src"]
    assert src.startswith("_audio/demo-sine-a-") and src.endswith(".mp3")
    assert (Path(app.outdir) / src).is_file()
    caption = fig.select_one("figcaption")
    assert "Listen for a pure tone" in " ".join(caption.get_text().split())
    assert caption.select_one(".audio-label").get_text() == "Audio 1."
    facts = fig.select_one(".audio-facts").get_text()
    assert "1.0 s" in facts
    assert f"{MINUS}20.0 LUFS" in facts          # normalized, with the real minus sign
    assert re.search(f"sample peak {MINUS}\\d+\\.\\d dBFS", facts)
    assert "MP3, 160 kbps" in facts
    link = fig.select_one("a.audio-download[download]")
    assert link["href"] == src
    details = fig.select_one("details.audio-description")
    assert details.select_one("summary").get_text() == "Text description"
    assert "A steady tone at 440 Hz for one second." in details.get_text()
    # the stylesheet is registered and copied
    assert page.select_one('link[href^="_static/audio.css"]') is not None
    assert (Path(app.outdir) / "_static" / "audio.css").is_file()


def test_html_lossless_and_loudness_options(html_build):
    fig = soup(html_build, "index.html").select_one("figure#audio-demo-noise-a")
    src = fig.select_one("audio")["src"]
    assert src.endswith(".wav")
    data = (Path(html_build.outdir) / src).read_bytes()
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE"
    facts = fig.select_one(".audio-facts").get_text()
    assert f"{MINUS}16.0 LUFS" in facts and "WAV, 16-bit, stereo" in facts


def test_html_pair_and_module_numbering(html_build):
    page = soup(html_build, "modules/03-demo/lesson.html")
    first = page.select_one("figure#audio-m03-first")
    assert first.select_one(".audio-label").get_text() == "Audio 3.1."
    # :loudness: none keeps the recipe's level (a 0.5 amplitude sine: about −9 LUFS)
    assert f"{MINUS}20.0 LUFS" not in first.select_one(".audio-facts").get_text()
    src = first.select_one("audio")["src"]
    assert src.startswith("../../_audio/")
    assert (Path(html_build.outdir) / "modules/03-demo" / src).resolve().is_file()
    pair = page.select_one("div.audio-pair")
    players = pair.select("figure.audio-example")
    assert len(players) == 2
    labels = [p.select_one(".audio-label").get_text() for p in players]
    assert labels == ["Before (Audio 3.2).", "After (Audio 3.3)."]
    assert all(p.select_one("audio[controls][preload=none]") for p in players)


def test_env_records_for_other_extensions(html_build):
    env = html_build.env
    rec = env.audio_examples["m03-before"]
    assert rec["docname"] == "modules/03-demo/lesson"
    assert rec["recipe"] == "demo-beating"
    assert rec["params"] == {"f1": 440, "f2": 443, "seconds": 1.5}
    assert rec["pair"] == "Before"
    assert rec["title"] == "Audio 3.2"
    assert rec["file"] == f"_audio/m03-before-{rec['key'][:8]}.mp3"
    assert (Path(html_build.outdir) / rec["file"]).is_file()
    assert rec["meta"]["lufs"] == pytest.approx(-20.0, abs=0.1)
    assert rec["description"] == "Two tones beating three times a second."
    # only the files in use are in _audio
    used = {Path(r["file"]).name for r in env.audio_examples.values()}
    assert {p.name for p in (Path(html_build.outdir) / "_audio").iterdir()} == used
    html = ax.audio_player_html(html_build.builder, "index", "m03-before")
    assert 'preload="none"' in html and 'src="_audio/m03-before-' in html


def test_rebuild_generates_nothing(html_build):
    src = Path(html_build.srcdir)
    app = build(src)
    assert app.audio_build_state.generated == []
    assert "audio examples: 0 generated, 5 from the cache" in strip_escape_sequences(
        app.status.getvalue())
    # an edited document is read again, but its audio is still cached
    lesson = src / "modules/03-demo/lesson.rst"
    lesson.write_text(lesson.read_text() + "\nOne more line.\n")
    app = build(src)
    assert "1 changed" in app.status.getvalue()
    assert app.audio_build_state.generated == []
    assert app.statuscode == 0


def test_sound_library_change_rereads_and_regenerates(tmp_path, monkeypatch):
    import soundlib.recipes

    src = copy_root(tmp_path, "audio")
    first = build(src)
    old = {i: r["key"] for i, r in first.env.audio_examples.items()}
    monkeypatch.setattr(soundlib.recipes, "source_hash", lambda: "0" * 64)
    app = build(src)
    assert "2 changed" in app.status.getvalue()        # both documents read again
    new = {i: r["key"] for i, r in app.env.audio_examples.items()}
    assert all(old[i] != new[i] for i in old)
    assert sorted(app.audio_build_state.generated) == sorted(old)
    # stale files are removed from _audio
    names = {p.name for p in (Path(app.outdir) / "_audio").iterdir()}
    assert names == {Path(r["file"]).name for r in app.env.audio_examples.values()}


def test_two_clean_builds_give_identical_audio(tmp_path, html_build):
    app = build(copy_root(tmp_path, "audio"))
    here = {p.name: p.read_bytes() for p in (Path(app.outdir) / "_audio").iterdir()}
    there = {p.name: p.read_bytes() for p in (Path(html_build.outdir) / "_audio").iterdir()}
    assert here.keys() == there.keys() and len(here) == 5
    assert here == there
    assert app.audio_build_state.generated  # really rendered again, in a new cache


# -- LaTeX, EPUB, text ----------------------------------------------------------------------------


def test_latex_figure_with_plot_caption_and_url(html_build):
    src = Path(html_build.srcdir)
    app = build(src, "latex", html_baseurl="https://course.example.org/en/")
    assert app.statuscode == 0, warnings(app)
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    rec = app.env.audio_examples["demo-sine-a"]
    plot = f"audio-demo-sine-a-{rec['key'][:8]}-waveform"
    assert f"\\sphinxincludegraphics[width=0.92\\linewidth]{{{{{plot}}}.pdf}}" in tex
    pdf = Path(app.outdir) / f"{plot}.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    block = tex[tex.index(plot) - 300:tex.index(plot) + 900]
    assert "\\begin{figure}" in block
    assert "\\sphinxstylestrong{Audio 1.} Listen for a \\sphinxstyleemphasis{pure} tone" in block
    assert "A steady tone at 440 Hz for one second." in block
    assert "LUFS" in block
    url = "https://course.example.org/en/" + rec["file"]
    assert "\\sphinxurl{" + url.replace("_", "\\_") + "}" in block
    # each example has its chosen plot; the pair is one figure of two minipages
    for ident, kind in [("demo-noise-a", "spectrogram"), ("m03-first", "spectrum")]:
        key = app.env.audio_examples[ident]["key"][:8]
        assert (Path(app.outdir) / f"audio-{ident}-{key}-{kind}.pdf").is_file()
    assert tex.count("\\begin{minipage}[t]{0.48\\linewidth}") == 2
    # a second LaTeX build makes no plot
    again = build(src, "latex", html_baseurl="https://course.example.org/en/")
    assert again.audio_build_state.plots == []


def test_latex_without_baseurl_has_no_url(tmp_path, html_build):
    cache = Path(html_build.outdir).parent / ".audio-cache"
    app = build(copy_root(tmp_path, "audio"), "latex", audio_cache_dir=str(cache))
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "\\sphinxincludegraphics" in tex and "Listen online" not in tex
    assert app.audio_build_state.generated == []      # shared cache: nothing to render


def test_plots_are_deterministic(tmp_path, html_build):
    rec = dict(html_build.env.audio_examples["m03-before"], plot="spectrogram")
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    assert ax.ensure_plot(rec, a).read_bytes() == ax.ensure_plot(rec, b).read_bytes()


def test_epub_lists_audio_in_manifest(tmp_path, html_build):
    cache = Path(html_build.outdir).parent / ".audio-cache"
    app = build(copy_root(tmp_path, "audio"), "epub", audio_cache_dir=str(cache),
                version="1", copyright="2026, test")
    assert "unknown mimetype" not in warnings(app)
    opf = (Path(app.outdir) / "content.opf").read_text(encoding="utf-8")
    for rec in app.env.audio_examples.values():
        mime = "audio/wav" if rec["lossless"] else "audio/mpeg"
        assert f'href="{rec["file"]}" media-type="{mime}"' in opf
    assert zipfile.is_zipfile(next(Path(app.outdir).glob("*.epub")))


def test_text_builder_gets_plain_paragraphs(tmp_path, html_build):
    cache = Path(html_build.outdir).parent / ".audio-cache"
    app = build(copy_root(tmp_path, "audio"), "text", audio_cache_dir=str(cache),
                html_baseurl="https://x.example/")
    text = (Path(app.outdir) / "modules/03-demo/lesson.txt").read_text(encoding="utf-8")
    assert "Before (Audio 3.2)." in text
    assert "Description: Two tones beating three times a second." in text
    assert "Listen: https://x.example/_audio/m03-before-" in text


# -- errors ----------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def error_build(tmp_path_factory):
    return build(copy_root(tmp_path_factory.mktemp("audio-errors"), "audio-errors"))


@pytest.mark.parametrize(("where", "message"), [
    ("index.rst:8", "audio-example 'e-unknown': unknown recipe 'no-such-recipe'"),
    ("index.rst:14", "audio-example 'e-badparam': recipe 'demo-sine' has no parameter "
                     "'frequency' (did you mean 'freq'?)"),
    ("index.rst:21", "audio-example 'e-missing': recipe 'test-required' needs the parameter "
                     "'freq', which has no default"),
    ("index.rst:28", "audio-example 'e-nodesc': the :description: option is required"),
    ("index.rst:33", "audio-example 'e-long': recipe 'test-long' made 31.0 s of audio; the "
                     "maximum is 30 s"),
    ("index.rst:40", "audio-example 'e-clip': recipe 'test-clipper' clips: its sample peak "
                     "is 0.00 dBFS"),
    ("index.rst:47", "audio-example 'e-raises': recipe 'test-raises' failed: RuntimeError: "
                     "the oscillator broke"),
    ("other.rst:4", "audio-example 'e-dup': duplicate id: 'e-dup' is already used at "
                    "index.rst:53 (this one is at other.rst:4)"),
    ("index.rst:60", "audio-example 'e-plot': :plot: must be one of waveform, spectrum, "
                     "spectrogram, not 'oscilloscope'"),
    ("index.rst:67", "audio-example 'e-literal': parameter 'freq': '440 * pi' is not a "
                     "literal value"),
    ("index.rst:74", "audio-example 'e-nocaption': the caption (the directive's body: what "
                     "to listen for) is missing"),
    ("index.rst:78", "audio-example 'e-loudness': :loudness: must be a target in LUFS"),
    ("index.rst:85", "audio-pair: needs exactly two audio-example directives in its body, "
                     "found 1"),
])
def test_error_names_file_line_and_problem(error_build, where, message):
    log = warnings(error_build)
    assert f"{where}: ERROR: {message}" in log, log


def test_errors_fail_the_build_without_traceback(error_build):
    log = warnings(error_build)
    assert error_build.statuscode == 1
    assert "13 audio example errors" in log
    assert "Traceback" not in log
    # the clipping example that is allowed to clip, and the first e-dup, were rendered
    assert "e-clip-ok" in error_build.audio_build_state.generated
    page = soup(error_build, "index.html")
    assert page.select_one("figure#audio-e-clip-ok audio") is not None
    assert page.select_one("figure#audio-e-unknown") is None       # no empty block
    assert "could not be generated" in page.select_one("figure#audio-e-long").get_text()


def test_errors_are_reported_again_by_the_next_build(error_build):
    app = build(Path(error_build.srcdir))
    assert app.statuscode == 1
    assert "13 audio example errors" in warnings(app)


# -- helpers -------------------------------------------------------------------------------------


def test_parse_params():
    assert ax.parse_params('f1=440, f2=-3.5, name="x", flags=[True, None], t=(1, 2)') == {
        "f1": 440, "f2": -3.5, "name": "x", "flags": [True, None], "t": (1, 2)}
    assert ax.parse_params("") == {}
    for bad, why in [("440", "has no name"), ("f=abs(1)", "not a literal"),
                     ("f=1, f=2", "cannot parse"), (f"gain={MINUS}3", "hyphen-minus"),
                     ("**kw", "unpacking")]:
        with pytest.raises(ax.InputError, match=re.escape(why)):
            ax.parse_params(bad)


def test_number_formatting():
    assert ax.fmt_number(-20.04) == f"{MINUS}20.0"
    assert ax.fmt_number(-0.01) == "0.0"
    assert ax.fmt_number(3.25, 2) == "3.25"
    assert ax.fmt_number(None) == "\N{EM DASH}"


# -- practice-session -----------------------------------------------------------------------------


@pytest.fixture
def fake_session(monkeypatch):
    """A stand-in for soundlib.session (the real one renders whole songs)."""
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
    )
    app = build(src)
    assert fake_session == [(4, 96)]
    page = soup(app, "index.html")
    box = page.select_one("div.practice-session")
    link = box.select_one("a[download]")
    assert (Path(app.outdir) / link["href"]).is_file()
    assert re.search(r"\(ZIP, \d+ kB\)", box.get_text())
    assert [li.get_text() for li in box.select("li")][0].startswith("drums.wav")
    assert 'unknown option: "bogus"' in warnings(app)
    # cached: the next build does not call the function again
    build(src)
    assert fake_session == [(4, 96)]
    latex = build(src, "latex", html_baseurl="https://x.example")
    tex = next(Path(latex.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "Download the practice session (ZIP" in tex and "\\sphinxurl{https://x.example/" in tex
