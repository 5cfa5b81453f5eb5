"""The instructor pack: every quiz question exported for learning management systems.

After an HTML build, ``downloads/instructor/`` holds, for the whole course and for each
module, Moodle XML, GIFT, an IMS QTI 1.2 package and an IMS Common Cartridge 1.3. The guide
for instructors (``docs/instructors/index.rst``) explains the imports and places
``.. lms-exports::``, the download table with the question count per format. One module per
step:

:mod:`lms.model`
    The neutral question model: the quiz domain's records and their nodes turned into
    :class:`~lms.model.Item` (HTML and text, feedback, numeric answer, unit, tolerance,
    module and lesson categories, audio), and what every format cannot express.
:mod:`lms.moodle`, :mod:`lms.gift`, :mod:`lms.qti`, :mod:`lms.cartridge`
    One module per format: its ``unsupported`` rule and its ``export``.
:mod:`course.archive`
    Byte-reproducible ZIPs (sorted entries, ``SOURCE_DATE_EPOCH`` timestamps, fixed modes);
    shared with the offline site's ZIP (:mod:`offline.sitezip`).
:mod:`lms.export`
    The post-build step (``build-finished``, HTML builder only): writes the files and logs
    every question a format leaves out, with the reason, as an info line.
:mod:`lms.directives`, :mod:`lms.post_transforms`
    ``.. lms-exports::`` and its filling when the page is written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lms import directives, export, post_transforms

if TYPE_CHECKING:
    from sphinx.application import Sphinx

__all__ = ["setup"]


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("course")
    app.setup_extension("quiz")
    app.add_node(directives.lms_exports)
    app.add_directive("lms-exports", directives.LmsExportsDirective)
    app.add_post_transform(post_transforms.FillExports)
    app.connect("build-finished", export.build_finished)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True}
