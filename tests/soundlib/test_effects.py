"""Effects: pan law, mid/side, reverb decay, delay timing, saturation and modulation."""

import numpy as np
import pytest
from scipy.signal import hilbert

from soundlib import SR, dsp, effects


def _impulse(n=SR, at=100):
    x = np.zeros(n)
    x[at] = 1.0
    return x


# ------------------------------------------------------------------ stereo


def test_pan_center_is_minus_3db_per_side_and_constant_power():
    x = np.full(1000, 0.5)
    y = effects.pan(x, 0.0)
    assert y.shape == (1000, 2)
    for ch in (0, 1):
        assert dsp.gain_to_db(y[0, ch] / 0.5) == pytest.approx(-3.0103, abs=1e-3)
    for p in np.linspace(-1, 1, 9):
        y = effects.pan(x, p)
        np.testing.assert_allclose(y[:, 0] ** 2 + y[:, 1] ** 2, x ** 2, rtol=1e-12)
    hard_left = effects.pan(x, -1.0)
    np.testing.assert_allclose(hard_left[:, 0], x)
    np.testing.assert_allclose(hard_left[:, 1], 0.0, atol=1e-16)


def test_ms_round_trip_is_exact_and_convention():
    x = np.random.default_rng(0).uniform(-1, 1, (SR, 2))
    mid, side = effects.ms_encode(x)
    np.testing.assert_allclose(mid, (x[:, 0] + x[:, 1]) / 2)
    np.testing.assert_allclose(side, (x[:, 0] - x[:, 1]) / 2)
    assert np.array_equal(effects.ms_decode(mid, side), x)
    # a centered source has no side signal
    _, s = effects.ms_encode(dsp.stereo(x[:, 0]))
    assert np.max(np.abs(s)) == 0.0


def test_width():
    x = np.random.default_rng(1).uniform(-1, 1, (1000, 2))
    m = effects.width(x, 0.0)
    np.testing.assert_allclose(m[:, 0], m[:, 1])
    np.testing.assert_allclose(effects.width(x, 1.0), x, atol=1e-15)
    _, s_wide = effects.ms_encode(effects.width(x, 2.0))
    _, s = effects.ms_encode(x)
    np.testing.assert_allclose(s_wide, 2 * s, atol=1e-15)


# ------------------------------------------------------------------ delay and reverb


def test_delay_echoes_at_time_ms_with_feedback():
    x = _impulse(SR, at=100)
    y = effects.delay(x, 250.0, feedback=0.5, mix=0.4)
    d = int(0.25 * SR)
    assert y[100] == pytest.approx(0.6)  # dry
    assert y[100 + d] == pytest.approx(0.4)  # first echo: wet level
    assert y[100 + 2 * d] == pytest.approx(0.4 * 0.5)  # second: one feedback pass
    assert y[100 + 3 * d] == pytest.approx(0.4 * 0.25)
    others = np.delete(y, [100, 100 + d, 100 + 2 * d, 100 + 3 * d])
    assert np.max(np.abs(others)) < 1e-12
    assert len(y) == len(x)
    longer = effects.delay(x, 250.0, feedback=0.5, tail=True)
    assert len(longer) > len(x)


def _schroeder_rt60(ir):
    """RT60 from T30: Schroeder backward integration, line fit from -5 to -35 dB, x2."""
    energy = np.sum(np.atleast_2d(ir.T).T ** 2, axis=1)
    edc = np.cumsum(energy[::-1])[::-1]
    edc_db = 10 * np.log10(edc / edc[0])
    t = np.arange(len(edc)) / SR
    sel = (edc_db <= -5) & (edc_db >= -35)
    slope, _ = np.polyfit(t[sel], edc_db[sel], 1)
    return -60.0 / slope


@pytest.mark.parametrize("rt60", [0.4, 1.5, 2.5])
def test_synthetic_ir_decays_60db_in_rt60(rt60):
    ir = effects.synthetic_ir(rt60, seed=2)
    assert ir.shape[1] == 2
    assert _schroeder_rt60(ir) == pytest.approx(rt60, rel=0.15)
    # decorrelated channels, for a wide reverb
    assert abs(np.corrcoef(ir[:, 0], ir[:, 1])[0, 1]) < 0.2


def test_synthetic_ir_predelay_and_darker_tail():
    ir = effects.synthetic_ir(1.0, predelay_ms=30, seed=0)
    assert np.all(ir[: int(0.03 * SR)] == 0)
    assert np.any(ir[int(0.03 * SR): int(0.035 * SR)] != 0)
    bright = effects.synthetic_ir(1.0, seed=0)
    dark = effects.synthetic_ir(1.0, seed=0, damping=1.0)
    late = slice(int(0.5 * SR), None)

    def hf_ratio(ir):
        spec = np.abs(np.fft.rfft(ir[late, 0])) ** 2
        f = np.fft.rfftfreq(len(ir[late, 0]), 1 / SR)
        return spec[f > 6000].sum() / spec[f < 2000].sum()

    assert hf_ratio(dark) < 0.1 * hf_ratio(bright)


def test_reverb_returns_stereo_and_is_deterministic():
    x = _impulse(SR // 2)
    y = effects.reverb(x, rt60=0.8, predelay_ms=20, mix=0.3)
    assert y.shape == (len(x), 2)
    np.testing.assert_allclose(y[100], 0.7)  # dry part, both channels
    assert np.max(np.abs(y[101:100 + int(0.02 * SR) - 1])) < 1e-12  # silent pre-delay
    assert np.array_equal(y, effects.reverb(x, rt60=0.8, predelay_ms=20, mix=0.3))
    assert len(effects.reverb(x, rt60=0.8, tail=True)) > len(x)


# ------------------------------------------------------------------ saturation


def test_clippers():
    x = np.linspace(-2, 2, 401)
    assert np.max(np.abs(effects.hard_clip(x, 0.5))) == 0.5
    for drive in (0.5, 1.0, 4.0):
        y = effects.soft_clip(x, drive)
        assert effects.soft_clip(np.array([1.0]), drive)[0] == pytest.approx(1.0)
        assert np.all(np.diff(y) > 0)  # monotonic
        np.testing.assert_allclose(y, -y[::-1])  # odd symmetry: only odd harmonics


# ------------------------------------------------------------------ modulation


def test_chorus_is_stereo_and_mix_zero_is_dry():
    x = np.sin(2 * np.pi * 440 * np.arange(SR) / SR)
    y = effects.chorus(x)
    assert y.shape == (SR, 2)
    assert not np.allclose(y[:, 0], y[:, 1])  # the two LFOs differ
    np.testing.assert_allclose(effects.chorus(x, mix=0.0), dsp.stereo(x))


def test_flanger_static_delay_is_a_feedback_comb():
    x = _impulse(4800, at=10)
    y = effects.flanger(x, rate_hz=0.0, depth_ms=0.0, feedback=0.5, mix=1.0, min_ms=1.0)
    d = 48
    np.testing.assert_allclose(y[[10 + d, 10 + 2 * d, 10 + 3 * d]], [1.0, 0.5, 0.25])
    # a moving flanger keeps the input's length and shape
    s = np.random.default_rng(0).standard_normal((SR, 2)) * 0.1
    assert effects.flanger(s).shape == s.shape


def test_tremolo_depth():
    x = np.ones(SR)
    y = effects.tremolo(x, rate_hz=5, depth=0.5)
    assert y.max() == pytest.approx(1.0, abs=1e-4)
    assert y.min() == pytest.approx(0.5, abs=1e-4)


def test_vibrato_depth_in_cents():
    f0 = 1000.0
    x = np.sin(2 * np.pi * f0 * np.arange(2 * SR) / SR)
    y = effects.vibrato(x, rate_hz=5, depth_cents=50)
    phase = np.unwrap(np.angle(hilbert(y)))
    inst = np.diff(phase) * SR / (2 * np.pi)
    inst = inst[5000:-5000]
    cents = 1200 * np.log2(inst / f0)
    assert cents.max() == pytest.approx(50, rel=0.15)
    assert cents.min() == pytest.approx(-50, rel=0.15)


def test_pan_gains_name_their_center_attenuation():
    import math

    from soundlib.effects import pan_gains

    for law, center in ((-3.0, -3.0103), (-4.5, -4.5154), (-6.0, -6.0206)):
        left, right = pan_gains(0.0, law)
        assert abs(20 * math.log10(float(left)) - center) < 1e-3
        assert abs(float(left) - float(right)) < 1e-12
        hard_l, hard_r = pan_gains(-1.0, law)
        assert abs(float(hard_l) - 1.0) < 1e-12 and abs(float(hard_r)) < 1e-12
    # -3 dB keeps L² + R² constant, -6 dB keeps L + R constant
    p = np.linspace(-1, 1, 21)
    l3, r3 = pan_gains(p, -3.0)
    l6, r6 = pan_gains(p, -6.0)
    assert np.allclose(l3 ** 2 + r3 ** 2, 1.0) and np.allclose(l6 + r6, 1.0)
    with pytest.raises(ValueError, match="unknown pan law"):
        pan_gains(0.0, -5.0)
