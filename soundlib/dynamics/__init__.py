"""Dynamics processors: compressor, limiter, gate, downward expander and de-esser.

Every processor here is *feed-forward*: a detector measures the level of the input (or of a
sidechain signal), a static *gain computer* turns that level into a target gain, and
*ballistics* (attack and release smoothing) decide how fast the applied gain follows the
target. All level arithmetic is done in decibels, as in

    D. Giannoulis, M. Massberg and J. D. Reiss, "Digital Dynamic Range Compressor Design --
    A Tutorial and Analysis", J. Audio Eng. Soc. 60(6), 2012, pp. 399-408.

Conventions (see CONTRIBUTING.md, "The sound library API"):

- input and output are float64 arrays, mono ``(n,)`` or stereo ``(n, 2)``, full scale = 1.0;
- levels and thresholds are in dBFS, gains in dB, times in milliseconds (``_ms``);
- stereo input is *linked*: one detector looks at the louder channel, and the same gain is
  applied to both channels, so the stereo image does not shift when the processor acts.

Time constants. A smoothing time constant ``tau`` becomes the one-pole coefficient
``alpha = exp(-1 / (tau * sr))``. For a step in the target, the smoothed value covers
1 - 1/e = 63 % of the step after ``tau``, 95 % after 3 ``tau``. This is the definition of
"attack time" and "release time" used throughout this module (Giannoulis et al., Sec. 3).

The processors live in submodules: ``detect`` (level detectors and ballistics), ``curves``
(static gain curves), ``compressor``, ``limiter``, ``gates`` (gate and expander) and
``deesser``. Import the public names from ``soundlib.dynamics``.
"""

from soundlib.dynamics.compressor import compress, gain_reduction_db
from soundlib.dynamics.curves import expander_gain_computer, gain_computer
from soundlib.dynamics.deesser import deess
from soundlib.dynamics.gates import expand, gate
from soundlib.dynamics.limiter import limit

__all__ = [
    "gain_computer",
    "expander_gain_computer",
    "gain_reduction_db",
    "compress",
    "limit",
    "gate",
    "expand",
    "deess",
]
