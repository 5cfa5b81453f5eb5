"""Figures for Module 4: Microphones and recording.

Every curve is computed from a stated model:

- polar patterns from r(θ) = A + B·cos θ with A + B = 1 (first-order microphones);
- the proximity effect of a first-order gradient microphone on axis to a point source,
  |1 + B/(jkr)| with k = 2πf/c;
- comb filtering of two omnidirectional microphones in a free field;
- stereo arrays drawn to scale, each microphone shown by its own polar pattern.

Each function returns a matplotlib Figure built without pyplot state.
"""
import numpy as np
from matplotlib.figure import Figure

from figures import figure
from figures.style import grid, hz_label, minus

C = 343.0  # m/s at 20 °C

# A (pressure, omnidirectional part) for each first-order pattern; B = 1 - A.
PATTERNS = {
    "omni": 1.0,
    "subcardioid": 0.7,
    "cardioid": 0.5,
    "supercardioid": 0.366,
    "hypercardioid": 0.25,
    "figure-8": 0.0,
}

LABELS = {
    "omni": "Omnidirectional",
    "subcardioid": "Subcardioid",
    "cardioid": "Cardioid",
    "supercardioid": "Supercardioid",
    "hypercardioid": "Hypercardioid",
    "figure-8": "Figure-8",
}


def pattern(name, theta):
    """r(θ) = A + B·cos θ for a named first-order pattern (signed: negative = rear lobe)."""
    a = PATTERNS[name]
    return a + (1.0 - a) * np.cos(theta)


def _freq_ticks(ax, ticks):
    """Plain frequency labels (20, 50, 100 ... 1k, 2k) on a logarithmic axis."""
    ax.set_xticks(ticks)
    ax.set_xticklabels([hz_label(t) for t in ticks])
    ax.minorticks_off()


@figure("m04-polar-patterns")
def polar_patterns(patterns=("omni", "cardioid", "supercardioid", "hypercardioid", "figure-8"),
                   floor_db: float = -30.0):
    """Polar patterns in dB, one panel each, with the null angle marked."""
    patterns = list(patterns)
    n = len(patterns)
    cols = min(n, 3)
    rows = int(np.ceil(n / cols))
    fig = Figure(figsize=(3.2 * cols, 3.5 * rows), constrained_layout=True)
    theta = np.linspace(0, 2 * np.pi, 1441)
    for i, name in enumerate(patterns):
        ax = fig.add_subplot(rows, cols, i + 1, projection="polar")
        ax.set_theta_zero_location("N")
        ax.set_theta_direction(-1)
        r = pattern(name, theta)
        db = np.maximum(20 * np.log10(np.maximum(np.abs(r), 1e-9)), floor_db)
        front = np.where(r >= 0, db, np.nan)
        rear = np.where(r < 0, db, np.nan)
        ax.plot(theta, front, color="#1f4e79", linewidth=1.8)
        ax.plot(theta, rear, color="#b03a2e", linewidth=1.8, linestyle="--")
        ax.set_ylim(floor_db, 0)
        ax.set_yticks(np.arange(floor_db, 0.1, 10))
        ax.set_yticklabels([minus(f"{v:g} dB") for v in np.arange(floor_db, 0.1, 10)], fontsize=7)
        ax.set_rlabel_position(200)
        ax.set_xticks(np.radians(np.arange(0, 360, 45)))
        ax.set_xticklabels([f"{d}°" for d in range(0, 360, 45)], fontsize=7)
        a = PATTERNS[name]
        b = 1 - a
        title = f"{LABELS[name]}\nA = {a:g}, B = {b:g}"
        if b > 0 and a < b:
            null = np.degrees(np.arccos(-a / b))
            title += f", null at {null:.0f}°"
            for s in (1, -1):
                ax.plot([s * np.radians(null)] * 2, [floor_db, 0], color="0.4",
                        linewidth=0.8, linestyle=":")
        ax.set_title(title, fontsize=9)
    fig.suptitle("Sensitivity against angle, r(θ) = A + B·cos θ; 0° is the front\n"
                 "(solid: same polarity as the front, dashed: opposite polarity)", fontsize=9)
    return fig


@figure("m04-proximity-curves")
def proximity_curves(distances_cm=(2.5, 5, 10, 30, 100), patterns=("cardioid", "figure-8")):
    """Bass boost against frequency for first-order gradient microphones near a point source."""
    patterns = list(patterns)
    f = np.logspace(np.log10(20), np.log10(2000), 600)
    k = 2 * np.pi * f / C
    fig = Figure(figsize=(4.2 * len(patterns), 4.0), constrained_layout=True)
    axes = fig.subplots(1, len(patterns), sharey=True, squeeze=False)[0]
    colors = ["#b03a2e", "#d35400", "#1f4e79", "#117a65", "#6c3483", "#566573"]
    for ax, name in zip(axes, patterns):
        b = 1.0 - PATTERNS[name]
        for i, d in enumerate(distances_cm):
            r = d / 100.0
            boost = 10 * np.log10(1 + (b / (k * r)) ** 2)
            ax.semilogx(f, boost, color=colors[i % len(colors)], label=f"{d:g} cm")
        ax.set_title(f"{LABELS[name]} (B = {b:g})", fontsize=10)
        ax.set_xlabel("Frequency (Hz)")
        ax.set_xlim(20, 2000)
        _freq_ticks(ax, [20, 50, 100, 200, 500, 1000, 2000])
        ax.set_ylim(0, 30)
        grid(ax)
        ax.legend(title="source distance", fontsize=8, title_fontsize=8)
    axes[0].set_ylabel("Boost relative to the far field (dB)")
    fig.suptitle("Proximity effect of first-order gradient microphones, on axis to a point source:\n"
                 "boost = 10·log10(1 + (B/kr)²), k = 2πf/c (the microphone's own low-frequency "
                 "roll-off is not included)", fontsize=9)
    return fig


@figure("m04-comb-ratios")
def comb_ratios(ratios=(1.2, 2.0, 3.0, 5.0), near_m: float = 0.3):
    """Response of two summed omni microphones: own mic at near_m, the other at ratio × near_m."""
    f = np.logspace(np.log10(20), np.log10(20000), 4000)
    fig = Figure(figsize=(7.5, 4.3), constrained_layout=True)
    ax = fig.subplots()
    colors = ["#b03a2e", "#d35400", "#1f4e79", "#117a65", "#6c3483"]
    for i, ratio in enumerate(ratios):
        tau = near_m * (ratio - 1.0) / C
        a = 1.0 / ratio
        h = np.abs(1 + a * np.exp(-2j * np.pi * f * tau))
        db = 20 * np.log10(h)
        hi = 20 * np.log10(1 + a)
        lo = 20 * np.log10(1 - a)
        ax.semilogx(f, db, color=colors[i % len(colors)], linewidth=1.0,
                    label=minus(f"{ratio:g}:1 (copy {20 * np.log10(a):.1f} dB, {1000 * tau:.2f} ms): "
                                 f"{hi:+.1f} / {lo:+.1f} dB"))
    ax.set_xlim(20, 20000)
    _freq_ticks(ax, [20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000])
    ax.set_ylim(-22, 8)
    ax.set_xlabel("Frequency (Hz)")
    ax.set_ylabel("Level relative to the near mic alone (dB)")
    ax.set_title(f"Two omni microphones summed, near mic at {near_m:g} m, free field, c = {C:g} m/s",
                 fontsize=10)
    grid(ax)
    ax.legend(fontsize=8, loc="lower left", title="distance ratio: highest peak / deepest dip",
              title_fontsize=8)
    return fig


def _draw_mic(ax, x, y, aim_deg, name, size, color):
    """Draw a microphone's polar pattern (linear magnitude) centered at (x, y), aimed at aim_deg.

    aim_deg is measured from the front (up the page) with positive angles to the left.
    """
    th = np.linspace(0, 2 * np.pi, 361)
    r = np.abs(pattern(name, th)) * size
    ang = th + np.radians(90 + aim_deg)
    ax.fill(x + r * np.cos(ang), y + r * np.sin(ang), color=color, alpha=0.18)
    ax.plot(x + r * np.cos(ang), y + r * np.sin(ang), color=color, linewidth=1.2)
    a = np.radians(90 + aim_deg)
    ax.annotate("", xy=(x + 1.05 * size * np.cos(a), y + 1.05 * size * np.sin(a)), xytext=(x, y),
                arrowprops=dict(arrowstyle="->", color=color, linewidth=1.2))
    ax.plot([x], [y], "o", color="black", markersize=3)


@figure("m04-stereo-arrays")
def stereo_arrays(ab_spacing_cm: float = 60.0):
    """Top views of six stereo arrays, to scale, each microphone drawn as its polar pattern."""
    layouts = [
        ("XY: coincident cardioids, 90°", [(0, 45, "cardioid"), (0, -45, "cardioid")], None),
        ("Blumlein: coincident figure-8s, 90°", [(0, 45, "figure-8"), (0, -45, "figure-8")], None),
        ("Mid-side: cardioid mid, figure-8 side",
         [(0, 0, "cardioid"), (0, 90, "figure-8")], None),
        ("ORTF: cardioids, 17 cm, 110°", [(-8.5, 55, "cardioid"), (8.5, -55, "cardioid")], 17),
        ("NOS: cardioids, 30 cm, 90°", [(-15, 45, "cardioid"), (15, -45, "cardioid")], 30),
        (f"Spaced pair (A–B): omnis, {ab_spacing_cm:g} cm shown",
         [(-ab_spacing_cm / 2, 0, "omni"), (ab_spacing_cm / 2, 0, "omni")], ab_spacing_cm),
    ]
    fig = Figure(figsize=(9.5, 6.4), constrained_layout=True)
    axes = fig.subplots(2, 3).ravel()
    colors = ["#1f4e79", "#b03a2e"]
    for ax, (title, mics, spacing) in zip(axes, layouts):
        half = max(22.0, (spacing or 0) / 2 + 16.0)
        size = (0.3 if spacing else 0.45) * half
        for j, (x, aim, name) in enumerate(mics):
            _draw_mic(ax, x, 0.0, aim, name, size, colors[j % 2])
        if spacing:
            ax.annotate("", xy=(mics[0][0], -0.45 * half), xytext=(mics[1][0], -0.45 * half),
                        arrowprops=dict(arrowstyle="<->", color="0.3"))
            ax.text(0, -0.52 * half, f"{spacing:g} cm", ha="center", va="top", fontsize=8)
        ax.annotate("", xy=(0, 0.86 * half), xytext=(0, 0.6 * half),
                    arrowprops=dict(arrowstyle="->", color="0.5"))
        ax.text(0, 0.88 * half, "toward the performers", ha="center", va="bottom", fontsize=7,
                color="0.3")
        ax.set_xlim(-half, half)
        ax.set_ylim(-0.8 * half, 1.05 * half)
        ax.set_aspect("equal")
        ax.set_title(title, fontsize=9)
        ax.set_xlabel("Position across the array (cm)", fontsize=8)
        ax.tick_params(labelsize=7)
        grid(ax)
    fig.suptitle("Stereo microphone arrays seen from above, to scale (pattern size not to scale)\n"
                 "blue = left channel, red = right channel (mid-side: blue = mid, red = side)",
                 fontsize=9)
    return fig
