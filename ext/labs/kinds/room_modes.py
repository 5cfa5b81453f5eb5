"""Room modes (Module 1): the resonances of a rectangular room from its dimensions.

f = (c/2)·sqrt((nx/L)² + (ny/W)² + (nz/H)²), c = 343 m/s (air at 20 °C, as throughout the
course: ``soundlib.acoustics``). The defaults are the lesson's worked example, 5.0 × 4.0 ×
2.5 m, whose lowest mode is the first length mode at 34.3 Hz. The lab lists every mode below
300 Hz and plays the chosen one as a sine.

Agreement: the browser's list of mode frequencies (by rank) against
``soundlib.acoustics.room_modes`` within 0.01 Hz, and the frequency of the tone it renders in
an OfflineAudioContext (``extra.tone_hz``) against the chosen mode within 0.1 Hz.
"""

from __future__ import annotations

from labs.spec import Param

KIND = "room-modes"
TITLE = "Room modes lab"
PARAMS = (
    Param("length", "Length", 5.0, "m", 2.0, 12.0, 0.1),
    Param("width", "Width", 4.0, "m", 2.0, 10.0, 0.1),
    Param("height", "Height", 2.5, "m", 2.0, 5.0, 0.1),
    Param("mode", "Mode to play (rank from the lowest)", 1, "", 1, 40, 1),
)
RECIPE = "lab-room-modes"
TOLERANCE = 0.01
UNIT = "Hz"
#: No loudness normalization: K-weighting all but ignores a 34 Hz tone, so normalizing it
#: would push it into the limiter; the recipe's sine peaks at -6 dBFS.
LOUDNESS = None
#: What the lesson must say next to the lab (tests/labs/test_lessons.py): its defaults.
LESSON_FACTS = ("5.0 × 4.0 × 2.5 m", "34.3 Hz")
TONE_TOLERANCE_HZ = 0.1


def modes(values: dict) -> list:
    from soundlib.recipes.labs import ROOM_MODES_FMAX
    from soundlib.acoustics import room_modes

    return room_modes(values["length"], values["width"], values["height"], ROOM_MODES_FMAX)


def chosen(values: dict):
    from soundlib.recipes.labs import chosen_mode

    return chosen_mode(values["length"], values["width"], values["height"], values["mode"])


def reference(values: dict, x: list[float]) -> list[float]:
    """The frequencies of the modes ranked ``x`` (1 = the lowest) below 300 Hz."""
    found = modes(values)
    return [found[int(rank) - 1][0] if 1 <= rank <= len(found) else float("nan") for rank in x]


def check_extra(values: dict, extra: dict) -> list[str]:
    want = chosen(values)[0]
    got = extra.get("tone_hz")
    if got is None or abs(got - want) > TONE_TOLERANCE_HZ:
        return [f"the rendered tone is at {got} Hz, the chosen mode at {want:.3f} Hz "
                f"(tolerance {TONE_TOLERANCE_HZ} Hz)"]
    return []


def _dims(values: dict) -> str:
    return f"{values['length']:g} \u00d7 {values['width']:g} \u00d7 {values['height']:g} m"


def description(values: dict) -> str:
    freq, order, kind = chosen(values)
    return (f"A steady sine at {freq:.1f} Hz, the {kind} mode ({', '.join(map(str, order))}) "
            f"of a {_dims(values)} room: a deep hum, felt as much as heard.")


def alt(values: dict) -> str:
    found = modes(values)
    axial = [m for m in found if m[2] == "axial"]
    return (f"A chart of the modes below 300 Hz of a {_dims(values)} room in three rows: "
            f"{len(axial)} axial modes from {axial[0][0]:.1f} Hz, sparse at the bottom, then "
            "tangential and oblique modes, denser as the frequency rises.")


def figure(values: dict):
    from figures.m01 import room_modes_figure

    return room_modes_figure(values["length"], values["width"], values["height"], fmax=300.0)
