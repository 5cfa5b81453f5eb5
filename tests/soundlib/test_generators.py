"""Signal properties of soundlib.generators: frequency, level, aliasing, noise color."""

import numpy as np
import pytest
from scipy.signal import welch
from scipy.signal.windows import blackmanharris

from soundlib import SR
from soundlib import generators as g


def power_spectrum(x, sr=SR):
    """Blackman-Harris windowed power spectrum (sidelobes below -92 dB) and its bin freqs."""
    w = blackmanharris(len(x))
    return np.fft.rfftfreq(len(x), 1 / sr), np.abs(np.fft.rfft(x * w)) ** 2


def peak_freq(x, sr=SR):
    f, p = power_spectrum(x, sr)
    return f[np.argmax(p)]


def inharmonic_ratio_db(x, f0, sr=SR, width_hz=8.0):
    """Power away from the harmonics k*f0 (k*f0 < Nyquist) relative to total power, in dB.
    For a band-limited periodic wave this is leakage only; aliases land in between."""
    f, p = power_spectrum(x, sr)
    harmonic = np.zeros(len(f), bool)
    for k in range(1, int(sr / 2 / f0) + 1):
        harmonic |= np.abs(f - k * f0) <= width_hz
    return 10 * np.log10(p[~harmonic].sum() / p.sum())


@pytest.mark.parametrize("freq", [100.0, 1000.0, 12345.0])
def test_sine_frequency_level_and_length(freq):
    x = g.sine(freq, 1.0, amp=0.5)
    assert x.dtype == np.float64 and x.shape == (SR,)
    assert abs(peak_freq(x) - freq) <= 1.0
    assert np.sqrt(np.mean(x ** 2)) == pytest.approx(0.5 / np.sqrt(2), rel=1e-3)
    assert np.max(np.abs(x)) <= 0.5


def test_sine_phase_in_radians():
    assert g.sine(1000, 0.01, phase=np.pi / 2)[0] == pytest.approx(1.0)
    assert g.sine(1000, 0.01)[0] == 0.0


@pytest.mark.parametrize("wave", ["square", "sawtooth", "triangle"])
def test_bandlimited_waves_do_not_alias_naive_ones_do(wave):
    f0 = 3100.0  # not a divisor of 48 kHz, so aliases fall between the harmonics
    make = getattr(g, wave)
    bl = inharmonic_ratio_db(make(f0, 0.5), f0)
    naive = inharmonic_ratio_db(make(f0, 0.5, bandlimited=False), f0)
    assert bl < -85, f"band-limited {wave} has alias energy at {bl:.1f} dB"
    assert naive > -45, f"naive {wave} should alias audibly, got {naive:.1f} dB"
    assert naive - bl > 40


@pytest.mark.parametrize("wave,amps", [
    ("square", {1: 4 / np.pi, 2: 0.0, 3: 4 / (3 * np.pi)}),
    ("sawtooth", {1: 2 / np.pi, 2: 1 / np.pi, 3: 2 / (3 * np.pi)}),
    ("triangle", {1: 8 / np.pi ** 2, 2: 0.0, 3: 8 / (9 * np.pi ** 2)}),
])
def test_classic_wave_harmonic_amplitudes(wave, amps):
    f0 = 200.0
    x = getattr(g, wave)(f0, 0.5)
    t = np.arange(len(x)) / SR
    for k, a in amps.items():
        # least-squares amplitude of harmonic k
        basis = np.column_stack([np.sin(2 * np.pi * k * f0 * t), np.cos(2 * np.pi * k * f0 * t)])
        coef = np.linalg.lstsq(basis, x, rcond=None)[0]
        assert np.hypot(*coef) == pytest.approx(a, abs=1e-6)


def test_naive_waveforms_have_ideal_shape():
    sq = g.square(100, 0.01, bandlimited=False)
    assert set(np.unique(sq)) == {-1.0, 1.0}
    saw = g.sawtooth(100, 0.01, bandlimited=False)
    assert saw[0] == 0.0 and saw.min() >= -1 and saw.max() < 1
    assert np.all(np.diff(saw[:200])[np.diff(saw[:200]) > 0] == pytest.approx(2 * 100 / SR))
    tri = g.triangle(100, 0.01, bandlimited=False)
    assert tri[120] == pytest.approx(1.0)  # a quarter period in: the peak


def test_bandlimited_triangle_follows_phase_convention_of_sine():
    tri = g.triangle(100, 0.01)
    assert abs(tri[0]) < 1e-9 and tri[1] > 0 and tri[120] == pytest.approx(1.0, abs=0.01)


def test_harmonic_series_levels_and_nyquist():
    x = g.harmonic_series(1000, 1.0, [0.5, 0.25, 0.125])
    f, p = power_spectrum(x)
    levels = [p[np.argmin(np.abs(f - k * 1000))] for k in (1, 2, 3)]
    assert 10 * np.log10(levels[0] / levels[1]) == pytest.approx(6.02, abs=0.05)
    assert 10 * np.log10(levels[1] / levels[2]) == pytest.approx(6.02, abs=0.05)
    # the third harmonic of 10 kHz (30 kHz) would alias to 18 kHz: it must be left out
    y = g.harmonic_series(10000, 0.5, [0.5, 0.25, 0.125])
    f, p = power_spectrum(y)
    assert p[np.argmin(np.abs(f - 18000))] < 1e-9 * p.max()


def test_white_noise_is_flat_bounded_and_seeded():
    x = g.white_noise(2.0, amp=0.5, seed=3)
    assert np.max(np.abs(x)) <= 0.5
    assert np.sqrt(np.mean(x ** 2)) == pytest.approx(0.5 / np.sqrt(3), rel=0.01)
    f, p = welch(x, SR, nperseg=4096)
    low = p[(f > 200) & (f < 2000)].mean()
    high = p[(f > 12000) & (f < 20000)].mean()
    assert abs(10 * np.log10(low / high)) < 0.5
    assert np.array_equal(x, g.white_noise(2.0, amp=0.5, seed=3))
    assert not np.array_equal(x, g.white_noise(2.0, amp=0.5, seed=4))


def test_pink_noise_falls_3_db_per_octave():
    x = g.pink_noise(4.0, amp=0.5, seed=1)
    assert np.max(np.abs(x)) == pytest.approx(0.5)
    f, p = welch(x, SR, nperseg=8192)
    band = (f >= 100) & (f <= 10000)
    slope_db_per_octave = np.polyfit(np.log2(f[band]), 10 * np.log10(p[band]), 1)[0]
    assert slope_db_per_octave == pytest.approx(-3.01, abs=1.0)
    # equal power in every octave band
    octaves = [p[(f >= lo) & (f < 2 * lo)].sum() for lo in (125, 500, 2000, 8000)]
    assert np.ptp(10 * np.log10(octaves)) < 1.5
    assert np.array_equal(x, g.pink_noise(4.0, amp=0.5, seed=1))


def test_sweep_is_logarithmic():
    x = g.sweep(100, 10000, 2.0)
    n = 4096
    def freq_at(t):
        i = int(t * SR) - n // 2
        return peak_freq(x[i:i + n])
    # f(t) = f0 * (f1/f0)**(t/T): 1 kHz at the midpoint (the geometric mean)
    assert freq_at(1.0) == pytest.approx(1000, rel=0.03)
    assert freq_at(0.5) == pytest.approx(100 * 100 ** 0.25, rel=0.03)
    assert freq_at(1.5) == pytest.approx(100 * 100 ** 0.75, rel=0.03)


def test_click_train_and_silence():
    c = g.click_train(10, 1.0, amp=0.8)
    idx = np.flatnonzero(c)
    assert len(idx) == 10 and idx[0] == 0
    assert np.all(np.diff(idx) == SR // 10) and np.all(c[idx] == 0.8)
    s = g.silence(0.25)
    assert s.shape == (SR // 4,) and not s.any()


def test_frequency_above_nyquist_is_rejected():
    with pytest.raises(ValueError, match="Nyquist"):
        g.sine(30000, 0.1)
