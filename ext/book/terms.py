"""Does a text name a glossary term? Used to place index entries (:mod:`book.latex`) and to
check them (tools/check_book.py), so both agree on what "the page names the term" means."""

from __future__ import annotations

import re


def normalize(text: str) -> str:
    """Lower case, one space between words, straight apostrophes, no line-end hyphens."""
    text = text.replace("\u00ad", "").replace("\u2019", "'").replace("-\n", "")
    return re.sub(r"\s+", " ", text).lower().replace("- ", "")


def names_term(text: str, term: str) -> bool:
    """True if *text* names *term*: every word of the term (without a parenthesized part)
    is in the text, allowing inflections ("alias" for "aliasing", "compressors" for
    "compressor"): the first five letters of each word are there."""
    text = normalize(text)
    words = re.findall(r"[\w'.:+]+", normalize(term).split(" (")[0])
    return bool(words) and all(w[:5] in text for w in words)
