"""HTML visitors (html, dirhtml, singlehtml): the markup course-gym.js expects.

The contract (ext/README.md, "The listening gym")::

    <div class="gym-drill" id="drill-<kind>" data-drill="<kind>" data-drill-config="{json}">
      <p class="gym-drill-title">Title</p>
      <div class="gym-app" hidden></div>          (course-gym.js builds the drill here)
      <div class="gym-fallback">the body: what it trains, how to practice it in any DAW,
        the link back to the lesson</div>
    </div>
"""

from __future__ import annotations

import json
from typing import Any

from docutils import nodes

from gym.nodes import drill, drill_index


def visit_drill(self: Any, node: drill) -> None:
    config = json.dumps(node["config"], sort_keys=True, separators=(",", ":"))
    title = self.encode(node["title"])
    self.body.append(self.starttag(
        node, "div", CLASS="gym-drill", role="group", **{"data-drill": node["kind"],
                                           "data-drill-config": config,
                                           "aria-label": node["title"]}))
    self.body.append(f'<p class="gym-drill-title"><strong>{title}</strong></p>\n')
    self.body.append('<div class="gym-app" hidden></div>\n')
    self.body.append('<div class="gym-fallback">\n<p class="gym-nojs">The interactive drill '
                     "needs JavaScript. Without it, practice as described here.</p>\n")


def depart_drill(self: Any, node: drill) -> None:
    self.body.append("</div>\n</div>\n")


def skip(self: Any, node: nodes.Node) -> None:
    raise nodes.SkipNode


VISITORS = {
    drill: (visit_drill, depart_drill),
    drill_index: (skip, None),
}
