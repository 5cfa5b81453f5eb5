"""HTML visitors: the lab's root element and its parts.

::

    <section class="course-lab" id="lab-<id>" data-lab="<kind>" data-lab-id="<id>"
             data-lab-params="[...JSON...]" aria-labelledby="lab-<id>-title">
      <p class="course-lab-title" id="lab-<id>-title">Comb filter lab</p>
      <div class="course-lab-question"><p class="course-lab-predict">Predict, then
        listen</p> ...the question...</div>
      <div class="course-lab-fallback"> ...the audio example and the figure for the
        default setting (what the page shows without JavaScript)... </div>
    </section>

``course-labs.js`` finds the root by ``data-lab``, builds the controls from
``data-lab-params`` and hands the root to the kind's setup (``ext/static/labs/<kind>.js``).
"""

from __future__ import annotations

import html
from typing import Any

from docutils import nodes


def visit_lab(self: Any, node: Any) -> None:
    ident = node["ident"]
    attrs = {
        "class": "course-lab",
        "id": f"lab-{ident}",
        "data-lab": node["kind"],
        "data-lab-id": ident,
        "data-lab-params": node["params_json"],
        "aria-labelledby": f"lab-{ident}-title",
    }
    text = " ".join(f'{k}="{html.escape(v, quote=True)}"' for k, v in attrs.items())
    self.body.append(f"<section {text}>\n")
    self.body.append(f'<p class="course-lab-title" id="lab-{html.escape(ident)}-title">'
                     f"{html.escape(node['title'])}</p>\n")


def depart_lab(self: Any, node: Any) -> None:
    self.body.append("</section>\n")


def visit_lab_question(self: Any, node: Any) -> None:
    self.body.append('<div class="course-lab-question">'
                     '<p class="course-lab-predict">Predict, then listen</p>\n')


def visit_lab_fallback(self: Any, node: Any) -> None:
    self.body.append('<div class="course-lab-fallback">\n'
                     '<p class="course-lab-fallback-note">The default setting, rendered when '
                     f"the course was built: {html.escape(node.parent['settings'])}.</p>\n")


def depart_div(self: Any, node: Any) -> None:
    self.body.append("</div>\n")


def _skip(self: Any, node: Any) -> None:
    raise nodes.SkipNode


VISITORS = {
    "lab": (visit_lab, depart_lab),
    "lab_question": (visit_lab_question, depart_div),
    "lab_fallback": (visit_lab_fallback, depart_div),
}
