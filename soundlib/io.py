"""Writing (and, for tests, reading) audio files: PCM WAV via the standard library's
``wave`` module and MP3 via ``lameenc`` (LAME).

Both writers are deterministic: the same samples always give the same bytes, so built
files can be cached and compared. Float samples are converted to integers by plain
rounding (no dither) and clipped to the integer range; parent directories are created.
"""

from __future__ import annotations

import pathlib
import wave

import numpy as np

from soundlib import SR
from soundlib.dsp import as_audio

__all__ = ["to_pcm", "write_wav", "read_wav", "write_mp3"]

MP3_SAMPLE_RATES = (8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000)


def to_pcm(x, bits: int = 16) -> np.ndarray:
    """Convert float audio (full scale ±1.0) to signed integers of ``bits`` bits.

    Each sample becomes ``round(x * 2**(bits-1))``, clipped to
    ``[-2**(bits-1), 2**(bits-1) - 1]`` (so +1.0 becomes the largest positive code, one
    step below 2**(bits-1)). NaN is treated as 0. Returns int32 with the input's shape.
    """
    x = np.nan_to_num(as_audio(x), nan=0.0)
    scale = 2.0 ** (bits - 1)
    return np.clip(np.round(x * scale), -scale, scale - 1).astype(np.int32)


def _check_sr(sr) -> int:
    if int(sr) != sr or sr <= 0:
        raise ValueError(f"sample rate must be a positive whole number of hertz, got {sr}")
    return int(sr)


def write_wav(path, x, sr: int = SR, bits: int = 16) -> pathlib.Path:
    """Write ``x`` as a PCM WAV file (mono or stereo, 16- or 24-bit); returns the path.

    Samples are rounded to the nearest integer code without dither (see ``to_pcm``), so
    the file is byte-for-byte reproducible. To demonstrate dither, apply
    ``soundlib.digital.quantize`` at the target bit depth first.
    """
    if bits not in (16, 24):
        raise ValueError(f"bits must be 16 or 24, got {bits}")
    sr = _check_sr(sr)
    x = as_audio(x)
    pcm = to_pcm(x, bits)
    channels = 1 if x.ndim == 1 else 2
    if bits == 16:
        data = pcm.astype("<i2").tobytes()
    else:  # 24-bit: the three low bytes of each little-endian 32-bit word
        data = pcm.astype("<i4").reshape(-1, 1).view(np.uint8)[:, :3].tobytes()
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(channels)
        w.setsampwidth(bits // 8)
        w.setframerate(sr)
        w.writeframes(data)
    return path


def read_wav(path) -> tuple[np.ndarray, int]:
    """Read a PCM WAV file (8-, 16-, 24- or 32-bit integer) and return ``(x, sr)``.

    ``x`` is float64 scaled so that code ``2**(bits-1)`` would be 1.0; mono files give
    ``(n,)``, stereo ``(n, 2)``.
    """
    with wave.open(str(path), "rb") as w:
        channels, width, sr, n = w.getnchannels(), w.getsampwidth(), w.getframerate(), w.getnframes()
        raw = w.readframes(n)
    if width == 1:
        ints = np.frombuffer(raw, dtype=np.uint8).astype(np.int32) - 128
    elif width == 2:
        ints = np.frombuffer(raw, dtype="<i2").astype(np.int32)
    elif width == 3:
        b = np.frombuffer(raw, dtype=np.uint8).reshape(-1, 3).astype(np.int32)
        ints = b[:, 0] | (b[:, 1] << 8) | (b[:, 2] << 16)
        ints = np.where(ints >= 1 << 23, ints - (1 << 24), ints)
    elif width == 4:
        ints = np.frombuffer(raw, dtype="<i4").astype(np.int64)
    else:
        raise ValueError(f"unsupported sample width: {width} bytes")
    x = ints.astype(np.float64) / 2.0 ** (8 * width - 1)
    if channels > 1:
        x = x.reshape(-1, channels)
    return x, sr


def write_mp3(path, x, sr: int = SR, kbps: int = 160) -> pathlib.Path:
    """Encode ``x`` (mono or stereo) as a constant-bit-rate MP3 with LAME; returns the path.

    The samples are rounded to 16-bit (no dither) and encoded at ``kbps`` kbit/s with LAME
    quality 2 (high quality, slower algorithm). The encoder is deterministic, so the same
    input always gives the same bytes. ``sr`` must be an MPEG-1/2/2.5 rate
    (48,000 Hz, 44,100 Hz, 32,000 Hz ... 8,000 Hz); LAME does not resample here.
    """
    import lameenc

    sr = _check_sr(sr)
    if sr not in MP3_SAMPLE_RATES:
        raise ValueError(f"MP3 needs one of the sample rates {MP3_SAMPLE_RATES}, got {sr} Hz")
    x = as_audio(x)
    channels = 1 if x.ndim == 1 else 2
    enc = lameenc.Encoder()
    enc.set_bit_rate(int(kbps))
    enc.set_in_sample_rate(sr)
    enc.set_out_sample_rate(sr)
    enc.set_channels(channels)
    enc.set_quality(2)
    data = enc.encode(to_pcm(x, 16).astype("<i2").tobytes()) + enc.flush()
    path = pathlib.Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(bytes(data))
    return path
