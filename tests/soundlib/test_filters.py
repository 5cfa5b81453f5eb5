"""Measured responses of soundlib.filters: RBJ biquads, comb filters, Butterworth."""

import numpy as np
import pytest
from scipy.signal import freqz

from soundlib import SR
from soundlib import filters as flt
from soundlib import generators as g


def gain_db_at(filter_fn, freq, seconds=0.5):
    """Steady-state gain of ``filter_fn`` for a sine at ``freq``: filter a sine and
    least-squares fit the amplitude over the second half (after the transient)."""
    x = g.sine(freq, seconds)
    y = filter_fn(x)
    half = len(y) // 2
    t = np.arange(len(y))[half:] / SR
    basis = np.column_stack([np.sin(2 * np.pi * freq * t), np.cos(2 * np.pi * freq * t)])
    coef = np.linalg.lstsq(basis, y[half:], rcond=None)[0]
    return 20 * np.log10(np.hypot(*coef))


def test_coefficients_are_normalized():
    for kind in flt.BIQUAD_KINDS:
        b, a = flt.biquad_coefficients(kind, 1000, 0.7071, 6.0, SR)
        assert a[0] == 1.0 and len(b) == len(a) == 3


def test_highpass_and_lowpass_are_3db_down_at_corner():
    def hp(x):
        return flt.biquad(x, "highpass", 1000)
    def lp(x):
        return flt.biquad(x, "lowpass", 1000)
    assert gain_db_at(hp, 1000) == pytest.approx(-3.01, abs=0.02)
    assert gain_db_at(lp, 1000) == pytest.approx(-3.01, abs=0.02)
    assert gain_db_at(hp, 10000) == pytest.approx(0.0, abs=0.1)
    assert gain_db_at(hp, 100) < -35  # 12 dB/octave: about -40 dB a decade below
    # the gain at the corner is 20*log10(q): q = 2 gives a +6.02 dB resonance
    assert gain_db_at(lambda x: flt.biquad(x, "lowpass", 1000, q=2.0), 1000) == \
        pytest.approx(6.02, abs=0.02)


@pytest.mark.parametrize("gain_db", [6.0, -9.0])
def test_peak_filter_gives_gain_at_center_and_unity_far_away(gain_db):
    def pk(x):
        return flt.biquad(x, "peak", 2000, q=1.0, gain_db=gain_db)
    assert gain_db_at(pk, 2000) == pytest.approx(gain_db, abs=0.02)
    assert gain_db_at(pk, 60) == pytest.approx(0.0, abs=0.1)


def test_shelves():
    def low(x):
        return flt.biquad(x, "lowshelf", 500, gain_db=6.0)
    def high(x):
        return flt.biquad(x, "highshelf", 500, gain_db=-6.0)
    assert gain_db_at(low, 40) == pytest.approx(6.0, abs=0.1)
    assert gain_db_at(low, 500) == pytest.approx(3.0, abs=0.05)
    assert gain_db_at(low, 10000) == pytest.approx(0.0, abs=0.1)
    assert gain_db_at(high, 10000) == pytest.approx(-6.0, abs=0.1)
    assert gain_db_at(high, 40) == pytest.approx(0.0, abs=0.1)


def test_bandpass_notch_allpass():
    def bp(x):
        return flt.biquad(x, "bandpass", 1000, q=2.0)
    assert gain_db_at(bp, 1000) == pytest.approx(0.0, abs=0.02)
    assert gain_db_at(bp, 100) < -20
    def notch(x):
        return flt.biquad(x, "notch", 1000, q=2.0)
    assert gain_db_at(notch, 1000) < -60
    assert gain_db_at(notch, 5000) == pytest.approx(0.0, abs=0.2)
    b, a = flt.biquad_coefficients("allpass", 1000, 0.7071, 0.0, SR)
    _, h = freqz(b, a, worN=[50.0, 1000.0, 15000.0], fs=SR)
    assert np.allclose(np.abs(h), 1.0, atol=1e-9)
    assert abs(np.degrees(np.angle(h[1]))) == pytest.approx(180.0, abs=0.01)


def test_comb_feedforward_notches_at_odd_multiples_of_half_inverse_delay():
    # 1 ms delay: notches at 500, 1500, 2500 Hz; peaks (+6.02 dB) at 1, 2 kHz
    imp = np.zeros(SR)
    imp[0] = 1.0
    h = np.abs(np.fft.rfft(flt.comb(imp, 1.0)))
    f = np.fft.rfftfreq(SR, 1 / SR)
    below = f < 3000
    minima = f[1:-1][(h[1:-1] < h[:-2]) & (h[1:-1] < h[2:]) & below[1:-1]]
    assert list(minima) == [500.0, 1500.0, 2500.0]
    assert np.all(h[np.isin(f, [500, 1500, 2500])] < 1e-9)
    assert np.allclose(20 * np.log10(h[np.isin(f, [1000, 2000])]), 6.02, atol=0.01)
    # measured with a sine, too
    def cf(x):
        return flt.comb(x, 1.0)
    assert gain_db_at(cf, 500) < -60 and gain_db_at(cf, 1000) == pytest.approx(6.02, abs=0.01)


def test_comb_feedback_recirculates_and_must_be_stable():
    imp = np.zeros(500)
    imp[0] = 1.0
    y = flt.comb(imp, 2.0, gain=0.5, feedback=True)  # D = 96 samples
    assert y[0] == 1.0 and y[96] == pytest.approx(0.5) and y[192] == pytest.approx(0.25)
    assert np.count_nonzero(np.abs(y) > 1e-12) == 6
    with pytest.raises(ValueError, match="gain"):
        flt.comb(imp, 2.0, gain=1.0, feedback=True)


def test_butterworth_corner_and_slope():
    def lp(x):
        return flt.lowpass(x, 1000, order=4)
    def hp(x):
        return flt.highpass(x, 1000, order=4)
    assert gain_db_at(lp, 1000) == pytest.approx(-3.01, abs=0.02)
    assert gain_db_at(hp, 1000) == pytest.approx(-3.01, abs=0.02)
    # fourth order, 24 dB/octave: |H(f)|^2 = 1 / (1 + r**8), with the bilinear transform's
    # warped frequency ratio r = tan(pi f / sr) / tan(pi fc / sr) (r = 2.009 an octave up)
    r = np.tan(np.pi * 2000 / SR) / np.tan(np.pi * 1000 / SR)
    assert gain_db_at(lp, 2000) == pytest.approx(-10 * np.log10(1 + r ** 8), abs=0.01)
    assert -24.5 < gain_db_at(lp, 2000) < -23.9
    assert gain_db_at(lp, 100) == pytest.approx(0.0, abs=0.01)


def test_stereo_filters_each_channel():
    left, right = g.white_noise(0.1, seed=1), g.white_noise(0.1, seed=2)
    st = np.column_stack([left, right])
    out = flt.biquad(st, "peak", 3000, gain_db=6.0)
    assert out.shape == st.shape
    assert np.allclose(out[:, 0], flt.biquad(left, "peak", 3000, gain_db=6.0))
    assert np.allclose(out[:, 1], flt.biquad(right, "peak", 3000, gain_db=6.0))
    assert np.allclose(flt.lowpass(st, 2000)[:, 1], flt.lowpass(right, 2000))
    assert np.allclose(flt.comb(st, 1.0)[:, 0], flt.comb(left, 1.0))


def test_bad_arguments():
    x = np.zeros(100)
    with pytest.raises(ValueError, match="Nyquist"):
        flt.biquad(x, "lowpass", 30000)
    with pytest.raises(ValueError, match="kind"):
        flt.biquad(x, "bandstop", 1000)
    with pytest.raises(ValueError, match="q"):
        flt.biquad(x, "peak", 1000, q=0)
