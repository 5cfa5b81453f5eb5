"""Audio examples for Module 5: Music production and sound design.

Everything is synthesized with the course's own sound library (``soundlib.synth`` and
``soundlib.music``): no samples or recordings. Each technique is heard on the same material
before and after, with the song's defaults where music is needed (96 BPM, A minor,
Am - F - C - G). All randomness takes a seed, so every build gives the same samples.
"""

import numpy as np

from soundlib import SR, effects, filters, music, synth
from soundlib import generators as g
from soundlib.dsp import fade, n_samples, place, to_peak
from soundlib.recipes import recipe
from soundlib.stretch import varispeed, wsola

BPM = 96.0
BEAT = 60.0 / BPM  # 0.625 s
STEP = BEAT / 4.0  # one sixteenth note, 156.25 ms
BAR = 4.0 * BEAT  # 2.5 s
PEAK_DB = -3.0  # the sample peak of every example (dBFS)

# the song's progression as triads voiced around middle C (MIDI note numbers)
CHORDS = ((57, 60, 64), (57, 60, 65), (55, 60, 64), (55, 59, 62))  # Am, F, C, G
ROOTS = (33, 29, 36, 31)  # A1, F1, C2, G1


# ------------------------------------------------------------------ a synth voice


def _saw_voice(freq, held, env, cutoff, resonance, env_octaves, unison=3):
    """Sawtooth voice (PolyBLEP, so glides and detuning stay alias-free) through the
    resonant low-pass of ``synth.subtractive``; the filter opens with the envelope."""
    n = len(env)
    osc = np.zeros(n)
    for k, cents in enumerate(np.linspace(-8.0, 8.0, unison) if unison > 1 else [0.0]):
        f = np.full(n, freq * 2.0 ** (cents / 1200.0))
        osc += synth.polyblep_saw(f, phase=2 * np.pi * (k * 0.618034 % 1.0))
    osc /= np.sqrt(max(unison, 1))
    cut = cutoff * 2.0 ** (env_octaves * env / max(float(np.max(env)), 1e-9))
    return synth.resonant_lowpass(0.4 * osc, cut, resonance) * env


# ------------------------------------------------------------------ subtractive synthesis


@recipe("m05-filter-sweep")
def filter_sweep(resonance: float = 0.7071, seconds: float = 8.0, note: int = 45,
                 f_lo: float = 80.0, f_hi: float = 8000.0):
    """A steady sawtooth (default A2, 110 Hz) through a two-pole (12 dB/octave) low-pass
    whose cutoff sweeps from f_lo up to f_hi and back down, evenly in octaves."""
    n = n_samples(seconds)
    freq = synth.note_to_freq(note)
    osc = synth.polyblep_saw(np.full(n, freq))
    u = np.linspace(0.0, 1.0, n)
    shape = 1.0 - np.abs(2.0 * u - 1.0)  # 0 -> 1 -> 0: up for half the clip, then down
    cutoff = f_lo * (f_hi / f_lo) ** shape
    y = synth.resonant_lowpass(0.3 * osc, cutoff, resonance)
    return to_peak(fade(y, 0.02, 0.05), PEAK_DB)


@recipe("m05-envelope")
def envelope(shape: str = "pluck"):
    """The progression Am - F - C - G, one chord per bar at 96 BPM, played by the same
    detuned-sawtooth patch with a plucky or a pad amplitude envelope (the filter envelope
    follows the amplitude envelope in both, as on many simple synths)."""
    shapes = {
        # attack, decay, sustain level, release (seconds, except sustain)
        "pluck": (0.003, 0.5, 0.0, 0.12),
        "pad": (0.8, 0.6, 0.8, 1.5),
    }
    if shape not in shapes:
        raise ValueError(f"shape must be one of {sorted(shapes)}")
    a, d, s, r = shapes[shape]
    held = BAR - 0.05
    out = np.zeros(n_samples(4 * BAR + 1.6))
    for b, chord in enumerate(CHORDS):
        env = synth.adsr(held, a, d, s, r, curve="exp")
        for m in chord:
            voice = _saw_voice(synth.note_to_freq(m), held, env, cutoff=500.0,
                               resonance=1.0, env_octaves=2.0)
            place(out, voice, b * BAR)
    return to_peak(fade(out, 0.0, 0.05), PEAK_DB)


@recipe("m05-lfo")
def lfo(target: str = "cutoff", rate_hz: float = 3.2, seconds: float = 7.5, note: int = 45):
    """A sustained sawtooth with one LFO (sine, default 3.2 Hz = eighth notes at 96 BPM)
    routed either to the filter cutoff (a "wobble": 200 Hz to 3.2 kHz, resonance Q 4) or to
    the amplifier (tremolo, full depth) with the filter fixed at 800 Hz, the geometric middle
    of the wobble's range."""
    n = n_samples(seconds)
    t = np.arange(n) / SR
    osc = 0.3 * synth.polyblep_saw(np.full(n, synth.note_to_freq(note)))
    wave = 0.5 - 0.5 * np.cos(2 * np.pi * rate_hz * t)  # 0 -> 1 -> 0, starts at the bottom
    if target == "cutoff":
        y = synth.resonant_lowpass(osc, 200.0 * 16.0 ** wave, 4.0)
    elif target == "amplitude":
        y = synth.resonant_lowpass(osc, 800.0, 4.0) * wave
    else:
        raise ValueError('target must be "cutoff" or "amplitude"')
    return to_peak(fade(y, 0.02, 0.1), PEAK_DB)


# ------------------------------------------------------------------ FM, wavetable, granular


@recipe("m05-fm")
def fm_tone(ratio: float = 1.0, index: float = 2.0, note: int = 57, seconds: float = 4.0):
    """Two-operator FM (Chowning 1973): a sine carrier at the note (default A3, 220 Hz)
    phase-modulated by a sine at ratio x the carrier, with a fixed modulation index."""
    held = seconds - 0.4
    env = synth.adsr(held, 0.02, 0.2, 0.85, 0.4)
    y = synth.fm(synth.note_to_freq(note), held, ratio=ratio, index=index, env=env)
    return to_peak(y, PEAK_DB)


@recipe("m05-fm-struck")
def fm_struck(ratio: float = 1.41, index: float = 6.0, notes=(69, 76, 72),
              spacing: float = 1.6, ring: float = 3.0):
    """Struck FM tones: the index and the amplitude both decay after the strike, so each
    note starts bright and mellows as it rings (Chowning's bell and drum recipes work this
    way). Integer ratios sound pitched; a ratio near sqrt(2) sounds like a bell."""
    out = np.zeros(n_samples(spacing * (len(notes) - 1) + ring + 0.1))
    n = n_samples(ring)
    t = np.arange(n) / SR
    index_env = np.exp(-t / 0.6)
    amp_env = np.exp(-t / 0.9) * np.minimum(1.0, t / 0.002)
    amp_env[-n_samples(0.05):] *= np.linspace(1.0, 0.0, n_samples(0.05))
    for k, m in enumerate(notes):
        tone = synth.fm(synth.note_to_freq(m), ring, ratio=ratio, index=index,
                        index_env=index_env, env=amp_env)
        place(out, tone, k * spacing)
    return to_peak(out, PEAK_DB)


@recipe("m05-wavetable")
def wavetable_morph(note: int = 45, seconds: float = 9.0):
    """One held note (default A2, 110 Hz) on a wavetable oscillator whose position moves
    through the four default tables (sine, triangle, sawtooth, square) and back."""
    n = n_samples(seconds)
    u = np.linspace(0.0, 1.0, n)
    position = 1.0 - np.abs(2.0 * u - 1.0)
    y = synth.wavetable(synth.note_to_freq(note), seconds, position_env=position, amp=0.5)
    return to_peak(fade(y, 0.05, 0.1), PEAK_DB)


@recipe("m05-granular")
def granular_cloud(mode: str = "cloud", seconds: float = 8.0, seed: int = 5):
    """The song's synthesized "vox" line (two bars, 5 s) as the source, or a granular
    cloud made from it: 100 ms grains, 40 per second, read around one point of the source
    (30 % in, +/-150 ms) with up to +/-0.15 semitone of random detune, plus a little reverb."""
    source = music.vox(bars=2, seed=seed)
    if mode == "source":
        return to_peak(source, PEAK_DB)
    if mode != "cloud":
        raise ValueError('mode must be "source" or "cloud"')
    cloud = synth.granular(source, seconds, grain_ms=100.0, density=40.0, pitch_jitter=0.15,
                           seed=seed, position=0.3, position_jitter_ms=150.0)
    cloud = fade(cloud, 0.8, 1.5)
    return to_peak(effects.reverb(cloud, rt60=2.0, predelay_ms=20.0, mix=0.3, seed=seed), PEAK_DB)


# ------------------------------------------------------------------ MIDI timing


def _drum_pattern(bars, swing, humanize, seed):
    """Kick, snare and sixteenth-note hi-hats at 96 BPM.

    ``swing`` is the percentage of an eighth note at which the off-beat sixteenth falls
    (50 = straight, 66.7 = triplet feel). ``humanize`` adds timing offsets (normal,
    sigma 7 ms, limited to +/-15 ms) and velocity variation with hi-hat accents; otherwise
    every hit has the same velocity and sits exactly on the grid."""
    rng = np.random.default_rng(seed)
    k = music.kick()
    snares = [music.snare(seed=i) for i in range(3)]
    hats = [music.hihat(seed=i) for i in range(4)]
    out = np.zeros(n_samples(bars * BAR + 0.6))
    late = (swing / 100.0 - 0.5) * 2.0 * STEP  # delay of each off-beat sixteenth

    def when(bar, step):
        t = bar * BAR + step * STEP + (late if step % 2 == 1 else 0.0)
        if humanize:
            t += float(np.clip(rng.normal(0.0, 0.007), -0.015, 0.015))
        return max(t, 0.0)

    def vel(accent):
        if not humanize:
            return 0.8
        return float(np.clip(accent * (1.0 + rng.uniform(-0.15, 0.15)), 0.05, 1.0))

    for b in range(bars):
        for s in (0, 6, 10):  # kick: 1, the "and" of 2, the "and" of 3
            place(out, k, when(b, s), vel(1.0))
        for i, s in enumerate((4, 12)):  # snare on the backbeat, 2 and 4
            place(out, snares[(2 * b + i) % 3], when(b, s), 0.8 * vel(1.0))
        for s in range(16):  # hats on every sixteenth, louder on the beat
            accent = 1.0 if s % 4 == 0 else (0.75 if s % 2 == 0 else 0.45)
            place(out, hats[s % 4], when(b, s), 0.35 * vel(accent))
    return out


@recipe("m05-drums")
def drums(swing: float = 50.0, humanize: bool = False, bars: int = 4, seed: int = 4):
    """A four-bar drum pattern at 96 BPM: quantized and flat, or humanized, with optional
    swing of the off-beat sixteenths."""
    y = _drum_pattern(bars, swing, humanize, seed)
    return to_peak(fade(y[: n_samples(bars * BAR + 0.3)], 0.0, 0.2), PEAK_DB)


# ------------------------------------------------------------------ arrangement


@recipe("m05-arrangement")
def arrangement(version: str = "full"):
    """Bars 5 to 8 of the eight-bar song: every part (kick, snare, hats, bass, pad, lead,
    vox), or a sparse verse arrangement (kick, hats, bass and vox only), both through the
    same static rough mix."""
    stems = music.song_stems(bars=8)
    start = n_samples(4 * BAR)
    parts = {name: x[start:] for name, x in stems.items()}
    if version == "verse":
        parts = {name: parts[name] for name in ("kick", "hats", "bass", "vox")}
    elif version != "full":
        raise ValueError('version must be "full" or "verse"')
    return to_peak(fade(music.rough_mix(parts), 0.0, 0.3), PEAK_DB)


# four bars of a simple counter-melody: (bar, sixteenth step, MIDI note, length in steps)
_MELODY = (
    (0, 0, 64, 4), (0, 4, 67, 2), (0, 6, 69, 6), (0, 12, 67, 4),
    (1, 0, 65, 6), (1, 6, 64, 2), (1, 8, 60, 8),
    (2, 0, 64, 4), (2, 4, 67, 4), (2, 8, 72, 4), (2, 12, 71, 4),
    (3, 0, 67, 8), (3, 8, 62, 4), (3, 12, 64, 4),
)


@recipe("m05-register")
def register(octave_shift: int = 0):
    """Pad, bass and a square-wave melody over Am - F - C - G (four bars, 96 BPM). With
    octave_shift=0 the melody (C4 to C5) sits in the pad's register (G3 to F4);
    octave_shift=12 moves it up an octave, above the pad. Levels are fixed, not matched."""
    bars = 4
    n = n_samples(bars * BAR + 0.5)
    pad = np.mean(music.chord_pad(bars=bars), axis=1)
    bass = music.bass_line(bars=bars)
    mel = np.zeros(n)
    for b, s, m, length in _MELODY:
        held = 0.9 * length * STEP
        env = synth.adsr(held, 0.01, 0.2, 0.75, 0.12)
        tone = synth.subtractive(synth.note_to_freq(m + octave_shift), held, "square",
                                 cutoff=1400.0, resonance=1.2, env=env,
                                 filter_env_amount=1.0, amp=0.5)
        place(mel, tone, b * BAR + s * STEP)
    mel = to_peak(mel, -6.0)
    y = np.zeros(n)
    place(y, 0.9 * pad, 0.0)
    place(y, 0.6 * bass, 0.0)
    place(y, 0.55 * mel, 0.0)
    return to_peak(fade(y[: n_samples(bars * BAR + 0.3)], 0.0, 0.3), PEAK_DB)


# ------------------------------------------------------------------ sampling


def _sample_source():
    """A two-bar "sample": bars 5 and 6 of the song's rough mix (5 s, stereo)."""
    stems = music.song_stems(bars=8)
    start, stop = n_samples(4 * BAR), n_samples(6 * BAR)
    return music.rough_mix({name: x[start:stop] for name, x in stems.items()})


@recipe("m05-sample-speed")
def sample_speed(mode: str = "original"):
    """A two-bar sample of the song (96 BPM, A minor, 5 s): as recorded; played back at
    twice the speed, like a sampler an octave up (192 BPM and an octave higher, looped
    twice); or time-stretched to twice the tempo at the original pitch (WSOLA, looped
    twice)."""
    x = _sample_source()
    if mode == "original":
        y = x
    elif mode == "repitch":
        half = varispeed(x, 2.0)
        y = np.concatenate([half, half])
    elif mode == "stretch":
        half = wsola(x, 2.0)
        y = np.concatenate([half, half])
    else:
        raise ValueError('mode must be "original", "repitch" or "stretch"')
    return to_peak(fade(y, 0.005, 0.05), PEAK_DB)


# ------------------------------------------------------------------ sound design


@recipe("m05-riser")
def riser(bars: int = 2, seed: int = 3):
    """A riser and an impact. Riser (two bars at 96 BPM, 5 s): white noise through a
    band-pass whose center climbs from 300 Hz to 9 kHz, plus a detuned sawtooth gliding up
    two octaves (A2 to A4) behind a low-pass that opens, both fading in. Impact on the next
    downbeat: a kick, a sine "sub drop" from 80 to 35 Hz, and a noise burst, into a 2.5 s
    reverb."""
    length = bars * BAR
    n = n_samples(length)
    u = np.linspace(0.0, 1.0, n)
    rise = u ** 2  # slow at first, faster toward the downbeat
    noise = g.white_noise(length, amp=0.5, seed=seed)
    centre = 300.0 * 30.0 ** u
    air = synth.varying_biquad(noise, "bandpass", centre, 2.5)
    pitch = 110.0 * 4.0 ** u
    saw = sum(synth.polyblep_saw(pitch * 2.0 ** (c / 1200.0), phase=p)
              for c, p in ((-12.0, 0.0), (0.0, 2.1), (12.0, 4.2))) / 3.0
    tone = synth.resonant_lowpass(0.3 * saw, 200.0 * 40.0 ** u, 2.0)
    rise_part = (0.8 * air + 0.6 * tone) * rise
    rise_part *= np.minimum(1.0, (n - np.arange(n)) / n_samples(0.01))  # cut at the downbeat

    ring = 2.5
    m = n_samples(ring)
    t = np.arange(m) / SR
    sub_f = 35.0 + 45.0 * np.exp(-t / 0.25)
    sub = np.sin(2 * np.pi * np.cumsum(sub_f) / SR) * np.exp(-t / 0.8)
    burst = filters.lowpass(g.white_noise(ring, seed=seed + 1), 5000.0, order=2)
    burst *= np.exp(-t / 0.12)
    hit = np.zeros(m)
    place(hit, music.kick(tone_hz=45.0, decay=0.35), 0.0)
    impact = hit + 0.8 * sub + 0.5 * burst
    impact *= np.minimum(1.0, t / 0.001)
    impact = fade(impact, 0.0, 0.8)  # let the tail die away instead of stopping dead

    total = np.zeros(n + m + n_samples(1.5))
    place(total, rise_part, 0.0)
    place(total, impact, length)
    wet = effects.reverb(total, rt60=2.5, predelay_ms=15.0, mix=0.3, seed=seed)
    return to_peak(fade(wet, 0.0, 0.5), PEAK_DB)


def _bass_pattern(bars):
    """(start time, held seconds, MIDI note): the song's roots on 1, the "a" of 2, the
    "and" of 3 and the "a" of 4, following Am - F - C - G."""
    notes = []
    for b in range(bars):
        root = ROOTS[b % 4]
        for s, length in ((0, 3), (7, 3), (10, 2), (14, 2)):
            notes.append((b * BAR + s * STEP, 0.9 * length * STEP, root))
    return notes


@recipe("m05-bass-layers")
def bass_layers(layer: str = "both", bars: int = 4):
    """A layered synth bass at 96 BPM: a sub layer (a pure sine at the note, low-passed at
    120 Hz) and a mid layer (a sawtooth one octave up, saturated, high-passed at 200 Hz and
    low-passed at 2.5 kHz), each alone or together."""
    if layer not in ("sub", "mid", "both"):
        raise ValueError('layer must be "sub", "mid" or "both"')
    n = n_samples(bars * BAR + 0.3)
    sub = np.zeros(n)
    mid = np.zeros(n)
    for t0, held, m in _bass_pattern(bars):
        f = synth.note_to_freq(m)
        env = synth.adsr(held, 0.004, 0.1, 0.9, 0.05)
        sub_note = g.sine(f, len(env) / SR + 0.001)[: len(env)] * env
        place(sub, sub_note, t0)
        saw = synth.polyblep_saw(np.full(len(env), 2.0 * f)) * env
        place(mid, saw, t0)
    sub = filters.lowpass(sub, 120.0, order=4)
    mid = np.tanh(4.0 * mid) / np.tanh(4.0)
    mid = filters.lowpass(filters.highpass(mid, 200.0, order=4), 2500.0, order=4)
    sub = to_peak(sub, -6.0)
    mid = to_peak(mid, -12.0)
    y = {"sub": sub, "mid": mid, "both": sub + mid}[layer]
    return to_peak(fade(y, 0.0, 0.1), PEAK_DB)
