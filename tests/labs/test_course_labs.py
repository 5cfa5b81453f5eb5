"""The labs in the built course (the session's ``course`` fixture): every page with a
``data-lab`` loads course-audio.js, course-labs.js and its kinds' scripts; no page without a
lab loads any lab script; every registered kind is on some page. (The check's broken fixture
is in test_directive.py: a page missing its script, a plain page loading one.)"""

from __future__ import annotations

import re

from labs.kinds import all_kinds
from labsite import page_lab_scripts


def test_lab_scripts_exactly_where_the_labs_are(course):
    assert page_lab_scripts(course.html) == []


def test_every_kind_is_on_a_page(course):
    found = set()
    for page in course.html.rglob("*.html"):
        found |= set(re.findall(r'data-lab="([^"]+)"', page.read_text(encoding="utf-8")))
    assert found == set(all_kinds())
