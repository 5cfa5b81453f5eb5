"""The EQ band drill's music (drums, bass, pad, full mix), written at build time as small
data scripts that the browser loads only when a learner reaches a music level.

Each source is one bar (2.5 s at 96 BPM, so it loops seamlessly) of the course's song
(``soundlib.music.song.song_stems``), mono, 48 kHz, scaled to :data:`RMS_DB` (lowered if
the peak would pass :data:`PEAK`), as 16-bit little-endian PCM in base64 inside
``<outdir>/_static/gym/music/<source>.js``::

    (self.CourseGymMusic = self.CourseGymMusic || {})["drums"] = {sr: 48000, n: 120000, pcm: "..."};

A ``<script src>`` element, not ``fetch``, so that it loads from ``file://`` and under
``script-src 'self'``. The bytes are reproducible; they are cached in the audio cache under
a key of the sound library's source and this file (:func:`music_key`). HTML builders only;
:class:`gym.clip_build.DrillMedia` puts the URLs into the ``eq-band`` drill's config.
"""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from course.cache import atomic_write_bytes, cache_key

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

#: source -> the song's stems summed for it
SOURCES = {"drums": ("kick", "snare", "hats"), "bass": ("bass",), "pad": ("pad",),
           "mix": ("kick", "snare", "hats", "bass", "pad", "lead", "vox")}
MUSIC_DIR = "_static/gym/music"
SR = 48000
BAR = 4          # the bar used: drums, bass and lead all play (8-bar song, 96 BPM)
RMS_DB = -20.0
PEAK = 10 ** (-1 / 20)
CATEGORY = "gym-music"


def music_key() -> str:
    import soundlib.recipes

    return cache_key({"soundlib": soundlib.recipes.source_hash(),
                      "music": hashlib.sha256(Path(__file__).read_bytes()).hexdigest()})


def samples(source: str):
    """The source's bar as float64 mono samples at :data:`SR`, at its level."""
    import numpy as np

    from soundlib.music.song import song_stems

    stems = song_stems(bars=8, bpm=96, sr=SR)
    n = len(next(iter(stems.values())))
    bar = n // 8
    x = np.zeros(bar)
    for name in SOURCES[source]:
        s = np.asarray(stems[name], dtype=np.float64)
        s = s.mean(axis=1) if s.ndim == 2 else s
        x += s[BAR * bar:(BAR + 1) * bar]
    x *= 10 ** (RMS_DB / 20) / np.sqrt(np.mean(x ** 2))
    return x * min(1.0, PEAK / np.max(np.abs(x)))


def data_script(source: str) -> bytes:
    """The data script of ``source`` (see the module's docstring)."""
    import numpy as np

    pcm = np.round(np.clip(samples(source), -1, 1) * 32767).astype("<i2")
    b64 = base64.b64encode(pcm.tobytes()).decode("ascii")
    return (f'(self.CourseGymMusic = self.CourseGymMusic || {{}})["{source}"] = '
            f'{{sr: {SR}, n: {len(pcm)}, pcm: "{b64}"}};\n').encode("ascii")


def music_config(url=lambda file: file) -> dict:
    """``{source: URL}`` for the drill's config (``url``: relative to the page)."""
    return {s: url(f"{MUSIC_DIR}/{s}.js") for s in SOURCES}


def generate(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: in an HTML build of a site with an ``eq-band`` drill, write the
    data scripts into ``<outdir>/_static/gym/music/`` (from the audio cache if there)."""
    if app.builder.name not in ("html", "dirhtml", "singlehtml"):
        return
    from audio.render import audio_cache
    from gym.collector import gym_domain

    if not any(r.kind == "eq-band" for r in gym_domain(env).in_order(env)):
        return
    cache = audio_cache(app)
    key = music_key()[:16]
    target = Path(app.outdir) / MUSIC_DIR
    for source in SOURCES:
        cached = cache / f"gym-music-{source}-{key}.js"
        if not cached.is_file():
            atomic_write_bytes(cached, data_script(source))
        data = cached.read_bytes()
        dest = target / f"{source}.js"
        if not dest.is_file() or dest.read_bytes() != data:
            target.mkdir(parents=True, exist_ok=True)
            atomic_write_bytes(dest, data)
