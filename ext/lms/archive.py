"""Byte-reproducible files: ZIP archives and atomic writes.

Two builds of the same sources give the same bytes: entries are sorted by name, every entry
has the same timestamp (``SOURCE_DATE_EPOCH``, else 2026-01-01, clamped to the ZIP range
1980..2107), the same permissions (0644, Unix) and the same compression (deflate, level 9).
"""

from __future__ import annotations

import io
import os
import time
import zipfile
from pathlib import Path

from course.cache import atomic_write_bytes

__all__ = ["build_timestamp", "write_file", "zip_bytes"]

#: 2026-01-01T00:00:00Z: the fallback when SOURCE_DATE_EPOCH is not set.
DEFAULT_EPOCH = 1767225600


def build_timestamp() -> tuple[int, int, int, int, int, int]:
    """The ZIP timestamp of every entry, from ``SOURCE_DATE_EPOCH`` (UTC)."""
    try:
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", DEFAULT_EPOCH))
    except ValueError:
        epoch = DEFAULT_EPOCH
    stamp = time.gmtime(epoch)[:6]
    lowest, highest = (1980, 1, 1, 0, 0, 0), (2107, 12, 31, 23, 59, 58)
    return min(max(stamp, lowest), highest)  # type: ignore[return-value]


def zip_bytes(entries: dict[str, bytes]) -> bytes:
    """A ZIP archive of ``{name: data}``, entries in sorted order, with fixed metadata."""
    stamp = build_timestamp()
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            archive.writestr(info, entries[name], compresslevel=9)
    return buffer.getvalue()


def write_file(path: Path, data: bytes) -> None:
    """Write *data* to *path* atomically (a reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data)
