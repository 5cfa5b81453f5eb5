"""Caches of rendered media (audio, plots, figures): where they live, their keys, and
writing their files atomically and reproducibly.

A cache key is the SHA-256 of a canonical JSON text (sorted keys, ASCII) of everything the
output depends on; the audio and figure caches are safe to share between builds and
checkouts because the keys include a hash of the code that renders them.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
from pathlib import Path
from typing import Any

__all__ = ["cache_root", "canonical_json", "sha256_text", "cache_key", "json_default",
           "atomic_write_bytes", "save_figure_deterministic"]

#: ``svg.hashsalt``: fixed ids in matplotlib's SVG output (no random clip-path ids).
SVG_HASH_SALT = "open-audio-course"


def json_default(obj: Any) -> Any:
    """JSON for values ``json`` cannot write: sets as sorted reprs, anything else as repr."""
    if isinstance(obj, (set, frozenset)):
        return sorted(repr(v) for v in obj)
    return repr(obj)


def canonical_json(obj: Any) -> str:
    """Deterministic JSON text (sorted keys, no spaces, ASCII) used for cache keys."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True,
                      default=json_default)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cache_key(obj: Any) -> str:
    """The SHA-256 hex digest of ``canonical_json(obj)``."""
    return sha256_text(canonical_json(obj))


def cache_root(app: Any, config_name: str, default_name: str) -> Path:
    """The cache directory from ``config.<config_name>`` (relative paths are taken from the
    configuration directory), or ``<outdir>/../<default_name>``; created if missing."""
    value = getattr(app.config, config_name, None)
    if value:
        path = Path(value)
        if not path.is_absolute():
            path = Path(app.confdir) / path
    else:
        path = Path(app.outdir).parent / default_name
    path.mkdir(parents=True, exist_ok=True)
    return path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` through a temporary file (readers never see half a file,
    and two processes writing the same cache entry do not interleave)."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def save_figure_deterministic(fig: Any, path: Path, fmt: str) -> None:
    """Save a matplotlib ``Figure`` as SVG or PDF with no dates or varying ids, atomically."""
    import matplotlib

    metadata = {"Date": None} if fmt == "svg" else {"CreationDate": None, "ModDate": None,
                                                   "Producer": None, "Creator": None}
    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": SVG_HASH_SALT}):
        fig.savefig(buf, format=fmt, metadata=metadata)
    atomic_write_bytes(path, buf.getvalue())


def sync_folder(target: Path, used: dict[str, Path]) -> None:
    """Make the folder *target* hold exactly the files *used* (``{name: cached file}``):
    copy what is missing or changed in size, remove any other file. Media caches publish
    their files into the output with it (``_audio/``, ``_audio/gym/``)."""
    target.mkdir(parents=True, exist_ok=True)
    for name, src in used.items():
        dest = target / name
        if not dest.is_file() or dest.stat().st_size != src.stat().st_size:
            shutil.copyfile(src, dest)
    for stale in target.iterdir():
        if stale.is_file() and stale.name not in used:
            stale.unlink()
