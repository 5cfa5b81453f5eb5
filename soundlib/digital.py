"""Digital-audio effects for teaching: bit depth, dither, noise shaping, sample-rate reduction.

These functions are meant to make digital artifacts audible: quantization distortion,
dither noise, aliasing. Examples that use them should be written as WAV (``:lossless:``),
because an MP3 encoder would mask or alter exactly what they demonstrate.
"""

from __future__ import annotations

import numpy as np

from soundlib import SR
from soundlib.dsp import as_audio

__all__ = ["quantize", "downsample", "sample_and_hold", "alias_frequency"]


def quantize(x, bits: int, dither: str = "none", noise_shaping: bool = False,
             seed: int = 0) -> np.ndarray:
    """Reduce ``x`` to ``bits`` bits: round every sample to a grid of ``2**(bits-1)`` steps
    per unit of full scale (step, or LSB, ``q = 2**-(bits-1)``).

    The output is clipped to the range a ``bits``-bit two's-complement converter can
    represent, ``[-1, 1 - q]``. Undithered quantization error is about ``q**2 / 12`` in
    power (the "6.02 dB per bit" rule: a full-scale sine has a signal-to-noise ratio of
    ``6.02 * bits + 1.76`` dB), but for low-level or simple signals the error follows the
    signal and sounds as distortion (harmonics), not noise.

    ``dither`` adds noise before rounding:

    - ``"none"``: plain rounding.
    - ``"rpdf"``: rectangular (uniform) dither of ±0.5 LSB peak. It makes the *average*
      error independent of the signal, but the noise level still varies with the signal.
    - ``"tpdf"``: triangular dither of ±1 LSB peak (the sum of two independent rectangular
      ones). Both the mean and the power of the total error become independent of the
      signal: the distortion turns into a steady, benign hiss about 4.8 dB above undithered
      rounding noise (total error power ``q**2 / 4``). This is the standard choice.

    ``noise_shaping=True`` adds a first-order error-feedback loop: the quantizer's total
    error (including the dither) is subtracted from the next sample, so the error reaching
    the output is filtered by ``1 - z**-1``. Its power spectrum is multiplied by
    ``4 * sin(pi * f / sr)**2``: quieter than unshaped below ``sr / 6`` (8 kHz at 48 kHz;
    -17.7 dB at 1 kHz, zero at DC), +6.02 dB at Nyquist, and twice the total
    power (+3.01 dB). The noise moves to high frequencies, where hearing is less
    sensitive. The clipping error is not fed back, so the loop cannot run away.

    Random numbers come from ``numpy.random.default_rng(seed)``; the result is deterministic.
    """
    if int(bits) != bits or not 1 <= bits <= 32:
        raise ValueError(f"bits must be an integer from 1 to 32, got {bits}")
    if dither not in ("none", "rpdf", "tpdf"):
        raise ValueError(f"dither must be 'none', 'rpdf' or 'tpdf', got {dither!r}")
    x = as_audio(x)
    levels = 2.0 ** (int(bits) - 1)          # steps per unit: q = 1 / levels
    lo, hi = -levels, levels - 1.0           # representable range, in steps
    rng = np.random.default_rng(seed)
    v = x * levels                           # signal in units of one step (LSB)
    if dither == "rpdf":
        d = rng.uniform(-0.5, 0.5, x.shape)
    elif dither == "tpdf":
        d = rng.uniform(-0.5, 0.5, x.shape) + rng.uniform(-0.5, 0.5, x.shape)
    else:
        d = np.zeros(x.shape)
    if not noise_shaping:
        return np.clip(np.round(v + d), lo, hi) / levels

    # First-order error feedback, one channel at a time (the loop is sequential).
    out = np.empty_like(v)
    vv = v.reshape(len(v), -1)
    dd = d.reshape(len(d), -1)
    oo = out.reshape(len(out), -1)
    for c in range(vv.shape[1]):
        err = 0.0
        col = np.empty(len(vv))
        for n, (s, di) in enumerate(zip(vv[:, c].tolist(), dd[:, c].tolist())):
            w = s - err                      # input corrected by the previous error
            y = float(round(w + di))         # dithered rounding (round half to even)
            err = y - w                      # total error: rounding + dither
            col[n] = y
        oo[:, c] = col
    return np.clip(out, lo, hi) / levels


def downsample(x, factor: int, antialias: bool = True, sr: int = SR):
    """Lower the sample rate by an integer ``factor``; returns ``(array, new_sr)``.

    ``antialias=True`` low-pass filters first (``scipy.signal.resample_poly``: a
    Kaiser-windowed FIR with its cutoff at the new Nyquist frequency), as every real
    sample-rate converter does, so content above the new Nyquist is removed.
    ``antialias=False`` just keeps every ``factor``-th sample: content above the new Nyquist
    frequency ``new_sr / 2`` folds back to ``|f - m * new_sr|`` (the nearest multiple
    ``m``), e.g. 15 kHz downsampled from 48 kHz to 24 kHz is heard at 9 kHz.

    ``sr`` must be divisible by ``factor`` so the new rate is a whole number of hertz.
    """
    if int(factor) != factor or factor < 1:
        raise ValueError(f"factor must be a positive integer, got {factor}")
    factor = int(factor)
    if sr % factor:
        raise ValueError(f"sample rate {sr} Hz is not divisible by factor {factor}")
    x = as_audio(x)
    new_sr = sr // factor
    if factor == 1:
        return x.copy(), new_sr
    if antialias:
        from scipy.signal import resample_poly
        return resample_poly(x, 1, factor, axis=0), new_sr
    return x[::factor].copy(), new_sr


def sample_and_hold(x, factor: float) -> np.ndarray:
    """Hold every ``factor``-th sample for ``factor`` samples, keeping the original rate.

    Output sample ``n`` repeats input sample ``floor(floor(n / factor) * factor)``: the
    effective sample rate drops to ``sr / factor`` with no anti-alias filter, so high
    frequencies fold back as inharmonic tones, and the steps add images above the new
    Nyquist frequency. This is the "bitcrusher" sample-rate-reduction sound. ``factor`` may
    be fractional (at least 1).
    """
    if not factor >= 1:
        raise ValueError(f"factor must be at least 1, got {factor}")
    x = as_audio(x)
    n = np.arange(len(x))
    idx = np.floor(np.floor(n / factor) * factor).astype(np.int64)
    return x[idx]


def alias_frequency(freq: float, sample_rate: float) -> float:
    """The frequency a tone of ``freq`` Hz is heard at after sampling at ``sample_rate``
    without an anti-alias filter: ``|freq - k * sample_rate|`` for the nearest multiple
    ``k`` (folding about the multiples of the Nyquist frequency). Below Nyquist it is
    ``freq`` itself; 30 kHz sampled at 48 kHz is heard at 18 kHz."""
    if sample_rate <= 0 or freq < 0:
        raise ValueError("the sample rate must be positive and the frequency not negative")
    return abs(freq - sample_rate * round(freq / sample_rate))
