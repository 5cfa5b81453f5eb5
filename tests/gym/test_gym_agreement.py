"""The browser's sound matches the Python reference.

Chromium renders seeded stimuli in an OfflineAudioContext (tests/browser/gym.mjs
"agreement"): pink noise through the drills' own BiquadFilterNode (peaking EQ), GainNode
(the level steps) and StereoPannerNode (the pan law), and exports the noise it used. The same
noise goes through soundlib (the RBJ biquad of soundlib/filters.py, dsp.gain, effects.pan),
and the two spectra (Welch, scipy) agree within 0.5 dB from 20 Hz to 20 kHz.
"""

import functools
import json
import tempfile
from pathlib import Path

import numpy as np
from gym_helpers import file_url, run_gym, site
from scipy import signal

from soundlib import dsp, effects, filters

SR = 48000
TOLERANCE_DB = 0.5


@functools.cache
def rendered() -> dict:
    out = Path(tempfile.mkdtemp(prefix="gym-agree-")) / "stimuli.json"
    result = run_gym("agreement", file_url(site(), "gym/eq.html"), str(out))
    assert not result["errors"], result["errors"]
    return json.loads(out.read_text())


def spectrum_db(x) -> tuple[np.ndarray, np.ndarray]:
    f, p = signal.welch(np.asarray(x, dtype=np.float64), fs=SR, nperseg=8192)
    return f, 10 * np.log10(np.maximum(p, 1e-30))


def worst_difference_db(browser_out, reference) -> float:
    """The largest difference of the two Welch spectra, in dB, from 20 Hz to 20 kHz."""
    f, a = spectrum_db(browser_out)
    _, b = spectrum_db(reference)
    band = (f >= 20) & (f <= 20000)
    return float(np.max(np.abs(a[band] - b[band])))


def test_eq_stimuli_match_the_rbj_biquad_of_soundlib():
    for case in rendered()["eq"]:
        reference = filters.biquad(np.asarray(case["noise"]), "peak", case["freq"], case["q"],
                                   case["gain"], sr=SR)
        worst = worst_difference_db(case["output"], reference)
        assert worst <= TOLERANCE_DB, f"{case['gain']} dB at {case['freq']} Hz: {worst:.3f} dB"
        # and the filter did something: the boost or cut is there at its frequency
        f, a = spectrum_db(case["output"])
        _, x = spectrum_db(case["noise"])
        at = np.argmin(np.abs(f - case["freq"]))
        assert abs((a[at] - x[at]) - case["gain"]) < 1.5


def test_gain_steps_match_soundlib():
    for step in rendered()["steps"]:
        reference = dsp.gain(np.asarray(step["noise"]), step["db"])
        assert worst_difference_db(step["output"], reference) <= TOLERANCE_DB
        change = dsp.rms_dbfs(np.asarray(step["output"])) - dsp.rms_dbfs(np.asarray(step["noise"]))
        assert abs(change - step["db"]) < 0.01, step["db"]


def test_the_pan_law_matches_soundlib():
    for case in rendered()["pans"]:
        reference = effects.pan(np.asarray(case["noise"]), case["p"])
        for ch, name in ((0, "left"), (1, "right")):
            web = np.asarray(case[name])
            if np.max(np.abs(reference[:, ch])) < 1e-9:          # a hard-panned silent side
                assert np.max(np.abs(web)) < 1e-6, (case["p"], name)
                continue
            worst = worst_difference_db(web, reference[:, ch])
            assert worst <= TOLERANCE_DB, f"pan {case['p']} {name}: {worst:.3f} dB"


def test_the_check_fails_for_a_different_filter_gain_or_pan_law():
    eq = rendered()["eq"][0]
    off = filters.biquad(np.asarray(eq["noise"]), "peak", eq["freq"], eq["q"], eq["gain"] + 1,
                         sr=SR)
    assert worst_difference_db(eq["output"], off) > TOLERANCE_DB
    wider = filters.biquad(np.asarray(eq["noise"]), "peak", eq["freq"], eq["q"] / 2, eq["gain"],
                           sr=SR)
    assert worst_difference_db(eq["output"], wider) > TOLERANCE_DB
    step = rendered()["steps"][0]
    assert worst_difference_db(step["output"],
                               dsp.gain(np.asarray(step["noise"]), step["db"] + 0.6)) > TOLERANCE_DB
    # a linear (-6 dB) pan law instead of the equal-power one
    pan = next(c for c in rendered()["pans"] if c["p"] == -0.5)
    x = np.asarray(pan["noise"])
    linear_left = x * (1 - (pan["p"] + 1) / 2)
    assert worst_difference_db(pan["left"], linear_left) > TOLERANCE_DB


def test_the_calibration_noise_is_the_courses_reference_loudness():
    # course-gym.js plays mono pink noise at REF_DB dBFS RMS on both channels; the course's
    # calibration clip (m00-pink-calibration) and every normalized example are at -20 LUFS.
    import subprocess

    from soundlib import loudness
    from sphinx_project import ROOT

    script = (
        "const A = require('./ext/static/course-audio.js');"
        "const G = require('./ext/static/gym/course-gym.js');"
        "const x = A.scaleToRms(A.pinkNoise(48000 * 10, 1), G.REF_DB);"
        "process.stdout.write(JSON.stringify(Array.from(x)));")
    run = subprocess.run(["node", "-e", script], capture_output=True, text=True, cwd=ROOT,
                         check=True)
    x = np.asarray(json.loads(run.stdout))
    lufs = loudness.integrated_lufs(np.column_stack([x, x]))
    assert abs(lufs - (-20.0)) < 0.5, lufs
    # and a noise 3 dB off would be caught
    assert abs(loudness.integrated_lufs(np.column_stack([x, x]) * 10 ** (3 / 20)) + 20) > 0.5
