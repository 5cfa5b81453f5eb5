"""The course's sound library: small, deterministic building blocks for audio examples.

Conventions, shared by every module of the package:

- Audio is a NumPy ``float64`` array: mono has shape ``(n,)``, stereo ``(n, 2)``
  (one column per channel, left then right).
- Full scale is ±1.0: a sample of 1.0 is 0 dBFS. Levels are in dB, times in seconds
  unless a name says ``_ms``, frequencies in hertz.
- The sample rate is a keyword argument ``sr=SR`` wherever a function needs one;
  ``SR`` is 48,000 Hz.
- Everything is deterministic: functions that use randomness take a ``seed`` and draw
  from ``numpy.random.default_rng(seed)``.

Submodules (``generators``, ``dsp``, ``filters``, ``digital``, ``loudness``, ``io``, ...)
are imported explicitly, e.g. ``from soundlib import generators as g``; importing the
package itself stays cheap (no SciPy or Matplotlib).
"""

SR = 48000
"""The course's sample rate in hertz."""

__all__ = ["SR"]
