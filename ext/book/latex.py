"""The PDF as a book: module N is chapter N, lesson k of module N is section N.k, figures and
tables carry the numbers the site shows, a title page with a colophon, running heads.

:class:`BookStructure` (a post-transform of the LaTeX builder, run on the whole assembled
book) inserts a few LaTeX commands (defined in :data:`PREAMBLE`) where the pages begin:

* front matter, the pages before Module 0 ("How to use this book"): unnumbered chapters;
* each module overview: ``\\coursemodule{N}`` makes the chapter number N; the overview's own
  sections (outcomes, prerequisites, time estimate) are unnumbered, the module's pages that
  follow are numbered sections N.1, N.2, ... (:mod:`book.numbering` gives the site the same);
* back matter, the pages after the last module (glossary, references, ...): unnumbered
  chapters, figures and tables numbered within their page, as on the site;
* before each captioned figure, table and code block, its counter is set so that LaTeX's
  number is the one :mod:`book.numbering` gave it: ``\\ref`` prints the site's number.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from docutils import nodes
from sphinx import addnodes
from sphinx.builders.latex.nodes import captioned_literal_block
from sphinx.transforms.post_transforms import SphinxPostTransform

from book.numbering import enumerable_nodes, is_overview
from book.terms import names_term
from course.modules import module_number

if TYPE_CHECKING:
    from book.edition import Edition

#: text length above which a table may not fit on one page (December 2026: a 2,568-character
#: table of four text columns in module 7 ran 25 pt off its page; the next longest, 2,281
#: characters, fitted): with a margin, longer than 2,000 characters breaks across pages
LONG_TABLE_CHARS = 2000

#: LaTeX counter of each numfig kind
COUNTERS = {"figure": "figure", "table": "table", "code-block": "literalblock"}

PREAMBLE = r"""
% -- the book's structure (ext/book/latex.py) --
\newcounter{coursepage}
\setcounter{secnumdepth}{1}
\newcommand{\coursefrontmatter}{\setcounter{secnumdepth}{-1}}
% Sphinx drops the "0." of chapter 0 from float numbers; module 0's are "0.k" like the site's
\newcommand{\coursemodule}[1]{\setcounter{secnumdepth}{0}\setcounter{chapter}{\numexpr#1-1\relax}%
  \renewcommand{\thefigure}{\arabic{chapter}.\arabic{figure}}%
  \renewcommand{\thetable}{\arabic{chapter}.\arabic{table}}%
  \renewcommand{\theliteralblock}{\arabic{chapter}.\arabic{literalblock}}}
\newcommand{\courseoverview}{\setcounter{secnumdepth}{0}}
\newcommand{\courselessons}{\setcounter{secnumdepth}{1}}
\newcommand{\coursebackmatter}{\setcounter{secnumdepth}{-1}%
  \renewcommand{\thefigure}{\arabic{figure}}\renewcommand{\thetable}{\arabic{table}}%
  \renewcommand{\theliteralblock}{\arabic{literalblock}}%
  \renewcommand{\theHfigure}{page.\arabic{coursepage}.\arabic{figure}}%
  \renewcommand{\theHtable}{page.\arabic{coursepage}.\arabic{table}}%
  \renewcommand{\theHliteralblock}{page.\arabic{coursepage}.\arabic{literalblock}}}
\newcommand{\coursebackpage}{\stepcounter{coursepage}}
% running heads: the module (chapter) at the top, the lesson (section) at the foot
\makeatletter
\fancypagestyle{normal}{%
  \fancyhf{}%
  \fancyhead[L]{{\py@HeaderFamily\nouppercase{\leftmark}}}%
  \fancyfoot[L]{{\py@HeaderFamily\nouppercase{\rightmark}}}%
  \fancyfoot[R]{{\py@HeaderFamily\thepage}}%
  \renewcommand{\headrulewidth}{0.4pt}%
  \renewcommand{\footrulewidth}{0.4pt}}
\renewcommand{\chaptermark}[1]{\markboth{#1}{}}
\renewcommand{\sectionmark}[1]{\markright{\ifnum\c@secnumdepth>\z@\thesection\quad\fi#1}}
\makeatother
"""


def _raw(tex: str) -> nodes.raw:
    return nodes.raw("", tex, format="latex")


def _docname(node: nodes.Node, default: str) -> str:
    """The page a node of the assembled book comes from."""
    parent = node
    while parent is not None:
        if isinstance(parent, addnodes.start_of_file):
            return parent["docname"]
        parent = parent.parent
    return default


class BookStructure(SphinxPostTransform):
    """Chapters, sections and float numbers of the assembled book (see the module doc)."""

    default_priority = 900
    builders = ("latex",)

    def run(self, **kwargs: Any) -> None:
        root = self.env.config.root_doc
        if self.document.get("docname", root) != root:
            return
        _repair_parents(self.document)
        chapters = [n for n in self.document.findall(addnodes.start_of_file)
                    if not any(isinstance(a, addnodes.start_of_file) for a in _ancestors(n))]
        modules = [n for n in chapters if is_overview(n["docname"])]
        if not modules:
            return
        _before(chapters[0], r"\coursefrontmatter")
        for sof in modules:
            self._module(sof)
        back = chapters[chapters.index(modules[-1]) + 1:]
        if back:
            _before(back[0], r"\coursebackmatter")
        for chapter in back:
            for sof in [chapter, *chapter.findall(addnodes.start_of_file)]:
                sof.insert(0, _raw(r"\coursebackpage"))
        self._floats()
        self._index_terms()
        self._long_tables()

    def _module(self, sof: addnodes.start_of_file) -> None:
        _before(sof, rf"\coursemodule{{{module_number(sof['docname'])}}}")
        top = next(iter(sof.findall(nodes.section)), None)
        if top is None:
            return
        inner = [c for c in top.children if isinstance(c, nodes.section)]
        if inner:
            _before(inner[0], r"\courseoverview")
        pages = next(iter(top.findall(addnodes.start_of_file)), None)
        if pages is not None:
            _before(pages, r"\courselessons")

    def _long_tables(self) -> None:
        """A table that may be taller than a page becomes a ``longtable``, which breaks
        across pages (a ``tabular`` cannot: it would run off the page). "May be": more than
        :data:`LONG_TABLE_CHARS` characters of text; only tables directly in a section (a
        longtable cannot stand in a list or an admonition)."""
        for table in self.document.findall(nodes.table):
            if (isinstance(table.parent, nodes.section) and "longtable" not in table["classes"]
                    and len(table.astext()) > LONG_TABLE_CHARS):
                table["classes"].append("longtable")

    def _index_terms(self) -> None:
        """Index the first use of each glossary term in each page of a module, under the
        glossary's spelling (the glossary indexes its own definitions), so the index lists
        the lessons that name a concept. A use whose text does not name the term ("EQ" for
        "equalizer") is passed over for the next one. LaTeX only: the site has search instead, and its
        index page stays small."""
        terms = glossary_terms(self.env)
        root = self.env.config.root_doc
        seen: set[tuple[str, str]] = set()
        for ref in list(self.document.findall(nodes.reference)):
            anchor = (ref.get("refid") or ref.get("refuri", "").rpartition("#")[2])
            term = terms.get(anchor)
            if term is None or not _in_running_text(ref) or not names_term(ref.astext(), term):
                continue
            docname = _docname(ref, root)
            if module_number(docname) is None or (docname, term) in seen:
                continue
            seen.add((docname, term))
            entry = addnodes.index(entries=[("single", term, "", "", None)], inline=True)
            _before(ref, entry)

    def _floats(self) -> None:
        """Set each float's counter to its number on the site."""
        numbers = self.env.toc_fignumbers
        root = self.env.config.root_doc
        found = enumerable_nodes(self.env, self.document, with_nodes=True)
        # the LaTeX builder has turned captioned code blocks into captioned_literal_block
        found += [("code-block", n) for n in self.document.findall(captioned_literal_block)
                  if n["ids"]]
        for figtype, node in found:
            number = numbers.get(_docname(node, root), {}).get(figtype, {}).get(node["ids"][0])
            if number and node.parent is not None:
                _before(node, rf"\setcounter{{{COUNTERS[figtype]}}}{{{number[-1] - 1}}}")


def glossary_terms(env: Any) -> dict[str, str]:
    """``{anchor id: term as the glossary writes it}`` for every glossary term."""
    std = env.domains.standard_domain
    found: dict[str, str] = {}
    docs = {docname for (kind, _), (docname, _) in std.objects.items() if kind == "term"}
    for docname in sorted(docs):
        for term in env.get_doctree(docname).findall(nodes.term):
            for node_id in term["ids"]:
                found[node_id] = term.astext()
    return found


def _in_running_text(node: nodes.Node) -> bool:
    """In a paragraph, not in a title, caption or another index entry."""
    parent, paragraph = node.parent, False
    while parent is not None:
        if isinstance(parent, (nodes.title, nodes.caption, nodes.term, nodes.rubric)):
            return False
        paragraph = paragraph or isinstance(parent, nodes.paragraph)
        parent = parent.parent
    return paragraph


def _repair_parents(tree: nodes.Element) -> None:
    """Sphinx's ``inline_all_toctrees`` moves each page's children into a ``start_of_file``
    node without updating their ``parent``: set it again, top down."""
    stack = [tree]
    while stack:
        node = stack.pop()
        for child in node.children:
            child.parent = node
            if isinstance(child, nodes.Element):
                stack.append(child)


def _before(node: nodes.Node, tex: str | nodes.Node) -> None:
    node.parent.insert(node.parent.index(node), _raw(tex) if isinstance(tex, str) else tex)


def _ancestors(node: nodes.Node) -> list[nodes.Node]:
    found, parent = [], node.parent
    while parent is not None:
        found.append(parent)
        parent = parent.parent
    return found


def _tex(text: str) -> str:
    """Escape text for LaTeX (title page and colophon)."""
    table = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#",
             "_": r"\_", "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\^{}"}
    return "".join(table.get(c, c) for c in text)


def maketitle(ed: Edition) -> str:
    """The title page and, on its back, the colophon."""
    cite_url = rf" \url{{{ed.url}}}" if ed.url else ""
    online = (rf"\par\bigskip The online edition, with the audio examples: \url{{{ed.url}}}"
              if ed.url else "")
    return rf"""
\begin{{titlepage}}
\begin{{flushright}}
\sphinxlogo
{{\rmfamily\Huge\bfseries {_tex(ed.title)}\par}}
\vspace{{1em}}
{{\rmfamily\Large Edition {_tex(ed.release)}\par}}
\vfill
{{\Large {_tex(ed.author)}\par}}
\vfill
{{\small {_tex(ed.date)}\par}}
\end{{flushright}}
\vfill
{{\small Licensed under CC BY-SA 4.0 (text, figures, audio) and MIT (code).{online}\par}}
\end{{titlepage}}
\clearpage
\thispagestyle{{empty}}
\null\vfill
{{\small\raggedright
\textbf{{{_tex(ed.title)}}}, edition {_tex(ed.release)}.\par\medskip
\copyright\ {_tex(ed.date[:4])} {_tex(ed.author)}. The text, figures and generated audio are
licensed under the Creative Commons Attribution-ShareAlike 4.0 International license
(CC BY-SA 4.0, \url{{https://creativecommons.org/licenses/by-sa/4.0/}}); the code (Sphinx
extensions, sound library, figure functions, tests, build scripts) under the MIT license. The
practice multitrack session is dedicated to the public domain under CC0 1.0.\par\medskip
Built from commit \texttt{{{_tex(ed.short_commit)}}} of {_tex(ed.date)}, with Sphinx and
XeLaTeX. Every audio example and most figures are generated from the code in that commit,
so the book can be rebuilt exactly.\par\medskip
How to cite: {_tex(ed.citation_text)}{cite_url}\par\medskip
The PDF has no structure tags for screen readers: read the EPUB or the online edition with
assistive technology.\par}}
\clearpage
"""
