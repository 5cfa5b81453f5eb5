"""Keyword parameters of registered functions (recipes, figures, the practice session).

One parser and one checker, used by the registries (``soundlib.recipes.Registry.call``) and
by the Sphinx directives that name a registered function (``audio-example``,
``practice-session``, ``course-figure``):

``parse_params(text)``
    ``f1=440, f2=443, names=["a", "b"]`` (the text of a ``:params:`` option) -> a dict.
``check_params(func, params, what)``
    Do these keyword arguments bind to ``func``'s signature? Unknown names (with a "did you
    mean" hint), missing required parameters and positional-only parameters raise
    ``ParamError``, whose message names ``what`` (e.g. ``recipe 'm01-beating'``) and lists
    the accepted parameters.

``ParamError`` is both a ``TypeError`` (what a bad call raises in Python) and a
``ValueError`` (what bad input text raises).
"""

from __future__ import annotations

import ast
import difflib
import inspect
from collections.abc import Callable
from typing import Any

__all__ = ["ParamError", "parse_params", "check_params", "describe_params"]

MINUS = "\N{MINUS SIGN}"
_KEYWORD_KINDS = (inspect.Parameter.POSITIONAL_OR_KEYWORD, inspect.Parameter.KEYWORD_ONLY)


class ParamError(TypeError, ValueError):
    """Parameters that cannot be parsed or do not bind to the function's signature."""


def parse_params(text: str | None) -> dict[str, Any]:
    """Parse ``:params:`` text such as ``f1=440, f2=443, names=["a", "b"]``.

    Only keyword arguments with literal values (numbers, strings, booleans, None, lists,
    tuples, dicts) are accepted. Raises ``ParamError`` with a readable message.
    """
    text = (text or "").strip()
    if not text:
        return {}
    source = f"f({text})"
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        hint = ""
        if MINUS in text:
            hint = " (write negative numbers with the ASCII hyphen-minus '-', not '−')"
        elif "=" not in text:
            hint = " (write name=value pairs separated by commas)"
        raise ParamError(f"cannot parse :params: {text!r}: {exc.msg}{hint}") from None
    call = tree.body
    if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Name) and call.func.id == "f"):
        raise ParamError(
            f"cannot parse :params: {text!r}: write name=value pairs separated by commas")
    if call.args:
        first = ast.get_source_segment(source, call.args[0]) or "?"
        raise ParamError(
            f":params: must be name=value pairs; {first!r} has no name (write e.g. freq={first})"
        )
    params: dict[str, Any] = {}
    for kw in call.keywords:
        if kw.arg is None:
            raise ParamError(":params: cannot use ** unpacking; write name=value pairs")
        if kw.arg in params:
            raise ParamError(f"cannot parse :params: {text!r}: parameter {kw.arg!r} is given twice")
        try:
            params[kw.arg] = ast.literal_eval(kw.value)
        except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
            raise ParamError(
                f"parameter {kw.arg!r}: {ast.unparse(kw.value)!r} is not a literal value (use "
                "numbers, strings in quotes, True/False/None, or lists of these)"
            ) from None
    return params


def describe_params(func: Callable) -> str:
    """``freq (required), seconds=1.0``: the keyword parameters ``func`` accepts."""
    sig = inspect.signature(func)
    return ", ".join(
        f"{p.name}={p.default!r}" if p.default is not p.empty else f"{p.name} (required)"
        for p in sig.parameters.values() if p.kind in _KEYWORD_KINDS
    ) or "no parameters"


def check_params(func: Callable, params: dict[str, Any], what: str, *,
                 where: str = ":params:") -> None:
    """Check that keyword ``params`` bind to ``func``'s signature; raise ``ParamError`` if not.

    ``what`` names the function in the message (``recipe 'm01-beating'``); ``where`` is
    where the author adds a missing parameter.
    """
    try:
        sig = inspect.signature(func)
    except (TypeError, ValueError):  # pragma: no cover - builtins without a signature
        return
    values = list(sig.parameters.values())
    names = [p.name for p in values if p.kind in _KEYWORD_KINDS]
    takes_any = any(p.kind == inspect.Parameter.VAR_KEYWORD for p in values)
    described = describe_params(func)
    if not takes_any:
        for key in params:
            if key not in names:
                close = difflib.get_close_matches(key, names, n=1)
                hint = f" (did you mean {close[0]!r}?)" if close else ""
                raise ParamError(f"{what} has no parameter {key!r}{hint}; it accepts: {described}")
    missing = [p.name for p in values
               if p.kind in _KEYWORD_KINDS and p.default is p.empty and p.name not in params]
    if missing:
        raise ParamError(
            f"{what} needs the parameter {missing[0]!r}, which has no default: add it to "
            f"{where} (it accepts: {described})"
        )
    positional_only = [p.name for p in values
                       if p.kind == inspect.Parameter.POSITIONAL_ONLY and p.default is p.empty]
    if positional_only:
        raise ParamError(f"{what} has positional-only parameters {positional_only}; a "
                         "registered function must take keyword parameters")
