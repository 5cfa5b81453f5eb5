"""The shared track helpers of soundlib.dsp: to_peak, to_rms, fit, add_at, place, per_channel.

Each test has a case that a plausible wrong implementation fails (per-channel instead of
joint peak, overwriting instead of adding, off-by-one placement, a view instead of a copy).
"""

import numpy as np
import pytest

from soundlib import dsp


def _stereo_pair():
    left = np.array([0.1, -0.5, 0.2, 0.0])
    right = np.array([0.05, 0.25, -0.1, 0.0])
    return np.column_stack([left, right])


@pytest.mark.parametrize("target", [-6.0, -3.0, -0.5, 3.0])
def test_to_peak_hits_the_target_and_keeps_the_shape(target):
    x = np.array([0.1, -0.4, 0.25, 0.0])
    y = dsp.to_peak(x, target)
    assert dsp.peak_dbfs(y) == pytest.approx(target, abs=1e-12)
    # one gain for the whole signal: every sample keeps its ratio to the others
    np.testing.assert_allclose(y / y[1], x / x[1], rtol=1e-15)


def test_to_peak_at_0_dbfs_makes_the_peak_exactly_one():
    x = np.array([0.3, -0.7, 0.1]) / 3.0
    y = dsp.to_peak(x, 0.0)
    assert np.max(np.abs(y)) == 1.0 and y[1] == -1.0


def test_to_peak_of_stereo_is_one_gain_for_both_channels():
    y = dsp.to_peak(_stereo_pair(), -6.0)
    assert dsp.peak_dbfs(y[:, 0]) == pytest.approx(-6.0, abs=1e-12)
    # the quieter channel stays 6 dB below the louder one (not normalized on its own)
    assert dsp.peak_dbfs(y[:, 1]) == pytest.approx(-6.0 + 20 * np.log10(0.5), abs=1e-12)


@pytest.mark.parametrize("silent", [np.zeros(5), np.zeros((0,)), np.zeros((4, 2))])
def test_to_peak_and_to_rms_leave_silence_alone(silent):
    for y in (dsp.to_peak(silent, -3.0), dsp.to_rms(silent, -20.0)):
        assert y.shape == silent.shape and np.all(y == 0.0)


def test_to_rms_hits_the_target():
    x = np.sin(np.linspace(0, 20, 1000)) * 0.01
    assert dsp.rms_dbfs(dsp.to_rms(x, -18.0)) == pytest.approx(-18.0, abs=1e-9)


def test_fit_trims_and_pads_with_silence():
    x = np.arange(1.0, 6.0)
    np.testing.assert_array_equal(dsp.fit(x, 3), [1.0, 2.0, 3.0])
    np.testing.assert_array_equal(dsp.fit(x, 7), [1.0, 2.0, 3.0, 4.0, 5.0, 0.0, 0.0])
    assert dsp.fit(x, 0).shape == (0,)
    st = dsp.fit(_stereo_pair(), 6)
    assert st.shape == (6, 2) and np.all(st[4:] == 0.0)


def test_fit_returns_a_copy_and_rejects_negative_lengths():
    x = np.ones(4)
    y = dsp.fit(x, 2)
    y[0] = 5.0
    assert x[0] == 1.0
    with pytest.raises(ValueError, match="negative"):
        dsp.fit(x, -1)


def test_add_at_adds_rather_than_overwrites_and_cuts_at_the_end():
    track = np.ones(6)
    out = dsp.add_at(track, np.array([1.0, 2.0, 3.0]), 4, gain=0.5)
    assert out is track  # in place
    np.testing.assert_array_equal(track, [1.0, 1.0, 1.0, 1.0, 1.5, 2.0])


def test_add_at_with_a_negative_start_cuts_the_beginning_of_the_sound():
    track = np.zeros(4)
    dsp.add_at(track, np.array([1.0, 2.0, 3.0]), -1)
    np.testing.assert_array_equal(track, [2.0, 3.0, 0.0, 0.0])


def test_add_at_past_the_end_or_with_zero_gain_does_nothing():
    track = np.zeros(3)
    dsp.add_at(track, np.ones(2), 3)
    dsp.add_at(track, np.ones(2), 0, gain=0.0)
    assert np.all(track == 0.0)


def test_place_rounds_the_time_to_the_nearest_sample():
    track = np.zeros(10)
    dsp.place(track, np.array([1.0]), 0.26, sr=10)  # 2.6 samples -> index 3, not 2
    assert np.flatnonzero(track).tolist() == [3]
    dsp.place(track, np.array([1.0, 1.0]), 0.3, gain=2.0, sr=10)  # overlaps the first hit
    np.testing.assert_array_equal(track[3:5], [3.0, 2.0])


def test_place_into_a_stereo_track():
    track = np.zeros((5, 2))
    dsp.place(track, _stereo_pair()[:2], 0.2, sr=10)
    np.testing.assert_array_equal(track[2:4], _stereo_pair()[:2])


def test_per_channel_processes_each_channel_on_its_own():
    x = _stereo_pair()
    y = dsp.per_channel(np.cumsum, x)
    np.testing.assert_allclose(y[:, 0], np.cumsum(x[:, 0]))
    np.testing.assert_allclose(y[:, 1], np.cumsum(x[:, 1]))
    np.testing.assert_allclose(dsp.per_channel(np.cumsum, x[:, 0]), np.cumsum(x[:, 0]))
    assert dsp.per_channel(lambda c: c.astype(np.float32), x).dtype == np.float64
