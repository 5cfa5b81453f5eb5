"""Figures for module 02, Digital audio.

Each function returns a matplotlib Figure built without pyplot state.
"""
import numpy as np
from matplotlib.figure import Figure

from figures import figure
from soundlib import digital, spectrum


def _fold(f_in, fs):
    """Frequency at which a tone of f_in appears after sampling at fs (no filter)."""
    r = np.mod(f_in, fs)
    return np.where(r > fs / 2, fs - r, r)


@figure("m02-sampling-stems")
def sampling_stems(fs: float = 48000.0, f_ok: float = 3000.0, f_alias: float = 30000.0,
                   n_samples: int = 13):
    """Top: a 3 kHz sine sampled at 48 kHz. Bottom: a 30 kHz sine gives the samples of 18 kHz."""
    fig = Figure(figsize=(8, 5.6), constrained_layout=True)
    axes = fig.subplots(2, 1, sharex=True)
    n = np.arange(n_samples)
    t_n = n / fs * 1e6                       # microseconds
    t = np.linspace(0, (n_samples - 1) / fs, 2000)
    t_us = t * 1e6

    ax = axes[0]
    ax.plot(t_us, np.sin(2 * np.pi * f_ok * t), color="0.35", lw=1.5,
            label=f"analog input, {f_ok / 1000:g} kHz")
    ml, sl, bl = ax.stem(t_n, np.sin(2 * np.pi * f_ok * n / fs), basefmt=" ")
    ml.set_color("C0"), sl.set_color("C0")
    ml.set_label(f"samples at {fs / 1000:g} kHz")
    ax.set_title(f"{f_ok / 1000:g} kHz is below the Nyquist frequency ({fs / 2000:g} kHz): "
                 "the samples describe it uniquely", fontsize=10)

    ax = axes[1]
    f_out = float(_fold(f_alias, fs))
    ax.plot(t_us, np.sin(2 * np.pi * f_alias * t), color="0.6", lw=1.0,
            label=f"analog input, {f_alias / 1000:g} kHz")
    ax.plot(t_us, np.sin(2 * np.pi * (f_alias - fs) * t), color="C3", lw=1.8, ls="--",
            label=f"what the samples describe: {f_out / 1000:g} kHz")
    ml, sl, bl = ax.stem(t_n, np.sin(2 * np.pi * f_alias * n / fs), basefmt=" ")
    ml.set_color("C0"), sl.set_color("C0")
    ml.set_label(f"samples at {fs / 1000:g} kHz")
    ax.set_title(f"{f_alias / 1000:g} kHz is above the Nyquist frequency: its samples are "
                 f"those of a tone at {f_out / 1000:g} kHz (an alias)", fontsize=10)
    ax.set_xlabel("Time (µs)")

    for ax in axes:
        ax.set_ylabel("Amplitude (full scale = 1)")
        ax.set_ylim(-1.3, 1.95)
        ax.axhline(0, color="0.8", lw=0.8)
        ax.legend(loc="upper center", fontsize=8, ncol=3, frameon=False)
    return fig


@figure("m02-foldback")
def foldback(fs: float = 48000.0, f_max: float = 96000.0, example: float = 30000.0):
    """Output frequency against input frequency for sampling at fs without a filter."""
    fig = Figure(figsize=(8, 4.2), constrained_layout=True)
    ax = fig.subplots()
    f_in = np.linspace(0, f_max, 4001)
    ax.plot(f_in / 1000, _fold(f_in, fs) / 1000, color="C0", lw=2)
    nyq = fs / 2
    for k in range(1, int(f_max // nyq) + 1):
        ax.axvline(k * nyq / 1000, color="0.85", lw=0.8, zorder=0)
    ax.axvspan(0, nyq / 1000, color="C2", alpha=0.12, lw=0)
    ax.text(nyq / 2000, nyq / 1000 * 1.04, "passes unchanged", ha="center", fontsize=9,
            color="C2")
    f_out = float(_fold(example, fs))
    ax.plot([example / 1000, example / 1000], [0, f_out / 1000], color="C3", ls=":", lw=1.2)
    ax.plot([0, example / 1000], [f_out / 1000, f_out / 1000], color="C3", ls=":", lw=1.2)
    ax.plot([example / 1000], [f_out / 1000], "o", color="C3")
    ax.annotate(f"{example / 1000:g} kHz in → {f_out / 1000:g} kHz out",
                xy=(example / 1000, f_out / 1000), xytext=(example / 1000 + 6, f_out / 1000 + 2.5),
                fontsize=9, color="C3", arrowprops=dict(arrowstyle="->", color="C3"))
    ax.set_xlim(0, f_max / 1000)
    ax.set_ylim(0, nyq / 1000 * 1.15)
    ax.set_xlabel("Input frequency (kHz)")
    ax.set_ylabel("Frequency after sampling (kHz)")
    ax.set_title(f"Sampling at {fs / 1000:g} kHz with no anti-aliasing filter: "
                 f"everything folds into 0–{nyq / 1000:g} kHz", fontsize=10)
    return fig


@figure("m02-quantization")
def quantization(bits: int = 3, freq: float = 1000.0, fs: float = 48000.0, amp: float = 0.85):
    """A sine, its rounded (quantized) samples, and the error in LSB."""
    fig = Figure(figsize=(8, 5.6), constrained_layout=True)
    ax1, ax2 = fig.subplots(2, 1, sharex=True, gridspec_kw=dict(height_ratios=[2, 1]))
    q = 2.0 ** (1 - bits)                   # step size for full scale = ±1
    n = np.arange(int(fs / freq) + 1)
    t_ms = n / fs * 1000
    x = amp * np.sin(2 * np.pi * freq * n / fs)
    xq = digital.quantize(x, bits)
    t_fine = np.linspace(0, t_ms[-1], 1000)
    ax1.plot(t_fine, amp * np.sin(2 * np.pi * freq * t_fine / 1000), color="0.5", lw=1.2,
             label="input")
    ax1.step(t_ms, xq, where="mid", color="C0", lw=1.8, label=f"{bits}-bit samples")
    for level in np.arange(-1.0, 1.0, q):
        ax1.axhline(level, color="0.88", lw=0.7, zorder=0)
    ax1.set_ylabel("Amplitude (full scale = 1)")
    ax1.set_title(f"{bits} bits give {2 ** bits} levels; each sample is rounded to the "
                  "nearest one", fontsize=10)
    ax1.legend(loc="upper right", fontsize=8)
    ax2.stem(t_ms, (xq - x) / q, basefmt=" ")
    ax2.axhline(0.5, color="C3", ls="--", lw=1)
    ax2.axhline(-0.5, color="C3", ls="--", lw=1)
    ax2.set_ylim(-0.8, 0.8)
    ax2.set_ylabel("Error (LSB)")
    ax2.set_xlabel("Time (ms)")
    ax2.set_title("Quantization error: never more than half a step (±0.5 LSB)", fontsize=10)
    return fig


@figure("m02-dither-spectra")
def dither_spectra(bits: int = 8, freq: float = 1000.0, level_dbfs: float = -40.0,
                   fs: float = 48000.0, seconds: float = 2.0, seed: int = 1):
    """Spectra of a quiet sine reduced to `bits` with the course's own quantizer:
    no dither, TPDF, and TPDF with the library's first-order noise shaping."""
    n = int(fs * seconds)
    x = 10 ** (level_dbfs / 20) * np.sin(2 * np.pi * freq * np.arange(n) / fs)
    versions = (
        (digital.quantize(x, bits, dither="none"), "no dither (rounding)", "C3"),
        (digital.quantize(x, bits, dither="tpdf", seed=seed), "TPDF dither", "C0"),
        (digital.quantize(x, bits, dither="tpdf", noise_shaping=True, seed=seed),
         "TPDF dither + noise shaping", "C2"),
    )
    fig = Figure(figsize=(8, 4.6), constrained_layout=True)
    ax = fig.subplots()
    for sig, label, color in versions:
        f, p = spectrum.power_spectrum_db(sig, 8192, sr=fs)
        ax.plot(f / 1000, p, color=color, lw=1.0, label=label)
    ax.set_xlim(0, fs / 2000)
    ax.set_ylim(-150, 0)
    ax.set_xlabel("Frequency (kHz)")
    ax.set_ylabel("Level per FFT bin (dB re full-scale sine)")
    level_text = f"{level_dbfs:g}".replace("-", "\u2212")
    ax.set_title(f"A {freq / 1000:g} kHz sine at {level_text} dBFS reduced to {bits} bits "
                 f"({fs / 1000:g} kHz, 8192-point FFT)", fontsize=10)
    ax.legend(loc="lower right", fontsize=8)
    return fig


@figure("m02-intersample")
def intersample(fs: float = 48000.0, periods: int = 3):
    """A sine at fs/4 sampled 45° off its peaks: samples at full scale, waveform at +3 dB."""
    fig = Figure(figsize=(8, 4.2), constrained_layout=True)
    ax = fig.subplots()
    f = fs / 4
    n = np.arange(4 * periods + 1)
    peak = np.sqrt(2.0)                     # so that the samples land exactly on ±1
    phase = np.pi / 4
    t = np.linspace(0, n[-1], 2000)
    ax.plot(t, peak * np.sin(2 * np.pi * f * t / fs + phase), color="C0", lw=1.5,
            label="waveform the DAC reconstructs")
    ml, sl, bl = ax.stem(n, peak * np.sin(2 * np.pi * f * n / fs + phase), basefmt=" ")
    ml.set_color("C3"), sl.set_color("C3")
    ml.set_label("samples (peak 0 dBFS)")
    ax.axhline(1, color="0.3", ls="--", lw=1)
    ax.axhline(-1, color="0.3", ls="--", lw=1)
    ax.text(n[-1] + 0.35, 1.0, "0 dBFS", va="center", fontsize=9)
    ax.text(n[-1] + 0.35, peak, f"+{20 * np.log10(peak):.2f} dB", va="center", fontsize=9,
            color="C0")
    ax.set_xlim(-0.3, n[-1] + 1.9)
    ax.set_ylim(-1.65, 1.65)
    ax.set_xlabel(f"Time (samples at {fs / 1000:g} kHz)")
    ax.set_ylabel("Amplitude (full scale = 1)")
    ax.set_title(f"A {f / 1000:g} kHz sine whose samples all read 0 dBFS peaks "
                 f"{20 * np.log10(peak):.1f} dB higher between them", fontsize=10)
    ax.legend(loc="lower right", fontsize=8)
    return fig
