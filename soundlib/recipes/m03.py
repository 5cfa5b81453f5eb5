"""Audio examples for Module 3: The studio and the DAW.

Every recipe is deterministic (noise takes a seed), returns float64 at soundlib.SR and
stays between 2 and 20 seconds long. The music comes from soundlib.music, so nothing here
is a recording.
"""
import numpy as np

from soundlib import SR, dsp, effects, filters, music
from soundlib import generators as g
from soundlib.recipes import recipe

SPEED_OF_SOUND = 343.0  # m/s in air at 20 °C


def _mains_hum(mains_hz, seconds, seed=0):
    """Hum and buzz as picked up from the mains: the mains frequency and its harmonics.

    A ground loop adds the fundamental; rectifiers and transformers in power supplies add
    strong harmonics (the "buzz"), odd ones especially. Phases are fixed by the seed.
    """
    amplitudes = [1.0, 0.45, 0.7, 0.2, 0.4, 0.1, 0.25, 0.06, 0.15, 0.04, 0.08]
    rng = np.random.default_rng(seed)
    phases = rng.uniform(0.0, 2.0 * np.pi, len(amplitudes))
    return g.harmonic_series(mains_hz, seconds, amplitudes, phases=phases)


@recipe("m03-hum")
def hum(line: str = "unbalanced", mains_hz: float = 50.0, hum_db: float = -24.0,
        cmrr_db: float = 60.0, lead_in: float = 1.5, bars: int = 4):
    """A mix sent down a line that picks up mains hum, received unbalanced or balanced.

    The interference is the same voltage on every conductor (common mode). An unbalanced
    input adds all of it to the signal. A balanced input takes the difference of its two
    legs, hot minus cold, so the hum cancels except for the small mismatch that a real
    input's common-mode rejection ratio (cmrr_db) allows. hum_db is the hum's RMS level
    relative to the music's RMS level; lead_in seconds of silence come first, so that the
    line is heard on its own.
    """
    if line not in ("unbalanced", "balanced"):
        raise ValueError(f"line must be 'unbalanced' or 'balanced', not {line!r}")
    song = dsp.mono(music.rough_mix(music.song_stems(bars=bars, seed=3)))
    song = dsp.to_rms(song, -22.0)
    signal = dsp.pad(song, 0.5, before=lead_in)
    seconds = len(signal) / SR
    interference = dsp.to_rms(_mains_hum(mains_hz, seconds), -22.0 + hum_db)[: len(signal)]
    if line == "unbalanced":
        out = signal + interference
    else:
        mismatch = dsp.db_to_gain(-cmrr_db)
        hot = 0.5 * signal + interference
        cold = -0.5 * signal + interference * (1.0 + mismatch)
        out = hot - cold
    return dsp.fade(out, 0.05, 0.3)


@recipe("m03-gain-staging")
def gain_staging(take: str = "healthy", shortfall_db: float = 40.0,
                 interface_noise_dbfs: float = -95.0, healthy_peak_dbfs: float = -10.0,
                 seed: int = 4):
    """A sung phrase recorded at a healthy level, or far too low and raised afterwards.

    The interface adds its own steady noise (white, interface_noise_dbfs RMS) whatever the
    preamp gain. "healthy": the voice peaks at healthy_peak_dbfs. "raised": the voice was
    recorded shortfall_db lower, then the clip gain was raised by shortfall_db, which lifts
    the interface's noise by the same amount. The phrase has silence before and after it, so
    you can hear the noise floor on its own.
    """
    if take not in ("healthy", "raised"):
        raise ValueError(f"take must be 'healthy' or 'raised', not {take!r}")
    voice = music.vox(bars=4, seed=1)
    voice = dsp.pad(voice, 1.5, before=1.5)
    level = healthy_peak_dbfs if take == "healthy" else healthy_peak_dbfs - shortfall_db
    recorded = dsp.to_peak(voice, level)
    noise = dsp.to_rms(g.white_noise(len(recorded) / SR, seed=seed), interface_noise_dbfs)
    recorded = recorded + noise[: len(recorded)]
    if take == "raised":
        recorded = dsp.gain(recorded, shortfall_db)
    return recorded


@recipe("m03-sbir")
def sbir(wall_m: float = 0.0, reflection_gain: float = 0.7, bars: int = 4):
    """A bass line from a speaker, alone (wall_m = 0) or with its front-wall reflection.

    Below a few hundred hertz a speaker radiates backwards as well as forwards; the wave
    that bounces off the wall behind it arrives 2 * wall_m / c later than the direct sound
    and cancels it where that delay is half a period: the first notch is at c / (4 wall_m)
    (86 Hz for 1 m). The reflection is low-passed at 250 Hz because higher frequencies leave
    the speaker mostly forwards.
    """
    bass = music.bass_line(bars=bars, seed=2)
    out = dsp.pad(bass, 0.5)
    if wall_m > 0:
        delay = int(round(2.0 * wall_m / SPEED_OF_SOUND * SR))
        # zero-phase low-pass (forward and backward), so the notch stays at c / (4 wall_m)
        smooth = filters.lowpass(filters.lowpass(out, 250.0, order=2)[::-1], 250.0, order=2)
        reflected = smooth[::-1] * reflection_gain
        out = out + dsp.delay_samples(reflected, delay)[: len(out)]
    return dsp.fade(out, 0.01, 0.2)


@recipe("m03-send")
def send(mode: str = "post", send_db: float = -3.0, rt60: float = 2.4,
         fade_start: float = 3.5, fade_end: float = 6.5):
    """A voice with a reverb send while its fader is pulled down to silence.

    The fader rides from 0 dB at fade_start down to silence at fade_end (linear in dB
    to -60 dB, then off). "post": the send taps the signal after the fader, so the reverb
    fades with the voice. "pre": the send taps it before the fader, so the reverb keeps
    being fed at full level after the dry voice is gone.
    """
    if mode not in ("post", "pre"):
        raise ValueError(f"mode must be 'post' or 'pre', not {mode!r}")
    voice = music.vox(bars=4, seed=5)
    n = len(voice)
    t = np.arange(n) / SR
    ramp = np.clip((t - fade_start) / (fade_end - fade_start), 0.0, 1.0)
    fader = dsp.db_to_gain(-60.0 * ramp)
    fader[t >= fade_end] = 0.0
    dry = voice * fader
    tap = dry if mode == "post" else voice
    wet = effects.reverb(tap * dsp.db_to_gain(send_db), rt60=rt60, predelay_ms=30.0,
                         mix=1.0, seed=7, tail=True)
    out = dsp.mix(dsp.stereo(dry), wet)
    out = out[: n + int(rt60 * SR)]
    return dsp.fade(out, 0.0, 0.5)


def _splice_points(total, every, first):
    return [int(round((first + k * every) * SR)) for k in range(int((total - first) / every) + 1)
            if (first + k * every) < total - 0.2]


@recipe("m03-edit")
def edit(fade_ms: float = 0.0, every: float = 0.85, offset_ms: float = 13.7, bars: int = 4):
    """A comp of a sustained pad built from two takes, spliced every `every` seconds.

    Take B is the same part played offset_ms later (a small timing difference between
    takes), so at each splice the waveform jumps from one value to another. fade_ms = 0:
    butt splices with no fades, and the region starts and stops abruptly: every jump is a
    click. fade_ms > 0: each splice is a crossfade of that length (equal power, centered
    on the splice) and the region has fades of that length at both ends.
    """
    pad = dsp.mono(music.chord_pad(bars=bars))
    shift = int(round(offset_ms / 1000.0 * SR))
    take_a = pad
    take_b = np.concatenate([np.zeros(shift), pad[:-shift]])
    start = int(0.3 * SR)  # the region starts in the middle of the sound
    take_a, take_b = take_a[start:], take_b[start:]
    n = len(take_a)
    points = _splice_points(n / SR, every, every / 2)
    # which take plays in each segment: A, B, A, B ...
    choose_b = np.zeros(n)
    edges = [0] + points + [n]
    for k in range(len(edges) - 1):
        choose_b[edges[k]:edges[k + 1]] = k % 2
    if fade_ms > 0:
        half = max(1, int(round(fade_ms / 1000.0 * SR / 2)))
        ramp = np.linspace(0.0, 1.0, 2 * half)
        for k, p in enumerate(points):
            lo, hi = max(0, p - half), min(n, p + half)
            seg = ramp[: hi - lo]
            choose_b[lo:hi] = seg if k % 2 == 0 else 1.0 - seg
        gain_b = np.sin(0.5 * np.pi * choose_b)
        gain_a = np.cos(0.5 * np.pi * choose_b)
    else:
        gain_b = choose_b
        gain_a = 1.0 - choose_b
    out = gain_a * take_a + gain_b * take_b
    if fade_ms > 0:
        out = dsp.fade(out, fade_ms / 1000.0, fade_ms / 1000.0)
    return dsp.pad(out, 0.4, before=0.3)


@recipe("m03-crossfade")
def crossfade(curve: str = "equal-gain", sources: str = "uncorrelated", hold: float = 2.5,
              length: float = 4.0, rms_db: float = -24.0):
    """Crossfade from one steady pink noise (A) to another (B) with a given fade curve.

    curve "equal-gain": A's gain falls linearly from 1 to 0 while B's rises from 0 to 1
    (each 0.5, -6 dB, in the middle). curve "equal-power": cosine and sine curves (each
    0.707, -3 dB, in the middle). sources "uncorrelated": A and B are different noises, so
    their powers add; "correlated": B is the very same noise as A, so their amplitudes add.
    Layout: hold seconds of A, the crossfade, hold seconds of B.
    """
    if curve not in ("equal-gain", "equal-power"):
        raise ValueError(f"curve must be 'equal-gain' or 'equal-power', not {curve!r}")
    if sources not in ("uncorrelated", "correlated"):
        raise ValueError(f"sources must be 'uncorrelated' or 'correlated', not {sources!r}")
    total = 2 * hold + length
    a = dsp.to_rms(g.pink_noise(total, seed=21), rms_db)
    b = a.copy() if sources == "correlated" else dsp.to_rms(g.pink_noise(total, seed=22), rms_db)
    t = np.arange(len(a)) / SR
    x = np.clip((t - hold) / length, 0.0, 1.0)  # 0 before the fade, 1 after it
    if curve == "equal-gain":
        ga, gb = 1.0 - x, x
    else:
        ga, gb = np.cos(0.5 * np.pi * x), np.sin(0.5 * np.pi * x)
    return dsp.fade(ga * a + gb * b, 0.05, 0.05)
