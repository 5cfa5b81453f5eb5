"""HTML visitors (html, dirhtml, singlehtml, epub): the markup quiz.js and quiz.css expect."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from course.player import player_html
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


def block(tag: str, css: str) -> tuple[Visitor, Visitor]:
    """Visitors that wrap the node in ``<tag class="css">``."""
    def visit(self, node) -> None:
        self.body.append(self.starttag(node, tag, CLASS=css))

    def depart(self, node) -> None:
        self.body.append(f"</{tag}>\n")

    return visit, depart


def close(tag: str) -> Visitor:
    def depart(self, node) -> None:
        self.body.append(f"</{tag}>\n")

    return depart


def visit_quiz(self, node: quiz) -> None:
    # The docname, so that the learner's record (ext/learner/) keys by page name, not URL.
    atts = {"data-quiz-id": node["quiz_id"], "data-docname": self.builder.current_docname}
    if node.get("interactive"):
        atts["data-interactive"] = "true"
    self.body.append(self.starttag(node, "div", CLASS="quiz", **atts))


def visit_question(self, node: quiz_question) -> None:
    qid = node["qid"]
    atts = {"data-qid": qid, "data-type": node["qtype"], "data-number": node.get("number", ""),
            "role": "group", "aria-labelledby": f"q-{qid}-title", "CLASS": "quiz-question"}
    if node["qtype"] != "numeric" and node["qtype"] != "short":
        atts["data-correct"] = ",".join(str(i) for i in node["correct"])
    if node["qtype"] == "numeric":
        atts["data-answer"] = repr(node["answer_value"])
        atts["data-tolerance"] = repr(round(node["tolerance_abs"], 12))
        atts["data-unit"] = node["unit"] or ""
    self.body.append(self.starttag(node, "div", **atts))


def visit_options(self, node: quiz_options) -> None:
    self.body.append(self.starttag(node, "ol", CLASS="quiz-options", type="A"))


def visit_option(self, node: quiz_option) -> None:
    self.body.append(self.starttag(node, "li", CLASS="quiz-option",
                                   **{"data-index": str(node["index"])}))


def visit_audio(self, node: quiz_audio) -> None:
    self.body.append(self.starttag(node, "div", CLASS="quiz-audio",
                                   **{"data-audio": node["audio"]}))


def depart_audio(self, node: quiz_audio) -> None:
    src = node.get("src")
    if src:
        epub = self.builder.name.startswith("epub")  # no hyperlink to an audio file there
        self.body.append(player_html(src, label=node.get("label", ""), css_class=None,
                                     source_element=True, link=not epub) + "\n")
    self.body.append("</div>\n")


def visit_answer_link(self, node: quiz_answer_link) -> None:
    self.body.append(self.starttag(node, "p", CLASS="quiz-answer-link"))


#: node class -> (visit, depart)
VISITORS: dict[type, tuple[Visitor, Visitor]] = {
    quiz: (visit_quiz, close("div")),
    quiz_title: block("div", "quiz-title"),
    quiz_question: (visit_question, close("div")),
    quiz_question_title: block("p", "quiz-question-title"),
    quiz_prompt: block("div", "quiz-prompt"),
    quiz_audio: (visit_audio, depart_audio),
    quiz_options: (visit_options, close("ol")),
    quiz_option: (visit_option, close("li")),
    quiz_hint: block("p", "quiz-hint"),
    quiz_answer: block("div", "quiz-answer"),
    quiz_answer_statement: block("p", "quiz-answer-statement"),
    quiz_model_answer: block("div", "quiz-model-answer"),
    quiz_explanation: block("div", "quiz-explanation"),
    quiz_answer_link: (visit_answer_link, close("p")),
    quiz_answer_key: block("div", "quiz-answer-key"),
    quiz_key_entry: block("div", "quiz-key-entry"),
    quiz_key_title: block("p", "quiz-key-title"),
}
