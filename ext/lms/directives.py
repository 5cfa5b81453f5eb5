"""``.. lms-exports::``: where the instructor guide shows the downloads and the counts.

The directive only places a node; :mod:`lms.post_transforms` fills it when the page is
written, once every question of the site is known.
"""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective


class lms_exports(nodes.General, nodes.Element):  # noqa: N801
    """Replaced when writing by the download table and the per-format counts."""


class LmsExportsDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        node = lms_exports()
        self.set_source_info(node)
        return [node]
