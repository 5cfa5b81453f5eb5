"""soundlib.spectrum: Welch average spectra (scipy.signal) against the definition."""

import numpy as np
import pytest

from soundlib import SR, spectrum


def _reference_amplitude(x, nfft, hop):
    """The definition, written out: RMS over whole Hann frames of 2 |X_k| / sum(window)."""
    win = np.hanning(nfft)
    x = np.pad(x, (0, max(0, nfft - len(x))))
    frames = [x[i:i + nfft] * win for i in range(0, len(x) - nfft + 1, hop)]
    power = np.mean([np.abs(np.fft.rfft(f)) ** 2 for f in frames], axis=0)
    return np.sqrt(power) * 2.0 / win.sum()


@pytest.mark.parametrize("n, nfft, hop",
                         [(20000, 4096, None), (3000, 1024, 256), (500, 1024, None)])
def test_average_spectrum_matches_the_definition(n, nfft, hop):
    x = np.random.default_rng(1).standard_normal(n) * 0.1
    freqs, amp = spectrum.average_spectrum(x, nfft, hop, sr=SR)
    np.testing.assert_allclose(freqs, np.fft.rfftfreq(nfft, 1 / SR))
    np.testing.assert_allclose(amp, _reference_amplitude(x, nfft, hop or nfft // 2),
                               rtol=1e-9, atol=1e-15)


def test_a_sine_on_a_bin_reads_its_amplitude():
    nfft, k = 4096, 200
    t = np.arange(10 * nfft)
    x = 0.5 * np.sin(2 * np.pi * k * t / nfft)
    freqs, amp = spectrum.average_spectrum(x, nfft)
    assert int(np.argmax(amp)) == k and freqs[k] == pytest.approx(k * SR / nfft)
    assert amp[k] == pytest.approx(0.5, rel=1e-3)
    _, level = spectrum.power_spectrum_db(x, nfft)
    assert level[k] == pytest.approx(20 * np.log10(0.5), abs=0.01)


def test_stereo_is_averaged_to_mono():
    x = np.random.default_rng(2).standard_normal((8192, 2))
    np.testing.assert_allclose(spectrum.average_spectrum(x, 2048)[1],
                               spectrum.average_spectrum(x.mean(axis=1), 2048)[1])


@pytest.mark.parametrize("nfft, hop", [(1, None), (1024, 0), (1024, 2048)])
def test_bad_frame_sizes_are_refused(nfft, hop):
    with pytest.raises(ValueError):
        spectrum.average_spectrum(np.zeros(4096), nfft, hop)


@pytest.mark.parametrize("n, nfft, hop", [(5000, 512, 200), (9000, 2048, None), (300, 512, 128)])
def test_spectrogram_matches_the_definition(n, nfft, hop):
    x = np.random.default_rng(3).standard_normal(n)
    hop_ = hop or nfft // 2
    win = np.hanning(nfft)
    xp = np.pad(x, (0, max(0, nfft - n)))
    count = 1 + (len(xp) - nfft) // hop_
    ref = np.array([np.abs(np.fft.rfft(xp[i * hop_:i * hop_ + nfft] * win)) * 2 / win.sum()
                    for i in range(count)]).T
    freqs, times, amp = spectrum.spectrogram(x, nfft, hop, sr=SR)
    assert amp.shape == ref.shape == (nfft // 2 + 1, count)
    np.testing.assert_allclose(amp, ref, rtol=1e-9, atol=1e-12)
    np.testing.assert_allclose(times, (np.arange(count) * hop_ + nfft / 2) / SR)
    assert freqs[-1] == SR / 2


def test_spectrogram_follows_a_tone_that_changes_pitch():
    t = np.arange(SR) / SR
    x = np.where(t < 0.5, np.sin(2 * np.pi * 1000 * t), np.sin(2 * np.pi * 4000 * t))
    freqs, times, amp = spectrum.spectrogram(x, 1024, 512)
    peaks = freqs[np.argmax(amp, axis=0)]
    assert abs(peaks[times < 0.45].mean() - 1000) < SR / 1024
    assert abs(peaks[times > 0.55].mean() - 4000) < SR / 1024
