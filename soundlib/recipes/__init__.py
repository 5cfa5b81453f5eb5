"""The recipe registry: named, parameterized audio examples.

A recipe is a function registered under a name::

    from soundlib.recipes import recipe

    @recipe("beating")
    def beating(f1: float = 440.0, f2: float = 443.0, seconds: float = 6.0):
        ...

It takes keyword parameters with literal values and returns a float64 array (mono
``(n,)`` or stereo ``(n, 2)``) at ``soundlib.SR``, or a tuple ``(array, sample_rate)``.
The ``audio-example`` directive calls ``render(name, params)``; the registry finds the
recipe (importing every module of this package once, via ``load_all``), checks the
parameters (``soundlib.params.check_params``, the checker the directives use too), runs it
and validates the result. ``source_hash()`` is the cache key basis: it changes whenever any
source file of the sound library changes.

The ``Registry`` class is shared with the figure registry (``figures``).
"""

from __future__ import annotations

import difflib
import hashlib
import importlib
import pathlib
import pkgutil
from collections.abc import Callable

from soundlib.params import check_params

__all__ = [
    "Registry", "recipe", "get_recipe", "all_recipes", "load_all", "render", "source_hash",
    "hash_sources",
]


def _qualname(func: Callable) -> str:
    return f"{getattr(func, '__module__', '?')}.{getattr(func, '__qualname__', repr(func))}"


def hash_sources(*roots: pathlib.Path) -> str:
    """SHA-256 hex digest over every ``.py`` file under the given directories.

    Files are taken in sorted order of their path relative to each root's parent (e.g.
    ``soundlib/dsp.py``); each contributes its relative path and its bytes, so editing,
    adding, removing or renaming a file changes the digest. ``__pycache__`` is ignored.
    """
    h = hashlib.sha256()
    files = []
    for root in roots:
        root = pathlib.Path(root).resolve()
        for p in root.rglob("*.py"):
            if "__pycache__" not in p.parts:
                files.append((p.relative_to(root.parent).as_posix(), p))
    for rel, p in sorted(files):
        h.update(rel.encode("utf-8") + b"\0")
        h.update(p.read_bytes())
        h.update(b"\0")
    return h.hexdigest()


class Registry:
    """A name -> function registry filled by a decorator, with lazy loading of a package.

    ``kind`` names the things registered ("recipe", "figure") in error messages;
    ``package`` is the dotted name of the package whose modules ``load_all`` imports.
    """

    def __init__(self, kind: str, package: str):
        self.kind = kind
        self.package = package
        self._items: dict[str, Callable] = {}
        self._loaded = False

    def register(self, name: str) -> Callable[[Callable], Callable]:
        """Decorator registering a function under ``name``.

        Raises ``ValueError`` if another function already has that name (re-importing the
        same module, which re-registers the same function, is allowed).
        """
        if not isinstance(name, str) or not name.strip():
            raise ValueError(f"a {self.kind} name must be a non-empty string, got {name!r}")

        def decorator(func: Callable) -> Callable:
            old = self._items.get(name)
            if old is not None and _qualname(old) != _qualname(func):
                raise ValueError(
                    f"duplicate {self.kind} name {name!r}: already registered by "
                    f"{_qualname(old)}, registered again by {_qualname(func)}"
                )
            self._items[name] = func
            return func

        return decorator

    def load_all(self) -> None:
        """Import every module of the package (once), so their decorators run."""
        if self._loaded:
            return
        pkg = importlib.import_module(self.package)
        for info in sorted(pkgutil.iter_modules(pkg.__path__), key=lambda i: i.name):
            if not info.name.startswith("_"):
                importlib.import_module(f"{self.package}.{info.name}")
        self._loaded = True

    def get(self, name: str) -> Callable:
        """The function registered as ``name``; ``KeyError`` listing close matches if none."""
        if name not in self._items:
            self.load_all()
        try:
            return self._items[name]
        except KeyError:
            by_lower = {k.lower(): k for k in self._items}
            close = [by_lower[c] for c in
                     difflib.get_close_matches(str(name).lower(), list(by_lower), n=5)]
            hint = (f"did you mean: {', '.join(repr(c) for c in close)}?" if close
                    else f"no similar name among the {len(self._items)} registered")
            raise KeyError(f"unknown {self.kind} {name!r}; {hint}") from None

    def all(self) -> dict[str, Callable]:
        """A copy of the registry (after ``load_all``), name -> function, sorted by name."""
        self.load_all()
        return dict(sorted(self._items.items()))

    def call(self, name: str, params: dict | None) -> object:
        """Check ``params`` against the function's signature (``soundlib.params``) and call it.

        Unknown, missing or positional-only parameters raise ``ParamError`` (a
        ``TypeError``) naming the function, the parameter and the accepted parameters.
        """
        func = self.get(name)
        params = dict(params or {})
        check_params(func, params, f"{self.kind} {name!r} ({_qualname(func)})",
                     where="the parameters")
        return func(**params)


_registry = Registry("recipe", __name__)



def recipe(name: str):
    """Decorator registering a recipe function under ``name`` (``ValueError`` if another
    function already uses the name; the message names both functions)."""
    return _registry.register(name)


def get_recipe(name: str):
    """The recipe function registered as ``name``. Loads all recipe modules first if
    needed; an unknown name raises ``KeyError`` listing close matches."""
    return _registry.get(name)


def all_recipes() -> dict:
    """Every registered recipe (after ``load_all``), name -> function, sorted by name."""
    return _registry.all()


def load_all() -> None:
    """Import every module of ``soundlib.recipes`` once, so all recipes are registered."""
    _registry.load_all()



def render(name: str, params: dict | None = None):
    """Run recipe ``name`` with keyword ``params``; return ``(audio, sr)``.

    ``audio`` is a float64 array of shape ``(n,)`` or ``(n, 2)`` with ``n > 0``; ``sr`` is
    ``soundlib.SR`` unless the recipe returned ``(array, sample_rate)``. Raises
    ``KeyError`` for an unknown recipe, ``TypeError`` for bad parameters or a return value
    of the wrong type, and ``ValueError`` for a wrong shape, an empty result, NaN or
    infinity.
    """
    import numpy as np

    from soundlib import SR

    out = _registry.call(name, params)
    sr = SR
    if isinstance(out, tuple):
        if len(out) != 2:
            raise TypeError(f"recipe {name!r} returned a tuple of {len(out)} items; "
                            "expected (array, sample_rate)")
        out, sr = out
        if isinstance(sr, bool) or not isinstance(sr, (int, float, np.integer, np.floating)) \
                or sr <= 0 or int(sr) != sr:
            raise TypeError(f"recipe {name!r} returned sample rate {sr!r}; "
                            "expected a positive whole number of hertz")
        sr = int(sr)
    if not isinstance(out, (np.ndarray, list)):
        raise TypeError(f"recipe {name!r} returned {type(out).__name__}; expected a NumPy "
                        "array or (array, sample_rate)")
    try:
        audio = np.asarray(out, dtype=np.float64)
    except (TypeError, ValueError) as exc:
        raise TypeError(f"recipe {name!r} returned something that is not numeric audio: {exc}") from None
    if audio.ndim == 2 and audio.shape[1] == 1:
        audio = audio[:, 0]
    if not (audio.ndim == 1 or (audio.ndim == 2 and audio.shape[1] == 2)):
        hint = " (transposed? use shape (n, 2))" if audio.ndim == 2 and audio.shape[0] == 2 else ""
        raise ValueError(f"recipe {name!r} returned shape {audio.shape}; expected (n,) for "
                         f"mono or (n, 2) for stereo{hint}")
    if len(audio) == 0:
        raise ValueError(f"recipe {name!r} returned no samples")
    bad = ~np.isfinite(audio)
    if bad.any():
        first = int(np.argwhere(bad)[0][0])
        raise ValueError(f"recipe {name!r} returned {int(bad.sum())} NaN or infinite "
                         f"sample values (first at sample {first}, {first / sr:.3f} s)")
    return audio, sr


def source_hash() -> str:
    """SHA-256 hex digest of the source of every ``.py`` file under ``soundlib/`` (sorted
    by path): the cache key basis for rendered audio."""
    return hash_sources(pathlib.Path(__file__).resolve().parents[1])
