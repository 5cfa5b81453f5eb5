"""The ``<audio>`` player: one markup for the audio examples and the listening questions.

Every player is ``controls`` with ``preload="none"`` (nothing is downloaded before the reader
presses play: pages stay light, and the strict Content-Security-Policy needs no script) and
holds a download link for browsers that cannot play the file.
"""

from __future__ import annotations

import html
import posixpath

__all__ = ["AUDIO_MIME_TYPES", "EPUB_AUDIO", "epub_playable", "mime_type", "player_html"]

#: Media types of the audio files the course writes or links (the EPUB manifest lists them).
AUDIO_MIME_TYPES = {".mp3": "audio/mpeg", ".wav": "audio/wav", ".ogg": "audio/ogg",
                    ".flac": "audio/flac", ".m4a": "audio/mp4"}


#: Audio suffixes that are EPUB 3 core media types (MP3, AAC in MP4): an EPUB may hold and play
#: them without a fallback. Other audio (WAV) is linked to the online edition instead.
EPUB_AUDIO = (".mp3", ".m4a")


def epub_playable(path: str) -> bool:
    """True if an EPUB may carry the audio file at *path* (a core media type)."""
    return posixpath.splitext(path)[1].lower() in EPUB_AUDIO


def mime_type(path: str) -> str:
    """The media type of an audio file from its suffix (``""`` if unknown)."""
    return AUDIO_MIME_TYPES.get(posixpath.splitext(path)[1].lower(), "")


def player_html(src: str, *, label: str | None = None, fallback: str = "Download the audio",
                css_class: str | None = "audio-player", source_element: bool = False,
                link: bool = True) -> str:
    """``<audio controls preload="none">`` for the file at ``src`` (a URL relative to the page).

    ``label`` becomes the ``aria-label`` (the player's accessible name, when no visible text
    names it); ``fallback`` is the text of the download link shown by browsers without
    ``<audio>``. With ``source_element`` the file is given as a ``<source>`` child with its
    media type (so a browser can skip a format it cannot play) instead of a ``src``. With
    ``link=False`` (the EPUB, where a hyperlink to an audio file is not allowed) the fallback
    is text.
    """
    url = html.escape(src)
    attrs = [f'class="{html.escape(css_class)}"'] if css_class else []
    attrs += ['controls="controls"', 'preload="none"']
    if not source_element:
        attrs.append(f'src="{url}"')
    if label is not None:
        attrs.append(f'aria-label="{html.escape(label)}"')
    inner = ""
    if source_element:
        mime = mime_type(src)
        kind = f' type="{html.escape(mime)}"' if mime else ""
        inner = f'<source src="{url}"{kind}/>'
    shown = f'<a href="{url}">{html.escape(fallback)}</a>' if link else html.escape(fallback)
    return f'<audio {" ".join(attrs)}>{inner}{shown}</audio>'
