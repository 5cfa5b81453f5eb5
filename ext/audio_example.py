"""Audio examples: ``audio-example``, ``audio-pair`` and ``practice-session``.

The syntax is in CONTRIBUTING.md ("Audio examples") and, with live results, in
``docs/authoring/audio.rst``. How it works:

Reading (one directive run)
    Every option is checked: the recipe exists (``soundlib.recipes``), ``:params:`` are
    keyword arguments with literal values that bind to the recipe's signature, ``:plot:``,
    ``:loudness:``, ``:description:`` and the caption are valid, and the id is unique across
    the site. A problem is an error at the file and line (``file.rst:12: ERROR:
    audio-example 'm01-x': ...``) and the example is left out. A valid example is recorded
    in ``env.audio_examples[id]`` with its cache ``key``: a SHA-256 of the
    sound library's source hash, the recipe, the sorted parameters and the output options.

Generating (``env-updated``, once all documents are read)
    Examples whose key is not in the cache (``audio_cache_dir``, default
    ``<outdir>/../.audio-cache``) are rendered: recipe, length and sanity checks, loudness
    normalization (−20 LUFS, −1 dBTP ceiling by default), a clipping check, then an MP3
    (160 kbps) or a 16-bit WAV plus a JSON file of measured facts. Failures are errors at the
    directive's file and line; ``build-finished`` then logs a one-line summary and sets the
    exit status to 1, so the build fails even without ``-W``. Rendering runs in worker
    processes (``audio_jobs``). For HTML builders the files in use are copied to
    ``<outdir>/_audio/`` (before pages are written, so the EPUB manifest lists them).

Writing
    HTML (and EPUB): a ``<figure class="audio-example">`` with the caption, an ``<audio
    controls preload="none">`` player, a facts line, a download link and the text
    description. LaTeX: a figure with a plot of the same samples (waveform, spectrum or
    spectrogram, a deterministic vector PDF made on demand), the caption, the facts, the
    description and, when ``html_baseurl`` is set, the URL of the audio file. Other
    builders (text, man, texinfo, spelling...): plain paragraphs.

Other extensions may read ``env.audio_examples[id]`` (notably ``"file"``, the path of the
audio file relative to the HTML output directory, and ``"meta"``, the measured facts) and
may call ``audio_player_html(builder, docname, id)``.
"""

from __future__ import annotations

import ast
import hashlib
import html
import inspect
import json
import math
import os
import re
import shutil
import traceback
import zipfile
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util import logging
from sphinx.util.display import status_iterator
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

logger = logging.getLogger(__name__)

#: Bump when the rendering pipeline changes its output (invalidates every cache entry).
PIPELINE_VERSION = "1"
MAX_SECONDS = 30.0
DEFAULT_LOUDNESS = -20.0
CEILING_DBTP = -1.0
MP3_KBPS = 160
WAV_BITS = 16
PLOTS = ("waveform", "spectrum", "spectrogram")
DEFAULT_PLOT = "spectrum"
MINUS = "\N{MINUS SIGN}"
AUDIO_DIR = "_audio"
STATIC_DIR = Path(__file__).resolve().parent / "static"
#: Builders that never need the audio files (generation is skipped for them).
NO_GENERATION_BUILDERS = frozenset({"spelling", "linkcheck", "gettext", "changes"})
_ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")
_MODULE_RE = re.compile(r"^modules/(\d+)-[^/]+/")


class InputError(ValueError):
    """A problem in a directive's input (reported at its file and line)."""


class GenerationError(RuntimeError):
    """A problem while rendering an example (reported at its file and line)."""


# -- helpers shared with course_figure ---------------------------------------------------------


def parse_params(text: str | None) -> dict[str, Any]:
    """Parse ``:params:`` text such as ``f1=440, f2=443, names=["a", "b"]``.

    Only keyword arguments with literal values (numbers, strings, booleans, None, lists,
    tuples, dicts) are accepted. Raises ``InputError`` with a readable message.
    """
    text = (text or "").strip()
    if not text:
        return {}
    try:
        tree = ast.parse(f"f({text})", mode="eval")
    except SyntaxError as exc:
        hint = ""
        if MINUS in text:
            hint = " (write negative numbers with the ASCII hyphen-minus '-', not '−')"
        elif "=" not in text:
            hint = " (write name=value pairs separated by commas)"
        raise InputError(f"cannot parse :params: {text!r}: {exc.msg}{hint}") from None
    call = tree.body
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "f"):
        raise InputError(
            f"cannot parse :params: {text!r}: write name=value pairs separated by commas")
    if call.args:
        first = ast.get_source_segment(f"f({text})", call.args[0]) or "?"
        raise InputError(
            f":params: must be name=value pairs; {first!r} has no name (write e.g. freq={first})"
        )
    params: dict[str, Any] = {}
    for kw in call.keywords:
        if kw.arg is None:
            raise InputError(":params: cannot use ** unpacking; write name=value pairs")
        if kw.arg in params:
            raise InputError(f"cannot parse :params: {text!r}: parameter {kw.arg!r} is given twice")
        try:
            params[kw.arg] = ast.literal_eval(kw.value)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            src = ast.unparse(kw.value)
            raise InputError(
                f"parameter {kw.arg!r}: {src!r} is not a literal value (use numbers, strings "
                "in quotes, True/False/None, or lists of these)"
            ) from None
    return params


def check_params(func, params: dict[str, Any], kind: str, name: str) -> None:
    """Check that ``params`` bind to ``func``'s signature; raise ``InputError`` if not."""
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):  # pragma: no cover - builtins without a signature
        return
    kinds = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)
    accepted = [p for p in sig.parameters.values() if p.kind in kinds]
    names = [p.name for p in accepted]
    takes_any = any(p.kind == inspect.Parameter.VAR_KEYWORD for p in sig.parameters.values())
    described = ", ".join(
        f"{p.name}={p.default!r}" if p.default is not p.empty else f"{p.name} (required)"
        for p in accepted
    ) or "no parameters"
    if not takes_any:
        for key in params:
            if key not in names:
                import difflib

                close = difflib.get_close_matches(key, names, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise InputError(
                    f"{kind} {name!r} has no parameter {key!r}{hint}; it accepts: {described}"
                )
    missing = [p.name for p in accepted if p.default is p.empty and p.name not in params]
    if missing:
        raise InputError(
            f"{kind} {name!r} needs the parameter {missing[0]!r}, which has no default: add it "
            f"to :params: (it accepts: {described})"
        )
    positional_only = [
        p.name for p in sig.parameters.values()
        if p.kind == inspect.Parameter.POSITIONAL_ONLY and p.default is p.empty
    ]
    if positional_only:
        raise InputError(f"{kind} {name!r} has positional-only parameters {positional_only}; "
                         "a registered function must take keyword parameters")


def _json_default(obj: Any) -> Any:
    if isinstance(obj, (set, frozenset)):
        return sorted(repr(v) for v in obj)
    return repr(obj)


def canonical_json(obj: Any) -> str:
    """Deterministic JSON text (sorted keys) used for cache keys."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=True,
                      default=_json_default)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def exception_text(exc: BaseException) -> str:
    """``TypeName: message`` plus the file and line where it was raised (no traceback)."""
    msg = exc.args[0] if isinstance(exc, KeyError) and exc.args else str(exc)
    text = f"{type(exc).__name__}: {msg}" if msg else type(exc).__name__
    frames = traceback.extract_tb(exc.__traceback__)
    if frames:
        last = frames[-1]
        path = Path(last.filename)
        try:
            shown = path.resolve().relative_to(Path.cwd().resolve()).as_posix()
        except ValueError:
            shown = "/".join(path.parts[-2:])
        text += f" (raised at {shown}:{last.lineno})"
    return text


def report_error(env, docname: str, lineno: int | None, message: str, *,
                 store: str = "audio_read_errors") -> None:
    """Log an error at ``docname:lineno`` and remember it (the build fails at its end).

    Read-time errors are kept per document in ``env.<store>`` so that the document is read
    again by the next build (and the error is reported again) until it is fixed.
    """
    logger.error(message, location=(docname, lineno), type="course",
                 subtype=store.split("_")[0])
    errors = getattr(env, store, None)
    if errors is None:
        errors = {}
        setattr(env, store, errors)
    errors.setdefault(docname, []).append((lineno, message))


def cache_root(app, config_name: str, default_name: str) -> Path:
    """The cache directory from ``config.<config_name>`` (relative paths are taken from the
    configuration directory), or ``<outdir>/../<default_name>``."""
    value = getattr(app.config, config_name, None)
    if value:
        path = Path(value)
        if not path.is_absolute():
            path = Path(app.confdir) / path
    else:
        path = Path(app.outdir).parent / default_name
    path.mkdir(parents=True, exist_ok=True)
    return path


def atomic_write_bytes(path: Path, data: bytes) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, path)


def register_static(app) -> None:
    """Add ``ext/static`` to the HTML static path and ``audio.css`` to every page (once)."""
    if getattr(app, "_course_audio_css", False):
        return
    app._course_audio_css = True
    app.add_css_file("audio.css")

    def _add_static(app) -> None:
        static = str(STATIC_DIR)
        if static not in [str(p) for p in app.config.html_static_path]:
            app.config.html_static_path.append(static)

    app.connect("builder-inited", _add_static)


def fmt_number(value: float | None, digits: int = 1) -> str:
    """A number with the real minus sign; None is an em dash, -inf is −∞."""
    if value is None:
        return "\N{EM DASH}"
    if math.isinf(value):
        return f"{MINUS}\N{INFINITY}" if value < 0 else "\N{INFINITY}"
    text = f"{value:.{digits}f}"
    if text.startswith("-"):
        text = MINUS + text[1:]
        if float(text[1:]) == 0:
            text = text[1:]
    return text


def fmt_size(nbytes: int) -> str:
    if nbytes >= 1_000_000:
        return f"{nbytes / 1_000_000:.1f} MB"
    return f"{max(1, round(nbytes / 1000))} kB"


# -- nodes ---------------------------------------------------------------------------------------


class audio_example(nodes.General, nodes.Element):
    """One example: children are an ``audio_caption`` and an ``audio_description``."""


class audio_caption(nodes.General, nodes.Element):
    """The caption (the directive's body): what to listen for."""


class audio_description(nodes.General, nodes.Element):
    """The text description of the sound (``:description:``)."""


class audio_pair(nodes.General, nodes.Element):
    """Two ``audio_example`` nodes shown side by side."""


class practice_session(nodes.General, nodes.Element):
    """The practice multitrack download."""


# -- the env -------------------------------------------------------------------------------------


def _ensure_env(env) -> None:
    if not hasattr(env, "audio_examples"):
        env.audio_examples = {}
    if not hasattr(env, "audio_read_errors"):
        env.audio_read_errors = {}
    if not hasattr(env, "practice_sessions"):
        env.practice_sessions = {}


def _doc_path(env, docname: str) -> str:
    """The source file of ``docname`` relative to the source directory, for messages."""
    try:
        return Path(env.doc2path(docname, base=False)).as_posix()
    except Exception:  # pragma: no cover
        return docname


_LOAD_ERROR: list[str] = []  # the recipe modules' import error, once per process


def _load_recipes():
    """Import ``soundlib.recipes`` and every recipe module (once); returns the module."""
    import soundlib.recipes as recipes

    if not _LOAD_ERROR:
        try:
            recipes.load_all()
        except Exception as exc:
            _LOAD_ERROR.append(f"the recipe modules could not be imported: {exception_text(exc)}")
    if _LOAD_ERROR:
        raise InputError(_LOAD_ERROR[0])
    return recipes


def _current_source_hash(env) -> str:
    value = getattr(env, "audio_source_hash", None)
    if value is None:
        from soundlib.recipes import source_hash

        value = env.audio_source_hash = source_hash()
    return value


def example_key(source_hash: str, recipe: str, params: dict, lossless: bool,
                loudness: float | None, allow_clipping: bool) -> str:
    return sha256_text(canonical_json({
        "pipeline": PIPELINE_VERSION,
        "soundlib": source_hash,
        "recipe": recipe,
        "params": params,
        "format": f"wav{WAV_BITS}" if lossless else f"mp3-{MP3_KBPS}",
        "loudness": loudness,
        "ceiling_dbtp": CEILING_DBTP if loudness is not None else None,
        "allow_clipping": allow_clipping,
    }))


# -- directives ----------------------------------------------------------------------------------


def _parse_loudness(value: str | None) -> float | None:
    if value is None:
        return DEFAULT_LOUDNESS
    text = value.strip().replace(MINUS, "-")
    if text.lower() == "none":
        return None
    text = re.sub(r"\s*LUFS$", "", text, flags=re.IGNORECASE)
    try:
        number = float(text)
    except ValueError:
        raise InputError(
            f":loudness: must be a target in LUFS (e.g. -16) or 'none', not {value!r}"
        ) from None
    if not (-70.0 <= number <= 0.0) or not math.isfinite(number):
        raise InputError(f":loudness: {value} is outside the useful range −70 to 0 LUFS")
    return number


class AudioExampleDirective(SphinxDirective):
    """``.. audio-example:: <id>``"""

    required_arguments = 1
    optional_arguments = 0
    final_argument_whitespace = False
    has_content = True
    option_spec = {
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
        env = self.env
        _ensure_env(env)
        ident = self.arguments[0]
        docname = env.docname
        problems: list[str] = []

        if not _ID_RE.match(ident):
            problems.append("the id may contain only letters, digits, '-' and '_'")
        module = _MODULE_RE.match(docname)
        if module and not ident.startswith(f"m{module.group(1)}-"):
            problems.append(f"ids in this module start with 'm{module.group(1)}-'")

        recipe_name = (self.options.get("recipe") or "").strip()
        params: dict[str, Any] = {}
        func = None
        if not recipe_name:
            problems.append("the :recipe: option is required")
        else:
            try:
                recipes = _load_recipes()
                func = recipes.get_recipe(recipe_name)
            except KeyError as exc:
                problems.append(exc.args[0] if exc.args else f"unknown recipe {recipe_name!r}")
            except InputError as exc:
                problems.append(str(exc))
            except Exception as exc:  # the sound library itself is broken
                problems.append(f"cannot look up recipe {recipe_name!r}: {exception_text(exc)}")
        try:
            params = parse_params(self.options.get("params"))
            if func is not None:
                check_params(func, params, "recipe", recipe_name)
        except InputError as exc:
            problems.append(str(exc))

        plot = (self.options.get("plot") or DEFAULT_PLOT).strip()
        if plot not in PLOTS:
            problems.append(f":plot: must be one of {', '.join(PLOTS)}, not {plot!r}")
        try:
            loudness = _parse_loudness(self.options.get("loudness"))
        except InputError as exc:
            problems.append(str(exc))
            loudness = DEFAULT_LOUDNESS

        description = " ".join((self.options.get("description") or "").split())
        if not description:
            problems.append(
                "the :description: option is required: describe the sound in words for "
                "readers who cannot listen"
            )
        if not "\n".join(self.content).strip():
            problems.append("the caption (the directive's body: what to listen for) is missing")

        other = env.audio_examples.get(ident)
        if other is not None:
            problems.append(
                f"duplicate id: {ident!r} is already used at "
                f"{_doc_path(env, other['docname'])}:{other['lineno']} (this one is at "
                f"{_doc_path(env, docname)}:{self.lineno}); ids must be unique across the site"
            )

        if problems:
            report_error(env, docname, self.lineno,
                         f"audio-example {ident!r}: " + "; ".join(problems))
            return []

        lossless = "lossless" in self.options
        allow_clipping = "allow-clipping" in self.options
        try:
            source_hash = _current_source_hash(env)
        except Exception as exc:
            report_error(env, docname, self.lineno,
                         f"audio-example {ident!r}: cannot hash the sound library: "
                         f"{exception_text(exc)}")
            return []
        key = example_key(source_hash, recipe_name, params, lossless, loudness, allow_clipping)

        node = audio_example("", ident=ident, classes=list(self.options.get("class", [])))
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

        seq = sum(1 for r in env.audio_examples.values() if r["docname"] == docname)
        env.audio_examples[ident] = {
            "id": ident,
            "docname": docname,
            "lineno": self.lineno,
            "seq": seq,
            "recipe": recipe_name,
            "params": params,
            "lossless": lossless,
            "loudness": loudness,
            "allow_clipping": allow_clipping,
            "plot": plot,
            "caption": " ".join(caption.astext().split()),
            "description": description,
            "source_hash": source_hash,
            "key": key,
            "ext": "wav" if lossless else "mp3",
            "file": f"{AUDIO_DIR}/{ident}-{key[:8]}.{'wav' if lossless else 'mp3'}",
            "pair": None,
            "number": None,
            "title": ident,
            "meta": None,
            "error": None,
        }
        return [node, *messages]


class AudioPairDirective(SphinxDirective):
    """``.. audio-pair::`` holding exactly two ``audio-example`` directives."""

    has_content = True
    option_spec = {
        "labels": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        env = self.env
        _ensure_env(env)
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
        errors_before = sum(len(v) for v in env.audio_read_errors.values())
        children = self.parse_content_to_nodes()
        failed_inside = sum(len(v) for v in env.audio_read_errors.values()) > errors_before
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
        if problems:
            report_error(env, docname, self.lineno, "audio-pair: " + "; ".join(problems))
            for ex in examples:  # keep the examples' records consistent with the output
                env.audio_examples.pop(ex["ident"], None)
            return []
        pair = audio_pair("", classes=list(self.options.get("class", [])), labels=labels)
        self.set_source_info(pair)
        for ex, label in zip(examples, labels):
            ex["pair_label"] = label
            rec = env.audio_examples.get(ex["ident"])
            if rec is not None:
                rec["pair"] = label
        pair.extend(children)
        return [pair]


class PracticeSessionDirective(SphinxDirective):
    """``.. practice-session::`` with optional ``:params:`` for
    ``soundlib.session.build_practice_session``; the body (optional) introduces the link."""

    has_content = True
    option_spec = {
        "params": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        env = self.env
        _ensure_env(env)
        docname = env.docname
        try:
            params = parse_params(self.options.get("params"))
            try:
                from soundlib import session as session_mod
            except Exception as exc:
                raise InputError(
                    f"soundlib.session cannot be imported: {exception_text(exc)}") from None
            func = getattr(session_mod, "build_practice_session", None)
            if func is None:
                raise InputError("soundlib.session has no build_practice_session function")
            sig_params = dict(params)
            sig_params.setdefault("outdir", None)
            check_params(func, sig_params, "function", "build_practice_session")
            source_hash = _current_source_hash(env)
        except InputError as exc:
            report_error(env, docname, self.lineno, f"practice-session: {exc}")
            return []
        except Exception as exc:
            report_error(env, docname, self.lineno, f"practice-session: {exception_text(exc)}")
            return []
        key = sha256_text(canonical_json({"pipeline": PIPELINE_VERSION, "soundlib": source_hash,
                                          "params": params}))
        node = practice_session("", key=key, classes=list(self.options.get("class", [])))
        self.set_source_info(node)
        node.extend(self.parse_content_to_nodes())
        env.practice_sessions.setdefault(docname, []).append(
            {"docname": docname, "lineno": self.lineno, "params": params, "key": key,
             "source_hash": source_hash, "file": None, "meta": None, "error": None}
        )
        return [node]


# -- rendering -----------------------------------------------------------------------------------


def produce(rec: dict) -> tuple[Any, int, dict]:
    """Run the recipe and the level pipeline for a recorded example.

    Returns ``(samples, sr, facts)``; raises ``GenerationError`` with a one-line message.
    """
    import numpy as np

    from soundlib import loudness as lmod
    from soundlib.io import MP3_SAMPLE_RATES

    recipes = _load_recipes()
    name = rec["recipe"]
    try:
        audio, sr = recipes.render(name, dict(rec["params"]))
    except Exception as exc:
        raise GenerationError(f"recipe {name!r} failed: {exception_text(exc)}") from None
    audio = np.asarray(audio, dtype=np.float64)
    if not np.all(np.isfinite(audio)):  # render() checks this too; keep the guarantee here
        raise GenerationError(f"recipe {name!r} returned NaN or infinite samples")
    duration = len(audio) / sr
    if duration > MAX_SECONDS:
        raise GenerationError(
            f"recipe {name!r} made {duration:.1f} s of audio; the maximum is "
            f"{MAX_SECONDS:.0f} s (shorten it with the recipe's parameters)"
        )
    if not rec["lossless"] and sr not in MP3_SAMPLE_RATES:
        raise GenerationError(
            f"recipe {name!r} made audio at {sr} Hz, which MP3 cannot store; add :lossless: "
            "(WAV) or resample in the recipe"
        )
    target = rec["loudness"]
    limited = False
    gain_db = 0.0
    report: dict | None = None
    if target is not None:
        try:
            y, report = lmod.normalize_report(audio, target_lufs=target,
                                              ceiling_dbtp=CEILING_DBTP, sr=sr)
        except ValueError as exc:
            raise GenerationError(
                f"recipe {name!r}: cannot normalize the loudness ({exc}); use ':loudness: "
                "none' for sounds this short"
            ) from None
        if not math.isfinite(report["lufs"]):
            raise GenerationError(
                f"recipe {name!r} made silence (below the −70 LUFS gate), which cannot be "
                "normalized; use ':loudness: none' if that is intended"
            )
        limited = bool(report["limited"])
        gain_db = float(report["gain_db"])
    else:
        y = audio
    peak = float(np.max(np.abs(y))) if y.size else 0.0
    if peak >= 1.0 and not rec["allow_clipping"]:
        raise GenerationError(
            f"recipe {name!r} clips: its sample peak is {fmt_number(20 * math.log10(peak), 2)} "
            "dBFS (0 dBFS is full scale); lower its level, or add :allow-clipping: if the "
            "clipping is what the example demonstrates"
        )
    if peak > 1.0:  # allowed to clip: measure and plot what the file will hold
        y = np.clip(y, -1.0, 1.0)
        report = None

    def finite(v: float) -> float | None:
        return float(v) if v is not None and math.isfinite(v) else None

    if report is not None:  # measured on the normalized signal already
        lufs, true_peak = finite(report["lufs"]), finite(report["true_peak_dbtp"])
    else:
        try:
            lufs = finite(lmod.integrated_lufs(y, sr))
        except ValueError:  # shorter than one 400 ms gating block
            lufs = None
        true_peak = finite(lmod.true_peak_dbtp(y, sr))
    facts = {
        "duration": round(duration, 6),
        "lufs": lufs,
        "sample_peak_dbfs": finite(lmod.sample_peak_dbfs(y)),
        "true_peak_dbtp": true_peak,
        "sample_rate": int(sr),
        "channels": 1 if y.ndim == 1 else int(y.shape[1]),
        "format": rec["ext"],
        "kbps": None if rec["lossless"] else MP3_KBPS,
        "bits": WAV_BITS if rec["lossless"] else None,
        "gain_db": round(gain_db, 4),
        "limited": limited,
        "target_lufs": target,
    }
    return y, sr, facts


def generate(rec: dict, cache: Path) -> dict:
    """Render ``rec`` into ``cache`` (audio file, then ``<key>.json``); return the facts."""
    from soundlib import io as sio

    y, sr, facts = produce(rec)
    key = rec["key"]
    final = cache / f"{key}.{rec['ext']}"
    tmp = cache / f".{key}.{os.getpid()}.tmp.{rec['ext']}"
    try:
        if rec["lossless"]:
            sio.write_wav(tmp, y, sr, bits=WAV_BITS)
        else:
            sio.write_mp3(tmp, y, sr, kbps=MP3_KBPS)
    except Exception as exc:
        tmp.unlink(missing_ok=True)
        raise GenerationError(f"cannot write the audio file: {exception_text(exc)}") from None
    os.replace(tmp, final)
    facts["bytes"] = final.stat().st_size
    facts["recipe"] = rec["recipe"]
    facts["params"] = rec["params"]
    atomic_write_bytes(cache / f"{key}.json",
                       json.dumps(facts, indent=1, sort_keys=True, default=_json_default).encode())
    return facts


def _cached_meta(rec: dict, cache: Path) -> dict | None:
    audio = cache / f"{rec['key']}.{rec['ext']}"
    meta = cache / f"{rec['key']}.json"
    if not (audio.is_file() and meta.is_file()):
        return None
    try:
        return json.loads(meta.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _plot_rc() -> dict:
    return {
        "svg.hashsalt": "open-audio-course",
        "svg.fonttype": "path",
        "pdf.fonttype": 42,
        "font.size": 9,
        "axes.grid": True,
        "grid.alpha": 0.35,
        "figure.dpi": 100,
    }


def save_figure_deterministic(fig, path: Path, fmt: str) -> None:
    """Save a matplotlib figure as SVG or PDF with no dates or varying ids, atomically."""
    import io

    import matplotlib

    metadata = {"Date": None} if fmt == "svg" else {"CreationDate": None, "ModDate": None,
                                                   "Producer": None, "Creator": None}
    buf = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "open-audio-course"}):
        fig.savefig(buf, format=fmt, metadata=metadata)
    atomic_write_bytes(path, buf.getvalue())


def make_plot(y, sr: int, kind: str):
    """A matplotlib Figure of the samples: waveform, spectrum (dB, log frequency) or
    spectrogram."""
    import numpy as np
    from matplotlib.figure import Figure

    mono = y if y.ndim == 1 else y.mean(axis=1)
    n = len(mono)
    fig = Figure(figsize=(6.0, 2.3 if kind != "spectrogram" else 2.6), layout="constrained")
    ax = fig.add_subplot()
    if kind == "waveform":
        channels = [y] if y.ndim == 1 else [y[:, 0], y[:, 1]]
        names = [None] if y.ndim == 1 else ["left", "right"]
        for i, (ch, label) in enumerate(zip(channels, names)):
            color = f"C{i}"
            if n <= 4000:
                t = np.arange(n) / sr
                ax.plot(t, ch, lw=0.8, color=color, label=label, alpha=0.9 if i == 0 else 0.7)
            else:  # min/max envelope: a small vector file however long the sound
                bins = 1200
                edges = np.linspace(0, n, bins + 1).astype(int)
                lo = np.minimum.reduceat(ch, edges[:-1])
                hi = np.maximum.reduceat(ch, edges[:-1])
                t = edges[:-1] / sr
                ax.fill_between(t, lo, hi, step="post", lw=0, color=color,
                                alpha=0.8 if i == 0 else 0.55, label=label)
        ax.set_xlim(0, n / sr)
        lim = max(1.0, float(np.max(np.abs(y))) * 1.05)
        ax.set_ylim(-lim, lim)
        ax.set_xlabel("Time (s)")
        ax.set_ylabel("Amplitude (full scale = 1)")
        if y.ndim == 2:
            ax.legend(loc="upper right", fontsize=7, frameon=False, ncol=2)
    elif kind == "spectrum":
        nfft = 1 << max(10, min(15, int(math.log2(max(n, 2)))))
        window = np.hanning(nfft)
        hop = nfft // 2
        x = np.pad(mono, (0, max(0, nfft - n)))
        frames = max(1, 1 + (len(x) - nfft) // hop)
        power = np.zeros(nfft // 2 + 1)
        for i in range(frames):
            seg = x[i * hop:i * hop + nfft] * window
            power += np.abs(np.fft.rfft(seg)) ** 2
        amp = np.sqrt(power / frames) * 2.0 / window.sum()   # a full-scale sine reads 0 dB
        freqs = np.fft.rfftfreq(nfft, 1.0 / sr)
        lo_f = max(20.0, freqs[1])
        edges = np.geomspace(lo_f, sr / 2, 400)
        idx = np.clip(np.searchsorted(freqs, edges), 1, len(freqs) - 1)
        centers, levels = [], []
        for a, b in zip(idx[:-1], idx[1:]):
            if b <= a:
                continue
            centers.append(math.sqrt(freqs[a] * freqs[b - 1]) if freqs[a] > 0 else freqs[b - 1])
            levels.append(float(np.max(amp[a:b])))
        db = 20 * np.log10(np.maximum(np.array(levels), 1e-12))
        top = max(-60.0, float(np.max(db))) if len(db) else 0.0
        ax.semilogx(centers, db, lw=0.9, color="C0")
        ax.set_xlim(lo_f, sr / 2)
        ax.set_ylim(top - 90, top + 6)
        ax.set_xlabel("Frequency (Hz)")
        ax.set_ylabel("Level (dBFS)")
    else:  # spectrogram
        nfft = 2048 if n >= 8192 else 512
        hop = max(nfft // 4, (n - nfft) // 500 if n > nfft else 1)
        x = np.pad(mono, (0, max(0, nfft - n)))
        frames = max(1, 1 + (len(x) - nfft) // hop)
        window = np.hanning(nfft)
        spec = np.empty((nfft // 2 + 1, frames))
        for i in range(frames):
            seg = x[i * hop:i * hop + nfft] * window
            spec[:, i] = np.abs(np.fft.rfft(seg)) * 2.0 / window.sum()
        db = 20 * np.log10(np.maximum(spec, 1e-9))
        top = float(db.max())
        freqs = np.fft.rfftfreq(nfft, 1.0 / sr)
        times = (np.arange(frames) * hop + nfft / 2) / sr
        mesh = ax.pcolormesh(times, freqs[1:], db[1:], shading="nearest", cmap="magma",
                             vmin=top - 90, vmax=top, rasterized=True)
        ax.set_yscale("log")
        ax.set_ylim(max(20.0, freqs[1]), sr / 2)
        ax.set_xlabel("Time (s)")
        ax.set_ylabel("Frequency (Hz)")
        ax.grid(False)
        cb = fig.colorbar(mesh, ax=ax, pad=0.01)
        cb.set_label("dBFS")
    return fig


def ensure_plot(rec: dict, cache: Path) -> Path:
    """The cached ``<key>-<plot>.pdf`` of an example, made now if missing."""
    import matplotlib

    path = cache / f"{rec['key']}-{rec['plot']}.pdf"
    if path.is_file():
        return path
    y, sr, _facts = produce(rec)
    with matplotlib.rc_context(_plot_rc()):
        fig = make_plot(y, sr, rec["plot"])
        save_figure_deterministic(fig, path, "pdf")
    return path


# -- events --------------------------------------------------------------------------------------


class _BuildState:
    """Per-build bookkeeping (not pickled with the env)."""

    def __init__(self) -> None:
        self.generated: list[str] = []    # ids rendered by this build
        self.cached: int = 0
        self.plots: list[str] = []        # PDF plots made by this build
        self.errors: list[str] = []       # generation errors of this build
        self.sessions_built: int = 0


def _state(app) -> _BuildState:
    state = getattr(app, "audio_build_state", None)
    if state is None:
        state = app.audio_build_state = _BuildState()
    return state


def on_builder_inited(app) -> None:
    env = app.env
    _ensure_env(env)
    _state(app)
    try:
        from soundlib.recipes import source_hash

        env.audio_source_hash = source_hash()
    except Exception as exc:  # reported by each directive
        env.audio_source_hash = None
        logger.warning("cannot import soundlib: %s", exception_text(exc))
    media = getattr(app.builder, "media_types", None)
    if isinstance(media, dict):  # EPUB: list the audio files in the manifest
        app.builder.media_types = {**media, ".mp3": "audio/mpeg", ".wav": "audio/wav"}


def on_env_get_outdated(app, env, added, changed, removed) -> set[str]:
    """Re-read documents whose examples' keys changed (the sound library was edited) and
    documents that had errors (so the errors are reported again)."""
    _ensure_env(env)
    current = getattr(env, "audio_source_hash", None)
    stale = set(env.audio_read_errors)
    if current is not None:
        for rec in env.audio_examples.values():
            if rec.get("source_hash") != current:
                stale.add(rec["docname"])
        for items in env.practice_sessions.values():
            for rec in items:
                if rec.get("source_hash") != current:
                    stale.add(rec["docname"])
    return stale - set(removed)


def on_env_purge_doc(app, env, docname: str) -> None:
    _ensure_env(env)
    for ident in [i for i, r in env.audio_examples.items() if r["docname"] == docname]:
        del env.audio_examples[ident]
    env.audio_read_errors.pop(docname, None)
    env.practice_sessions.pop(docname, None)


def on_env_merge_info(app, env, docnames, other) -> None:
    _ensure_env(env)
    for ident, rec in getattr(other, "audio_examples", {}).items():
        if rec["docname"] not in docnames:
            continue
        first = env.audio_examples.get(ident)
        if first is not None and first["docname"] != rec["docname"]:
            report_error(
                env, rec["docname"], rec["lineno"],
                f"audio-example {ident!r}: duplicate id: {ident!r} is already used at "
                f"{_doc_path(env, first['docname'])}:{first['lineno']} (this one is at "
                f"{_doc_path(env, rec['docname'])}:{rec['lineno']}); ids must be unique "
                "across the site",
            )
            continue
        env.audio_examples[ident] = rec
    for docname, errors in getattr(other, "audio_read_errors", {}).items():
        if docname in docnames:
            env.audio_read_errors.setdefault(docname, []).extend(errors)
    for docname, items in getattr(other, "practice_sessions", {}).items():
        if docname in docnames:
            env.practice_sessions[docname] = items


def _doc_order(env) -> dict[str, int]:
    """Documents in reading order: depth-first through the toctrees from the root document,
    then any others alphabetically."""
    order: dict[str, int] = {}
    stack = [env.config.root_doc]
    while stack:
        doc = stack.pop()
        if doc in order:
            continue
        order[doc] = len(order)
        stack.extend(reversed(env.toctree_includes.get(doc, [])))
    for doc in sorted(env.all_docs):
        order.setdefault(doc, len(order))
    return order


def _assign_numbers(env) -> set[str]:
    """Number the examples "Audio <module>.<n>" within a module folder, "Audio <n>" within
    any other document; return the documents whose numbers changed."""
    order = _doc_order(env)
    groups: dict[str, list[dict]] = {}
    for rec in env.audio_examples.values():
        m = _MODULE_RE.match(rec["docname"])
        groups.setdefault(f"module:{m.group(1)}" if m else f"doc:{rec['docname']}", []).append(rec)
    changed = set()
    for group, recs in groups.items():
        recs.sort(key=lambda r: (order.get(r["docname"], 1 << 30), r["docname"], r["seq"]))
        prefix = f"{int(group.split(':', 1)[1])}." if group.startswith("module:") else ""
        for n, rec in enumerate(recs, start=1):
            number = f"{prefix}{n}"
            if rec.get("number") != number:
                changed.add(rec["docname"])
            rec["number"] = number
            rec["title"] = f"Audio {number}"
    return changed


def _is_html(app) -> bool:
    return getattr(app.builder, "format", "") == "html"


def _is_epub(app) -> bool:
    return app.builder.name.startswith("epub")


def on_env_updated(app, env) -> list[str]:
    _ensure_env(env)
    state = _state(app)
    changed = _assign_numbers(env)
    if app.builder.name in NO_GENERATION_BUILDERS:
        return sorted(changed)
    cache = cache_root(app, "audio_cache_dir", ".audio-cache")
    records = sorted(env.audio_examples.values(),
                     key=lambda r: (r["docname"], r["seq"]))
    todo: dict[str, dict] = {}   # one render per key (two ids may share a key)
    for rec in records:
        if rec["key"] not in todo and _cached_meta(rec, cache) is None:
            todo[rec["key"]] = rec
    by_id = {rec["id"]: rec for rec in todo.values()}
    for ident, problem in _render_all(app, list(todo.values()), cache):
        rec = by_id[ident]
        if problem is None:
            state.generated.append(ident)
            continue
        message = f"audio-example {ident!r}: {problem}"
        rec["error"] = message
        state.errors.append(message)
        logger.error(message, location=(rec["docname"], rec["lineno"]),
                     type="course", subtype="audio")
    for rec in records:
        rec["meta"] = _cached_meta(rec, cache)
        if rec["meta"] is not None:
            rec["error"] = None
    state.cached = len(records) - len(state.generated) - len(state.errors)
    if records:
        logger.info("audio examples: %d generated, %d from the cache",
                    len(state.generated), max(0, state.cached))

    _build_sessions(app, env, cache)
    if _is_html(app):
        _sync_outdir(app, env, cache)
    return sorted(changed)


def _generate_one(rec: dict, cache: str) -> tuple[str, str | None]:
    """Render one example; return ``(id, None)`` or ``(id, one-line problem)``."""
    try:
        generate(rec, Path(cache))
    except GenerationError as exc:
        return rec["id"], str(exc)
    except Exception as exc:  # a bug outside the recipe: still one line, at the directive
        return rec["id"], f"rendering failed: {exception_text(exc)}"
    return rec["id"], None


def _jobs(app, count: int) -> int:
    wanted = app.config.audio_jobs or (app.parallel if app.parallel > 1 else os.cpu_count() or 1)
    return max(1, min(int(wanted), count))


def _render_all(app, todo: list[dict], cache: Path):
    """Yield ``(id, problem or None)`` for each example, rendering in worker processes
    (``audio_jobs``, default: ``-j`` or the number of CPUs) when there are several."""
    if not todo:
        return
    summary = "generating audio examples... "
    jobs = _jobs(app, len(todo))
    import multiprocessing

    if jobs > 1 and "fork" in multiprocessing.get_all_start_methods():
        from concurrent.futures import ProcessPoolExecutor, as_completed

        with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            futures = {pool.submit(_generate_one, rec, str(cache)): rec for rec in todo}
            for fut in status_iterator(as_completed(futures), summary, "darkgreen",
                                       len(todo), app.verbosity,
                                       stringify_func=lambda f: futures[f]["id"]):
                try:
                    yield fut.result()
                except Exception as exc:  # e.g. a worker killed for lack of memory
                    yield futures[fut]["id"], f"rendering failed: {exception_text(exc)}"
        return
    for rec in status_iterator(todo, summary, "darkgreen", len(todo), app.verbosity,
                               stringify_func=lambda r: r["id"]):
        yield _generate_one(rec, str(cache))


def _sync_outdir(app, env, cache: Path) -> None:
    """Copy the audio files in use into ``<outdir>/_audio`` and remove any others."""
    target = Path(app.outdir) / AUDIO_DIR
    used: dict[str, Path] = {}
    for rec in env.audio_examples.values():
        if rec.get("meta") is not None:
            used[Path(rec["file"]).name] = cache / f"{rec['key']}.{rec['ext']}"
    if not _is_epub(app):
        for items in env.practice_sessions.values():
            for rec in items:
                if rec.get("file") and rec.get("zip_path"):
                    used[Path(rec["file"]).name] = Path(rec["zip_path"])
    if not used and not target.exists():
        return
    target.mkdir(parents=True, exist_ok=True)
    for name, src in used.items():
        dest = target / name
        if not dest.is_file() or dest.stat().st_size != src.stat().st_size:
            shutil.copyfile(src, dest)
    for stale in target.iterdir():
        if stale.is_file() and stale.name not in used:
            stale.unlink()


def _build_sessions(app, env, cache: Path) -> None:
    """Build the practice-session ZIP(s) once per key (cached)."""
    state = _state(app)
    for docname, items in sorted(env.practice_sessions.items()):
        for rec in items:
            meta_path = cache / f"session-{rec['key']}.json"
            meta = None
            if meta_path.is_file():
                try:
                    meta = json.loads(meta_path.read_text(encoding="utf-8"))
                except ValueError:
                    meta = None
            if meta is None or not (cache / meta.get("zip", "")).is_file():
                try:
                    from soundlib import session as session_mod

                    workdir = cache / f"session-{rec['key'][:16]}"
                    workdir.mkdir(parents=True, exist_ok=True)
                    logger.info("building the practice session...")
                    zip_path = Path(session_mod.build_practice_session(workdir, **rec["params"]))
                    # keep only the ZIP (the function also leaves the unpacked files)
                    for extra in workdir.iterdir():
                        if extra.resolve() == zip_path.resolve():
                            continue
                        if extra.is_dir():
                            shutil.rmtree(extra)
                        else:
                            extra.unlink()
                    with zipfile.ZipFile(zip_path) as zf:
                        contents = [(i.filename, i.file_size) for i in zf.infolist()
                                    if not i.is_dir()]
                    meta = {
                        "zip": zip_path.resolve().relative_to(cache.resolve()).as_posix(),
                        "name": zip_path.name,
                        "bytes": zip_path.stat().st_size,
                        "contents": contents,
                    }
                    atomic_write_bytes(meta_path, json.dumps(meta, indent=1).encode())
                    state.sessions_built += 1
                except Exception as exc:
                    message = ("practice-session: build_practice_session failed: "
                               f"{exception_text(exc)}")
                    rec["error"] = message
                    state.errors.append(message)
                    logger.error(message, location=(rec["docname"], rec["lineno"]),
                                 type="course", subtype="audio")
                    continue
            stem, dot, ext = meta["name"].rpartition(".")
            rec["meta"] = meta
            rec["zip_path"] = str(cache / meta["zip"])
            rec["file"] = (f"{AUDIO_DIR}/{stem}-{rec['key'][:8]}.{ext}" if dot
                           else f"{AUDIO_DIR}/{meta['name']}")
            rec["error"] = None


def _label_text(rec: dict) -> str:
    number = rec.get("number") or "?"
    if rec.get("pair"):
        return f"{rec['pair']} (Audio {number})."
    return f"Audio {number}."


def _facts(rec: dict) -> list[tuple[str, str]]:
    """(label, text) pairs of the facts line."""
    meta = rec.get("meta") or {}
    if not meta:
        return []
    out = [("duration", f"{meta['duration']:.1f} s")]
    if meta.get("lufs") is not None:
        out.append(("integrated loudness", f"{fmt_number(meta['lufs'])} LUFS"))
    if meta.get("sample_peak_dbfs") is not None:
        out.append(("sample peak", f"sample peak {fmt_number(meta['sample_peak_dbfs'])} dBFS"))
    chans = "mono" if meta.get("channels", 1) == 1 else "stereo"
    if meta.get("format") == "wav":
        fmt = f"WAV, {meta.get('bits', WAV_BITS)}-bit, {chans}"
    else:
        fmt = f"MP3, {meta.get('kbps', MP3_KBPS)} kbps, {chans}"
    out.append(("format", fmt))
    return out


def _online_url(app, file: str) -> str | None:
    base = (app.config.html_baseurl or "").strip()
    if not base:
        return None
    return base.rstrip("/") + "/" + file


def on_doctree_resolved(app, doctree, docname: str) -> None:
    env = app.env
    _ensure_env(env)
    for node in list(doctree.findall(audio_example)):
        rec = env.audio_examples.get(node["ident"])
        if rec is None:
            continue
        # The visible label, e.g. "Audio 6.4." at the start of the caption.
        caption = next(iter(node.findall(audio_caption)), None)
        label = nodes.strong(_label_text(rec), _label_text(rec), classes=["audio-label"])
        if caption is not None:
            first = caption.children[0] if caption.children else None
            if isinstance(first, nodes.paragraph):
                first.insert(0, nodes.Text(" "))
                first.insert(0, label)
            else:
                caption.insert(0, nodes.paragraph("", "", label))
    if _is_html(app):
        return
    if app.builder.format == "latex":
        _prepare_latex(app, doctree)
        return
    _to_plain(app, doctree)


def _prepare_latex(app, doctree) -> None:
    env = app.env
    state = _state(app)
    cache = cache_root(app, "audio_cache_dir", ".audio-cache")
    for node in doctree.findall(audio_example):
        rec = env.audio_examples.get(node["ident"])
        if rec is None or rec.get("meta") is None:
            continue
        try:
            existed = (cache / f"{rec['key']}-{rec['plot']}.pdf").is_file()
            pdf = ensure_plot(rec, cache)
            if not existed:
                state.plots.append(rec["id"])
        except GenerationError as exc:
            message = f"audio-example {rec['id']!r}: cannot make the {rec['plot']} plot: {exc}"
            state.errors.append(message)
            logger.error(message, location=(rec["docname"], rec["lineno"]),
                         type="course", subtype="audio")
            continue
        except Exception as exc:
            message = (f"audio-example {rec['id']!r}: cannot make the {rec['plot']} plot: "
                       f"{exception_text(exc)}")
            state.errors.append(message)
            logger.error(message, location=(rec["docname"], rec["lineno"]),
                         type="course", subtype="audio")
            continue
        name = f"audio-{rec['id']}-{rec['key'][:8]}-{rec['plot']}.pdf"
        dest = Path(app.outdir) / name
        if not dest.is_file() or dest.stat().st_size != pdf.stat().st_size:
            shutil.copyfile(pdf, dest)
        node["plot_file"] = name


def _to_plain(app, doctree) -> None:
    """Replace the nodes with plain paragraphs for text, man, texinfo, spelling..."""
    env = app.env
    # no generated text for spell checking, and no links to files that may not be online yet
    # for the link checker
    spelling = app.builder.name in NO_GENERATION_BUILDERS
    for node in list(doctree.findall(audio_example)):
        rec = env.audio_examples.get(node["ident"], {})
        box = nodes.container(classes=["audio-example"])
        for child in node.children:
            if isinstance(child, audio_caption):
                box.extend(child.children)
            elif isinstance(child, audio_description):
                for para in child.children:
                    if isinstance(para, nodes.paragraph):
                        para.insert(0, nodes.Text("Description: "))
                    box += para
        if not spelling and rec:
            facts = ", ".join(text for _label, text in _facts(rec))
            if facts:
                box += nodes.paragraph(facts, facts)
            url = _online_url(app, rec["file"])
            if url:
                box += nodes.paragraph("", "Listen: ", nodes.reference(url, url, refuri=url))
        node.replace_self(box)
    for node in list(doctree.findall(audio_pair)):
        box = nodes.container(classes=["audio-pair"])
        box.extend(node.children)
        node.replace_self(box)
    for node in list(doctree.findall(practice_session)):
        box = nodes.container(classes=["practice-session"])
        box.extend(node.children)
        rec = _session_record(env, node)
        if rec and not spelling:
            url = _online_url(app, rec["file"]) if rec.get("file") else None
            if url:
                box += nodes.paragraph("", "Download the practice session: ",
                                       nodes.reference(url, url, refuri=url))
        node.replace_self(box)


def on_build_finished(app, exception) -> None:
    """Make the build fail (exit status 1, even without -W) if any example failed.

    A one-line summary is logged and ``app.statuscode`` set; raising ``AudioExampleError``
    here would make Sphinx print a crash report with a traceback, which is noise for an
    author whose mistakes were already reported at their file and line.
    """
    if exception is not None:
        return
    env = app.env
    state = _state(app)
    read_errors = sum(len(v) for v in getattr(env, "audio_read_errors", {}).values())
    total = read_errors + len(state.errors)
    if total:
        fail_build(app, f"{total} audio example error{'s' if total != 1 else ''} (see the "
                        "messages above); the output is incomplete")


def fail_build(app, summary: str) -> None:
    logger.error(summary, type="course", subtype="summary")
    app.statuscode = 1


# -- visitors ------------------------------------------------------------------------------------


def audio_src(builder, docname: str, file: str) -> str:
    """The URL of an output file (``_audio/x.mp3``) relative to the page of ``docname``."""
    return relative_uri(builder.get_target_uri(docname), file)


def audio_player_html(builder, docname: str, ident: str, *, label: str | None = None) -> str:
    """The ``<audio>`` element for example ``ident`` on the page of ``docname``: for other
    extensions (e.g. listening questions). Empty if the example is unknown."""
    rec = getattr(builder.env, "audio_examples", {}).get(ident)
    if rec is None:
        return ""
    src = html.escape(audio_src(builder, docname, rec["file"]))
    aria = f' aria-label="{html.escape(label)}"' if label else ""
    return (f'<audio class="audio-player" controls="controls" preload="none" src="{src}"{aria}>'
            f'<a href="{src}">Download the audio</a></audio>')


def visit_audio_example_html(self, node) -> None:
    ident = node["ident"]
    self.body.append(self.starttag(node, "figure", CLASS="audio-example", ids=[f"audio-{ident}"]))


def depart_audio_example_html(self, node) -> None:
    self.body.append("</figure>\n")


def visit_audio_caption_html(self, node) -> None:
    self.body.append('<figcaption class="audio-caption">')


def depart_audio_caption_html(self, node) -> None:
    self.body.append("</figcaption>\n")
    env = self.builder.env
    rec = env.audio_examples.get(node.parent["ident"])
    if rec is None:
        return
    if rec.get("meta") is None:
        self.body.append('<p class="audio-missing">This audio example could not be generated '
                         "(see the build log).</p>\n")
        return
    src = html.escape(audio_src(self.builder, self.builder.current_docname, rec["file"]))
    fmt = "WAV" if rec["ext"] == "wav" else "MP3"
    self.body.append(
        f'<audio class="audio-player" controls="controls" preload="none" src="{src}">'
        f'<a href="{src}">Download the audio ({fmt})</a></audio>\n'
    )
    parts = [f'<span class="audio-fact" title="{html.escape(label)}">{html.escape(text)}</span>'
             for label, text in _facts(rec)]
    size = rec["meta"].get("bytes")
    link_text = f"Download {fmt}" + (f" ({fmt_size(size)})" if size else "")
    parts.append(f'<a class="audio-download" href="{src}" download="">{html.escape(link_text)}</a>')
    sep = '<span class="audio-sep" aria-hidden="true"> · </span>'
    self.body.append(f'<p class="audio-facts">{sep.join(parts)}</p>\n')


def visit_audio_description_html(self, node) -> None:
    self.body.append('<details class="audio-description"><summary>Text description</summary>\n'
                     '<div class="audio-description-text">')


def depart_audio_description_html(self, node) -> None:
    self.body.append("</div></details>\n")


def visit_audio_pair_html(self, node) -> None:
    labels = " and ".join(node.get("labels", ["A", "B"]))
    self.body.append(self.starttag(node, "div", CLASS="audio-pair", role="group",
                                   **{"aria-label": f"Comparison: {labels}"}))


def depart_audio_pair_html(self, node) -> None:
    self.body.append("</div>\n")


def _latex_text(self, text: str) -> str:
    """Escape text for LaTeX; the minus sign needs math mode with (pdf)LaTeX."""
    out = self.encode(text)
    if self.config.latex_engine not in ("xelatex", "lualatex"):
        out = out.replace(MINUS, r"\(-\)").replace("\N{INFINITY}", r"\(\infty\)")
    return out


def _float_align(self) -> str:
    """Like Sphinx's figures: ``H`` (no float) inside admonitions and other boxes."""
    if getattr(self, "no_latex_floats", 0):
        return "H"
    return self.elements.get("figure_align", "htbp")


def visit_audio_example_latex(self, node) -> None:
    env = self.builder.env
    rec = env.audio_examples.get(node["ident"], {})
    in_pair = isinstance(node.parent, audio_pair)
    if in_pair:
        if node.parent.index(node) > 0:
            self.body.append("\\hfill\n")
        self.body.append("\\begin{minipage}[t]{0.48\\linewidth}\n\\centering\n")
        self.context.append("\\end{minipage}")
    elif self.table or getattr(self, "in_minipage", 0):
        self.body.append("\n\n\\begin{center}\n")
        self.context.append("\\end{center}\n")
    else:
        align = _float_align(self)
        self.body.append(f"\n\\begin{{figure}}[{align}]\n\\centering\n")
        self.context.append("\\end{figure}\n")
    self.body.append(self.hypertarget(f"audio-{node['ident']}", anchor=True))
    plot = node.get("plot_file")
    if plot:
        base, ext = os.path.splitext(plot)
        width = "\\linewidth" if in_pair else "0.92\\linewidth"
        self.body.append(f"\\sphinxincludegraphics[width={width}]{{{{{base}}}{ext}}}\n")
    elif rec:
        self.body.append("\\fbox{" + _latex_text(self, "(plot not available)") + "}\n")
    width = "\\linewidth" if in_pair else "0.92\\linewidth"
    self.body.append(f"\\par\\smallskip\n\\begin{{minipage}}{{{width}}}\\raggedright\\small\n")


def depart_audio_example_latex(self, node) -> None:
    env = self.builder.env
    rec = env.audio_examples.get(node["ident"])
    if rec:
        facts = ", ".join(text for _label, text in _facts(rec))
        if facts:
            self.body.append("\n\\par\\smallskip{\\footnotesize " + _latex_text(self, facts) + "}")
        url = _latex_url(self, rec["file"])
        if url:
            self.body.append("\n\\par{\\footnotesize " + _latex_text(self, "Listen online: ")
                             + "\\sphinxurl{" + self.encode_uri(url) + "}}")
    self.body.append("\n\\end{minipage}\n" + self.context.pop() + "\n")


def _latex_url(self, file: str) -> str | None:
    base = (self.config.html_baseurl or "").strip()
    if not base:
        return None
    return base.rstrip("/") + "/" + file


def visit_audio_caption_latex(self, node) -> None:
    pass


def depart_audio_caption_latex(self, node) -> None:
    pass


def visit_audio_description_latex(self, node) -> None:
    self.body.append("\n\\par\\smallskip\\sphinxstyleemphasis{"
                     + _latex_text(self, "Description:") + "} ")


def depart_audio_description_latex(self, node) -> None:
    pass


def visit_audio_pair_latex(self, node) -> None:
    if self.table or getattr(self, "in_minipage", 0):
        self.body.append("\n\n\\begin{center}\n")
        self.context.append("\\end{center}\n")
    else:
        align = _float_align(self)
        self.body.append(f"\n\\begin{{figure}}[{align}]\n\\centering\n")
        self.context.append("\\end{figure}\n")
    # The two examples are minipages; their own visitors add the boxes.


def depart_audio_pair_latex(self, node) -> None:
    self.body.append("\n" + self.context.pop())


def _session_record(env, node) -> dict | None:
    for items in env.practice_sessions.values():
        for rec in items:
            if rec["key"] == node["key"]:
                return rec
    return None


def visit_practice_session_html(self, node) -> None:
    self.body.append(self.starttag(node, "div", CLASS="practice-session"))


def depart_practice_session_html(self, node) -> None:
    rec = _session_record(self.builder.env, node)
    if rec is None or rec.get("meta") is None or not rec.get("file"):
        self.body.append('<p class="audio-missing">The practice session could not be built '
                         "(see the build log).</p>\n</div>\n")
        return
    meta = rec["meta"]
    if self.builder.name.startswith("epub"):
        url = _latex_url(self, rec["file"])
        text = ("The practice session (a ZIP of multitrack stems) is available from the web "
                "edition of this course")
        if url:
            self.body.append(f'<p>{html.escape(text)}: <a href="{html.escape(url)}">'
                             f"{html.escape(url)}</a>.</p>\n</div>\n")
        else:
            self.body.append(f"<p>{html.escape(text)}.</p>\n</div>\n")
        return
    src = html.escape(audio_src(self.builder, self.builder.current_docname, rec["file"]))
    self.body.append(
        f'<p class="practice-download"><a class="audio-download" href="{src}" download="">'
        f'Download the practice session</a> (ZIP, {html.escape(fmt_size(meta["bytes"]))})</p>\n'
    )
    contents = meta.get("contents", [])
    tops = {name.split("/", 1)[0] for name, _size in contents}
    if len(tops) == 1 and all("/" in name for name, _size in contents):
        contents = [(name.split("/", 1)[1], size) for name, size in contents]
    shown = contents[:12]
    if shown:
        self.body.append('<ul class="practice-contents">\n')
        for name, size in shown:
            self.body.append(f"<li><code>{html.escape(name)}</code> "
                             f"({html.escape(fmt_size(size))})</li>\n")
        if len(contents) > len(shown):
            self.body.append(f"<li>and {len(contents) - len(shown)} more files</li>\n")
        self.body.append("</ul>\n")
    self.body.append("</div>\n")


def visit_practice_session_latex(self, node) -> None:
    self.body.append("\n")


def depart_practice_session_latex(self, node) -> None:
    rec = _session_record(self.builder.env, node)
    url = _latex_url(self, rec["file"]) if rec and rec.get("file") else None
    size = f" (ZIP, {fmt_size(rec['meta']['bytes'])})" if rec and rec.get("meta") else ""
    if url:
        self.body.append("\n\\sphinxAtStartPar\n" + _latex_text(
            self, f"Download the practice session{size} from the web edition of the course: ")
            + "\\sphinxurl{" + self.encode_uri(url) + "}.\n")
    else:
        self.body.append("\n\\sphinxAtStartPar\n" + _latex_text(
            self, "The practice session (a ZIP of multitrack stems) can be downloaded from "
                  "the web edition of the course.") + "\n")


def _pass(self, node) -> None:
    pass


# -- setup ---------------------------------------------------------------------------------------


def setup(app):
    app.add_config_value("audio_cache_dir", "", "", types=frozenset({str}),
                         description="Folder of rendered audio (default <outdir>/../.audio-cache)")
    app.add_config_value("audio_jobs", 0, "", types=frozenset({int}),
                         description="Worker processes for rendering audio (0: -j or all CPUs)")
    plain = (_pass, _pass)
    app.add_node(audio_example, html=(visit_audio_example_html, depart_audio_example_html),
                 latex=(visit_audio_example_latex, depart_audio_example_latex),
                 text=plain, man=plain, texinfo=plain)
    app.add_node(audio_caption, html=(visit_audio_caption_html, depart_audio_caption_html),
                 latex=(visit_audio_caption_latex, depart_audio_caption_latex),
                 text=plain, man=plain, texinfo=plain)
    app.add_node(audio_description,
                 html=(visit_audio_description_html, depart_audio_description_html),
                 latex=(visit_audio_description_latex, depart_audio_description_latex),
                 text=plain, man=plain, texinfo=plain)
    app.add_node(audio_pair, html=(visit_audio_pair_html, depart_audio_pair_html),
                 latex=(visit_audio_pair_latex, depart_audio_pair_latex),
                 text=plain, man=plain, texinfo=plain)
    app.add_node(practice_session,
                 html=(visit_practice_session_html, depart_practice_session_html),
                 latex=(visit_practice_session_latex, depart_practice_session_latex),
                 text=plain, man=plain, texinfo=plain)
    app.add_directive("audio-example", AudioExampleDirective)
    app.add_directive("audio-pair", AudioPairDirective)
    app.add_directive("practice-session", PracticeSessionDirective)
    app.connect("builder-inited", on_builder_inited)
    app.connect("env-get-outdated", on_env_get_outdated)
    app.connect("env-purge-doc", on_env_purge_doc)
    app.connect("env-merge-info", on_env_merge_info)
    app.connect("env-updated", on_env_updated)
    app.connect("doctree-resolved", on_doctree_resolved)
    app.connect("build-finished", on_build_finished)
    register_static(app)
    return {"version": "1.0", "parallel_read_safe": True, "parallel_write_safe": True,
            "env_version": 1}
