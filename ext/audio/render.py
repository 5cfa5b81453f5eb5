"""Rendering the examples into the audio cache, once every document is read.

``generate`` (called by the collector in ``env-updated``, in the main process) renders the
examples whose cache key has no file yet, in worker processes (``audio_jobs``, default: the
``-j`` value or the number of CPUs), then builds the practice sessions (``audio.zip``), makes
the LaTeX plots (``audio.plots``) and copies the files in use into ``<outdir>/_audio/``.
A failure is an error at the example's file and line (``course.errors.record_late``).

A cache entry is ``<key>.mp3`` (or ``.wav``) plus ``<key>.json``, the measured facts; the
JSON is written last, so an entry with both files is complete.
"""

from __future__ import annotations

import json
import math
import os
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.util import logging
from sphinx.util.display import status_iterator

from audio.collector import CATEGORY, AudioData, AudioExample
from audio.spec import (
    AUDIO_DIR,
    CEILING_DBTP,
    MAX_SECONDS,
    MP3_KBPS,
    NO_GENERATION_BUILDERS,
    WAV_BITS,
    GenerationError,
    fmt_number,
)
from course import errors
from course.cache import atomic_write_bytes, cache_root, json_default, sync_folder
from course.player import epub_playable
from course.tracebacks import exception_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


@dataclass
class BuildReport:
    """What this build did (for the log line and the tests; not saved with the env)."""

    generated: list[str] = field(default_factory=list)   # ids rendered by this build
    cached: int = 0
    plots: list[str] = field(default_factory=list)       # ids whose PDF plot this build made
    sessions_built: int = 0


_REPORTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()


def build_report(app: Sphinx) -> BuildReport:
    """The report of ``app``'s current build."""
    report = _REPORTS.get(app)
    if report is None:
        report = _REPORTS[app] = BuildReport()
    return report


def audio_cache(app: Sphinx) -> Path:
    return cache_root(app, "audio_cache_dir", ".audio-cache")


def produce(rec: AudioExample) -> tuple[Any, int, dict]:
    """Run the recipe and the level pipeline for an example.

    Returns ``(samples, sr, facts)``; raises ``GenerationError`` with a one-line message.
    """
    import numpy as np

    from audio.directives import load_recipes
    from soundlib import loudness as lmod
    from soundlib.io import MP3_SAMPLE_RATES

    recipes = load_recipes()
    name = rec.recipe
    try:
        audio, sr = recipes.render(name, dict(rec.params))
    except Exception as exc:
        raise GenerationError(f"recipe {name!r} failed: {exception_text(exc)}") from None
    audio = np.asarray(audio, dtype=np.float64)
    if not np.all(np.isfinite(audio)):  # render() checks this too; keep the guarantee here
        raise GenerationError(f"recipe {name!r} returned NaN or infinite samples")
    duration = len(audio) / sr
    if duration > MAX_SECONDS:
        raise GenerationError(
            f"recipe {name!r} made {duration:.1f} s of audio; the maximum is "
            f"{MAX_SECONDS:.0f} s (shorten it with the recipe's parameters)"
        )
    if not rec.lossless and sr not in MP3_SAMPLE_RATES:
        raise GenerationError(
            f"recipe {name!r} made audio at {sr} Hz, which MP3 cannot store; add :lossless: "
            "(WAV) or resample in the recipe"
        )
    target = rec.loudness
    limited = False
    gain_db = 0.0
    report: dict | None = None
    if target is not None:
        try:
            y, report = lmod.normalize_report(audio, target_lufs=target,
                                              ceiling_dbtp=CEILING_DBTP, sr=sr)
        except ValueError as exc:
            raise GenerationError(
                f"recipe {name!r}: cannot normalize the loudness ({exc}); use ':loudness: "
                "none' for sounds this short"
            ) from None
        if not math.isfinite(report["lufs"]):
            raise GenerationError(
                f"recipe {name!r} made silence (below the −70 LUFS gate), which cannot be "
                "normalized; use ':loudness: none' if that is intended"
            )
        limited = bool(report["limited"])
        gain_db = float(report["gain_db"])
    else:
        y = audio
    peak = float(np.max(np.abs(y))) if y.size else 0.0
    if peak >= 1.0 and not rec.allow_clipping:
        raise GenerationError(
            f"recipe {name!r} clips: its sample peak is {fmt_number(20 * math.log10(peak), 2)} "
            "dBFS (0 dBFS is full scale); lower its level, or add :allow-clipping: if the "
            "clipping is what the example demonstrates"
        )
    if peak > 1.0:  # allowed to clip: measure and plot what the file will hold
        y = np.clip(y, -1.0, 1.0)
        report = None

    def finite(v: float) -> float | None:
        return float(v) if v is not None and math.isfinite(v) else None

    if report is not None:  # measured on the normalized signal already
        lufs, true_peak = finite(report["lufs"]), finite(report["true_peak_dbtp"])
    else:
        try:
            lufs = finite(lmod.integrated_lufs(y, sr))
        except ValueError:  # shorter than one 400 ms gating block
            lufs = None
        true_peak = finite(lmod.true_peak_dbtp(y, sr))
    facts = {
        "duration": round(duration, 6),
        "lufs": lufs,
        "sample_peak_dbfs": finite(lmod.sample_peak_dbfs(y)),
        "true_peak_dbtp": true_peak,
        "sample_rate": int(sr),
        "channels": 1 if y.ndim == 1 else int(y.shape[1]),
        "format": rec.ext,
        "kbps": None if rec.lossless else MP3_KBPS,
        "bits": WAV_BITS if rec.lossless else None,
        "gain_db": round(gain_db, 4),
        "limited": limited,
        "target_lufs": target,
    }
    return y, sr, facts


def render_example(rec: AudioExample, cache: Path) -> dict:
    """Render ``rec`` into ``cache`` (audio file, then ``<key>.json``); return the facts."""
    from soundlib import io as sio

    y, sr, facts = produce(rec)
    key = rec.key
    final = cache / f"{key}.{rec.ext}"
    tmp = cache / f".{key}.{os.getpid()}.tmp.{rec.ext}"
    try:
        if rec.lossless:
            sio.write_wav(tmp, y, sr, bits=WAV_BITS)
        else:
            sio.write_mp3(tmp, y, sr, kbps=MP3_KBPS)
    except Exception as exc:
        tmp.unlink(missing_ok=True)
        raise GenerationError(f"cannot write the audio file: {exception_text(exc)}") from None
    os.replace(tmp, final)
    facts["bytes"] = final.stat().st_size
    facts["recipe"] = rec.recipe
    facts["params"] = rec.params
    atomic_write_bytes(cache / f"{key}.json",
                       json.dumps(facts, indent=1, sort_keys=True, default=json_default).encode())
    return facts


def cached_meta(rec: AudioExample, cache: Path) -> dict | None:
    """The facts of a complete cache entry, or None."""
    audio = cache / f"{rec.key}.{rec.ext}"
    meta = cache / f"{rec.key}.json"
    if not (audio.is_file() and meta.is_file()):
        return None
    try:
        return json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _render_one(rec: AudioExample, cache: str) -> tuple[str, str | None]:
    """Render one example; return ``(key, None)`` or ``(key, one-line problem)``."""
    try:
        render_example(rec, Path(cache))
    except GenerationError as exc:
        return rec.key, str(exc)
    except Exception as exc:  # a bug outside the recipe: still one line, at the directive
        return rec.key, f"rendering failed: {exception_text(exc)}"
    return rec.key, None


def _jobs(app: Sphinx, count: int) -> int:
    wanted = app.config.audio_jobs or (app.parallel if app.parallel > 1 else os.cpu_count() or 1)
    return max(1, min(int(wanted), count))


def render_all(app: Sphinx, todo: list[AudioExample], cache: Path):
    """Yield ``(key, problem or None)`` for each example, rendering in worker processes
    when there are several."""
    if not todo:
        return
    summary = "generating audio examples... "
    jobs = _jobs(app, len(todo))
    import multiprocessing

    if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = {pool.submit(_render_one, rec, str(cache)): rec for rec in todo}
            for fut in status_iterator(as_completed(futures), summary, "darkgreen",
                                       len(todo), app.verbosity,
                                       stringify_func=lambda f: futures[f].id):
                try:
                    yield fut.result()
                except Exception as exc:  # e.g. a worker killed for lack of memory
                    yield futures[fut].key, f"rendering failed: {exception_text(exc)}"
        return
    for rec in status_iterator(todo, summary, "darkgreen", len(todo), app.verbosity,
                               stringify_func=lambda r: r.id):
        yield _render_one(rec, str(cache))


def generate(app: Sphinx, env: BuildEnvironment, data: AudioData) -> None:
    """Render what is missing, then the sessions, the plots (LaTeX) and ``_audio/`` (HTML)."""
    if app.builder.name in NO_GENERATION_BUILDERS:
        return
    from audio import plots
    from audio import zip as sessions

    report = build_report(app)
    cache = audio_cache(app)
    records = data.owners()          # a duplicate id is an error, and left out
    todo: dict[str, AudioExample] = {}   # one render per key (two ids may share a key)
    for rec in records:
        if rec.key not in todo and cached_meta(rec, cache) is None:
            todo[rec.key] = rec
    failed: dict[str, str] = {}
    for key, problem in render_all(app, list(todo.values()), cache):
        if problem is None:
            report.generated.append(todo[key].id)
        else:
            failed[key] = problem
    for rec in records:
        rec.meta = cached_meta(rec, cache)
        rec.error = None
        if rec.meta is None:
            rec.error = f"audio-example {rec.id!r}: {failed.get(rec.key, 'no audio file')}"
            errors.record_late(env, CATEGORY, rec.docname, rec.lineno, rec.error)
    report.cached = len(records) - len(report.generated) - len(failed)
    if records:
        logger.info("audio examples: %d generated, %d from the cache",
                    len(report.generated), max(0, report.cached))
    sessions.build_sessions(app, env, data, cache)
    if getattr(app.builder, "format", "") == "latex":
        plots.make_plots(app, env, data, cache)
    if getattr(app.builder, "format", "") == "html":
        sync_outdir(app, data, cache)


def sync_outdir(app: Sphinx, data: AudioData, cache: Path) -> None:
    """Copy the audio files in use into ``<outdir>/_audio`` (before the pages are written,
    so the EPUB manifest lists them; the EPUB gets no WAV) and remove any others."""
    target = Path(app.outdir) / AUDIO_DIR
    epub = app.builder.name.startswith("epub")
    used: dict[str, Path] = {}
    for rec in data.owners():
        # the EPUB holds core media types only (MP3); it links WAV to the online edition
        if rec.meta is not None and not (epub and not epub_playable(rec.file)):
            used[Path(rec.file).name] = cache / f"{rec.key}.{rec.ext}"
    if not epub:
        for items in data.sessions.values():
            for session in items:
                if session.file and session.zip_path:
                    used[Path(session.file).name] = Path(session.zip_path)
    if not used and not target.exists():
        return
    sync_folder(target, used)
