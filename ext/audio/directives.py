"""The directives: ``audio-example``, ``audio-pair`` and ``practice-session``.

Each directive checks its input (``audio.spec``, ``soundlib.params``), reports every problem
as one error at its file and line (``course.errors.record``: the document is read again by
the next build until it is fixed) and leaves the example out; a valid directive records an
``AudioExample`` or ``PracticeSession`` (``audio.collector``) and returns its nodes.
Duplicate ids are found later, over the records of every document.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from audio.collector import CATEGORY, AudioExample, PracticeSession, audio_data
from audio.nodes import audio_caption, audio_description, audio_example, audio_pair, practice_session
from audio.spec import InputError, check_example, check_id, session_key
from course import errors
from course.tracebacks import exception_text, load_once
from soundlib.params import ParamError, check_params, parse_params

_LOAD_ERROR: list[str] = []  # the recipe modules' import error, once per process


def load_recipes():
    """Import ``soundlib.recipes`` and every recipe module (once); returns the module.
    Raises ``InputError`` if a recipe module cannot be imported."""
    import soundlib.recipes as recipes

    failure = load_once(_LOAD_ERROR, "the recipe modules", recipes.load_all)
    if failure:
        raise InputError(failure)
    return recipes


def lookup_recipe(name: str) -> Callable:
    """The recipe ``name``; ``KeyError`` (unknown) or ``InputError`` (broken library)."""
    recipes = load_recipes()
    try:
        return recipes.get_recipe(name)
    except KeyError:
        raise
    except Exception as exc:  # the sound library itself is broken
        raise InputError(f"cannot look up recipe {name!r}: {exception_text(exc)}") from None


class AudioExampleDirective(SphinxDirective):
    """``.. audio-example:: <id>``"""

    required_arguments = 1
    optional_arguments = 0
    final_argument_whitespace = False
    has_content = True
    option_spec = {  # noqa: RUF012 (docutils API)
        "recipe": directives.unchanged,
        "params": directives.unchanged,
        "plot": directives.unchanged,
        "loudness": directives.unchanged,
        "lossless": directives.flag,
        "allow-clipping": directives.flag,
        "description": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        data = audio_data(self.env)
        ident = self.arguments[0]
        docname = self.env.docname
        has_caption = bool("\n".join(self.content).strip())
        spec, problems = check_example(self.options, has_caption, lookup_recipe)
        problems = check_id(ident, docname) + problems
        if not problems and data.source_hash is None:
            problems.append("cannot hash the sound library (see the warning above)")
        if problems:
            errors.record(self.env, CATEGORY, docname, self.lineno,
                          f"audio-example {ident!r}: " + "; ".join(problems))
            return []

        examples = data.examples.setdefault(docname, [])
        seq = len(examples)
        node = audio_example("", ident=ident, docname=docname, seq=seq,
                             classes=list(self.options.get("class", [])))
        self.set_source_info(node)
        caption = audio_caption()
        self.set_source_info(caption)
        caption.extend(self.parse_content_to_nodes())
        node += caption
        desc = audio_description()
        self.set_source_info(desc)
        inline, messages = self.parse_inline(self.options["description"].strip(),
                                             lineno=self.lineno)
        para = nodes.paragraph("", "", *inline)
        self.set_source_info(para)
        desc += para
        node += desc
        examples.append(AudioExample(
            id=ident, docname=docname, lineno=self.lineno, seq=seq, recipe=spec.recipe,
            params=spec.params, lossless=spec.lossless, loudness=spec.loudness,
            allow_clipping=spec.allow_clipping, plot=spec.plot,
            caption=" ".join(caption.astext().split()), description=spec.description,
            source_hash=data.source_hash, key=spec.key(data.source_hash)))
        return [node, *messages]


class AudioPairDirective(SphinxDirective):
    """``.. audio-pair::`` holding exactly two ``audio-example`` directives."""

    has_content = True
    option_spec = {  # noqa: RUF012 (docutils API)
        "labels": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        env = self.env
        docname = env.docname
        problems = []
        labels = ["A", "B"]
        if "labels" in self.options:
            labels = [s.strip() for s in (self.options["labels"] or "").split(",")]
            if len(labels) != 2 or not all(labels):
                problems.append(
                    f":labels: must be two labels separated by a comma (e.g. Before, After), "
                    f"not {self.options['labels']!r}"
                )
        errors_before = len(errors.errors(env, CATEGORY))
        children = self.parse_content_to_nodes()
        failed_inside = len(errors.errors(env, CATEGORY)) > errors_before
        examples = [c for c in children if isinstance(c, audio_example)]
        others = [c for c in children if not isinstance(
            c, (audio_example, nodes.comment, nodes.system_message, nodes.target))]
        if not failed_inside:
            if len(examples) != 2:
                problems.append(
                    f"needs exactly two audio-example directives in its body, found {len(examples)}"
                )
            if others:
                problems.append(
                    "may contain only the two audio-example directives (put other text before "
                    "or after the pair)"
                )
        records = audio_data(env).examples.get(docname, [])
        if problems:
            errors.record(env, CATEGORY, docname, self.lineno, "audio-pair: " + "; ".join(problems))
            dropped = {ex["seq"] for ex in examples}  # keep the records in step with the output
            records[:] = [rec for rec in records if rec.seq not in dropped]
            return []
        pair = audio_pair("", classes=list(self.options.get("class", [])), labels=labels)
        self.set_source_info(pair)
        for ex, label in zip(examples, labels):
            for rec in records:
                if rec.seq == ex["seq"]:
                    rec.pair = label
        pair.extend(children)
        return [pair]


class PracticeSessionDirective(SphinxDirective):
    """``.. practice-session::`` with optional ``:params:`` for
    ``soundlib.session.build_practice_session``; the body (optional) introduces the link."""

    has_content = True
    option_spec = {  # noqa: RUF012 (docutils API)
        "params": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        env = self.env
        data = audio_data(env)
        docname = env.docname
        try:
            params = parse_params(self.options.get("params"))
            func = _session_function()
            check_params(func, {**params, "outdir": None}, "function 'build_practice_session'")
            if data.source_hash is None:
                raise InputError("cannot hash the sound library (see the warning above)")
        except (InputError, ParamError) as exc:
            errors.record(env, CATEGORY, docname, self.lineno, f"practice-session: {exc}")
            return []
        key = session_key(data.source_hash, params)
        node = practice_session("", key=key, classes=list(self.options.get("class", [])))
        self.set_source_info(node)
        node.extend(self.parse_content_to_nodes())
        data.sessions.setdefault(docname, []).append(PracticeSession(
            docname=docname, lineno=self.lineno, params=params, key=key,
            source_hash=data.source_hash))
        return [node]


def _session_function() -> Any:
    try:
        from soundlib import session as session_mod
    except Exception as exc:
        raise InputError(f"soundlib.session cannot be imported: {exception_text(exc)}") from None
    func = getattr(session_mod, "build_practice_session", None)
    if func is None:
        raise InputError("soundlib.session has no build_practice_session function")
    return func
