"""Recipes for the mixing, mastering and live-sound labs (``.. lab::`` kinds ``eq``,
``compressor``, ``pan_width``, ``loudness`` and ``speaker_delay``; ext/labs/kinds/).

Each renders the sound of a lab's settings for the print editions and for pages read without
JavaScript. Their keyword parameters are the lab's parameter names; the defaults are defined
once, in the kind modules, and passed in by the lab directive.

Two sources are formulas rather than noise, so that the browser (ext/static/labs/*.js) makes
the very same samples and the agreement tests can compare the processed results sample by
sample: :func:`lab_hits` (the compressor's drum hits) and :func:`lab_loop` (the loudness
lab's loop). All recipes are deterministic.
"""

from __future__ import annotations

import numpy as np

from soundlib import SR, alignment, dsp, dynamics, effects, filters, loudness, music
from soundlib import generators as g
from soundlib.recipes import recipe

#: The loudness lab's limiter: the settings of Module 7's mastering examples.
LIMITER_RELEASE_MS = 80.0
LIMITER_LOOKAHEAD_MS = 5.0
#: The true-peak ceiling a platform's turn-up stops at (Spotify's stated rule).
PLATFORM_CEILING_DBTP = -1.0


# --------------------------------------------------------------------------- sources


def lab_hits(sr: int = SR) -> np.ndarray:
    """Eight drum-like hits at 96 BPM eighth notes (0.3125 s apart) in 2.6 s, mono: a 60 Hz
    kick (peak about -1 dBFS) and a snare (190 Hz body, 3.1 kHz crack) alternating.
    ``CourseLabCompressor.hits`` in ext/static/labs/compressor.js is the same formula."""
    n = int(round(2.6 * sr))
    x = np.zeros(n)
    for k in range(8):
        start = int(round(k * 0.3125 * sr))
        t = np.arange(n - start) / sr
        if k % 2 == 0:
            v = 0.89 * np.sin(2 * np.pi * 60 * t) * np.exp(-t / 0.12)
        else:
            v = (0.45 * np.sin(2 * np.pi * 190 * t) * np.exp(-t / 0.08)
                 + 0.3 * np.sin(2 * np.pi * 3100 * t) * np.exp(-t / 0.03))
        x[start:] += v
    return x


def lab_loop(sr: int = SR) -> np.ndarray:
    """Two seconds (one bar) at 120 BPM, stereo ``(n, 2)``: kick on the beat, bass on the off-beat, a
    held A minor chord (ten harmonics per note) and bright "hats" (five inharmonic partials)
    on the eighth notes. ``CourseLabLoudness.loop`` in ext/static/labs/loudness.js is the
    same formula."""
    n = int(round(2 * sr))
    t = np.arange(n) / sr
    tb = np.mod(t, 0.5)
    te = np.mod(t, 0.25)
    kick = 0.8 * np.sin(2 * np.pi * 50 * tb + 4 * (1 - np.exp(-tb / 0.015))) * np.exp(-tb / 0.18)
    tbb = tb - 0.25
    bass = sum(np.sin(2 * np.pi * 55 * h * tbb) / h for h in range(1, 7))
    bass = np.where(tb >= 0.25, 0.25 * bass * np.exp(-tbb / 0.2), 0.0)
    pad = 0.04 * sum(np.sin(2 * np.pi * f * k * t + c) / k
                     for c, f in enumerate((220.0, 277.18, 329.63)) for k in range(1, 11))
    hats = 0.03 * np.exp(-te / 0.03) * sum(
        np.sin(2 * np.pi * f * te + m) for m, f in enumerate((6200.0, 7300.0, 8900.0, 10400.0, 12100.0)))
    left = kick + bass + pad + 0.8 * hats
    right = kick + bass + 0.8 * pad + hats
    return np.column_stack([left, right])


# --------------------------------------------------------------------------- Module 6


def eq_chain(x, low_shelf_hz, low_shelf_db, bell_hz, bell_db, bell_q, high_shelf_hz,
             high_shelf_db, sr: int = SR):
    """The EQ lab's three bands in series, as the browser's BiquadFilterNodes: a low shelf
    and a high shelf with the slope S = 1 the Web Audio API uses (cookbook q = 1/√2), and a
    peaking bell."""
    q_shelf = float(np.sqrt(0.5))
    y = filters.biquad(x, "lowshelf", low_shelf_hz, q=q_shelf, gain_db=low_shelf_db, sr=sr)
    y = filters.biquad(y, "peak", bell_hz, q=bell_q, gain_db=bell_db, sr=sr)
    return filters.biquad(y, "highshelf", high_shelf_hz, q=q_shelf, gain_db=high_shelf_db, sr=sr)


@recipe("lab-eq")
def eq(low_shelf_hz: float = 150.0, low_shelf_db: float = 0.0, bell_hz: float = 300.0,
       bell_db: float = -6.0, bell_q: float = 1.2, high_shelf_hz: float = 10000.0,
       high_shelf_db: float = 3.0, seconds: float = 4.0, seed: int = 5):
    """Pink noise through the EQ lab's three bands (:func:`eq_chain`), faded in and out."""
    x = g.pink_noise(seconds, amp=0.25, seed=seed)
    y = eq_chain(x, low_shelf_hz, low_shelf_db, bell_hz, bell_db, bell_q, high_shelf_hz,
                 high_shelf_db)
    return dsp.fade(y, 0.05, 0.05)


@recipe("lab-compressor")
def compressor(threshold_db: float = -20.0, ratio: float = 4.0, knee_db: float = 0.0,
               attack_ms: float = 0.5, release_ms: float = 60.0, makeup_db: float = 0.0):
    """The compressor lab's drum hits (:func:`lab_hits`) through ``dynamics.compress``
    (peak detector), then padded with 0.2 s of silence."""
    y = dynamics.compress(lab_hits(), threshold_db=threshold_db, ratio=ratio,
                          attack_ms=attack_ms, release_ms=release_ms, knee_db=knee_db,
                          makeup_db=makeup_db)
    return dsp.pad(y, 0.2)


def law_db(law: str) -> float:
    """``"−4.5 dB"`` (a pan-law choice of the lab) -> -4.5."""
    return float(str(law).replace("\u2212", "-").split()[0])


@recipe("lab-pan-width")
def pan_width(pan: float = 0.0, law: str = "\u22123 dB", width: float = 100.0,
              seconds: float = 4.0):
    """A mono lead (pink noise in short bursts) panned with ``law`` to ``pan`` (−100 left ..
    100 right, ``effects.pan_gains``) over a wide pad (two independent pink noises, low-passed
    at 2 kHz, one per channel), then the mix's side signal scaled to ``width`` percent
    (``effects.width``)."""
    n = dsp.n_samples(seconds)
    t = np.arange(n) / SR
    gate = (np.mod(t, 0.5) < 0.25).astype(float)
    lead = g.pink_noise(seconds, amp=0.3, seed=21) * dsp.fade(gate, 0.0, 0.0)
    gl, gr = effects.pan_gains(pan / 100.0, law_db(law))
    pad = np.column_stack([
        filters.lowpass(g.pink_noise(seconds, amp=0.12, seed=22), 2000.0, order=2),
        filters.lowpass(g.pink_noise(seconds, amp=0.12, seed=23), 2000.0, order=2)])
    mix = np.column_stack([lead * float(gl), lead * float(gr)]) + pad
    return dsp.fade(effects.width(mix, width / 100.0), 0.05, 0.05)


# --------------------------------------------------------------------------- Module 7


def platform_target(platform: str) -> float:
    """``"Spotify, −14 LUFS"`` (a platform choice of the lab) -> -14.0."""
    text = str(platform).replace("\u2212", "-")
    return float(text.split(",")[-1].split("LUFS")[0].split()[-1])


def loudness_chain(drive_db: float, ceiling_db: float, platform: str) -> dict:
    """The loudness lab's chain on :func:`lab_loop`: the drive gain, the look-ahead limiter
    (``dynamics.limit``, 80 ms release, 5 ms look-ahead), the master's loudness and true
    peak (``soundlib.loudness``), and the platform's gain (``loudness.normalize_report``'s
    rule: target minus loudness, a turn-up stopping at -1 dBTP). Returns the numbers and
    the ``master`` and ``played`` signals."""
    driven = dsp.gain(lab_loop(), drive_db)
    master = dynamics.limit(driven, ceiling_db=ceiling_db, release_ms=LIMITER_RELEASE_MS,
                            lookahead_ms=LIMITER_LOOKAHEAD_MS)
    played, report = loudness.normalize_report(master, platform_target(platform),
                                               PLATFORM_CEILING_DBTP)
    return {
        "input_lufs": loudness.integrated_lufs(driven),
        "input_true_peak": loudness.true_peak_dbtp(driven),
        "lufs": loudness.integrated_lufs(master),
        "true_peak": loudness.true_peak_dbtp(master),
        "platform_gain": report["gain_db"],
        "played_lufs": report["lufs"],
        "played_true_peak": report["true_peak_dbtp"],
        "master": master,
        "played": played,
    }


@recipe("lab-loudness")
def loudness_lab(drive_db: float = 9.0, ceiling_db: float = -1.0,
                 platform: str = "Spotify, \u221214 LUFS"):
    """The master (limited loop) and then the same master as the platform plays it, with
    0.5 s of silence between them."""
    out = loudness_chain(drive_db, ceiling_db, platform)
    return dsp.concat(out["master"], out["played"], gap=0.5)


# --------------------------------------------------------------------------- Module 9


def tower_arrivals(tower_m: float, behind_m: float, temp_c: float, delay_ms: float,
                   sr: int = SR) -> tuple[int, int]:
    """Arrival times in whole samples (rounded) of the main system and of the tower at the
    listener (``alignment.arrivals_ms``)."""
    main, tower = alignment.arrivals_ms(tower_m, behind_m, temp_c, delay_ms)
    return int(round(main * sr / 1000.0)), int(round(tower * sr / 1000.0))


@recipe("lab-speaker-delay")
def speaker_delay(tower_m: float = 40.0, behind_m: float = 10.0, temp_c: float = 20.0,
                  delay_ms: float = 126.6, tower_level_db: float = 3.0, bars: int = 2):
    """A drum loop heard behind a delay tower: the main system (panned left, a little
    high-frequency loss) and the tower (panned right, ``tower_level_db`` louder), each
    arriving at the time :func:`tower_arrivals` gives."""
    drums = music.drum_loop(bars=bars, bpm=96.0, seed=2)
    main_at, tower_at = tower_arrivals(tower_m, behind_m, temp_c, delay_ms)
    main = effects.pan(filters.lowpass(drums, 9000.0, order=2), -0.7)
    tower = effects.pan(dsp.gain(drums, tower_level_db), 0.7)
    y = dsp.mix(dsp.delay_samples(main, main_at), dsp.delay_samples(tower, tower_at))
    return dsp.to_peak(dsp.fade(dsp.pad(y, 0.4), 0.005, 0.2), -3.0)
