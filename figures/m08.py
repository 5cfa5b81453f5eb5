"""Figures for Module 8: Post-production for film, TV, games and podcasts.

Each figure is computed from its definition: loudspeaker angles from ITU-R BS.775,
timecode labels from the SMPTE ST 12 drop-frame counting rule, and the game-music layer
curves from the same function the audio example uses (soundlib.recipes.m08.layer_gain).
"""

import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Circle, Rectangle, Wedge

from figures import figure
from figures.style import minus

NTSC_RATE = 30000.0 / 1001.0  # 29.97 frames per second


# --------------------------------------------------------------------------- 5.1 layout

@figure("m08-speaker-layout")
def speaker_layout(surround_deg: float = 110.0):
    """Top view of the ITU-R BS.775 5.1 loudspeaker layout around the listener.

    C at 0°, L and R at ±30°, LS and RS at ±surround_deg inside the permitted 100° to
    120° sector (shaded); all main loudspeakers at the same distance. The LFE has no
    defined position and is drawn at the front as a box.
    """
    fig = Figure(figsize=(6.4, 6.4), constrained_layout=True)
    ax = fig.add_subplot(1, 1, 1)
    r = 1.0

    def xy(angle_deg, radius=r):
        # angle measured from straight ahead, positive to the listener's right
        a = np.radians(angle_deg)
        return radius * np.sin(a), radius * np.cos(a)

    ax.add_patch(Circle((0, 0), r, fill=False, linestyle=":", color="0.55"))
    for side in (-1, 1):
        # matplotlib wedge angles are counterclockwise from +x; convert from "clockwise
        # from straight ahead"
        lo, hi = sorted((90 - side * 100, 90 - side * 120))
        ax.add_patch(Wedge((0, 0), 1.22, lo, hi, width=0.44, color="tab:orange", alpha=0.18))
    speakers = [("C", 0.0), ("L", -30.0), ("R", 30.0),
                ("LS", -surround_deg), ("RS", surround_deg)]
    for name, ang in speakers:
        x, y = xy(ang)
        ax.plot([0, x], [0, y], color="0.75", linewidth=0.8, zorder=1)
        ax.add_patch(Rectangle((x - 0.07, y - 0.05), 0.14, 0.10, color="tab:blue", zorder=3))
        lx, ly = xy(ang, 1.2)
        label = f"{name}\n{minus(f'{ang:+.0f}')}°" if ang else f"{name}\n0°"
        ax.text(lx, ly, label, ha="center", va="center", fontsize=10)
    ax.add_patch(Rectangle((-1.5, 1.2), 0.2, 0.14, color="tab:purple", zorder=3))
    ax.text(-1.25, 1.27, "LFE (subwoofer):\nposition not defined", ha="left", va="center",
            fontsize=8)
    ax.add_patch(Circle((0, 0), 0.07, color="0.2"))
    ax.plot([0], [0.1], marker="^", color="0.2")
    ax.text(0, -0.18, "listener", ha="center", fontsize=9)
    # annotate the 60° front base and the surround sector
    arc = np.radians(np.linspace(-30, 30, 50))
    ax.plot(0.45 * np.sin(arc), 0.45 * np.cos(arc), color="tab:green")
    ax.text(0, 0.5, "60°", ha="center", va="bottom", color="tab:green", fontsize=9)
    ax.text(1.15, -1.0, "surround sector\n100° to 120°", ha="center", va="top", fontsize=8,
            color="tab:orange")
    ax.text(-1.15, -1.0, "surround sector\n" + minus("-100° to -120°"), ha="center",
            va="top", fontsize=8, color="tab:orange")
    ax.set_xlim(-1.6, 1.6)
    ax.set_ylim(-1.45, 1.45)
    ax.set_aspect("equal")
    ax.set_xlabel("Distance left (−) and right (+), in units of the listening distance")
    ax.set_ylabel("Distance behind (−) and in front (+)")
    ax.set_title("5.1 loudspeaker layout, ITU-R BS.775 (top view)")
    ax.grid(True, alpha=0.2)
    return fig


# --------------------------------------------------------------------------- timecode

def drop_frame_label(frame):
    """SMPTE drop-frame timecode (h, m, s, f) for a 0-based frame count at 29.97 fps.

    Frame labels 00 and 01 are skipped at the start of every minute except minutes
    00, 10, 20, 30, 40 and 50; so 17,982 frames fill each ten-minute block.
    """
    ten_min = 17982
    per_min = 1798  # frames labelled in a minute that drops two labels
    d, m = divmod(int(frame), ten_min)
    if m > 1:
        frame = frame + 18 * d + 2 * ((m - 2) // per_min)
    else:
        frame = frame + 18 * d
    f = frame % 30
    s = (frame // 30) % 60
    mi = (frame // 1800) % 60
    h = frame // 108000
    return int(h), int(mi), int(s), int(f)


def label_seconds(h, m, s, f, nominal=30.0):
    """The time a timecode label claims, read as a clock (frames at the nominal rate)."""
    return 3600.0 * h + 60.0 * m + s + f / nominal


@figure("m08-timecode-drift")
def timecode_drift(minutes: float = 60.0):
    """Label time minus real elapsed time for non-drop and drop-frame timecode at 29.97 fps."""
    real_frames = np.arange(0, int(minutes * 60 * NTSC_RATE), 30)
    real_t = real_frames / NTSC_RATE
    ndf_t = real_frames / 30.0
    df_t = np.array([label_seconds(*drop_frame_label(k)) for k in real_frames])
    fig = Figure(figsize=(7.2, 4.2), constrained_layout=True)
    ax = fig.add_subplot(1, 1, 1)
    ax.plot(real_t / 60.0, ndf_t - real_t, color="tab:red",
            label="Non-drop-frame (every label used)")
    ax.plot(real_t / 60.0, df_t - real_t, color="tab:blue",
            label="Drop-frame (labels ;00 and ;01 skipped each minute, except every 10th)")
    ax.axhline(0.0, color="0.5", linewidth=0.8)
    end = ndf_t[-1] - real_t[-1]
    ax.annotate(minus(f"{end:.1f} s after one hour\n(108 frames behind the clock)"),
                xy=(real_t[-1] / 60.0, end), xytext=(26, -3.0),
                arrowprops={"arrowstyle": "->"}, fontsize=9)
    ax.set_xlim(0, minutes)
    ax.set_xlabel("Real elapsed time (minutes)")
    ax.set_ylabel("Timecode reading minus real time (s)")
    ax.set_title("Timecode at 29.97 frames per second")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="lower left", fontsize=8)
    return fig


# --------------------------------------------------------------------------- game audio

@figure("m08-rtpc-layers")
def rtpc_layers(levels: list = (10, 35, 65, 100)):
    """Music layer volume against a game intensity parameter, as in m08-vertical-layers."""
    from soundlib.recipes.m08 import LAYER_RANGES, layer_gain

    x = np.linspace(0.0, 100.0, 501)
    colors = {"pad": "tab:green", "bass": "tab:purple", "drums": "tab:orange",
              "lead": "tab:blue"}
    fig = Figure(figsize=(7.2, 4.2), constrained_layout=True)
    ax = fig.add_subplot(1, 1, 1)
    floor = -48.0
    for name in LAYER_RANGES:
        gain = layer_gain(name, x)
        db = np.maximum(20.0 * np.log10(np.maximum(gain, 1e-9)), floor)
        ax.plot(x, db, color=colors[name], linewidth=2, label=name)
    for k, lv in enumerate(levels):
        ax.axvline(lv, color="0.5", linestyle="--", linewidth=0.8)
        ax.text(lv, floor + 2, f" step {k + 1}", rotation=90, va="bottom", fontsize=8)
    ax.set_xlim(0, 100)
    ax.set_ylim(floor, 4)
    ax.set_yticks([0, -12, -24, -36, -48])
    ax.set_yticklabels(["0", "−12", "−24", "−36", "−48 (off)"])
    ax.set_xlabel("Game parameter: intensity (0 to 100)")
    ax.set_ylabel("Layer volume (dB)")
    ax.set_title("Vertical layering: one parameter drives four layer volumes")
    ax.grid(True, alpha=0.3)
    ax.legend(loc="center left", fontsize=9)
    return fig
