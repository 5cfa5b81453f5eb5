"""Figures for Module 3: The studio and the DAW.

Every number plotted is computed from the definitions used in the lessons (dBu, dBV,
P = V²/R, the quarter-wavelength rule for boundary reflections, the crossfade gain laws),
so the figures and the text agree. Each function returns a matplotlib Figure built without
pyplot state.
"""
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Arc, Polygon, Rectangle

from figures import figure
from figures.style import minus

DBU_REF_V = np.sqrt(0.6)   # 0 dBu = 0.7746 V: the voltage that dissipates 1 mW in 600 ohms
DBV_REF_V = 1.0            # 0 dBV = 1 V
SPEED_OF_SOUND = 343.0     # m/s at 20 °C


def _dbu(volts):
    return 20.0 * np.log10(np.asarray(volts) / DBU_REF_V)


def _volts_label(v):
    if v < 1.0:
        return f"{v * 1000:.3g} mV"
    return f"{v:.3g} V"


@figure("m03-level-ladder")
def level_ladder():
    """Typical signal levels in the studio, on one dBu scale with dBV and volts alongside."""
    # (name, low volts, high volts, nominal volts or None, note)
    rows = [
        ("Microphone", 1e-3, 50e-3, None,
         "about 1 to 50 mV:\na dynamic mic gives\n1.85 mV at 94 dB SPL"),
        ("Instrument\n(passive pickup)", 0.1, 1.0, None,
         "roughly 0.1 to 1 V,\nvaries widely;\nneeds a Hi-Z input"),
        ("Consumer line", 0.316 / 3.16, 0.316 * 3.16, 0.316,
         "nominal −10 dBV\n= 0.316 V\n= −7.8 dBu"),
        ("Professional line", 1.228 / 3.16, 10 ** (24 / 20) * DBU_REF_V, 1.228,
         "nominal +4 dBu\n= 1.228 V; gear\nclips near +18 to +24 dBu"),
        ("Speaker\n(8 Ω load)", np.sqrt(1 * 8), np.sqrt(1000 * 8), np.sqrt(100 * 8),
         "1 W = 2.83 V\n100 W = 28.3 V\n1 kW = 89 V"),
    ]
    fig = Figure(figsize=(8.0, 5.2), constrained_layout=True)
    ax = fig.add_subplot(1, 1, 1)
    colors = ["tab:green", "tab:olive", "tab:orange", "tab:blue", "tab:red"]
    for i, (_name, lo, hi, nominal, note) in enumerate(rows):
        lo_db, hi_db = _dbu(lo), _dbu(hi)
        ax.add_patch(Rectangle((i - 0.3, lo_db), 0.6, hi_db - lo_db, color=colors[i],
                               alpha=0.35, linewidth=0))
        if nominal is not None:
            nd = _dbu(nominal)
            ax.plot([i - 0.36, i + 0.36], [nd, nd], color=colors[i], linewidth=2.5)
        ax.text(i, hi_db + 2.0, minus(note), ha="center", va="bottom", fontsize=7.5)
    ax.axhline(0.0, color="0.5", linewidth=0.8, linestyle=":")
    ax.text(4.45, 0.8, "0 dBu = 0.775 V", fontsize=7.5, ha="right", color="0.3")
    ax.set_xlim(-0.6, 4.6)
    ax.set_ylim(-70, 62)
    ax.set_xticks(range(len(rows)))
    ax.set_xticklabels([r[0] for r in rows], fontsize=8.5)
    ax.set_ylabel("Level (dBu, RMS)")
    ticks = np.arange(-60, 61, 20)
    ax.set_yticks(ticks)
    ax.set_yticklabels([minus(f"{t:+d}") if t else "0" for t in ticks])
    ax.grid(True, axis="y", alpha=0.3)
    right = ax.secondary_yaxis(
        "right", functions=(lambda d: d + 20 * np.log10(DBU_REF_V),
                            lambda d: d - 20 * np.log10(DBU_REF_V)))
    right.set_ylabel("Level (dBV, RMS)")
    right.set_yticks(ticks)
    right.set_yticklabels([minus(f"{t:+d}") if t else "0" for t in ticks])
    ax.set_title("Studio signal levels: shaded bands are typical ranges, bars are nominal levels",
                 fontsize=10)
    return fig


@figure("m03-gain-structure")
def gain_structure(noise_dbfs: float = -95.0, healthy_peak: float = -10.0,
                   shortfall_db: float = 40.0, hot_overshoot_db: float = 6.0):
    """Peak level and noise floor of one take recorded three ways (the audio example's numbers)."""
    low_peak = healthy_peak - shortfall_db
    cases = [
        ("Recorded\n40 dB too low", low_peak, noise_dbfs, False),
        ("...then raised\n+40 dB", healthy_peak, noise_dbfs + shortfall_db, False),
        ("Recorded at a\nhealthy level", healthy_peak, noise_dbfs, False),
        ("Recorded\ntoo hot", 0.0, noise_dbfs, True),
    ]
    fig = Figure(figsize=(7.6, 4.8), constrained_layout=True)
    ax = fig.add_subplot(1, 1, 1)
    for i, (_name, peak, noise, clipped) in enumerate(cases):
        ax.add_patch(Rectangle((i - 0.28, noise), 0.56, peak - noise,
                               color="tab:red" if clipped else "tab:blue", alpha=0.3,
                               linewidth=0))
        ax.plot([i - 0.32, i + 0.32], [peak, peak], color="tab:blue", linewidth=2.5)
        ax.plot([i - 0.32, i + 0.32], [noise, noise], color="0.35", linewidth=2.5)
        if clipped:
            ax.text(i, 2.0, minus(f"peaks that wanted {hot_overshoot_db:+.0f} dBFS\nare flattened at 0"),
                    ha="center", va="bottom", fontsize=7.5, color="tab:red")
        else:
            ax.annotate("", xy=(i + 0.38, peak), xytext=(i + 0.38, noise),
                        arrowprops={"arrowstyle": "<->", "color": "0.2"})
            ax.text(i + 0.42, (peak + noise) / 2, f"{peak - noise:.0f} dB", rotation=90,
                    va="center", fontsize=8)
        if not clipped:
            ax.text(i - 0.34, peak + 1.0, minus(f"peak {peak:.0f}"), fontsize=7.5, va="bottom")
        ax.text(i - 0.34, noise - 1.5, minus(f"noise {noise:.0f}"), fontsize=7.5, va="top")
    ax.axhline(0.0, color="tab:red", linewidth=1.2)
    ax.text(-0.55, 1.0, "0 dBFS (full scale)", color="tab:red", fontsize=8, ha="left",
            va="bottom")
    ax.set_xlim(-0.6, 3.7)
    ax.set_ylim(-105, 14)
    ax.set_xticks(range(len(cases)))
    ax.set_xticklabels([c[0] for c in cases], fontsize=8.5)
    ticks = np.arange(-100, 1, 20)
    ax.set_yticks(ticks)
    ax.set_yticklabels([minus(f"{t}") for t in ticks])
    ax.set_ylabel("Level (dBFS)")
    ax.grid(True, axis="y", alpha=0.3)
    ax.set_title(minus(f"Peak-to-noise range of one take (interface noise {noise_dbfs:.0f} dBFS RMS)"),
                 fontsize=10)
    return fig


@figure("m03-nearfield")
def nearfield(side_m: float = 1.2, wall_m: float = 0.8):
    """Top view of an equilateral near-field setup, and the first front-wall notch frequency."""
    fig = Figure(figsize=(9.0, 4.4), constrained_layout=True)
    ax = fig.add_subplot(1, 2, 1)
    half = side_m / 2.0
    h = side_m * np.sqrt(3.0) / 2.0
    left, right, ear = np.array([-half, 0.0]), np.array([half, 0.0]), np.array([0.0, -h])
    ax.add_patch(Polygon([left, right, ear], closed=True, fill=False, linestyle="--",
                         edgecolor="0.4"))
    for p, angle in ((left, -30.0), (right, 30.0)):
        # a speaker box, rotated to face the listener
        box = np.array([[-0.09, -0.07], [0.09, -0.07], [0.09, 0.07], [-0.09, 0.07]])
        rot = np.deg2rad(angle)
        r = np.array([[np.cos(rot), -np.sin(rot)], [np.sin(rot), np.cos(rot)]])
        ax.add_patch(Polygon(box @ r.T + p, closed=True, color="0.25"))
    ax.plot(*ear, marker="o", markersize=14, color="tab:blue")
    ax.text(ear[0], ear[1] - 0.12, "listener", ha="center", va="top", fontsize=8)
    ax.add_patch(Arc(ear, 0.5, 0.5, theta1=60, theta2=120, color="tab:blue"))
    ax.text(0.0, ear[1] + 0.3, "60°", ha="center", fontsize=8, color="tab:blue")
    ax.text(-half / 2 - 0.12, -h / 2, f"{side_m:.1f} m", rotation=60, ha="center", fontsize=8)
    ax.text(half / 2 + 0.12, -h / 2, f"{side_m:.1f} m", rotation=-60, ha="center", fontsize=8)
    ax.text(0.0, 0.05, f"{side_m:.1f} m", ha="center", va="bottom", fontsize=8)
    ax.plot([-1.2, 1.2], [wall_m, wall_m], color="0.2", linewidth=4)
    ax.text(1.15, wall_m + 0.05, "front wall", ha="right", va="bottom", fontsize=8)
    ax.annotate("", xy=(half + 0.25, wall_m), xytext=(half + 0.25, 0.0),
                arrowprops={"arrowstyle": "<->"})
    ax.text(half + 0.3, wall_m / 2, f"d = {wall_m:.1f} m", va="center", fontsize=8)
    ax.plot([left[0], left[0] - 0.05, ear[0]], [left[1], wall_m, ear[1]], color="tab:orange",
            linestyle=":", linewidth=1.5)
    ax.text(left[0] - 0.1, wall_m / 2, "reflected\npath", ha="right", fontsize=7.5,
            color="tab:orange")
    ax.set_xlim(-1.25, 1.25)
    ax.set_ylim(-h - 0.35, wall_m + 0.25)
    ax.set_aspect("equal")
    ax.set_xlabel("Distance (m)")
    ax.set_ylabel("Distance (m)")
    ax.set_title("Top view: speakers at ±30°, tweeters at ear height", fontsize=9.5)

    ax2 = fig.add_subplot(1, 2, 2)
    d = np.linspace(0.2, 2.0, 200)
    f = SPEED_OF_SOUND / (4.0 * d)
    ax2.plot(d, f, color="tab:orange", linewidth=2)
    for dd in (0.5, 1.0, 1.5):
        ff = SPEED_OF_SOUND / (4.0 * dd)
        ax2.plot(dd, ff, marker="o", color="tab:orange")
        ax2.text(dd + 0.05, ff + 8, f"{dd:.1f} m: {ff:.0f} Hz", fontsize=8)
    ax2.set_xlim(0.2, 2.0)
    ax2.set_ylim(0, 450)
    ax2.set_xlabel("Distance from the speaker to the wall behind it, d (m)")
    ax2.set_ylabel("First notch frequency (Hz)")
    ax2.set_title("First front-wall cancellation: f = c / (4d), c = 343 m/s", fontsize=9.5)
    ax2.grid(True, alpha=0.3)
    return fig


@figure("m03-crossfade-curves")
def crossfade_curves():
    """Gain curves of equal-gain and equal-power crossfades and the level they produce."""
    x = np.linspace(0.0, 1.0, 401)
    eg_out, eg_in = 1.0 - x, x
    ep_out, ep_in = np.cos(0.5 * np.pi * x), np.sin(0.5 * np.pi * x)
    fig = Figure(figsize=(9.0, 4.0), constrained_layout=True)
    ax = fig.add_subplot(1, 2, 1)
    ax.plot(x * 100, eg_out, color="tab:blue", label="equal gain: fade-out")
    ax.plot(x * 100, eg_in, color="tab:blue", linestyle="--", label="equal gain: fade-in")
    ax.plot(x * 100, ep_out, color="tab:orange", label="equal power: fade-out")
    ax.plot(x * 100, ep_in, color="tab:orange", linestyle="--", label="equal power: fade-in")
    ax.plot([50], [0.5], marker="o", color="tab:blue")
    ax.plot([50], [np.sqrt(0.5)], marker="o", color="tab:orange")
    ax.text(52, 0.45, minus("0.5 (−6 dB)"), fontsize=8, color="tab:blue")
    ax.text(52, 0.73, minus("0.707 (−3 dB)"), fontsize=8, color="tab:orange")
    ax.set_xlabel("Position in the crossfade (%)")
    ax.set_ylabel("Gain (linear)")
    ax.set_xlim(0, 100)
    ax.set_ylim(0, 1.05)
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=7.5, loc="center left")
    ax.set_title("Gain curves", fontsize=10)

    ax2 = fig.add_subplot(1, 2, 2)
    with np.errstate(divide="ignore"):
        cases = [
            ("equal gain, uncorrelated", 10 * np.log10(eg_out ** 2 + eg_in ** 2), "tab:blue", "-"),
            ("equal gain, identical", 20 * np.log10(eg_out + eg_in), "tab:blue", ":"),
            ("equal power, uncorrelated", 10 * np.log10(ep_out ** 2 + ep_in ** 2), "tab:orange", "-"),
            ("equal power, identical", 20 * np.log10(ep_out + ep_in), "tab:orange", ":"),
        ]
    for label, level, color, style in cases:
        ax2.plot(x * 100, level, color=color, linestyle=style, linewidth=3 if style == ":" else 2,
                 label=label, zorder=3 if style == ":" else 2)
    ax2.set_xlabel("Position in the crossfade (%)")
    ax2.set_ylabel("Level of the sum (dB re one source)")
    ax2.set_xlim(0, 100)
    ax2.set_ylim(-4.5, 4.5)
    ax2.set_yticks([-4, -3, -2, -1, 0, 1, 2, 3, 4])
    ax2.set_yticklabels([minus(f"{t:+d}") if t else "0" for t in [-4, -3, -2, -1, 0, 1, 2, 3, 4]])
    ax2.grid(True, alpha=0.3)
    ax2.legend(fontsize=7.5, loc="lower left")
    ax2.set_title("Resulting level", fontsize=10)
    return fig
