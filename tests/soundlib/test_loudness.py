"""Loudness (BS.1770-4), true peak (Annex 2) and normalization in soundlib.loudness."""

import numpy as np
import pytest

from soundlib import SR, dsp
from soundlib import generators as g
from soundlib import loudness as ld


def test_reference_sine_reads_minus_3_lufs():
    # BS.1770: a 0 dBFS 997 Hz sine in one channel reads -3.01 LKFS
    assert ld.integrated_lufs(g.sine(997, 2.0)) == pytest.approx(-3.01, abs=0.05)


def test_loudness_scales_with_gain_and_stereo_adds_3_lu():
    x = g.pink_noise(2.0, amp=0.5, seed=2)
    a = ld.integrated_lufs(x)
    assert ld.integrated_lufs(dsp.gain(x, -10)) == pytest.approx(a - 10, abs=0.01)
    assert ld.integrated_lufs(dsp.stereo(x)) == pytest.approx(a + 3.01, abs=0.01)


def test_silence_and_short_signals():
    assert ld.integrated_lufs(g.silence(1.0)) == float("-inf")
    with pytest.raises(ValueError, match="0.4 s"):
        ld.integrated_lufs(g.sine(1000, 0.3))


def test_true_peak_finds_intersample_peak():
    # sine at sr/4 sampled 45 degrees off its peaks: samples at +-0.707, waveform peak 1.0
    x = dsp.fade(g.sine(SR / 4, 0.5, phase=np.pi / 4), 0.05, 0.05)
    assert ld.sample_peak_dbfs(x) == pytest.approx(-3.01, abs=0.01)
    assert ld.true_peak_dbtp(x) == pytest.approx(0.0, abs=0.05)
    assert ld.true_peak_dbtp(x) - ld.sample_peak_dbfs(x) == pytest.approx(3.01, abs=0.05)


def test_true_peak_of_low_frequency_equals_sample_peak_and_takes_loudest_channel():
    x = g.sine(100, 0.5, amp=0.5)
    assert ld.true_peak_dbtp(x) == pytest.approx(ld.sample_peak_dbfs(x), abs=0.01)
    st = np.column_stack([0.1 * x, x])
    assert ld.true_peak_dbtp(st) == pytest.approx(ld.true_peak_dbtp(x), abs=1e-9)
    assert ld.true_peak_dbtp(g.silence(0.1)) == float("-inf")


@pytest.mark.parametrize("target", [-20.0, -16.0, -30.0])
def test_normalize_lands_on_target(target):
    x = dsp.stereo(g.pink_noise(2.0, amp=0.05, seed=3))
    y, rep = ld.normalize_report(x, target_lufs=target)
    assert ld.integrated_lufs(y) == pytest.approx(target, abs=0.1)
    assert rep["lufs"] == pytest.approx(target, abs=0.1)
    assert rep["limited"] is False and rep["true_peak_dbtp"] <= -1.0
    assert rep["gain_db"] == pytest.approx(target - ld.integrated_lufs(x), abs=0.1)
    assert np.array_equal(ld.normalize(x, target_lufs=target), y)


def test_normalize_respects_true_peak_ceiling_and_reports_it():
    # a sparse, peaky signal: clicks. Reaching -14 LUFS would need a huge peak.
    x = dsp.mix(g.click_train(4, 2.0, amp=0.5), g.sine(200, 2.0, amp=0.01))
    y, rep = ld.normalize_report(x, target_lufs=-14.0, ceiling_dbtp=-1.0)
    assert rep["limited"] is True
    assert ld.true_peak_dbtp(y) == pytest.approx(-1.0, abs=0.01)
    assert rep["lufs"] < -14.5
    assert rep["gain_db"] == pytest.approx(-1.0 - ld.true_peak_dbtp(x), abs=1e-6)


def test_normalize_leaves_silence_alone():
    y, rep = ld.normalize_report(g.silence(1.0))
    assert not y.any() and rep["gain_db"] == 0.0 and rep["lufs"] == float("-inf")
