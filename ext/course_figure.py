"""Course figures: ``.. course-figure:: <name>``, a matplotlib figure from ``figures/``.

The syntax is in CONTRIBUTING.md ("Figures") and, with live results, in
``docs/authoring/figures.rst``.

The directive checks its input (the figure exists, ``:params:`` are literal keyword
arguments that bind to the function, ``:alt:`` and the caption are present); a problem is an
error at the file and line. It then renders the figure once per cache key (a SHA-256 of
``figures.source_hash()``, the name and the sorted parameters) into the figure cache
(``figure_cache_dir``, default ``<outdir>/../.figure-cache``) as a deterministic SVG (for
HTML and EPUB) and PDF (for LaTeX), with text drawn as paths and no dates.

The result is a standard docutils ``figure`` with an ``image`` and a ``caption``, so numfig
numbers it and ``:numref:`` reaches it through ``:name:``. The image URI is the relative path
from the document to ``<cache>/<name>-<key16>.*``: Sphinx's own image collector then finds
both files as candidates, each builder picks the format it supports (SVG for HTML, PDF for
LaTeX) and copies it to its image folder (``_images/`` in HTML) the usual way. HTML images
get ``loading="lazy"`` and, unless ``:width:`` is given, ``width`` and ``height`` attributes
from the SVG's size so the page does not shift while it loads.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging
from sphinx.util.docutils import SphinxDirective

from course import errors
from course.assets import add_static_files
from course.cache import SVG_HASH_SALT, cache_key, cache_root, save_figure_deterministic
from course.svg import svg_size_px
from course.tracebacks import exception_text, load_once
from soundlib.params import ParamError, check_params, parse_params

logger = logging.getLogger(__name__)

#: Bump when the way figures are saved changes (invalidates the cache).
PIPELINE_VERSION = "1"
CATEGORY = "figure"
#: Names of the figures rendered by this process, in order (tests read it).
RENDERED: list[str] = []


class InputError(ValueError):
    """The figure modules cannot be imported (reported at the directive)."""


def _ensure_env(env) -> None:
    if not hasattr(env, "course_figures"):
        env.course_figures = {}


_LOAD_ERROR: list[str] = []


def _load_figures():
    import figures

    failure = load_once(_LOAD_ERROR, "the figure modules", figures.load_all)
    if failure:
        raise InputError(failure)
    return figures


def render_figure(name: str, params: dict, cache: Path, stem: str) -> tuple[Path, Path]:
    """Render figure ``name`` to ``<cache>/<stem>.svg`` and ``.pdf`` unless both exist."""
    svg, pdf = cache / f"{stem}.svg", cache / f"{stem}.pdf"
    if svg.is_file() and pdf.is_file():
        return svg, pdf
    figures = _load_figures()
    import matplotlib

    with matplotlib.rc_context({"svg.hashsalt": SVG_HASH_SALT, "svg.fonttype": "path"}):
        fig = figures.render(name, dict(params))  # a Figure, not pyplot's: nothing to close
        save_figure_deterministic(fig, svg, "svg")
        save_figure_deterministic(fig, pdf, "pdf")
    RENDERED.append(name)
    return svg, pdf


class CourseFigureDirective(SphinxDirective):
    """``.. course-figure:: <figure-name>``"""

    required_arguments = 1
    optional_arguments = 0
    final_argument_whitespace = False
    has_content = True
    option_spec = {
        "params": directives.unchanged,
        "alt": directives.unchanged,
        "width": directives.length_or_percentage_or_unitless,
        "name": directives.unchanged,
        "class": directives.class_option,
    }

    def check(self, name: str) -> tuple[Any, dict[str, Any], str, list[nodes.Node], list[str]]:
        """The figures module, the parameters, the alt text, the caption and the problems."""
        problems: list[str] = []
        figures = func = None
        try:
            figures = _load_figures()
            func = figures.get_figure(name)
        except KeyError as exc:
            problems.append(exc.args[0] if exc.args else f"unknown figure {name!r}")
        except InputError as exc:
            problems.append(str(exc))
        except Exception as exc:
            problems.append(f"cannot look up figure {name!r}: {exception_text(exc)}")
        params: dict[str, Any] = {}
        try:
            params = parse_params(self.options.get("params"))
            if func is not None:
                check_params(func, params, f"figure {name!r}")
        except ParamError as exc:
            problems.append(str(exc))
        alt = " ".join((self.options.get("alt") or "").split())
        if not alt:
            problems.append("the :alt: option is required: describe what the figure shows for "
                            "readers who cannot see it")
        body = self.parse_content_to_nodes() if "\n".join(self.content).strip() else []
        if not body:
            problems.append("the caption (the directive's body) is missing")
        elif not isinstance(body[0], nodes.paragraph):
            problems.append("the caption must start with a paragraph")
        return figures, params, alt, body, problems

    def run(self) -> list[nodes.Node]:
        env = self.env
        _ensure_env(env)
        docname = env.docname
        name = self.arguments[0]
        figures, params, alt, body, problems = self.check(name)
        if problems:
            errors.record(env, CATEGORY, docname, self.lineno,
                          f"course-figure {name!r}: " + "; ".join(problems))
            return []

        source_hash = getattr(env, "figure_source_hash", None)
        cache = Path(getattr(env, "figure_cache_path", "") or ".")
        try:
            if source_hash is None:
                source_hash = env.figure_source_hash = figures.source_hash()
            key = cache_key({"pipeline": PIPELINE_VERSION, "source": source_hash,
                             "figure": name, "params": params})
            stem = f"{name}-{key[:16]}"
            svg, _pdf = render_figure(name, params, cache, stem)
        except Exception as exc:
            errors.record(env, CATEGORY, docname, self.lineno,
                          f"course-figure {name!r}: the figure function failed: "
                          f"{exception_text(exc)}")
            return []

        if b"<image" in svg.read_bytes():
            logger.warning(
                "course-figure %r: the SVG embeds a raster image (imshow, pcolormesh or "
                "rasterized=True); draw it with vector artists so it stays sharp at any size",
                name, location=(docname, self.lineno), type="course", subtype="figure-raster")
        docdir = Path(env.doc2path(docname)).parent
        uri = Path(os.path.relpath(cache / f"{stem}.*", docdir)).as_posix()
        figure = nodes.figure("", classes=["course-figure", *self.options.get("class", [])])
        self.set_source_info(figure)
        # "no-scaled-link": no link around the sized <img> to the SVG itself.
        image = nodes.image(self.block_text, uri=uri, alt=alt, loading="lazy",
                            classes=["no-scaled-link"])
        self.set_source_info(image)
        size = svg_size_px(svg)
        if size:
            image["course_svg_size"] = size
        if "width" in self.options:
            image["width"] = self.options["width"]
        figure += image
        first, rest = body[0], body[1:]
        caption = nodes.caption(first.rawsource, "", *first.children)
        caption.source, caption.line = first.source, first.line
        figure += caption
        if rest:
            figure += nodes.legend("", *rest)
        if "name" in self.options:
            self.options["name"] = self.options["name"].strip()
            self.add_name(figure)
        env.course_figures.setdefault(docname, []).append(
            {"docname": docname, "lineno": self.lineno, "figure": name, "params": params,
             "key": key, "stem": stem, "source_hash": source_hash, "alt": alt}
        )
        return [figure]


# -- events --------------------------------------------------------------------------------------


def on_builder_inited(app) -> None:
    env = app.env
    _ensure_env(env)
    env.figure_cache_path = str(cache_root(app, "figure_cache_dir", ".figure-cache"))
    try:
        import figures

        env.figure_source_hash = figures.source_hash()
    except Exception as exc:  # reported by each directive
        env.figure_source_hash = None
        logger.warning("cannot import figures: %s", exception_text(exc))


def on_env_get_outdated(app, env, added, changed, removed) -> set[str]:
    """Re-read documents whose figures' source changed (``course.errors`` re-reads the
    documents that had errors)."""
    _ensure_env(env)
    stale = set()
    current = getattr(env, "figure_source_hash", None)
    for docname, items in env.course_figures.items():
        if any(rec["source_hash"] != current for rec in items):
            stale.add(docname)
    return stale - set(removed)


def on_env_purge_doc(app, env, docname: str) -> None:
    _ensure_env(env)
    env.course_figures.pop(docname, None)


def on_env_merge_info(app, env, docnames, other) -> None:
    _ensure_env(env)
    for docname, items in getattr(other, "course_figures", {}).items():
        if docname in docnames:
            env.course_figures[docname] = items


class FigureImageSize(SphinxPostTransform):
    """HTML: width and height attributes from the SVG, so the layout does not shift."""

    default_priority = 900
    formats = ("html",)

    def run(self, **kwargs: Any) -> None:
        for figure in self.document.findall(nodes.figure):
            if "course-figure" not in figure["classes"]:
                continue
            for image in figure.findall(nodes.image):
                size = image.get("course_svg_size")
                if not size:
                    continue
                width, height = size
                if "width" not in image:
                    image["width"], image["height"] = str(width), str(height)
                else:
                    value, unit = nodes.parse_measure(image["width"])
                    if unit in ("", "px"):
                        image["width"] = str(round(value))
                        image["height"] = str(round(value * height / width))


def _summary(found: list) -> str:
    total = len(found)
    return (f"{total} course figure error{'s' if total != 1 else ''} (see the messages "
            "above); the output is incomplete")


def setup(app):
    app.setup_extension("course")
    app.add_config_value("figure_cache_dir", "", "", types=frozenset({str}),
                         description="Folder of rendered figures "
                                     "(default <outdir>/../.figure-cache)")
    app.add_directive("course-figure", CourseFigureDirective)
    app.connect("builder-inited", on_builder_inited)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("env-purge-doc", on_env_purge_doc)
    app.connect("env-merge-info", on_env_merge_info)
    app.add_post_transform(FigureImageSize)
    errors.add_summary(app, CATEGORY, _summary)
    add_static_files(app, css=["audio.css"])
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True,
            "env_version": 1}
