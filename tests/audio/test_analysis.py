"""The measurements behind the listening claims, on signals whose answer is known."""

from __future__ import annotations

import numpy as np
import pytest

from soundlib import SR
from soundlib import analysis as an


def sine(freq, seconds=2.0, amp=1.0):
    t = np.arange(int(seconds * SR)) / SR
    return amp * np.sin(2 * np.pi * freq * t)


def test_levels_of_a_sine():
    x = sine(1000.0)
    assert an.rms_db(x) == pytest.approx(-3.01, abs=0.01)
    assert an.peak_db(x) == pytest.approx(0.0, abs=0.01)
    assert an.crest_factor_db(x) == pytest.approx(3.01, abs=0.02)
    assert an.band_level_db(x, SR, 900, 1100) == pytest.approx(-3.01, abs=0.05)
    assert an.band_level_db(x, SR, 2000, 4000) < -80
    assert an.peak_frequency_hz(x, SR) == pytest.approx(1000.0, abs=1.0)


def test_stereo_views_and_lag():
    noise = np.random.default_rng(0).standard_normal(SR) * 0.1
    delayed = np.concatenate([np.zeros(48), noise[:-48]])  # 1 ms
    x = np.column_stack([noise, delayed])
    assert an.interchannel_lag_ms(x, SR, 5.0) == pytest.approx(1.0, abs=0.03)
    opposite = np.column_stack([noise, -noise])
    assert an.mono_loss_db(opposite) < -150
    assert an.mono_loss_db(np.column_stack([noise, noise])) == pytest.approx(0.0, abs=0.01)
    louder_left = np.column_stack([noise, noise * 10 ** (-6 / 20)])
    assert an.channel_difference_db(louder_left) == pytest.approx(6.0, abs=0.01)


def test_blocks_envelope_rate_and_residual():
    x = np.concatenate([sine(440, 1.0, 0.5), np.zeros(SR // 2), sine(440, 1.0, 0.25)])
    assert len(an.blocks(x)) == 2
    assert an.rms_db(an.block(x, SR, 1)) - an.rms_db(an.block(x, SR, 0)) == pytest.approx(-6.02, abs=0.05)
    beats = sine(440, 4.0) + sine(443, 4.0)
    assert an.envelope_rate_hz(beats) == pytest.approx(3.0, abs=0.05)
    assert an.residual_db(2 * beats, SR, beats) < -100
    assert an.residual_db(beats, SR, sine(440, 4.0)) > -10


def test_bad_input_is_reported():
    with pytest.raises(ValueError, match="block 3 asked for, but the signal has 1 blocks"):
        an.block(sine(440, 1.0), SR, 3)
    with pytest.raises(ValueError, match="unknown view 'middle'"):
        an.view(np.zeros((10, 2)), "middle")


def test_decay_time_of_an_exponential_tail():
    n = int(3.0 * SR)
    rt60 = 1.2
    tail = np.random.default_rng(1).standard_normal(n) * 10 ** (-3 * np.arange(n) / SR / rt60)
    assert an.decay_time_s(tail) == pytest.approx(rt60, rel=0.05)
    # 60 dB per 1.2 s from about 0 dBFS: below the −120 dBFS silence threshold after 2.4 s
    assert an.silence_onset_s(np.concatenate([tail, np.zeros(SR)])) == pytest.approx(2.4, abs=0.02)
