"""Every listening claim of the course, measured: one entry per claim (see ``claimcheck``).

``PAIRS`` has one entry per ``audio-pair`` in ``docs/`` (keyed by its two example ids, in
order); ``SINGLES`` the examples outside pairs whose caption or description states a number
or a direction of change. Each entry quotes its phrase verbatim from the caption or the
``:description:`` (the test checks that the phrase is there), names the measurement in
``soundlib.analysis`` and states the expected value and tolerance, or a direction.

Tolerances: levels computed from the recipe's own arithmetic (gains, loudness targets) are
checked to 0.1–0.5 dB; levels that depend on program material (how much a compressor lifts
the tails) to about ±1 dB or as a direction; times to a few ms; frequencies to a few percent.
"""

from __future__ import annotations

from claimcheck import Claim as C  # noqa: N817 (a short name keeps the table readable)
from claimcheck import Perceptual as P  # noqa: N817

PAIRS: dict[tuple[str, str], list] = {
    # -- authoring guide -------------------------------------------------------------------
    ("demo-pair-steady", "demo-pair-beating"): [
        C("demo-pair-beating", "swells and fades twice a second", "envelope_rate_hz", 2.0,
          0.1, unit="Hz"),
    ],
    # -- Module 1 ---------------------------------------------------------------------------
    ("m01-comb-dry", "m01-comb-1ms"): [
        C("m01-comb-1ms", "a faint pitch near 1 kHz, the spacing of the comb's peaks",
          "band_level_db", 10.0, op=">", args={"lo": 950, "hi": 1050},
          minus="m01-comb-1ms", minus_args={"lo": 450, "hi": 550},
          note="peak at 1 kHz against the notch at 500 Hz"),
        C("m01-comb-1ms", "Both clips are matched in loudness", "lufs", 0.0, 0.1, unit="LU",
          minus="m01-comb-dry"),
    ],
    ("m01-room-short", "m01-room-long"): [
        C("m01-room-short", "A short decay (RT60 = 0.3 s)", "decay_time_s", 0.3, 0.15,
          unit="s", at=(3.0, None), args={"start_db": -20, "end_db": -40},
          note="the last hit's tail; fitted from −20 to −40 dB, below the dry snare's own decay"),
        C("m01-room-long", "A long decay (RT60 = 2.0 s)", "decay_time_s", 2.0, 0.3, unit="s",
          at=(3.0, None), args={"start_db": -20, "end_db": -40}),
        C("m01-room-long", "the tail of each hit overlaps the next", "level_percentile_db",
          15.0, op=">", args={"pct": 20}, minus="m01-room-short",
          note="quiet moments (20th percentile of the 20 ms level) relative to the RMS"),
    ],
    # -- Module 2 ---------------------------------------------------------------------------
    ("m02-dither-none", "m02-dither-tpdf"): [
        C("m02-dither-none", "stopping abruptly about halfway through", "silence_onset_s",
          4.5, 1.0, unit="s", note="after this time the file holds digital silence"),
        C("m02-dither-tpdf", "a constant hiss", "rms_db", 60.0, op=">", at=(-1.0, None),
          minus="m02-dither-none", minus_at=(-1.0, None)),
    ],
    ("m02-dither-tpdf-ref", "m02-dither-shaped"): [
        C("m02-dither-shaped", "there is more noise in total", "rms_db", 0.0, op=">",
          at=(-1.0, None), minus="m02-dither-tpdf-ref", minus_at=(-1.0, None)),
        C("m02-dither-shaped", "but less of it where your ear is sharpest", "band_level_db",
          0.0, op="<", args={"lo": 2000, "hi": 5000}, at=(-1.0, None),
          minus="m02-dither-tpdf-ref", minus_at=(-1.0, None)),
        C("m02-dither-shaped", "the hiss moving up into a thin, high, airy sound",
          "spectral_centroid_hz", 2000.0, op=">", unit="Hz", at=(-1.0, None),
          minus="m02-dither-tpdf-ref", minus_at=(-1.0, None)),
    ],
    ("m02-rate-correct", "m02-rate-wrong"): [
        C("m02-rate-wrong", "a little under a whole tone lower (1.47 semitones)",
          "spectral_centroid_hz", -1.47, 0.05, unit="semitones", minus="m02-rate-correct",
          combine="semitones"),
        C("m02-rate-wrong", "sounding a little sluggish", "duration_s", 1.47, 0.05,
          unit="semitones", minus="m02-rate-correct", combine="semitones",
          note="8.8 % longer: the same ratio as the pitch"),
    ],
    ("m02-sweep-filtered", "m02-sweep-aliased"): [
        C("m02-sweep-filtered", "simply fading out near 6 kHz", "rms_db", -40.0, op="<",
          at=(6.5, 7.9), minus="m02-sweep-filtered", minus_at=(0.5, 5.0)),
        C("m02-sweep-aliased", "11 kHz arrives at 12 − 11 = 1 kHz", "peak_frequency_hz",
          1150.0, 200.0, unit="Hz", at=(7.9, None),
          note="the last 0.1 s sweeps 10.7 to 11 kHz, heard at 1.3 to 1.0 kHz"),
    ],
    # -- Module 3 ---------------------------------------------------------------------------
    ("m03-hum-unbalanced", "m03-hum-balanced"): [
        C("m03-hum-unbalanced", "24 dB below the music's average level", "rms_db", -24.0,
          1.5, at=(0.2, 1.4), minus="m03-hum-unbalanced", minus_at=(1.6, None)),
        C("m03-hum-balanced", "84 dB below the music's average level", "rms_db", -84.0, 2.0,
          at=(0.2, 1.4), minus="m03-hum-balanced", minus_at=(1.6, None)),
    ],
    ("m03-send-post", "m03-send-pre"): [
        C("m03-send-pre", "Listen after the six-and-a-half-second mark", "rms_db", 20.0,
          op=">", at=(6.6, None), minus="m03-send-post", minus_at=(6.6, None),
          note="the pre-fader reverb keeps sounding after the fader closes"),
    ],
    ("m03-edit-hard", "m03-edit-faded"): [
        C("m03-edit-hard", "Every splice clicks", "band_level_db", 6.0, op=">",
          args={"lo": 8000, "hi": 20000}, minus="m03-edit-faded",
          note="the clicks are broadband; the pad has almost nothing above 8 kHz"),
    ],
    ("m03-xfade-gain", "m03-xfade-power"): [
        C("m03-xfade-gain", "the level dipping by 3 dB in the middle of the crossfade",
          "rms_db", -3.0, 0.5, at=(4.25, 4.75), minus="m03-xfade-gain", minus_at=(0.5, 2.0)),
        C("m03-xfade-power", "The level stays steady from start to end", "rms_db", 0.0, 0.5,
          at=(4.25, 4.75), minus="m03-xfade-power", minus_at=(0.5, 2.0)),
    ],
    ("m03-gain-raised", "m03-gain-healthy"): [
        C("m03-gain-raised", "came up by the same 40 dB", "rms_db", 40.0, 1.0, at=(0.2, 1.3),
          minus="m03-gain-healthy", minus_at=(0.2, 1.3),
          note="both are normalized to the same loudness, so the voices match"),
        C("m03-gain-healthy", "it now sits 85 dB below the peaks", "peak_db", 85.0, 2.0,
          minus="m03-gain-healthy", minus_at=(0.2, 1.3), minus_measure="rms_db",
          minus_args={}, note="sample peak of the take minus the RMS of the noise alone"),
    ],
    ("m03-sbir-free", "m03-sbir-wall"): [
        C("m03-sbir-wall", "with a notch at 86 Hz", "band_share_db", -6.0, op="<",
          args={"lo": 80, "hi": 92}, minus="m03-sbir-free"),
    ],
    # -- Module 4 ---------------------------------------------------------------------------
    ("m04-two-mics-close-ratio", "m04-two-mics-3-to-1"): [
        C("m04-two-mics-close-ratio", "listen for the hollow, filtered color in blocks two and four",
          "transfer_extreme_db", -10.0, op="<", args={"which": "min", "lo": 200, "hi": 10000},
          block=1, against="m04-two-mics-close-ratio", against_block=0,
          note="the first notch of a copy 1.6 dB down, 0.17 ms late: −15.4 dB at 2.9 kHz"),
        C("m04-two-mics-3-to-1", "the +2.5 / −3.5 dB ripple", "transfer_extreme_db", 2.5, 1.0,
          args={"which": "max", "lo": 200, "hi": 8000}, block=1,
          against="m04-two-mics-3-to-1", against_block=0),
        C("m04-two-mics-3-to-1", "the +2.5 / −3.5 dB ripple", "transfer_extreme_db", -3.5, 1.0,
          args={"which": "min", "lo": 200, "hi": 8000}, block=1,
          against="m04-two-mics-3-to-1", against_block=0),
    ],
    ("m04-proximity-far", "m04-proximity-near"): [
        C("m04-proximity-near", "the near one seems to lose some brightness",
          "spectral_centroid_hz", 0.0, op="<", unit="Hz", minus="m04-proximity-far"),
        C("m04-proximity-near", "The low notes sound fuller, more boomy and darker",
          "band_share_db", 3.0, op=">", args={"lo": 60, "hi": 250},
          minus="m04-proximity-far"),
    ],
    ("m04-snare-uncorrected", "m04-snare-corrected"): [
        C("m04-snare-uncorrected", "in opposite polarity and mostly cancels", "band_share_db",
          -6.0, op="<", args={"lo": 150, "hi": 220}, minus="m04-snare-corrected"),
    ],
    # -- Module 5 ---------------------------------------------------------------------------
    ("m05-arrangement-full", "m05-arrangement-verse"): [
        C("m05-arrangement-verse", "Both clips are matched in loudness", "lufs", 0.0, 0.1,
          unit="LU", minus="m05-arrangement-full"),
        C("m05-arrangement-full", "how busy the middle of the spectrum is", "band_share_db",
          0.0, op=">", args={"lo": 200, "hi": 800}, minus="m05-arrangement-verse"),
    ],
    ("m05-register-clash", "m05-register-clear"): [
        C("m05-register-clear", "The same notes one octave up", "band_share_db", 3.0, op=">",
          args={"lo": 523, "hi": 1100}, minus="m05-register-clash"),
    ],
    ("m05-fm-index-low", "m05-fm-index-high"): [
        C("m05-fm-index-low", "The first sideband pair is about 12 dB below the carrier",
          "band_level_db", -11.8, 1.0, args={"lo": 435, "hi": 445},
          minus="m05-fm-index-low", minus_args={"lo": 215, "hi": 225}),
        C("m05-fm-index-high", "strong partials reach about the seventh harmonic (1.5 kHz)",
          "band_level_db", -20.0, op=">", args={"lo": 1535, "hi": 1545},
          minus="m05-fm-index-high", minus_args={"lo": 20, "hi": 20000}),
    ],
    ("m05-fm-ratio-harmonic", "m05-fm-ratio-bell"): [
        C("m05-fm-ratio-harmonic", "a harmonic, pitched struck tone", "harmonic_share_db",
          -0.5, op=">", at=(0.0, 1.5), args={"f0": 440.0},
          note="the first note, A4: power within 8 Hz of multiples of 440 Hz"),
        C("m05-fm-ratio-bell", "the inharmonic clang in the attack", "harmonic_share_db",
          -5.0, op="<", at=(0.0, 1.5), args={"f0": 440.0}),
    ],
    ("m05-granular-source", "m05-granular-cloud"): [
        P("m05-granular-cloud", "To most listeners, the melody becomes a pad",
          note="the level of the cloud varies more than the source's (grains), so there is "
               "no simple level measure of 'pad'; the caption is labeled perceptual"),
    ],
    ("m05-drums-quantized", "m05-drums-humanized"): [
        C("m05-drums-humanized", "timing offsets with a standard deviation of 7 ms",
          "onset_jitter_ms", 1.5, op=">", unit="ms", minus="m05-drums-quantized",
          note="spread of the hi-hat onsets (above 6 kHz) around the sixteenth grid; the "
               "onset detector itself reads about 4 ms on the quantized part, so the "
               "difference, not the 7 ms, is asserted"),
    ],
    ("m05-sample-repitch", "m05-sample-stretch"): [
        C("m05-sample-repitch", "everything one octave up", "peak_frequency_hz", 12.0, 0.2,
          unit="semitones", args={"lo": 120, "hi": 2000}, minus="m05-sample-original",
          minus_args={"lo": 60, "hi": 1000}, combine="semitones",
          note="the strongest partial of the mix"),
        C("m05-sample-stretch", "pitch unchanged", "peak_frequency_hz", 0.0, 0.2,
          unit="semitones", args={"lo": 60, "hi": 1000}, minus="m05-sample-original",
          combine="semitones"),
    ],
    ("m05-bass-sub", "m05-bass-mid"): [
        C("m05-bass-sub", "on a laptop or phone speaker it almost disappears", "band_share_db",
          -30.0, op="<", args={"lo": 250, "hi": 20000}),
        C("m05-bass-mid", "high-passed at 200 Hz", "band_share_db", -20.0, op="<",
          args={"lo": 20, "hi": 100}),
    ],
    ("m05-sweep-flat", "m05-sweep-resonant"): [
        C("m05-sweep-resonant", "the individual harmonics singing out",
          "framewise_peak_boost_db", 10.0, op=">", against="m05-sweep-flat",
          note="frame by frame, the resonant sweep's spectrum over the flat one's"),
    ],
    ("m05-envelope-pluck", "m05-envelope-pad"): [
        C("m05-envelope-pluck", "dies away within half a second", "level_percentile_db",
          -20.0, op="<", args={"pct": 30}, minus="m05-envelope-pad"),
        C("m05-envelope-pluck", "Attack 3 ms", "rise_time_s", 0.02, op="<", unit="s",
          at=(0.0, 2.4)),
        C("m05-envelope-pad", "each one fades in over almost a second", "time_to_peak_s",
          0.5, op=">", unit="s", at=(0.0, 2.4),
          note="the level peaks 1.2 s in: the filter keeps opening after the 800 ms attack"),
    ],
    ("m05-lfo-wobble", "m05-lfo-tremolo"): [
        C("m05-lfo-tremolo", "the level pulses from silence to full", "level_spread_db", 30.0,
          op=">", args={"hi_pct": 99, "lo_pct": 1, "window_ms": 5}),
        C("m05-lfo-tremolo", "the same 3.2 Hz rate", "envelope_rate_hz", 3.2, 0.1, unit="Hz"),
        C("m05-lfo-wobble", "The loudness stays fairly even", "level_spread_db", -15.0,
          op="<", args={"hi_pct": 99, "lo_pct": 1, "window_ms": 5}, minus="m05-lfo-tremolo"),
    ],
    # -- Module 6 ---------------------------------------------------------------------------
    ("m06-drums-dry", "m06-drums-compressed"): [
        C("m06-drums-compressed", "come up by about 6 dB relative to the hits",
          "level_spread_db", -6.0, 1.5, args={"hi_pct": 99, "lo_pct": 50},
          minus="m06-drums-dry",
          note="hits: 99th percentile of the 20 ms level; between the hits: its median"),
    ],
    ("m06-drums-fast-attack", "m06-drums-slow-attack"): [
        C("m06-drums-slow-attack", "the peaks now sit about 3 dB higher above the average",
          "crest_factor_db", 3.0, 1.0, minus="m06-drums-fast-attack"),
    ],
    ("m06-gate-off", "m06-gate-on"): [
        C("m06-gate-on", "40 dB range", "level_percentile_db", -30.0, op="<",
          args={"pct": 10, "relative": False}, minus="m06-gate-off"),
    ],
    ("m06-duck-off", "m06-duck-on"): [
        C("m06-duck-on", "the pad's level dipping on every beat", "level_spread_db", 3.0,
          op=">", band=(400, 4000), args={"hi_pct": 95, "lo_pct": 5},
          minus="m06-duck-off"),
    ],
    ("m06-parallel-off", "m06-parallel-on"): [
        C("m06-parallel-on", "the decays and the space between hits are fuller",
          "level_spread_db", 0.0, op="<", args={"hi_pct": 99, "lo_pct": 50},
          minus="m06-parallel-off"),
        C("m06-parallel-on", "the front of each hit is untouched", "crest_factor_db", 0.0,
          op=">", minus="m06-drums-compressed",
          note="more of the peaks survive than in the serial compression"),
    ],
    ("m06-pad-mud-before", "m06-pad-mud-after"): [
        C("m06-pad-mud-after", "the spectrum shows the dip", "band_share_db", -1.5, op="<",
          args={"lo": 250, "hi": 360}, minus="m06-pad-mud-before"),
    ],
    ("m06-bass-rumble-before", "m06-bass-rumble-after"): [
        C("m06-bass-rumble-before", "The spectrum shows a large hump below 40 Hz",
          "band_share_db", 10.0, op=">", args={"lo": 5, "hi": 35},
          minus="m06-bass-rumble-after"),
    ],
    ("m06-level-bias-a", "m06-level-bias-b"): [
        C("m06-level-bias-a", "Version A, at −23 LUFS", "lufs", -23.0, 0.1, unit="LUFS"),
        C("m06-level-bias-b", "Version B, at −21 LUFS", "lufs", -21.0, 0.1, unit="LUFS"),
        C("m06-level-bias-b", "Exactly the same groove, 2 decibels louder", "residual_db",
          -80.0, op="<", against="m06-level-bias-a"),
    ],
    ("m06-bass-clean", "m06-bass-saturated"): [
        C("m06-bass-clean", "Almost all of its energy sits below 150 Hz", "band_share_db",
          -0.5, op=">", args={"lo": 0, "hi": 150}),
        C("m06-bass-saturated", "reaching well above 250 Hz", "band_share_db", 10.0, op=">",
          args={"lo": 250, "hi": 2000}, minus="m06-bass-clean"),
    ],
    ("m06-bass-clean-phone", "m06-bass-saturated-phone"): [
        C("m06-bass-saturated-phone", "about 8 dB louder than the clean one", "lufs", 8.0, 1.0,
          unit="LU", minus="m06-bass-clean-phone"),
    ],
    ("m06-glue-off", "m06-glue-on"): [
        C("m06-glue-on", "slightly more even", "level_spread_db", 0.0, op="<",
          args={"hi_pct": 95, "lo_pct": 20}, minus="m06-glue-off"),
        C("m06-glue-on", "slightly more even", "level_spread_db", -3.0, op=">",
          args={"hi_pct": 95, "lo_pct": 20}, minus="m06-glue-off", note="slightly: < 3 dB"),
    ],
    ("m06-lead-dry", "m06-lead-plate"): [
        C("m06-lead-plate", "1.6 s decay", "decay_time_s", 1.6, 0.3, unit="s", at=(10.0, None),
          note="the tail after the last note (the dry line ends at 10.0 s), T20"),
        C("m06-lead-plate", "spreading wide across the stereo image", "side_to_mid_db", -20.0,
          op=">"),
        C("m06-lead-plate", "the tail fills the space between phrases", "level_percentile_db",
          10.0, op=">", args={"pct": 20}, minus="m06-lead-dry"),
    ],
    ("m06-delay-quarter", "m06-delay-dotted"): [
        C("m06-delay-quarter", "Quarter-note delay, 500 ms", "echo_delay_ms", 500.0, 2.0,
          unit="ms", args={"lo_ms": 300, "hi_ms": 700}),
        C("m06-delay-dotted", "Dotted-eighth delay, 375 ms", "echo_delay_ms", 375.0, 2.0,
          unit="ms", args={"lo_ms": 300, "hi_ms": 450}),
    ],
    ("m06-pad-dry", "m06-pad-chorused"): [
        C("m06-pad-dry", "stable and centered", "side_to_mid_db", -60.0, op="<"),
        C("m06-pad-chorused", "the sound spreading between the speakers", "side_to_mid_db",
          -20.0, op=">"),
    ],
    ("m06-lead-tremolo", "m06-lead-vibrato"): [
        C("m06-lead-tremolo", "Tremolo at 5 Hz", "envelope_rate_hz", 5.0, 0.2, unit="Hz",
          args={"lo": 3.0, "hi": 8.0}),
        C("m06-lead-vibrato", "the level stays put", "level_spread_db", -3.0, op="<",
          args={"hi_pct": 95, "lo_pct": 20}, minus="m06-lead-tremolo"),
    ],
    ("m06-mix-pan-center", "m06-mix-pan-spread"): [
        C("m06-mix-pan-center", "All six stems at the center", "side_to_mid_db", -100.0,
          op="<"),
        C("m06-mix-pan-spread", "hats at 55 % right", "channel_difference_db", -2.0, op="<",
          band=(10000, 20000), note="hats alone would read −8.7 dB (constant-power pan at "
          "+0.55); the centered parts in the band pull it toward 0"),
    ],
    ("m06-mono-trap-stereo", "m06-mono-trap-mono"): [
        C("m06-mono-trap-mono", "its two channels cancel exactly in L + R", "residual_db",
          -60.0, op="<", against="m06-mono-trap-stereo", against_view="mono",
          note="the mono clip is the stereo clip's mono sum"),
        C("m06-mono-trap-stereo", "a correlation meter on this mix would swing toward negative",
          "side_to_mid_db", -6.0, op=">", note="the side carries the pad: strong anti-phase"),
    ],
    # -- Module 7 ---------------------------------------------------------------------------
    ("m07-dither-off", "m07-dither-on"): [
        C("m07-dither-off", "turned up about 48 dB for playback", "peak_db", -2.0, 0.7,
          unit="dBFS", note="made at a peak of −50 dBFS: a −2 dBFS peak means +48 dB "
          "(the −20 LUFS normalization applies +47.7 dB)"),
        C("m07-dither-off", "stops abruptly about a second and a half before the clip ends",
          "silence_onset_s", -1.5, 0.5, unit="s", minus="m07-dither-off", minus_args={},
          minus_measure="duration_s",
          note="measured against the duration", combine="diff"),
        C("m07-dither-on", "you can follow it below the level where the undithered version vanished",
          "rms_db", 40.0, op=">", at=(-1.0, None), minus="m07-dither-off",
          minus_at=(-1.0, None)),
    ],
    ("m07-fade-linear", "m07-fade-db"): [
        C("m07-fade-db", "the last two seconds are barely audible", "rms_db", -30.0, op="<",
          at=(-2.0, None), minus="m07-fade-db", minus_at=(0.5, 3.0)),
        C("m07-fade-linear", "how late the level seems to fall", "rms_db", 15.0, op=">",
          at=(-3.0, -2.0), minus="m07-fade-db", minus_at=(-3.0, -2.0)),
    ],
    ("m07-eq-before", "m07-eq-after"): [
        C("m07-eq-after", "−1.5 dB at 300 Hz (bell, Q 0.8)", "transfer_db", -1.5, 0.3,
          args={"lo": 290, "hi": 310, "norm_lo": 1500, "norm_hi": 2500},
          against="m07-eq-before"),
        C("m07-eq-after", "+1.5 dB at 10 kHz (shelf)", "transfer_db", 1.5, 0.4,
          args={"lo": 12000, "hi": 16000, "norm_lo": 1500, "norm_hi": 2500},
          against="m07-eq-before"),
        C("m07-eq-after", "+1 dB at 60 Hz (shelf)", "transfer_db", 1.0, 0.4,
          args={"lo": 30, "hi": 45, "norm_lo": 1500, "norm_hi": 2500},
          against="m07-eq-before"),
    ],
    ("m07-lowend-monosum", "m07-lowend-fixed"): [
        # Both clips play at −20 LUFS, like the wide one; levels are per channel.
        C("m07-lowend-monosum", "the upper bass from 80 to 140 Hz is about 3 dB weaker",
          "transfer_db", -3.0, 1.0, args={"lo": 80, "hi": 140}, against="m07-lowend-wide"),
        C("m07-lowend-monosum", "from 40 to 70 Hz, keep their level within 1 dB",
          "transfer_db", 0.0, 1.0, args={"lo": 40, "hi": 70}, against="m07-lowend-wide"),
        C("m07-lowend-monosum", "The bass's own 125 Hz component cancels", "transfer_db",
          -3.0, op="<", args={"lo": 118, "hi": 132}, against="m07-lowend-wide",
          note="the first notch of a 4 ms delay is at 125 Hz"),
        C("m07-lowend-fixed", "about 3 dB below the wide version at the same loudness",
          "transfer_db", -3.0, 1.0, args={"lo": 80, "hi": 140}, against="m07-lowend-wide"),
        C("m07-lowend-fixed", "Folded to mono, this clip is the mono-sum clip", "transfer_db",
          0.0, 0.5, args={"lo": 40, "hi": 100, "norm_lo": 1000, "norm_hi": 4000},
          view="mono", against="m07-lowend-monosum", against_view="mono",
          note="no side-channel filter changes the mid: the mono sums match below the crossover"),
    ],
    ("m07-limit-3db", "m07-limit-10db"): [
        C("m07-limit-10db", "The heavily limited version is no louder any more", "lufs", 0.0,
          0.1, unit="LU", minus="m07-limit-3db"),
        C("m07-limit-10db", "softer drum hits", "crest_factor_db", -1.0, op="<",
          minus="m07-limit-3db"),
    ],
    ("m07-overs-hot", "m07-overs-safe"): [
        C("m07-overs-safe", "Both clips play at the same loudness", "lufs", 0.0, 0.1,
          unit="LU", minus="m07-overs-hot"),
        C("m07-overs-hot", "On loudspeakers the difference is small", "residual_db", -40.0,
          op="<", against="m07-overs-safe"),
        C("m07-overs-hot", "a brittle crackle", "residual_db", -80.0, op=">",
          against="m07-overs-safe", note="something other than a gain change is there"),
    ],
    ("m07-platform-14", "m07-platform-9"): [
        C("m07-platform-14", "played at −14 LUFS", "lufs", -14.0, 0.3, unit="LUFS"),
        C("m07-platform-9", "Both clips are equally loud", "lufs", 0.0, 0.3, unit="LU",
          minus="m07-platform-14"),
        C("m07-platform-9", "The loud master has lost its punch", "peak_to_loudness_db", -3.0,
          op="<", minus="m07-platform-14"),
    ],
    ("m07-level-quieter", "m07-level-louder"): [
        C("m07-level-quieter", "The rough mix at −22 LUFS", "lufs", -22.0, 0.1, unit="LUFS"),
        C("m07-level-louder", "The same file, 2 dB louder", "lufs", 2.0, 0.05, unit="LU",
          minus="m07-level-quieter"),
        C("m07-level-louder", "sample for sample", "residual_db", -80.0, op="<",
          against="m07-level-quieter"),
    ],
    # -- Module 8 ---------------------------------------------------------------------------
    ("m08-gap-silence", "m08-gap-tone"): [
        C("m08-gap-silence", "Gaps cut to digital silence", "level_percentile_db", -150.0,
          op="<", args={"pct": 5, "relative": False}),
        C("m08-gap-tone", "the ventilation hiss and hum continue unbroken", "level_percentile_db",
          -90.0, op=">", args={"pct": 1, "relative": False}),
    ],
    ("m08-foley-dry", "m08-foley-hall"): [
        C("m08-foley-hall", "a 2.2 s reverberation", "decay_time_s", 2.2, 0.3, unit="s",
          at=(6.35, None), note="the last step's tail (T20)"),
        C("m08-foley-hall", "a long ringing echo that fills the pauses", "level_percentile_db",
          15.0, op=">", args={"pct": 20}, minus="m08-foley-dry"),
        C("m08-foley-hall", "slightly duller", "spectral_centroid_hz", 0.0, op="<", unit="Hz",
          minus="m08-foley-dry"),
    ],
    ("m08-steps-repeated", "m08-steps-random"): [
        C("m08-steps-repeated", "repeated fourteen times", "event_count", 14.0, 0.0,
          unit="steps"),
        C("m08-steps-repeated", "at an exactly regular interval", "event_interval_spread_ms",
          1.0, op="<", unit="ms"),
        C("m08-steps-random", "level changes between −3 and +1 dB", "event_level_range_db",
          4.5, 1.5),
    ],
    ("m08-podcast-raw", "m08-podcast-processed"): [
        C("m08-podcast-raw", "at its recorded level (−28 LUFS)", "lufs", -28.0, 0.5,
          unit="LUFS"),
        C("m08-podcast-processed", "at −16 LUFS integrated", "lufs", -16.0, 0.3, unit="LUFS"),
        C("m08-podcast-processed", "−1.8 dBTP", "true_peak_db", -1.8, 0.2, unit="dBTP"),
        C("m08-podcast-processed", "the second is about 12 dB louder", "lufs", 12.0, 1.0,
          unit="LU", minus="m08-podcast-raw"),
        C("m08-podcast-processed", "without the rumble", "band_share_db", -6.0, op="<",
          args={"lo": 20, "hi": 70}, minus="m08-podcast-raw"),
    ],
    # -- Module 9 ---------------------------------------------------------------------------
    ("m09-tower-misaligned", "m09-tower-aligned"): [
        C("m09-tower-misaligned", "the main PA (left) 116.6 ms later", "interchannel_lag_ms",
          -116.6, 1.0, unit="ms", note="negative: the right channel (tower) is earlier"),
        C("m09-tower-aligned", "the main PA (left) now leads by 10 ms", "interchannel_lag_ms",
          10.0, 1.0, unit="ms"),
        C("m09-tower-aligned", "although the right channel is louder",
          "channel_difference_db", 0.0, op="<"),
    ],
    ("m09-feedback-ringing", "m09-feedback-notched"): [
        C("m09-feedback-ringing", "at about 2.4 kHz", "peak_frequency_hz", 2400.0, 150.0,
          unit="Hz", args={"lo": 1000, "hi": 6000}),
        C("m09-feedback-ringing", "hangs on for more than a second after the line ends",
          "decay_time_s", 1.0, op=">", unit="s", band=(2300, 2500), at=(9.9, None),
          note="the third line ends at 9.9 s; the 2.4 kHz ring decays 60 dB in about 2 s (T20), "
               "as the review quiz computes (1.7 s for g = 0.98 and a 5 ms loop)"),
        C("m09-feedback-notched", "Listen for the tail that is no longer there",
          "band_level_db", -10.0, op="<", args={"lo": 2300, "hi": 2500},
          minus="m09-feedback-ringing"),
    ],
    ("m09-distance-point", "m09-distance-line"): [
        C("m09-distance-point", "the last burst is 24 dB below the first", "rms_db", -24.0,
          0.5, block=-1, minus="m09-distance-point", minus_block=0),
        C("m09-distance-line", "the last burst is 12 dB below the first", "rms_db", -12.0,
          0.5, block=-1, minus="m09-distance-line", minus_block=0),
    ],
    # -- Module 10 --------------------------------------------------------------------------
    ("m10-sampled", "m10-replayed"): [
        C("m10-sampled", "its first bar is cut out and looped", "max_correlation", 0.2,
          op=">", against="m10-source"),
        C("m10-replayed", "no sound of the original recording is used", "max_correlation",
          -0.15, op="<", against="m10-source", minus="m10-sampled",
          note="the new drums share synthesized sounds with the original's drums, so the "
               "correlation is not 0; it falls well below the sampled version's"),
    ],
    # -- Module 11 --------------------------------------------------------------------------
    ("m11-before", "m11-after"): [
        C("m11-before", "panned center", "side_to_mid_db", -100.0, op="<"),
        C("m11-after", "Both clips are normalized to the same loudness", "lufs", 0.0, 0.1,
          unit="LU", minus="m11-before"),
        C("m11-after", "its own place left to right", "side_to_mid_db", -25.0, op=">"),
    ],
}

SINGLES: dict[str, list] = {
    # -- authoring guide -------------------------------------------------------------------
    "demo-first-beating": [
        C("demo-first-beating", "three beats per second", "envelope_rate_hz", 3.0, 0.1,
          unit="Hz"),
    ],
    "demo-quiet-tone": [
        C("demo-quiet-tone", "about 26 dB below full scale", "peak_db", -26.0, 0.5,
          unit="dBFS"),
    ],
    "demo-noise-wav": [
        C("demo-noise-wav", "Three short bursts of hiss", "event_count", 3.0, 0.0,
          unit="bursts"),
    ],
    "demo-clipped-tone": [
        C("demo-clipped-tone", "its peaks are cut off", "crest_factor_db", 2.5, op="<",
          note="a sine's crest factor is 3.01 dB; clipping flattens it"),
        C("demo-clipped-tone", "The flattened peaks add odd harmonics", "band_level_db",
          -30.0, op=">", args={"lo": 650, "hi": 670}, minus="demo-clipped-tone",
          minus_args={"lo": 210, "hi": 230}, note="third harmonic (660 Hz) against 220 Hz"),
    ],
    "m00-pink-calibration": [
        C("m00-pink-calibration", "−20 LUFS", "lufs", -20.0, 0.1, unit="LUFS"),
    ],
    "m00-channel-check": [
        C("m00-channel-check", "The first comes from the left only", "channel_difference_db",
          60.0, op=">", block=0),
        C("m00-channel-check", "the second equally from both sides", "channel_difference_db",
          0.0, 0.1, block=1),
        C("m00-channel-check", "the third from the right only", "channel_difference_db",
          -60.0, op="<", block=2),
    ],
    "m01-level-steps": [
        C("m01-level-steps", "Block two is 1 dB quieter", "rms_db", -1.0, 0.2, block=1,
          minus="m01-level-steps", minus_block=0),
        C("m01-level-steps", "block four 6 dB quieter", "rms_db", -6.0, 0.2, block=3,
          minus="m01-level-steps", minus_block=2),
        C("m01-level-steps", "block six 20 dB quieter", "rms_db", -20.0, 0.2, block=5,
          minus="m01-level-steps", minus_block=4),
    ],
    "m01-coherent-incoherent": [
        C("m01-coherent-incoherent", "so it is 6 dB louder", "rms_db", 6.02, 0.2, block=1,
          minus="m01-coherent-incoherent", minus_block=0),
        C("m01-coherent-incoherent", "so it is 3 dB louder than the first block", "rms_db",
          3.01, 0.3, block=2, minus="m01-coherent-incoherent", minus_block=0),
    ],
    "m01-harmonic-buildup": [
        C("m01-harmonic-buildup", "then brighter and more buzzy as harmonics pile up",
          "spectral_centroid_hz", 100.0, op=">", unit="Hz", at=(-1.2, None),
          minus="m01-harmonic-buildup", minus_at=(0.0, 1.2)),
    ],
    "m01-precedence": [
        C("m01-precedence", "in the third 5 ms late", "interchannel_lag_ms", 5.0, 0.1,
          unit="ms", at=(7.6, 10.6), args={"max_ms": 50.0}),
        C("m01-precedence", "although the right channel is just as loud",
          "channel_difference_db", 0.0, 0.1, at=(7.6, 10.6)),
        C("m01-precedence", "in the fourth 30 ms late", "interchannel_lag_ms", 30.0, 0.1,
          unit="ms", at=(11.4, None), args={"max_ms": 50.0}),
    ],
    "m02-bit-depths": [
        C("m02-bit-depths", "from 8 bits down the error is loud enough to hear as added harmonics",
          "band_level_db", 20.0, op=">", args={"lo": 1300, "hi": 1340}, block=2,
          minus="m02-bit-depths", minus_block=0,
          note="the third harmonic of 440 Hz (1320 Hz) at 8 bits against 24 bits"),
    ],
    "m01-waveforms": [
        C("m01-waveforms", "matched in loudness", "lufs", 0.0, 0.3, unit="LU", block=2,
          minus="m01-waveforms", minus_block=0),
    ],
    "m01-beating": [
        C("m01-beating", "three beats per second", "envelope_rate_hz", 3.0, 0.1, unit="Hz"),
    ],
    "m01-equal-loudness": [
        C("m01-equal-loudness", "all at the same electrical level", "rms_db", 0.0, 0.2, block=0,
          minus="m01-equal-loudness", minus_block=1),
        C("m01-equal-loudness", "the same six tones repeat 20 dB quieter", "rms_db", -20.0, 0.2,
          block=-1, minus="m01-equal-loudness", minus_block=5),
    ],
    "m01-masking": [
        C("m01-masking", "18 dB stronger than the tone", "rms_db", 18.0, 0.5, at=(4.5, 8.5),
          minus="m01-masking", minus_at=(0.0, 4.0),
          note="RMS over each section, the beeping tone's gaps included"),
    ],
    "m01-itd-ild": [
        C("m01-itd-ild", "the left ear gets each burst 0.6 ms earlier", "interchannel_lag_ms",
          0.6, 0.05, unit="ms", block=3, args={"max_ms": 2.0},
          note="blocks are single bursts: group 2 starts at block 3; the right is late"),
        C("m01-itd-ild", "the left ear gets the bursts 10 dB louder", "channel_difference_db",
          10.0, 0.3, block=9),
    ],
    "m01-octave-ladder": [
        C("m01-octave-ladder", "110, 220, 440, 880, 1760, 3520 and 7040 Hz",
          "peak_frequency_hz", 7040.0, 10.0, unit="Hz", block=-1),
    ],
    "m02-clipping-drive": [
        C("m02-clipping-drive", "all four versions have the same RMS level", "rms_db", 0.0, 0.3,
          block=-1, minus="m02-clipping-drive", minus_block=0),
    ],
    "m02-bitcrusher": [
        C("m02-bitcrusher", "with extra tones that do not belong to the melody",
          "transfer_extreme_db", 20.0, op=">", block=2, against="m02-bitcrusher",
          against_block=0, args={"lo": 100, "hi": 1900, "which": "max", "smooth_hz": 10},
          note="a new tone below the 2 kHz Nyquist limit where the clean melody has none"),
    ],
    "m03-xfade-identical": [
        C("m03-xfade-identical", "the level rises by 3 dB", "rms_db", 3.0, 0.5, at=(4.25, 4.75),
          minus="m03-xfade-identical", minus_at=(0.5, 2.0)),
    ],
    "m04-mid-side": [
        C("m04-mid-side", "hear all three sections become the same", "rms_db", 0.0, 0.5,
          view="mono", block=-1, minus="m04-mid-side", minus_block=0),
    ],
    "m05-drums-swing": [
        C("m05-drums-swing", "every off-beat sixteenth falls 31 ms late", "swing_offset_ms",
          31.0, 6.0, unit="ms", minus="m05-drums-humanized"),
    ],
    "m05-wavetable-morph": [
        C("m05-wavetable-morph", "with no change of pitch or filter", "peak_frequency_hz",
          0.0, 0.1, unit="semitones", args={"lo": 50, "hi": 500}, at=(0.0, 2.0),
          minus="m05-wavetable-morph", minus_at=(3.5, 5.5), combine="semitones"),
    ],
    "m05-riser-impact": [
        C("m05-riser-impact", "getting louder and brighter", "rms_db", 6.0, op=">",
          at=(3.5, 4.8), minus="m05-riser-impact", minus_at=(0.2, 1.5)),
        C("m05-riser-impact", "getting louder and brighter", "spectral_centroid_hz", 500.0,
          op=">", unit="Hz", at=(3.5, 4.8), minus="m05-riser-impact", minus_at=(0.2, 1.5)),
    ],
    "m05-bass-layered": [
        C("m05-bass-layered", "All three clips are matched in loudness", "lufs", -20.0, 0.1,
          unit="LUFS"),
    ],
    "m07-lowend-wide": [
        C("m07-lowend-wide", "a copy 4 ms later in the right", "interchannel_lag_ms", 4.0, 0.2,
          unit="ms", args={"max_ms": 20.0}),
    ],
    "m07-lowend-centered": [
        C("m07-lowend-centered", "its bass below 140 Hz matches the wide version's channels",
          "transfer_db", 0.0, 0.5, args={"lo": 40, "hi": 140}, view="mono",
          against="m07-lowend-wide", against_view="mix"),
    ],
    "m07-overs-residue": [
        C("m07-overs-residue", "amplified so its peak is at −6 dBFS", "peak_db", -6.0, 0.05,
          unit="dBFS"),
    ],
    "m07-k-weighting-demo": [
        C("m07-k-weighting-demo", "exactly the same RMS level, −26 dBFS", "rms_db", -26.0, 0.2,
          block=0),
        C("m07-k-weighting-demo", "exactly the same RMS level, −26 dBFS", "rms_db", -26.0, 0.2,
          block=1),
        C("m07-k-weighting-demo", "about 5 LU louder than the low band", "lufs", 5.0, 1.0,
          unit="LU", block=1, minus="m07-k-weighting-demo", minus_block=0),
    ],
    "m08-adaptive-layers": [
        C("m08-adaptive-layers", "a calm groove in A minor that grows every four seconds or so",
          "rms_db", 6.0, op=">", at=(-4.0, None), minus="m08-adaptive-layers",
          minus_at=(0.0, 4.0)),
    ],
    "m08-layers": [
        C("m08-layers", "a low sine dropping from 55 to 38 Hz", "peak_frequency_hz", 46.0, 10.0,
          unit="Hz", block=0, args={"lo": 20, "hi": 200}),
    ],
}


def counts() -> dict[str, int]:
    """How many pairs, measured claims, examples with measured claims and perceptual-only
    examples the table holds (printed by ``make bench``)."""
    entries = [e for v in PAIRS.values() for e in v] + [e for v in SINGLES.values() for e in v]
    measured = {e.example for e in entries if isinstance(e, C)}
    perceptual = {e.example for e in entries if isinstance(e, P)} - measured
    return {
        "pairs": len(PAIRS),
        "pairs_measured": sum(1 for v in PAIRS.values() if any(isinstance(e, C) for e in v)),
        "pairs_perceptual_only": sum(1 for v in PAIRS.values()
                                     if not any(isinstance(e, C) for e in v)),
        "measured_claims": sum(1 for e in entries if isinstance(e, C)),
        "examples_measured": len(measured),
        "examples_perceptual_only": len(perceptual),
    }
