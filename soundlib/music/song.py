"""The multitrack song (seven stems in mix order) and its static rough mix."""

from __future__ import annotations

import functools

import numpy as np

from soundlib import SR
from soundlib import effects as fx
from soundlib.dsp import as_audio, fade, stereo, to_peak
from soundlib.music.bass import bass_track
from soundlib.music.grid import Grid
from soundlib.music.groove import drum_tracks
from soundlib.music.melody import lead_track, vox_track
from soundlib.music.pad import pad_track

#: per-stem peak level in the session (dBFS) and a one-line description
STEM_NOTES = {
    "kick": (-6.0, "synthesized kick drum (pitch-swept sine + click), dry"),
    "snare": (-7.0, "snare with a clap layer, ghost notes and fills, dry"),
    "hats": (-10.0, "closed and open hi-hats, eighth notes with accents, dry"),
    "bass": (-7.0, "filtered sawtooth bass following the chord roots, dry"),
    "pad": (-9.0, "stereo detuned-sawtooth chord pad with chorus"),
    "lead": (-8.0, "square-wave lead melody with vibrato (second half of the song), dry"),
    "vox": (-8.0, "vocal-like formant synth singing an ooh/aah counter-line, dry"),
}



def song_stems(bars=8, bpm=96, seed=0, *, key="A minor", sr=SR):
    """The multitrack song: a dict of seven named stems of equal length, in mix order.

    ``kick``, ``snare``, ``hats``, ``bass`` and ``lead`` and ``vox`` are mono; ``pad`` is
    stereo. Length: exactly ``bars`` bars (``bars * 240 / bpm`` seconds; 96 BPM: 2.5 s per
    bar). Default: 96 BPM, A minor, Am – F – C – G.

    Arrangement (for ``bars`` ≥ 8, scaled to the length): an intro of ``bars // 8`` bars
    with pad, hats and vox only; then the full groove, bass and vox; the lead melody joins
    for the second half. Drum fills end every four-bar phrase.

    Each stem is scaled to a fixed peak between −6 and −10 dBFS (see :data:`STEM_NOTES`),
    like tracks recorded with sensible headroom; nothing clips.

    The last few renders are cached (the course builds many examples from the same song);
    every call returns fresh copies, so callers may modify them.
    """
    cached = _song_stems_cached(int(bars), float(bpm), int(seed), key, int(sr))
    return {name: x.copy() for name, x in cached.items()}


@functools.lru_cache(maxsize=4)
def _song_stems_cached(bars, bpm, seed, key, sr):
    intro = bars // 8
    drums_on = [b >= intro for b in range(bars)]
    lead_on = [b >= max(intro, bars // 2) for b in range(bars)]
    kick_t, snare_t, hats_t = drum_tracks(bars, bpm, seed, sr, active=drums_on,
                                           hats_active=[True] * bars)
    stems = {
        "kick": kick_t,
        "snare": snare_t,
        "hats": hats_t,
        "bass": bass_track(bars, bpm, key, seed, sr, active=drums_on),
        "pad": fx.chorus(pad_track(bars, bpm, key, sr), rate_hz=0.5, depth_ms=4.0, mix=0.4,
                         sr=sr),
        "lead": lead_track(bars, bpm, key, seed, sr, active=lead_on),
        "vox": vox_track(bars, bpm, key, seed, sr),
    }
    n = Grid(bpm, sr).length(bars)
    out = {}
    for name, x in stems.items():
        x = as_audio(x)[:n]
        out[name] = to_peak(fade(x, 0.0, 0.01, sr=sr), STEM_NOTES[name][0])
    return out


# static balance for the rough mix: (gain dB, pan -1..+1 or None for stereo, reverb send dB)
_MIX = {
    "kick": (0.0, 0.0, None),
    "snare": (1.0, 0.0, -14.0),
    "hats": (-4.0, 0.35, None),
    "bass": (-2.5, 0.0, None),
    "pad": (-6.0, None, -12.0),
    "lead": (-7.0, -0.2, -10.0),
    "vox": (-5.0, 0.2, -8.0),
}


def rough_mix(stems, *, bpm=96, sr=SR, peak_db=-2.0):
    """A static rough mix of :func:`song_stems`: stereo, sample peak ``peak_db`` (−2 dBFS).

    Fader levels and constant-power pans (kick, snare, bass centered; hats 35 % right; lead
    20 % left, vox 20 % right; the pad keeps its own stereo image); a dotted-eighth echo on
    the lead (``0.75 * 60000 / bpm`` ms, 469 ms at 96 BPM); a shared 1.6 s reverb fed by
    sends from snare, pad, lead and vox. No compression or EQ: the point is a reference
    balance to improve on. Stems not in the table are added centered at 0 dB. The result
    is scaled to ``peak_db`` (sample peak); for this material the true peak then stays
    below −1 dBTP as well.
    """
    names = list(stems)
    n = max(len(as_audio(stems[k])) for k in names)
    bus = np.zeros((n, 2))
    send = np.zeros((n, 2))
    for name in names:
        x = as_audio(stems[name])
        gain_db, position, send_db = _MIX.get(name, (0.0, 0.0, None))
        if name == "lead":
            x = fx.delay(x, 0.75 * 60000.0 / bpm, feedback=0.3, mix=0.22, sr=sr, tail=False)
        if x.ndim == 2 and position is None:
            y = x.copy()
        else:
            y = fx.pan(x, 0.0 if position is None else position)
        y *= 10.0 ** (gain_db / 20.0)
        bus[: len(y)] += y
        if send_db is not None:
            send[: len(y)] += y * 10.0 ** (send_db / 20.0)
    wet = fx.reverb(send, rt60=1.6, predelay_ms=25.0, mix=1.0, seed=11, sr=sr, tail=False)
    out = bus + wet[:n]
    return to_peak(stereo(out), peak_db)
