"""Accessibility of the running gym: axe-core (WCAG 2.0/2.1 A and AA, best practices) finds
nothing on the drill pages after Start and one answer (trial controls, feedback, replay
visible) and on the index with the export open, in light and dark mode; no CSP violation
under the site's strict policy (tools/serve.py). The site-wide audit
(tests/site/test_accessibility.py) covers the pages as they load."""

from gym_helpers import broken_copy, run_gym, site

import browser

PAGES = ["gym/eq.html", "gym/levels.html", "gym/space.html", "gym/index.html"]


def audit(site_dir):
    with browser.served(site_dir) as base:
        return run_gym("axe", *(base + p for p in PAGES))


def test_running_drills_have_no_axe_violations_or_csp_reports():
    out = audit(site())
    assert not out["errors"], out["errors"]
    started = {p["url"].rsplit("/", 1)[-1]: p["started"] for p in out["pages"]}
    assert started == {"eq.html": 2, "levels.html": 1, "space.html": 3, "index.html": 0}
    for p in out["pages"]:
        assert not p["light"], (p["url"], p["light"])
        assert not p["dark"], (p["url"], p["dark"])
        assert not p["csp"], (p["url"], p["csp"])


def test_an_unlabelled_control_is_found(tmp_path):
    broken = broken_copy(tmp_path, "_static/gym/course-gym.js",
                         'inp.setAttribute("aria-label", c.label);', "")
    out = audit(broken)
    eq = next(p for p in out["pages"] if p["url"].endswith("gym/eq.html"))
    assert any(v.startswith("label:") for v in eq["light"]), eq["light"]
