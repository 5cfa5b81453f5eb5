"""ext/lms/archive.py: the ZIPs depend on their contents and SOURCE_DATE_EPOCH only."""

from __future__ import annotations

import io
import zipfile

from course.archive import build_timestamp, zip_bytes


def _infos(data: bytes) -> list[zipfile.ZipInfo]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return archive.infolist()


def test_same_entries_in_any_order_give_the_same_bytes(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    a = zip_bytes({"b.xml": b"<b/>", "a/1.mp3": b"\x00" * 100, "imsmanifest.xml": b"<m/>"})
    b = zip_bytes({"imsmanifest.xml": b"<m/>", "a/1.mp3": b"\x00" * 100, "b.xml": b"<b/>"})
    assert a == b
    assert [i.filename for i in _infos(a)] == ["a/1.mp3", "b.xml", "imsmanifest.xml"]
    assert {i.date_time for i in _infos(a)} == {(2026, 1, 1, 0, 0, 0)}


def test_the_timestamp_comes_from_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    first = zip_bytes({"a": b"x"})
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767312000")   # one day later
    second = zip_bytes({"a": b"x"})
    assert first != second   # the check can fail: the date is in the bytes
    assert _infos(second)[0].date_time == (2026, 1, 2, 0, 0, 0)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")             # before 1980: clamped
    assert build_timestamp() == (1980, 1, 1, 0, 0, 0)
