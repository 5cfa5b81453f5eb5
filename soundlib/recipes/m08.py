"""Audio examples for Module 8: Post-production for film, TV, games and podcasts.

Every example is synthesized; nothing is a recording:

- a speech-like voice (a band-limited glottal sawtooth through three moving vowel formants,
  with plosive and fricative noise bursts and phrase-level intonation) stands in for
  dialogue and for a podcast host;
- room tone is low-passed pink noise with a faint mains hum, like a quiet room with
  ventilation;
- footsteps are filtered noise bursts (heel and toe) over a short low thump;
- the adaptive-music example uses the course's own stems (``soundlib.music``).

All recipes are deterministic, return float64 at soundlib.SR and last 2 to 20 seconds.
"""

import numpy as np
from scipy.signal import lfilter

from soundlib import SR, dsp, dynamics, effects, filters, loudness, music, synth
from soundlib import generators as g
from soundlib.recipes import recipe

# Formant frequencies F1, F2, F3 in Hz of ten American English vowels, adult male averages
# (Peterson & Barney, "Control Methods Used in a Study of the Vowels", JASA 24, 1952).
_VOWELS = (
    (270, 2290, 3010),   # heed
    (390, 1990, 2550),   # hid
    (530, 1840, 2480),   # head
    (660, 1720, 2410),   # had
    (730, 1090, 2440),   # hod
    (570, 840, 2410),    # hawed
    (440, 1020, 2240),   # hood
    (300, 870, 2240),    # who'd
    (640, 1190, 2390),   # hud
    (490, 1350, 1690),   # heard
)
_BANDWIDTHS = (80.0, 110.0, 160.0)
_FORMANT_GAINS = (1.0, 0.55, 0.3)


# --------------------------------------------------------------------------- helpers

def _smooth(x, ms):
    """One-pole low-pass smoothing of a control signal (time constant ms)."""
    a = np.exp(-1.0 / (ms * 1e-3 * SR))
    return lfilter([1.0 - a], [1.0, -a], x, zi=[a * x[0]])[0]


def _burst(rng, seconds, lo, hi, attack_ms, decay_ms):
    """A band-limited noise burst with an exponential decay."""
    n = max(1, int(round(seconds * SR)))
    noise = rng.standard_normal(n)
    noise = filters.highpass(noise, lo, order=2)
    noise = filters.lowpass(noise, hi, order=2)
    t = np.arange(n) / SR
    env = np.minimum(1.0, t / (attack_ms * 1e-3)) * np.exp(-t / (decay_ms * 1e-3))
    return noise * env


def _speech(seconds, seed=0, f0=118.0, sibilance=1.0, phrase=(1.4, 2.6), pause=(0.35, 0.8)):
    """A speech-like voice and a mask of where it is voiced or fricated.

    Phrases of 1.4 to 2.6 s are made of syllables of 120 to 260 ms, separated by pauses
    of 0.35 to 0.8 s. Each syllable may open with a plosive burst or a fricative ("s",
    "sh"); its vowel moves the first three formants with 25 ms transitions. Pitch falls
    about 30 % across each phrase (declination) with a rise on stressed syllables.
    Returns (voice, active) with voice at a sample peak of -6 dBFS.
    """
    rng = np.random.default_rng(seed)
    n = int(round(seconds * SR))
    freq = np.full(n, f0)
    form = np.zeros((3, n))
    form[:, :] = np.array(_VOWELS[4], dtype=float)[:, None]
    amp = np.zeros(n)
    noise_track = np.zeros(n)
    active = np.zeros(n, dtype=bool)
    t = 0.25
    while t < seconds - 0.6:
        length = min(rng.uniform(*phrase), seconds - 0.3 - t)
        if length < 0.4:
            break
        p0, p1 = int(t * SR), int((t + length) * SR)
        active[p0:p1] = True
        # declination: from 1.12 f0 to 0.82 f0 across the phrase
        freq[p0:p1] = f0 * np.linspace(1.12, 0.82, p1 - p0)
        s = t
        while s < t + length - 0.1:
            dur = rng.uniform(0.12, 0.26)
            a0 = int(s * SR)
            a1 = min(int((s + dur) * SR), p1)
            kind = rng.choice(["none", "plosive", "s", "sh"], p=[0.5, 0.25, 0.15, 0.10])
            onset = 0
            if kind == "plosive":
                b = _burst(rng, 0.03, 1200.0, 5000.0, 0.5, 6.0) * 0.5
                dsp.add_at(noise_track, b, a0)
                onset = int(0.02 * SR)
            elif kind in ("s", "sh"):
                fl = rng.uniform(0.07, 0.13)
                lo, hi = (4800.0, 10000.0) if kind == "s" else (2200.0, 5000.0)
                b = _burst(rng, fl, lo, hi, 15.0, 60.0) * 0.45 * sibilance
                dsp.add_at(noise_track, b, a0)
                onset = int(fl * 0.8 * SR)
            v0 = min(a0 + onset, a1 - 1)
            vowel = _VOWELS[rng.integers(len(_VOWELS))]
            form[:, v0:a1] = np.array(vowel, dtype=float)[:, None]
            if a1 > v0:
                m = a1 - v0
                tt = np.arange(m) / SR
                env = np.minimum(1.0, tt / 0.015) * np.minimum(1.0, (m - np.arange(m)) / (0.03 * SR))
                stress = rng.uniform(0.55, 1.0)
                amp[v0:a1] = np.maximum(amp[v0:a1], env * stress)
                freq[v0:a1] *= 1.0 + 0.12 * stress * np.sin(np.pi * np.arange(m) / m)
            s += dur
        t += length + rng.uniform(*pause)
    freq = _smooth(freq, 30.0) * (1.0 + 0.004 * rng.standard_normal(n).cumsum() / np.sqrt(n))
    form = np.vstack([_smooth(form[i], 25.0) for i in range(3)])
    amp = _smooth(amp, 8.0)
    src = synth.polyblep_saw(freq) + 0.05 * rng.standard_normal(n)
    voiced = np.zeros(n)
    for i in range(3):
        voiced += _FORMANT_GAINS[i] * synth.varying_biquad(src, "bandpass", form[i],
                                                           form[i] / _BANDWIDTHS[i], block=128)
    voiced = filters.biquad(voiced, "lowshelf", 250.0, gain_db=4.0)  # chest resonance
    y = voiced * amp
    y = y / (np.max(np.abs(y)) + 1e-12) + noise_track * 0.6
    return dsp.to_peak(y, -6.0), active


def _room_tone(seconds, seed=0, level_db=-42.0, hum_hz=60.0):
    """Room tone: pink noise low-passed at 1.5 kHz plus a faint hum, at level_db RMS."""
    n = int(round(seconds * SR))
    x = g.pink_noise(seconds, seed=seed)[:n]
    x = filters.lowpass(x, 1500.0, order=2)
    x = filters.biquad(x, "lowshelf", 120.0, gain_db=6.0)
    t = np.arange(n) / SR
    hum = 0.06 * np.sin(2 * np.pi * hum_hz * t) + 0.02 * np.sin(2 * np.pi * 2 * hum_hz * t)
    x = x / np.sqrt(np.mean(x ** 2)) + hum
    return x * (10.0 ** (level_db / 20.0) / np.sqrt(np.mean(x ** 2)))


# --------------------------------------------------------------------------- dialogue

@recipe("m08-room-tone")
def room_tone_fill(fill: str = "silence", seed: int = 3):
    """Three dialogue lines with the gaps between them edited two ways.

    The production track is a voice over continuous room tone (about 30 dB below the
    voice). The editor has removed noises from the two gaps. "silence": the gaps are cut to
    digital silence, so the room tone switches off and on at every edit (10 ms fades).
    "tone": the gaps are filled with room tone recorded on the same set, crossfaded over
    20 ms, so the background never changes.
    """
    if fill not in ("silence", "tone"):
        raise ValueError('fill must be "silence" or "tone"')
    line_lengths = (3.0, 2.6, 3.2)
    gaps = (1.6, 1.4)
    handle = 0.25  # room tone kept before and after each line, seconds
    total = sum(line_lengths) + sum(gaps) + 2 * handle
    n = int(round(total * SR))
    voice = np.zeros(n)
    under = np.zeros(n)  # room tone that came with each line (its own take)
    regions = []
    t = handle
    for k, length in enumerate(line_lengths):
        v, _ = _speech(length, seed=seed + 10 * k, phrase=(length - 0.35, length - 0.3),
                       pause=(0.1, 0.1))
        i0 = int(round(t * SR))
        dsp.add_at(voice, v, i0)
        r0, r1 = int(round((t - handle) * SR)), min(n, int(round((t + length + handle) * SR)))
        regions.append((r0, r1))
        t += length + (gaps[k] if k < len(gaps) else 0.0)
    tone = _room_tone(total, seed=seed + 100)
    fill_tone = _room_tone(total, seed=seed + 200)  # the same room, another stretch of it
    if fill == "silence":
        for r0, r1 in regions:
            seg = dsp.fade(tone[r0:r1], 0.01, 0.01)
            under[r0:r1] += seg
    else:
        mask = np.zeros(n)
        for r0, r1 in regions:
            mask[r0:r1] = 1.0
        xf = int(0.02 * SR)
        mask = np.convolve(mask, np.ones(xf) / xf, mode="same")
        under = tone * mask + fill_tone * (1.0 - mask)
    return dsp.to_peak(voice + under, -3.0)


# --------------------------------------------------------------------------- Foley

def _footstep(rng, weight=1.0, surface="wood"):
    """One footstep: a low heel thump, a heel click and a lighter toe scuff 70-110 ms later."""
    n = int(0.4 * SR)
    y = np.zeros(n)
    t = np.arange(int(0.12 * SR)) / SR
    f_low = rng.uniform(70.0, 95.0)
    thump = np.sin(2 * np.pi * f_low * t) * np.exp(-t / 0.028) * np.minimum(1.0, t / 0.002)
    lo, hi = (500.0, 3500.0) if surface == "wood" else (900.0, 7000.0)
    heel = _burst(rng, 0.08, lo, hi, 0.6, rng.uniform(9.0, 14.0))
    toe_at = int(rng.uniform(0.07, 0.11) * SR)
    toe = _burst(rng, 0.1, lo * 1.6, hi * 1.4, 3.0, rng.uniform(14.0, 22.0))
    dsp.add_at(y, 0.9 * thump, 0)
    dsp.add_at(y, heel / (np.max(np.abs(heel)) + 1e-12), 0)
    dsp.add_at(y, 0.45 * toe / (np.max(np.abs(toe)) + 1e-12), toe_at)
    return y * weight


def _walk(steps, pace_s, seed, randomize=True, surface="wood"):
    rng = np.random.default_rng(seed)
    total = steps * pace_s + 0.8
    track = np.zeros(int(round(total * SR)))
    fixed = _footstep(np.random.default_rng(seed + 999), surface=surface)
    for k in range(steps):
        start = 0.3 + k * pace_s
        if randomize:
            start += rng.uniform(-0.025, 0.025)
            weight = 10.0 ** (rng.uniform(-3.0, 1.0) / 20.0) * (1.0 if k % 2 == 0 else 0.85)
            step = _footstep(rng, weight, surface=surface)
        else:
            step = fixed
        dsp.place(track, step, start)
    return track


@recipe("m08-footsteps")
def footsteps(space: str = "dry", steps: int = 12, seed: int = 4):
    """A walk of footsteps on a hard floor, as recorded on a Foley stage or placed in a space.

    "dry": close-miked, no room (the Foley stage's dead acoustics), mono.
    "hall": the same steps placed in a large stone hallway for the picture: a gentle
    low-pass for distance, a 25 ms pre-delay and a 2.2 s reverb at 40 % wet, stereo.
    """
    if space not in ("dry", "hall"):
        raise ValueError('space must be "dry" or "hall"')
    x = _walk(steps, 0.55, seed)
    x = np.concatenate([x, np.zeros(int(1.2 * SR))])
    if space == "dry":
        return dsp.to_peak(x, -3.0)
    far = filters.lowpass(x, 6000.0, order=2)
    wet = effects.reverb(far, rt60=2.2, predelay_ms=25.0, mix=0.4, seed=seed, damping=0.4)
    return dsp.to_peak(wet, -3.0)


@recipe("m08-footstep-variation")
def footstep_variation(randomize: bool = False, steps: int = 14, seed: int = 6):
    """The same walk built from one footstep sample repeated (False) or from a fresh
    variation for every step, with random level (-3 to +1 dB), a heavier/lighter foot
    alternation and timing offsets of up to 25 ms (True): what a game's random container
    does."""
    x = _walk(steps, 0.5, seed, randomize=randomize, surface="gravel")
    return dsp.to_peak(x, -3.0)


# --------------------------------------------------------------------------- sound design

@recipe("m08-impact-layers")
def impact_layers(seed: int = 8):
    """A designed door slam heard layer by layer, then with all three layers together.

    Low layer: a 55 Hz sine dropping to 38 Hz with a 250 ms decay (weight). Body: noise
    band-passed 150 Hz to 1.2 kHz with a 120 ms decay (the wood). Top: a 6 ms click
    high-passed at 3 kHz (the latch). Each plays alone, one second apart, then all three.
    """
    rng = np.random.default_rng(seed)
    n = int(0.9 * SR)
    t = np.arange(n) / SR
    f = 38.0 + 17.0 * np.exp(-t / 0.08)
    low = np.sin(2 * np.pi * np.cumsum(f) / SR) * np.exp(-t / 0.25) * np.minimum(1.0, t / 0.003)
    body = np.zeros(n)
    dsp.add_at(body, _burst(rng, 0.6, 150.0, 1200.0, 1.0, 120.0), 0)
    top = np.zeros(n)
    dsp.add_at(top, _burst(rng, 0.03, 3000.0, 14000.0, 0.2, 6.0), 0)
    layers = [dsp.to_peak(low, -3.0), dsp.to_peak(body, -6.0), dsp.to_peak(top, -9.0)]
    together = layers[0] + layers[1] + layers[2]
    out = dsp.concat(*layers, together, gap=0.6)
    out = np.concatenate([np.zeros(int(0.2 * SR)), out, np.zeros(int(0.3 * SR))])
    return dsp.to_peak(out, -3.0)


# --------------------------------------------------------------------------- games

LAYER_RANGES = {
    # layer: intensity range (0-100) over which its gain rises from silence to full
    "pad": (0.0, 0.0),
    "bass": (20.0, 40.0),
    "drums": (45.0, 70.0),
    "lead": (75.0, 100.0),
}


def layer_gain(layer, intensity):
    """Linear gain of a music layer for a game intensity parameter (an RTPC curve).

    Each layer fades in along a raised-cosine curve across its range in LAYER_RANGES and
    stays at full level above it; the pad is always on. Used by the recipe and the figure.
    """
    lo, hi = LAYER_RANGES[layer]
    x = np.asarray(intensity, dtype=np.float64)
    if hi <= lo:
        return np.ones_like(x)
    u = np.clip((x - lo) / (hi - lo), 0.0, 1.0)
    return 0.5 - 0.5 * np.cos(np.pi * u)


@recipe("m08-vertical-layers")
def vertical_layers(bpm: float = 110.0, levels: list = (10, 35, 65, 100)):
    """Vertical layering: one piece of music whose layers enter as a game's intensity rises.

    Four stems play in sync for 8 bars; every 2 bars the intensity parameter steps up
    (10, 35, 65, 100 by default) and each stem's gain follows its curve (layer_gain),
    ramped over 250 ms so the changes are smooth: pad alone, then + bass, + drums, + lead.
    """
    bars = 2 * len(levels)
    stems = {
        "pad": dsp.mono(music.chord_pad(bars=bars, bpm=bpm)),
        "bass": music.bass_line(bars=bars, bpm=bpm),
        "drums": music.drum_loop(bars=bars, bpm=bpm),
        "lead": music.lead(bars=bars, bpm=bpm),
    }
    mix_db = {"pad": -3.0, "bass": -2.0, "drums": 0.0, "lead": -5.0}
    n = min(len(x) for x in stems.values())
    section = n // len(levels)
    intensity = np.repeat(np.asarray(levels, dtype=float), section)
    intensity = np.concatenate([intensity, np.full(n - len(intensity), float(levels[-1]))])
    out = np.zeros(n)
    for name, x in stems.items():
        gain = _smooth(layer_gain(name, intensity), 80.0)
        out += x[:n] * gain * 10.0 ** (mix_db[name] / 20.0)
    return dsp.to_peak(dsp.fade(out, 0.01, 0.5), -3.0)


# --------------------------------------------------------------------------- podcasts

def _raw_podcast(seconds, seed):
    """A home-recorded host: level that wanders as the speaker moves, room rumble, plosive
    thumps, hot sibilance and a noise floor, all at a modest recording level."""
    rng = np.random.default_rng(seed)
    voice, active = _speech(seconds, seed=seed, f0=112.0, sibilance=1.8)
    n = len(voice)
    # the speaker leans in and out: slow level changes of about +-5 dB per phrase
    edges = np.flatnonzero(np.diff(active.astype(int)) == 1)
    lean = np.zeros(n)
    last = 0
    for e in list(edges) + [n]:
        lean[last:e] = rng.uniform(-5.0, 4.0)
        last = e
    voice = voice * 10.0 ** (_smooth(lean, 200.0) / 20.0)
    # plosive "pops": low thumps at a few syllable onsets
    for e in edges[::2]:
        tt = np.arange(int(0.08 * SR)) / SR
        pop = np.sin(2 * np.pi * 45.0 * tt) * np.exp(-tt / 0.03) * 0.25
        dsp.add_at(voice, pop, int(e))
    rumble = filters.lowpass(g.white_noise(seconds, seed=seed + 7)[:n], 90.0, order=4)
    rumble *= 10.0 ** (-40.0 / 20.0) / np.sqrt(np.mean(rumble ** 2))
    floor = _room_tone(seconds, seed=seed + 8, level_db=-52.0, hum_hz=60.0)[:n]
    raw = voice + rumble + floor
    return dsp.to_peak(raw, -9.0)


def podcast_chain(x):
    """The course's podcast chain: high-pass, gentle noise expander, EQ, compressor,
    de-esser, then loudness normalization to -16 LUFS with true peak at most -1 dBTP."""
    y = filters.highpass(x, 80.0, order=4)                       # rumble and pops
    y = dynamics.expand(y, threshold_db=-45.0, ratio=2.0, range_db=-12.0,
                        attack_ms=2.0, release_ms=150.0)         # lowers the noise floor
    y = filters.biquad(y, "peak", 300.0, q=1.0, gain_db=-2.0)    # less boxiness
    y = filters.biquad(y, "peak", 3500.0, q=0.8, gain_db=2.0)    # presence
    y = dynamics.compress(y, threshold_db=-32.0, ratio=3.0, attack_ms=8.0,
                          release_ms=150.0, knee_db=6.0, detector="rms")
    y = dynamics.deess(y, threshold_db=-40.0, freq=5500.0, ratio=4.0)
    # bring the level up, catch the few remaining peaks, then set the loudness exactly
    y = loudness.normalize(y, target_lufs=-16.0, ceiling_dbtp=20.0)
    y = dynamics.limit(y, ceiling_db=-2.0, release_ms=60.0)
    return loudness.normalize(y, target_lufs=-16.0, ceiling_dbtp=-1.0)


@recipe("m08-podcast")
def podcast(processed: bool = False, seconds: float = 14.0, seed: int = 21):
    """A podcast host as recorded at home (False) and after the processing chain (True).

    Raw: uneven level, low rumble and pops, sharp "s" sounds, integrated loudness well
    below -16 LUFS. Processed: podcast_chain, ending at -16 LUFS integrated and at most
    -1 dBTP (the figures in Apple's podcast audio guidance). Mono.
    """
    raw = _raw_podcast(seconds, seed)
    return podcast_chain(raw) if processed else raw
