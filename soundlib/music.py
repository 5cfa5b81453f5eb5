"""Synthesized musical material: drum sounds, a groove, bass, chords, melodies and song stems.

Everything here is built from the course's own synthesis code (no samples, no recordings), and
is deterministic: the same arguments always give the same samples.

The song
--------
- Tempo: 96 BPM by default (one beat = 625 ms, one 4/4 bar = 2.5 s, a sixteenth = 156 ms).
- Key: A minor by default (any minor key can be requested, e.g. ``key="E minor"``).
- Harmony: the four-bar progression i–VI–III–VII, in A minor **Am – F – C – G**, one chord
  per bar, repeated.
- Grid: sixteenth notes, with a light swing (off-beat sixteenths 8 % late) and
  deterministic "humanizing": small timing offsets (σ ≈ 2.5 ms, never on the downbeat kick)
  and velocity variation, drawn from ``numpy.random.default_rng(seed)``.

Parts: kick, snare (+ clap layer), hi-hats, a filtered-sawtooth bass that follows the chord
roots with a syncopated rhythm (and walks down D–C–B into the next Am at the end of each
phrase), a detuned-sawtooth pad with smooth voice leading, a square-wave lead melody, and a
"vox": a sawtooth voice through three moving vowel formants, singing a slow ooh/aah
counter-line with vibrato and glides.
"""

from __future__ import annotations

import functools

import numpy as np
from scipy.signal import lfilter

from soundlib import SR
from soundlib import effects as fx
from soundlib import filters, synth
from soundlib.dsp import as_audio, fade, n_samples, stereo

__all__ = [
    "kick",
    "snare",
    "hihat",
    "clap",
    "drum_loop",
    "bass_line",
    "chord_pad",
    "lead",
    "vox",
    "song_stems",
    "rough_mix",
    "parse_key",
    "progression",
    "STEM_NOTES",
]

SWING = 0.08  # fraction of a sixteenth by which off-beat sixteenths are late

# ---------------------------------------------------------------------------------------------
# drum sounds
# ---------------------------------------------------------------------------------------------


def _t(seconds, sr):
    return np.arange(n_samples(seconds, sr)) / sr


def _peak1(x):
    p = np.max(np.abs(x))
    return x / p if p > 0 else x


def kick(*, sr=SR, tone_hz=48.0, decay=0.25):
    """Kick drum (808/909 style): a sine whose pitch drops fast, plus a short click.

    The body's frequency falls from 160 Hz to ``tone_hz`` with a 30 ms time constant
    (``f(t) = tone + (160 - tone) e^(-t/0.03)``; the phase is its integral), and its
    amplitude decays with time constant ``decay`` seconds. A 3 ms burst of band-passed noise
    (around 4 kHz) gives the beater click that helps the kick cut through on small speakers.
    A little tanh saturation rounds the peak. 0.6 s long, peak 1.0.
    """
    t = _t(0.6, sr)
    f0 = 160.0
    phase = 2 * np.pi * (tone_hz * t + (f0 - tone_hz) * 0.03 * (1 - np.exp(-t / 0.03)))
    body = np.sin(phase) * np.exp(-t / decay) * np.minimum(1.0, t / 0.001)
    rng = np.random.default_rng(1234)
    click = rng.standard_normal(len(t)) * np.exp(-t / 0.003)
    click = filters.biquad(click, "bandpass", 4000.0, q=0.8, sr=sr)
    y = np.tanh(1.6 * (body + 0.25 * click)) / np.tanh(1.6)
    return fade(_peak1(y), 0.0, 0.02, sr=sr)


def snare(seed=0, *, sr=SR):
    """Snare drum: a two-mode drum-head "body" plus band-limited noise for the wires.

    Body: 185 Hz and 330 Hz partials (the first modes of a 14-inch head), falling slightly
    in pitch and decaying in about 60 ms. Wires: white noise high-passed at 1.5 kHz with a
    presence bump at 5 kHz, decaying with a 120 ms time constant. ``seed`` changes the noise,
    so alternating seeds give natural hit-to-hit variation. 0.4 s, peak 1.0.
    """
    t = _t(0.4, sr)
    rng = np.random.default_rng(seed)
    bend = 1.0 + 0.15 * np.exp(-t / 0.01)
    body = (np.sin(2 * np.pi * 185.0 * t * bend) + 0.6 * np.sin(2 * np.pi * 330.0 * t * bend))
    body *= np.exp(-t / 0.06)
    noise = rng.standard_normal(len(t))
    noise = filters.highpass(noise, 1500.0, order=2, sr=sr)
    noise = filters.biquad(noise, "peak", 5000.0, q=1.0, gain_db=6.0, sr=sr)
    noise *= np.exp(-t / 0.12)
    y = 0.7 * body + 0.5 * noise
    y *= np.minimum(1.0, t / 0.0007)
    return fade(_peak1(y), 0.0, 0.02, sr=sr)


# TR-808 hi-hat: six square-wave oscillators at these (inharmonic) frequencies, band-passed
_HAT_FREQS = (205.3, 304.4, 369.6, 522.7, 540.0, 800.0)


def hihat(open=False, seed=0, *, sr=SR):  # noqa: A002 - "open" is the musical term
    """Hi-hat: metallic square-wave cluster plus noise, high-passed at 7 kHz.

    Six band-limited square waves at the inharmonic frequencies of the Roland TR-808 hat
    circuit (205 to 800 Hz) make the metallic ring; white noise adds the sizzle. The mix is
    high-passed at 7 kHz. Closed: 40 ms decay (0.15 s long); ``open=True``: 300 ms decay
    (0.8 s long). Peak 1.0.
    """
    length, decay = (0.8, 0.3) if open else (0.15, 0.04)
    t = _t(length, sr)
    rng = np.random.default_rng(seed)
    metal = sum(synth.oscillator(f, length, "square", sr=sr) for f in _HAT_FREQS)[: len(t)]
    noise = rng.standard_normal(len(t))
    y = 0.5 * metal / len(_HAT_FREQS) + 0.5 * noise
    y = filters.highpass(y, 7000.0, order=4, sr=sr)
    y = filters.biquad(y, "peak", 10000.0, q=1.0, gain_db=4.0, sr=sr)
    y *= np.exp(-t / decay) * np.minimum(1.0, t / 0.0005)
    return fade(_peak1(y), 0.0, 0.01, sr=sr)


def clap(seed=0, *, sr=SR):
    """Hand clap: four quick noise bursts (several hands, 9 ms apart) and a short room tail,
    band-passed around 1.2 kHz. 0.4 s, peak 1.0."""
    t = _t(0.4, sr)
    rng = np.random.default_rng(seed)
    env = np.zeros_like(t)
    for k in range(4):
        tk = t - 0.009 * k
        env += np.where(tk >= 0, np.exp(-np.maximum(tk, 0) / 0.004), 0.0)
    tail_t = t - 0.027
    env += np.where(tail_t >= 0, 0.6 * np.exp(-np.maximum(tail_t, 0) / 0.08), 0.0)
    y = filters.biquad(rng.standard_normal(len(t)), "bandpass", 1200.0, q=1.2, sr=sr) * env
    y = filters.highpass(y, 400.0, order=2, sr=sr)
    return fade(_peak1(y), 0.0, 0.02, sr=sr)


# ---------------------------------------------------------------------------------------------
# harmony and timing
# ---------------------------------------------------------------------------------------------

_PC = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}

#: i - VI - III - VII in a minor key: (root offset from the tonic in semitones, quality)
_MINOR_PROGRESSION = ((0, "min"), (8, "maj"), (3, "maj"), (10, "maj"))
_TRIADS = {"min": (0, 3, 7), "maj": (0, 4, 7)}


def parse_key(key):
    """``"A minor"`` → ``(9, "minor")``: tonic pitch class (C = 0) and mode.

    Only minor keys are supported: the melodies are written for the minor progression."""
    parts = key.strip().split()
    if len(parts) != 2 or parts[1].lower() not in ("minor", "min", "m"):
        raise ValueError(f'key must look like "A minor" (minor keys only), got {key!r}')
    name = parts[0]
    if not name or name[0].upper() not in _PC:
        raise ValueError(f"unknown tonic {name!r}")
    pc = (_PC[name[0].upper()] + name[1:].count("#") - name[1:].count("b")) % 12
    return pc, "minor"


def progression(key="A minor"):
    """The four chords of the song: a list of ``(root pitch class, "min" | "maj")``.

    In A minor: Am, F, C, G (i, VI, III, VII)."""
    tonic, _ = parse_key(key)
    return [((tonic + off) % 12, q) for off, q in _MINOR_PROGRESSION]


def _transpose(key):
    """Semitones from A minor (where the melodies are written) to ``key``, in -6..+5."""
    tonic, _ = parse_key(key)
    return (tonic - 9 + 6) % 12 - 6


class _Grid:
    """Tempo grid: times of sixteenth steps, with swing and humanizing."""

    def __init__(self, bpm, sr):
        if not 40 <= bpm <= 240:
            raise ValueError(f"bpm must be between 40 and 240, got {bpm}")
        self.bpm = bpm
        self.sr = sr
        self.beat = 60.0 / bpm
        self.step = self.beat / 4.0
        self.bar = 4.0 * self.beat

    def time(self, bar, step):
        t = bar * self.bar + step * self.step
        if int(step) % 2 == 1 and float(step).is_integer():
            t += SWING * self.step
        return t

    def length(self, bars):
        return n_samples(bars * self.bar, self.sr)


def _place(track, sound, t, gain, sr):
    """Add ``gain * sound`` into ``track`` starting at time ``t`` (seconds); clipped at the end."""
    i = int(round(t * sr))
    if i >= len(track) or gain == 0:
        return
    if i < 0:
        sound = sound[-i:]
        i = 0
    m = min(len(sound), len(track) - i)
    track[i:i + m] += gain * sound[:m]


def _active(bars, active):
    if active is None:
        return [True] * bars
    return [bool(active[b]) for b in range(bars)]


# ---------------------------------------------------------------------------------------------
# drums
# ---------------------------------------------------------------------------------------------

def _hats_bar(th, b, grid, hats, open_hat, pickup_draw, jitter, vel, sr):
    """Hats for bar ``b``: eighths with accents on the beat, an occasional sixteenth pickup,
    and an open hat on the last eighth of every other bar (choked by the next closed hat)."""
    for s in range(0, 16, 2):
        t = grid.time(b, s) + jitter()
        if s == 14 and b % 2 == 1:
            gap = grid.time(b + 1, 0) - t
            oh = fade(open_hat[: n_samples(gap, sr)], 0.0, 0.015, sr=sr)
            _place(th, oh, t, vel(0.7), sr)
            continue
        base = 0.85 if s % 4 == 0 else 0.55
        _place(th, hats[(b * 8 + s // 2) % 4], t, vel(base, 0.12), sr)
    if pickup_draw < 0.5:
        s = 11 if pickup_draw < 0.25 else 7
        _place(th, hats[(b + 1) % 4], grid.time(b, s) + jitter(), vel(0.35, 0.2), sr)


# kick steps for the two alternating bars of the groove
_KICK_A = (0, 7, 10)
_KICK_B = (0, 3, 8, 10, 15)


def _drum_tracks(bars, bpm, seed, sr, active=None, hats_active=None, fills=True):
    """Kick, snare (+ clap) and hat tracks of the groove, as three mono arrays.

    Each bar draws its random numbers from its own generator (``default_rng([seed, bar])``),
    so muting a bar never changes the others."""
    grid = _Grid(bpm, sr)
    n = grid.length(bars)
    act = _active(bars, active)
    hats_act = _active(bars, hats_active if hats_active is not None else active)
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
            _place(tk, k, grid.time(b, s) + jitter(s == 0), vel(1.0 if s == 0 else 0.85), sr)
        # snare backbeat, ghost notes, and a fill at the end of each phrase
        for s in (4, 12):
            t = grid.time(b, s) + jitter()
            _place(ts, snares[hit % 3], t, vel(1.0, 0.05), sr)
            _place(ts, cl, t + 0.002, vel(0.45), sr)
            hit += 1
        ghosts = [s for s, d in zip((7, 9, 14, 15), ghost_draw) if d < 0.35]
        if fills and phrase_end:
            for s, v in ((13, 0.45), (14, 0.6), (15, 0.8)):
                _place(ts, snares[hit % 3], grid.time(b, s) + jitter(), vel(v), sr)
                hit += 1
        else:
            for s in ghosts:
                _place(ts, snares[hit % 3], grid.time(b, s) + jitter(), vel(0.16, 0.3), sr)
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
    tk, ts, th = _drum_tracks(bars, bpm, seed, sr)
    y = tk + 0.75 * ts + 0.3 * th
    return _to_peak(fade(y, 0.0, 0.01, sr=sr), -6.0)


# ---------------------------------------------------------------------------------------------
# bass
# ---------------------------------------------------------------------------------------------

# (step, semitones above the bar's root, length in steps, velocity)
_BASS = ((0, 0, 3, 1.0), (3, 0, 2, 0.7), (6, 12, 1, 0.6), (7, 0, 3, 0.9),
         (10, 0, 2, 0.8), (12, 7, 2, 0.75), (14, 12, 2, 0.7))
# phrase end on the VII chord: walk down a fifth, fourth, third (G: D, C, B) into the tonic
_BASS_WALK = ((0, 0, 3, 1.0), (3, 0, 2, 0.7), (6, 12, 1, 0.6), (7, 0, 3, 0.9),
              (10, 7, 2, 0.85), (12, 5, 2, 0.8), (14, 4, 2, 0.85))


def _bass_root_midi(pc):
    """The chord root placed in the bass register E1 (MIDI 28) to D#2 (39)."""
    return 28 + (pc - 4) % 12


def _bass_note(freq, held, vel, sr):
    env = synth.adsr(held, 0.003, 0.25, 0.55, 0.04, sr=sr, curve="exp")
    saw = synth.subtractive(freq, held, "sawtooth", cutoff=220.0, resonance=1.8, env=env,
                            filter_env_amount=2.5, sr=sr, amp=0.6)
    sub = 0.35 * synth.oscillator(freq, len(env) / sr, "sine", sr=sr)[: len(env)] * env
    return vel * np.tanh(1.5 * (saw + sub)) / np.tanh(1.5)


def _bass_track(bars, bpm, key, seed, sr, active=None):
    grid = _Grid(bpm, sr)
    n = grid.length(bars)
    chords = progression(key)
    act = _active(bars, active)
    out = np.zeros(n)
    cache = {}
    for b in range(bars):
        rng = np.random.default_rng([seed, b, 1])
        jit = rng.normal(0.0, 0.002, 8)
        vv = rng.uniform(-0.06, 0.06, 8)
        if not act[b]:
            continue
        root = _bass_root_midi(chords[b % 4][0])
        pattern = _BASS_WALK if (b % 4 == 3 and b < bars - 1) else _BASS
        for i, (s, semis, length, v) in enumerate(pattern):
            held = 0.85 * length * grid.step
            key_ = (root + semis, length)
            if key_ not in cache:
                cache[key_] = _bass_note(synth.note_to_freq(root + semis), held, 1.0, sr)
            t = grid.time(b, s) + (0.0 if s == 0 else float(np.clip(jit[i], -0.005, 0.005)))
            _place(out, cache[key_], t, v * (1 + vv[i]), sr)
    return out


def bass_line(bars=2, bpm=96, key="A minor", *, seed=0, sr=SR):
    """Synth bass that follows the chord roots: Am – F – C – G (A1, F1, C2, G1) in A minor.

    Rhythm per bar (sixteenth steps): root on 1, a syncopated repeat, an octave jump, a root
    locked to the kick on the "a" of 2 and the "and" of 3, then the fifth and octave; at the
    end of each four-bar phrase it walks down D–C–B into the next A. The sound: a sawtooth
    with a sine sub, a resonant low-pass at 220 Hz opened 2.5 octaves by a fast envelope
    (the "pluck"), and gentle tanh saturation. Default 96 BPM; mono, peak −6 dBFS.
    """
    y = _bass_track(bars, bpm, key, seed, sr)
    return _to_peak(fade(y, 0.0, 0.01, sr=sr), -6.0)


# ---------------------------------------------------------------------------------------------
# pad
# ---------------------------------------------------------------------------------------------


def _voicings(key):
    """Triads voiced near the middle of the keyboard with the smallest total movement."""
    chords = progression(key)
    out = []
    prev = None
    for pc, q in chords:
        tones = [(pc + i) % 12 for i in _TRIADS[q]]
        cands = []
        for low in range(52, 67):  # lowest note between E3 and F#4
            if low % 12 not in tones:
                continue
            notes = [low]
            for _ in range(2):
                nxt = notes[-1] + 1
                while nxt % 12 not in tones or nxt % 12 in [m % 12 for m in notes]:
                    nxt += 1
                notes.append(nxt)
            cands.append(notes)
        if prev is None:
            best = min(cands, key=lambda v: abs(np.mean(v) - 62))
        else:
            best = min(cands, key=lambda v: (sum(abs(a - b) for a, b in zip(v, prev)),
                                             abs(np.mean(v) - 62)))
        out.append(best)
        prev = best
    return out


def _pad_chord(notes, held, sr):
    """One sustained pad chord: 3 detuned sawtooths per note, one shared filter and envelope."""
    env = synth.adsr(held, 0.35, 0.8, 0.75, 0.7, sr=sr, curve="exp")
    osc = np.zeros(len(env))
    for i, m in enumerate(notes):
        f = synth.note_to_freq(m)
        for j, cents in enumerate((-9.0, 0.0, 9.0)):
            ph = 2 * np.pi * ((3 * i + j) * 0.618034 % 1.0)  # fixed, spread start phases
            osc += synth.polyblep_saw(np.full(len(env), f * 2 ** (cents / 1200)), sr=sr,
                                      phase=ph)
    cutoff = 700.0 * 2.0 ** (1.2 * env)  # the filter opens with the slow attack
    return 0.1 * synth.resonant_lowpass(osc, cutoff, 0.9, sr=sr, block=128) * env


def _pad_track(bars, bpm, key, sr, active=None):
    grid = _Grid(bpm, sr)
    n = grid.length(bars)
    act = _active(bars, active)
    voicings = _voicings(key)
    out = np.zeros(n)
    cache = {}
    for b in range(bars):
        if not act[b]:
            continue
        if b % 4 not in cache:
            cache[b % 4] = _pad_chord(voicings[b % 4], grid.bar - 0.05, sr)
        _place(out, cache[b % 4], grid.time(b, 0), 1.0, sr)
    return out


def chord_pad(bars=2, bpm=96, key="A minor", *, sr=SR):
    """Warm pad playing the progression Am – F – C – G, one chord per bar (A minor, 96 BPM).

    Triads voiced between E3 and C5 with minimal movement between chords (each voice moves
    to the nearest chord tone: A–C–E, A–C–F, G–C–E, G–B–D). Sound: three detuned
    sawtooths per note (±9 cents), a gentle low-pass at 700 Hz that opens slowly with the
    350 ms attack, a long release that overlaps the next chord, and a stereo chorus.
    Stereo ``(n, 2)``, peak −6 dBFS.
    """
    y = fx.chorus(_pad_track(bars, bpm, key, sr), rate_hz=0.5, depth_ms=4.0, mix=0.4, sr=sr)
    return _to_peak(fade(y, 0.0, 0.05, sr=sr), -6.0)


# ---------------------------------------------------------------------------------------------
# lead melody and vox
# ---------------------------------------------------------------------------------------------

# eight bars of melody in A minor: (step, note, length in steps); bars 5-8 answer bars 1-4
_LEAD = (
    ((2, "E5", 2), (4, "E5", 2), (6, "D5", 2), (8, "C5", 4), (12, "A4", 2), (14, "C5", 2)),
    ((0, "C5", 3), (3, "D5", 3), (6, "C5", 2), (8, "A4", 6)),
    ((2, "E5", 2), (4, "G5", 2), (6, "E5", 2), (8, "D5", 2), (10, "C5", 2), (12, "D5", 2),
     (14, "E5", 2)),
    ((0, "D5", 6), (6, "B4", 2), (8, "G4", 4), (12, "B4", 2), (14, "D5", 2)),
    ((2, "E5", 2), (4, "E5", 2), (6, "D5", 2), (8, "C5", 4), (12, "A4", 2), (14, "C5", 2)),
    ((0, "C5", 3), (3, "D5", 3), (6, "F5", 2), (8, "E5", 6)),
    ((0, "G5", 4), (4, "E5", 2), (6, "C5", 2), (8, "D5", 4), (12, "E5", 4)),
    ((0, "D5", 4), (4, "B4", 4), (8, "D5", 2), (10, "C5", 2), (12, "B4", 4)),
)

# four bars of slow "ooh / aah" counter-line: (step, note, length in steps, vowel)
_VOX = (
    ((0, "E4", 6, "a"), (6, "D4", 2, "a"), (8, "C4", 8, "o")),
    ((0, "C4", 6, "o"), (6, "D4", 2, "o"), (8, "A3", 8, "a")),
    ((0, "G3", 6, "a"), (6, "A3", 2, "a"), (8, "C4", 4, "e"), (12, "E4", 4, "a")),
    ((0, "D4", 8, "o"), (8, "B3", 6, "u"), (14, "D4", 2, "a")),
)

# vowel formants F1, F2, F3 in Hz (adult male averages, after Peterson & Barney, JASA 1952)
_VOWELS = {
    "a": (730.0, 1090.0, 2440.0),
    "o": (570.0, 840.0, 2410.0),
    "u": (300.0, 870.0, 2240.0),
    "e": (530.0, 1840.0, 2480.0),
    "i": (270.0, 2290.0, 3010.0),
}
_FORMANT_BW = (90.0, 110.0, 170.0)
_FORMANT_GAIN = (1.0, 0.5, 0.25)


def _lead_track(bars, bpm, key, seed, sr, active=None):
    grid = _Grid(bpm, sr)
    n = grid.length(bars)
    shift = _transpose(key)
    act = _active(bars, active)
    out = np.zeros(n)
    cache = {}
    for b in range(bars):
        notes = _LEAD[b % 8]
        vv = np.random.default_rng([seed, b, 2]).uniform(-0.08, 0.08, len(notes))
        if not act[b]:
            continue
        for i, (s, name, length) in enumerate(notes):
            midi = synth.note_name_to_midi(name) + shift
            if (midi, length) not in cache:
                held = 0.9 * length * grid.step
                env = synth.adsr(held, 0.01, 0.2, 0.75, 0.12, sr=sr)
                cache[midi, length] = synth.subtractive(
                    synth.note_to_freq(midi), held, "square", cutoff=1400.0, resonance=1.2,
                    env=env, filter_env_amount=1.0, sr=sr, amp=0.5)
            _place(out, cache[midi, length], grid.time(b, s), 0.9 + vv[i], sr)
    return fx.vibrato(out, rate_hz=5.5, depth_cents=10.0, sr=sr)


def lead(bars=2, bpm=96, key="A minor", *, seed=0, sr=SR):
    """Lead synth melody over Am – F – C – G (A minor, 96 BPM), eight bars long, then repeats.

    The melody moves mostly by step around E5–C5–A4, leaning on chord tones on the strong
    beats; bars 5–8 answer bars 1–4 and climb to G5. Sound: a square wave (hollow, clarinet-
    like) through a lightly resonant low-pass at 1.4 kHz opened one octave by the note
    envelope, with a gentle 5.5 Hz vibrato. Mono, dry, peak −6 dBFS.
    """
    y = _lead_track(bars, bpm, key, seed, sr)
    return _to_peak(fade(y, 0.0, 0.02, sr=sr), -6.0)


def _vox_track(bars, bpm, key, seed, sr, active=None):
    grid = _Grid(bpm, sr)
    n = grid.length(bars)
    shift = _transpose(key)
    act = _active(bars, active)
    events = []  # (start sample, held samples, freq, vowel)
    for b in range(bars):
        if not act[b]:
            continue
        for s, name, length, vowel in _VOX[b % 4]:
            start = int(round(grid.time(b, s) * sr))
            held = int(round(length * grid.step * sr * 0.96))
            f = synth.note_to_freq(synth.note_name_to_midi(name) + shift)
            events.append((start, held, f, vowel))
    if not events:
        return np.zeros(n)
    # pitch and vowel targets, held between notes so the voice glides from note to note
    f_target = np.empty(n)
    form = np.empty((3, n))
    amp = np.zeros(n)
    t = np.arange(n) / sr
    vib_depth = np.zeros(n)
    for k, (start, held, f, vowel) in enumerate(events):
        end = events[k + 1][0] if k + 1 < len(events) else n
        lo = 0 if k == 0 else start
        f_target[lo:end] = f
        form[:, lo:end] = np.array(_VOWELS[vowel])[:, None]
        env = synth.adsr(held / sr, 0.09, 0.25, 0.85, 0.18, sr=sr)
        seg = min(len(env), n - start)
        amp[start:start + seg] = np.maximum(amp[start:start + seg], env[:seg])
        ramp = np.clip((t[start:end] - t[start] - 0.15) / 0.4, 0.0, 1.0)  # delayed vibrato
        vib_depth[start:end] = 22.0 * ramp
    a_glide = np.exp(-1.0 / (0.045 * sr))  # 45 ms portamento
    f_smooth = lfilter([1 - a_glide], [1, -a_glide], f_target, zi=[a_glide * f_target[0]])[0]
    a_form = np.exp(-1.0 / (0.06 * sr))  # 60 ms vowel transitions
    form = lfilter([1 - a_form], [1, -a_form], form, axis=1,
                   zi=a_form * form[:, :1])[0]
    vib = vib_depth * np.sin(2 * np.pi * 5.2 * t)
    freq = f_smooth * 2.0 ** (vib / 1200.0)
    rng = np.random.default_rng(seed + 3000)
    src = synth.polyblep_saw(freq, sr=sr) + 0.08 * rng.standard_normal(n)  # voice + breath
    y = np.zeros(n)
    for i in range(3):
        q = form[i] / _FORMANT_BW[i]
        y += _FORMANT_GAIN[i] * synth.varying_biquad(src, "bandpass", form[i], q, sr=sr,
                                                     block=256)
    return y * amp


def vox(bars=4, bpm=96, key="A minor", *, seed=0, sr=SR):
    """Vocal-like "ooh / aah" line: a sawtooth glottal source through three vowel formants.

    Two notes per bar on chord tones (E4–C4 over Am, C4–A3 over F, G3–C4–E4 over C, D4–B3
    over G), gliding between notes (45 ms portamento) with a vibrato that fades in after
    150 ms. The vowel changes between "ah", "oh", "eh" and "oo" by moving the first three
    formants (Peterson & Barney, 1952) with 60 ms transitions; a little noise adds breath.
    Mono, peak −6 dBFS.
    """
    y = _vox_track(bars, bpm, key, seed, sr)
    return _to_peak(fade(y, 0.0, 0.02, sr=sr), -6.0)


# ---------------------------------------------------------------------------------------------
# song stems and mix
# ---------------------------------------------------------------------------------------------

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


def _to_peak(x, peak_db):
    p = np.max(np.abs(x)) if np.size(x) else 0.0
    return x * (10.0 ** (peak_db / 20.0) / p) if p > 0 else x


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
    kick_t, snare_t, hats_t = _drum_tracks(bars, bpm, seed, sr, active=drums_on,
                                           hats_active=[True] * bars)
    stems = {
        "kick": kick_t,
        "snare": snare_t,
        "hats": hats_t,
        "bass": _bass_track(bars, bpm, key, seed, sr, active=drums_on),
        "pad": fx.chorus(_pad_track(bars, bpm, key, sr), rate_hz=0.5, depth_ms=4.0, mix=0.4,
                         sr=sr),
        "lead": _lead_track(bars, bpm, key, seed, sr, active=lead_on),
        "vox": _vox_track(bars, bpm, key, seed, sr),
    }
    n = _Grid(bpm, sr).length(bars)
    out = {}
    for name, x in stems.items():
        x = as_audio(x)[:n]
        out[name] = _to_peak(fade(x, 0.0, 0.01, sr=sr), STEM_NOTES[name][0])
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
    return _to_peak(stereo(out), peak_db)
