"""Writing: number the questions, place the answers and fill the answer keys, per output.

One post-transform per output, chosen by Sphinx from the ``formats`` and ``builders`` class
attributes (priority 5: before ReferencesResolver at 10, so references inside moved answers
still resolve; well before sphinx-design's dropdown transform at 199, which renders the
answer dropdowns):

:class:`HtmlQuiz` (html, dirhtml, singlehtml)
    The answer goes into a closed sphinx-design dropdown below the question; the answer key
    lists copies of every answer of the module; the quiz is interactive (quiz.js).
:class:`EpubQuiz` (epub)
    The question links to its answer in the answer key page.
:class:`LatexQuiz` (latex)
    The answers move into the module's answer key (the builder's one big doctree); each
    question ends with "Answer: page N".
:class:`GenericQuiz` (text, man, texinfo, spelling, ...)
    Ordinary docutils nodes (:func:`to_generic`).
"""

from __future__ import annotations

import posixpath
from typing import Any

from docutils import nodes
from sphinx import addnodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from course.modules import numbering_group
from course.player import epub_playable
from course.urls import online_url, page_relative_url
from quiz.collector import audio_examples, quiz_domain
from quiz.nodes import (
    QuizNode,
    child,
    quiz,
    quiz_answer,
    quiz_answer_key,
    quiz_answer_link,
    quiz_answer_statement,
    quiz_audio,
    quiz_hint,
    quiz_key_entry,
    quiz_key_title,
    quiz_option,
    quiz_options,
    quiz_question,
    quiz_question_title,
    take_children,
)


def page_link(builder: Any, fromdoc: str, todoc: str, anchor: str) -> str:
    """URI of *anchor* on page *todoc*, from page *fromdoc*."""
    if builder.name == "singlehtml":
        return f"#{anchor}"  # one page (get_relative_uri would give "#document-x#anchor")
    return f"{builder.get_relative_uri(fromdoc, todoc)}#{anchor}"


def rebase_xrefs(node: nodes.Element, fromdoc: str, srcdoc: str, builder: Any) -> None:
    """Make cross-references in answer content written in *srcdoc* work in *fromdoc*."""
    if builder.name == "singlehtml":
        return  # one page: references resolve as they would where they were written
    if srcdoc != fromdoc:
        for ref in node.findall(nodes.reference):
            if "refid" in ref and "refuri" not in ref:
                try:
                    base = builder.get_relative_uri(fromdoc, srcdoc)
                except Exception:  # noqa: BLE001, S112 (NoUri: the page is not in this output)
                    continue
                ref["refuri"] = f"{base}#{ref['refid']}"
                del ref["refid"]
    for xref in node.findall(addnodes.pending_xref):
        old = xref.get("refdoc")
        if (old and xref.get("refdomain") == "std" and xref.get("reftype") == "doc"
                and not xref["reftarget"].startswith("/")):
            xref["reftarget"] = posixpath.normpath(
                posixpath.join("/" + old, "..", xref["reftarget"]))
        xref["refdoc"] = fromdoc


def _no_questions(key: quiz_answer_key) -> None:
    key += nodes.paragraph("", "", nodes.emphasis("No quiz questions.", "No quiz questions."))


class GenericQuiz(SphinxPostTransform):
    """The base of the per-output transforms, and itself the fallback for every builder that
    is neither HTML nor LaTeX."""

    default_priority = 5

    def is_supported(self) -> bool:
        return self.env._builder_cls.format not in ("html", "latex")

    def run(self, **kwargs: Any) -> None:
        questions = list(self.document.findall(quiz_question))
        keys = list(self.document.findall(quiz_answer_key))
        quizzes = list(self.document.findall(quiz))
        if not (questions or keys or quizzes):
            return
        self.builder = self.env._app.builder
        self.domain = quiz_domain(self.env)
        self.fromdoc = self.env.docname
        for qz in quizzes:
            self.finish_quiz(qz)
        for q in questions:
            self.finish_question(q)
        self.place_answers(questions, keys)
        self.finish()

    # -- what each output changes -----------------------------------------------------------

    def finish_quiz(self, node: quiz) -> None:
        pass

    def title(self, title: quiz_question_title, qid: str, label: str) -> None:
        title += nodes.Text(f"Question {label}")

    def answer(self, q: quiz_question, answer: quiz_answer, label: str) -> None:
        pass

    def audio(self, player: quiz_audio, info: Any, name: str) -> None:
        """Where to listen: online, if ``html_baseurl`` is set."""
        para = nodes.paragraph("", "", classes=["quiz-audio-title"])
        url = online_url(self.config, info.file) if info is not None else None
        if url:
            para += nodes.emphasis("", f"Listen to {name} online: ")
            para += nodes.reference(url, url, refuri=url)
        else:
            para += nodes.emphasis("", f"Listen to {name} in the online course.")
        player += para

    def entry_title(self, entry: quiz_key_entry, title: quiz_key_title, qid: str,
                    docname: str) -> None:
        title += nodes.Text(f"Question {title['number']}")

    def place_answers(self, questions: list[quiz_question],
                      keys: list[quiz_answer_key]) -> None:
        for key in keys:
            self.fill_key(key)

    def finish(self) -> None:
        to_generic(self.document, spelling=self.builder.name == "spelling")

    # -- shared steps -----------------------------------------------------------------------

    def finish_question(self, q: quiz_question) -> None:
        label = self.domain.number_of(q["docname"], q["index"])
        q["number"] = label
        title = child(q, quiz_question_title)
        if title is not None and not title.children:
            self.title(title, q["qid"], label)
        examples = audio_examples(self.env) or {}
        for player in q.findall(quiz_audio):
            info = examples.get(player["audio"])
            name = info.title if info is not None else player["audio"]
            player["label"] = name
            self.audio(player, info, name)
        answer = child(q, quiz_answer)
        if answer is not None:
            self.answer(q, answer, label)

    def new_entry(self, qid: str, label: str, docname: str) -> quiz_key_entry:
        entry = quiz_key_entry("", qid=qid, number=label, docname=docname)
        title = quiz_key_title("", qid=qid, number=label)
        self.entry_title(entry, title, qid, docname)
        entry += title
        return entry

    def fill_key(self, key: quiz_answer_key) -> None:
        """Copies of the answers of every question of the key's module (or page)."""
        if self.builder.name == "spelling":
            return  # the answers are spell-checked where they are written
        items = self.domain.groups.get(key["group"], [])
        for docname, index in items:
            try:
                record = self.domain.questions[docname][index]
            except (KeyError, IndexError):
                continue
            entry = self.new_entry(record.id, self.domain.number_of(docname, index), docname)
            copy = record.answer_node.deepcopy()
            rebase_xrefs(copy, self.fromdoc, docname, self.builder)
            entry.extend(take_children(copy))
            key += entry
        if not items:
            _no_questions(key)


class EpubQuiz(GenericQuiz):
    """EPUB: numbered, linked titles; the answers are in the answer key, linked from each
    question; the players play the audio files copied into the book."""

    builders = ("epub",)

    def is_supported(self) -> bool:
        return SphinxPostTransform.is_supported(self)

    def finish(self) -> None:
        pass

    def title(self, title: quiz_question_title, qid: str, label: str) -> None:
        title["ids"] = [f"q-{qid}-title"]
        title += nodes.reference("", "", nodes.Text(f"Question {label}"), refuri=f"#q-{qid}",
                                 internal=True, classes=["quiz-permalink"])

    def playable(self, info: Any) -> bool:
        """Whether the book can play this file (MP3 is an EPUB core media type; WAV is not)."""
        return info is not None and bool(info.file) and epub_playable(info.file)

    def audio(self, player: quiz_audio, info: Any, name: str) -> None:
        """"Listen: Audio 1.3" (a link to the example, whose figure has the text
        description) above a player."""
        if not self.playable(info):
            super().audio(player, info, name)  # WAV: online, like the PDF
            return
        player["src"] = page_relative_url(self.builder, self.fromdoc, info.file)
        para = nodes.paragraph("", "Listen: ", classes=["quiz-audio-title"])
        if info.docname in self.env.all_docs:
            uri = page_link(self.builder, self.fromdoc, info.docname,
                            f"audio-{player['audio']}")
            para += nodes.reference("", name, refuri=uri, internal=True)
        else:
            para += nodes.Text(name)
        player += para

    def answer_id(self, qid: str) -> str:
        """The id of an answer in the key."""
        return f"a-{qid}"

    def entry_title(self, entry: quiz_key_entry, title: quiz_key_title, qid: str,
                    docname: str) -> None:
        entry["ids"] = [self.answer_id(qid)]
        uri = page_link(self.builder, self.fromdoc, docname, f"q-{qid}")
        title += nodes.reference("", "", nodes.Text(f"Question {title['number']}"),
                                 refuri=uri, internal=True)

    def answer(self, q: quiz_question, answer: quiz_answer, label: str) -> None:
        qid = q["qid"]
        keydoc = self.domain.key_docs.get(numbering_group(q["docname"]))
        if keydoc:
            uri = page_link(self.builder, self.fromdoc, keydoc, f"a-{qid}")
            link = quiz_answer_link("", "", qid=qid, number=label)
            link += nodes.reference("", "", nodes.Text(f"Answer to question {label}"),
                                    refuri=uri, internal=True)
            answer.replace_self(link)
        else:
            answer["ids"] = [f"a-{qid}"]


class HtmlQuiz(EpubQuiz):
    """HTML: interactive quizzes, each answer in a closed dropdown below its question, and
    answer keys with copies of the answers."""

    builders = ()
    formats = ("html",)

    def is_supported(self) -> bool:
        return (SphinxPostTransform.is_supported(self)
                and self.env._builder_cls.name not in EpubQuiz.builders)

    def finish_quiz(self, node: quiz) -> None:
        node["interactive"] = True

    def playable(self, info: Any) -> bool:
        """A browser plays every format the course makes, WAV included."""
        return info is not None and bool(info.file)

    def answer_id(self, qid: str) -> str:
        return f"key-{qid}"

    def answer(self, q: quiz_question, answer: quiz_answer, label: str) -> None:
        from sphinx_design.shared import create_component

        dropdown = create_component(
            "dropdown", opened=False, type="dropdown", has_title=True, icon=None,
            chevron=None, container_classes=["sd-mb-3", "quiz-answer-dropdown"],
            title_classes=["quiz-answer-summary"], body_classes=["quiz-answer-body"],
        )
        dropdown += nodes.rubric("", "", nodes.Text(f"Answer to question {label}"),
                                 ids=[f"a-{q['qid']}"])
        dropdown.extend(take_children(answer))
        answer += dropdown


class LatexQuiz(GenericQuiz):
    """LaTeX: the answers move into the module's answer key in this (big) doctree; the
    visitors write the labels and page references."""

    formats = ("latex",)

    def is_supported(self) -> bool:
        return SphinxPostTransform.is_supported(self)

    def finish(self) -> None:
        pass

    def entry_title(self, entry: quiz_key_entry, title: quiz_key_title, qid: str,
                    docname: str) -> None:
        pass  # the LaTeX visitor writes "Question 6.3, page N" with its own labels

    def place_answers(self, questions: list[quiz_question],
                      keys: list[quiz_answer_key]) -> None:
        by_group: dict[str, quiz_answer_key] = {}
        for key in keys:
            by_group.setdefault(key["group"], key)
        for q in questions:
            answer = child(q, quiz_answer)
            key = by_group.get(numbering_group(q["docname"]))
            if answer is None or key is None:
                continue
            qid, label = q["qid"], q["number"]
            entry = self.new_entry(qid, label, q["docname"])
            entry.extend(take_children(answer))
            rebase_xrefs(entry, key["docname"], q["docname"], self.builder)
            key += entry
            answer.replace_self(quiz_answer_link("", "", qid=qid, number=label))
        for key in keys:
            if not any(isinstance(c, quiz_key_entry) for c in key.children):
                _no_questions(key)


def to_generic(document: nodes.document, spelling: bool = False) -> None:
    """Replace this extension's nodes by ordinary docutils nodes (text, man, texinfo, ...)."""
    if spelling:
        # the answer statement repeats the correct options' text: check it only once
        for stmt in document.findall(quiz_answer_statement):
            for copy in list(stmt.findall(nodes.inline)):
                if "quiz-option-text" in copy["classes"] and copy.parent is not None:
                    copy.parent.remove(copy)
    for node in reversed(list(document.findall(QuizNode))):
        children = take_children(node)
        classes = [node.tagname.replace("_", "-"), *node.get("classes", [])]
        if isinstance(node, quiz_options):
            # text writers number every enumerated list 1, 2, 3: write the letters instead
            new = nodes.bullet_list("", bullet="-")
        elif isinstance(node, quiz_option):
            new = nodes.list_item()
            letter = nodes.strong(f"({node['letter']})", f"({node['letter']})")
            if children and isinstance(children[0], nodes.paragraph):
                children[0].insert(0, [letter, nodes.Text(" ")])
            else:
                children.insert(0, nodes.paragraph("", "", letter))
        elif isinstance(node, (quiz_question_title, quiz_key_title)):
            new = nodes.paragraph("", "", nodes.strong("", "", *children))
            children = []
        elif isinstance(node, (quiz_answer_statement, quiz_answer_link, quiz_hint)):
            # wrapped in an inline: generated text (and copies of option text) is not checked
            # by the spelling builder a second time
            new = nodes.paragraph("", "", nodes.inline("", "", *children))
            children = []
        else:
            new = nodes.container("", classes=classes)
        new["ids"] = list(node.get("ids", []))
        new.source, new.line = node.source, node.line
        new.extend(children)
        node.replace_self(new)


TRANSFORMS = (HtmlQuiz, EpubQuiz, LatexQuiz, GenericQuiz)
