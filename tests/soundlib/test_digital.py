"""Quantization, dither, noise shaping and sample-rate reduction in soundlib.digital."""

import numpy as np
import pytest

from soundlib import SR
from soundlib import digital as dg
from soundlib import generators as g

Q8 = 1 / 128  # one LSB at 8 bits


def spectrum(x, sr=SR):
    w = np.hanning(len(x))
    return np.fft.rfftfreq(len(x), 1 / sr), np.abs(np.fft.rfft(x * w)) ** 2


def harmonic_fraction(err, f0, sr=SR):
    """Share of the error's power that lies on the harmonics of f0 (±2 bins)."""
    f, p = spectrum(err, sr)
    df = f[1]
    on = np.zeros(len(f), bool)
    for k in range(1, int(sr / 2 / f0) + 1):
        on |= np.abs(f - k * f0) <= 2 * df
    return p[on].sum() / p.sum()


def test_output_on_grid_and_clipped_to_representable_range():
    x = np.linspace(-1.2, 1.2, 1001)
    y = dg.quantize(x, 8)
    assert np.allclose(y * 128, np.round(y * 128))
    assert y.min() == -1.0 and y.max() == 1 - Q8
    inside = np.abs(x) < 0.99
    assert np.max(np.abs(y - x)[inside]) <= Q8 / 2 + 1e-12
    assert dg.quantize(np.array([0.3]), 16)[0] == round(0.3 * 32768) / 32768


def test_undithered_error_is_distortion_tpdf_makes_it_noise():
    # a 1 kHz sine (exactly 48 samples a period) only 2.7 LSB high at 8 bits: the rounding
    # error repeats with the signal, so all of it lies on harmonics of 1 kHz. (2.7, not 3:
    # 3 LSB * sin(30 deg) would sit exactly between two steps and round unpredictably.)
    x = g.sine(1000, 1.0, amp=2.7 * Q8)
    err_none = dg.quantize(x, 8) - x
    err_tpdf = dg.quantize(x, 8, dither="tpdf") - x
    assert harmonic_fraction(err_none, 1000) > 0.99   # all harmonics of 1 kHz
    assert harmonic_fraction(err_tpdf, 1000) < 0.05   # spread out as noise
    # the undithered version has strong harmonic distortion; TPDF leaves none above the noise
    f, p_none = spectrum(dg.quantize(x, 8))
    _, p_tpdf = spectrum(dg.quantize(x, 8, dither="tpdf"))
    h3 = np.argmin(np.abs(f - 3000))
    noise_floor = np.median(p_tpdf)
    assert 10 * np.log10(p_none[h3] / noise_floor) > 20
    assert 10 * np.log10(p_tpdf[h3] / noise_floor) < 10
    # TPDF total error power: q^2/12 (rounding) + 2 q^2/12 (dither) = q^2/4
    assert np.mean(err_tpdf ** 2) == pytest.approx(Q8 ** 2 / 4, rel=0.05)


def test_tpdf_noise_power_does_not_depend_on_signal_rpdf_does():
    # a slow ramp visits every position between two quantization steps
    x = np.linspace(-0.2, 0.2, 200_000)
    frac = np.mod(x * 128, 1.0)
    bins = np.digitize(frac, np.linspace(0, 1, 11))
    def variance_range(dither):
        e = (dg.quantize(x, 8, dither=dither, seed=5) - x) * 128  # in LSB
        v = [np.mean(e[bins == b] ** 2) for b in range(1, 11)]
        return min(v), max(v)
    lo, hi = variance_range("tpdf")
    assert 0.23 < lo and hi < 0.27          # 1/4 LSB^2 everywhere
    lo, hi = variance_range("rpdf")
    assert lo < 0.05 and hi > 0.2           # between 0 and 1/4 LSB^2: noise modulation


def test_noise_shaping_moves_noise_above_10_khz():
    x = g.sine(1000, 0.5, amp=0.5)
    flat = dg.quantize(x, 8, dither="tpdf") - x
    shaped = dg.quantize(x, 8, dither="tpdf", noise_shaping=True) - x
    f, pf = spectrum(flat)
    _, ps = spectrum(shaped)
    high = f > 10000
    assert pf[high].sum() / pf.sum() == pytest.approx(14 / 24, abs=0.05)  # white
    assert ps[high].sum() / ps.sum() > 0.85
    low = (f > 100) & (f < 2000)
    assert 10 * np.log10(ps[low].mean() / pf[low].mean()) < -10
    # the first-order shaper (1 - z^-1) doubles the total noise power (+3 dB)
    assert 10 * np.log10(np.mean(shaped ** 2) / np.mean(flat ** 2)) == pytest.approx(3.0, abs=0.3)


def test_quantize_is_deterministic_and_handles_stereo():
    x = np.column_stack([g.sine(440, 0.05, 0.3), g.sine(660, 0.05, 0.3)])
    a = dg.quantize(x, 6, dither="tpdf", noise_shaping=True, seed=1)
    assert a.shape == x.shape
    assert np.array_equal(a, dg.quantize(x, 6, dither="tpdf", noise_shaping=True, seed=1))
    assert not np.array_equal(a, dg.quantize(x, 6, dither="tpdf", noise_shaping=True, seed=2))
    assert np.max(np.abs(a - x)) < 3 / 32


def test_downsample_without_antialias_folds_15k_to_9k():
    x = g.sine(15000, 0.5, amp=0.5)
    y, sr = dg.downsample(x, 2, antialias=False)
    assert sr == 24000 and len(y) == len(x) // 2
    f, p = spectrum(y, sr)
    assert abs(f[np.argmax(p)] - 9000) <= 2 * f[1]
    # with the anti-alias filter the 15 kHz tone is removed instead
    z, _ = dg.downsample(x, 2)
    assert np.sqrt(np.mean(z[500:-500] ** 2)) < 1e-3 * 0.5
    # content below the new Nyquist passes either way
    w, _ = dg.downsample(g.sine(3000, 0.5, amp=0.5), 2)
    assert np.sqrt(np.mean(w[500:-500] ** 2)) == pytest.approx(0.5 / np.sqrt(2), rel=0.01)
    with pytest.raises(ValueError):
        dg.downsample(x, 7)


def test_sample_and_hold_keeps_rate_and_aliases():
    x = g.sine(15000, 0.5, amp=0.5)
    y = dg.sample_and_hold(x, 2)
    assert len(y) == len(x) and y[1] == x[0] and y[3] == x[2]
    f, p = spectrum(y)
    assert abs(f[np.argmax(p)] - 9000) <= 4  # the folded tone is now the loudest
    z = dg.sample_and_hold(np.arange(10.0), 2.5)
    assert list(z) == [0, 0, 0, 2, 2, 5, 5, 5, 7, 7]


def test_alias_frequency_folds_about_the_nearest_multiple():
    from soundlib.digital import alias_frequency

    assert alias_frequency(30000, 48000) == 18000   # Module 2's worked example
    assert alias_frequency(5000, 8000) == 3000      # the sampling lab's default
    assert alias_frequency(1000, 8000) == 1000      # below Nyquist: itself
    assert alias_frequency(8000, 8000) == 0
    import pytest

    with pytest.raises(ValueError):
        alias_frequency(1000, 0)
