"""Byte-reproducible files: ZIP archives and atomic writes.

Two builds of the same sources give the same bytes: entries are sorted by name, every entry
has the same timestamp (``SOURCE_DATE_EPOCH``, else 2026-01-01, clamped to the ZIP range
1980..2107), the same permissions (0644, Unix) and the same compression (deflate, level 9;
or stored, for files that are compressed already, when the caller asks).

Shared by the instructor pack (``lms``: QTI and Common Cartridge packages) and the offline
site's ZIP (``offline.sitezip``).
"""

from __future__ import annotations

import io
import os
import shutil
import time
import zipfile
from collections.abc import Container, Mapping
from pathlib import Path
from typing import BinaryIO

from course.cache import atomic_write_bytes

__all__ = ["build_timestamp", "write_file", "write_zip", "zip_bytes"]

#: 2026-01-01T00:00:00Z: the fallback when SOURCE_DATE_EPOCH is not set.
DEFAULT_EPOCH = 1767225600


def build_timestamp() -> tuple[int, int, int, int, int, int]:
    """The ZIP timestamp of every entry, from ``SOURCE_DATE_EPOCH`` (UTC)."""
    try:
        epoch = int(os.environ.get("SOURCE_DATE_EPOCH", DEFAULT_EPOCH))
    except ValueError:
        epoch = DEFAULT_EPOCH
    year, month, day, hour, minute, second = time.gmtime(epoch)[:6]
    # A ZIP stores seconds in 2-second steps: give the time an entry reads back as.
    stamp = (year, month, day, hour, minute, second - second % 2)
    lowest, highest = (1980, 1, 1, 0, 0, 0), (2107, 12, 31, 23, 59, 58)
    return min(max(stamp, lowest), highest)  # type: ignore[return-value]


def _write_entries(out: BinaryIO, entries: Mapping[str, bytes | Path],
                   stored: Container[str] = ()) -> None:
    """Write the archive of ``{name: data or file}`` to *out*: sorted, fixed metadata. Names
    whose suffix (``.mp3``) is in *stored* are stored uncompressed (deflate gains nothing on
    them and costs time)."""
    stamp = build_timestamp()
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(entries):
            info = zipfile.ZipInfo(name, date_time=stamp)
            suffix = os.path.splitext(name)[1].lower()
            info.compress_type = zipfile.ZIP_STORED if suffix in stored else zipfile.ZIP_DEFLATED
            info.create_system = 3
            info.external_attr = 0o100644 << 16
            data = entries[name]
            if isinstance(data, Path):
                info.file_size = data.stat().st_size
                with data.open("rb") as src, archive.open(info, "w", force_zip64=info.file_size > 2**31) as dst:
                    shutil.copyfileobj(src, dst, 1 << 20)
            else:
                archive.writestr(info, data, compresslevel=9)


def zip_bytes(entries: Mapping[str, bytes | Path], stored: Container[str] = ()) -> bytes:
    """A ZIP archive of ``{name: data}``, entries in sorted order, with fixed metadata."""
    buffer = io.BytesIO()
    _write_entries(buffer, entries, stored)
    return buffer.getvalue()


def write_zip(path: Path, entries: Mapping[str, bytes | Path], stored: Container[str] = ()) -> int:
    """Stream the ZIP of ``{name: data or file}`` to *path* atomically (no archive in memory);
    returns its size in bytes. Same bytes as :func:`zip_bytes` for the same entries."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with tmp.open("wb") as out:
            _write_entries(out, entries, stored)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path.stat().st_size


def write_file(path: Path, data: bytes) -> None:
    """Write *data* to *path* atomically (a reader never sees half a file)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_write_bytes(path, data)
