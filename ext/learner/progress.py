"""``.. course-progress::``: the progress page's root element and the course map.

In HTML it writes ``<div class="learner-progress" data-progress>`` holding what the page does
and that it needs JavaScript (shown without JavaScript), and the course map
(:func:`learner.course_map.course_map`) as a ``<script type="application/json">`` data block:
not executed, so a strict Content-Security-Policy allows it. course-progress.js builds the
page from it. In every other output the directive gives a paragraph: the page is interactive,
and where it is online (``html_baseurl``).

The page is read again on every build (``env.note_reread()``), so its map follows every change
of a module's lessons or questions.
"""

from __future__ import annotations

import json
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util.docutils import SphinxDirective

from course.urls import online_url
from learner.course_map import course_map

#: The builders that write the progress page itself.
HTML_BUILDERS = ("html",)

NOJS = ("This page brings together your progress through the course: each module's quiz "
        "results, the lessons you have marked as done, the listening drills' levels, and a "
        "review queue of the questions you missed, spaced out over 1, 3 and 7 days. It is "
        "built in your browser from what the quizzes saved there, so it needs JavaScript. "
        "Your progress is kept in this browser only (its local storage) and is sent nowhere.")


class progress_page(nodes.General, nodes.Element):  # noqa: N801 (docutils node names)
    """Where the progress page goes."""


class ProgressDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        self.env.note_reread()
        node = progress_page()
        self.set_source_info(node)
        return [node]


def json_script(data: Any) -> str:
    """JSON that is safe inside <script>: no "<", ">" or "&" (so no "</script>", no "<!--")."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def visit_html(self, node: progress_page) -> None:
    builder = self.builder
    doc = builder.current_docname
    root = builder.get_target_uri(doc)  # "progress.html": as many "../" as slashes
    prefix = "../" * root.count("/")
    data = course_map(builder.env, prefix, builder.out_suffix)
    self.body.append(
        '<div class="learner-progress" data-progress="">\n'
        f'<div class="learner-nojs"><p>{NOJS}</p></div>\n'
        f'<script type="application/json" class="learner-map">{json_script(data)}</script>\n'
        "</div>\n")
    raise nodes.SkipNode


class ProgressFallback(SphinxPostTransform):
    """Outside the HTML site (PDF, EPUB, text): a paragraph, with the online address."""

    default_priority = 200

    def run(self, **kwargs: Any) -> None:
        if self.env._builder_cls.name in HTML_BUILDERS:  # as SphinxPostTransform.is_supported
            return
        for node in list(self.document.findall(progress_page)):
            text = NOJS.replace("so it needs JavaScript", "so it works only in the web version")
            para = nodes.paragraph(text=text)
            url = online_url(self.config, self.env.docname + ".html")
            if url:
                para += nodes.Text(" It is online at ")
                para += nodes.reference(url, url, refuri=url)
                para += nodes.Text(".")
            node.replace_self(para)


def depart(self, node: progress_page) -> None:
    pass
