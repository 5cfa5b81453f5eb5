"""GIFT: the text-only subset, for Moodle's "GIFT format" import.

GIFT is a plain-text format (one question per paragraph, answers in braces). It has no way to
carry a file, so a question that plays a clip (every listening question; any other type may
play one too) is **linked** to its clip in the online edition when
``html_baseurl`` is set (the prompt says so) and **left out** otherwise; either way the file's
header comment and the build log name each one. Texts are written as ``[html]`` with the
GIFT special characters ``~ = # { } :`` and the backslash escaped, and newlines as ``\\n``.

=============  ===========================================================================
course type    GIFT
=============  ===========================================================================
single         ``{=right ~wrong ...}``
listening      the same, with a link to the clip (or left out, see above)
multiple       ``{~%50%right ~%-50%wrong ...}`` (+100/n % and -100/n %)
true-false     ``{TRUE#feedback if wrong#feedback if right}``
numeric        ``{#answer:tolerance#feedback}``, absolute tolerance; no unit field: the
               unit is in the prompt ("Give the value in dB, within ±0.1 dB.")
short          essay ``{}`` (graded by hand; the model answer is in the general feedback)
=============  ===========================================================================

Every question ends with ``####`` general feedback: the answer statement, the model answer
and the explanation.
"""

from __future__ import annotations

import html

from lms.model import Context, Item, Outcome, common_problem, format_number, fraction_problem, fraction_text, select

FORMAT = "GIFT"
SPECIAL = "\\~=#{}:"


def unsupported_for(ctx: Context):
    """The format's rule: ``unsupported(item) -> reason | None`` for this context."""
    def unsupported(item: Item) -> str | None:
        problem = common_problem(item, carries_audio=False) or fraction_problem(item, FORMAT)
        if problem:
            return problem
        if item.has_audio and (item.audio is None or not item.audio.url):
            return ("GIFT cannot carry an audio file, and the build was not given the online "
                    "edition's address, so there is no clip to link to (the Moodle XML and QTI "
                    "files carry it)")
        return None
    return unsupported


def escape(text: str) -> str:
    """GIFT-escape *text*: a backslash before each special character, newlines as ``\\n``."""
    out = "".join("\\" + ch if ch in SPECIAL else ch for ch in text)
    return out.replace("\r\n", "\n").replace("\n", "\\n")


def _link(item: Item) -> str:
    assert item.audio is not None and item.audio.url
    url = html.escape(item.audio.url)
    return (f'<p>Listen first: <a href="{url}">{html.escape(item.audio.title)}</a> '
            f"(the clip plays in the online edition of the course).</p>")


def question_text(item: Item) -> str:
    """The GIFT text of one question (without the blank line that ends it)."""
    prompt = item.prompt_html
    if item.has_audio:
        prompt += _link(item)
    if item.type == "numeric":
        prompt += f"<p><em>{html.escape(item.hint, quote=False)}</em></p>"
    head = f"::{escape(item.name)}::[html]{escape(prompt)}"
    general = "####" + escape(item.general_feedback_html)
    if item.type in ("single", "listening", "multiple"):
        lines = []
        for choice in item.choices:
            if item.type == "multiple":
                share = item.fraction if choice.correct else -item.fraction
                mark = f"~%{fraction_text(share)}%"
            else:
                mark = "=" if choice.correct else "~"
            lines.append(f"\t{mark}{escape(choice.html)}#{escape(choice.feedback_html)}")
        body = "\n".join(lines) + "\n\t" + general + "\n"
        return f"{head} {{\n{body}}}"
    if item.type == "true-false":
        right = next(c for c in item.choices if c.correct)
        wrong = next(c for c in item.choices if not c.correct)
        value = "TRUE" if right.letter == "A" else "FALSE"
        return (f"{head} {{{value}#{escape(wrong.feedback_html)}#{escape(right.feedback_html)}"
                f"{general}}}")
    if item.type == "numeric":
        assert item.answer is not None and item.tolerance is not None
        answer = f"{item.answer_text or format_number(item.answer)}:{format_number(item.tolerance)}"
        feedback = escape("<p><strong>Correct.</strong></p>" + item.explanation_html)
        return f"{head} {{#{answer}#{feedback}{general}}}"
    return f"{head} {{{general}}}"   # short: essay


def export(items: list[Item], ctx: Context) -> tuple[bytes, Outcome]:
    """The GIFT file of *items*, and what it holds."""
    outcome = select(items, unsupported_for(ctx))
    for item in outcome.included:
        if item.has_audio:
            outcome.notes.append((item, f"linked to {item.audio.url}"))  # type: ignore[union-attr]
    lines = [f"// {ctx.project}: {len(outcome.included)} questions in GIFT format",
             "// (Moodle: Question bank > Import > GIFT format).",
             "// GIFT carries no files: each question that plays a clip is linked to it in the",
             "// online edition when the site address is known, and left out otherwise."]
    for item, note in outcome.notes:
        lines.append(f"// linked: {item.name}: {note}")
    for item, reason in outcome.left_out:
        lines.append(f"// left out: {item.name}: {reason}")
    lines.append("")
    module = lesson = None
    from lms.moodle import category_path

    for item in outcome.included:
        if item.module_title != module or item.lesson_title != lesson:
            if item.module_title != module:
                module, lesson = item.module_title, None
                lines += [f"$CATEGORY: {category_path(ctx, module)}", ""]
            lesson = item.lesson_title
            lines += [f"$CATEGORY: {category_path(ctx, module, lesson)}", ""]
        lines += [f"// {item.id} ({item.type})", question_text(item), ""]
    return "\n".join(lines).encode("utf-8"), outcome
