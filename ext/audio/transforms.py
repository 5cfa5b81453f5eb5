"""Per-format post-transforms: each declares the builders it is for.

* ``AudioLabels`` (every builder): "Audio 6.4." (or "Before (Audio 6.4).") at the start of
  each caption; an example whose id an earlier one owns (an error after reading) is left
  out, as every example with a problem is.
* ``AudioLatexPlots`` (``formats = ("latex",)``): the example's plot, made after reading
  (``audio.plots``), copied into the output folder and named on the node.
* ``AudioPlainText`` (every builder that is neither HTML nor LaTeX: text, man, texinfo,
  spelling, linkcheck...): the nodes become plain paragraphs, so those builders need no
  visitors.

HTML needs no post-transform: ``audio.html`` writes the nodes.

They run late (priority 900, after references are resolved), where the event handler they
replace (``doctree-resolved``) ran.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from docutils import nodes
from sphinx.transforms.post_transforms import SphinxPostTransform

from audio.collector import audio_data, node_record
from audio.nodes import audio_caption, audio_description, audio_example, audio_pair, practice_session
from audio.plots import plot_file_name, plot_path
from audio.spec import NO_GENERATION_BUILDERS, facts
from course.urls import online_url


class AudioLabels(SphinxPostTransform):
    """The visible label at the start of each example's caption."""

    default_priority = 900

    def run(self, **kwargs: Any) -> None:
        for node in list(self.document.findall(audio_example)):
            rec = node_record(self.env, node)
            if rec is None:
                node.parent.remove(node)
                continue
            caption = next(iter(node.findall(audio_caption)), None)
            label = nodes.strong(rec.label, rec.label, classes=["audio-label"])
            if caption is None:
                continue
            first = caption.children[0] if caption.children else None
            if isinstance(first, nodes.paragraph):
                first.insert(0, nodes.Text(" "))
                first.insert(0, label)
            else:
                caption.insert(0, nodes.paragraph("", "", label))


class AudioLatexPlots(SphinxPostTransform):
    """LaTeX: copy each example's plot into the output folder and name it on the node."""

    default_priority = 910
    formats = ("latex",)

    def run(self, **kwargs: Any) -> None:
        data = audio_data(self.env)
        cache, outdir = Path(data.cache_dir), Path(data.outdir)
        for node in self.document.findall(audio_example):
            rec = node_record(self.env, node)
            if rec is None or rec.meta is None:
                continue
            pdf = plot_path(rec, cache)
            if not pdf.is_file():  # could not be made: reported after reading
                continue
            name = plot_file_name(rec)
            dest = outdir / name
            if not dest.is_file() or dest.stat().st_size != pdf.stat().st_size:
                shutil.copyfile(pdf, dest)
            node["plot_file"] = name


class AudioPlainText(SphinxPostTransform):
    """Every other builder: plain paragraphs instead of the audio nodes."""

    default_priority = 910

    def is_supported(self) -> bool:
        return self.env._builder_cls.format not in ("html", "latex")

    def run(self, **kwargs: Any) -> None:
        config = self.config
        # no generated text for spell checking, and no links to files that may not be online
        # yet for the link checker
        plain = self.env._builder_cls.name in NO_GENERATION_BUILDERS
        for node in list(self.document.findall(audio_example)):
            rec = node_record(self.env, node)
            box = nodes.container(classes=["audio-example"])
            for child in node.children:
                if isinstance(child, audio_caption):
                    box.extend(child.children)
                elif isinstance(child, audio_description):
                    for para in child.children:
                        if isinstance(para, nodes.paragraph):
                            para.insert(0, nodes.Text("Description: "))
                        box += para
            if not plain and rec:
                line = ", ".join(text for _label, text in facts(rec.meta))
                if line:
                    box += nodes.paragraph(line, line)
                url = online_url(config, rec.file)
                if url:
                    box += nodes.paragraph("", "Listen: ", nodes.reference(url, url, refuri=url))
            node.replace_self(box)
        for node in list(self.document.findall(audio_pair)):
            box = nodes.container(classes=["audio-pair"])
            box.extend(node.children)
            node.replace_self(box)
        for node in list(self.document.findall(practice_session)):
            box = nodes.container(classes=["practice-session"])
            box.extend(node.children)
            rec = audio_data(self.env).session(node["key"])
            if rec and rec.file and not plain:
                url = online_url(config, rec.file)
                if url:
                    box += nodes.paragraph("", "Download the practice session: ",
                                           nodes.reference(url, url, refuri=url))
            node.replace_self(box)
