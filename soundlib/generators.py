"""Test-signal generators: tones, classic waveforms, noise, sweeps, clicks, silence.

Every generator returns a mono float64 array of ``round(seconds * sr)`` samples, full
scale ±1.0. Phases are in radians; a phase of 0 starts every periodic waveform at zero
and rising, like a sine.
"""

from __future__ import annotations

import math

import numpy as np

from soundlib import SR
from soundlib.dsp import n_samples

__all__ = [
    "sine", "square", "sawtooth", "triangle", "harmonic_series", "white_noise",
    "pink_noise", "sweep", "click_train", "silence",
]


def _check_freq(freq: float, sr: int, name: str = "frequency") -> None:
    if not 0 < freq < sr / 2:
        raise ValueError(
            f"{name} must be between 0 and the Nyquist frequency {sr / 2:g} Hz, got {freq} Hz"
        )


def _cycles(freq: float, seconds: float, phase: float, sr: int) -> np.ndarray:
    """Phase in cycles (not wrapped) at each sample: ``freq * t + phase / (2 pi)``."""
    n = n_samples(seconds, sr)
    return freq * (np.arange(n) / sr) + phase / (2.0 * math.pi)


def sine(freq: float, seconds: float, amp: float = 1.0, phase: float = 0.0,
         sr: int = SR) -> np.ndarray:
    """Sine tone: ``amp * sin(2*pi*freq*t + phase)``. Its RMS level is ``amp / sqrt(2)``
    (3.01 dB below its peak)."""
    _check_freq(freq, sr)
    n = n_samples(seconds, sr)
    return amp * np.sin(2.0 * math.pi * freq * (np.arange(n) / sr) + phase)


# Fourier series of the three classic waveforms, as sine amplitudes of harmonic k
# (all start at zero and rise at phase 0, like sin):
#   square   = (4/pi)    * sum over odd k of  sin(k theta) / k
#   sawtooth = (2/pi)    * sum over all k of  (-1)**(k+1) sin(k theta) / k
#   triangle = (8/pi**2) * sum over odd k of  (-1)**((k-1)/2) sin(k theta) / k**2
def _harmonic_amplitudes(wave: str, kmax: int) -> np.ndarray:
    k = np.arange(1, kmax + 1, dtype=np.float64)
    odd = (k % 2) == 1
    if wave == "square":
        return np.where(odd, 4.0 / (math.pi * k), 0.0)
    if wave == "sawtooth":
        return 2.0 / math.pi * np.where(odd, 1.0, -1.0) / k
    if wave == "triangle":
        sign = np.where(((k - 1) / 2) % 2 == 0, 1.0, -1.0)
        return np.where(odd, 8.0 / math.pi ** 2 * sign / k ** 2, 0.0)
    raise ValueError(wave)


def _naive(wave: str, p: np.ndarray) -> np.ndarray:
    """The ideal waveform sampled directly at phase ``p`` (in cycles)."""
    if wave == "square":
        return np.where(np.mod(p, 1.0) < 0.5, 1.0, -1.0)
    if wave == "sawtooth":
        return 2.0 * np.mod(p + 0.5, 1.0) - 1.0
    return 1.0 - 2.0 * np.abs(2.0 * np.mod(p + 0.25, 1.0) - 1.0)  # triangle


def _classic(wave: str, freq: float, seconds: float, amp: float, phase: float,
             bandlimited: bool, sr: int) -> np.ndarray:
    _check_freq(freq, sr)
    p = _cycles(freq, seconds, phase, sr)
    if not bandlimited:
        return amp * _naive(wave, p)
    # Additive synthesis of every harmonic below Nyquist, computed once into a one-period
    # wavetable (by inverse FFT) and read with 4-point cubic (Lagrange) interpolation. The
    # table holds at least 256 points per cycle of the highest harmonic (capped at 2**22
    # points), which keeps the interpolation error below -120 dBFS: the result matches
    # direct additive synthesis at a fraction of its cost.
    kmax = max(1, int(math.ceil(sr / 2.0 / freq)) - 1)  # harmonics strictly below Nyquist
    size = 1 << min(22, max(12, int(math.ceil(math.log2(256 * kmax)))))
    spec = np.zeros(size // 2 + 1, dtype=np.complex128)
    spec[1:kmax + 1] = -0.5j * size * _harmonic_amplitudes(wave, kmax)
    table = np.fft.irfft(spec, n=size)
    pos = np.mod(p, 1.0) * size
    i = np.floor(pos).astype(np.int64)
    u = pos - i
    ym1, y0, y1, y2 = (table[(i + j) % size] for j in (-1, 0, 1, 2))
    out = (-u * (u - 1) * (u - 2) / 6 * ym1 + (u + 1) * (u - 1) * (u - 2) / 2 * y0
           - (u + 1) * u * (u - 2) / 2 * y1 + (u + 1) * u * (u - 1) / 6 * y2)
    return amp * out


def square(freq: float, seconds: float, amp: float = 1.0, phase: float = 0.0,
           bandlimited: bool = True, sr: int = SR) -> np.ndarray:
    """Square wave: odd harmonics at amplitudes ``(4/pi) * amp / k``.

    ``bandlimited=True`` (default) keeps only the harmonics below the Nyquist frequency
    (additive synthesis), so nothing aliases. Its samples overshoot ``amp`` by up to about 18 %
    near each edge (the Gibbs phenomenon), so leave headroom. ``bandlimited=False`` samples
    the ideal ±amp square directly: its harmonics above Nyquist fold back as inharmonic
    aliases, the way a naive digital oscillator sounds.
    """
    return _classic("square", freq, seconds, amp, phase, bandlimited, sr)


def sawtooth(freq: float, seconds: float, amp: float = 1.0, phase: float = 0.0,
             bandlimited: bool = True, sr: int = SR) -> np.ndarray:
    """Rising sawtooth: all harmonics, amplitudes ``(2/pi) * amp / k``.

    ``bandlimited=True`` (default): harmonics below Nyquist only, no aliasing; the peak
    overshoots ``amp`` by up to about 18 % (Gibbs phenomenon). ``bandlimited=False``: the ideal
    ramp sampled directly, which aliases.
    """
    return _classic("sawtooth", freq, seconds, amp, phase, bandlimited, sr)


def triangle(freq: float, seconds: float, amp: float = 1.0, phase: float = 0.0,
             bandlimited: bool = True, sr: int = SR) -> np.ndarray:
    """Triangle wave: odd harmonics at amplitudes ``(8/pi**2) * amp / k**2`` (12 dB/octave).

    ``bandlimited=True`` (default): harmonics below Nyquist only (no overshoot: the peak
    stays within ``amp``). ``bandlimited=False``: the ideal triangle sampled directly; its
    aliases are weaker than a square's because its harmonics fall faster.
    """
    return _classic("triangle", freq, seconds, amp, phase, bandlimited, sr)


def harmonic_series(f0: float, seconds: float, amplitudes, phases=None,
                    sr: int = SR) -> np.ndarray:
    """Sum of harmonics of ``f0``: ``sum_k amplitudes[k-1] * sin(2*pi*k*f0*t + phases[k-1])``.

    ``amplitudes`` lists the linear amplitudes of harmonics 1, 2, 3, ... (the fundamental
    first). Harmonics at or above the Nyquist frequency are left out, so the result never
    aliases. ``phases`` (radians) defaults to all zeros.
    """
    _check_freq(f0, sr, "f0")
    amplitudes = np.asarray(amplitudes, dtype=np.float64).ravel()
    phases = np.zeros_like(amplitudes) if phases is None else np.asarray(phases, dtype=np.float64).ravel()
    if phases.shape != amplitudes.shape:
        raise ValueError("phases must have one value per amplitude")
    t = np.arange(n_samples(seconds, sr)) / sr
    out = np.zeros_like(t)
    for k, (a, ph) in enumerate(zip(amplitudes, phases), start=1):
        if k * f0 >= sr / 2:
            break
        if a != 0.0:
            out += a * np.sin(2.0 * math.pi * k * f0 * t + ph)
    return out


def white_noise(seconds: float, amp: float = 1.0, seed: int = 0, sr: int = SR) -> np.ndarray:
    """White noise: independent samples drawn uniformly from ``[-amp, amp]``.

    Equal power per hertz (a flat spectrum); peak ``amp``, RMS ``amp / sqrt(3)``
    (4.77 dB below the peak). Deterministic for a given ``seed``.
    """
    rng = np.random.default_rng(seed)
    return rng.uniform(-amp, amp, n_samples(seconds, sr))


def pink_noise(seconds: float, amp: float = 1.0, seed: int = 0, sr: int = SR,
               low_cut: float = 20.0) -> np.ndarray:
    """Pink noise: power density proportional to 1/f, i.e. equal power per octave.

    Gaussian white noise is shaped in the frequency domain: each FFT bin is scaled by
    ``1 / sqrt(f)``, so the spectrum falls 3.01 dB per octave. Bins below ``low_cut``
    (default 20 Hz) are removed, because 1/f would put ever more power into inaudible
    subsonic content. The result is scaled so its peak is ``amp``. Because it is made with
    one FFT over the whole length, the noise also loops seamlessly. Deterministic for a
    given ``seed``.
    """
    n = n_samples(seconds, sr)
    if n == 0:
        return np.zeros(0)
    rng = np.random.default_rng(seed)
    spec = np.fft.rfft(rng.standard_normal(n))
    f = np.fft.rfftfreq(n, 1.0 / sr)
    weight = np.zeros_like(f)
    keep = f >= max(low_cut, f[1] if n > 1 else 0.0)
    weight[keep] = 1.0 / np.sqrt(f[keep])
    y = np.fft.irfft(spec * weight, n=n)
    peak = np.max(np.abs(y))
    return amp * y / peak if peak > 0 else y


def sweep(f0: float, f1: float, seconds: float, amp: float = 1.0, sr: int = SR) -> np.ndarray:
    """Logarithmic (exponential) sine sweep from ``f0`` to ``f1`` Hz.

    The frequency rises (or falls) by equal musical intervals in equal times,
    ``f(t) = f0 * (f1/f0) ** (t / seconds)``, so each octave takes the same time; the phase
    is its integral, ``2*pi*f0*T / ln(f1/f0) * ((f1/f0) ** (t/T) - 1)`` (Farina's sweep).
    """
    _check_freq(f0, sr, "f0")
    _check_freq(f1, sr, "f1")
    n = n_samples(seconds, sr)
    t = np.arange(n) / sr
    if f0 == f1:
        return amp * np.sin(2.0 * math.pi * f0 * t)
    k = math.log(f1 / f0)
    return amp * np.sin(2.0 * math.pi * f0 * seconds / k * (np.exp(t * k / seconds) - 1.0))


def click_train(rate_hz: float, seconds: float, amp: float = 1.0, sr: int = SR) -> np.ndarray:
    """Regular clicks: single-sample impulses of height ``amp`` at ``rate_hz`` per second.

    Click ``m`` sits at sample ``round(m * sr / rate_hz)``, the first at sample 0. Heard as
    a ticking below about 20 Hz and as a buzzy pitch above it.
    """
    if rate_hz <= 0:
        raise ValueError(f"rate_hz must be positive, got {rate_hz}")
    n = n_samples(seconds, sr)
    out = np.zeros(n)
    idx = np.round(np.arange(0.0, n / sr * rate_hz) * sr / rate_hz).astype(np.int64)
    out[idx[idx < n]] = amp
    return out


def silence(seconds: float, sr: int = SR) -> np.ndarray:
    """Digital silence: ``round(seconds * sr)`` zeros."""
    return np.zeros(n_samples(seconds, sr))
