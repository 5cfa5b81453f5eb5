"""Figures for Module 5: Music production and sound design.

Every curve is computed: waveforms from their Fourier series, filter responses from the RBJ
Audio EQ Cookbook biquads at 48 kHz (the same filters the course's synthesizer uses), FM
spectra from the Bessel functions of the first kind (Chowning, JAES 21(7), 1973), and bar
and time arithmetic from the tempo. The production schedule is an example plan, labelled
as such.
"""

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle
from matplotlib.ticker import FuncFormatter
from scipy.signal import freqz
from scipy.special import jv

from figures import figure
from figures.style import grid, minus_number
from soundlib.filters import biquad_coefficients

FS = 48000


def _mmss(seconds):
    seconds = int(round(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


# ------------------------------------------------------------------ lesson 1


@figure("m05-production-schedule")
def production_schedule():
    """An example ten-week schedule for a five-song EP, as a bar (Gantt) chart."""
    tasks = [  # (task, start week, end week, phase)
        ("Song selection, keys and tempos", 1, 2, "pre"),
        ("Demos and arrangements", 1, 3, "pre"),
        ("Charts, budget, bookings", 2, 3, "pre"),
        ("Tracking: rhythm section", 4, 5, "prod"),
        ("Overdubs and vocals", 5, 7, "prod"),
        ("Editing and comping", 6, 7, "prod"),
        ("Mixing (with revisions)", 7, 9, "post"),
        ("Mastering", 9, 10, "post"),
        ("Delivery and metadata", 10, 10, "post"),
    ]
    colors = {"pre": "#1f4e79", "prod": "#b03a2e", "post": "#7d6608"}
    names = {"pre": "pre-production", "prod": "production", "post": "mixing and after"}
    fig = Figure(figsize=(8.0, 3.8), layout="constrained")
    ax = fig.subplots()
    for i, (_task, a, b, phase) in enumerate(tasks):
        ax.barh(i, b - a + 1, left=a - 0.5, height=0.6, color=colors[phase],
                label=names[phase])
    handles, labels = ax.get_legend_handles_labels()
    unique = dict(zip(labels, handles))
    ax.legend(unique.values(), unique.keys(), loc="lower left", fontsize=8)
    ax.set_yticks(range(len(tasks)))
    ax.set_yticklabels([t[0] for t in tasks], fontsize=8)
    ax.invert_yaxis()
    ax.set_xticks(range(1, 11))
    ax.set_xlim(0.5, 10.5)
    ax.set_xlabel("Week")
    ax.set_title("An example schedule for a five-song EP (real schedules vary widely)")
    ax.grid(True, axis="x", linewidth=0.4, alpha=0.5)
    return fig


# ------------------------------------------------------------------ lesson 2


DEFAULT_FORM = (
    ("Intro", 8, 2), ("Verse 1", 16, 4), ("Pre", 8, 6), ("Chorus", 16, 8),
    ("Verse 2", 16, 5), ("Pre", 8, 7), ("Chorus", 16, 9), ("Bridge", 8, 4),
    ("Chorus", 16, 10), ("Outro", 8, 3),
)


@figure("m05-song-timeline")
def song_timeline(bpm: float = 120.0, beats_per_bar: int = 4, form=DEFAULT_FORM):
    """Sections as blocks along a bar axis, with their length in bars and seconds at the
    tempo, and an illustrative energy level per section."""
    bar_s = beats_per_bar * 60.0 / bpm
    fig = Figure(figsize=(9.0, 4.2), layout="constrained")
    ax_e, ax = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [1.3, 1]})
    palette = {"Intro": "#95a5a6", "Verse": "#1f4e79", "Pre": "#5d8aa8", "Chorus": "#b03a2e",
               "Bridge": "#7d6608", "Outro": "#95a5a6"}
    start = 0
    xs, es = [], []
    for name, bars, energy in form:
        key = name.split()[0]
        ax.add_patch(Rectangle((start, 0), bars, 1, facecolor=palette.get(key, "#777777"),
                               edgecolor="white", linewidth=1.5))
        ax.text(start + bars / 2, 0.66, name, ha="center", va="center", color="white",
                fontsize=8, fontweight="bold")
        ax.text(start + bars / 2, 0.33, f"{bars} bars\n{bars * bar_s:g} s", ha="center",
                va="center", color="white", fontsize=7)
        xs += [start, start + bars]
        es += [energy, energy]
        start += bars
    ax.set_xlim(0, start)
    ax.set_ylim(0, 1)
    ax.set_yticks([])
    ticks = np.arange(0, start + 1, 16)
    ax.set_xticks(ticks)
    ax.set_xlabel(f"Bar (4/4 at {bpm:g} BPM: one bar = {bar_s:g} s; "
                  f"total {start} bars = {_mmss(start * bar_s)})")
    sec = ax.secondary_xaxis("top", functions=(lambda b: b * bar_s, lambda s: s / bar_s))
    sec.set_xticks(np.arange(0, start * bar_s + 1, 30))
    sec.xaxis.set_major_formatter(FuncFormatter(lambda v, p: _mmss(v)))
    sec.set_xlabel("Time (min:s)", fontsize=8)
    sec.tick_params(labelsize=7)
    ax_e.plot(xs, es, color="#b03a2e", linewidth=2)
    ax_e.fill_between(xs, 0, es, color="#b03a2e", alpha=0.15)
    ax_e.set_ylim(0, 10.5)
    ax_e.set_ylabel("Energy (illustrative, 0 to 10)", fontsize=8)
    ax_e.set_title("Song form as a timeline, with an energy curve")
    grid(ax_e, which="major")
    return fig


# ------------------------------------------------------------------ lesson 3


@figure("m05-quantize")
def quantize(bpm: float = 96.0, strength: float = 50.0, swing: float = 60.0):
    """Eight sixteenth notes as played, quantized at 100 % and at ``strength`` %, and
    quantized with ``swing`` % swing; onsets in milliseconds against the grid."""
    step = 60000.0 / bpm / 4.0
    on_grid = np.arange(8) * step
    offsets = np.array([12.0, -18.0, 25.0, -8.0, 30.0, 5.0, -22.0, 15.0])
    played = on_grid + offsets
    full = on_grid
    partial = played - (strength / 100.0) * offsets
    late = (swing / 100.0 - 0.5) * 2.0 * step
    swung = on_grid + np.where(np.arange(8) % 2 == 1, late, 0.0)
    rows = [("As played", played), ("Quantized, 100 %", full),
            (f"Quantized, {strength:g} %", partial), (f"Swing {swing:g} %", swung)]
    fig = Figure(figsize=(8.5, 3.4), layout="constrained")
    ax = fig.subplots()
    for t in on_grid:
        ax.axvline(t, color="#888888", linewidth=0.8, linestyle="--" if t % (2 * step) else "-")
    for r, (_label, onsets) in enumerate(rows):
        y = len(rows) - 1 - r
        for k, t in enumerate(onsets):
            ax.add_patch(Rectangle((t, y - 0.3), 0.6 * step, 0.6, facecolor="#1f4e79",
                                   alpha=0.85 if k % 2 == 0 else 0.55))
    ax.set_yticks(range(len(rows)))
    ax.set_yticklabels([r[0] for r in rows][::-1], fontsize=8)
    ax.set_xlim(-40, 8 * step + 20)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.set_xlabel(f"Time (ms) at {bpm:g} BPM; grid lines every sixteenth note "
                  f"({step:g} ms), solid on eighth notes")
    ax.set_title("Note starts before and after quantizing")
    return fig


# ------------------------------------------------------------------ lesson 4


def _fourier(wave, n_harm, t, f0):
    k = np.arange(1, n_harm + 1)
    if wave == "sawtooth":
        amps = (-1.0) ** (k + 1) / k
    elif wave == "square":
        amps = np.where(k % 2 == 1, 1.0 / k, 0.0)
    elif wave == "triangle":
        amps = np.where(k % 2 == 1, (-1.0) ** ((k - 1) // 2) / k ** 2, 0.0)
    else:
        raise ValueError(wave)
    y = np.sin(2 * np.pi * f0 * np.outer(t, k)) @ amps
    return y, np.abs(amps)


@figure("m05-waveform-spectra")
def waveform_spectra(f0: float = 100.0, n_harm: int = 40, show: int = 16):
    """Sawtooth, square and triangle: two cycles of the band-limited waveform (Fourier sum
    of ``n_harm`` harmonics) and the level of harmonics 1 to ``show`` relative to the
    fundamental."""
    fig = Figure(figsize=(8.5, 6.4), layout="constrained")
    axs = fig.subplots(3, 2, gridspec_kw={"width_ratios": [1, 1.3]})
    t = np.linspace(0, 2.0 / f0, 1000)
    rules = {"sawtooth": "all harmonics, 1/n", "square": "odd harmonics, 1/n",
             "triangle": "odd harmonics, 1/n\u00b2"}
    for row, wave in enumerate(("sawtooth", "square", "triangle")):
        y, amps = _fourier(wave, n_harm, t, f0)
        ax_w, ax_s = axs[row]
        ax_w.plot(t * 1000, y / np.max(np.abs(y)), color="#1f4e79")
        ax_w.set_ylabel("Amplitude\n(relative)")
        ax_w.set_title(f"{wave.capitalize()}, {f0:g} Hz", fontsize=9)
        ax_w.set_ylim(-1.2, 1.2)
        grid(ax_w, which="major")
        n = np.arange(1, show + 1)
        level = np.full(show, np.nan)
        nz = amps[:show] > 0
        level[nz] = 20 * np.log10(amps[:show][nz])
        ax_s.vlines(n[nz], -60, level[nz], color="#b03a2e", linewidth=2)
        ax_s.plot(n[nz], level[nz], "o", color="#b03a2e", markersize=3)
        ax_s.set_ylim(-60, 5)
        ax_s.set_xlim(0.3, show + 0.7)
        ax_s.set_xticks(n)
        ax_s.tick_params(axis="x", labelsize=7)
        ax_s.set_ylabel("Level (dB re\nfundamental)")
        ax_s.set_title(rules[wave], fontsize=9)
        grid(ax_s, which="major")
        ax_s.yaxis.set_major_formatter(FuncFormatter(lambda v, p: minus_number(v)))
    axs[2, 0].set_xlabel("Time (ms)")
    axs[2, 1].set_xlabel(f"Harmonic number n (frequency = n \u00d7 {f0:g} Hz)")
    return fig


@figure("m05-adsr")
def adsr_diagram(attack: float = 0.1, decay: float = 0.3, sustain: float = 0.6,
                 held: float = 1.2, release: float = 0.5):
    """An ADSR envelope with straight segments: stages, times, the sustain level and the
    note-on and note-off events."""
    t = np.array([0.0, attack, attack + decay, held, held + release])
    v = np.array([0.0, 1.0, sustain, sustain, 0.0])
    fig = Figure(figsize=(8.0, 3.8), layout="constrained")
    ax = fig.subplots()
    ax.plot(t, v, color="#1f4e79", linewidth=2.2)
    ax.fill_between(t, 0, v, color="#1f4e79", alpha=0.1)
    for x, label, side in ((0.0, "note on\n(key pressed)", "right"),
                           (held, "note off\n(key released)", "left")):
        ax.axvline(x, color="#b03a2e", linestyle="--", linewidth=1)
        ax.text(x - 0.015 if side == "right" else x + 0.015, 1.13, label, color="#b03a2e",
                fontsize=8, va="top", ha=side)
    stages = [
        (attack / 2, f"A\nattack\n{attack * 1000:g} ms"),
        (attack + decay / 2, f"D\ndecay\n{decay * 1000:g} ms"),
        ((attack + decay + held) / 2, f"S\nsustain level\n{sustain:g} (held while\nthe key is down)"),
        (held + release / 2, f"R\nrelease\n{release * 1000:g} ms"),
    ]
    for x, label in stages:
        ax.text(x, -0.2, label, ha="center", va="top", fontsize=8)
    ax.axhline(sustain, color="#888888", linewidth=0.8, linestyle=":")
    ax.set_xlim(-0.3, held + release + 0.1)
    ax.set_xticks(np.arange(0.0, held + release + 0.01, 0.25))
    ax.set_ylim(-0.75, 1.2)
    ax.set_yticks([0, sustain, 1.0])
    ax.set_xlabel("Time (s)")
    ax.set_ylabel("Envelope level (0 to 1)")
    ax.set_title("ADSR envelope: three times and one level")
    grid(ax, which="major")
    return fig


def _response(sections, f):
    """Magnitude in dB of a cascade of RBJ biquads, each (kind, freq, q), at frequencies f."""
    h = np.ones(len(f), dtype=complex)
    for kind, freq, q in sections:
        b, a = biquad_coefficients(kind, freq, q, 0.0, FS)
        _, hk = freqz(b, a, worN=f, fs=FS)
        h *= hk
    return 20 * np.log10(np.maximum(np.abs(h), 1e-9))


@figure("m05-filter-responses")
def filter_responses(cutoff: float = 1000.0, resonance: float = 4.0):
    """Low-pass magnitude responses: two-pole (12 dB/octave) and four-pole (24 dB/octave),
    each flat (Butterworth) and with resonance Q at the cutoff."""
    f = np.geomspace(20.0, 20000.0, 800)
    curves = [
        ("12 dB/oct (2-pole), Q 0.707", [("lowpass", cutoff, 0.7071)], "#1f4e79", "-"),
        (f"12 dB/oct, resonance Q {resonance:g}", [("lowpass", cutoff, resonance)],
         "#1f4e79", "--"),
        ("24 dB/oct (4-pole Butterworth)", [("lowpass", cutoff, 0.5412),
                                            ("lowpass", cutoff, 1.3066)], "#b03a2e", "-"),
        (f"24 dB/oct, one section at Q {resonance:g}", [("lowpass", cutoff, 0.5412),
                                                         ("lowpass", cutoff, resonance)],
         "#b03a2e", "--"),
    ]
    fig = Figure(figsize=(8.0, 4.2), layout="constrained")
    ax = fig.subplots()
    for label, sections, color, style in curves:
        ax.plot(f, _response(sections, f), color=color, linestyle=style, label=label)
    for fa, label, y in ((2 * cutoff, "1 octave above\nthe cutoff", 14),
                         (4 * cutoff, "2 octaves\nabove", 4)):
        ax.axvline(fa, color="#888888", linewidth=0.8, linestyle=":")
        ax.text(fa * 1.04, y, label, fontsize=7, color="#555555", va="top")
    ax.axvline(cutoff, color="#888888", linewidth=0.8)
    ax.text(cutoff * 1.04, -66, f"cutoff {cutoff:g} Hz", fontsize=7, color="#555555")
    ax.set_xscale("log")
    ax.set_xlim(20, 20000)
    ax.set_xticks([20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000])
    ax.xaxis.set_major_formatter(FuncFormatter(lambda v, p: f"{v / 1000:g}k" if v >= 1000
                                               else f"{v:g}"))
    ax.xaxis.set_minor_formatter(FuncFormatter(lambda v, p: ""))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, p: minus_number(v)))
    ax.set_ylim(-72, 18)
    ax.set_xlabel("Frequency (Hz)")
    ax.set_ylabel("Level (dB)")
    ax.set_title("Low-pass filter slopes and resonance (RBJ biquads at 48 kHz)")
    ax.legend(fontsize=8, loc="lower left")
    grid(ax, which="major")
    return fig


# ------------------------------------------------------------------ lesson 5


@figure("m05-fm-spectrum")
def fm_spectrum(fc: float = 2000.0, fm: float = 200.0, indices=(0.5, 2.0, 5.0)):
    """Spectra of simple FM for several modulation indices: a line at fc + k * fm with
    amplitude |J_k(I)| for every whole k; Carson's bandwidth 2 (I + 1) fm shaded."""
    ks = np.arange(-15, 16)
    fig = Figure(figsize=(8.0, 2.3 * len(indices) + 0.6), layout="constrained")
    axs = np.atleast_1d(fig.subplots(len(indices), 1, sharex=True))
    for ax, index in zip(axs, indices):
        freqs = fc + ks * fm
        amps = np.abs(jv(ks, index))
        keep = (freqs > 0) & (amps > 1e-4)
        level = 20 * np.log10(amps[keep])
        ax.vlines(freqs[keep], -60, level, color="#1f4e79", linewidth=2)
        ax.plot(freqs[keep], level, "o", color="#1f4e79", markersize=3)
        half = (index + 1) * fm
        ax.axvspan(fc - half, fc + half, color="#b03a2e", alpha=0.08)
        ax.axvline(fc, color="#b03a2e", linewidth=0.8, linestyle=":")
        ax.set_ylim(-60, 5)
        ax.set_ylabel("Level (dB)")
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, p: minus_number(v)))
        ax.set_title(f"Index I = {index:g}: shaded band = Carson's rule, "
                     f"2(I + 1)\u00b7fm = {2 * half:g} Hz", fontsize=9)
        grid(ax, which="major")
    axs[-1].set_xlim(0, fc + 16 * fm)
    axs[-1].set_xlabel(f"Frequency (Hz): carrier fc = {fc:g} Hz (dotted), modulator "
                       f"fm = {fm:g} Hz, sidebands at fc \u00b1 k\u00b7fm")
    return fig
