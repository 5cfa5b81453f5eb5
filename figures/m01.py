"""Figures for Module 1: Sound and hearing.

Each function returns a matplotlib Figure built without pyplot state.
"""

import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import NullLocator

from figures import figure
from figures.style import grid
from soundlib.acoustics import room_modes

# ISO 226:2003, Table 1: frequency f (Hz), exponent alpha_f, magnitude of the linear
# transfer function normalized at 1 kHz L_U (dB), and threshold of hearing T_f (dB SPL).
ISO226_F = np.array([20, 25, 31.5, 40, 50, 63, 80, 100, 125, 160, 200, 250, 315, 400,
                     500, 630, 800, 1000, 1250, 1600, 2000, 2500, 3150, 4000, 5000,
                     6300, 8000, 10000, 12500])
ISO226_AF = np.array([0.532, 0.506, 0.480, 0.455, 0.432, 0.409, 0.387, 0.367, 0.349,
                      0.330, 0.315, 0.301, 0.288, 0.276, 0.267, 0.259, 0.253, 0.250,
                      0.246, 0.244, 0.243, 0.243, 0.243, 0.242, 0.242, 0.245, 0.254,
                      0.271, 0.301])
ISO226_LU = np.array([-31.6, -27.2, -23.0, -19.1, -15.9, -13.0, -10.3, -8.1, -6.2, -4.5,
                      -3.1, -2.0, -1.1, -0.4, 0.0, 0.3, 0.5, 0.0, -2.7, -4.1, -1.0, 1.7,
                      2.5, 1.2, -2.1, -7.1, -11.2, -10.7, -3.1])
ISO226_TF = np.array([78.5, 68.7, 59.5, 51.1, 44.0, 37.5, 31.5, 26.5, 22.1, 17.9, 14.4,
                      11.4, 8.6, 6.2, 4.4, 3.0, 2.2, 2.4, 3.5, 1.7, -1.3, -4.2, -6.0,
                      -5.4, -1.5, 6.0, 12.6, 13.9, 12.3])


def iso226_spl(phon):
    """Sound pressure level (dB SPL) of pure tones at loudness level `phon`.

    ISO 226:2003, clause 4.1, at the 29 one-third-octave frequencies of Table 1.
    The standard treats 20 to 90 phon (to 80 phon above 4 kHz) as its valid range.
    """
    a_f = (4.47e-3 * (10 ** (0.025 * phon) - 1.15)
           + (0.4 * 10 ** ((ISO226_TF + ISO226_LU) / 10 - 9)) ** ISO226_AF)
    return 10 / ISO226_AF * np.log10(a_f) - ISO226_LU + 94


@figure("m01-wave-diagram")
def wave_diagram(freq: float = 100.0, c: float = 343.0):
    """A sine pressure wave against time (period) and against distance (wavelength)."""
    period_ms = 1000.0 / freq
    wavelength = c / freq
    fig = Figure(figsize=(7, 5), constrained_layout=True)
    ax_t, ax_x = fig.subplots(2, 1)

    t = np.linspace(0, 3 * period_ms, 1000)
    ax_t.plot(t, np.sin(2 * np.pi * t / period_ms), color="#1f4e79")
    ax_t.annotate("", xy=(1.25 * period_ms, 1.1), xytext=(0.25 * period_ms, 1.1),
                  arrowprops=dict(arrowstyle="<->", color="#b03a2e"))
    ax_t.text(0.75 * period_ms, 1.18, f"period T = {period_ms:g} ms", ha="center",
              color="#b03a2e")
    ax_t.set_xlabel("Time at one point in space (ms)")
    ax_t.set_ylabel("Relative pressure")
    ax_t.set_ylim(-1.3, 1.5)
    ax_t.set_title(f"{freq:g} Hz seen at one place")
    grid(ax_t)

    x = np.linspace(0, 3 * wavelength, 1000)
    ax_x.plot(x, np.sin(2 * np.pi * x / wavelength), color="#1f4e79")
    ax_x.annotate("", xy=(1.25 * wavelength, 1.1), xytext=(0.25 * wavelength, 1.1),
                  arrowprops=dict(arrowstyle="<->", color="#b03a2e"))
    ax_x.text(0.75 * wavelength, 1.18, f"wavelength \u03bb = {wavelength:.2f} m",
              ha="center", color="#b03a2e")
    ax_x.text(0.25 * wavelength, -1.25, "compression", ha="center", fontsize=8)
    ax_x.text(0.75 * wavelength, -1.25, "rarefaction", ha="center", fontsize=8)
    ax_x.set_xlabel(f"Distance along the wave at one instant (m), c = {c:g} m/s")
    ax_x.set_ylabel("Relative pressure")
    ax_x.set_ylim(-1.4, 1.5)
    ax_x.set_title(f"{freq:g} Hz seen at one instant")
    grid(ax_x)
    return fig


@figure("m01-inverse-square")
def inverse_square(ref_db: float = 94.0, ref_m: float = 1.0):
    """Level against distance: point source (-6 dB per doubling) and line source (-3 dB)."""
    d = np.geomspace(ref_m / 2, ref_m * 32, 200)
    fig = Figure(figsize=(7, 4.2), constrained_layout=True)
    ax = fig.subplots()
    ax.plot(d, ref_db - 20 * np.log10(d / ref_m), color="#1f4e79",
            label="point source: \u22126 dB per doubling")
    ax.plot(d, ref_db - 10 * np.log10(d / ref_m), color="#b03a2e", linestyle="--",
            label="line source: \u22123 dB per doubling")
    doublings = ref_m * 2.0 ** np.arange(-1, 6)
    ax.plot(doublings, ref_db - 20 * np.log10(doublings / ref_m), "o", color="#1f4e79")
    for dd in doublings:
        level = ref_db - 20 * np.log10(dd / ref_m)
        ax.annotate(f"{level:.0f} dB", (dd, level), textcoords="offset points",
                    xytext=(4, -12), fontsize=8, color="#1f4e79")
    ax.set_xscale("log")
    ax.set_xticks(doublings)
    ax.set_xticklabels([f"{dd:g}" for dd in doublings])
    ax.set_xlabel("Distance from the source (m, logarithmic scale)")
    ax.set_ylabel("Sound pressure level (dB SPL)")
    ax.set_title(f"Free field, {ref_db:g} dB SPL at {ref_m:g} m")
    ax.legend(loc="lower left")
    grid(ax)
    return fig


@figure("m01-comb-response")
def comb_response(delay_ms: float = 1.0, gain: float = 1.0):
    """Magnitude response of a signal mixed with a delayed copy of itself."""
    f = np.geomspace(20, 20000, 40000)
    tau = delay_ms / 1000.0
    h = np.abs(1 + gain * np.exp(-2j * np.pi * f * tau))
    level = 20 * np.log10(np.maximum(h, 1e-3))
    fig = Figure(figsize=(7, 4), constrained_layout=True)
    ax = fig.subplots()
    ax.plot(f, level, color="#1f4e79")
    first_notch = 1.0 / (2 * tau)
    ax.axvline(first_notch, color="#b03a2e", linestyle=":", linewidth=1)
    ax.text(first_notch * 1.05, -27, f"first notch {first_notch:g} Hz",
            color="#b03a2e", fontsize=8)
    ax.set_xscale("log")
    ax.set_ylim(-30, 9)
    ax.set_xlim(20, 20000)
    ax.set_xlabel("Frequency (Hz, logarithmic scale)")
    ax.set_ylabel("Level change (dB)")
    ax.set_title(f"Direct sound plus a copy delayed {delay_ms:g} ms (copy gain {gain:g})")
    grid(ax)
    return fig


@figure("m01-room-modes")
def room_modes_figure(length: float = 5.0, width: float = 4.0, height: float = 2.5,
                      fmax: float = 200.0, c: float = 343.0):
    """Mode frequencies of a rectangular room, by kind, below fmax."""
    modes = room_modes(length, width, height, fmax, c)
    rows = {"axial": 3, "tangential": 2, "oblique": 1}
    style = {"axial": ("#1f4e79", "o"), "tangential": ("#b03a2e", "s"),
             "oblique": ("#6b6b6b", "^")}
    fig = Figure(figsize=(7.5, 4.4), layout="constrained")
    ax = fig.subplots()
    for kind, row in rows.items():
        freqs = [m[0] for m in modes if m[2] == kind]
        color, marker = style[kind]
        ax.vlines(freqs, row - 0.35, row + 0.35, color=color, linewidth=1.2)
        ax.plot(freqs, [row] * len(freqs), marker, color=color, markersize=4,
                linestyle="none", label=f"{kind} ({len(freqs)})")
    labels = {}
    for freq, order, kind in modes:
        if kind == "axial":
            labels.setdefault(round(freq, 1), []).append("{}{}{}".format(*order))
    for freq, orders in labels.items():
        ax.annotate(" + ".join(orders), (freq, 3.45), fontsize=6, ha="center",
                    va="bottom", rotation=90, color="#1f4e79")
    ax.set_yticks([1, 2, 3])
    ax.set_yticklabels(["oblique", "tangential", "axial"])
    ax.set_ylim(0.4, 4.6)
    ax.set_xlim(0, fmax)
    ax.set_xlabel("Mode frequency (Hz)")
    ax.set_title(f"Room modes below {fmax:g} Hz: {length:g} m \u00d7 {width:g} m "
                 f"\u00d7 {height:g} m, c = {c:g} m/s")
    fig.legend(loc="outside lower center", ncol=3, fontsize=8)
    ax.grid(True, axis="x", linewidth=0.4, alpha=0.5)
    return fig


@figure("m01-itd-azimuth")
def itd_azimuth(head_radius: float = 0.0875, c: float = 343.0):
    """Interaural time difference against azimuth for a spherical head (Woodworth)."""
    theta_deg = np.linspace(0, 90, 200)
    theta = np.radians(theta_deg)
    itd_ms = 1000.0 * head_radius / c * (theta + np.sin(theta))
    fig = Figure(figsize=(6.5, 4), constrained_layout=True)
    ax = fig.subplots()
    ax.plot(theta_deg, itd_ms, color="#1f4e79")
    ax.annotate(f"{itd_ms[-1]:.2f} ms at 90\u00b0", (90, itd_ms[-1]),
                textcoords="offset points", xytext=(-90, -4), fontsize=9)
    ax.set_xlim(0, 90)
    ax.set_ylim(0, 0.8)
    ax.set_xlabel("Source azimuth (degrees from straight ahead)")
    ax.set_ylabel("Interaural time difference (ms)")
    ax.set_title(f"Spherical head, radius {100 * head_radius:g} cm, c = {c:g} m/s")
    grid(ax)
    return fig


@figure("m01-equal-loudness")
def equal_loudness(phons: tuple[float, ...] = (20, 40, 60, 80), show_threshold: bool = True):
    """Equal-loudness-level contours computed from ISO 226:2003 (clause 4.1, Table 1)."""
    fig = Figure(figsize=(7, 5), constrained_layout=True)
    ax = fig.subplots()
    styles = ["-", "--", "-.", ":"]
    for i, phon in enumerate(phons):
        ax.plot(ISO226_F, iso226_spl(phon), styles[i % len(styles)], color="#1f4e79",
                linewidth=1.6)
        ax.text(ISO226_F[-1] * 1.05, iso226_spl(phon)[-1], f"{phon:g} phon",
                va="center", fontsize=8)
    if show_threshold:
        ax.plot(ISO226_F, ISO226_TF, color="#b03a2e", linewidth=1.2)
        ax.text(ISO226_F[-1] * 1.05, ISO226_TF[-1] - 3, "threshold", va="center",
                fontsize=8, color="#b03a2e")
    ax.set_xscale("log")
    ax.set_xlim(20, 20000)
    ax.set_ylim(-10, 130)
    ax.set_xticks([20, 50, 100, 200, 500, 1000, 2000, 5000, 12500])
    ax.set_xticklabels(["20", "50", "100", "200", "500", "1k", "2k", "5k", "12.5k"])
    ax.set_xlabel("Frequency (Hz, logarithmic scale)")
    ax.set_ylabel("Sound pressure level (dB SPL)")
    ax.set_title("Equal-loudness-level contours, ISO 226:2003")
    grid(ax)
    return fig


@figure("m01-exposure-time")
def exposure_time(low: float = 85.0, high: float = 115.0):
    """Allowed daily duration against level: NIOSH REL and OSHA PEL criteria."""
    level = np.linspace(low, high, 301)
    niosh_h = 8.0 / 2 ** ((level - 85.0) / 3.0)
    # OSHA Table G-16 runs from 90 dBA (8 h) to 115 dBA (1/4 h or less).
    osha_level = np.linspace(max(low, 90.0), min(high, 115.0), 251)
    osha_h = 8.0 / 2 ** ((osha_level - 90.0) / 5.0)
    fig = Figure(figsize=(7, 4.5), constrained_layout=True)
    ax = fig.subplots()
    ax.plot(level, niosh_h, color="#1f4e79",
            label="NIOSH REL: 85 dBA for 8 h, 3 dB exchange rate")
    ax.plot(osha_level, osha_h, color="#b03a2e", linestyle="--",
            label="OSHA PEL (Table G-16): 90 dBA for 8 h, 5 dB exchange rate")
    ax.set_yscale("log")
    ax.yaxis.set_minor_locator(NullLocator())
    ticks = [8, 4, 2, 1, 0.5, 0.25, 1 / 8, 1 / 16, 1 / 32, 1 / 64]
    ax.set_yticks(ticks)
    ax.set_yticklabels(["8 h", "4 h", "2 h", "1 h", "30 min", "15 min", "7.5 min",
                        "3.75 min", "1.9 min", "56 s"])
    ax.set_ylim(1 / 80, 12)
    ax.set_xlim(low, high)
    ax.set_xlabel("A-weighted sound level (dBA)")
    ax.set_ylabel("Allowed duration per day")
    ax.set_title("Time to reach 100 % of the daily noise dose")
    ax.legend(loc="upper right", fontsize=8)
    grid(ax)
    return fig
