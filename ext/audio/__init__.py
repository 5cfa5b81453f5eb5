"""Audio examples: ``audio-example``, ``audio-pair`` and ``practice-session``.

The syntax is in CONTRIBUTING.md ("Audio examples") and, with live results, in
``docs/authoring/audio.rst``. One module per phase of the build:

``spec``        the rules, without Sphinx: options, ``:loudness:``, ids, cache keys, formats
``nodes``       the doctree nodes
``directives``  reading: check the input, record the example, return the nodes
``collector``   the typed records in the environment (purge, parallel merge, re-reading
                stale documents) and, once all documents are read, duplicate ids, numbers
                and generation
``render``      rendering the audio into the cache, in worker processes; ``_audio/``
``plots``       the waveform, spectrum and spectrogram plots for the PDF
``zip``         the practice-session ZIP
``transforms``  per-format post-transforms (labels; LaTeX plots; plain text elsewhere)
``html``, ``latex``  the visitors
``abplayer``    the A/B player's script on the HTML pages that have a pair

Shared course plumbing (errors, reading order, numbering, the ``<audio>`` player, online
URLs, caches) is in ``ext/course/``; parameters are parsed and checked by
``soundlib.params``. Other extensions look an example up with
``audio.collector.find_example(env, id)``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sphinx.util import logging

from audio import abplayer, html, latex
from audio.collector import AudioCollector, audio_data, index_examples
from audio.directives import AudioExampleDirective, AudioPairDirective, PracticeSessionDirective
from audio.nodes import audio_caption, audio_description, audio_example, audio_pair, practice_session
from audio.render import audio_cache
from audio.transforms import AudioLabels, AudioLatexPlots, AudioPlainText
from course import errors
from course.assets import add_static_files
from course.player import AUDIO_MIME_TYPES, EPUB_AUDIO
from course.tracebacks import exception_text

if TYPE_CHECKING:
    from sphinx.application import Sphinx

logger = logging.getLogger(__name__)

#: Bump when the records in the environment change shape (a fresh environment is read).
ENV_VERSION = 2


def _builder_inited(app: Sphinx) -> None:
    data = audio_data(app.env)
    data.outdir = str(app.outdir)
    data.cache_dir = str(audio_cache(app))
    try:
        from soundlib.recipes import source_hash

        data.source_hash = source_hash()
    except Exception as exc:  # reported by each directive
        data.source_hash = None
        logger.warning("cannot import soundlib: %s", exception_text(exc))
    media = getattr(app.builder, "media_types", None)
    if isinstance(media, dict):  # EPUB: list the audio files in the manifest (core types only;
        # WAV examples are linked to the online edition, see audio.html.epub_player)
        app.builder.media_types = {**media, **{ext: AUDIO_MIME_TYPES[ext] for ext in EPUB_AUDIO}}


def _summary(found: list) -> str:
    total = len(found)
    return (f"{total} audio example error{'s' if total != 1 else ''} (see the messages "
            "above); the output is incomplete")


def setup(app: Sphinx) -> dict[str, Any]:
    app.setup_extension("course")
    app.add_config_value("audio_cache_dir", "", "", types=frozenset({str}),
                         description="Folder of rendered audio (default <outdir>/../.audio-cache)")
    app.add_config_value("audio_jobs", 0, "", types=frozenset({int}),
                         description="Worker processes for rendering audio (0: -j or all CPUs)")
    for node in (audio_example, audio_caption, audio_description, audio_pair, practice_session):
        app.add_node(node, html=html.VISITORS[node.__name__],
                     latex=latex.VISITORS[node.__name__])
    app.add_directive("audio-example", AudioExampleDirective)
    app.add_directive("audio-pair", AudioPairDirective)
    app.add_directive("practice-session", PracticeSessionDirective)
    app.add_env_collector(AudioCollector)
    app.add_post_transform(AudioLabels)
    app.add_post_transform(AudioLatexPlots)
    app.add_post_transform(AudioPlainText)
    app.connect("builder-inited", _builder_inited)
    app.connect("env-updated", index_examples, priority=400)
    errors.add_summary(app, "audio", _summary)
    add_static_files(app, css=["audio.css"])
    abplayer.setup(app)
    return {"version": "2.0", "parallel_read_safe": True, "parallel_write_safe": True,
            "env_version": ENV_VERSION}
