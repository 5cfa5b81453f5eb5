"""Synthesis building blocks: envelopes, pitch, subtractive, FM, wavetable and granular voices.

Conventions (CONTRIBUTING.md, "The sound library API"): mono float64 arrays at ``sr=SR``
(48 kHz), full scale ±1.0, times in seconds. Every voice is deterministic; anything random
takes a ``seed``.

Sources for the techniques:

- subtractive synthesis and ADSR envelopes: the classic voltage-controlled
  oscillator → filter → amplifier chain (Moog, ARP, Sequential); the filter here is the RBJ
  Audio EQ Cookbook low-pass (``soundlib.filters.biquad_coefficients``);
- FM: J. M. Chowning, "The Synthesis of Complex Audio Spectra by Means of Frequency
  Modulation", J. Audio Eng. Soc. 21(7), 1973;
- granular synthesis: C. Roads, *Microsound*, MIT Press 2001.

The voices live in submodules: ``envelopes`` (ADSR, control curves), ``pitch``,
``oscillators``, ``moving_filter`` (filters whose cutoff moves), ``subtractive``, ``fm``,
``wavetable`` and ``granular``. Import the public names from ``soundlib.synth``.
"""

from soundlib.synth.envelopes import adsr
from soundlib.synth.fm import fm
from soundlib.synth.granular import granular
from soundlib.synth.moving_filter import resonant_lowpass, varying_biquad
from soundlib.synth.oscillators import oscillator, polyblep_saw
from soundlib.synth.pitch import note_name_to_midi, note_to_freq
from soundlib.synth.subtractive import subtractive
from soundlib.synth.wavetable import default_tables, wavetable

__all__ = [
    "adsr",
    "note_to_freq",
    "note_name_to_midi",
    "oscillator",
    "polyblep_saw",
    "varying_biquad",
    "resonant_lowpass",
    "subtractive",
    "fm",
    "wavetable",
    "default_tables",
    "granular",
]
