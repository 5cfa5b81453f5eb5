"""``.. course-downloads::``: where to get the PDF, the EPUB and the offline site.

In the HTML site: a list of the three downloads (``course_downloads``), each linked relative to
the page, with the offline ZIP's size (``<span class="offline-site-size">``, filled in by
:mod:`offline.sitezip` once the ZIP is built) and what the ZIP leaves out and why. In every
other output (PDF, EPUB, text), which cannot offer the site's files, a sentence says where
they are: the online address when ``html_baseurl`` is set.
"""

from __future__ import annotations

from html import escape

from docutils import nodes
from sphinx.util.docutils import SphinxDirective
from sphinx.util.osutil import relative_uri

from course.urls import online_url


class course_downloads(nodes.General, nodes.Element):  # noqa: N801 (docutils node names)
    """The download list; its children are the text for outputs other than the HTML site."""


class CourseDownloads(SphinxDirective):
    def run(self) -> list[nodes.Node]:
        node = course_downloads()
        self.set_source_info(node)
        text = ("The website offers the course as a PDF for print, an EPUB for e-readers and the "
                "whole site as one ZIP file for offline study.")
        site = online_url(self.config, "index.html")
        para = nodes.paragraph(text, text)
        if site:  # not a link: the site's own address is not an external link to review
            para += nodes.Text(" Website: ")
            para += nodes.literal(site, site)
        node += para
        return [node]


def items(pdf: str, epub: str, site: str) -> list[str]:
    """The list items' HTML, given each file's URL relative to the page."""
    return [
        f'<a href="{escape(pdf)}" download>PDF</a>: the book for print and reading on screen, '
        "with each module's answer key.",
        f'<a href="{escape(epub)}" download>EPUB</a>: for e-readers, with the audio examples '
        "where the reading system plays sound.",
        f'<a href="{escape(site)}" download>The whole site for offline study</a> (ZIP, '
        '<span class="offline-site-size">size measured at build time</span>): unzip it and open '
        "<code>index.html</code> in any web browser. Navigation, search, quizzes, glossary "
        "previews and audio players work from disk, with no server and no connection. To stay "
        "small it leaves out the PDF and the EPUB (download them above) and the instructors' "
        "question banks for learning management systems, which learners do not need.",
    ]


def visit_html(self, node: course_downloads) -> None:
    if self.builder.name != "html":
        return  # the EPUB and other HTML-like outputs: the text children
    downloads = getattr(self.builder.config, "course_downloads", None) or {}
    page = self.builder.get_target_uri(self.builder.current_docname)
    urls = [relative_uri(page, downloads.get(k, "")) for k in ("pdf", "epub", "site")]
    self.body.append('<ul class="course-downloads">\n')
    self.body.extend(f"<li><p>{item}</p></li>\n" for item in items(*urls))
    self.body.append("</ul>\n")
    raise nodes.SkipNode


def visit_other(self, node: course_downloads) -> None:
    pass


def depart_other(self, node: course_downloads) -> None:
    pass


def setup(app) -> None:
    other = (visit_other, depart_other)
    app.add_node(course_downloads, html=(visit_html, depart_other), latex=other, text=other,
                 man=other, texinfo=other)
    app.add_directive("course-downloads", CourseDownloads)
