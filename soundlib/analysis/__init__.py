"""Measurements for listening claims: level, loudness, spectrum, stereo and envelope.

Each function takes audio as the sound library makes it (float64, mono ``(n,)`` or stereo
``(n, 2)``, full scale ±1.0) and the sample rate, and returns one number, so that a caption's
claim ("about 2 dB louder", "brighter", "cancels in mono", "the tails come up") can be checked
against the samples the learner hears. Levels are in dB; times in seconds; frequencies in Hz.
Silence reads as ``FLOOR_DB`` (−200 dB) rather than −inf, so differences stay finite.

Conventions:

- *Stereo level* is the mean power of the two channels (a mono signal copied to both channels
  reads the same as the mono signal).
- ``view(x, how)`` picks what to measure: ``"mix"`` (all channels), ``"left"``, ``"right"``,
  ``"mono"`` (the mono sum (L + R) / 2, what one speaker plays) or ``"side"`` ((L − R) / 2).
- Spectra are Welch averages (Hann window, 50 % overlap) from ``scipy.signal``.
"""

from __future__ import annotations

from soundlib.analysis.envelope import (
    block,
    blocks,
    decay_time_s,
    echo_delay_ms,
    envelope_db,
    envelope_rate_hz,
    event_count,
    event_interval_spread_ms,
    event_level_range_db,
    event_times_levels,
    framewise_peak_boost_db,
    interchannel_lag_ms,
    level_percentile_db,
    level_spread_db,
    onset_jitter_ms,
    onsets_s,
    rise_time_s,
    silence_onset_s,
    swing_offset_ms,
    time_to_peak_s,
)
from soundlib.analysis.levels import (
    FLOOR_DB,
    channel_difference_db,
    crest_factor_db,
    duration_s,
    lufs,
    max_correlation,
    peak_db,
    peak_to_loudness_db,
    residual_db,
    rms_db,
    segment,
    true_peak_db,
    view,
)
from soundlib.analysis.spectra import (
    band_filter,
    band_level_db,
    band_share_db,
    harmonic_share_db,
    mono_loss_db,
    peak_frequency_hz,
    side_to_mid_db,
    spectral_centroid_hz,
    transfer_db,
    transfer_extreme_db,
)

__all__ = [
    "FLOOR_DB", "segment", "view", "rms_db", "peak_db", "lufs", "true_peak_db",
    "crest_factor_db", "peak_to_loudness_db", "band_level_db", "band_share_db",
    "spectral_centroid_hz", "mono_loss_db", "side_to_mid_db",
    "channel_difference_db", "interchannel_lag_ms", "envelope_db", "level_percentile_db",
    "level_spread_db", "envelope_rate_hz", "peak_frequency_hz", "duration_s", "blocks",
    "block", "band_filter", "silence_onset_s", "time_to_peak_s", "transfer_db",
    "transfer_extreme_db", "residual_db", "max_correlation",
    "event_times_levels", "event_count", "event_level_range_db", "event_interval_spread_ms",
    "swing_offset_ms", "rise_time_s", "echo_delay_ms",
    "onset_jitter_ms", "framewise_peak_boost_db", "onsets_s", "decay_time_s",
    "harmonic_share_db",
]
