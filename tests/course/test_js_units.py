"""The JavaScript logic's unit tests (tests/js/*.test.js) run with ``node --test``.

The static files are classic scripts that also load in Node (``module.exports``), so their pure
logic (seeded stimuli, filters, the learner's record, staircases, scoring, schedules) is tested
without a browser. This file runs them all and reports each failure by name.
"""

import shutil
import subprocess

import pytest

from sphinx_project import ROOT

JS_TESTS = ROOT / "tests" / "js"
BROKEN = ROOT / "tests" / "fixtures" / "js-broken"


def node_test(folder):
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is missing (Debian package nodejs)")
    files = sorted(str(p) for p in folder.glob("*.test.js"))
    assert files, f"no *.test.js in {folder}"
    return subprocess.run([node, "--test", *files], capture_output=True, text=True, cwd=ROOT,
                          timeout=600)


def test_javascript_unit_tests_pass():
    run = node_test(JS_TESTS)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    passed = int(run.stdout.rsplit("# pass ", 1)[1].split()[0])
    assert passed >= 15, run.stdout[-2000:]


def test_a_failing_unit_test_fails_the_run():
    run = node_test(BROKEN)
    assert run.returncode != 0
    assert "not ok 1 - a wrong expectation fails" in run.stdout
