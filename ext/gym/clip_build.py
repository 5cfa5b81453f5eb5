"""Rendering the clip drills' clips (``gym.clips``) at build time, through the audio pipeline.

Each clip becomes an ``audio.collector.AudioExample`` record (never added to the audio
extension's data, so it gets no number, no plot and no place in the practice ZIPs) and is
rendered by ``audio.render.render_all``/``render_example`` into the shared audio cache: the
same loudness normalization, ceiling, MP3 encoder and facts JSON as every audio example.
Keys combine the sound library's source hash with ``gym/clips.py``'s own, so editing either
renders the clips again, and a rebuild with an unchanged library renders nothing.

In an HTML build (not the EPUB: its drills are text) the clips in use are copied into
``<outdir>/_audio/gym/``. When a page is written, :class:`DrillMedia` adds to each drill's
config (``data-drill-config``) what its JavaScript plays, with URLs relative to the page: the
clips of a clip drill (:func:`clip_config`) and, for the ABX drill, every audio pair of the
course (:func:`pair_config`), already in ``_audio/``.
"""

from __future__ import annotations

import hashlib
import weakref
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sphinx.transforms.post_transforms import SphinxPostTransform
from sphinx.util import logging

from audio.collector import AudioExample, audio_data
from audio.spec import AUDIO_DIR, NO_GENERATION_BUILDERS, example_key
from course.cache import sync_folder
from gym import clips, music

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

logger = logging.getLogger(__name__)
#: app -> {"rendered", "cached", "bytes"} of its last clip step (for the log and the tests)
REPORTS: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

#: The folder of the clips in the HTML output.
CLIP_DIR = f"{AUDIO_DIR}/gym"
CATEGORY = "gym-clips"


def clips_hash() -> str:
    """The key basis of the clips: the sound library's source and ``gym/clips.py``."""
    import soundlib.recipes

    both = soundlib.recipes.source_hash() + clips.own_hash()
    return hashlib.sha256(both.encode()).hexdigest()


def record(clip: clips.Clip, source_hash: str) -> AudioExample:
    """The audio pipeline's record of ``clip``."""
    key = example_key(source_hash, clip.recipe, clip.params, False, clips.LOUDNESS, False)
    return AudioExample(
        id=clip.id, docname="gym", lineno=0, seq=0, recipe=clip.recipe, params=clip.params,
        lossless=False, loudness=clips.LOUDNESS, allow_clipping=False, plot="spectrum",
        caption="", description=f"{clip.kind} drill clip: {clip.source}, {clip.setting}",
        source_hash=source_hash, key=key)


def records(kinds=clips.KINDS, source_hash: str | None = None) -> list[AudioExample]:
    """The records of every clip of ``kinds``."""
    source_hash = source_hash or clips_hash()
    return [record(c, source_hash) for kind in kinds for c in clips.catalog(kind)]


def clip_file(rec: AudioExample) -> str:
    """The clip's file relative to the HTML output: ``_audio/gym/<id>-<key8>.mp3``."""
    return f"{CLIP_DIR}/{rec.id}-{rec.key[:8]}.mp3"


def clip_config(kind: str, url=lambda file: file) -> list[dict]:
    """The clips of a drill, for its JavaScript: ``id``, ``src`` (``url(file)``: the file
    relative to the page), ``source`` (words), ``setting`` (the answer) and ``value`` (ratio,
    RT60 in s, or drive)."""
    source_hash = clips_hash()
    return [{"id": c.id, "src": url(clip_file(record(c, source_hash))),
             "source": clips.SOURCE_NAMES[c.source], "setting": c.setting, "value": c.value}
            for c in clips.catalog(kind)]


def pairs(env: BuildEnvironment) -> list[tuple[AudioExample, AudioExample]]:
    """Every ``audio-pair`` of the course in reading order (both examples rendered)."""
    from course.order import doc_key, doc_order

    data = audio_data(env)
    order = doc_order(env)
    found = []
    for docname in sorted(data.examples, key=lambda d: doc_key(order, d)):
        paired = [r for r in sorted(data.examples[docname], key=lambda r: r.seq)
                  if r.pair is not None and data.by_id.get(r.id) is r]
        for first, second in zip(paired[::2], paired[1::2]):
            if first.meta is not None and second.meta is not None:
                found.append((first, second))
    return found


def pair_config(env: BuildEnvironment, url=lambda file: file) -> list[dict]:
    """The ABX drill's pairs: ``id`` (the first example's), ``group`` (the module or page
    title), ``title``, and ``a``/``b`` with ``label`` and ``src``."""
    from course.modules import module_number

    out = []
    for a, b in pairs(env):
        number = module_number(a.docname)
        title = env.titles.get(a.docname)
        page = title.astext() if title is not None else a.docname
        group = f"Module {number}" if number is not None else page

        def side(rec: AudioExample) -> dict:
            return {"label": f"{rec.pair}, {rec.title}", "src": url(rec.file)}

        labels = "" if (a.pair, b.pair) == ("A", "B") else f": {a.pair} or {b.pair}"
        out.append({"id": a.id, "group": group, "page": a.docname,
                    "title": f"{a.title} and {b.number or b.id}{labels} ({page})",
                    "a": side(a), "b": side(b)})
    return out


def chosen_clips(node: Any, catalog: list[dict], option: Any) -> list[dict]:
    """The drill's ``:clips:`` (comma-separated clip ids), or every clip of its kind; an
    unknown id is a warning at the drill, listing the ids there are."""
    if not isinstance(option, str) or not option.strip():
        return catalog
    wanted = [w.strip() for w in option.split(",") if w.strip()]
    known = {c["id"]: c for c in catalog}
    unknown = [w for w in wanted if w not in known]
    if unknown:
        logger.warning("drill %s: unknown clip id(s) %s in :clips:; the clips of this kind are: "
                       "%s", node["kind"], ", ".join(unknown), ", ".join(known),
                       location=node, type="gym", subtype="clips")
    return [known[w] for w in wanted if w in known]


class DrillMedia(SphinxPostTransform):
    """HTML: put the clips (compression, reverb, distortion), the pairs (ABX) and the music
    data scripts (eq-band, :mod:`gym.music`) into the drill's config, with URLs relative to
    the page being written."""

    default_priority = 6
    builders = ("html", "dirhtml", "singlehtml")

    def run(self, **kwargs: Any) -> None:
        from course.urls import page_relative_url
        from gym.nodes import drill

        docname = self.env.docname

        def url(file: str) -> str:
            return page_relative_url(self.env._app.builder, docname, file)

        for node in self.document.findall(drill):
            kind = node["kind"]
            config = dict(node["config"])
            if kind in clips.KINDS:
                config["clips"] = chosen_clips(node, clip_config(kind, url), config.get("clips"))
            elif kind == "abx":
                config["pairs"] = pair_config(self.env, url)
            elif kind == "eq-band":
                config["music"] = music.music_config(url)
            else:
                continue
            node["config"] = config


def generate(app: Sphinx, env: BuildEnvironment) -> None:
    """``env-updated``: render the missing clips of the clip drills the site has into the
    audio cache and, in an HTML build, copy them into ``_audio/gym/`` (removing stale ones).
    A clip that cannot be rendered is a build error at its drill, naming the clip."""
    if app.builder.name in NO_GENERATION_BUILDERS:
        return
    from audio.render import audio_cache, cached_meta, render_all
    from course import errors
    from gym.collector import gym_domain

    errors.clear_late(env, CATEGORY)
    drills = {r.kind: r for r in gym_domain(env).in_order(env) if r.kind in clips.KINDS}
    if not drills:  # no clip drill in this project: nothing to render
        return
    cache = audio_cache(app)
    recs = records(tuple(k for k in clips.KINDS if k in drills))
    todo = [r for r in recs if cached_meta(r, cache) is None]
    report = REPORTS[app] = {"rendered": 0, "cached": len(recs) - len(todo), "bytes": 0}
    for key, problem in render_all(app, todo, cache):
        if problem is None:
            report["rendered"] += 1
        else:
            rec = next(r for r in todo if r.key == key)
            drill = drills[rec.recipe.removeprefix("gym-")]
            errors.record_late(env, CATEGORY, drill.docname, drill.line,
                               f"gym clip {rec.id!r} ({rec.recipe} {rec.params}): {problem}")
    report["bytes"] = sum((cache / f"{r.key}.mp3").stat().st_size for r in recs
                          if (cache / f"{r.key}.mp3").is_file())
    logger.info("gym clips: %d rendered, %d from the cache, %.1f MB", report["rendered"],
                report["cached"], report["bytes"] / 1e6)
    if getattr(app.builder, "format", "") != "html" or app.builder.name.startswith("epub"):
        return
    target = Path(app.outdir) / CLIP_DIR
    used = {}
    for rec in recs:
        src = cache / f"{rec.key}.mp3"
        if src.is_file():
            used[Path(clip_file(rec)).name] = src
    sync_folder(target, used)


def setup(app: Sphinx) -> None:
    """Register the clip step and the configs (called from the gym package's ``setup``)."""
    app.connect("env-updated", generate, priority=600)
    app.add_post_transform(DrillMedia)
    app.connect("env-updated", music.generate, priority=600)
