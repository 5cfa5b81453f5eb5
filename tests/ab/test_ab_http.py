"""The A/B player served over http with the site's strict CSP (tools/serve.py): Web Audio,
a keyboard-only walk, the switch keeps the playhead, blind mode, print, CSP, console, axe."""

from abcheck import blind_problems, hygiene_problems, keyboard_problems, print_problems, switch_problems


def test_webaudio_engine_over_http(http_walk):
    assert http_walk["mode"] == "webaudio", http_walk["errors"]


def test_keyboard_only_walk(http_walk):
    assert keyboard_problems(http_walk) == []


def test_switch_keeps_the_playhead_within_20_ms(http_walk):
    assert switch_problems(http_walk) == []


def test_blind_mode_hides_labels_and_confirms_a_guess(http_walk):
    assert blind_problems(http_walk) == []


def test_no_csp_violation_console_error_or_axe_violation(http_walk):
    assert hygiene_problems(http_walk) == []


def test_print_hides_the_transport(http_walk):
    assert print_problems(http_walk) == []
