"""LaTeX visitors: questions with labels, lettered options, and answer keys whose entries link
back to their questions with page references (``hyperref``)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from docutils import nodes

from quiz.nodes import (
    quiz,
    quiz_answer,
    quiz_answer_key,
    quiz_answer_link,
    quiz_answer_statement,
    quiz_audio,
    quiz_explanation,
    quiz_hint,
    quiz_key_entry,
    quiz_key_title,
    quiz_model_answer,
    quiz_option,
    quiz_options,
    quiz_prompt,
    quiz_question,
    quiz_question_title,
    quiz_title,
)

Visitor = Callable[[Any, Any], None]


def latex_label(prefix: str, qid: str) -> str:
    """``\\detokenize{prefix:qid}`` with every character outside ``[A-Za-z0-9_.-]`` escaped."""
    safe = re.sub(r"[^A-Za-z0-9_.-]", lambda m: f"-{ord(m.group()):x}-", qid)
    return rf"\detokenize{{{prefix}:{safe}}}"


def write(before: str, after: str = "") -> tuple[Visitor, Visitor]:
    """Visitors that write fixed text before and after the node's content."""
    def visit(self, node) -> None:
        if before:
            self.body.append(before)

    def depart(self, node) -> None:
        if after:
            self.body.append(after)

    return visit, depart


def visit_question(self, node: quiz_question) -> None:
    self.body.append("\n\\par\\medskip\\noindent\\phantomsection"
                     f"\\label{{{latex_label('quizq', node['qid'])}}}%\n")


def visit_options(self, node: quiz_options) -> None:
    level = 1
    parent = node.parent
    while parent is not None:
        if isinstance(parent, (nodes.enumerated_list, quiz_options)):
            level += 1
        parent = parent.parent
    roman = ["i", "ii", "iii", "iv", "v"]
    enum, enumnext = f"enum{roman[min(level, 4) - 1]}", f"enum{roman[min(level, 4)]}"
    self.body.append("\n\\begin{enumerate}\n"
                     f"\\sphinxsetlistlabels{{\\Alph}}{{{enum}}}{{{enumnext}}}{{(}}{{)}}%\n")


def visit_answer_link(self, node: quiz_answer_link) -> None:
    label = latex_label("quiza", node["qid"])
    self.body.append(f"\n\\par\\noindent\\emph{{Answer: \\hyperref[{label}]"
                     f"{{page~\\pageref*{{{label}}}}}}}\\par\n")
    raise nodes.SkipNode


def visit_key_entry(self, node: quiz_key_entry) -> None:
    self.body.append("\n\\par\\medskip\\noindent\\phantomsection"
                     f"\\label{{{latex_label('quiza', node['qid'])}}}%\n")


def visit_key_title(self, node: quiz_key_title) -> None:
    label = latex_label("quizq", node["qid"])
    number = self.encode(node["number"])
    self.body.append(f"\\textbf{{\\hyperref[{label}]{{Question {number}, "
                     f"page~\\pageref*{{{label}}}}}}}\\par\\nopagebreak\n")
    raise nodes.SkipNode


def _noop(self, node) -> None:
    pass


NOTHING = (_noop, _noop)
PARAGRAPH = write("\n\\par\\noindent ", "\\par\n")

#: node class -> (visit, depart)
VISITORS: dict[type, tuple[Visitor, Visitor]] = {
    quiz: write("\n\\par\\medskip\n", "\n\\par\\medskip\n"),
    quiz_title: write("\n\\par\\noindent{\\large\\bfseries ", "}\\par\\nopagebreak\n"),
    quiz_question: (visit_question, _noop),
    quiz_question_title: write("\\textbf{", "}\\par\\nopagebreak\n"),
    quiz_prompt: NOTHING,
    quiz_audio: NOTHING,
    quiz_options: (visit_options, write("", "\\end{enumerate}\n")[1]),
    quiz_option: write("\\item {} ", "\n"),
    quiz_hint: write("\n\\par\\noindent\\emph{", "}\\par\n"),
    quiz_answer: NOTHING,
    quiz_answer_statement: PARAGRAPH,
    quiz_model_answer: NOTHING,
    quiz_explanation: NOTHING,
    quiz_answer_link: (visit_answer_link, _noop),
    quiz_answer_key: write("\n\\par\n"),
    quiz_key_entry: (visit_key_entry, _noop),
    quiz_key_title: (visit_key_title, _noop),
}
