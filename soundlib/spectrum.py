"""Spectra for plots: the average spectrum of a sound (Welch's method, ``scipy.signal.welch``)
and its spectrogram (``scipy.signal.ShortTimeFFT``).

Levels are amplitudes relative to a full-scale sine: a sine of amplitude ``A`` whose
frequency falls on an FFT bin reads ``A`` there (0 dB for a full-scale sine). The window is
the symmetric Hann window of ``numpy.hanning``; frames overlap by half unless a ``hop`` is
given, and only whole frames are used (a sound shorter than one frame is padded with
silence to one frame).
"""

from __future__ import annotations

import numpy as np

from soundlib import SR
from soundlib.dsp import as_audio, mono

__all__ = ["average_spectrum", "power_spectrum_db", "spectrogram"]


def _frames(x, nfft, hop, gaps: bool = False):
    """Check ``nfft`` and ``hop`` (default ``nfft // 2``; larger than ``nfft`` only with
    ``gaps``, which skips the samples between frames); return ``(mono signal padded to at
    least one frame, nfft, hop)``."""
    nfft = int(nfft)
    if nfft < 2:
        raise ValueError(f"nfft must be at least 2, got {nfft}")
    hop = nfft // 2 if hop is None else int(hop)
    if hop < 1 or (hop > nfft and not gaps):
        raise ValueError(f"hop must be between 1 and nfft ({nfft}) samples, got {hop}")
    y = mono(as_audio(x))
    if len(y) < nfft:
        y = np.pad(y, (0, nfft - len(y)))
    return y, nfft, hop


def _bin_power(x, nfft, hop, sr):
    """``(freqs, p)``: the mean over the frames of ``|X_k|² / sum(window)²`` for the bins
    0 .. nfft/2, from ``scipy.signal.welch`` (two-sided, ``scaling="spectrum"``, no
    detrending)."""
    from scipy.signal import welch

    y, nfft, hop = _frames(x, nfft, hop)
    _, p = welch(y, fs=sr, window=np.hanning(nfft), nperseg=nfft, noverlap=nfft - hop,
                 detrend=False, return_onesided=False, scaling="spectrum", average="mean")
    return np.fft.rfftfreq(nfft, 1.0 / sr), p[: nfft // 2 + 1]


def average_spectrum(x, nfft: int = 8192, hop: int | None = None, *, sr: int = SR):
    """Average amplitude spectrum of ``x`` (stereo is averaged to mono first).

    Returns ``(freqs, amplitude)``, each with ``nfft // 2 + 1`` values from 0 Hz to
    ``sr / 2``. ``amplitude`` is the root-mean-square over the frames of twice the
    two-sided bin magnitude ``|X_k| / sum(window)``, so a full-scale sine reads 1.0 at its
    bin (the DC and Nyquist bins are doubled too).
    """
    freqs, p = _bin_power(x, nfft, hop, sr)
    return freqs, 2.0 * np.sqrt(p)


def power_spectrum_db(x, nfft: int = 8192, hop: int | None = None, *, sr: int = SR,
                      floor: float = 1e-30):
    """``average_spectrum`` as a level in dB re a full-scale sine: ``10 log10(A² + floor)``.

    Returns ``(freqs, level_db)``; ``floor`` keeps silent bins finite (1e-30 is -300 dB).
    """
    freqs, p = _bin_power(x, nfft, hop, sr)
    return freqs, 10.0 * np.log10(4.0 * p + floor)


def spectrogram(x, nfft: int = 2048, hop: int | None = None, *, sr: int = SR):
    """Amplitude spectrogram of ``x`` (stereo is averaged to mono first).

    Frame ``i`` covers samples ``i * hop`` to ``i * hop + nfft`` (whole frames only; a sound
    shorter than one frame is padded with silence). Returns ``(freqs, times, amplitude)``:
    ``nfft // 2 + 1`` frequencies, the time of each frame's center in seconds, and an array
    of shape ``(len(freqs), len(times))`` holding ``2 |X_k| / sum(window)`` per frame, so a
    full-scale sine on a bin reads 1.0, as in :func:`average_spectrum`. Computed with
    ``scipy.signal.ShortTimeFFT`` (``scale_to="magnitude"``).
    """
    from scipy.signal import ShortTimeFFT

    y, nfft, hop = _frames(x, nfft, hop, gaps=True)   # long sounds: frames may skip samples
    frames = 1 + (len(y) - nfft) // hop
    stft = ShortTimeFFT(np.hanning(nfft), hop, fs=sr, fft_mode="onesided",
                        scale_to="magnitude")
    # k_offset: the first sample starts frame 0 (ShortTimeFFT centers frame 0 on it otherwise)
    amp = 2.0 * np.abs(stft.stft(y, p0=0, p1=frames, k_offset=stft.m_num_mid))
    times = (np.arange(frames) * hop + nfft / 2) / sr
    return np.fft.rfftfreq(nfft, 1.0 / sr), times, amp
