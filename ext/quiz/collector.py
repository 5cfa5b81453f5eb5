"""The quiz records of the environment: collected per document, merged after parallel
reading, numbered and checked once every document is read.

:class:`QuizDomain` holds the data (Sphinx creates it, pickles it with the environment, purges
a document's part before the document is read again and merges the parts read by parallel
workers). Other extensions read it with ``env.domains["quiz"]``:

``questions``
    ``{docname: [QuestionRecord, ...]}`` in document order (see :class:`QuestionRecord`).
``numbers``
    ``{docname: ["6.1", "6.2", ...]}`` parallel to ``questions`` (set in ``env-updated``).
``groups``
    ``{group: [(docname, index), ...]}`` in numbering order, where a group is a module folder
    ``modules/NN-slug`` or, outside the modules, a docname.
``key_docs``
    ``{group: docname}`` of the page holding the group's ``.. quiz-answer-key::``.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx.domains import Domain

from course import errors
from course.modules import number_items, numbering_group
from course.order import doc_key, doc_order
from quiz.nodes import child, quiz, quiz_answer, quiz_answer_key, quiz_option, quiz_prompt, quiz_question

if TYPE_CHECKING:
    from sphinx.application import Sphinx
    from sphinx.environment import BuildEnvironment

CATEGORY = "quiz"
#: Bump when the stored data changes shape.
DATA_VERSION = 2


@dataclass
class QuestionRecord:
    """What the build remembers of one question."""

    id: str
    docname: str
    line: int | None
    type: str
    quiz: str | None              #: the quiz's id
    prompt: str                   #: plain text
    options: list[str]            #: plain texts
    correct: list[str]            #: letters
    answer: str | None
    unit: str | None
    tolerance: str | None
    audio: str | None             #: an audio example's id
    answer_node: nodes.Element    #: a detached copy: statement, model answer, explanation


def _detached_copy(node: nodes.Element) -> nodes.Element:
    """A deep copy that does not keep a reference to the whole document (which would be
    pickled with the environment)."""
    copy = node.deepcopy()
    for descendant in copy.findall():
        descendant._document = None
    return copy


class QuizDomain(Domain):
    """The quiz data of the environment (no roles or directives of its own)."""

    name = "quiz"
    label = "Quiz"
    data_version = DATA_VERSION
    initial_data: dict[str, Any] = {  # noqa: RUF012 (Sphinx API)
        "questions": {}, "keys": {}, "numbers": {}, "groups": {}, "key_docs": {}}

    @property
    def questions(self) -> dict[str, list[QuestionRecord]]:
        return self.data["questions"]

    @property
    def keys(self) -> dict[str, list[int | None]]:
        """``{docname: [line of each .. quiz-answer-key::]}``."""
        return self.data["keys"]

    @property
    def numbers(self) -> dict[str, list[str]]:
        return self.data["numbers"]

    @property
    def groups(self) -> dict[str, list[tuple[str, int]]]:
        return self.data["groups"]

    @property
    def key_docs(self) -> dict[str, str]:
        return self.data["key_docs"]

    def number_of(self, docname: str, index: int) -> str:
        """The number of the *index*-th question of *docname* ("6.3"), or "?"."""
        try:
            return self.numbers[docname][index]
        except (KeyError, IndexError):
            return "?"

    def clear_doc(self, docname: str) -> None:
        self.questions.pop(docname, None)
        self.keys.pop(docname, None)

    def merge_domaindata(self, docnames: Set[str], otherdata: dict[str, Any]) -> None:
        for name in ("questions", "keys"):
            for docname, items in otherdata[name].items():
                if docname in docnames:
                    self.data[name][docname] = items

    def process_doc(self, env: BuildEnvironment, docname: str,
                    document: nodes.document) -> None:
        """Make quiz ids unique in the page, index the questions, record them."""
        seen: set[str] = set()
        for qz in document.findall(quiz):
            base = qz_id = qz["quiz_id"]
            n = 2
            while qz_id in seen:
                qz_id, n = f"{base}-{n}", n + 1
            seen.add(qz_id)
            qz["quiz_id"] = qz_id
        records = []
        for index, q in enumerate(document.findall(quiz_question)):
            q["index"] = index
            parent = q.parent
            while parent is not None and not isinstance(parent, quiz):
                parent = parent.parent
            prompt = child(q, quiz_prompt)
            records.append(QuestionRecord(
                id=q["qid"], docname=docname, line=q["qline"], type=q["qtype"],
                quiz=parent["quiz_id"] if parent is not None else None,
                prompt=prompt.astext() if prompt is not None else "",
                options=[o.astext() for o in q.findall(quiz_option)],
                correct=list(q["letters"]), answer=q["answer"], unit=q["unit"],
                tolerance=q["tolerance"], audio=q["audio"],
                answer_node=_detached_copy(child(q, quiz_answer)),
            ))
        if records:
            self.questions[docname] = records
        keys = [k.line for k in document.findall(quiz_answer_key)]
        if keys:
            self.keys[docname] = keys

    def resolve_any_xref(self, *args: Any, **kwargs: Any) -> list:
        return []


def quiz_domain(env: BuildEnvironment) -> QuizDomain:
    return env.domains["quiz"]  # type: ignore[return-value]


def audio_examples(env: BuildEnvironment) -> dict[str, Any] | None:
    """The audio examples by id (``audio.collector.AudioExample``: ``docname``, ``file``,
    ``number``, ``title``), or None when the audio extension is not loaded. The one place
    the quiz reads the audio extension's data (filled before the quiz's ``env-updated``)."""
    data = getattr(env, "course_audio", None)
    return data.by_id if data is not None else None


def get_outdated(app: Sphinx, env: BuildEnvironment, added: set[str], changed: set[str],
                 removed: set[str]) -> list[str]:
    """Re-read the quiz pages and answer keys of every module with a changed page."""
    domain = quiz_domain(env)
    groups = {numbering_group(d) for d in added | changed | removed}
    groups = {g for g in groups if g.startswith("modules/")}
    more = {d for d in set(domain.questions) | set(domain.keys)
            if numbering_group(d) in groups}
    return sorted(more - added - changed - removed)


def env_updated(app: Sphinx, env: BuildEnvironment) -> list[str]:
    """Number the questions in reading order, find the answer keys, check what needs every
    document (unique ids, known audio examples); return the pages to write again."""
    domain = quiz_domain(env)
    order = doc_order(env, app.config.root_doc)
    numbering = number_items(((d, i) for d, recs in domain.questions.items()
                              for i in range(len(recs))), order)
    groups = numbering.groups
    numbers: dict[str, list[str]] = {}
    for items in groups.values():
        for item in items:
            numbers.setdefault(item[0], []).append(numbering.labels[item])
    key_docs: dict[str, str] = {}
    for docname in sorted(domain.keys, key=lambda d: doc_key(order, d)):
        key_docs.setdefault(numbering_group(docname), docname)

    old, old_keys = domain.numbers, domain.key_docs
    changed = {d for d in set(old) | set(numbers) if old.get(d) != numbers.get(d)}
    changed_groups = {numbering_group(d) for d in changed}
    changed_groups |= set(key_docs) ^ set(old_keys)
    changed_groups |= {g for g in key_docs if key_docs[g] != old_keys.get(g)}
    rewrite = set(changed)
    rewrite |= {d for d in domain.keys if numbering_group(d) in changed_groups}
    # An EPUB question links to its key page: rewrite the group when the key moves.
    for group in changed_groups:
        rewrite |= {d for d, _i in groups.get(group, [])}
    domain.data.update(numbers=numbers, groups=groups, key_docs=key_docs)
    _check_all(env, order)
    return sorted(d for d in rewrite if d in env.all_docs)


def _check_all(env: BuildEnvironment, order: dict[str, int]) -> None:
    """Checks over the merged records: unique ids, known audio examples."""
    errors.clear_late(env, CATEGORY)
    first_seen: dict[str, QuestionRecord] = {}
    examples = audio_examples(env)
    every = sorted((r for recs in quiz_domain(env).questions.values() for r in recs),
                   key=lambda r: (doc_key(order, r.docname), r.line or 0))
    for rec in every:
        if rec.id in first_seen:
            first = first_seen[rec.id]
            errors.record_late(
                env, CATEGORY, rec.docname, rec.line,
                f"quiz question {rec.id!r}: duplicate id; it is also used at "
                f"{errors.location(env, first.docname, first.line)} "
                f"(question ids must be unique across the whole site)")
        else:
            first_seen[rec.id] = rec
        if rec.audio and (examples is None or rec.audio not in examples):
            why = ("the audio extension is not loaded" if examples is None
                   else 'no ".. audio-example::" has this id')
            errors.record_late(
                env, CATEGORY, rec.docname, rec.line,
                f"quiz question {rec.id!r}: unknown audio example {rec.audio!r} ({why})")


def error_summary(found: list[errors.InputError]) -> str:
    """"3 malformed quiz questions; see the errors above" (one per file and line)."""
    count = len({(e.docname, e.line) for e in found})
    return f"{count} malformed quiz question{'s' if count != 1 else ''}; see the errors above"
