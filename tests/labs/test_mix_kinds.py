"""The mixing, mastering and live-sound labs (kinds eq, compressor, pan-width, loudness,
speaker-delay): their references are the lessons' numbers, and the agreement comparison
(``labsite.disagreements``) catches the mistakes a lab could plausibly make. Python only:
the browser side is compared in test_lab_agreement.py.

Each broken fixture is a "browser" measurement computed with a deliberately wrong model
(a wrong pan law, a soft knee where the lab has a hard one, a meter that forgets a channel,
the rounded 343 m/s, a drawn curve or a noise rendering off by 1 dB, ...); each must fail.
The matching good measurement (the reference itself) must pass.
"""

from __future__ import annotations

import numpy as np
import pytest
from labs import spec
from labs.kinds import get_kind
from labsite import disagreements


def defaults(kind):
    module = get_kind(kind)
    return module, spec.defaults(module.PARAMS)


# ---------------------------------------------------------------- the lessons' numbers


def test_defaults_are_the_lessons_numbers():
    _, eq = defaults("eq")
    assert (eq["bell_hz"], eq["bell_db"], eq["bell_q"]) == (300.0, -6.0, 1.2)       # m06 eq
    assert (eq["high_shelf_hz"], eq["high_shelf_db"]) == (10000.0, 3.0)
    comp, c = defaults("compressor")
    assert (c["threshold_db"], c["ratio"], c["attack_ms"], c["release_ms"]) == (-20.0, 4.0, 0.5, 60.0)
    assert comp.reference(c, [-10.0, -30.0]) == [-17.5, -30.0]   # the worked example
    pan, p = defaults("pan-width")
    assert abs(pan.reference(p, [0.0])[0] - -3.0103) < 1e-3      # -3 dB law at the center
    delay, d = defaults("speaker-delay")
    main, tower = delay.reference(d, [1, 2])
    assert abs(tower - main - 10.0) < 0.1                          # the main PA leads by 10 ms
    from soundlib import alignment

    assert abs(alignment.tower_delay_ms(40.0) - 126.55) < 0.01
    assert abs(1000 * 40 / 343 + 10 - d["delay_ms"]) < 0.05       # 116.6 + 10 ms
    loud, v = defaults("loudness")
    lufs, tp, gain = loud.reference(v, [1, 2, 3])
    assert -9.5 < lufs < -8.5 and gain < -4.5                      # "a master at about -9 LUFS"
    assert tp > v["ceiling_db"]                                    # inter-sample overs


def test_platform_targets_are_the_tables():
    loud, _ = defaults("loudness")
    from soundlib.recipes.labs_mix import platform_target

    assert [platform_target(p) for p in loud.PLATFORMS] == [-14.0, -16.0, -23.0]


# ---------------------------------------------------------------- good and broken measurements



@pytest.mark.parametrize("kind", ["compressor", "pan-width", "speaker-delay"])
def test_the_reference_itself_agrees(kind):
    module, values = defaults(kind)
    x = {"compressor": lambda: list(module.LEVELS), "pan-width": lambda: list(range(-100, 101, 10)),
         "speaker-delay": lambda: [1, 2]}[kind]()
    good = {"x": x, "y": module.reference(values, x)}
    problems = disagreements(module, values, good)
    # only check_extra may complain (no extra data was sent)
    assert all("sent no" in p for p in problems), problems


def test_a_soft_knee_where_the_lab_has_a_hard_one_fails():
    module, values = defaults("compressor")
    x = list(module.LEVELS)
    wrong = module.curve(dict(values, knee_db=6.0), x)              # 0.75 dB off at threshold
    problems = disagreements(module, values, {"x": x, "y": list(wrong), "extra": {}})
    assert any("at -20:" in p for p in problems), problems


def test_a_wrong_pan_law_fails():
    module, values = defaults("pan-width")
    x = list(range(-100, 101, 10))
    wrong = module.reference(dict(values, law=module.LAWS[1]), x)  # -4.5 dB where -3 is set
    problems = disagreements(module, values, {"x": x, "y": wrong, "extra": {}})
    assert any("at 0:" in p for p in problems), problems


def test_a_right_channel_off_by_a_fifth_of_a_db_fails():
    module, values = defaults("pan-width")
    x = list(range(-100, 101, 10))
    right = [v + 0.2 for v in module._db(module.gains(values, x)[1])]
    problems = module.check_extra(values, {"x": x, "right": right})
    assert problems and "right gain at pan 0" in " ".join(problems)
    good = module.check_extra(values, {"x": x, "right": module._db(module.gains(values, x)[1])})
    assert good == []


def test_the_rounded_speed_of_sound_fails_by_more_than_a_sample():
    module, values = defaults("speaker-delay")
    c = 343.0                                                      # not 343.2 at 20 °C
    main = 1000 * (values["tower_m"] + values["behind_m"]) / c
    tower = values["delay_ms"] + 1000 * values["behind_m"] / c
    problems = disagreements(module, values, {"x": [1, 2], "y": [main, tower],
                                              "extra": {"suggested_ms": 126.55}})
    assert any(p.startswith("at 1:") for p in problems), problems
    assert module.check_extra(values, {"suggested_ms": 1000 * 40 / 343 + 10})  # 0.07 ms off


def test_a_loudness_meter_that_forgets_a_channel_fails():
    module, values = defaults("loudness")
    n = module.numbers(values)
    from soundlib import loudness

    left_only = loudness.integrated_lufs(n["master"][:, 0])        # about 3 LU low
    ys = [left_only, n["true_peak"], n["platform_gain"], n["played_lufs"], n["played_true_peak"]]
    problems = disagreements(module, values, {"x": [1, 2, 3, 4, 5], "y": ys,
                                              "extra": {"input_true_peak": n["input_true_peak"]}})
    assert len(problems) == 1 and problems[0].startswith("at 1:"), problems
    assert module.check_extra(values, {"input_true_peak": n["input_true_peak"] - 1.0})


def test_an_eq_drawn_or_rendered_1_db_off_fails():
    module, values = defaults("eq")
    from soundlib.recipes.labs_mix import eq_chain

    x = list(np.geomspace(20, 20000, 50))
    noise = np.random.default_rng(1).standard_normal(24000) * 0.1
    good_out = eq_chain(noise, **values)
    good = {"curve": {"x": x, "y": module.reference(values, x)},
            "noise": {"input": noise.tolist(), "output": good_out.tolist()}}
    assert module.check_extra(values, good) == []
    drawn = {**good, "curve": {"x": x, "y": [v + 1.0 for v in module.reference(values, x)]}}
    assert any("drawn curve" in p for p in module.check_extra(values, drawn))
    louder = {**good, "noise": {"input": noise.tolist(), "output": (good_out * 1.12).tolist()}}
    assert any("third-octave" in p for p in module.check_extra(values, louder))
    wrong_q = module.reference(dict(values, bell_q=2.4), x)        # a Q twice too high
    assert disagreements(module, values, {"x": x, "y": wrong_q, "extra": good})


def test_a_compressor_render_with_other_ballistics_fails():
    module, values = defaults("compressor")
    from soundlib import dynamics
    from soundlib.recipes.labs_mix import lab_hits

    x = lab_hits()
    kw = dict(threshold_db=-20.0, ratio=4.0, knee_db=0.0, release_ms=60.0)
    good_gr = dynamics.gain_reduction_db(x, attack_ms=0.5, **kw)
    good_out = dynamics.compress(x, attack_ms=0.5, **kw)
    ok = {"reduction": good_gr[::10].tolist(), "output_db": module._window_db(good_out).tolist()}
    assert module.check_extra(values, ok) == []
    slow = dynamics.gain_reduction_db(x, attack_ms=5.0, **kw)      # a 10 times slower attack
    bad = {"reduction": slow[::10].tolist(),
           "output_db": module._window_db(dynamics.compress(x, attack_ms=5.0, **kw)).tolist()}
    problems = module.check_extra(values, bad)
    assert any("gain reduction at sample" in p for p in problems)
    assert any("output level in window" in p for p in problems)


def test_the_five_labs_are_in_their_lessons():
    from test_lessons import course_labs

    found = course_labs()
    assert found.get("eq") == ["docs/modules/06-mixing/eq.rst"]
    assert found.get("compressor") == ["docs/modules/06-mixing/compression.rst"]
    assert found.get("pan-width") == ["docs/modules/06-mixing/workflow-balance-panning.rst"]
    assert found.get("loudness") == ["docs/modules/07-mastering/loudness-targets.rst"]
    assert found.get("speaker-delay") == ["docs/modules/09-live-sound/coverage-delays-tuning.rst"]
