"""Dynamics processors: static curves, ballistics, limiter ceiling, gate range, de-esser."""

import numpy as np
import pytest

from soundlib import SR, dsp, dynamics, filters, music


def _dc(level_db, seconds):
    return np.full(int(seconds * SR), 10 ** (level_db / 20))


def _db(x):
    return 20 * np.log10(np.max(np.abs(x)))


# ------------------------------------------------------------------ static gain computer


def test_gain_computer_hard_knee_textbook_value():
    # 10 dB over a -20 dB threshold at 4:1 comes out 2.5 dB over: -17.5 dB
    assert dynamics.gain_computer(-10.0, -20.0, 4.0) == pytest.approx(-17.5)
    assert dynamics.gain_computer(-30.0, -20.0, 4.0) == pytest.approx(-30.0)
    assert dynamics.gain_computer(0.0, -20.0, np.inf) == pytest.approx(-20.0)


def test_gain_computer_soft_knee_is_continuous_and_below_hard_curve_at_threshold():
    T, R, W = -20.0, 4.0, 10.0
    lo, hi = T - W / 2, T + W / 2
    eps = 1e-9
    for edge in (lo, hi):
        a = dynamics.gain_computer(edge - eps, T, R, W)
        b = dynamics.gain_computer(edge + eps, T, R, W)
        assert a == pytest.approx(b, abs=1e-6)
    # at the threshold the knee already compresses by (1 - 1/R) * W / 8
    assert dynamics.gain_computer(T, T, R, W) == pytest.approx(T - 0.75 * W / 8)
    levels = np.linspace(-40, 0, 81)
    out = dynamics.gain_computer(levels, T, R, W)
    assert np.all(np.diff(out) > 0)  # monotonic
    assert np.all(out <= levels + 1e-12)  # never adds gain


def test_expander_curve():
    assert dynamics.expander_gain_computer(-50.0, -40.0, 2.0) == pytest.approx(-60.0)
    assert dynamics.expander_gain_computer(-30.0, -40.0, 2.0) == pytest.approx(-30.0)


# ------------------------------------------------------------------ compressor


def test_compressor_steady_state_matches_static_curve_and_makeup():
    x = _dc(-10.0, 1.0)
    y = dynamics.compress(x, -20.0, 4.0, attack_ms=5, release_ms=50)
    assert _db(y[-1000:]) == pytest.approx(-17.5, abs=0.01)
    y = dynamics.compress(x, -20.0, 4.0, attack_ms=5, release_ms=50, makeup_db=6.0)
    assert _db(y[-1000:]) == pytest.approx(-11.5, abs=0.01)


@pytest.mark.parametrize("attack_ms", [5.0, 20.0])
def test_attack_time_constant(attack_ms):
    """After a step up, gain reduction covers 1 - 1/e = 63 % of its final value in attack_ms."""
    pre = int(0.1 * SR)
    x = np.concatenate([_dc(-40.0, 0.1), _dc(-10.0, 0.5)])
    gr = -dynamics.gain_reduction_db(x, -20.0, 4.0, attack_ms=attack_ms, release_ms=200)
    final = 7.5
    assert gr[-1] == pytest.approx(final, abs=0.01)
    k = np.argmax(gr[pre:] >= 0.632 * final)
    assert k / SR * 1000 == pytest.approx(attack_ms, rel=0.05)


def test_release_time_constant():
    x = np.concatenate([_dc(-10.0, 0.5), _dc(-40.0, 1.0)])
    gr = -dynamics.gain_reduction_db(x, -20.0, 4.0, attack_ms=1, release_ms=100)
    start = int(0.5 * SR)
    k = np.argmax(gr[start:] <= 7.5 * (1 - 0.632))
    assert k / SR * 1000 == pytest.approx(100, rel=0.05)


def test_compressor_crest_factor_of_drums_depends_on_attack():
    drums = music.drum_loop(bars=1, seed=0)
    crest = dsp.crest_factor_db(drums)
    # a near-instant attack catches even the sub-millisecond front of each hit: peaks come
    # down more than the average level, so the crest factor falls
    fast = dynamics.compress(drums, threshold_db=-24.0, ratio=6.0, attack_ms=0.02,
                             release_ms=100)
    assert dsp.crest_factor_db(fast) < crest - 2.0
    # a slow attack lets the front of each hit through and turns down the body: the crest
    # factor rises (the "punch" of a slow-attack drum compressor)
    slow = dynamics.compress(drums, threshold_db=-24.0, ratio=6.0, attack_ms=10.0,
                             release_ms=100)
    assert dsp.crest_factor_db(slow) > crest + 2.0


def test_stereo_is_linked():
    t = np.arange(SR // 2) / SR
    left = 0.9 * np.sin(2 * np.pi * 200 * t)
    right = 0.05 * np.sin(2 * np.pi * 300 * t)
    y = dynamics.compress(np.column_stack([left, right]), -20.0, 4.0)
    k = slice(SR // 4, SR // 2)
    g_left = y[k, 0][np.abs(left[k]) > 0.1] / left[k][np.abs(left[k]) > 0.1]
    g_right = y[k, 1][np.abs(right[k]) > 0.01] / right[k][np.abs(right[k]) > 0.01]
    assert np.median(g_left) == pytest.approx(np.median(g_right), rel=0.02)
    assert np.median(g_right) < 0.5  # the quiet side is turned down with the loud one


def test_sidechain_drives_the_gain():
    quiet = _dc(-30.0, 0.5)
    loud = _dc(0.0, 0.5)
    y = dynamics.compress(quiet, -20.0, 4.0, sidechain=loud)
    assert _db(y[-100:]) == pytest.approx(-30.0 - 15.0, abs=0.05)  # 20 dB over at 4:1


def test_rms_detector_reads_sine_3db_below_peak():
    t = np.arange(SR) / SR
    x = 10 ** (-10 / 20) * np.sin(2 * np.pi * 1000 * t)
    gr = -dynamics.gain_reduction_db(x, -20.0, 4.0, attack_ms=50, release_ms=50, detector="rms")
    assert np.mean(gr[SR // 2:]) == pytest.approx((20 - 13.01) * 0.75, abs=0.2)


# ------------------------------------------------------------------ limiter


@pytest.mark.parametrize("ceiling_db", [-1.0, -6.0])
def test_limiter_never_exceeds_ceiling(ceiling_db):
    rng = np.random.default_rng(3)
    x = rng.standard_normal((SR, 2)) * 0.5
    x[1000, 0] = 4.0  # an isolated spike 12 dB over full scale
    y = dynamics.limit(x, ceiling_db=ceiling_db)
    assert y.shape == x.shape
    assert np.max(np.abs(y)) <= 10 ** (ceiling_db / 20) + 1e-12


def test_limiter_looks_ahead_and_leaves_quiet_audio_alone():
    t = np.arange(SR) / SR
    x = 0.1 * np.sin(2 * np.pi * 440 * t)
    x[SR // 2] = 1.0
    y = dynamics.limit(x, ceiling_db=-6.0, release_ms=20, lookahead_ms=5)
    # gain is already falling a few milliseconds before the spike
    before = SR // 2 - int(0.002 * SR)
    assert abs(y[before]) < abs(x[before]) * 0.95
    # far from the spike the signal is untouched and time-aligned
    np.testing.assert_allclose(y[: SR // 4], x[: SR // 4], atol=1e-12)


# ------------------------------------------------------------------ gate and expander


def test_gate_attenuates_below_threshold_by_range():
    t = np.arange(SR) / SR
    quiet = 10 ** (-40 / 20) * np.sin(2 * np.pi * 220 * t)
    y = dynamics.gate(quiet, threshold_db=-30.0, range_db=-80.0)
    drop = dsp.rms_dbfs(y[SR // 2:]) - dsp.rms_dbfs(quiet[SR // 2:])
    assert drop == pytest.approx(-80.0, abs=1.0)
    loud = 10 ** (-10 / 20) * np.sin(2 * np.pi * 220 * t)
    y = dynamics.gate(loud, threshold_db=-30.0)
    k = int(0.02 * SR)  # after the gate has opened on the first cycle
    np.testing.assert_allclose(y[k:], loud[k:], atol=1e-9)


def test_gate_range_and_hold():
    t = np.arange(SR) / SR
    x = 0.5 * np.sin(2 * np.pi * 220 * t)
    x[SR // 2:] *= 0.001  # drops to about -66 dBFS
    y = dynamics.gate(x, threshold_db=-30.0, hold_ms=50, release_ms=20, range_db=-20.0)
    end = SR // 2
    # during hold (10 ms detector window + 50 ms) the gate is still open
    np.testing.assert_allclose(y[end + 100:end + int(0.04 * SR)],
                               x[end + 100:end + int(0.04 * SR)], rtol=1e-9)
    # later it settles at the range
    late = slice(end + int(0.3 * SR), None)
    assert dsp.rms_dbfs(y[late]) - dsp.rms_dbfs(x[late]) == pytest.approx(-20.0, abs=0.5)


def test_expander_doubles_distance_below_threshold():
    x = _dc(-50.0, 0.5)
    y = dynamics.expand(x, threshold_db=-40.0, ratio=2.0)
    assert _db(y[-100:]) == pytest.approx(-60.0, abs=0.05)


# ------------------------------------------------------------------ de-esser


def _band_db(x, lo, hi):
    return dsp.rms_dbfs(filters.highpass(filters.lowpass(x, hi), lo))


def test_deesser_split_band_turns_down_sibilance_only():
    t = np.arange(SR) / SR
    vowel = 0.3 * np.sin(2 * np.pi * 300 * t)
    ess = 0.3 * np.sin(2 * np.pi * 8000 * t) * ((t > 0.4) & (t < 0.7))
    x = vowel + ess
    y = dynamics.deess(x, threshold_db=-30.0, freq=6000, ratio=4.0)
    assert _band_db(y, 6500, 10000) < _band_db(x, 6500, 10000) - 6.0
    assert _band_db(y, 150, 500) == pytest.approx(_band_db(x, 150, 500), abs=0.3)
    # no reduction: the split is complementary, output == input
    np.testing.assert_allclose(dynamics.deess(x, threshold_db=0.0), x, atol=1e-12)
    # wideband mode ducks the vowel too while the "s" sounds
    w = dynamics.deess(x, threshold_db=-30.0, mode="wide")
    mid = slice(int(0.5 * SR), int(0.6 * SR))
    assert dsp.rms_dbfs(w[mid]) < dsp.rms_dbfs(x[mid]) - 3.0
