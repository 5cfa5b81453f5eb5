"""Synthesis: envelopes, pitch, FM sidebands, filters, wavetable and granular voices."""

import numpy as np
import pytest
from scipy.special import jv

from soundlib import SR, dsp, synth


def _spectrum(x):
    """Amplitude spectrum with 1 Hz bins for a 1 s signal (a sine of amplitude a reads a)."""
    return np.abs(np.fft.rfft(x)) * 2 / len(x)


def _hf_db(x, f0=1000.0):
    """Share of the energy above f0, in dB."""
    s = np.abs(np.fft.rfft(x)) ** 2
    f = np.fft.rfftfreq(len(x), 1 / SR)
    return 10 * np.log10(np.sum(s[f > f0]) / np.sum(s))


def _centroid(x):
    s = np.abs(np.fft.rfft(x)) ** 2
    f = np.fft.rfftfreq(len(x), 1 / SR)
    return np.sum(f * s) / np.sum(s)


# ------------------------------------------------------------------ envelopes and pitch


def test_adsr_shape_and_length():
    env = synth.adsr(1.0, attack=0.1, decay=0.2, sustain=0.5, release=0.3)
    assert len(env) == int(1.3 * SR)
    assert env[0] == 0.0
    assert env[int(0.1 * SR)] == pytest.approx(1.0)
    assert env.max() == pytest.approx(1.0)
    np.testing.assert_allclose(env[int(0.3 * SR):SR], 0.5)  # sustain until note-off
    assert env[-1] == 0.0
    assert np.all(np.diff(env[SR:]) < 0)  # release falls steadily
    assert env[SR + int(0.15 * SR)] == pytest.approx(0.25, abs=1e-3)  # linear: half way


def test_adsr_short_note_releases_from_current_level():
    env = synth.adsr(0.05, attack=0.1, decay=0.2, sustain=0.5, release=0.1)
    assert len(env) == int(0.15 * SR)
    assert env.max() == pytest.approx(0.5, abs=0.01)  # released half-way up the attack
    assert env[-1] == 0.0
    exp = synth.adsr(0.5, 0.01, 0.2, 0.3, 0.2, curve="exp")
    assert exp[int(0.21 * SR)] == pytest.approx(0.3, abs=1e-3)
    assert exp[-1] == 0.0


def test_note_to_freq():
    assert synth.note_to_freq(69) == pytest.approx(440.0)
    assert synth.note_to_freq(60) == pytest.approx(261.63, abs=0.01)
    assert synth.note_to_freq(81) == pytest.approx(880.0)
    np.testing.assert_allclose(synth.note_to_freq([57, 69]), [220.0, 440.0])
    assert synth.note_name_to_midi("A4") == 69
    assert synth.note_name_to_midi("C4") == 60
    assert synth.note_name_to_midi("Bb3") == 58
    assert synth.note_name_to_midi("F#2") == 42


# ------------------------------------------------------------------ FM


def test_fm_sidebands_follow_bessel_functions():
    fc, ratio, index = 1000.0, 0.2, 2.0
    y = synth.fm(fc, 1.0, ratio=ratio, index=index)
    spec = _spectrum(y)
    fm = ratio * fc
    for k in range(-3, 4):
        f = int(fc + k * fm)
        assert spec[f] == pytest.approx(abs(jv(k, index)), abs=0.01)
    # nothing between the sidebands
    assert spec[int(fc + fm / 2)] < 0.01


def test_fm_index_zero_is_a_sine_and_index_env_changes_brightness():
    y = synth.fm(440.0, 1.0, ratio=1.0, index=0.0)
    spec = _spectrum(y)
    assert spec[440] == pytest.approx(1.0, abs=0.01)
    assert spec[880] < 1e-3
    env = np.linspace(1, 0, 100)
    z = synth.fm(440.0, 1.0, ratio=1.0, index=5.0, index_env=env)
    assert _centroid(z[: SR // 4]) > 2 * _centroid(z[-SR // 4:])


# ------------------------------------------------------------------ subtractive


def test_resonant_lowpass_peak_equals_q():
    t = np.arange(SR) / SR
    x = np.sin(2 * np.pi * 1000 * t)
    y = synth.resonant_lowpass(x, 1000.0, resonance=4.0)
    gain = dsp.rms_dbfs(y[SR // 2:]) - dsp.rms_dbfs(x[SR // 2:])
    assert gain == pytest.approx(20 * np.log10(4.0), abs=0.2)


def test_subtractive_cutoff_and_filter_envelope():
    dark = synth.subtractive(110.0, 1.0, cutoff=400.0)
    bright = synth.subtractive(110.0, 1.0, cutoff=4000.0)
    assert len(dark) == int(1.08 * SR)  # held 1 s + default 80 ms release
    assert _hf_db(dark) < _hf_db(bright) - 20.0
    env = synth.adsr(1.0, 0.005, 0.3, 0.2, 0.1)
    plucked = synth.subtractive(110.0, 1.0, cutoff=300.0, env=env, filter_env_amount=4)
    assert len(plucked) == len(env)
    early, late = plucked[int(0.01 * SR):int(0.06 * SR)], plucked[int(0.6 * SR):int(0.9 * SR)]
    assert _hf_db(early) > _hf_db(late) + 10.0


def test_polyblep_saw_pitch():
    y = synth.polyblep_saw(np.full(SR, 500.0))
    spec = _spectrum(y)
    assert np.argmax(spec) == 500
    assert spec[1000] == pytest.approx(spec[500] / 2, rel=0.05)  # saw: 1/k


# ------------------------------------------------------------------ wavetable and granular


def test_wavetable_morphs_from_sine_to_square_without_aliasing():
    f = 500.0
    sine = synth.wavetable(f, 1.0, position_env=0.0)
    square = synth.wavetable(f, 1.0, position_env=1.0)
    s1, s2 = _spectrum(sine), _spectrum(square)
    assert s1[1500] < 1e-3 * s1[500]
    assert s2[1500] == pytest.approx(s2[500] / 3, rel=0.05)  # odd harmonics 1/k
    assert s2[1000] < 1e-3 * s2[500]
    y = synth.wavetable(5000.0, 1.0, position_env=1.0)[SR // 4: 3 * SR // 4]
    high = np.abs(np.fft.rfft(y * np.hanning(len(y))))  # 2 Hz bins
    # only harmonics of 5 kHz (below Nyquist) carry energy: no aliases
    mask = np.ones_like(high, dtype=bool)
    for k in range(1, 5):
        mask[k * 2500 - 10:k * 2500 + 11] = False
    assert high[mask].max() < 1e-4 * high.max()


def test_granular_is_deterministic_and_level_matched():
    src = np.sin(2 * np.pi * 330 * np.arange(SR) / SR) * 0.5
    a = synth.granular(src, 2.0, grain_ms=60, density=80, pitch_jitter=2.0, seed=4)
    b = synth.granular(src, 2.0, grain_ms=60, density=80, pitch_jitter=2.0, seed=4)
    c = synth.granular(src, 2.0, grain_ms=60, density=80, pitch_jitter=2.0, seed=5)
    assert len(a) == 2 * SR
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)
    assert dsp.rms_dbfs(a) == pytest.approx(dsp.rms_dbfs(src), abs=3.0)
