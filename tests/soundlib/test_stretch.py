"""soundlib.stretch: varispeed changes pitch and length together, WSOLA only the length."""

import numpy as np

from soundlib import SR, spectrum, stretch


def _tone(freq=440.0, seconds=1.0):
    t = np.arange(int(seconds * SR)) / SR
    x = 0.5 * np.sin(2 * np.pi * freq * t)
    return np.column_stack([x, x])


def _dominant_hz(x):
    freqs, amp = spectrum.average_spectrum(x, 8192)
    return freqs[int(np.argmax(amp))]


def test_varispeed_doubles_the_pitch_and_halves_the_length():
    y = stretch.varispeed(_tone(), 2.0)
    assert y.shape[1] == 2 and abs(len(y) - SR // 2) <= 1
    assert abs(_dominant_hz(y) - 880.0) < 2 * SR / 8192


def test_wsola_halves_the_length_and_keeps_the_pitch():
    y = stretch.wsola(_tone(seconds=2.0), 2.0)
    # whole frames only: at most half a frame (1024 samples) short of 2 s / 2
    assert y.shape[1] == 2 and SR - 1024 < len(y) <= SR
    assert abs(_dominant_hz(y) - 440.0) < 2 * SR / 8192
