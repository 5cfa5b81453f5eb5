"""Reading: ``.. drill:: <kind>`` and ``.. drill-index::``.

The directive checks its input with :func:`gym.spec.check`; each problem is an error at the
file and line (:func:`course.errors.record`) and the build fails at its end. A good drill is
recorded in the ``gym`` domain (:mod:`gym.collector`).
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from course import errors
from gym import spec
from gym.collector import CATEGORY, DrillRecord, gym_domain
from gym.nodes import drill, drill_index


class DrillDirective(SphinxDirective):
    """``.. drill:: <kind>``: a drill (see :mod:`gym.spec` for the options)."""

    required_arguments = 1
    has_content = True
    option_spec = {name: directives.unchanged for name in spec.all_option_names()}  # noqa: RUF012

    def run(self) -> list[nodes.Node]:
        options = {k: v for k, v in self.options.items() if k != "class"}
        has_body = any(line.strip() for line in self.content)
        found, problems = spec.check(self.arguments[0], options, has_body)
        if problems:
            out = []
            for message in problems:
                errors.record(self.env, CATEGORY, self.env.docname, self.lineno,
                              f"drill: {message}", log=False)
                out.append(self.state.document.reporter.error(f"drill: {message}",
                                                              line=self.lineno))
            return out
        assert found is not None
        node = drill("", kind=found.kind, title=found.title, lesson=found.lesson,
                     anchor=found.anchor, config=found.config(self.env.docname),
                     classes=["gym-drill", *self.options.get("class", "").split()])
        node["ids"].append(found.anchor)
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        gym_domain(self.env).add(DrillRecord(
            kind=found.kind, docname=self.env.docname, line=self.lineno, title=found.title,
            lesson=found.lesson, module=found.module, family=found.family))
        return [node]


class DrillIndexDirective(SphinxDirective):
    """``.. drill-index::``: every drill of the site, by module (filled when writing), and the
    learner's progress with export, import and reset (course-gym.js)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        node = drill_index("")
        self.set_source_info(node)
        gym_domain(self.env).add_index(self.env.docname)
        return [node]
