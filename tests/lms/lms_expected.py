"""What tests/roots/test-lms holds, written out by hand from its sources (not from the
exporter), for the round-trip tests."""

from __future__ import annotations

#: id -> (type, correct option texts or answer, ...)
CHOICES = {
    "t-single": (["80 dB SPL", "83 dB SPL", "86 dB SPL"], [1]),
    "t-multiple": (["hertz", "decibel", "cycles per second", "pascal"], [0, 2]),
    "t-escaping": (["Yes: a < b & \"quoted\" 'both' {=} ~ # : \\ back",
                    "No — µs ≤ 5 & </mattext> ]]> <![CDATA["], [0]),
    "t-listening": (["One", "Two", "Many"], [0]),
}
TRUE_FALSE = {"t-true-false": True}
#: id -> (answer, absolute tolerance, unit or None)
NUMERIC = {
    "t-numeric-relative": (3.43, 0.0686, "m"),
    "t-numeric-negative": (-6.02, 0.05, "dB"),
    "t-numeric-pure": (16.0, 0.0, None),
    "t-numeric-audio": (440.0, 4.4, "Hz"),   # plays the clip too
}
SHORT = {"t-short": "Dither turns the distortion of truncation into a steady, signal-independent noise."}
ALL = [*CHOICES, *TRUE_FALSE, *NUMERIC, *SHORT]
COUNT = 10
LISTENING = "t-listening"
#: Every question that plays the clip (any type may).
AUDIO = {"t-listening", "t-numeric-audio"}
MODULE = "Module 2: Demo"
LESSONS = ["Levels & ratios", "Listening"]

#: The escaping fixture: texts that must come back unchanged (after HTML unescaping).
ESCAPED_PROMPT = ("Is a < b & \"c\" > 'd' when \\(L_p = 20 \\log_{10}(p / p_0)\\) and the Größe is "
                  "±3 dB {#=~:}? Café, naïve, 東京.")
ESCAPED_EXPLANATION = "\\(\\sqrt{2} \\approx 1.41\\)"
