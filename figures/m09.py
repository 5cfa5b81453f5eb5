"""Figures for Module 9: Live sound.

Every curve is computed from the models stated in the lessons: spherical and cylindrical
spreading, the rough line-array near-field limit r = L²·f / (2c), Linkwitz-Riley
crossover filters, first-order microphone polar patterns, the potential-acoustic-gain
geometry, the feedback loop of the audio example, and arrival times at 343 m/s. Each
function returns a matplotlib Figure built without pyplot state.
"""
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Circle, Polygon, Rectangle
from scipy.signal import butter, freqs

from figures import figure
from figures.style import minus

C = 343.0  # speed of sound in air at 20 °C, m/s


def _db_ticks(ax, ticks):
    ax.set_yticks(ticks)
    ax.set_yticklabels([minus(f"{t:g}") for t in ticks])


@figure("m09-distance-loss")
def distance_loss(array_length_m: float = 5.0, freqs_hz: tuple[float, ...] = (250.0, 1000.0),
                  d_max: float = 100.0):
    """Level against distance: point source, ideal line source, and a finite line array.

    The finite array uses the rough two-slope model: 3 dB per doubling out to
    r = L²·f / (2c), then 6 dB per doubling.
    """
    d = np.geomspace(1.0, d_max, 400)
    fig = Figure(figsize=(7.6, 4.6), constrained_layout=True)
    ax = fig.add_subplot(1, 1, 1)
    ax.plot(d, -20 * np.log10(d), color="tab:red", linewidth=2.2,
            label="Point source: −6 dB per doubling")
    ax.plot(d, -10 * np.log10(d), color="tab:blue", linewidth=2.2,
            label="Ideal (infinite) line source: −3 dB per doubling")
    styles = ["--", ":"]
    for f, ls in zip(freqs_hz, styles):
        r = array_length_m ** 2 * f / (2 * C)
        level = np.where(d <= r, -10 * np.log10(d),
                         -10 * np.log10(r) - 20 * np.log10(d / r))
        ax.plot(d, level, color="tab:green", linestyle=ls, linewidth=1.8,
                label=f"{array_length_m:g} m array at {f:g} Hz (near field to {r:.0f} m)")
        if r <= d_max:
            ax.plot([r], [-10 * np.log10(r)], "o", color="tab:green", markersize=5)
    for k in range(0, 7):
        x = 2 ** k
        if x <= d_max:
            ax.axvline(x, color="0.85", linewidth=0.6, zorder=0)
    ax.set_xscale("log")
    ax.set_xlim(1, d_max)
    ax.set_ylim(-44, 2)
    xt = [1, 2, 4, 8, 16, 32, 64, 100]
    ax.set_xticks(xt)
    ax.set_xticklabels([str(x) for x in xt])
    _db_ticks(ax, list(range(-42, 1, 6)))
    ax.set_xlabel("Distance from the source (m, logarithmic scale)")
    ax.set_ylabel("Level relative to 1 m (dB)")
    ax.grid(True, axis="y", alpha=0.3)
    ax.legend(fontsize=8, loc="lower left")
    ax.set_title("How level falls with distance (free field, no air absorption)", fontsize=10)
    return fig


@figure("m09-crossover")
def crossover(freq_hz: float = 90.0):
    """A 4th-order Linkwitz-Riley crossover between subwoofer and mains, and their sum."""
    w_c = 2 * np.pi * freq_hz
    f = np.geomspace(20, 2000, 600)
    w = 2 * np.pi * f
    bl, al = butter(2, w_c, btype="low", analog=True)
    bh, ah = butter(2, w_c, btype="high", analog=True)
    _, hl = freqs(bl, al, worN=w)
    _, hh = freqs(bh, ah, worN=w)
    low, high = hl ** 2, hh ** 2            # Linkwitz-Riley = Butterworth squared
    total = low + high
    fig = Figure(figsize=(7.4, 4.2), constrained_layout=True)
    ax = fig.add_subplot(1, 1, 1)
    ax.semilogx(f, 20 * np.log10(np.abs(low)), color="tab:red", linewidth=2,
                label="Subwoofer feed (low-pass)")
    ax.semilogx(f, 20 * np.log10(np.abs(high)), color="tab:blue", linewidth=2,
                label="Main feed (high-pass)")
    ax.semilogx(f, 20 * np.log10(np.abs(total)), color="black", linewidth=1.4,
                linestyle="--", label="Acoustic sum (aligned and in polarity)")
    ax.axvline(freq_hz, color="0.5", linewidth=0.8, linestyle=":")
    ax.text(freq_hz * 1.05, -33, f"{freq_hz:g} Hz:\neach −6 dB", fontsize=8)
    ax.set_xlim(20, 2000)
    ax.set_ylim(-40, 6)
    _db_ticks(ax, [-36, -30, -24, -18, -12, -6, 0, 6])
    xt = [20, 50, 100, 200, 500, 1000, 2000]
    ax.set_xticks(xt)
    ax.set_xticklabels([str(x) for x in xt])
    ax.set_xlabel("Frequency (Hz)")
    ax.set_ylabel("Level (dB)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(fontsize=8, loc="center right")
    ax.set_title(f"4th-order (24 dB/octave) Linkwitz–Riley crossover at {freq_hz:g} Hz",
                 fontsize=10)
    return fig


def _solve_speaker(ds, d1, d2, d0):
    """Place talker, mic, loudspeaker and listener in a plane with the four distances."""
    talker = np.array([0.0, 0.0])
    listener = np.array([d0, 0.0])
    mic = np.array([ds, 0.0])
    # loudspeaker: d1 from the mic and d2 from the listener (circle intersection)
    x = (d1 ** 2 - d2 ** 2 + d0 ** 2 - ds ** 2) / (2 * (d0 - ds))
    y = np.sqrt(max(d1 ** 2 - (x - ds) ** 2, 0.0))
    return talker, mic, np.array([x, y]), listener


@figure("m09-pag-geometry")
def pag_geometry(ds: float = 0.3, d1: float = 5.0, d2: float = 12.0, d0: float = 15.0):
    """The four distances of the potential-acoustic-gain equation, drawn to scale."""
    talker, mic, spk, listener = _solve_speaker(ds, d1, d2, d0)
    pag = 20 * np.log10(d0 * d1 / (ds * d2))
    fig = Figure(figsize=(7.8, 3.9), constrained_layout=True)
    ax = fig.add_subplot(1, 1, 1)
    ax.set_aspect("equal")

    def dim(p, q, text, color, offset):
        ax.annotate("", xy=q, xytext=p,
                    arrowprops={"arrowstyle": "<->", "color": color, "linewidth": 1.4})
        m = (p + q) / 2 + offset
        ax.text(m[0], m[1], text, color=color, fontsize=9, ha="center", va="center",
                bbox={"facecolor": "white", "edgecolor": "none", "pad": 1})

    dim(talker, listener, f"D0 = {d0:g} m (talker to listener)", "tab:purple",
        np.array([0.0, -0.7]))
    dim(mic, spk, f"D1 = {d1:g} m\n(mic to loudspeaker)", "tab:red", np.array([1.9, -0.4]))
    dim(spk, listener, f"D2 = {d2:g} m (loudspeaker to listener)", "tab:blue",
        np.array([0.6, 0.6]))
    ax.annotate(f"Ds = {ds:g} m (talker to mic)", xy=(ds / 2, -0.08), xytext=(-1.0, -1.5),
                fontsize=9, color="tab:green",
                arrowprops={"arrowstyle": "->", "color": "tab:green"})
    ax.add_patch(Circle(talker, 0.22, color="0.3"))
    ax.text(talker[0] - 0.3, talker[1] + 0.45, "Talker", fontsize=9, ha="center")
    ax.add_patch(Circle(mic, 0.09, color="tab:green"))
    ax.text(mic[0] + 0.1, mic[1] - 0.45, "Mic", fontsize=9, ha="left", color="tab:green")
    ax.add_patch(Rectangle(spk - [0.3, 0.4], 0.6, 0.8, color="0.2"))
    ax.text(spk[0], spk[1] + 0.65, "Loudspeaker", fontsize=9, ha="center")
    ax.add_patch(Circle(listener, 0.22, color="tab:purple"))
    ax.text(listener[0], listener[1] + 0.45, "Farthest\nlistener", fontsize=9, ha="center",
            va="bottom")
    ax.text(d0 / 2, spk[1] + 1.5,
            f"PAG = 20·log10(D0·D1 / (Ds·D2)) = {pag:.1f} dB "
            "(before the 6 dB margin and the open-mic term)",
            fontsize=9, ha="center")
    ax.set_xlim(-1.2, d0 + 1.2)
    ax.set_ylim(-2.0, spk[1] + 2.2)
    ax.set_xlabel("Meters")
    ax.set_yticks([])
    for side in ("left", "right", "top"):
        ax.spines[side].set_visible(False)
    return fig


def _pattern(a, theta):
    return np.abs(a + (1 - a) * np.cos(theta))


@figure("m09-mic-nulls")
def mic_nulls():
    """Cardioid and supercardioid polar patterns with wedges placed in their nulls."""
    theta = np.linspace(0, 2 * np.pi, 721)
    fig = Figure(figsize=(8.0, 4.6), constrained_layout=True)
    cases = [("Cardioid", 0.5, [180.0], "tab:blue"),
             ("Supercardioid", 0.366, [125.3, -125.3], "tab:red")]
    for i, (name, a, nulls, color) in enumerate(cases):
        ax = fig.add_subplot(1, 2, i + 1, projection="polar")
        level = 20 * np.log10(np.maximum(_pattern(a, theta), 10 ** (-30 / 20)))
        ax.plot(theta, level + 30, color=color, linewidth=2)
        ax.set_theta_zero_location("N")
        ax.set_theta_direction(-1)
        ax.set_ylim(0, 31)
        ax.set_yticks([0, 10, 20, 30])
        ax.set_yticklabels(["", minus("-20"), minus("-10"), "0 dB"], fontsize=7)
        ax.set_xticks(np.radians(np.arange(0, 360, 45)))
        ax.set_xticklabels(["0°", "45°", "90°", "135°", "180°", "225°", "270°", "315°"],
                           fontsize=7)
        for n in nulls:
            t = np.radians(n)
            ax.annotate("wedge", xy=(t, 22), xytext=(t + np.radians(18 if n > 0 else -18), 44),
                        fontsize=8, ha="center", va="center", annotation_clip=False,
                        arrowprops={"arrowstyle": "->", "color": "0.2", "linewidth": 1.4})
        null_txt = " and ".join(f"{abs(n):.0f}°" for n in nulls[:1])
        ax.set_title(f"{name}: null at {null_txt}" + (" (both sides)" if len(nulls) > 1 else ""),
                     fontsize=9.5, pad=18)
    return fig


@figure("m09-loop-gain")
def loop_gain(loop: float = 0.98, path_ms: float = 5.0, notch_db: float = -9.0,
              notch_q: float = 8.0):
    """Loop gain and closed-loop response of the feedback audio example, before and
    after a narrow cut at the ringing frequency."""
    from soundlib import SR, filters
    from soundlib.recipes import m09 as rec

    d = int(round(path_ms * SR / 1000.0))
    b0, a0 = rec._loop_filter(rec._in_phase_frequency(2500.0, d), 4.0, 6.0)
    k = rec._k_for_loop_gain(b0, a0, d, loop)
    ring = rec._ring_frequency(b0, a0, k, d)
    bn, an = filters.biquad_coefficients("peak", ring, notch_q, notch_db, SR)
    b1, a1 = np.convolve(b0, bn), np.convolve(a0, an)
    fig = Figure(figsize=(7.8, 5.6), constrained_layout=True)
    ax1, ax2 = fig.subplots(2, 1, sharex=True)
    for (b, a), color, label in (((b0, a0), "tab:red", "Before: no cut"),
                                 ((b1, a1), "tab:blue",
                                  minus(f"After: {notch_db:g} dB cut, Q {notch_q:g}, "
                                         f"at {ring:.0f} Hz"))):
        w, h, l1 = rec._loop_response(b, a, d, n_freqs=1 << 16)
        sel = (w >= 100) & (w <= 10000)
        ax1.semilogx(w[sel], 20 * np.log10(np.abs(k * l1[sel])), color=color, label=label)
        closed = np.abs(h / (1.0 - k * l1))
        ax2.semilogx(w[sel], 20 * np.log10(closed[sel]), color=color, linewidth=0.9,
                     label=label)
    ax1.axhline(0.0, color="black", linewidth=1.0, linestyle="--")
    ax1.text(120, 0.8, "0 dB: loop gain 1, sustained howl", fontsize=8)
    ax1.set_ylabel("Loop gain (dB)")
    ax1.set_ylim(-30, 4)
    _db_ticks(ax1, [-30, -24, -18, -12, -6, 0])
    ax1.legend(fontsize=8, loc="lower center")
    ax1.grid(True, which="both", alpha=0.3)
    ax1.set_title(f"One trip round the loop (peak loop gain {loop:g}, path {path_ms:g} ms)",
                  fontsize=9.5)
    ax2.set_ylabel("System response with\nthe loop closed (dB)")
    ax2.set_ylim(-20, 45)
    _db_ticks(ax2, [-20, -10, 0, 10, 20, 30, 40])
    ax2.grid(True, which="both", alpha=0.3)
    ax2.set_xlabel("Frequency (Hz)")
    xt = [100, 200, 500, 1000, 2000, 5000, 10000]
    ax2.set_xticks(xt)
    ax2.set_xticklabels(["100", "200", "500", "1k", "2k", "5k", "10k"])
    ax2.set_xlim(100, 10000)
    ax2.set_title("Peaks every 1 / 5 ms = 200 Hz; the one where the loop gain is highest rings",
                  fontsize=9.5)
    return fig


@figure("m09-delay-timing")
def delay_timing(tower_m: float = 40.0, behind_m: float = 10.0, precedence_ms: float = 10.0):
    """Arrival times at a listener behind a delay tower, undelayed and aligned."""
    t_main = 1000 * (tower_m + behind_m) / C
    t_tower = 1000 * behind_m / C
    delay = 1000 * tower_m / C + precedence_ms
    fig = Figure(figsize=(7.8, 5.0), constrained_layout=True)
    ax0, ax1 = fig.subplots(2, 1, gridspec_kw={"height_ratios": [1, 1.6]})
    # geometry
    ax0.add_patch(Rectangle((-1.5, -0.5), 3, 1.0, color="0.3"))
    ax0.text(0, 0.8, "Main PA\n(stage)", ha="center", va="bottom", fontsize=8.5)
    ax0.add_patch(Polygon([[tower_m - 0.8, -0.5], [tower_m + 0.8, -0.5], [tower_m, 0.5]],
                          color="tab:orange"))
    ax0.text(tower_m, 0.8, "Delay tower", ha="center", va="bottom", fontsize=8.5)
    ax0.add_patch(Circle((tower_m + behind_m, 0), 0.6, color="tab:purple"))
    ax0.text(tower_m + behind_m, 0.8, "Listener", ha="center", va="bottom", fontsize=8.5)
    ax0.annotate("", xy=(tower_m, -1.1), xytext=(0, -1.1),
                 arrowprops={"arrowstyle": "<->"})
    ax0.text(tower_m / 2, -1.7, f"{tower_m:g} m = {1000 * tower_m / C:.1f} ms",
             ha="center", va="top", fontsize=8.5)
    ax0.annotate("", xy=(tower_m + behind_m, -1.1), xytext=(tower_m, -1.1),
                 arrowprops={"arrowstyle": "<->"})
    ax0.text(tower_m + behind_m / 2, -1.7, f"{behind_m:g} m", ha="center", va="top",
             fontsize=8.5)
    ax0.set_xlim(-3, tower_m + behind_m + 3)
    ax0.set_ylim(-3.2, 2.6)
    ax0.set_xlabel("Distance from the main PA (m)")
    ax0.set_yticks([])
    for side in ("left", "right", "top"):
        ax0.spines[side].set_visible(False)
    # arrivals
    rows = [("No delay on tower", t_tower, t_main), ("Tower delayed", t_tower + delay, t_main)]
    for i, (name, tt, tm) in enumerate(rows):
        y = 2.0 - 2.0 * i
        ax1.plot([tm, tm], [y - 0.3, y + 0.3], color="0.3", linewidth=4)
        ax1.plot([tt, tt], [y - 0.3, y + 0.3], color="tab:orange", linewidth=4)
        ax1.text(tm - 1.5, y + 0.1, f"main {tm:.1f} ms", ha="right", va="center", fontsize=8)
        ax1.text(tt + 1.5, y + 0.1, f"tower {tt:.1f} ms", ha="left", va="center", fontsize=8,
                 color="tab:orange")
        gap = tm - tt
        verdict = (f"tower first, main {gap:.1f} ms later: an echo, image pulled to the tower"
                   if gap > 0 else
                   f"main first by {-gap:.1f} ms: one sound, image stays on stage")
        ax1.text(3, y - 0.55, f"{name} ({0 if i == 0 else delay:.1f} ms): {verdict}",
                 fontsize=8.3, va="top")
    ax1.set_xlim(0, 200)
    ax1.set_ylim(-1.4, 2.7)
    ax1.set_yticks([])
    ax1.set_xlabel("Arrival time at the listener (ms after the console sends the signal)")
    ax1.grid(True, axis="x", alpha=0.3)
    return fig
