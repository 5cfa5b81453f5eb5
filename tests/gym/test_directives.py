"""ext/gym/ in Sphinx: the HTML contract (data-drill, the config, the back link, the index,
JavaScript only where needed), the print text with the online address, and bad input
reported at its file and line with a failed build."""

import json
import re
import shutil

import pytest
from bs4 import BeautifulSoup
from gym import spec
from gym_helpers import site

from sphinx_project import ROOTS, sphinx_build

LIVE = ["eq-band", "eq-fix", "gain-jnd", "pan", "width", "delay"]


def page(name):
    return BeautifulSoup((site() / name).read_text(encoding="utf-8"), "html.parser")


def scripts(name):
    return [re.sub(r"\?v=.*", "", s["src"]).split("_static/")[-1]
            for s in page(name).find_all("script", src=True)]


def test_each_drill_root_carries_its_kind_config_and_lesson_link():
    found = {}
    for name in ("gym/eq.html", "gym/levels.html", "gym/space.html"):
        for root in page(name).select("[data-drill]"):
            kind = root["data-drill"]
            config = json.loads(root["data-drill-config"])
            assert config["kind"] == kind and root["id"] == f"drill-{kind}"
            assert config["page"] == name[:-5]
            assert config["lesson"].startswith("modules/01-hearing/")
            assert isinstance(config["seed"], int) and config["module"] == 1
            assert root.select_one(".gym-app").has_attr("hidden")
            fallback = root.select_one(".gym-fallback")
            assert "In any DAW" in fallback.get_text()
            link = fallback.select_one(".gym-lesson-link a")
            assert link["href"] == "../" + config["lesson"] + ".html"
            found[kind] = config
    assert sorted(found) == sorted(LIVE)
    assert found["pan"]["spatial"] is True and found["eq-band"]["spatial"] is False
    assert found["gain-jnd"]["seed"] == 7


def test_the_index_lists_every_drill_by_module():
    index = page("gym/index.html").select_one(".gym-index")
    assert [r.get_text() for r in index.select(".gym-index-module")] == ["Module 1: Hearing"]
    items = index.select(".gym-index-item")
    kinds = [re.search(r"gym-kind-(\S+)", " ".join(i["class"])).group(1) for i in items]
    assert kinds == LIVE                                     # reading order, then line
    first = items[0]
    assert first.select_one("a")["href"] == "eq.html#drill-eq-band"
    assert first.select_one(".gym-level") is not None
    assert index.select_one(".gym-progress-tools") is not None


def test_javascript_only_on_the_pages_that_need_it():
    core = ["course-audio.js", "course-store.js", "gym/gym-record.js", "gym/course-gym.js"]
    assert [s for s in scripts("gym/eq.html") if s in core or s.startswith("gym/")] == [
        *core, "gym/eq.js"]
    assert scripts("gym/space.html")[-1] == "gym/space.js"
    assert "gym/eq.js" not in scripts("gym/space.html")
    index = scripts("gym/index.html")
    assert "gym/course-gym.js" in index and "course-audio.js" not in index
    lesson = scripts("modules/01-hearing/eq.html")
    # a lesson has the learner's record (ext/learner: "Mark as done"), never the gym's scripts
    assert not [s for s in lesson if "gym" in s or s in ("course-audio.js", "gym/course-gym.js")]


OUTPUT_FILES = {"latex": "*.tex", "text": "*.txt", "epub": "*.xhtml"}


@pytest.mark.parametrize("builder", ["latex", "text", "epub"])
def test_print_gives_the_text_the_lesson_and_the_online_address(tmp_path, builder):
    out = tmp_path / builder
    run = sphinx_build(builder, ROOTS / "test-gym", out, tmp_path / "doctrees",
                       "-D", "html_baseurl=https://example.org/course/")
    assert run.returncode == 0, run.stderr[-2000:]
    text = "\n".join(p.read_text(encoding="utf-8") for p in out.rglob(OUTPUT_FILES[builder]))
    for kind in LIVE:
        assert "https://example.org/course/gym/" in text
        assert f"#drill-{kind}" in text
    assert text.count("The lesson it trains:") == 6
    assert "In any DAW" in text
    if builder == "epub":  # each anchor once (EPUBCheck: duplicate ID)
        assert all(text.count(f'id="drill-{kind}"') == 1 for kind in LIVE)
    if builder == "latex":  # the drill index's links land on a label (no undefined reference)
        refs = set(re.findall(r"hyperref\[\\detokenize\{([^}]*drill-[^}]*)\}\]", text))
        labels = set(re.findall(r"label\{\\detokenize\{([^}]*drill-[^}]*)\}", text))
        assert len(refs) == 6 and refs <= labels, (refs, labels)
    run = sphinx_build(builder, ROOTS / "test-gym", tmp_path / "plain", tmp_path / "d2")
    plain = "\n".join(p.read_text(encoding="utf-8")
                      for p in (tmp_path / "plain").rglob(OUTPUT_FILES[builder]))
    assert plain.count("The interactive drill is part of the online course.") == 6


def test_bad_drills_are_errors_at_their_lines_and_fail_the_build(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOTS / "test-gym-errors", src)
    run = sphinx_build("html", src, tmp_path / "html", tmp_path / "doctrees")
    assert run.returncode != 0
    err = run.stderr
    expected = {
        4: "unknown drill kind 'eq-bands'",
        9: "the option :pair: does not apply to a eq-band drill",
        15: "a drill needs :lesson:",
        19: "a drill needs a body",
        22: ":seed: '-3' is not a whole number",
        28: "a second pan drill (the first is at index.rst:9)",
        33: ":lesson: 'no-such-lesson' is not a document",
        38: ":module: 'six' is not a module number",
    }
    for line, message in expected.items():
        assert re.search(rf"bad\.rst:{line}: ERROR: drill: .*{re.escape(message)}", err), (line, err)
    assert "8 malformed drills; see the errors above" in err


def test_spec_checks_are_pure_data():
    drill, problems = spec.check("pan", {"lesson": "modules/06-mixing/x.rst"}, True)
    assert problems == [] and drill.lesson == "modules/06-mixing/x" and drill.module == 6
    assert drill.family == "space" and drill.spatial
    assert spec.default_seed("pan") == spec.default_seed("pan") != spec.default_seed("width")
    _, problems = spec.check("pan", {"lesson": "../etc/passwd"}, True)
    assert problems and "not a docname" in problems[0]
    assert spec.page_js(["eq", "space", "eq"])[-2:] == ["gym/eq.js", "gym/space.js"]
    assert set(spec.KINDS) == {"eq-band", "eq-fix", "gain-jnd", "pan", "width", "delay",
                               "compression", "reverb", "distortion", "abx"}


def test_parallel_reading_and_writing_give_the_same_pages(tmp_path):
    run = sphinx_build("html", ROOTS / "test-gym", tmp_path / "html", tmp_path / "doctrees",
                       "-j", "2")
    assert run.returncode == 0, run.stderr[-2000:]
    for name in ("gym/index.html", "gym/eq.html", "gym/space.html"):
        assert (tmp_path / "html" / name).read_bytes() == (site() / name).read_bytes(), name
