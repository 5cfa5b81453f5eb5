"""The EQ band drill's music levels (gym/music.py, eq.js): the build writes one data script
per source (drums, bass, pad, mix) into _static/gym/music/, which decodes to 2.5 s of 48 kHz
16-bit PCM at the right level; from file:// and under the strict CSP a music level loads
its script and plays; the browser's EQ on the decoded music matches soundlib's RBJ biquad
within 0.5 dB; a truncated data script gives the drill's message, not silence or an
exception."""

import base64
import json
import re

import numpy as np
from bs4 import BeautifulSoup
from gym_helpers import broken_copy, file_url, run_gym, site
from test_gym_agreement import TOLERANCE_DB, rendered, spectrum_db

import browser
from soundlib import filters

SOURCES = ("drums", "bass", "pad", "mix")
DATA = re.compile(r'^\(self\.CourseGymMusic = self\.CourseGymMusic \|\| \{\}\)\["(\w+)"\] = '
                  r'\{sr: (\d+), n: (\d+), pcm: "([A-Za-z0-9+/=]*)"\};\n$')


def decode(text: str) -> tuple[str, int, np.ndarray]:
    """(source, sample rate, samples) of a data script, or an AssertionError."""
    m = DATA.match(text)
    assert m, f"not a music data script: {text[:80]!r}...{text[-40:]!r}"
    x = np.frombuffer(base64.b64decode(m[4]), dtype="<i2") / 32768
    assert len(x) == int(m[3]), f"{len(x)} samples, the header says {m[3]}"
    return m[1], int(m[2]), x


def eq_band_config(html_dir) -> dict:
    soup = BeautifulSoup((html_dir / "gym" / "eq.html").read_text(encoding="utf-8"), "html.parser")
    return json.loads(soup.select_one('[data-drill="eq-band"]')["data-drill-config"])


def test_the_build_writes_one_decodable_data_script_per_source():
    folder = site() / "_static" / "gym" / "music"
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{s}.js" for s in SOURCES)
    for source in SOURCES:
        name, sr, x = decode((folder / f"{source}.js").read_text(encoding="ascii"))
        assert name == source and sr == 48000
        assert len(x) / sr == 2.5                       # one bar at 96 BPM: it loops
        rms = 20 * np.log10(np.sqrt(np.mean(x ** 2)))
        assert -21 < rms < -19.5, f"{source}: {rms:.1f} dBFS RMS"
        assert np.max(np.abs(x)) <= 10 ** (-1 / 20) + 1e-4


def test_the_data_scripts_are_reproducible():
    from gym import music

    assert (site() / "_static/gym/music/bass.js").read_bytes() == music.data_script("bass")


def test_the_drill_config_points_at_the_data_scripts():
    config = eq_band_config(site())
    assert config["music"] == {s: f"../_static/gym/music/{s}.js" for s in SOURCES}
    for url in config["music"].values():
        assert (site() / "gym" / url).resolve().is_file()


def test_the_decoder_rejects_a_truncated_script():
    text = (site() / "_static/gym/music/pad.js").read_text(encoding="ascii")
    try:
        decode(text[: len(text) // 2])
    except AssertionError as e:
        assert "not a music data script" in str(e)
    else:
        raise AssertionError("a truncated data script decoded")


def test_a_music_level_plays_from_disk():
    out = run_gym("music", file_url(site(), "gym/eq.html"), "10")   # the last level: mix
    assert not out["errors"], out["errors"]
    assert out["protocol"] == "file:" and out["level"].startswith("11: music: mix")
    assert out["loaded"] == ["mix"] and out["feedback"] == ""
    assert 1e-3 < out["peak"] <= 10 ** (-1 / 20) + 1e-6      # sound, under the ceiling


def test_a_music_level_plays_under_the_strict_csp():
    with browser.served(site()) as base:
        out = run_gym("music", f"{base}gym/eq.html", "7")           # drums
    assert not out["errors"], out["errors"]      # a CSP violation is a console error
    assert out["protocol"] == "http:" and out["loaded"] == ["drums"] and out["peak"] > 1e-3


def test_a_truncated_data_script_gives_the_drills_message(tmp_path):
    data = site() / "_static/gym/music/mix.js"
    broken = broken_copy(tmp_path, "_static/gym/music/mix.js", data.read_text()[-2000:], "")
    out = run_gym("music", file_url(broken, "gym/eq.html"), "10")
    assert "mix.js is missing or damaged." in out["feedback"], out
    assert out["peak"] == 0 and out["loaded"] == []


def music_cases_agree(cases, gain_error=0.0) -> list[str]:
    """The cases whose browser output differs from soundlib's biquad (gain + gain_error) by
    more than the tolerance, over 20 Hz to 20 kHz where the music has energy (within 60 dB of
    its strongest bin: below that both are rounding noise)."""
    bad = []
    for case in cases:
        x = np.asarray(case["input"])
        ref = filters.biquad(x, "peak", case["freq"], case["q"], case["gain"] + gain_error,
                             sr=48000)
        f, a = spectrum_db(case["output"])
        _, b = spectrum_db(ref)
        _, s = spectrum_db(x)
        band = (f >= 20) & (f <= 20000) & (s > s.max() - 60)
        worst = float(np.max(np.abs(a[band] - b[band])))
        if worst > TOLERANCE_DB:
            bad.append(f"{case['name']} {case['gain']} dB at {case['freq']} Hz: {worst:.3f} dB")
    return bad


def test_the_browsers_eq_on_music_matches_soundlib():
    cases = rendered()["music"]
    assert [c["name"] for c in cases] == ["mix", "drums"]
    assert all(len(c["input"]) == 120000 for c in cases)
    assert music_cases_agree(cases) == []
    # the broken fixture: a reference 1 dB off is caught
    assert len(music_cases_agree(cases, gain_error=1.0)) == 2
