"""What the build writes for the learner's course (tests/roots/test-progress): the "Mark as
done" place on lessons only, the quiz's docname, the progress page's root and course map, the
scripts per page, and valid HTML (the Nu HTML Checker)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from learner.progress import json_script

import browser

LESSONS = ["modules/01-one/lesson-a.html", "modules/02-two/lesson-c.html"]
NOT_LESSONS = ["index.html", "progress.html", "modules/01-one/index.html", "modules/01-one/review.html",
               "modules/02-two/index.html", "modules/02-two/exercise.html"]


def page(site: Path, name: str) -> BeautifulSoup:
    return BeautifulSoup((site / name).read_text(encoding="utf-8"), "html.parser")


def scripts(soup: BeautifulSoup) -> list[str]:
    return [Path(s["src"].split("?")[0]).name for s in soup.select("script[src]")]


def test_mark_as_done_place_on_lessons_only(progress_site):
    for name in LESSONS:
        box = page(progress_site, name).select("div.learner-done")
        assert len(box) == 1, name
        assert box[0]["data-docname"] == name.removesuffix(".html")
        assert box[0].has_attr("hidden") and box[0].get_text() == ""  # filled by JavaScript
    for name in NOT_LESSONS:
        assert page(progress_site, name).select("div.learner-done") == [], name


def test_quizzes_carry_their_docname(progress_site):
    quiz = page(progress_site, "modules/01-one/lesson-a.html").select_one("div.quiz")
    assert quiz["data-docname"] == "modules/01-one/lesson-a"
    assert [q["data-qid"] for q in quiz.select(".quiz-question")] == ["p01-longer-wavelength", "p01-kilohertz"]


def test_progress_page_root_and_course_map(progress_site):
    soup = page(progress_site, "progress.html")
    (root,) = soup.select("[data-progress]")
    assert "needs JavaScript" in root.select_one(".learner-nojs").get_text()
    data = json.loads(root.select_one('script[type="application/json"].learner-map').string)
    assert data["root"] == "" and data["suffix"] == ".html"
    assert [(m["n"], m["doc"], m["lessons"]) for m in data["modules"]] == [
        (1, "modules/01-one/index", ["modules/01-one/lesson-a"]),
        (2, "modules/02-two/index", ["modules/02-two/lesson-c"])]
    assert data["modules"][0]["questions"] == [
        ["p01-longer-wavelength", "1.1", "modules/01-one/lesson-a"],
        ["p01-kilohertz", "1.2", "modules/01-one/lesson-a"],
        ["p01-decibel", "1.3", "modules/01-one/review"]]
    assert data["pages"]["modules/01-one/lesson-a"] == "Lesson A: hearing wavelengths"
    # the progress page is in the navigation
    assert any(a.get("href") == "progress.html" for a in page(progress_site, "index.html").select(".sidebar-tree a"))


def test_scripts_where_needed(progress_site):
    expect = {
        "modules/01-one/lesson-a.html": ["course-store.js", "course-review.js", "learner-record.js"],
        "modules/01-one/review.html": ["course-store.js", "course-review.js", "learner-record.js"],
        "modules/02-two/lesson-c.html": ["course-store.js", "learner-record.js"],
        "modules/02-two/index.html": ["course-store.js", "learner-record.js"],
        "progress.html": ["course-store.js", "course-review.js", "learner-record.js", "course-progress.js"],
        "index.html": [],
    }
    ours = {"course-store.js", "course-review.js", "learner-record.js", "course-progress.js"}
    for name, want in expect.items():
        found = scripts(page(progress_site, name))
        assert [s for s in found if s in ours] == want, name
        if want:  # after quiz.js, which waits for them (DOMContentLoaded)
            assert found.index("quiz.js") < found.index(want[0])


def test_json_data_block_cannot_close_its_script():
    text = json_script({"title": "</script><script>alert(1)</script> & <!--"})
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["title"] == "</script><script>alert(1)</script> & <!--"
    # the check itself: plain json.dumps would have closed the element
    assert re.search(r"</script", json.dumps({"t": "</script>"}))


@pytest.mark.skipif(not browser.vnu_jar().exists(), reason="vnu.jar is missing (npm ci --prefix tests/browser)")
def test_valid_html(progress_site):
    pages = [progress_site / n for n in LESSONS + NOT_LESSONS]
    assert browser.vnu(pages) == []


def test_outside_the_site_a_paragraph_with_the_online_address(tmp_path):
    from sphinx_project import build, copy_root, warnings

    app = build(copy_root(tmp_path, "progress"), "text", html_baseurl="https://course.example.org/")
    assert app.statuscode == 0 and warnings(app) == ""
    text = " ".join((Path(app.outdir) / "progress.txt").read_text(encoding="utf-8").split())
    assert "so it works only in the web version" in text
    assert "It is online at https://course.example.org/progress.html." in text
    assert "needs JavaScript" not in text


def test_gym_record_loads_on_the_progress_page_only_when_it_exists():
    from learner.pages import scripts_for

    kw = dict(has_quiz=False, is_progress=True)
    assert scripts_for("progress", gym=True, **kw) == [
        "course-store.js", "course-review.js", "gym/gym-record.js", "learner-record.js", "course-progress.js"]
    assert "gym/gym-record.js" not in scripts_for("progress", gym=False, **kw)
    lesson = scripts_for("modules/01-a/l1", has_quiz=False, is_progress=False, gym=True)
    assert lesson == ["course-store.js", "learner-record.js"]
    assert scripts_for("glossary", has_quiz=False, is_progress=False, gym=True) == []
