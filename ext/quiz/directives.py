"""The directives: ``quiz``, ``question``, ``explanation``, ``model-answer``,
``quiz-answer-key``.

``.. question::`` nested-parses its content and takes it apart: the last top-level bullet list
is the option list (``- [x] right`` / ``- [ ] wrong`` / ``- wrong``), ``.. explanation::`` and
``.. model-answer::`` are the answer, and everything else is the prompt. The rules are in
:mod:`quiz.spec`; a malformed question is reported as ``file:line: ERROR: ...``, replaced by
the error message, and recorded with :func:`course.errors.record` (the build then fails).
"""

from __future__ import annotations

from docutils import nodes
from docutils.parsers.rst import directives
from sphinx.util.docutils import SphinxDirective

from course import errors
from course.modules import numbering_group
from quiz import spec
from quiz.nodes import (
    quiz,
    quiz_answer,
    quiz_answer_key,
    quiz_answer_statement,
    quiz_audio,
    quiz_explanation,
    quiz_hint,
    quiz_model_answer,
    quiz_option,
    quiz_options,
    quiz_prompt,
    quiz_question,
    quiz_question_title,
    quiz_title,
    take_children,
)

CATEGORY = "quiz"


class _QuizDirective(SphinxDirective):
    def quiz_error(self, message: str, line: int | None = None) -> nodes.system_message:
        """Report an error at file:line, record it (the build fails), return the message."""
        line = line or self.lineno
        errors.record(self.env, CATEGORY, self.env.docname, line, message, log=False)
        return self.state.document.reporter.error(message, line=line)


class QuizDirective(_QuizDirective):
    """``.. quiz:: [title]``: a group of questions with a shared score."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = {  # noqa: RUF012 (docutils API)
        "id": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        node = quiz("", classes=self.options.get("class", []))
        self.set_source_info(node)
        messages: list[nodes.Node] = []
        title = self.arguments[0].strip() if self.arguments else ""
        quiz_id = (self.options.get("id") or "").strip()
        problem = spec.check_quiz_id(quiz_id) if "id" in self.options else None
        if problem:
            messages.append(self.quiz_error(problem))
            quiz_id = ""
        if quiz_id:
            node["ids"] = [f"quiz-{quiz_id}"]
        node["quiz_id"] = quiz_id or nodes.make_id(title) or "quiz"
        # A quiz titled like the section it opens ("Self-check" under "Self-check") would
        # print the same words twice: keep the title for the quiz's id only.
        section = self.state.parent
        heading = ""
        if (isinstance(section, nodes.section) and len(section)
                and isinstance(section[0], nodes.title)):
            heading = section[0].astext().strip()
        if title and title.casefold() != heading.casefold():
            textnodes, msgs = self.state.inline_text(title, self.lineno)
            para = nodes.paragraph(title, "", *textnodes)
            self.set_source_info(para)
            node += quiz_title("", para)
            messages.extend(msgs)
        self.state.nested_parse(self.content, self.content_offset, node)
        has_questions = any(isinstance(c, quiz_question) for c in node.children)
        had_errors = any(isinstance(c, nodes.system_message) for c in node.children)
        if not has_questions and not had_errors:
            messages.append(self.quiz_error(
                'a quiz needs at least one ".. question::" directly inside it'))
        return [node, *messages]


class _BlockDirective(_QuizDirective):
    """``.. explanation::`` and ``.. model-answer::``: body content of a question."""

    has_content = True
    node_class: type = quiz_explanation

    def run(self) -> list[nodes.Node]:
        if not isinstance(self.state.parent, quiz_question):
            return [self.quiz_error(
                f'".. {self.name}::" must be placed directly inside a ".. question::"')]
        node = self.node_class()
        self.set_source_info(node)
        self.state.nested_parse(self.content, self.content_offset, node)
        return [node]


class ExplanationDirective(_BlockDirective):
    node_class = quiz_explanation


class ModelAnswerDirective(_BlockDirective):
    node_class = quiz_model_answer


class QuizAnswerKeyDirective(_QuizDirective):
    """``.. quiz-answer-key::``: the answers of every question of this module (or page)."""

    has_content = False

    def run(self) -> list[nodes.Node]:
        node = quiz_answer_key("", docname=self.env.docname,
                               group=numbering_group(self.env.docname))
        self.set_source_info(node)
        return [node]


def _strip_marker(item: nodes.list_item) -> bool | None:
    """Remove a leading ``[x]`` / ``[ ]`` from an option; True/False if marked, else None."""
    first = item.children[0] if item.children else None
    if not isinstance(first, nodes.paragraph) or not first.children:
        return None
    text = first.children[0]
    if not isinstance(text, nodes.Text):
        return None
    m = spec.MARKER_RE.match(str(text))
    if not m:
        return None
    rest = str(text)[m.end():]
    if rest:
        first.replace(text, nodes.Text(rest))
    else:
        first.remove(text)
    if not first.children:
        item.remove(first)
    return m.group(1) in "xX"


def _has_markers(bullet_list: nodes.bullet_list) -> bool:
    for item in bullet_list.children:
        first = item.children[0] if item.children else None
        if (isinstance(first, nodes.paragraph) and first.children
                and isinstance(first[0], nodes.Text) and spec.MARKER_RE.match(str(first[0]))):
            return True
    return False


def _inline_copy(option: quiz_option) -> list[nodes.Node] | None:
    """Inline copies of a one-paragraph option, for the answer statement."""
    if len(option.children) == 1 and isinstance(option[0], nodes.paragraph):
        return [c.deepcopy() for c in option[0].children]
    return None


class QuestionDirective(_QuizDirective):
    """``.. question:: [prompt]``: one question of a quiz."""

    optional_arguments = 1
    final_argument_whitespace = True
    has_content = True
    option_spec = {  # noqa: RUF012 (docutils API)
        "id": directives.unchanged,
        "type": directives.unchanged,
        "answer": directives.unchanged,
        "unit": directives.unchanged,
        "tolerance": directives.unchanged,
        "audio": directives.unchanged,
        "class": directives.class_option,
    }

    def run(self) -> list[nodes.Node]:
        opts = self.options
        qtype = spec.normalize_type(opts.get("type"))
        question = quiz_question("", classes=opts.get("class", []))
        self.set_source_info(question)
        self.state.nested_parse(self.content, self.content_offset, question)
        body = take_children(question)

        explanations = [n for n in body if isinstance(n, quiz_explanation)]
        models = [n for n in body if isinstance(n, quiz_model_answer)]
        rest = [n for n in body if not isinstance(n, (quiz_explanation, quiz_model_answer))]
        lists = [n for n in rest if isinstance(n, nodes.bullet_list)]

        # The prompt: the argument, then the content other than options and answer blocks.
        prompt_nodes: list[nodes.Node] = []
        if self.arguments:
            textnodes, msgs = self.state.inline_text(self.arguments[0], self.lineno)
            para = nodes.paragraph(self.arguments[0], "", *textnodes)
            self.set_source_info(para)
            prompt_nodes += [para, *msgs]
        option_list = None
        stray = False
        if spec.takes_options(qtype) and lists:
            option_list = lists[-1]
        elif lists and _has_markers(lists[-1]):
            option_list, stray = lists[-1], True
        prompt_nodes += [n for n in rest if n is not option_list]
        prompt_text = " ".join(n.astext() for n in prompt_nodes
                               if not isinstance(n, nodes.system_message)).strip()

        options: list[quiz_option] = []
        if spec.takes_options(qtype) and option_list is not None:
            items = [n for n in option_list.children if isinstance(n, nodes.list_item)]
            for i, item in enumerate(items[: len(spec.LETTERS)]):
                marked = _strip_marker(item)
                option = quiz_option("", letter=spec.LETTERS[i], index=i, correct=bool(marked))
                option.source, option.line = item.source, item.line
                option.extend(take_children(item))
                options.append(option)
            option_inputs = [spec.OptionInput(o.astext(), o["correct"]) for o in options]
            option_inputs += [spec.OptionInput("x")] * max(0, len(items) - len(options))
        else:
            option_inputs = None

        data = spec.QuestionInput(
            type=opts.get("type"), id=opts.get("id"), prompt=prompt_text,
            options=option_inputs, stray_option_list=stray,
            answer=opts.get("answer"), unit=opts.get("unit"), tolerance=opts.get("tolerance"),
            audio=opts.get("audio"),
            explanations=[n.astext() for n in explanations],
            model_answers=[n.astext() for n in models],
            in_quiz=isinstance(self.state.parent, quiz))
        checked, problems = spec.check_question(data)
        if checked is None:
            return [self.quiz_error(p) for p in problems]
        return [self.assemble(question, checked, prompt_nodes, options,
                              explanations[0], models[0] if models else None)]

    def assemble(self, question: quiz_question, q: spec.Question,
                 prompt_nodes: list[nodes.Node], options: list[quiz_option],
                 explanation: quiz_explanation,
                 model: quiz_model_answer | None) -> quiz_question:
        """Fill *question* with the checked question's parts, in reading order."""
        question["ids"] = [f"q-{q.id}"]
        for att, value in {
            "qid": q.id, "qtype": q.type, "docname": self.env.docname, "qline": self.lineno,
            "correct": q.correct, "letters": q.letters,
            "answer": q.answer, "unit": q.display_unit,
            "tolerance": q.tolerance, "audio": q.audio,
        }.items():
            question[att] = value
        if q.type == "numeric":
            question["answer_value"] = q.answer_value
            question["tolerance_abs"] = q.tolerance_abs
        question += quiz_question_title()
        question += quiz_prompt("", *prompt_nodes)
        if q.audio:
            question += quiz_audio("", audio=q.audio)
        if q.type == "true-false":
            for i, word in enumerate(("True", "False")):
                para = nodes.paragraph(word, word)
                self.set_source_info(para)
                options.append(quiz_option("", para, letter=spec.LETTERS[i], index=i,
                                           correct=(i == q.correct[0])))
        if options:
            question += quiz_options("", *options, classes=[f"quiz-options-{q.type}"])
        if q.type == "numeric":
            question += quiz_hint("", spec.numeric_hint(q))
        answer = quiz_answer("", qid=q.id)
        answer += _statement(q, options)
        if model is not None:
            answer += model
        answer += explanation
        question += answer
        return question


def _statement(q: spec.Question, options: list[quiz_option]) -> quiz_answer_statement:
    """"Correct answer: B (100 Hz)", "Correct answer: True", "Model answer:", ..."""
    stmt = quiz_answer_statement()
    if q.type == "short":
        stmt += nodes.strong("Model answer:", "Model answer:")
        return stmt
    if q.type in ("true-false", "numeric"):
        stmt += nodes.strong("Correct answer:", "Correct answer:")
        if q.type == "true-false":
            stmt += nodes.Text(" True" if q.answer == "true" else " False")
        else:
            stmt += nodes.Text(spec.numeric_answer_text(q))
        return stmt
    label = "Correct answers:" if len(q.correct) > 1 else "Correct answer:"
    stmt += nodes.strong(label, label)
    for n, i in enumerate(q.correct):
        stmt += nodes.Text((", " if n else " ") + spec.LETTERS[i])
        copy = _inline_copy(options[i])
        if copy:
            stmt += nodes.inline("", "", nodes.Text(" ("), *copy, nodes.Text(")"),
                                 classes=["quiz-option-text"])
    return stmt
