"""ext/audio/: the HTML output, the records for other extensions, caching and rebuilds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sphinx.util.console import strip_escape_sequences

from audio.collector import find_example
from audio.render import build_report
from sphinx_project import build, copy_root, soup

MINUS = "\N{MINUS SIGN}"


def test_html_figure_player_and_facts(audio_html):
    app = audio_html
    page = soup(app, "index.html")
    fig = page.select_one("figure.audio-example#audio-demo-sine-a")
    assert fig is not None
    audio = fig.select_one("audio[controls][preload=none]")
    assert audio is not None
    assert not audio.has_attr("autoplay")
    src = audio["src"]
    assert src.startswith("_audio/demo-sine-a-") and src.endswith(".mp3")
    assert (Path(app.outdir) / src).is_file()
    assert audio.select_one("a").get_text() == "Download the audio (MP3)"
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
    # the stylesheet is registered once and copied
    assert len(page.select('link[href^="_static/audio.css"]')) == 1
    assert (Path(app.outdir) / "_static" / "audio.css").is_file()


def test_html_lossless_and_loudness_options(audio_html):
    fig = soup(audio_html, "index.html").select_one("figure#audio-demo-noise-a")
    src = fig.select_one("audio")["src"]
    assert src.endswith(".wav")
    data = (Path(audio_html.outdir) / src).read_bytes()
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE"
    facts = fig.select_one(".audio-facts").get_text()
    assert f"{MINUS}16.0 LUFS" in facts and "WAV, 16-bit, stereo" in facts


def test_html_pair_and_module_numbering(audio_html):
    page = soup(audio_html, "modules/03-demo/lesson.html")
    first = page.select_one("figure#audio-m03-first")
    assert first.select_one(".audio-label").get_text() == "Audio 3.1."
    # :loudness: none keeps the recipe's level (a 0.5 amplitude sine: about −9 LUFS)
    assert f"{MINUS}20.0 LUFS" not in first.select_one(".audio-facts").get_text()
    src = first.select_one("audio")["src"]
    assert src.startswith("../../_audio/")
    assert (Path(audio_html.outdir) / "modules/03-demo" / src).resolve().is_file()
    pair = page.select_one("div.audio-pair")
    assert pair["aria-label"] == "Comparison: Before and After"
    players = pair.select("figure.audio-example")
    assert len(players) == 2
    labels = [p.select_one(".audio-label").get_text() for p in players]
    assert labels == ["Before (Audio 3.2).", "After (Audio 3.3)."]
    assert all(p.select_one("audio[controls][preload=none]") for p in players)


def test_records_for_other_extensions(audio_html):
    env = audio_html.env
    rec = find_example(env, "m03-before")
    assert rec.docname == "modules/03-demo/lesson"
    assert rec.recipe == "demo-beating"
    assert rec.params == {"f1": 440, "f2": 443, "seconds": 1.5}
    assert rec.pair == "Before"
    assert rec.title == "Audio 3.2"
    assert rec.file == f"_audio/m03-before-{rec.key[:8]}.mp3"
    assert (Path(audio_html.outdir) / rec.file).is_file()
    assert rec.meta["lufs"] == pytest.approx(-20.0, abs=0.1)
    assert rec.description == "Two tones beating three times a second."
    assert find_example(env, "no-such-example") is None
    # only the files in use are in _audio
    used = {Path(r.file).name for r in env.course_audio.all_examples()}
    assert len(used) == 5
    assert {p.name for p in (Path(audio_html.outdir) / "_audio").iterdir()} == used


def test_rebuild_generates_nothing(audio_html):
    src = Path(audio_html.srcdir)
    app = build(src)
    assert build_report(app).generated == []
    assert "audio examples: 0 generated, 5 from the cache" in strip_escape_sequences(
        app.status.getvalue())
    # an edited document is read again, but its audio is still cached
    lesson = src / "modules/03-demo/lesson.rst"
    lesson.write_text(lesson.read_text() + "\nOne more line.\n")
    app = build(src)
    assert "1 changed" in app.status.getvalue()
    assert build_report(app).generated == []
    assert app.statuscode == 0


def test_sound_library_change_rereads_and_regenerates(tmp_path, monkeypatch):
    import soundlib.recipes

    src = copy_root(tmp_path, "audio")
    first = build(src)
    old = {r.id: r.key for r in first.env.course_audio.all_examples()}
    monkeypatch.setattr(soundlib.recipes, "source_hash", lambda: "0" * 64)
    app = build(src)
    assert "2 changed" in app.status.getvalue()        # both documents read again
    new = {r.id: r.key for r in app.env.course_audio.all_examples()}
    assert old.keys() == new.keys() and all(old[i] != new[i] for i in old)
    assert sorted(build_report(app).generated) == sorted(old)
    # stale files are removed from _audio
    names = {p.name for p in (Path(app.outdir) / "_audio").iterdir()}
    assert names == {Path(r.file).name for r in app.env.course_audio.all_examples()}


def test_two_clean_builds_give_identical_audio(tmp_path, audio_html):
    app = build(copy_root(tmp_path, "audio"))
    here = {p.name: p.read_bytes() for p in (Path(app.outdir) / "_audio").iterdir()}
    there = {p.name: p.read_bytes() for p in (Path(audio_html.outdir) / "_audio").iterdir()}
    assert here.keys() == there.keys() and len(here) == 5
    assert here == there
    assert build_report(app).generated  # really rendered again, in a new cache
