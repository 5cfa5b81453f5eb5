"""The audio extension's rules, without Sphinx: option checks, cache keys, number formats.

Everything here is a pure function of its arguments, so it is unit-tested without building a
project (``tests/audio/test_spec.py``). The directives (``audio.directives``) call
``check_example`` and turn its problems into errors at the directive's file and line.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from course.cache import cache_key
from course.modules import module_number
from soundlib.params import ParamError, check_params, parse_params

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
#: The folder of the audio files in the HTML output.
AUDIO_DIR = "_audio"
#: Builders that never need the audio files (generation is skipped for them).
NO_GENERATION_BUILDERS = frozenset({"spelling", "linkcheck", "gettext", "changes"})
ID_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_-]*$")


class InputError(ValueError):
    """A problem in a directive's input (reported at its file and line)."""


class GenerationError(RuntimeError):
    """A problem while rendering an example (reported at its file and line)."""


@dataclass(frozen=True)
class ExampleSpec:
    """The checked options of one ``audio-example``: everything its sound depends on."""

    recipe: str
    params: dict[str, Any]
    lossless: bool
    loudness: float | None
    allow_clipping: bool
    plot: str
    description: str

    @property
    def ext(self) -> str:
        return "wav" if self.lossless else "mp3"

    def key(self, source_hash: str) -> str:
        return example_key(source_hash, self.recipe, self.params, self.lossless,
                           self.loudness, self.allow_clipping)


def check_id(ident: str, docname: str) -> list[str]:
    """Problems with an example id: its characters, and the module prefix (``m06-``) in a
    module folder."""
    problems = []
    if not ID_RE.match(ident):
        problems.append("the id may contain only letters, digits, '-' and '_'")
    number = module_number(docname)
    if number is not None and not ident.startswith(f"m{number:02d}-"):
        problems.append(f"ids in this module start with 'm{number:02d}-'")
    return problems


def parse_loudness(value: str | None) -> float | None:
    """``:loudness:``: a target in LUFS (``-16``, ``−16``, ``-16 LUFS``), ``none`` (None), or
    the default when the option is absent."""
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


def check_example(options: dict[str, Any], has_caption: bool,
                  lookup: Callable[[str], Callable]) -> tuple[ExampleSpec | None, list[str]]:
    """Check the options of an ``audio-example`` (``lookup(name)`` returns the recipe
    function or raises ``KeyError``/``InputError``); return the spec, or None and the
    problems in the order an author fixes them."""
    problems: list[str] = []
    recipe_name = (options.get("recipe") or "").strip()
    func = None
    if not recipe_name:
        problems.append("the :recipe: option is required")
    else:
        try:
            func = lookup(recipe_name)
        except KeyError as exc:
            problems.append(exc.args[0] if exc.args else f"unknown recipe {recipe_name!r}")
        except InputError as exc:
            problems.append(str(exc))
    params: dict[str, Any] = {}
    try:
        params = parse_params(options.get("params"))
        if func is not None:
            check_params(func, params, f"recipe {recipe_name!r}")
    except ParamError as exc:
        problems.append(str(exc))
    plot = (options.get("plot") or DEFAULT_PLOT).strip()
    if plot not in PLOTS:
        problems.append(f":plot: must be one of {', '.join(PLOTS)}, not {plot!r}")
    loudness: float | None = DEFAULT_LOUDNESS
    try:
        loudness = parse_loudness(options.get("loudness"))
    except InputError as exc:
        problems.append(str(exc))
    description = " ".join((options.get("description") or "").split())
    if not description:
        problems.append("the :description: option is required: describe the sound in words "
                        "for readers who cannot listen")
    if not has_caption:
        problems.append("the caption (the directive's body: what to listen for) is missing")
    if problems:
        return None, problems
    return ExampleSpec(recipe=recipe_name, params=params, lossless="lossless" in options,
                       loudness=loudness, allow_clipping="allow-clipping" in options,
                       plot=plot, description=description), []


def example_key(source_hash: str, recipe: str, params: dict, lossless: bool,
                loudness: float | None, allow_clipping: bool) -> str:
    """The cache key of an example's audio file and facts."""
    return cache_key({
        "pipeline": PIPELINE_VERSION,
        "soundlib": source_hash,
        "recipe": recipe,
        "params": params,
        "format": f"wav{WAV_BITS}" if lossless else f"mp3-{MP3_KBPS}",
        "loudness": loudness,
        "ceiling_dbtp": CEILING_DBTP if loudness is not None else None,
        "allow_clipping": allow_clipping,
    })


def session_key(source_hash: str, params: dict) -> str:
    """The cache key of a practice-session ZIP."""
    return cache_key({"pipeline": PIPELINE_VERSION, "soundlib": source_hash, "params": params})


def audio_file(ident: str, key: str, ext: str) -> str:
    """The example's file in the HTML output: ``_audio/<id>-<key8>.<ext>``."""
    return f"{AUDIO_DIR}/{ident}-{key[:8]}.{ext}"


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
    """``"1.2 MB"`` or ``"34 kB"`` (decimal units, at least 1 kB)."""
    if nbytes >= 1_000_000:
        return f"{nbytes / 1_000_000:.1f} MB"
    return f"{max(1, round(nbytes / 1000))} kB"


def facts(meta: dict | None) -> list[tuple[str, str]]:
    """``(label, text)`` pairs of an example's facts line, from its measured ``meta``."""
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


def label_text(number: str | None, pair: str | None) -> str:
    """The visible label: ``"Audio 6.4."``, or ``"Before (Audio 6.4)."`` in a pair."""
    number = number or "?"
    return f"{pair} (Audio {number})." if pair else f"Audio {number}."
