"""Speaker delay alignment (Module 9, "Delay towers and the precedence effect").

A main system, a delay tower ``tower_m`` in front of it and a listener ``behind_m`` behind
the tower. The tower is delayed by ``delay_ms``; the speed of sound follows the temperature
(``soundlib.alignment.speed_of_sound``: 331.3·√(1 + T/273.15) m/s). The defaults are the
lesson's worked example: 40 m, a listener 10 m behind, 20 °C, and the tower delayed by
40/343 s + 10 ms = 126.6 ms, so the main system leads by the 10 ms precedence offset. The
browser builds two DelayNodes (the main system's travel time; the tower's delay plus its
travel time) and a GainNode for the tower's level.

Agreement: the browser renders an impulse through both paths into two channels (main, tower)
in an OfflineAudioContext and reports the time (ms) of each channel's largest sample; both
must match ``alignment.arrivals_ms`` within one sample at 48 kHz (0.0208 ms). ``UNIT`` is
"ms", so the generic 1 dB shift does not apply; tests/labs/test_mix_kinds.py has the broken
fixture (a reference at a fixed 343 m/s, 0.08 ms off at 50 m, must fail).
"""

from __future__ import annotations

from labs.kinds import _common as c
from labs.spec import Param

KIND = "speaker-delay"
TITLE = "Delay tower lab"
PARAMS = (
    Param("tower_m", "Tower distance from the main system", 40.0, "m", 5.0, 150.0, 1.0),
    Param("behind_m", "Listener behind the tower", 10.0, "m", 1.0, 60.0, 1.0),
    Param("temp_c", "Air temperature", 20.0, "°C", -10.0, 40.0, 1.0),
    Param("delay_ms", "Delay on the tower", 126.6, "ms", 0.0, 400.0, 0.1),
    Param("tower_level_db", "Tower level at the listener", 3.0, "dB", -6.0, 12.0, 0.5),
)
RECIPE = "lab-speaker-delay"
#: One sample at 48 kHz, in ms.
TOLERANCE = 1000.0 / c.SR
UNIT = "ms"
#: The defaults as coverage-delays-tuning.rst states them just before the lab.
LESSON_FACTS = ("40 m", "10 m behind", "20 °C", "126.6 ms", "3 dB louder")


def arrivals(values: dict) -> tuple[float, float]:
    from soundlib import alignment

    return alignment.arrivals_ms(values["tower_m"], values["behind_m"], values["temp_c"],
                                 values["delay_ms"])


def reference(values: dict, x: list[float]) -> list[float]:
    """Arrival times (ms) at the listener: x = 1 the main system, x = 2 the tower."""
    main, tower = arrivals(values)
    return [main if round(v) == 1 else tower for v in x]


def check_extra(values: dict, extra: dict) -> list[str]:
    """The delay the lab suggests against ``alignment.tower_delay_ms`` (within 0.01 ms)."""
    from soundlib import alignment

    got = extra.get("suggested_ms")
    want = alignment.tower_delay_ms(values["tower_m"], values["temp_c"], 10.0)
    if got is None:
        return ["the browser sent no suggested delay"]
    if not abs(got - want) <= 0.01:
        return [f"suggested tower delay: browser {got} ms, Python {want:.3f} ms"]
    return []


def _lead(values: dict) -> float:
    main, tower = arrivals(values)
    return tower - main


def description(values: dict) -> str:
    lead = _lead(values)
    return (f"A drum loop from the main system (left) and a tower {values['tower_level_db']:g} dB "
            f"louder (right), the tower delayed {values['delay_ms']:g} ms: the main system "
            f"arrives {abs(lead):.1f} ms {'first' if lead > 0 else 'after the tower'}, and the "
            "sound seems to come from the stage side although the tower is louder.")


def alt(values: dict) -> str:
    main, tower = arrivals(values)
    return (f"A time line of the two arrivals at the listener: the main system at {main:.1f} ms "
            f"(0 dB) and the tower at {tower:.1f} ms ({values['tower_level_db']:+g} dB), "
            f"{abs(tower - main):.1f} ms apart, inside the precedence window.")


def figure(values: dict):
    main, tower = arrivals(values)
    fig, ax = c.figure(7.0, 3.0)
    ax.vlines([main], -20, [0], color=c.BLUE, linewidth=3, label="main system")
    ax.vlines([tower], -20, [values["tower_level_db"]], color=c.RED, linewidth=3,
              label="tower")
    ax.axvspan(main + 1, main + 40, color=c.GREY, alpha=0.15,
               label="precedence window (1–40 ms after the first arrival)")
    ax.text(main, 1, f"{main:.1f} ms", ha="right", fontsize=8, color=c.BLUE)
    ax.text(tower, values["tower_level_db"] + 1, f"{tower:.1f} ms", ha="left", fontsize=8,
            color=c.RED)
    ax.set_xlim(0, max(250.0, tower + 50))
    ax.set_ylim(-20, 12)
    ax.set_xlabel("Arrival time at the listener (ms)")
    ax.set_ylabel("Level (dB re main)")
    ax.set_title("Delay tower lab, default setting")
    ax.legend(loc="upper left", fontsize=8)
    c.grid(ax)
    return fig
