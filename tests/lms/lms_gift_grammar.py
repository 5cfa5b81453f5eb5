"""A strict reader of GIFT, written from Moodle's description of the format, for the tests.

No maintained, independent GIFT parser could read escaped text: ``pygiftparserrgmf`` 0.0.5
(PyPI) stops a feedback at an escaped ``\\=`` ("Syntax error at '= 6.02 dB ...'"), although
Moodle's documentation tells authors to escape ``~ = # { } :`` with a backslash. So this
reader is strict instead: any unescaped special character in a text, an unknown answer form
or a stray line is an error (:class:`GiftError`), and texts are returned unescaped.

Grammar (one question per paragraph; paragraphs separated by blank lines)::

    file      := (comment | category | question)*
    comment   := "//" any text to the end of the line
    category  := "$CATEGORY:" path
    question  := "::" title "::" ["[html]"] text "{" answer "}"
    answer    := "" | choices | truefalse | numeric        ; each may end in "####" general
    choices   := ( ("=" | "~" ["%" number "%"]) text ["#" text] )+
    truefalse := ("TRUE" | "FALSE" | "T" | "F") ["#" text ["#" text]]
    numeric   := "#" number ":" number ["#" text]
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SPECIAL = "~=#{}:"
NUMBER = r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?"


class GiftError(ValueError):
    pass


@dataclass
class Choice:
    fraction: float
    text: str
    feedback: str | None


@dataclass
class GiftQuestion:
    title: str
    format: str
    text: str
    kind: str                       #: choice, truefalse, numeric, essay
    category: str | None
    choices: list[Choice] = field(default_factory=list)
    truth: bool | None = None
    feedback_wrong: str | None = None
    feedback_right: str | None = None
    answer: float | None = None
    tolerance: float | None = None
    general: str | None = None


def unescape(text: str, where: str) -> str:
    """Undo the escapes; an unescaped special character is an error."""
    out, i = [], 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            if i + 1 >= len(text):
                raise GiftError(f"{where}: a lone backslash at the end of {text!r}")
            nxt = text[i + 1]
            if nxt == "n":
                out.append("\n")
            elif nxt in SPECIAL or nxt == "\\":
                out.append(nxt)
            else:
                raise GiftError(f"{where}: unknown escape \\{nxt} in {text!r}")
            i += 2
            continue
        if ch in SPECIAL:
            raise GiftError(f"{where}: unescaped {ch!r} in {text!r}")
        out.append(ch)
        i += 1
    return "".join(out)


def split_unescaped(text: str, sep: str) -> list[str]:
    """Split at each unescaped *sep* (one character or ``####``)."""
    parts, current, i = [], [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text):
            current.append(text[i:i + 2])
            i += 2
            continue
        if text.startswith(sep, i):
            parts.append("".join(current))
            current = []
            i += len(sep)
            continue
        current.append(text[i])
        i += 1
    parts.append("".join(current))
    return parts


def _find_unescaped(text: str, ch: str, start: int = 0) -> int:
    i = start
    while i < len(text):
        if text[i] == "\\":
            i += 2
            continue
        if text[i] == ch:
            return i
        i += 1
    return -1


def _choices(body: str, where: str) -> list[Choice]:
    """``=a#fb ~%50%b#fb ...``: split at unescaped ``=``/``~`` that start an answer."""
    marks = [i for i in range(len(body)) if body[i] in "=~" and (i == 0 or body[i - 1] != "\\")]
    if not marks or body[: marks[0]].strip():
        raise GiftError(f"{where}: text before the first answer: {body[: marks[0] if marks else 40]!r}")
    choices = []
    for n, start in enumerate(marks):
        end = marks[n + 1] if n + 1 < len(marks) else len(body)
        chunk = body[start:end].strip()
        mark, rest = chunk[0], chunk[1:]
        fraction = 100.0 if mark == "=" else 0.0
        m = re.match(rf"%({NUMBER})%", rest)
        if m:
            if mark != "~":
                raise GiftError(f"{where}: a weight after '=' in {chunk!r}")
            fraction, rest = float(m.group(1)), rest[m.end():]
        parts = split_unescaped(rest, "#")
        if len(parts) > 2:
            raise GiftError(f"{where}: more than one feedback in {chunk!r}")
        text = unescape(parts[0].strip(), where)
        if not text:
            raise GiftError(f"{where}: an empty answer")
        feedback = unescape(parts[1].strip(), where) if len(parts) == 2 else None
        choices.append(Choice(fraction, text, feedback))
    return choices


def parse_question(block: str, category: str | None) -> GiftQuestion:
    where = block[:60].replace("\n", " ")
    m = re.match(r"::(.*?)(?<!\\)::", block, re.S)
    if not m:
        raise GiftError(f"{where}: no ::title::")
    title = unescape(m.group(1), where)
    rest = block[m.end():]
    fmt = "moodle"
    fm = re.match(r"\[(html|moodle|plain|markdown)\]", rest)
    if fm:
        fmt, rest = fm.group(1), rest[fm.end():]
    open_at = _find_unescaped(rest, "{")
    close_at = _find_unescaped(rest, "}", open_at + 1) if open_at >= 0 else -1
    if open_at < 0 or close_at < 0:
        raise GiftError(f"{where}: no answer block {{...}}")
    if rest[close_at + 1:].strip():
        raise GiftError(f"{where}: text after the answer block: {rest[close_at + 1:]!r}")
    text = unescape(rest[:open_at].strip(), where)
    body = rest[open_at + 1:close_at]
    general = None
    pieces = split_unescaped(body, "####")
    if len(pieces) > 2:
        raise GiftError(f"{where}: two general feedbacks")
    if len(pieces) == 2:
        body, general = pieces[0], unescape(pieces[1].strip(), where)
    body = body.strip()
    q = GiftQuestion(title=title, format=fmt, text=text, kind="essay", category=category,
                     general=general)
    if not body:
        return q
    tf = re.match(r"(TRUE|FALSE|T|F)(?=#|$)", body)
    if tf:
        q.kind, q.truth = "truefalse", tf.group(1) in ("TRUE", "T")
        parts = split_unescaped(body[tf.end():], "#")[1:]
        if len(parts) > 2:
            raise GiftError(f"{where}: more than two true-false feedbacks")
        q.feedback_wrong = unescape(parts[0], where) if parts else None
        q.feedback_right = unescape(parts[1], where) if len(parts) > 1 else None
        return q
    if body.startswith("#"):
        parts = split_unescaped(body[1:], "#")
        nm = re.fullmatch(rf"\s*({NUMBER}):({NUMBER})\s*", parts[0])
        if not nm or len(parts) > 2:
            raise GiftError(f"{where}: a numeric answer must be #value:tolerance[#feedback], got {body!r}")
        q.kind, q.answer, q.tolerance = "numeric", float(nm.group(1)), float(nm.group(2))
        q.feedback_right = unescape(parts[1], where) if len(parts) == 2 else None
        return q
    q.kind, q.choices = "choice", _choices(body, where)
    return q


def parse(source: str) -> list[GiftQuestion]:
    """Every question of a GIFT file; :class:`GiftError` at the first deviation."""
    questions: list[GiftQuestion] = []
    category = None
    blocks = re.split(r"\n[ \t]*\n", source.replace("\r\n", "\n"))
    for block in blocks:
        lines = [ln for ln in block.split("\n") if not ln.lstrip().startswith("//")]
        if not any(ln.strip() for ln in lines):
            continue
        first = lines[0].strip()
        if first.startswith("$CATEGORY:"):
            if len([ln for ln in lines if ln.strip()]) != 1:
                raise GiftError(f"a $CATEGORY line must stand alone: {block!r}")
            category = first[len("$CATEGORY:"):].strip()
            continue
        questions.append(parse_question("\n".join(lines).strip(), category))
    return questions
