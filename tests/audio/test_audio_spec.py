"""The rules without Sphinx: ``audio.spec``, ``soundlib.params`` and the shared helpers
``course.player``, ``course.urls``, ``course.svg`` (no project is built here)."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

from audio import spec
from course.player import player_html
from course.svg import svg_size_px
from course.urls import online_url
from soundlib.params import ParamError, check_params, parse_params

MINUS = "\N{MINUS SIGN}"


def test_parse_params():
    assert parse_params('f1=440, f2=-3.5, name="x", flags=[True, None], t=(1, 2)') == {
        "f1": 440, "f2": -3.5, "name": "x", "flags": [True, None], "t": (1, 2)}
    assert parse_params("") == {} and parse_params(None) == {}
    for bad, why in [("440", "has no name"), ("f=abs(1)", "not a literal"),
                     ("f=1, f=2", "given twice"), (f"gain={MINUS}3", "hyphen-minus"),
                     ("**kw", "unpacking"), ("f=(", "cannot parse")]:
        with pytest.raises(ParamError, match=re.escape(why)):
            parse_params(bad)


def test_check_params_names_the_problem_and_what_is_accepted():
    def tone(freq, seconds: float = 1.0):
        return freq, seconds

    check_params(tone, {"freq": 440}, "recipe 'tone'")
    with pytest.raises(ParamError) as exc:
        check_params(tone, {"freq": 440, "secnds": 2}, "recipe 'tone'")
    assert str(exc.value) == ("recipe 'tone' has no parameter 'secnds' (did you mean "
                              "'seconds'?); it accepts: freq (required), seconds=1.0")
    with pytest.raises(ParamError, match="needs the parameter 'freq', which has no default: "
                                         "add it to :params:"):
        check_params(tone, {"seconds": 2}, "recipe 'tone'")
    with pytest.raises(TypeError, match="positional-only"):    # ParamError is a TypeError
        check_params(lambda x, /: x, {}, "recipe 'p'")
    check_params(lambda **kw: kw, {"anything": 1}, "recipe 'kw'")  # **kwargs takes any name


def test_number_formatting():
    assert spec.fmt_number(-20.04) == f"{MINUS}20.0"
    assert spec.fmt_number(-0.01) == "0.0"
    assert spec.fmt_number(3.25, 2) == "3.25"
    assert spec.fmt_number(None) == "\N{EM DASH}"
    assert spec.fmt_number(float("-inf")) == f"{MINUS}\N{INFINITY}"
    assert spec.fmt_size(999) == "1 kB" and spec.fmt_size(2_345_678) == "2.3 MB"


def test_loudness_option():
    assert spec.parse_loudness(None) == spec.DEFAULT_LOUDNESS
    assert spec.parse_loudness("none") is None
    assert spec.parse_loudness(f"{MINUS}16 LUFS") == -16.0
    for bad in ("loud", "-80", "3"):
        with pytest.raises(spec.InputError, match="loudness"):
            spec.parse_loudness(bad)


def test_ids_and_module_prefix():
    assert spec.check_id("m06-drums", "modules/06-mixing/compression") == []
    assert spec.check_id("m05-drums", "modules/06-mixing/compression") == [
        "ids in this module start with 'm06-'"]
    assert spec.check_id("any-id", "faq/index") == []
    assert spec.check_id("bad id", "faq/index") == [
        "the id may contain only letters, digits, '-' and '_'"]


def test_check_example_collects_every_problem_in_order():
    def lookup(name):
        if name != "tone":
            raise KeyError(f"unknown recipe {name!r}")
        return lambda freq=440.0: freq

    options = {"recipe": "tone", "params": "freq=220", "description": "A  tone.",
               "lossless": None, "loudness": "none"}
    example, problems = spec.check_example(options, True, lookup)
    assert problems == []
    assert example.params == {"freq": 220} and example.lossless and example.loudness is None
    assert example.description == "A tone." and example.plot == "spectrum"
    assert example.ext == "wav"
    example, problems = spec.check_example({"recipe": "nope", "plot": "scope"}, False, lookup)
    assert example is None
    assert [p.split(" ")[0] for p in problems] == ["unknown", ":plot:", "the", "the"]


def test_cache_keys_are_stable():
    """The key of an example depends on exactly these inputs; changing how it is computed
    renames every audio file of the site (keep it unless the output changes). The value
    is the one the extension computed before it became a package."""
    key = spec.example_key("0" * 64, "demo-sine", {"freq": 440, "seconds": 1.0}, False,
                           -20.0, False)
    assert key == spec.example_key("0" * 64, "demo-sine", {"seconds": 1.0, "freq": 440},
                                   False, -20.0, False)
    assert key == "eb9b97ba05d5caac44cbf3b27e43067f5a71154809f5a53bc2ccea733616e412"
    assert spec.audio_file("x", key, "mp3") == f"_audio/x-{key[:8]}.mp3"


def test_player_markup():
    assert player_html("_audio/a.mp3", fallback="Download the audio (MP3)") == (
        '<audio class="audio-player" controls="controls" preload="none" src="_audio/a.mp3">'
        '<a href="_audio/a.mp3">Download the audio (MP3)</a></audio>')
    assert player_html("../_audio/a&b.wav", label="Audio 1.3", css_class=None,
                       source_element=True) == (
        '<audio controls="controls" preload="none" aria-label="Audio 1.3">'
        '<source src="../_audio/a&amp;b.wav" type="audio/wav"/>'
        '<a href="../_audio/a&amp;b.wav">Download the audio</a></audio>')


def test_online_url():
    assert online_url(SimpleNamespace(html_baseurl=""), "_audio/a.mp3") is None
    assert online_url(SimpleNamespace(html_baseurl=" https://x.example/en/ "),
                      "_audio/a.mp3") == "https://x.example/en/_audio/a.mp3"


def test_svg_size(tmp_path: Path):
    svg = tmp_path / "a.svg"
    svg.write_text('<?xml version="1.0"?>\n<svg xmlns:xlink="x" width="288pt" height="216pt" '
                   'viewBox="0 0 288 216">')
    assert svg_size_px(svg) == (384, 288)               # 1 pt = 4/3 CSS px
    assert svg_size_px("<svg width='10' height='20.4px'>") == (10, 20)
    assert svg_size_px('<svg viewBox="0 0 1 1">') is None
    assert svg_size_px(tmp_path / "missing.svg") is None
