"""The practice-session ZIP: multitrack stems for the mixing exercise.

``build_sessions`` (after reading) calls ``soundlib.session.build_practice_session`` once
per cache key, keeps only the ZIP in ``<cache>/session-<key16>/`` and writes
``<cache>/session-<key>.json`` (its name, size and contents). The HTML output offers the
ZIP as ``_audio/<name>-<key8>.zip``; the EPUB and the PDF point to the web edition.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING

from sphinx.util import logging

from audio.collector import CATEGORY, AudioData, PracticeSession
from audio.spec import AUDIO_DIR
from course import errors
from course.cache import atomic_write_bytes
from course.tracebacks import exception_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)


def _cached(cache: Path, key: str) -> dict | None:
    meta_path = cache / f"session-{key}.json"
    if not meta_path.is_file():
        return None
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except ValueError:
        return None
    return meta if (cache / meta.get("zip", "")).is_file() else None


def build_zip(rec: PracticeSession, cache: Path) -> dict:
    """Build the session's ZIP into the cache; return its meta (``zip``, ``name``,
    ``bytes``, ``contents``)."""
    from soundlib import session as session_mod

    workdir = cache / f"session-{rec.key[:16]}"
    workdir.mkdir(parents=True, exist_ok=True)
    logger.info("building the practice session...")
    zip_path = Path(session_mod.build_practice_session(workdir, **rec.params))
    # keep only the ZIP (the function also leaves the unpacked files)
    for extra in workdir.iterdir():
        if extra.resolve() == zip_path.resolve():
            continue
        if extra.is_dir():
            shutil.rmtree(extra)
        else:
            extra.unlink()
    with zipfile.ZipFile(zip_path) as zf:
        contents = [(i.filename, i.file_size) for i in zf.infolist() if not i.is_dir()]
    meta = {
        "zip": zip_path.resolve().relative_to(cache.resolve()).as_posix(),
        "name": zip_path.name,
        "bytes": zip_path.stat().st_size,
        "contents": contents,
    }
    atomic_write_bytes(cache / f"session-{rec.key}.json", json.dumps(meta, indent=1).encode())
    return meta


def build_sessions(app: Sphinx, env: BuildEnvironment, data: AudioData, cache: Path) -> None:
    """Build the practice-session ZIP(s) once per key (cached)."""
    from audio.render import build_report

    for docname in sorted(data.sessions):
        for rec in data.sessions[docname]:
            meta = _cached(cache, rec.key)
            if meta is None:
                try:
                    meta = build_zip(rec, cache)
                except Exception as exc:
                    rec.error = ("practice-session: build_practice_session failed: "
                                 f"{exception_text(exc)}")
                    errors.record_late(env, CATEGORY, rec.docname, rec.lineno, rec.error)
                    continue
                build_report(app).sessions_built += 1
            stem, dot, ext = meta["name"].rpartition(".")
            rec.meta = meta
            rec.zip_path = str(cache / meta["zip"])
            rec.file = (f"{AUDIO_DIR}/{stem}-{rec.key[:8]}.{ext}" if dot
                        else f"{AUDIO_DIR}/{meta['name']}")
            rec.error = None
