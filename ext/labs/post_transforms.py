"""Writing: the HTML site keeps the ``lab`` node (``labs.html`` writes the interactive lab
with its no-JavaScript fallback); every other output (PDF, EPUB, text, spelling, ...) gets
the print rendering (``labs.latex.print_nodes``). One post-transform each, chosen by Sphinx
from ``formats`` and the builder's name.

Priority 4: before the audio extension's label transform (5), so that the audio example
moved out of the lab is labelled like any other.
"""

from __future__ import annotations

from typing import Any

from sphinx.transforms.post_transforms import SphinxPostTransform

from labs.latex import print_nodes
from labs.nodes import lab

#: The builders that write the interactive lab (JavaScript on a web page).
INTERACTIVE_BUILDERS = ("html", "dirhtml", "singlehtml")


class LabPrint(SphinxPostTransform):
    """Every output but the HTML site: the lab as plain nodes."""

    default_priority = 4

    def is_supported(self) -> bool:
        return self.env._app.builder.name not in INTERACTIVE_BUILDERS

    def run(self, **kwargs: Any) -> None:
        builder = self.env._app.builder
        for node in list(self.document.findall(lab)):
            # the lab's own page (LaTeX writes the whole book as one doctree)
            node.replace_self(print_nodes(node, builder, self.config, node["docname"]))


class LabHtmlImageSize(SphinxPostTransform):
    """HTML: width and height on the lab's figure (when ``course_figure`` is not loaded)."""

    default_priority = 901
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        from docutils import nodes

        for node in self.document.findall(lab):
            for image in node.findall(nodes.image):
                size = image.get("course_svg_size")
                if size and "width" not in image:
                    image["width"], image["height"] = (str(v) for v in size)
