"""The drum groove: kick, snare (+ clap) and hat tracks, humanized per bar."""

from __future__ import annotations

import numpy as np

from soundlib import SR
from soundlib.dsp import fade, n_samples, place, to_peak
from soundlib.music.drums import clap, hihat, kick, snare
from soundlib.music.grid import Grid, bar_mask


def _hats_bar(th, b, grid, hats, open_hat, pickup_draw, jitter, vel, sr):
    """Hats for bar ``b``: eighths with accents on the beat, an occasional sixteenth pickup,
    and an open hat on the last eighth of every other bar (choked by the next closed hat)."""
    for s in range(0, 16, 2):
        t = grid.time(b, s) + jitter()
        if s == 14 and b % 2 == 1:
            gap = grid.time(b + 1, 0) - t
            oh = fade(open_hat[: n_samples(gap, sr)], 0.0, 0.015, sr=sr)
            place(th, oh, t, vel(0.7), sr=sr)
            continue
        base = 0.85 if s % 4 == 0 else 0.55
        place(th, hats[(b * 8 + s // 2) % 4], t, vel(base, 0.12), sr=sr)
    if pickup_draw < 0.5:
        s = 11 if pickup_draw < 0.25 else 7
        place(th, hats[(b + 1) % 4], grid.time(b, s) + jitter(), vel(0.35, 0.2), sr=sr)


# kick steps for the two alternating bars of the groove
_KICK_A = (0, 7, 10)
_KICK_B = (0, 3, 8, 10, 15)


def drum_tracks(bars, bpm, seed, sr, active=None, hats_active=None, fills=True):
    """Kick, snare (+ clap) and hat tracks of the groove, as three mono arrays.

    Each bar draws its random numbers from its own generator (``default_rng([seed, bar])``),
    so muting a bar never changes the others."""
    grid = Grid(bpm, sr)
    n = grid.length(bars)
    act = bar_mask(bars, active)
    hats_act = bar_mask(bars, hats_active if hats_active is not None else active)
    k = kick(sr=sr)
    snares = [snare(seed=seed * 10 + i, sr=sr) for i in range(3)]
    cl = clap(seed=seed + 7, sr=sr)
    hats = [hihat(False, seed=seed * 10 + i, sr=sr) for i in range(4)]
    open_hat = hihat(True, seed=seed + 99, sr=sr)
    tk, ts, th = np.zeros(n), np.zeros(n), np.zeros(n)

    rng = None

    def jitter(strict=False):
        return 0.0 if strict else float(np.clip(rng.normal(0.0, 0.0025), -0.006, 0.006))

    def vel(base, spread=0.08):
        return float(np.clip(base * (1.0 + rng.uniform(-spread, spread)), 0.0, 1.0))

    for b in range(bars):
        rng = np.random.default_rng([seed, b])
        ghost_draw = rng.uniform(size=4)
        pickup_draw = rng.uniform()
        hit = 2 * b
        if hats_act[b]:
            _hats_bar(th, b, grid, hats, open_hat, pickup_draw, jitter, vel, sr)
        if not act[b]:
            continue
        phrase_end = b % 4 == 3
        # kick
        for s in (_KICK_A if b % 2 == 0 else _KICK_B):
            place(tk, k, grid.time(b, s) + jitter(s == 0), vel(1.0 if s == 0 else 0.85), sr=sr)
        # snare backbeat, ghost notes, and a fill at the end of each phrase
        for s in (4, 12):
            t = grid.time(b, s) + jitter()
            place(ts, snares[hit % 3], t, vel(1.0, 0.05), sr=sr)
            place(ts, cl, t + 0.002, vel(0.45), sr=sr)
            hit += 1
        ghosts = [s for s, d in zip((7, 9, 14, 15), ghost_draw) if d < 0.35]
        if fills and phrase_end:
            for s, v in ((13, 0.45), (14, 0.6), (15, 0.8)):
                place(ts, snares[hit % 3], grid.time(b, s) + jitter(), vel(v), sr=sr)
                hit += 1
        else:
            for s in ghosts:
                place(ts, snares[hit % 3], grid.time(b, s) + jitter(), vel(0.16, 0.3), sr=sr)
                hit += 1
    return tk, ts, th


def drum_loop(bars=2, bpm=96, seed=0, *, sr=SR):
    """A drum groove in 4/4: kick, snare with clap layer and ghost notes, and hi-hats.

    Default tempo 96 BPM (2.5 s per bar). Pattern per two bars: kick on 1, the "a" of 2 and
    the "and" of 3, then 1, the "e" of 1, 3, the "and" of 3 and a pickup; snare (with a
    clap) on the backbeat, 2 and 4; closed hats on eighth notes, accented on the beat, with
    an open hat on the last eighth of every second bar. Each 4th bar ends with a short snare
    fill. Humanized deterministically by ``seed``: light swing, timing offsets of a few
    milliseconds, velocity variation, alternating snare and hat samples.

    Mono, ``bars * 240 / bpm`` seconds, peak −6 dBFS. The dry kit, so it keeps a natural
    crest factor for compression examples.
    """
    tk, ts, th = drum_tracks(bars, bpm, seed, sr)
    y = tk + 0.75 * ts + 0.3 * th
    return to_peak(fade(y, 0.0, 0.01, sr=sr), -6.0)
