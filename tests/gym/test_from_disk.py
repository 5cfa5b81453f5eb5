"""From disk: a drill page opened as a file:// URL mounts, and Start plays sound (a
non-silent frame at the course's output, after the ceiling), without fetch or media files."""

from gym_helpers import broken_copy, file_url, run_gym, site


def test_a_drill_starts_and_plays_from_disk():
    out = run_gym("disk", file_url(site(), "gym/eq.html"), "eq-band")
    assert not out["errors"], out["errors"]
    assert out["protocol"] == "file:"
    assert out["mounted"] is True
    assert out["state"] == "running"
    assert out["played"] >= 1
    assert 0 < out["peak"] <= 10 ** (-1 / 20) + 1e-6      # the ceiling, -1 dBFS


def test_a_page_without_the_audio_module_does_not_start(tmp_path):
    broken = broken_copy(tmp_path, "gym/eq.html", "course-audio.js", "course-audio-missing.js")
    try:
        out = run_gym("disk", file_url(broken, "gym/eq.html"), "eq-band")
    except AssertionError as e:
        assert "gym-app" in str(e) or "Timeout" in str(e) or "CourseAudio" in str(e)
    else:
        assert out["mounted"] is False
