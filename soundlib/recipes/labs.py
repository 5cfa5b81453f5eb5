"""Recipes for the live labs (``.. lab::``, ext/labs/): each renders the sound of a lab's
settings, so that the print editions and pages read without JavaScript can hear the lab's
default setting. Their keyword parameters are the lab's parameter names (see
``ext/labs/kinds/<kind>.py``, where the defaults are defined once).

Every recipe is deterministic (noise and dither take a seed).
"""

import numpy as np

from soundlib import SR, digital, dsp, filters
from soundlib import generators as g
from soundlib.acoustics import room_modes
from soundlib.recipes import recipe
from soundlib.synth.envelopes import adsr
from soundlib.synth.oscillators import oscillator

#: The highest mode frequency the room-modes lab lists and plays (Hz).
ROOM_MODES_FMAX = 300.0


@recipe("lab-comb")
def comb(delay_ms: float = 1.0, mix: float = 100.0, seconds: float = 4.0, seed: int = 3):
    """Pink noise plus a copy of itself delayed ``delay_ms`` at ``mix`` percent of its level
    (``soundlib.filters.comb``), faded in and out."""
    x = g.pink_noise(seconds, amp=0.25, seed=seed)
    return dsp.fade(filters.comb(x, delay_ms, gain=mix / 100.0), 0.05, 0.05)


def chosen_mode(length: float, width: float, height: float, mode: int):
    """``(freq, order, kind)`` of the ``mode``-th lowest mode (1-based; clamped to the modes
    below ``ROOM_MODES_FMAX``)."""
    modes = room_modes(length, width, height, ROOM_MODES_FMAX)
    return modes[min(max(int(mode), 1), len(modes)) - 1]


@recipe("lab-room-modes")
def room_mode_tone(length: float = 5.0, width: float = 4.0, height: float = 2.5, mode: int = 1,
                   seconds: float = 4.0):
    """A sine at the frequency of the room's ``mode``-th lowest mode, faded in and out."""
    freq = chosen_mode(length, width, height, mode)[0]
    return dsp.fade(g.sine(freq, seconds, amp=0.5), 0.1, 0.2)


@recipe("lab-sampling")
def sampling(sample_rate: float = 8000.0, tone_hz: float = 5000.0, bits: int = 8,
             dither: str = "on", seconds: float = 4.0, seed: int = 7):
    """A sine of ``tone_hz`` sampled at ``sample_rate`` with no anti-alias filter and
    reconstructed ideally (a sine at the alias frequency, ``digital.alias_frequency``), at
    half full scale, then quantized to ``bits`` bits with TPDF dither (``dither="on"``) or
    plain rounding (``digital.quantize``)."""
    freq = digital.alias_frequency(tone_hz, sample_rate)
    tone = g.sine(freq, seconds, amp=0.5) if freq > 0 else np.zeros(dsp.n_samples(seconds))
    tone = dsp.fade(tone, 0.05, 0.05)
    return digital.quantize(tone, int(bits), dither="tpdf" if dither == "on" else "none",
                            seed=seed)


def synth_q(resonance_db: float) -> float:
    """The cookbook Q of a Web Audio low-pass whose Q is ``resonance_db`` decibels."""
    return 10.0 ** (resonance_db / 20.0)


@recipe("lab-synth")
def synth(wave: str = "sawtooth", cutoff_hz: float = 1000.0, resonance_db: float = 12.0,
          attack_ms: float = 100.0, decay_ms: float = 300.0, sustain: float = 0.6,
          release_ms: float = 500.0, note_hz: float = 110.0, notes: int = 3):
    """``notes`` notes of a subtractive voice: a band-limited ``wave`` at ``note_hz``, a
    12 dB per octave resonant low-pass (the Web Audio BiquadFilterNode's, whose Q is in dB:
    ``filters.biquad`` with q = 10^(resonance_db/20)), and an ADSR amplitude envelope
    (``sustain`` a level from 0 to 1), each note held 1.2 s."""
    env = adsr(1.2, attack_ms / 1000, decay_ms / 1000, sustain, release_ms / 1000)
    osc = oscillator(note_hz, len(env) / SR, wave, amp=0.5)[: len(env)]
    voice = filters.biquad(osc, "lowpass", cutoff_hz, q=synth_q(resonance_db)) * env
    return dsp.concat(*[voice] * int(notes), gap=0.25)
