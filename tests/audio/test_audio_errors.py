"""ext/audio/: bad input is an error at its file and line, and fails the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from audio.collector import find_example
from audio.render import build_report
from sphinx_project import build, copy_root, soup, warnings


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
def test_error_names_file_line_and_problem(audio_errors, where, message):
    log = warnings(audio_errors)
    assert f"{where}: ERROR: {message}" in log, log


def test_errors_fail_the_build_without_traceback(audio_errors):
    log = warnings(audio_errors)
    assert audio_errors.statuscode == 1
    assert "13 audio example errors" in log
    assert "Traceback" not in log
    # the clipping example that is allowed to clip, and the first e-dup, were rendered
    assert "e-clip-ok" in build_report(audio_errors).generated
    page = soup(audio_errors, "index.html")
    assert page.select_one("figure#audio-e-clip-ok audio") is not None
    assert page.select_one("figure#audio-e-unknown") is None       # no empty block
    assert "could not be generated" in page.select_one("figure#audio-e-long").get_text()


def test_errors_are_reported_again_by_the_next_build(audio_errors):
    app = build(Path(audio_errors.srcdir))
    assert app.statuscode == 1
    assert "13 audio example errors" in warnings(app)


@pytest.mark.parametrize("jobs", [1, 2])
def test_duplicate_ids_are_found_over_the_merged_records(tmp_path, audio_cache, jobs):
    """Two documents, read by one process or by two, use the same id: one error naming
    both places, the build fails, and the output is the same."""
    src = copy_root(tmp_path, "audio-duplicate")
    app = build(src, parallel=jobs, audio_cache_dir=str(audio_cache))
    log = warnings(app)
    chunks = getattr(app.env, "test_merged_chunks", [])
    if jobs > 1:  # really read by worker processes, the two pages by different ones
        assert any("a" in c and "f" not in c for c in chunks), chunks
    else:
        assert chunks == []
    assert app.statuscode == 1
    assert log.count("duplicate id") == 1, log
    assert ("f.rst:6: ERROR: audio-example 'dup-tone': duplicate id: 'dup-tone' is already "
            "used at a.rst:4 (this one is at f.rst:6)") in log
    assert "1 audio example error " in log
    # the example that comes first in reading order plays; the duplicate is left out
    assert soup(app, "a.html").select_one("figure#audio-dup-tone audio") is not None
    assert soup(app, "f.html").select_one("figure.audio-example") is None
    assert [p.name for p in (Path(app.outdir) / "_audio").iterdir()] == [
        Path(find_example(app.env, "dup-tone").file).name]
