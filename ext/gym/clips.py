"""The clips of the clip-based drills (compression, reverb, distortion): recipes and catalog.

Browsers' ``DynamicsCompressorNode`` differs between browsers, so these drills do not make
their sound live: they play short clips rendered at build time by the sound library, through
the audio examples' pipeline (``audio.render.render_example``: the recipe, loudness
normalization to :data:`LOUDNESS` with the −1 dBTP ceiling, MP3, the shared audio cache).

No Sphinx here: the recipes are registered in ``soundlib.recipes`` under ``gym-*`` names when
this module is imported, and :func:`catalog` lists every clip as data, so that
``tests/gym/test_clips.py`` can render and measure them without a build.

Sources (the course's own song, ``soundlib.music.song_stems(bars=2)``, 96 BPM, A minor):
``drums`` (kick, snare, hats), ``bass``, ``pad`` (stereo) and ``mix`` (the rough mix).

Settings, and what a learner should be able to tell apart:

* compression: uncompressed, 2:1, 4:1, 12:1; threshold 6 dB below the source's RMS level,
  attack 1 ms, release 80 ms, hard knee, peak detector; loudness matching does the make-up;
* reverb: RT60 0.4 s (short), 1.2 s (medium), 3.0 s (long); 35 % wet, 20 ms pre-delay; the
  music stops at 2.25 s and the tail rings for 1.75 s (listen to the gap);
* distortion: clean, light (tanh drive 2.5) or heavy (drive 6) saturation of the source
  brought to 0 dBFS peak.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from soundlib import SR, dsp, dynamics, effects, music
from soundlib.recipes import recipe

#: Integrated loudness of every clip (LUFS): the course's reference, that of its normalized
#: audio examples and of the gym's calibration noise (course-gym.js, REF_DB), so clips and
#: generated stimuli play equally loud. Every clip is stereo (a mono source on both
#: channels), so that it is measured as it is heard.
LOUDNESS = -20.0
CLIP_SECONDS = 3.5
REVERB_SECONDS = 4.0
#: When the music stops in a reverb clip (s); the rest is the reverb's tail.
REVERB_STOP = 2.25
SOURCES = ("drums", "bass", "pad", "mix")
SOURCE_NAMES = {"drums": "drums", "bass": "bass", "pad": "synth pad", "mix": "full mix"}

#: Compression: threshold relative to the source's RMS level, and the fixed ballistics.
COMP_THRESHOLD_BELOW_RMS = 6.0
COMP_ATTACK_MS = 1.0
COMP_RELEASE_MS = 80.0
#: setting label -> ratio (1 = uncompressed)
RATIOS = {"none": 1.0, "2:1": 2.0, "4:1": 4.0, "12:1": 12.0}
#: setting label -> RT60 in seconds
RT60 = {"short": 0.4, "medium": 1.2, "long": 3.0}
REVERB_MIX = 0.35
REVERB_PREDELAY_MS = 20.0
#: setting label -> tanh drive (0 = clean)
DRIVES = {"clean": 0.0, "light": 2.5, "heavy": 6.0}

KINDS = ("compression", "reverb", "distortion")


@lru_cache(maxsize=1)
def _stems() -> dict[str, np.ndarray]:
    stems = music.song_stems(bars=2, bpm=96)
    return {
        "drums": dsp.mix(stems["kick"], stems["snare"], stems["hats"]),
        "bass": stems["bass"],
        "pad": stems["pad"],
        "mix": music.rough_mix(stems),
    }


def source(name: str, seconds: float = CLIP_SECONDS, fade_out: float = 0.05) -> np.ndarray:
    """The dry source ``name`` (one of :data:`SOURCES`): its first ``seconds``, with a 5 ms
    fade-in and a ``fade_out`` (s) fade-out (a fresh copy)."""
    if name not in SOURCES:
        raise ValueError(f"unknown source {name!r}; use one of: {', '.join(SOURCES)}")
    x = _stems()[name][: int(round(seconds * SR))].copy()
    return dsp.fade(x, 0.005, fade_out)


def comp_threshold_db(x: np.ndarray) -> float:
    """The compressor's threshold for source ``x``: 6 dB below its RMS level."""
    return float(dsp.rms_dbfs(x) - COMP_THRESHOLD_BELOW_RMS)


@recipe("gym-compression")
def compression_clip(source_name: str = "drums", ratio: float = 1.0):
    """A source through a fast compressor at ``ratio`` (1: untouched)."""
    x = source(source_name)
    if ratio < 1:
        raise ValueError(f"ratio must be 1 (none) or more, got {ratio}")
    if ratio == 1:
        return dsp.stereo(x)
    return dsp.stereo(dynamics.compress(x, comp_threshold_db(x), float(ratio),
                                        attack_ms=COMP_ATTACK_MS, release_ms=COMP_RELEASE_MS,
                                        knee_db=0.0))


@recipe("gym-reverb")
def reverb_clip(source_name: str = "drums", rt60: float = 1.2):
    """A source that stops at :data:`REVERB_STOP` s, in a synthetic room of ``rt60``
    seconds; stereo, :data:`REVERB_SECONDS` long."""
    x = dsp.stereo(source(source_name, REVERB_STOP, fade_out=0.01))
    x = np.concatenate([x, np.zeros((int(round((REVERB_SECONDS - REVERB_STOP) * SR)), 2))])
    y = effects.reverb(x, rt60=float(rt60), predelay_ms=REVERB_PREDELAY_MS, mix=REVERB_MIX,
                       seed=7, damping=0.3)
    return dsp.fade(y, 0.0, 0.05)


@recipe("gym-distortion")
def distortion_clip(source_name: str = "drums", drive: float = 0.0):
    """A source at 0 dBFS peak through ``tanh`` saturation of ``drive`` (0: clean)."""
    x = dsp.to_peak(source(source_name), 0.0)
    if drive == 0:
        return dsp.stereo(x)
    return dsp.stereo(effects.soft_clip(x, float(drive)))


@dataclass(frozen=True)
class Clip:
    """One clip: the drill kind, the source, the setting (the answer) and its recipe."""

    kind: str
    source: str
    setting: str

    @property
    def id(self) -> str:
        setting = self.setting.replace(":1", "to1")
        return f"gym-{self.kind}-{self.source}-{setting}"

    @property
    def recipe(self) -> str:
        return f"gym-{self.kind}"

    @property
    def params(self) -> dict:
        if self.kind == "compression":
            return {"source_name": self.source, "ratio": RATIOS[self.setting]}
        if self.kind == "reverb":
            return {"source_name": self.source, "rt60": RT60[self.setting]}
        return {"source_name": self.source, "drive": DRIVES[self.setting]}

    @property
    def value(self) -> float:
        """The setting as a number: the ratio, the RT60 (s) or the drive."""
        return float(next(iter(v for k, v in self.params.items() if k != "source_name")))


def settings(kind: str) -> tuple[str, ...]:
    """The settings of a kind, from the mildest to the strongest."""
    table = {"compression": RATIOS, "reverb": RT60, "distortion": DRIVES}
    if kind not in table:
        raise ValueError(f"no clips for drill kind {kind!r}; clip kinds: {', '.join(KINDS)}")
    return tuple(table[kind])


def catalog(kind: str | None = None) -> list[Clip]:
    """Every clip (of ``kind``), by kind, source, then setting."""
    kinds = KINDS if kind is None else (kind,)
    return [Clip(k, s, v) for k in kinds for s in SOURCES for v in settings(k)]


def own_hash() -> str:
    """SHA-256 of this file: with the sound library's hash, the basis of the clips' keys."""
    return hashlib.sha256(Path(__file__).read_bytes()).hexdigest()
