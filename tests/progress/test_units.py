"""The learner's pure logic with ``node --test`` (tests/js/review.test.js, progress.test.js,
learner-record.test.js): the spacing schedule with a fake clock, the progress page's numbers,
the import format and its bad inputs. tests/course/test_js_units.py runs them with the other
units; here each also runs on a deliberately broken copy of the scripts, and must fail."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest

from sphinx_project import ROOT

STATIC = ROOT / "ext" / "static"
TESTS = {name: ROOT / "tests" / "js" / f"{name}.test.js"
         for name in ("review", "progress", "learner-record")}

#: test file -> (script, text, broken text, the test that must fail)
BROKEN = {
    "review": ("course-review.js", "var INTERVALS = [1, 3, 7];", "var INTERVALS = [1, 3, 3];",
               "the whole schedule: 1, then 3, then 7 days, then out of the queue"),
    "progress": ("course-progress.js", "right += r.ok ? 1 : 0;", "right += 1;",
                 "per module: questions answered, right, lessons done"),
    "learner-record": ("learner-record.js", "if (!isCount(e.right) || !isCount(e.wrong)) {",
                       "if (false) {", "hand-edited imports are refused with the area, the entry and the rule"),
}


def node_test(test: str, static=STATIC) -> subprocess.CompletedProcess:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing (Debian package nodejs)")
    return subprocess.run([node, "--test", str(TESTS[test])], capture_output=True, text=True,
                          cwd=ROOT, timeout=300, env=dict(os.environ, COURSE_STATIC=str(static)))


@pytest.mark.parametrize("test", sorted(TESTS))
def test_units_pass(test):
    run = node_test(test)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert int(run.stdout.rsplit("# pass ", 1)[1].split()[0]) >= 3
    assert "# fail 0" in run.stdout


@pytest.mark.parametrize("test", sorted(BROKEN))
def test_a_broken_script_fails_its_units(test, tmp_path):
    script, old, new, name = BROKEN[test]
    for js in STATIC.glob("*.js"):
        shutil.copy(js, tmp_path / js.name)
    text = (tmp_path / script).read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{script}: the breakage no longer applies"
    (tmp_path / script).write_text(text.replace(old, new), encoding="utf-8")
    run = node_test(test, tmp_path)
    assert run.returncode != 0
    assert "not ok" in run.stdout and name in run.stdout.split("not ok", 1)[1].splitlines()[0]
