"""Every drill kind has a lesson with a "Train it" link to it, and links back to that lesson."""

from __future__ import annotations

from pathlib import Path

import linkcheck

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_every_drill_is_trained_from_a_lesson_and_links_back():
    assert linkcheck.problems(DOCS) == []
    found = {d.kind for d in linkcheck.drills(DOCS)}
    assert found == set(linkcheck.KINDS)
    links = linkcheck.train_links(DOCS)
    assert sum(len(v) for v in links.values()) >= 14
    assert "modules/06-mixing/compression" in links["compression"]


def write(root: Path, name: str, text: str) -> None:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


GYM = """\
.. _gym-reverb:

Reverb
------

.. drill:: reverb
   :lesson: modules/06-mixing/space

   Body.

Distortion
----------

.. drill:: distortion
   :lesson: modules/06-mixing/saturation

   Body.
"""

LESSON = """\
Try it
------

.. admonition:: Train it
   :class: train-it

   - :ref:`Reverb time <gym-reverb>`: judge decay times.
   - :ref:`Delay <gym-delay>`: no such drill.
"""


def test_broken_links_are_reported(tmp_path):
    write(tmp_path, "gym/processing.rst", GYM)
    write(tmp_path, "modules/06-mixing/space.rst", LESSON)
    write(tmp_path, "modules/06-mixing/saturation.rst", "No box here.\n")
    found = linkcheck.problems(tmp_path, kinds=("reverb", "distortion", "abx"))
    assert found == [
        "no drill of kind 'abx' in docs/gym/",
        "gym/processing: the distortion drill has no '.. _gym-distortion:' label before it",
        "gym/processing: no lesson has a 'Train it' link to the distortion drill",
        "gym/processing: the distortion drill links back to modules/06-mixing/saturation, which "
        "has no 'Train it' link to it (linked from: none)",
        "'Train it' links to gym-delay in modules/06-mixing/space, but no such drill exists",
    ]
