"""Figures for Module 7: Mastering.

Every figure is computed from first principles (filter coefficients, sample values,
the worked examples in the lessons), so the numbers in the text and in the figures agree.
"""

import numpy as np
from matplotlib.figure import Figure

from figures import figure

# ITU-R BS.1770 K-weighting at 48 kHz (Annex 1, stage 1 shelving filter and stage 2 high-pass).
_K_STAGE1 = ([1.53512485958697, -2.69169618940638, 1.19839281085285],
             [1.0, -1.69065929318241, 0.73248077421585])
_K_STAGE2 = ([1.0, -2.0, 1.0],
             [1.0, -1.99004745483398, 0.99007225036621])


def _minus(value, signed=False, digits=1):
    """Format a number with a real minus sign (U+2212)."""
    text = f"{value:+.{digits}f}" if signed else f"{value:.{digits}f}"
    return text.replace("-", "\u2212")


def _biquad_response_db(b, a, freqs, sr=48000.0):
    z = np.exp(-1j * 2.0 * np.pi * np.asarray(freqs) / sr)
    num = b[0] + b[1] * z + b[2] * z ** 2
    den = a[0] + a[1] * z + a[2] * z ** 2
    return 20.0 * np.log10(np.abs(num / den))


@figure("m07-k-weighting")
def k_weighting(fmin: float = 10.0, fmax: float = 20000.0):
    """Magnitude response of the BS.1770 K-weighting filter and its two stages."""
    f = np.geomspace(fmin, fmax, 600)
    s1 = _biquad_response_db(*_K_STAGE1, f)
    s2 = _biquad_response_db(*_K_STAGE2, f)
    fig = Figure(figsize=(7.0, 4.0), constrained_layout=True)
    ax = fig.add_subplot(1, 1, 1)
    ax.semilogx(f, s1, linestyle="--", color="tab:orange", label="Stage 1: high shelf (head effect)")
    ax.semilogx(f, s2, linestyle=":", color="tab:green", label="Stage 2: high-pass (RLB curve)")
    ax.semilogx(f, s1 + s2, color="tab:blue", linewidth=2.2, label="K-weighting (both stages)")
    ax.axhline(0.0, color="0.6", linewidth=0.8)
    ax.annotate("about +4 dB\nabove 4 kHz", xy=(8000, 4.0), xytext=(2500, 7.0),
                arrowprops={"arrowstyle": "->"})
    ax.annotate("−6 dB at 38 Hz", xy=(38, -6.0), xytext=(60, -11.0),
                arrowprops={"arrowstyle": "->"})
    ax.annotate("+0.69 dB at 1 kHz", xy=(997, 0.69), xytext=(150, 4.0),
                arrowprops={"arrowstyle": "->"})
    ax.set_xlim(fmin, fmax)
    ax.set_ylim(-16, 9)
    ax.set_xlabel("Frequency (Hz)")
    ax.set_ylabel("Gain (dB)")
    ax.grid(True, which="both", alpha=0.3)
    ax.legend(loc="lower right", fontsize=8)
    ax.set_title("BS.1770 K-weighting at 48 kHz")
    return fig


@figure("m07-intersample")
def intersample(cycles: int = 3):
    """A sine at a quarter of the sample rate sampled 45 degrees away from its crests."""
    n = np.arange(4 * cycles + 1)
    samples = np.sin(np.pi * n / 2.0 + np.pi / 4.0)
    t = np.linspace(0, 4 * cycles, 2000)
    wave = np.sin(np.pi * t / 2.0 + np.pi / 4.0)
    fig = Figure(figsize=(7.0, 3.6), constrained_layout=True)
    ax = fig.add_subplot(1, 1, 1)
    ax.plot(t, wave, color="tab:blue", label="Reconstructed waveform (what the converter outputs)")
    ax.stem(n, samples, linefmt="tab:red", markerfmt="o", basefmt=" ", label="Stored samples")
    sp = 1.0 / np.sqrt(2.0)
    ax.axhline(sp, color="tab:red", linestyle="--", linewidth=1)
    ax.axhline(1.0, color="tab:blue", linestyle="--", linewidth=1)
    ax.text(4 * cycles + 0.2, sp, "sample peak\n−3.01 dBFS", va="center", fontsize=8)
    ax.text(4 * cycles + 0.2, 1.0, "true peak\n0 dBTP", va="center", fontsize=8)
    ax.set_xlim(-0.3, 4 * cycles + 2.2)
    ax.set_ylim(-1.25, 1.25)
    ax.set_xlabel("Time (sample periods)")
    ax.set_ylabel("Amplitude (full scale = 1)")
    ax.legend(loc="lower left", fontsize=8)
    ax.set_title("Sine at fs/4, sampled 45° from its crests")
    return fig


@figure("m07-gating")
def gating(blocks: tuple = (-14, -13, -15, -16, -30, -35, -75, -80, -14, -13)):
    """Block loudness values and the two BS.1770 gates for the lesson's worked example."""
    lv = np.asarray(blocks, dtype=float)
    above_abs = lv > -70.0
    abs_level = 10.0 * np.log10(np.mean(10.0 ** (lv[above_abs] / 10.0)))
    rel_gate = abs_level - 10.0
    kept = above_abs & (lv > rel_gate)
    integrated = 10.0 * np.log10(np.mean(10.0 ** (lv[kept] / 10.0)))
    colors = ["tab:blue" if k else ("0.75" if not a else "tab:orange") for k, a in zip(kept, above_abs)]
    fig = Figure(figsize=(7.0, 4.0), constrained_layout=True)
    ax = fig.add_subplot(1, 1, 1)
    x = np.arange(1, len(lv) + 1)
    ax.bar(x, lv + 90.0, bottom=-90.0, color=colors, edgecolor="0.3")
    ax.axhline(-70.0, color="0.3", linestyle=":", label="Absolute gate −70 LUFS")
    ax.axhline(rel_gate, color="tab:orange", linestyle="--",
               label=f"Relative gate {_minus(rel_gate)} LUFS (−10 LU)")
    ax.axhline(integrated, color="tab:blue", linewidth=2,
               label=f"Integrated loudness {_minus(integrated)} LUFS")
    ax.set_xticks(x)
    ax.set_xlabel("Block number (400 ms blocks)")
    ax.set_ylabel("Block loudness (LUFS)")
    ax.set_ylim(-90, 0)
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=8)
    ax.set_title("Gating: gray blocks fail the absolute gate, orange the relative gate")
    return fig


@figure("m07-normalization")
def normalization(target: float = -14.0):
    """What a -14 LUFS platform does to masters of different loudness and true peak.

    Turn-down is simple gain. Turn-up is limited so the true peak stays at or below -1 dBTP
    (Spotify's stated rule for its default setting).
    """
    masters = [("Loud master", -8.0, -0.3), ("Medium master", -11.0, -1.0),
               ("−14 LUFS master", -14.0, -1.0), ("Quiet, dynamic master", -20.0, -5.0)]
    names, before, after, peaks_after = [], [], [], []
    for name, lufs, tp in masters:
        gain = target - lufs
        if gain > 0:
            gain = min(gain, -1.0 - tp)
        names.append(name)
        before.append(lufs)
        after.append(lufs + gain)
        peaks_after.append(tp + gain)
    fig = Figure(figsize=(7.0, 4.0), constrained_layout=True)
    ax = fig.add_subplot(1, 1, 1)
    y = np.arange(len(names))
    for i in range(len(names)):
        ax.annotate("", xy=(after[i], y[i]), xytext=(before[i], y[i]),
                    arrowprops={"arrowstyle": "->", "color": "tab:blue", "linewidth": 2})
        ax.plot(before[i], y[i], "o", color="0.4")
        ax.plot(peaks_after[i], y[i], "|", color="tab:red", markersize=14, markeredgewidth=2)
        ax.text(max(before[i], after[i]) + 0.4, y[i] + 0.18,
                _minus(after[i] - before[i], signed=True, digits=0) + " dB", fontsize=8)
    ax.axvline(target, color="tab:green", linestyle="--", label=f"Platform reference {_minus(target, digits=0)} LUFS")
    ax.plot([], [], "o", color="0.4", label="Master as delivered (LUFS)")
    ax.plot([], [], "|", color="tab:red", markersize=10, markeredgewidth=2,
            label="True peak after playback gain (dBTP)")
    ax.set_yticks(y)
    ax.set_yticklabels(names)
    ax.set_xlim(-24, 2)
    ax.set_ylim(-0.6, len(names) - 0.3)
    ax.set_xlabel("Level (LUFS for loudness, dBTP for peaks)")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=8)
    ax.set_title("Loudness normalization on a −14 LUFS platform", pad=12)
    return fig
