"""Figures for module 6, Mixing.

Every curve is computed, not drawn by hand: pan laws from their gain formulas, EQ curves
from the RBJ Audio EQ Cookbook biquads at 48 kHz, the compressor curve from the static
gain computer with a quadratic soft knee (Giannoulis, Massberg and Reiss, JAES 2012).
"""

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from figures import figure
from figures.style import hz_label, minus_number

FS = 48000.0


def _log_freq_axis(ax, lo=20.0, hi=20000.0, dense=True):
    ax.set_xscale("log")
    ax.set_xlim(lo, hi)
    ticks = ([20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000] if dense
             else [20, 100, 1000, 10000])
    ax.set_xticks([t for t in ticks if lo <= t <= hi])
    ax.xaxis.set_major_formatter(FuncFormatter(hz_label))
    ax.xaxis.set_minor_formatter(FuncFormatter(lambda v, p: ""))
    ax.set_xlabel("Frequency (Hz)")


# ------------------------------------------------------------------ pan laws


def _pan_gains(law, p):
    """Left and right gains for pan position p in [-1, 1] under a named pan law."""
    from soundlib.effects import pan_gains

    return pan_gains(p, law)


@figure("m06-pan-laws")
def pan_laws(laws=(-3.0, -4.5, -6.0)):
    p = np.linspace(-1.0, 1.0, 401)
    fig = Figure(figsize=(8.0, 3.6), layout="constrained")
    ax1, ax2 = fig.subplots(1, 2)
    styles = {-3.0: "-", -4.5: "--", -6.0: ":"}
    for law in laws:
        gl, gr = _pan_gains(law, p)
        with np.errstate(divide="ignore"):
            ax1.plot(p * 100, 20 * np.log10(gl), styles.get(law, "-"), lw=2,
                     label=f"{minus_number(law)} dB law")
            ax2.plot(p * 100, 20 * np.log10(gl + gr), styles.get(law, "-"), lw=2,
                     label=f"{minus_number(law)} dB law")
    ax1.set_ylim(-24, 1)
    ax1.set_title("Left-channel gain")
    ax1.set_ylabel("Gain (dB)")
    ax2.set_ylim(-1, 4)
    ax2.set_title("Level of the mono sum L + R")
    ax2.set_ylabel("Gain re hard-panned (dB)")
    for ax in (ax1, ax2):
        ax.set_xlim(-100, 100)
        ax.set_xticks([-100, -50, 0, 50, 100])
        ax.set_xticklabels(["100 L", "50 L", "C", "50 R", "100 R"])
        ax.set_xlabel("Pan position")
        ax.grid(True, alpha=0.3)
        ax.legend(loc="lower center" if ax is ax1 else "upper right", fontsize=8)
    return fig


# ------------------------------------------------------------------ EQ


def _rbj(kind, f0, q=0.7071, gain_db=0.0, fs=FS):
    a_ = 10 ** (gain_db / 40.0)
    w0 = 2 * np.pi * f0 / fs
    c, s = np.cos(w0), np.sin(w0)
    alpha = s / (2 * q)
    if kind == "highpass":
        b = [(1 + c) / 2, -(1 + c), (1 + c) / 2]
        a = [1 + alpha, -2 * c, 1 - alpha]
    elif kind == "lowpass":
        b = [(1 - c) / 2, 1 - c, (1 - c) / 2]
        a = [1 + alpha, -2 * c, 1 - alpha]
    elif kind == "peak":
        b = [1 + alpha * a_, -2 * c, 1 - alpha * a_]
        a = [1 + alpha / a_, -2 * c, 1 - alpha / a_]
    elif kind in ("lowshelf", "highshelf"):
        k = 2 * np.sqrt(a_) * alpha
        if kind == "lowshelf":
            b = [a_ * ((a_ + 1) - (a_ - 1) * c + k), 2 * a_ * ((a_ - 1) - (a_ + 1) * c),
                 a_ * ((a_ + 1) - (a_ - 1) * c - k)]
            a = [(a_ + 1) + (a_ - 1) * c + k, -2 * ((a_ - 1) + (a_ + 1) * c),
                 (a_ + 1) + (a_ - 1) * c - k]
        else:
            b = [a_ * ((a_ + 1) + (a_ - 1) * c + k), -2 * a_ * ((a_ - 1) + (a_ + 1) * c),
                 a_ * ((a_ + 1) + (a_ - 1) * c - k)]
            a = [(a_ + 1) - (a_ - 1) * c + k, 2 * ((a_ - 1) - (a_ + 1) * c),
                 (a_ + 1) - (a_ - 1) * c - k]
    else:
        raise ValueError(kind)
    return np.array(b) / a[0], np.array(a) / a[0]


def _response_db(kind, f0, f, q=0.7071, gain_db=0.0, stages=1):
    b, a = _rbj(kind, f0, q, gain_db)
    z1 = np.exp(-1j * 2 * np.pi * f / FS)
    h = (b[0] + b[1] * z1 + b[2] * z1 ** 2) / (a[0] + a[1] * z1 + a[2] * z1 ** 2)
    return stages * 20 * np.log10(np.abs(h))


@figure("m06-eq-shapes")
def eq_shapes():
    f = np.geomspace(20, 20000, 800)
    fig = Figure(figsize=(9.0, 3.4), layout="constrained")
    axes = fig.subplots(1, 3, sharey=True)

    ax = axes[0]
    ax.plot(f, _response_db("highpass", 80, f), lw=2, label="HPF 80 Hz, 12 dB/oct")
    ax.plot(f, _response_db("highpass", 80, f, stages=2), "--", lw=2,
            label="HPF 80 Hz, 24 dB/oct")
    ax.plot(f, _response_db("lowpass", 12000, f), ":", lw=2, label="LPF 12 kHz, 12 dB/oct")
    ax.set_title("High- and low-pass filters")

    ax = axes[1]
    ax.plot(f, _response_db("lowshelf", 120, f, gain_db=6), lw=2, label="Low shelf +6 dB, 120 Hz")
    ax.plot(f, _response_db("highshelf", 8000, f, gain_db=-6), "--", lw=2,
            label="High shelf −6 dB, 8 kHz")
    ax.set_title("Shelves")

    ax = axes[2]
    for q, style in ((0.7, "-"), (1.4, "--"), (4.0, ":")):
        ax.plot(f, _response_db("peak", 300, f, q=q, gain_db=-6), style, lw=2,
                label=f"Bell −6 dB, 300 Hz, Q {q:g}")
    ax.set_title("Bells (peaking filters)")

    for ax in axes:
        _log_freq_axis(ax, dense=False)
        ax.set_ylim(-24, 9)
        ax.grid(True, which="major", alpha=0.3)
        ax.legend(fontsize=7, loc="lower center")
    axes[0].set_ylabel("Gain (dB)")
    return fig


REGIONS = [
    ("Sub-bass: felt more than heard", 20, 60),
    ("Bass: weight, kick and bass fundamentals", 60, 250),
    ("Low mids: warmth, or mud and boxiness", 200, 500),
    ("Mids: body, or honk", 500, 2000),
    ("Upper mids: presence, attack, harshness", 2000, 6000),
    ("Sibilance (s, t, sh in speech)", 5000, 10000),
    ("Air", 10000, 20000),
]


@figure("m06-frequency-regions")
def frequency_regions():
    fig = Figure(figsize=(8.0, 3.6), layout="constrained")
    ax = fig.subplots()
    for i, (name, lo, hi) in enumerate(REGIONS):
        y = len(REGIONS) - 1 - i
        ax.barh(y, hi - lo, left=lo, height=0.6, alpha=0.55)
        ax.text(lo * 1.05, y, name, va="center", fontsize=8)
    ax.set_yticks([])
    _log_freq_axis(ax)
    ax.set_title("Frequency regions: rules of thumb, with soft and overlapping edges")
    ax.grid(True, axis="x", alpha=0.3)
    return fig


# ------------------------------------------------------------------ compressor


def _static_curve(x, threshold, ratio, knee):
    y = np.array(x, dtype=float)
    over = x - threshold
    if knee > 0:
        inside = np.abs(over) <= knee / 2
        y[inside] = x[inside] + (1 / ratio - 1) * (over[inside] + knee / 2) ** 2 / (2 * knee)
        above = over > knee / 2
    else:
        above = over > 0
    y[above] = threshold + over[above] / ratio
    return y


@figure("m06-compressor-curve")
def compressor_curve(threshold=-20.0, ratio=4.0, knee=10.0):
    x = np.linspace(-40, 0, 801)
    fig = Figure(figsize=(5.2, 4.6), layout="constrained")
    ax = fig.subplots()
    ax.plot(x, x, ":", color="gray", lw=1.5, label="1:1 (no compression)")
    ax.plot(x, _static_curve(x, threshold, ratio, 0.0), lw=2,
            label=f"{ratio:g}:1, hard knee")
    ax.plot(x, _static_curve(x, threshold, ratio, knee), "--", lw=2,
            label=f"{ratio:g}:1, {knee:g} dB soft knee")
    ax.plot(x, _static_curve(x, threshold, 1000.0, 0.0), "-.", lw=1.2, color="gray",
            label="∞:1 (limiting)")
    xin = -10.0
    yout = threshold + (xin - threshold) / ratio
    ax.plot([xin], [yout], "o", color="black")
    ax.annotate("", xy=(xin, yout), xytext=(xin, xin),
                arrowprops=dict(arrowstyle="<->", color="black"))
    ax.text(xin + 0.6, (xin + yout) / 2, f"{xin - yout:g} dB\ngain reduction", fontsize=8,
            va="center")
    ax.text(xin + 0.5, yout - 5.5, f"in {minus_number(xin)} dBFS → out {minus_number(yout)} dBFS",
            fontsize=8, ha="center")
    ax.axvline(threshold, color="gray", lw=0.8)
    ax.text(threshold + 0.4, -38, f"threshold {minus_number(threshold)} dBFS", fontsize=8,
            rotation=90, va="bottom")
    ax.set_xlim(-40, 0)
    ax.set_ylim(-40, 0)
    ax.set_aspect("equal")
    ax.set_xlabel("Input level (dBFS)")
    ax.set_ylabel("Output level (dBFS)")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8, loc="upper left")
    return fig


# ------------------------------------------------------------------ reverb


@figure("m06-reverb-anatomy")
def reverb_anatomy(predelay_ms=30.0, rt60_ms=1000.0):
    rng = np.random.default_rng(6)
    fig = Figure(figsize=(8.0, 3.6), layout="constrained")
    ax = fig.subplots()
    ax.vlines([0], -80, 0, lw=3, color="black")
    ax.text(8, -3, "direct sound", fontsize=8)
    er_t = predelay_ms + np.sort(rng.uniform(0, 70, 9))
    er_l = -8 - 0.12 * (er_t - predelay_ms) - rng.uniform(0, 5, er_t.size)
    ax.vlines(er_t, -80, er_l, lw=1.5, color="tab:orange", label="early reflections")
    start = predelay_ms + 50.0
    t = np.arange(start, start + 1.15 * rt60_ms, 2.0)
    decay = -14.0 - 60.0 * (t - start) / rt60_ms
    ax.plot(t, decay + rng.normal(0, 2.5, t.size), lw=0.6, color="tab:blue",
            alpha=0.7, label="diffuse tail")
    ax.plot(t, decay, "--", color="tab:blue", lw=1.5)
    ax.annotate("", xy=(start + rt60_ms, -74.0 - 4), xytext=(start, -78),
                arrowprops=dict(arrowstyle="<->"))
    ax.text(start + rt60_ms / 2, -76.5, "RT60: time to fall 60 dB", ha="center",
            fontsize=8)
    ax.annotate("", xy=(predelay_ms, 4), xytext=(0, 4), arrowprops=dict(arrowstyle="<->"))
    ax.text(predelay_ms + 8, 3, f"pre-delay {predelay_ms:g} ms", fontsize=8, va="center")
    ax.set_xlim(-20, start + 1.2 * rt60_ms)
    ax.set_ylim(-82, 8)
    ax.set_xlabel("Time after the direct sound (ms)")
    ax.set_ylabel("Level re direct sound (dB)")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8, loc="upper right")
    return fig


# ------------------------------------------------------------------ delay times


@figure("m06-delay-times")
def delay_times(bpms=(90, 100, 110, 120, 130, 140)):
    notes = [("quarter", 1.0), ("dotted eighth", 0.75), ("eighth", 0.5),
             ("eighth triplet", 1 / 3), ("sixteenth", 0.25)]
    b = np.linspace(min(bpms), max(bpms), 200)
    fig = Figure(figsize=(6.4, 3.8), layout="constrained")
    ax = fig.subplots()
    for name, k in notes:
        ax.plot(b, 60000.0 / b * k, lw=2, label=name)
    ax.plot([120, 120], [375, 500], "o", color="black")
    ax.text(121, 500, "500 ms", fontsize=8, va="bottom")
    ax.text(121, 375, "375 ms", fontsize=8, va="bottom")
    ax.set_xlabel("Tempo (BPM)")
    ax.set_ylabel("Delay time (ms)")
    ax.set_title("Delay time = 60,000 / BPM × note length in beats")
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=8)
    return fig
