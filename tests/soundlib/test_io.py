"""WAV and MP3 writing in soundlib.io: round trips, clipping, determinism."""

import hashlib
import pathlib
import subprocess
import sys
import wave

import numpy as np
import pytest

from soundlib import SR, dsp
from soundlib import generators as g
from soundlib import io as sio

ROOT = pathlib.Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("bits", [16, 24])
def test_wav_round_trip_within_half_an_lsb(tmp_path, bits):
    x = np.column_stack([g.sine(440, 0.1, 0.7), g.white_noise(0.1, 0.9, seed=1)])
    path = sio.write_wav(tmp_path / "deep" / "dir" / "a.wav", x, bits=bits)
    with wave.open(str(path)) as w:
        assert (w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()) == \
            (2, bits // 8, SR, len(x))
    y, sr = sio.read_wav(path)
    assert sr == SR and y.shape == x.shape
    assert np.max(np.abs(y - x)) <= 0.5 / 2 ** (bits - 1) + 1e-12


def test_wav_clips_and_rounds(tmp_path):
    x = np.array([1.5, 1.0, -1.0, -2.0, 0.25, 1 / 65536, 3 / 65536])
    y, _ = sio.read_wav(sio.write_wav(tmp_path / "c.wav", x, sr=8000))
    assert list(y * 32768) == [32767, 32767, -32768, -32768, 8192, 0, 2]  # ties to even
    assert sio.read_wav(sio.write_wav(tmp_path / "m.wav", x, sr=8000))[0].ndim == 1


def test_wav_is_deterministic(tmp_path):
    x = g.pink_noise(0.2, 0.5)
    a = sio.write_wav(tmp_path / "a.wav", x).read_bytes()
    b = sio.write_wav(tmp_path / "b.wav", x).read_bytes()
    assert a == b


MP3_SCRIPT = """
import sys
from soundlib import dsp, generators as g, io
x = dsp.stereo(g.pink_noise(0.5, 0.5, seed=7))
io.write_mp3(sys.argv[1], x)
"""


def test_mp3_is_byte_identical_across_runs(tmp_path):
    x = dsp.stereo(g.pink_noise(0.5, 0.5, seed=7))
    a = sio.write_mp3(tmp_path / "sub" / "a.mp3", x).read_bytes()
    b = sio.write_mp3(tmp_path / "b.mp3", x).read_bytes()
    assert a == b
    # and in a fresh interpreter
    subprocess.run([sys.executable, "-c", MP3_SCRIPT, str(tmp_path / "c.mp3")],
                   check=True, cwd=ROOT)
    assert hashlib.sha256((tmp_path / "c.mp3").read_bytes()).digest() == \
        hashlib.sha256(a).digest()
    assert a[0] == 0xFF and a[1] & 0xE0 == 0xE0  # MPEG frame sync
    # 160 kbit/s CBR: about 0.5 s * 20,000 bytes/s (plus encoder delay and padding)
    assert 8000 < len(a) < 16000


def test_mp3_mono_and_bad_rate(tmp_path):
    m = sio.write_mp3(tmp_path / "m.mp3", g.sine(440, 0.3, 0.5), kbps=96).read_bytes()
    assert m[0] == 0xFF
    with pytest.raises(ValueError, match="sample rate"):
        sio.write_mp3(tmp_path / "x.mp3", g.sine(440, 0.3, 0.5), sr=96000)
