"""The doctree nodes of the audio extension.

An ``audio_example`` carries ``ident`` (the example's id), ``docname`` and ``seq`` (its
place among the examples of its document), which find its record (``audio.collector``) even
when two documents use the same id. Its children are an ``audio_caption`` and an
``audio_description``. The per-format post-transforms (``audio.transforms``) finish the
nodes; ``audio.html`` and ``audio.latex`` write them.
"""

from __future__ import annotations

from docutils import nodes


class audio_example(nodes.General, nodes.Element):  # noqa: N801 (docutils node names)
    """One example: children are an ``audio_caption`` and an ``audio_description``."""


class audio_caption(nodes.General, nodes.Element):  # noqa: N801
    """The caption (the directive's body): what to listen for."""


class audio_description(nodes.General, nodes.Element):  # noqa: N801
    """The text description of the sound (``:description:``)."""


class audio_pair(nodes.General, nodes.Element):  # noqa: N801
    """Two ``audio_example`` nodes shown side by side (``labels``: their two labels)."""


class practice_session(nodes.General, nodes.Element):  # noqa: N801
    """The practice multitrack download (``key``: the cache key of its ZIP)."""
