"""The rules of a drill: its kinds, options and their checks, as pure data (no Sphinx).

A drill is written ``.. drill:: <kind>`` with options (see :data:`COMMON_OPTIONS` and
:data:`KIND_OPTIONS`) and a body: what the drill trains and how to practice the same skill in
any DAW (the no-JavaScript and print text). :func:`check` returns the problems of one drill's
input as sentences; the directive reports them at the file and line.

Each kind belongs to a *family*: one JavaScript file ``ext/static/gym/<family>.js`` that
registers the kinds with ``CourseGym.define`` (``course-gym.js``), loaded only on pages with a
drill of that family.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: kind -> (default title, family file under ext/static/gym/, spatial: needs headphones)
KINDS: dict[str, tuple[str, str, bool]] = {
    "eq-band": ("EQ band identification", "eq", False),
    "eq-fix": ("EQ: fix it", "eq", False),
    "gain-jnd": ("Level difference", "levels", False),
    "pan": ("Panning", "space", True),
    "width": ("Stereo width", "space", True),
    "delay": ("Delay and echo time", "space", False),
    "compression": ("Compression", "clips", False),
    "reverb": ("Reverb time", "clips", False),
    "distortion": ("Distortion", "clips", False),
    "abx": ("ABX", "abx", False),
}

#: The JavaScript every drill page loads before its family files (order matters).
CORE_JS = ("course-audio.js", "course-store.js", "gym/gym-record.js", "gym/course-gym.js")
#: The JavaScript the gym's index page (progress, export, import, reset) loads.
INDEX_JS = ("course-store.js", "gym/gym-record.js", "gym/course-gym.js")

#: Options every drill takes: name -> description (for messages and the docs).
COMMON_OPTIONS = {
    "lesson": "the docname of the lesson the drill trains (required), e.g. modules/06-mixing/eq",
    "module": "the module number (default: the lesson's module)",
    "title": "the drill's title (default: the kind's title)",
    "seed": "a whole number: the first seed of the drill's trials (default: from the kind)",
    "class": "extra CSS classes",
}
#: Options only some kinds take: kind -> {option: description}. A clip-based or ABX drill
#: adds its own here (its family's JavaScript reads them from the config).
KIND_OPTIONS: dict[str, dict[str, str]] = {
    "compression": {"clips": "comma-separated clip ids"},
    "reverb": {"clips": "comma-separated clip ids"},
    "distortion": {"clips": "comma-separated clip ids"},
    "abx": {"pair": "the id of an audio pair (two audio examples)",
            "trials": "the number of trials (default 16)"},
}

_DOCNAME_RE = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./-]*$")


def all_option_names() -> set[str]:
    """Every option name any kind accepts (the directive's option_spec)."""
    names = set(COMMON_OPTIONS)
    for extra in KIND_OPTIONS.values():
        names |= set(extra)
    return names


@dataclass
class Drill:
    """One drill's checked input."""

    kind: str
    lesson: str
    module: int | None
    title: str
    seed: int
    family: str
    spatial: bool
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def anchor(self) -> str:
        """The HTML id of the drill's root element."""
        return f"drill-{self.kind}"

    def config(self, page: str) -> dict:
        """The JSON the browser reads from ``data-drill-config``."""
        return {"kind": self.kind, "title": self.title, "page": page, "lesson": self.lesson,
                "module": self.module, "seed": self.seed, "spatial": self.spatial,
                **self.extra}


def default_seed(kind: str) -> int:
    """A stable seed per kind (the same in every build)."""
    value = 2166136261
    for ch in kind.encode():
        value = ((value ^ ch) * 16777619) & 0xFFFFFFFF
    return value


def module_of(docname: str) -> int | None:
    m = re.match(r"^modules/(\d+)-", docname)
    return int(m.group(1)) if m else None


def check(kind: str, options: dict[str, str], has_body: bool) -> tuple[Drill | None, list[str]]:
    """The drill, or None, and the problems found (sentences)."""
    problems: list[str] = []
    kind = (kind or "").strip()
    if kind not in KINDS:
        problems.append(f"unknown drill kind {kind!r}; use one of: {', '.join(KINDS)}")
        return None, problems
    allowed = set(COMMON_OPTIONS) | set(KIND_OPTIONS.get(kind, {}))
    for name in sorted(set(options) - allowed):
        problems.append(f"the option :{name}: does not apply to a {kind} drill "
                        f"(options: {', '.join(sorted(allowed))})")
    lesson = (options.get("lesson") or "").strip().strip("/")
    if lesson.endswith(".rst"):
        lesson = lesson[:-4]
    if not lesson:
        problems.append("a drill needs :lesson: (the docname of the lesson it trains)")
    elif not _DOCNAME_RE.match(lesson) or ".." in lesson:
        problems.append(f":lesson: {lesson!r} is not a docname such as modules/06-mixing/eq")
    module: int | None = module_of(lesson)
    if options.get("module") not in (None, ""):
        try:
            module = int(str(options["module"]).strip())
            if module < 0:
                raise ValueError
        except ValueError:
            problems.append(f":module: {options['module']!r} is not a module number (0, 1, ...)")
    seed = default_seed(kind)
    if options.get("seed") not in (None, ""):
        try:
            seed = int(str(options["seed"]).strip())
            if not 0 <= seed < 2**32:
                raise ValueError
        except ValueError:
            problems.append(f":seed: {options['seed']!r} is not a whole number from 0 to 2^32-1")
    if not has_body:
        problems.append("a drill needs a body: what it trains and how to practice it in any "
                        "DAW (the text without JavaScript and in print)")
    title = (options.get("title") or "").strip() or KINDS[kind][0]
    extra = {k: str(v).strip() for k, v in options.items() if k in KIND_OPTIONS.get(kind, {})}
    if problems:
        return None, problems
    _, family, spatial = KINDS[kind]
    return Drill(kind, lesson, module, title, seed, family, spatial, extra), problems


def page_js(families: list[str]) -> list[str]:
    """The JavaScript files of a page with drills of these families, in load order."""
    out = list(CORE_JS)
    for family in families:
        name = f"gym/{family}.js"
        if name not in out:
            out.append(name)
    return out
