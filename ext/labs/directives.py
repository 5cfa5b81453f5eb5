"""Reading: ``.. lab:: <kind>`` with ``:id:`` and a body (the question to predict first).

The directive checks its input (a known kind, a valid ``:id:`` with the module's prefix, no
unknown option, a question) and reports every problem as one error at its file and line
(``course.errors.record``: the build fails, and the document is read again next time). A valid
lab records a ``LabRecord``, renders its figure for the default settings into the figure
cache (once per cache key, like ``course_figure``), and returns a ``lab`` node holding:

* the question (``lab_question``);
* the fallback (``lab_fallback``): an ordinary ``audio-example`` for the default settings,
  parsed from generated text, so that the audio extension renders, caches, numbers and
  writes it (HTML player, PDF plot and online address, EPUB audio) like any other example;
  and the figure, a docutils ``figure`` whose image is the cached SVG (HTML, EPUB) or PDF.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective

from audio.spec import check_id
from course import errors
from course.cache import SVG_HASH_SALT, cache_key, cache_root, save_figure_deterministic
from course.svg import svg_size_px
from course.tracebacks import exception_text
from labs import spec
from labs.collector import CATEGORY, LabRecord, lab_data
from labs.nodes import lab, lab_fallback, lab_question

#: Bump when the way lab figures are drawn or saved changes (invalidates their cache).
PIPELINE_VERSION = "1"
OPTIONS = ("id", "class")


class _AnyOption(dict):
    """An option spec that accepts every name, so that the directive itself reports an
    unknown option through ``course.errors`` (with the known options) instead of docutils."""

    def __missing__(self, key: str):
        return lambda value: value


def figure_stem(kind: str, values: dict, source_hash: str) -> str:
    key = cache_key({"pipeline": PIPELINE_VERSION, "source": source_hash, "kind": kind,
                     "values": values})
    return f"lab-{kind}-{key[:16]}"


def render_figure(module: Any, values: dict, cache: Path, stem: str) -> Path:
    """The kind's figure for ``values`` as ``<cache>/<stem>.svg`` and ``.pdf`` (unless both
    exist); returns the SVG's path."""
    svg, pdf = cache / f"{stem}.svg", cache / f"{stem}.pdf"
    if svg.is_file() and pdf.is_file():
        return svg
    import matplotlib

    with matplotlib.rc_context({"svg.hashsalt": SVG_HASH_SALT, "svg.fonttype": "path"}):
        fig = module.figure(values)
        save_figure_deterministic(fig, svg, "svg")
        save_figure_deterministic(fig, pdf, "pdf")
    return svg


def _literal(value: Any) -> str:
    return repr(value)


def audio_example_text(module: Any, ident: str, values: dict) -> list[str]:
    """The ``audio-example`` directive for the default settings, as lines of reST."""
    params = getattr(module, "recipe_params", lambda v: v)(values)
    settings = spec.settings_text(module.PARAMS, values)
    return [
        f".. audio-example:: {ident}",
        f"   :recipe: {module.RECIPE}",
        "   :params: " + ", ".join(f"{k}={_literal(v)}" for k, v in params.items()),
        "   :description: " + " ".join(module.description(values).split()),
        *([] if getattr(module, "LOUDNESS", "default") == "default"
          else [f"   :loudness: {'none' if module.LOUDNESS is None else module.LOUDNESS}"]),
        "",
        f"   The {module.TITLE.lower()} at its default setting ({settings}), rendered when "
        "the course was built.",
    ]


class LabDirective(SphinxDirective):
    """``.. lab:: <kind>``"""

    required_arguments = 1
    optional_arguments = 0
    final_argument_whitespace = False
    has_content = True
    option_spec = _AnyOption({name: (lambda value: value) for name in OPTIONS})  # noqa: RUF012

    def problems(self) -> tuple[Any, list[str]]:
        from labs.kinds import get_kind

        problems: list[str] = []
        module = None
        kind = self.arguments[0]
        try:
            module = get_kind(kind)
        except KeyError as exc:
            problems.append(exc.args[0])
        except Exception as exc:  # a kind module that does not import
            problems.append(f"cannot load the lab kinds: {exception_text(exc)}")
        unknown = sorted(set(self.options) - set(OPTIONS))
        if unknown:
            problems.append(f"unknown option{'s' if len(unknown) > 1 else ''} "
                            f"{', '.join(':' + u + ':' for u in unknown)}; the options are "
                            f"{', '.join(':' + o + ':' for o in OPTIONS)}")
        ident = str(self.options.get("id") or "").strip()
        if not ident:
            problems.append("the :id: option is required (it names the lab and its audio)")
        elif not spec.ID_RE.match(ident):
            problems.append("the :id: may contain only letters, digits, '-' and '_'")
        else:
            problems += check_id(ident, self.env.docname)
        if not "\n".join(self.content).strip():
            problems.append("the question to predict first (the directive's body) is missing")
        return module, problems

    def run(self) -> list[nodes.Node]:
        env, docname, kind = self.env, self.env.docname, self.arguments[0]
        module, problems = self.problems()
        data = lab_data(env)
        if not problems and data.source_hash is None:
            problems.append("cannot hash the lab kinds and the sound library (see the "
                            "warning above)")
        ident = str(self.options.get("id") or "").strip()
        label = f"lab {kind!r}" + (f" ({ident})" if ident else "")
        if problems:
            errors.record(env, CATEGORY, docname, self.lineno, f"{label}: " + "; ".join(problems))
            return []
        values = spec.defaults(module.PARAMS)
        cache = Path(env.lab_figure_cache)
        stem = figure_stem(kind, values, data.source_hash)
        try:
            svg = render_figure(module, values, cache, stem)
        except Exception as exc:
            errors.record(env, CATEGORY, docname, self.lineno,
                          f"{label}: the figure failed: {exception_text(exc)}")
            return []

        node = lab("", kind=kind, ident=ident, docname=docname, title=module.TITLE,
                   params_json=spec.params_json(module.PARAMS),
                   settings=spec.settings_text(module.PARAMS, values),
                   classes=["course-lab", *self.options.get("class", "").split()])
        self.set_source_info(node)
        question = lab_question()
        self.set_source_info(question)
        question.extend(self.parse_content_to_nodes())
        node += question
        fallback = lab_fallback()
        self.set_source_info(fallback)
        holder = nodes.container()
        self.state.nested_parse(StringList(audio_example_text(module, ident, values),
                                           source=self.get_source_info()[0]),
                                self.content_offset, holder)
        fallback.extend(holder.children)
        fallback += self.figure_node(module, values, cache, stem, svg)
        node += fallback
        data.labs.setdefault(docname, []).append(LabRecord(
            kind=kind, id=ident, docname=docname, lineno=self.lineno, values=values,
            figure_stem=stem, source_hash=data.source_hash))
        env.note_dependency(str(svg))
        return [node]

    def figure_node(self, module: Any, values: dict, cache: Path, stem: str,
                    svg: Path) -> nodes.figure:
        docdir = Path(self.env.doc2path(self.env.docname)).parent
        uri = Path(os.path.relpath(cache / f"{stem}.*", docdir)).as_posix()
        figure = nodes.figure("", classes=["course-figure", "course-lab-figure"])
        self.set_source_info(figure)
        image = nodes.image("", uri=uri, alt=module.alt(values), loading="lazy",
                            classes=["no-scaled-link"])
        size = svg_size_px(svg)
        if size:  # width and height in HTML (course_figure.FigureImageSize, or ours)
            image["course_svg_size"] = size
        figure += image
        settings = spec.settings_text(module.PARAMS, values)
        figure += nodes.caption("", f"{module.TITLE} at its default setting: {settings}.")
        return figure
