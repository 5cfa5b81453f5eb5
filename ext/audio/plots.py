"""The plots that stand in for the sound in the PDF: waveform, spectrum or spectrogram.

A plot is drawn from the same samples as the audio file (``audio.render.produce``) on a
``matplotlib.figure.Figure`` (no pyplot, so no global figure state to close) and saved as a
deterministic vector PDF in the audio cache, ``<key>-<plot>.pdf``. ``make_plots`` makes the
missing ones after reading, when the builder is LaTeX; the LaTeX post-transform copies them
into the output folder.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import TYPE_CHECKING, Any

from audio.collector import CATEGORY, AudioData, AudioExample
from audio.spec import GenerationError
from course import errors
from course.cache import SVG_HASH_SALT, save_figure_deterministic
from course.tracebacks import exception_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment


def plot_rc() -> dict:
    return {
        "svg.hashsalt": SVG_HASH_SALT,
        "svg.fonttype": "path",
        "pdf.fonttype": 42,
        "font.size": 9,
        "axes.grid": True,
        "grid.alpha": 0.35,
        "figure.dpi": 100,
    }


def _waveform(ax: Any, y: Any, sr: int) -> None:
    import numpy as np

    n = len(y)
    channels = [y] if y.ndim == 1 else [y[:, 0], y[:, 1]]
    names = [None] if y.ndim == 1 else ["left", "right"]
    for i, (ch, label) in enumerate(zip(channels, names)):
        color = f"C{i}"
        if n <= 4000:
            t = np.arange(n) / sr
            ax.plot(t, ch, lw=0.8, color=color, label=label, alpha=0.9 if i == 0 else 0.7)
        else:  # min/max envelope: a small vector file however long the sound
            bins = 1200
            edges = np.linspace(0, n, bins + 1).astype(int)
            lo = np.minimum.reduceat(ch, edges[:-1])
            hi = np.maximum.reduceat(ch, edges[:-1])
            t = edges[:-1] / sr
            ax.fill_between(t, lo, hi, step="post", lw=0, color=color,
                            alpha=0.8 if i == 0 else 0.55, label=label)
    ax.set_xlim(0, n / sr)
    lim = max(1.0, float(np.max(np.abs(y))) * 1.05)
    ax.set_ylim(-lim, lim)
    ax.set_xlabel("Time (s)")
    ax.set_ylabel("Amplitude (full scale = 1)")
    if y.ndim == 2:
        ax.legend(loc="upper right", fontsize=7, frameon=False, ncol=2)


def _spectrum(ax: Any, mono: Any, sr: int) -> None:
    import numpy as np

    from soundlib.spectrum import average_spectrum

    n = len(mono)
    nfft = 1 << max(10, min(15, int(math.log2(max(n, 2)))))
    freqs, amp = average_spectrum(mono, nfft, sr=sr)   # a full-scale sine reads 0 dB
    lo_f = max(20.0, freqs[1])
    edges = np.geomspace(lo_f, sr / 2, 400)
    idx = np.clip(np.searchsorted(freqs, edges), 1, len(freqs) - 1)
    centers, levels = [], []
    for a, b in zip(idx[:-1], idx[1:]):
        if b <= a:
            continue
        centers.append(math.sqrt(freqs[a] * freqs[b - 1]) if freqs[a] > 0 else freqs[b - 1])
        levels.append(float(np.max(amp[a:b])))
    db = 20 * np.log10(np.maximum(np.array(levels), 1e-12))
    top = max(-60.0, float(np.max(db))) if len(db) else 0.0
    ax.semilogx(centers, db, lw=0.9, color="C0")
    ax.set_xlim(lo_f, sr / 2)
    ax.set_ylim(top - 90, top + 6)
    ax.set_xlabel("Frequency (Hz)")
    ax.set_ylabel("Level (dBFS)")


def _spectrogram(fig: Any, ax: Any, mono: Any, sr: int) -> None:
    import numpy as np

    from soundlib.spectrum import spectrogram

    n = len(mono)
    nfft = 2048 if n >= 8192 else 512
    hop = max(nfft // 4, (n - nfft) // 500 if n > nfft else 1)
    freqs, times, spec = spectrogram(mono, nfft, hop, sr=sr)
    db = 20 * np.log10(np.maximum(spec, 1e-9))
    top = float(db.max())
    mesh = ax.pcolormesh(times, freqs[1:], db[1:], shading="nearest", cmap="magma",
                         vmin=top - 90, vmax=top, rasterized=True)
    ax.set_yscale("log")
    ax.set_ylim(max(20.0, freqs[1]), sr / 2)
    ax.set_xlabel("Time (s)")
    ax.set_ylabel("Frequency (Hz)")
    ax.grid(False)
    cb = fig.colorbar(mesh, ax=ax, pad=0.01)
    cb.set_label("dBFS")


def make_plot(y: Any, sr: int, kind: str) -> Any:
    """A matplotlib ``Figure`` of the samples: waveform, spectrum (dB, log frequency) or
    spectrogram."""
    from matplotlib.figure import Figure

    mono = y if y.ndim == 1 else y.mean(axis=1)
    fig = Figure(figsize=(6.0, 2.3 if kind != "spectrogram" else 2.6), layout="constrained")
    ax = fig.add_subplot()
    if kind == "waveform":
        _waveform(ax, y, sr)
    elif kind == "spectrum":
        _spectrum(ax, mono, sr)
    else:
        _spectrogram(fig, ax, mono, sr)
    return fig


def plot_path(rec: AudioExample, cache: Path) -> Path:
    return cache / f"{rec.key}-{rec.plot}.pdf"


def plot_file_name(rec: AudioExample) -> str:
    """The plot's name in the LaTeX output folder."""
    return f"audio-{rec.id}-{rec.key[:8]}-{rec.plot}.pdf"


def ensure_plot(rec: AudioExample, cache: Path) -> Path:
    """The cached ``<key>-<plot>.pdf`` of an example, made now if missing."""
    import matplotlib

    from audio.render import produce

    path = plot_path(rec, cache)
    if path.is_file():
        return path
    y, sr, _facts = produce(rec)
    with matplotlib.rc_context(plot_rc()):
        save_figure_deterministic(make_plot(y, sr, rec.plot), path, "pdf")
    return path


def make_plots(app: Sphinx, env: BuildEnvironment, data: AudioData, cache: Path) -> None:
    """Make the missing plots of the rendered examples; a failure is an error at the
    example's file and line."""
    from audio.render import build_report

    report = build_report(app)
    for rec in data.owners():
        if rec.meta is None:
            continue
        existed = plot_path(rec, cache).is_file()
        try:
            ensure_plot(rec, cache)
        except GenerationError as exc:
            problem = str(exc)
        except Exception as exc:
            problem = exception_text(exc)
        else:
            if not existed:
                report.plots.append(rec.id)
            continue
        errors.record_late(env, CATEGORY, rec.docname, rec.lineno,
                           f"audio-example {rec.id!r}: cannot make the {rec.plot} plot: {problem}")
