"""Synthesized music: groove, harmony, stems, rough mix and the music recipes."""

import numpy as np
import pytest

from soundlib import SR, dsp, filters, loudness, music, synth
from soundlib.recipes import render

BAR = int(2.5 * SR)  # one 4/4 bar at 96 BPM
BEAT = BAR // 4


def _band_energy_db(x, start, length):
    return 10 * np.log10(np.sum(x[start:start + length] ** 2) + 1e-30)


def _dominant_freq(x, lo, hi):
    spec = np.abs(np.fft.rfft(x * np.hanning(len(x))))
    f = np.fft.rfftfreq(len(x), 1 / SR)
    sel = (f > lo) & (f < hi)
    return f[sel][np.argmax(spec[sel])]


def _chroma_top3(x):
    spec = np.abs(np.fft.rfft(x * np.hanning(len(x)))) ** 2
    f = np.fft.rfftfreq(len(x), 1 / SR)
    sel = (f > 100) & (f < 2000)
    pcs = np.round(69 + 12 * np.log2(f[sel] / 440)).astype(int) % 12
    chroma = np.bincount(pcs, weights=spec[sel], minlength=12)
    return set(np.argsort(chroma)[::-1][:3].tolist())


# ------------------------------------------------------------------ drum sounds and groove


@pytest.mark.parametrize("make", [music.kick, music.snare, music.hihat, music.clap])
def test_drum_sounds_are_short_normalized_and_decay(make):
    x = make()
    assert x.ndim == 1 and 0.1 * SR < len(x) <= SR
    assert np.max(np.abs(x)) == pytest.approx(1.0)
    n = len(x) // 4
    assert dsp.rms_dbfs(x[-n:]) < dsp.rms_dbfs(x[:n]) - 12  # it dies away


def test_kick_is_low_and_hats_are_high():
    def centroid(x):
        s = np.abs(np.fft.rfft(x)) ** 2
        return np.sum(np.fft.rfftfreq(len(x), 1 / SR) * s) / np.sum(s)

    assert centroid(music.kick()) < 200
    assert centroid(music.hihat()) > 7000
    assert len(music.hihat(open=True)) > len(music.hihat())


def test_drum_loop_groove():
    for seed in (0, 1):
        x = music.drum_loop(bars=2, seed=seed)
        assert len(x) == 2 * BAR
        assert dsp.peak_dbfs(x) == pytest.approx(-6.0, abs=1e-6)
        snare_band = filters.highpass(filters.lowpass(x, 5000), 1500)
        low = filters.lowpass(x, 120)
        w = int(0.08 * SR)
        beats = [_band_energy_db(snare_band, b * BEAT, w) for b in range(8)]
        # backbeat: snare on 2 and 4, far louder in the snare band than 1 and 3
        assert min(beats[1], beats[3], beats[5], beats[7]) > max(beats[0], beats[2],
                                                                 beats[4], beats[6]) + 8
        # kick on every downbeat
        kicks = [_band_energy_db(low, b * BEAT, w) for b in range(8)]
        assert kicks[0] >= max(kicks) - 1.0 and kicks[4] >= max(kicks) - 1.0
        # humanized: the backbeat hits are not all identical copies
        peaks = [np.max(np.abs(snare_band[b * BEAT:b * BEAT + w])) for b in (1, 3, 5, 7)]
        assert np.std(peaks) > 0.005 * np.mean(peaks)


def test_drum_loop_is_deterministic_per_seed():
    a = music.drum_loop(bars=1, seed=3)
    assert np.array_equal(a, music.drum_loop(bars=1, seed=3))
    assert not np.array_equal(a, music.drum_loop(bars=1, seed=4))


# ------------------------------------------------------------------ harmony


def test_progression_and_keys():
    assert music.progression("A minor") == [(9, "min"), (5, "maj"), (0, "maj"), (7, "maj")]
    assert music.progression("E minor")[0] == (4, "min")
    with pytest.raises(ValueError):
        music.parse_key("C major")


def test_bass_follows_chord_roots():
    x = music.bass_line(bars=4)
    roots = [synth.note_to_freq(m) for m in (33, 29, 36, 31)]  # A1, F1, C2, G1
    for b, f in enumerate(roots):
        assert _dominant_freq(x[b * BAR:(b + 1) * BAR], 35, 80) == pytest.approx(f, rel=0.03)
    e = music.bass_line(bars=1, key="E minor")
    assert _dominant_freq(e, 35, 80) == pytest.approx(synth.note_to_freq(28), rel=0.03)


def test_pad_plays_the_chords():
    x = dsp.mono(music.chord_pad(bars=4))
    expected = [{9, 0, 4}, {5, 9, 0}, {0, 4, 7}, {7, 11, 2}]  # Am, F, C, G
    for b, chord in enumerate(expected):
        seg = x[b * BAR + SR // 2:(b + 1) * BAR]  # after the previous chord's release
        assert _chroma_top3(seg) == chord


def test_lead_stays_in_a_minor():
    x = music.lead(bars=4)
    scale = {9, 11, 0, 2, 4, 5, 7}
    for b in range(4):
        f = _dominant_freq(x[b * BAR:(b + 1) * BAR], 300, 1000)
        assert round(69 + 12 * np.log2(f / 440)) % 12 in scale


# ------------------------------------------------------------------ stems and mix


@pytest.fixture(scope="module")
def stems():
    return music.song_stems(bars=4, bpm=96, seed=0)


def test_song_stems_shape_and_headroom(stems):
    assert len(stems) >= 6
    assert list(stems)[:4] == ["kick", "snare", "hats", "bass"]
    lengths = {len(x) for x in stems.values()}
    assert lengths == {4 * BAR}
    for name, x in stems.items():
        assert x.ndim == 1 or x.shape[1] == 2, name
        assert np.all(np.isfinite(x)), name
        assert -10.5 <= dsp.peak_dbfs(x) <= -5.5, name  # tracked-stem headroom, no clipping


def test_song_stems_deterministic(stems):
    music._song_stems_cached.cache_clear()  # render again from scratch
    again = music.song_stems(bars=4, bpm=96, seed=0)
    for name in stems:
        assert np.array_equal(stems[name], again[name]), name
    # callers get copies: changing one does not change the next call's result
    again["kick"][:] = 0.0
    assert np.array_equal(music.song_stems(bars=4, bpm=96, seed=0)["kick"], stems["kick"])


def test_rough_mix(stems):
    mix = music.rough_mix(stems)
    assert mix.shape == (4 * BAR, 2)
    assert dsp.peak_dbfs(mix) <= -1.0
    assert dsp.peak_dbfs(mix) > -3.0
    assert loudness.true_peak_dbtp(mix) < -1.0
    # the mix is genuinely stereo (panned hats, lead, vox, pad, reverb)
    assert not np.allclose(mix[:, 0], mix[:, 1])


def test_song_arrangement_lead_enters_in_second_half():
    s = music.song_stems(bars=8, bpm=96, seed=0)
    assert np.max(np.abs(s["lead"][: 4 * BAR - SR // 10])) == 0.0
    assert np.max(np.abs(s["lead"][4 * BAR:])) > 0
    assert np.max(np.abs(s["kick"][: BAR - SR // 100])) == 0.0  # one-bar intro


# ------------------------------------------------------------------ recipes


@pytest.mark.parametrize("name", ["drum-loop", "bass-line", "chord-pad", "lead", "rough-mix"])
def test_music_recipes(name):
    audio, sr = render(name, {"bars": 1, "bpm": 120})
    assert sr == SR
    assert len(audio) == 2 * SR  # one bar at 120 BPM
    assert dsp.peak_dbfs(audio) < -1.0


def test_music_recipes_refuse_more_than_20_seconds():
    with pytest.raises(ValueError, match="20"):
        render("drum-loop", {"bars": 9, "bpm": 96})
