"""What the audio extension knows about the site, kept in the build environment.

The records are typed (``AudioExample``, ``PracticeSession``) and live in one place,
``env.course_audio`` (an ``AudioData``), filled per document by the directives and kept up
to date by ``AudioCollector``, a Sphinx ``EnvironmentCollector``:

* ``clear_doc`` / ``merge_other``: a document's records are dropped when it is read again,
  and the records read by ``-j N`` worker processes are merged into the main environment;
* ``get_outdated_docs``: documents whose examples were keyed with another version of the
  sound library are read again;
* ``get_updated_docs`` (``env-updated``, once every document is read and merged): the
  audio, the practice sessions and, for LaTeX, the plots are generated (``audio.render``,
  ``audio.zip``, ``audio.plots``).

Before that, ``index_examples`` (also ``env-updated``, but with priority 400, so before
every other extension's handler) detects duplicate ids over the merged records, numbers the
examples in reading order and fills ``AudioData.by_id``. Other extensions look an example up
there, or with ``find_example(env, id)``: its ``number``, ``title``, ``file`` (relative to
the HTML output), ``docname`` and measured ``meta``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from sphinx.environment.collectors import EnvironmentCollector

from audio.spec import audio_file, label_text
from course import errors
from course.modules import number_items
from course.order import doc_key, doc_order

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

CATEGORY = "audio"


@dataclass
class AudioExample:
    """One ``audio-example`` directive, as read, then numbered and rendered."""

    id: str
    docname: str
    lineno: int
    seq: int                       # its place among the examples of its document
    recipe: str
    params: dict[str, Any]
    lossless: bool
    loudness: float | None
    allow_clipping: bool
    plot: str
    caption: str
    description: str
    source_hash: str
    key: str                       # cache key of the audio file (audio.spec.example_key)
    pair: str | None = None        # its label in an audio-pair ("Before")
    number: str | None = None      # "6.4", set after reading (env-updated)
    meta: dict[str, Any] | None = None   # measured facts, once rendered
    error: str | None = None       # why it could not be rendered

    @property
    def ext(self) -> str:
        return "wav" if self.lossless else "mp3"

    @property
    def file(self) -> str:
        """The audio file relative to the HTML output: ``_audio/<id>-<key8>.<ext>``."""
        return audio_file(self.id, self.key, self.ext)

    @property
    def title(self) -> str:
        return f"Audio {self.number}" if self.number else self.id

    @property
    def label(self) -> str:
        return label_text(self.number, self.pair)


@dataclass
class PracticeSession:
    """One ``practice-session`` directive and, once built, its ZIP."""

    docname: str
    lineno: int
    params: dict[str, Any]
    key: str
    source_hash: str
    file: str | None = None        # relative to the HTML output, once built
    zip_path: str | None = None    # the ZIP in the cache
    meta: dict[str, Any] | None = None
    error: str | None = None


@dataclass
class AudioData:
    """``env.course_audio``: every record, per document, in document order."""

    examples: dict[str, list[AudioExample]] = field(default_factory=dict)
    sessions: dict[str, list[PracticeSession]] = field(default_factory=dict)
    #: the sound library's source hash of this build (None: soundlib cannot be imported)
    source_hash: str | None = None
    #: id -> the example that owns the id (the first in reading order), after reading
    by_id: dict[str, AudioExample] = field(default_factory=dict)
    #: this build's audio cache and output folder (set when the builder starts)
    cache_dir: str = ""
    outdir: str = ""

    def all_examples(self) -> list[AudioExample]:
        return [rec for docname in sorted(self.examples) for rec in self.examples[docname]]

    def owners(self) -> list[AudioExample]:
        """The examples that own their id (a later duplicate is an error, left out)."""
        return [rec for rec in self.all_examples() if self.by_id.get(rec.id) is rec]

    def example(self, docname: str, seq: int) -> AudioExample | None:
        for rec in self.examples.get(docname, ()):
            if rec.seq == seq:
                return rec
        return None

    def session(self, key: str) -> PracticeSession | None:
        for docname in sorted(self.sessions):
            for rec in self.sessions[docname]:
                if rec.key == key:
                    return rec
        return None


def audio_data(env: BuildEnvironment) -> AudioData:
    """The audio records of ``env`` (created empty on first use)."""
    data = getattr(env, "course_audio", None)
    if data is None:
        data = env.course_audio = AudioData()
    return data


def find_example(env: BuildEnvironment, ident: str) -> AudioExample | None:
    """The example with id ``ident`` (for other extensions, e.g. listening questions), or
    None if no valid ``audio-example`` has it (or the audio extension is not loaded)."""
    data = getattr(env, "course_audio", None)
    return data.by_id.get(ident) if data is not None else None


def node_record(env: BuildEnvironment, node: Any) -> AudioExample | None:
    """The record of an ``audio_example`` node (None for a duplicate id: it is left out)."""
    data = audio_data(env)
    rec = data.example(node["docname"], node["seq"])
    return rec if rec is not None and data.by_id.get(rec.id) is rec else None


def check_duplicates(env: BuildEnvironment, data: AudioData) -> None:
    """One error per example whose id an earlier example (in reading order) already uses,
    naming both files and lines; rebuilds ``data.by_id``."""
    order = doc_order(env)
    data.by_id = {}
    for rec in sorted(data.all_examples(), key=lambda r: (doc_key(order, r.docname), r.seq)):
        first = data.by_id.setdefault(rec.id, rec)
        if first is rec:
            continue
        errors.record_late(
            env, CATEGORY, rec.docname, rec.lineno,
            f"audio-example {rec.id!r}: duplicate id: {rec.id!r} is already used at "
            f"{errors.location(env, first.docname, first.lineno, relative=True)} (this one is "
            f"at {errors.location(env, rec.docname, rec.lineno, relative=True)}); ids must be "
            "unique across the site")


def assign_numbers(env: BuildEnvironment, data: AudioData) -> set[str]:
    """Number the examples "Audio <module>.<n>" within a module folder, "Audio <n>" within
    any other document; return the documents whose numbers changed."""
    numbering = number_items(((r.docname, r.seq) for r in data.all_examples()), doc_order(env))
    changed = set()
    for rec in data.all_examples():
        number = numbering.labels[(rec.docname, rec.seq)]
        if rec.number != number:
            changed.add(rec.docname)
        rec.number = number
    return changed


def index_examples(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """``env-updated`` (priority 400): duplicates, ``by_id`` and numbers; returns the
    documents whose numbers changed (they are written again)."""
    data = audio_data(env)
    errors.clear_late(env, CATEGORY)
    check_duplicates(env, data)
    return sorted(assign_numbers(env, data))


class AudioCollector(EnvironmentCollector):
    """Keeps ``env.course_audio`` in step with the documents (see the module docstring)."""

    def clear_doc(self, app: Sphinx, env: BuildEnvironment, docname: str) -> None:
        data = audio_data(env)
        data.examples.pop(docname, None)
        data.sessions.pop(docname, None)

    def merge_other(self, app: Sphinx, env: BuildEnvironment, docnames: set[str],
                    other: BuildEnvironment) -> None:
        data, theirs = audio_data(env), audio_data(other)
        for docname in docnames:
            if docname in theirs.examples:
                data.examples[docname] = theirs.examples[docname]
            if docname in theirs.sessions:
                data.sessions[docname] = theirs.sessions[docname]

    def process_doc(self, app: Sphinx, doctree: Any) -> None:
        """Nothing: the directives record while they run."""

    def get_outdated_docs(self, app: Sphinx, env: BuildEnvironment, added: set[str],
                          changed: set[str], removed: set[str]) -> list[str]:
        """Documents whose records were keyed with another sound library source hash."""
        data = audio_data(env)
        if data.source_hash is None:
            return []
        stale = {rec.docname for rec in data.all_examples()
                 if rec.source_hash != data.source_hash}
        stale |= {rec.docname for items in data.sessions.values() for rec in items
                  if rec.source_hash != data.source_hash}
        return sorted(stale - removed)

    def get_updated_docs(self, app: Sphinx, env: BuildEnvironment) -> list[str]:
        """After reading (and ``index_examples``): the files (``audio.render.generate``)."""
        from audio import render

        render.generate(app, env, audio_data(env))
        return []
