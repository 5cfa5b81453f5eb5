"""The course map: the modules, their lessons and their quiz questions, from the environment.

What a lesson is: a page of a module folder ``modules/NN-slug/`` that the module's index lists
in its toctree, other than the module's tail pages (:data:`TAIL`: the exercise, the review quiz,
the further reading and the answer key; tests/site/test_course_structure.py checks that every
written module ends with them). The module's index page is not a lesson either.

:func:`course_map` gives the JSON the progress page reads (ext/static/course-progress.js):

.. code-block:: text

   {"root": "<relative path from the page to the site root>", "suffix": ".html",
    "pages": {"<docname>": "<title>", ...},
    "modules": [{"n": 1, "doc": "modules/01-.../index", "lessons": ["<docname>", ...],
                 "questions": [["<question id>", "1.3", "<docname>"], ...]}, ...]}

Only docnames and ids, never URLs: the page builds links from ``root`` and ``suffix``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from course.modules import module_number
from course.order import doc_key, doc_order

if TYPE_CHECKING:
    from sphinx.environment import BuildEnvironment

#: The pages at the end of every written module that are not lessons.
TAIL = ("exercise", "review", "reading", "answers")
INDEX_RE = re.compile(r"^modules/\d+-[^/]+/index$")


@dataclass
class Module:
    number: int
    doc: str                                        #: its index page
    lessons: list[str] = field(default_factory=list)


def modules(env: BuildEnvironment) -> list[Module]:
    """The modules in number order, each with its lessons in toctree order."""
    found = []
    for doc in sorted(env.all_docs):
        if not INDEX_RE.match(doc):
            continue
        folder = doc.rsplit("/", 1)[0]
        lessons = [d for d in env.toctree_includes.get(doc, [])
                   if d.rsplit("/", 1)[0] == folder and d.rsplit("/", 1)[1] not in TAIL
                   and d in env.all_docs]
        found.append(Module(module_number(doc) or 0, doc, lessons))
    return sorted(found, key=lambda m: (m.number, m.doc))


def lessons(env: BuildEnvironment) -> set[str]:
    """The docnames of every lesson."""
    return {d for m in modules(env) for d in m.lessons}


def title(env: BuildEnvironment, doc: str) -> str:
    node = env.titles.get(doc)
    return " ".join(node.astext().split()) if node is not None else doc


def course_map(env: BuildEnvironment, root: str, suffix: str) -> dict[str, Any]:
    """The map for a page whose relative path to the site root is *root*."""
    domain = env.domains["quiz"]
    order = doc_order(env, env.config.root_doc)
    pages: dict[str, str] = {}
    out = []
    for mod in modules(env):
        pages[mod.doc] = title(env, mod.doc)
        folder = mod.doc.rsplit("/", 1)[0]
        questions = []
        for doc in sorted((d for d in domain.questions if d.startswith(folder + "/")),
                          key=lambda d: doc_key(order, d)):
            pages[doc] = title(env, doc)
            for i, rec in enumerate(domain.questions[doc]):
                questions.append([rec.id, domain.number_of(doc, i), doc])
        for doc in mod.lessons:
            pages[doc] = title(env, doc)
        out.append({"n": mod.number, "doc": mod.doc, "lessons": mod.lessons,
                    "questions": questions})
    return {"root": root, "suffix": suffix, "pages": pages, "modules": out}
