"""LaTeX visitors: an example is a figure (a minipage in a pair or inside a box) with its
plot, the caption, the facts, the text description and, when ``html_baseurl`` is set, the
address of the audio file online (``course.urls``)."""

from __future__ import annotations

import os
from typing import Any

from audio.collector import audio_data, node_record
from audio.nodes import audio_pair
from audio.spec import MINUS, facts, fmt_size
from course.urls import online_url


def latex_text(self: Any, text: str) -> str:
    """Escape text for LaTeX; the minus sign needs math mode with (pdf)LaTeX."""
    out = self.encode(text)
    if self.config.latex_engine not in ("xelatex", "lualatex"):
        out = out.replace(MINUS, r"\(-\)").replace("\N{INFINITY}", r"\(\infty\)")
    return out


def _float_align(self: Any) -> str:
    """Like Sphinx's figures: ``H`` (no float) inside admonitions and other boxes."""
    if getattr(self, "no_latex_floats", 0):
        return "H"
    return self.elements.get("figure_align", "htbp")


def _open_float(self: Any) -> None:
    if self.table or getattr(self, "in_minipage", 0):
        self.body.append("\n\n\\begin{center}\n")
        self.context.append("\\end{center}\n")
    else:
        self.body.append(f"\n\\begin{{figure}}[{_float_align(self)}]\n\\centering\n")
        self.context.append("\\end{figure}\n")


def visit_audio_example(self: Any, node: Any) -> None:
    rec = node_record(self.builder.env, node)
    in_pair = isinstance(node.parent, audio_pair)
    if in_pair:
        if node.parent.index(node) > 0:
            self.body.append("\\hfill\n")
        self.body.append("\\begin{minipage}[t]{0.48\\linewidth}\n\\centering\n")
        self.context.append("\\end{minipage}")
    else:
        _open_float(self)
    self.body.append(self.hypertarget(f"audio-{node['ident']}", anchor=True))
    width = "\\linewidth" if in_pair else "0.92\\linewidth"
    plot = node.get("plot_file")
    if plot:
        base, ext = os.path.splitext(plot)
        self.body.append(f"\\sphinxincludegraphics[width={width}]{{{{{base}}}{ext}}}\n")
    elif rec:
        self.body.append("\\fbox{" + latex_text(self, "(plot not available)") + "}\n")
    self.body.append(f"\\par\\smallskip\n\\begin{{minipage}}{{{width}}}\\raggedright\\small\n")


def depart_audio_example(self: Any, node: Any) -> None:
    rec = node_record(self.builder.env, node)
    if rec:
        line = ", ".join(text for _label, text in facts(rec.meta))
        if line:
            self.body.append("\n\\par\\smallskip{\\footnotesize " + latex_text(self, line) + "}")
        url = online_url(self.config, rec.file)
        if url:
            self.body.append("\n\\par{\\footnotesize " + latex_text(self, "Listen online: ")
                             + "\\sphinxurl{" + self.encode_uri(url) + "}}")
    self.body.append("\n\\end{minipage}\n" + self.context.pop() + "\n")


def _pass(self: Any, node: Any) -> None:
    pass


def visit_audio_description(self: Any, node: Any) -> None:
    self.body.append("\n\\par\\smallskip\\sphinxstyleemphasis{"
                     + latex_text(self, "Description:") + "} ")


def visit_audio_pair(self: Any, node: Any) -> None:
    _open_float(self)  # the two examples are minipages; their own visitors add the boxes


def depart_audio_pair(self: Any, node: Any) -> None:
    self.body.append("\n" + self.context.pop())


def visit_practice_session(self: Any, node: Any) -> None:
    self.body.append("\n")


def depart_practice_session(self: Any, node: Any) -> None:
    rec = audio_data(self.builder.env).session(node["key"])
    url = online_url(self.config, rec.file) if rec and rec.file else None
    size = f" (ZIP, {fmt_size(rec.meta['bytes'])})" if rec and rec.meta else ""
    if url:
        self.body.append("\n\\sphinxAtStartPar\n" + latex_text(
            self, f"Download the practice session{size} from the web edition of the course: ")
            + "\\sphinxurl{" + self.encode_uri(url) + "}.\n")
    else:
        self.body.append("\n\\sphinxAtStartPar\n" + latex_text(
            self, "The practice session (a ZIP of multitrack stems) can be downloaded from "
                  "the web edition of the course.") + "\n")


VISITORS = {
    "audio_example": (visit_audio_example, depart_audio_example),
    "audio_caption": (_pass, _pass),
    "audio_description": (visit_audio_description, _pass),
    "audio_pair": (visit_audio_pair, depart_audio_pair),
    "practice_session": (visit_practice_session, depart_practice_session),
}
