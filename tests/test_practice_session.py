"""The downloadable practice session: deterministic ZIP of 24-bit 48 kHz stems + README."""

import hashlib
import io
import wave
import zipfile

import numpy as np
import pytest

from soundlib import SR, music
from soundlib.io import read_wav
from soundlib.session import build_practice_session, session_name

BARS, BPM = 2, 96


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    a = build_practice_session(tmp_path_factory.mktemp("a"), bars=BARS, bpm=BPM, seed=0)
    music._song_stems_cached.cache_clear()  # the second build renders from scratch
    b = build_practice_session(tmp_path_factory.mktemp("b"), bars=BARS, bpm=BPM, seed=0)
    return a, b


def test_zip_is_byte_identical_across_builds(built):
    a, b = built
    assert a.name == f"{session_name(BARS, BPM, 0)}.zip"
    assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()


def test_zip_entries_are_sorted_deflated_and_timestamp_free(built):
    with zipfile.ZipFile(built[0]) as zf:
        infos = zf.infolist()
        names = [i.filename for i in infos]
        assert names == sorted(names)
        assert all(i.date_time == (1980, 1, 1, 0, 0, 0) for i in infos)
        assert all(i.compress_type == zipfile.ZIP_DEFLATED for i in infos)
        assert zf.testzip() is None
    base = [n.split("/", 1)[1] for n in names]
    stems = list(music.STEM_NOTES)
    expected = [f"{i:02d}-{s}.wav" for i, s in enumerate(stems, start=1)]
    expected += [f"{len(stems) + 1:02d}-rough-mix.wav", "README.txt"]
    assert base == sorted(expected)


def test_wavs_are_24_bit_48k_equal_length_with_headroom(built):
    frames = set()
    with zipfile.ZipFile(built[0]) as zf:
        for name in zf.namelist():
            if not name.endswith(".wav"):
                continue
            with wave.open(io.BytesIO(zf.read(name))) as w:
                assert w.getsampwidth() == 3, name
                assert w.getframerate() == SR, name
                assert w.getcomptype() == "NONE"
                frames.add(w.getnframes())
    assert frames == {int(BARS * 240 / BPM * SR)}
    folder = built[0].parent / session_name(BARS, BPM, 0)
    for path in folder.glob("*.wav"):
        x, sr = read_wav(path)
        peak = 20 * np.log10(np.max(np.abs(x)))
        assert peak <= -1.0, path.name
        if "rough-mix" not in path.name:
            assert -10.5 <= peak <= -5.5, path.name


def test_readme_documents_the_session(built):
    with zipfile.ZipFile(built[0]) as zf:
        name = next(n for n in zf.namelist() if n.endswith("README.txt"))
        text = zf.read(name).decode("utf-8")
    assert "96 BPM" in text
    assert "A minor" in text and "Am - F - C - G" in text
    assert f"{BARS} bars" in text
    assert "24-bit" in text and "48000 Hz" in text
    assert "CC0 1.0" in text
    assert "waived all copyright and" in text
    for stem in music.STEM_NOTES:
        assert f"-{stem}.wav" in text
    assert all(len(line) <= 80 for line in text.splitlines())
