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

        ed = edition(self.config, Path(self.config.book_repository or self.env.srcdir))

        def para(*parts: str | nodes.Node) -> nodes.paragraph:
            node = nodes.paragraph()
            for part in parts:
                node += nodes.Text(part) if isinstance(part, str) else part
            return node

        def code(text: str) -> nodes.literal:  # addresses and hashes: not words to spell-check
            return nodes.literal(text, text)

        container = nodes.container(classes=["book-colophon"])
        container += para(f"{ed.title}, edition {ed.release}.")
        if ed.url:
            container += para("Online edition: ", code(ed.url))
        container += para(LICENSE_LINE)
        container += para("Built from commit ", code(ed.short_commit), f" of {ed.date}.")
        container += para("How to cite: ", ed.citation_text, *([" ", code(ed.url)] if ed.url else []))
        self.env.note_reread()  # the commit and date change without the source changing
        return [container]
