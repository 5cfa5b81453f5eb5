"""The figure registry: named, parameterized matplotlib figures.

A figure function is registered with ``@figure("name")`` in ``figures/mNN.py``, takes
keyword parameters with literal values and returns a ``matplotlib.figure.Figure``::

    from figures import figure

    @figure("polar-patterns")
    def polar_patterns(patterns=("omni", "cardioid")):
        ...
        return fig

The ``course-figure`` directive calls ``render(name, params)``. Figures are built with
``Figure(...)``, not pyplot, so there is no global figure state to close; Matplotlib is
switched to the non-interactive Agg backend all the same, so a function that does use pyplot
renders without a display. ``source_hash()`` covers ``figures/`` and ``soundlib/`` (figures
often plot sound-library signals).
"""

from __future__ import annotations

import pathlib

import matplotlib

matplotlib.use("Agg")

from matplotlib.figure import Figure  # noqa: E402

from soundlib.recipes import Registry, hash_sources  # noqa: E402

__all__ = ["figure", "get_figure", "all_figures", "load_all", "render", "source_hash"]

_registry = Registry("figure", __name__)



def figure(name: str):
    """Decorator registering a figure function under ``name`` (``ValueError`` if another
    function already uses the name; the message names both functions)."""
    return _registry.register(name)


def get_figure(name: str):
    """The figure function registered as ``name``. Loads all figure modules first if
    needed; an unknown name raises ``KeyError`` listing close matches."""
    return _registry.get(name)


def all_figures() -> dict:
    """Every registered figure (after ``load_all``), name -> function, sorted by name."""
    return _registry.all()


def load_all() -> None:
    """Import every module of the ``figures`` package once, so all figures are registered."""
    _registry.load_all()



def render(name: str, params: dict | None = None) -> Figure:
    """Call figure function ``name`` with keyword ``params`` and return its ``Figure``.

    Raises ``KeyError`` for an unknown figure and ``TypeError`` for bad parameters (naming
    the figure, the parameter and the accepted parameters) or if the function does not
    return a matplotlib ``Figure``. The caller saves and closes the figure.
    """
    fig = _registry.call(name, params)
    if not isinstance(fig, Figure):
        raise TypeError(f"figure {name!r} returned {type(fig).__name__}; expected a "
                        "matplotlib.figure.Figure")
    return fig


def source_hash() -> str:
    """SHA-256 hex digest of every ``.py`` file under ``figures/`` and ``soundlib/``
    (sorted by path): the cache key basis for rendered figures."""
    here = pathlib.Path(__file__).resolve().parent
    return hash_sources(here, here.parent / "soundlib")
