"""HTML (and EPUB) visitors.

An example is a ``<figure class="audio-example" id="audio-<id>">``: the caption, the player
(``course.player``), a facts line with a download link, and the text description in a
``<details>``. A pair is a ``<div role="group" data-ab>``, which the A/B player
(``audio.abplayer``) enhances; a practice session a download link and the list of the ZIP's
files (the EPUB points to the web edition instead).
"""

from __future__ import annotations

import html
import json
from typing import Any

from audio.collector import audio_data, node_record
from audio.spec import facts, fmt_size
from course.player import epub_playable, player_html
from course.urls import online_url, page_relative_url

SEP = '<span class="audio-sep" aria-hidden="true"> · </span>'


def visit_audio_example(self: Any, node: Any) -> None:
    ident = node["ident"]
    self.body.append(self.starttag(node, "figure", CLASS="audio-example", ids=[f"audio-{ident}"]))


def depart_audio_example(self: Any, node: Any) -> None:
    self.body.append("</figure>\n")


def visit_audio_caption(self: Any, node: Any) -> None:
    self.body.append('<figcaption class="audio-caption">')


def depart_audio_caption(self: Any, node: Any) -> None:
    self.body.append("</figcaption>\n")
    rec = node_record(self.builder.env, node.parent)
    if rec is None:
        return
    if rec.meta is None:
        self.body.append('<p class="audio-missing">This audio example could not be generated '
                         "(see the build log).</p>\n")
        return
    src = page_relative_url(self.builder, self.builder.current_docname, rec.file)
    fmt = "WAV" if rec.ext == "wav" else "MP3"
    parts = [f'<span class="audio-fact" title="{html.escape(label)}">{html.escape(text)}</span>'
             for label, text in facts(rec.meta)]
    if self.builder.name.startswith("epub"):
        self.body.append(epub_player(self.config, rec.file, src, fmt))
    else:
        self.body.append(player_html(src, fallback=f"Download the audio ({fmt})") + "\n")
        size = rec.meta.get("bytes")
        link_text = f"Download {fmt}" + (f" ({fmt_size(size)})" if size else "")
        parts.append(f'<a class="audio-download" href="{html.escape(src)}" download="">'
                     f"{html.escape(link_text)}</a>")
    self.body.append(f'<p class="audio-facts">{SEP.join(parts)}</p>\n')


def epub_player(config: Any, file: str, src: str, fmt: str) -> str:
    """The EPUB's player: MP3 plays in the book (no download link: EPUB allows no hyperlink
    to an audio file); WAV, not an EPUB core media type, is linked to the online edition."""
    if epub_playable(file):
        return player_html(src, link=False, fallback=(
            "This reading system cannot play audio; the text description below says what "
            "the example sounds like.")) + "\n"
    url = online_url(config, file)
    text = (f"This example is a {fmt} file, which e-book readers cannot play: listen to it "
            "in the online edition of the course")
    if url:
        return (f'<p class="audio-online">{html.escape(text)}: <a href="{html.escape(url)}">'
                f"{html.escape(url)}</a>.</p>\n")
    return f'<p class="audio-online">{html.escape(text)}.</p>\n'



def visit_audio_description(self: Any, node: Any) -> None:
    self.body.append('<details class="audio-description"><summary>Text description</summary>\n'
                     '<div class="audio-description-text">')


def depart_audio_description(self: Any, node: Any) -> None:
    self.body.append("</div></details>\n")


def visit_audio_pair(self: Any, node: Any) -> None:
    """The pair's root: ``data-ab`` (always) marks it for the A/B player
    (``ext/static/course-ab.js``), which reads the two labels from ``data-ab-labels``."""
    labels = list(node.get("labels", ["A", "B"]))
    self.body.append(self.starttag(node, "div", CLASS="audio-pair", role="group", **{
        "aria-label": f"Comparison: {' and '.join(labels)}",
        "data-ab": "",
        "data-ab-labels": json.dumps(labels, ensure_ascii=False),
    }))


def depart_audio_pair(self: Any, node: Any) -> None:
    self.body.append("</div>\n")


def visit_practice_session(self: Any, node: Any) -> None:
    self.body.append(self.starttag(node, "div", CLASS="practice-session"))


def depart_practice_session(self: Any, node: Any) -> None:
    rec = audio_data(self.builder.env).session(node["key"])
    if rec is None or rec.meta is None or not rec.file:
        self.body.append('<p class="audio-missing">The practice session could not be built '
                         "(see the build log).</p>\n</div>\n")
        return
    if self.builder.name.startswith("epub"):
        url = online_url(self.config, rec.file)
        text = ("The practice session (a ZIP of multitrack stems) is available from the web "
                "edition of this course")
        if url:
            self.body.append(f'<p>{html.escape(text)}: <a href="{html.escape(url)}">'
                             f"{html.escape(url)}</a>.</p>\n</div>\n")
        else:
            self.body.append(f"<p>{html.escape(text)}.</p>\n</div>\n")
        return
    src = html.escape(page_relative_url(self.builder, self.builder.current_docname, rec.file))
    self.body.append(
        f'<p class="practice-download"><a class="audio-download" href="{src}" download="">'
        f'Download the practice session</a> (ZIP, {html.escape(fmt_size(rec.meta["bytes"]))})'
        "</p>\n"
    )
    contents = rec.meta.get("contents", [])
    tops = {name.split("/", 1)[0] for name, _size in contents}
    if len(tops) == 1 and all("/" in name for name, _size in contents):
        contents = [(name.split("/", 1)[1], size) for name, size in contents]
    shown = contents[:12]
    if shown:
        self.body.append('<ul class="practice-contents">\n')
        for name, size in shown:
            self.body.append(f"<li><code>{html.escape(name)}</code> "
                             f"({html.escape(fmt_size(size))})</li>\n")
        if len(contents) > len(shown):
            self.body.append(f"<li>and {len(contents) - len(shown)} more files</li>\n")
        self.body.append("</ul>\n")
    self.body.append("</div>\n")


VISITORS = {
    "audio_example": (visit_audio_example, depart_audio_example),
    "audio_caption": (visit_audio_caption, depart_audio_caption),
    "audio_description": (visit_audio_description, depart_audio_description),
    "audio_pair": (visit_audio_pair, depart_audio_pair),
    "practice_session": (visit_practice_session, depart_practice_session),
}
