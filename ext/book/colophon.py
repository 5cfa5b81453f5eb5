"""``.. book-colophon::``: the edition, licenses, commit, date and citation as text (HTML and
EPUB; the PDF prints the same on the back of its title page, :func:`book.latex.maketitle`)."""

from __future__ import annotations

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from book.edition import LICENSE_LINE, edition


class ColophonDirective(SphinxDirective):
    has_content = False

    def run(self) -> list[nodes.Node]:
        from pathlib import Path

        ed = edition(self.config, Path(self.env.app.confdir))
        paras = [
            f"{ed.title}, edition {ed.release}.",
            LICENSE_LINE,
            f"Built from commit {ed.short_commit} of {ed.date}.",
            f"How to cite: {ed.citation}",
        ]
        if ed.url:
            paras.insert(1, f"Online edition: {ed.url}")
        container = nodes.container(classes=["book-colophon"])
        for text in paras:
            container += nodes.paragraph(text, text)
        self.env.note_reread()  # the commit and date change without the source changing
        return [container]
