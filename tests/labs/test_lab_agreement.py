"""The lab and the text cannot disagree: every registered kind's default setting, rendered
in an OfflineAudioContext in Chromium (``CourseLabs.renderDefault``), matches the kind's
Python reference (``labs.kinds.<kind>.reference``, built on soundlib) within the kind's
stated tolerance (0.5 dB of magnitude response for filters, 0.5 dB at each point of a
transfer curve for dynamics). Served with the strict CSP (tools/serve.py).

Broken fixture: the same rendering shifted by 1 dB (1 Hz) inside the page must fail.
"""

from __future__ import annotations

import json

import pytest
from labs import spec
from labs.kinds import all_kinds
from labsite import LAB_PAGE, disagreements, run_labs_mjs

import browser


@pytest.fixture(scope="module")
def rendered(lab_site):
    browser.require_tools()
    site, _app = lab_site
    with browser.served(site) as base:
        good = run_labs_mjs("agreement", base + LAB_PAGE)
        broken = run_labs_mjs("agreement", base + LAB_PAGE,
                              json.dumps({kind: 1.0 for kind in all_kinds()}))
    return good, broken


def test_every_kind_is_on_the_page_and_live(rendered):
    good, _ = rendered
    assert sorted(lab["kind"] for lab in good["labs"]) == sorted(all_kinds())
    assert all(lab["live"] for lab in good["labs"]), good["labs"]
    assert good["exceptions"] == []
    assert not [e for e in good["errors"] if "lab" in e.lower()], good["errors"]


@pytest.mark.parametrize("kind", sorted(all_kinds()))
def test_browser_matches_python_reference(rendered, kind):
    good, _ = rendered
    module = all_kinds()[kind]
    problems = disagreements(module, spec.defaults(module.PARAMS), good["results"][kind])
    assert not problems, f"{kind}: " + "; ".join(problems[:10])
    assert len(good["results"][kind]["x"]) >= 2


@pytest.mark.parametrize("kind", sorted(all_kinds()))
def test_a_lab_off_by_one_db_fails(rendered, kind):
    """The broken fixture: every y shifted by 1 (1 dB; 1 Hz for the kinds that compare
    frequencies) must fail the comparison."""
    _, broken = rendered
    module = all_kinds()[kind]
    problems = disagreements(module, spec.defaults(module.PARAMS), broken["results"][kind])
    assert problems, f"{kind}: a 1 dB error went unnoticed"
