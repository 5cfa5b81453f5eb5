"""Accessibility: axe-core (WCAG 2.0/2.1 A and AA plus best practices) finds nothing on any
page of the site, in light or dark mode, in Debian's headless Chromium.

The dark pass re-runs the color-dependent rules (contrast, links told apart by color); every
other rule sees the same DOM in both schemes and runs in the light pass.
"""

import browser


def report(pages) -> str:
    lines = []
    for p in pages:
        for v in p.violations:
            where = "; ".join(n["target"] for n in v["nodes"][:3])
            lines.append(f"{p.page} [{p.scheme}] {v['id']} ({v['impact']}, {v['count']}x): {v['help']} at {where}")
    return "\n".join(lines)


def test_every_page_was_audited_in_both_schemes(course, site_audit):
    pages = browser.site_pages(course.html)
    assert len(pages) > 100
    for scheme in ("light", "dark"):
        audited = {p.page for p in site_audit.by_scheme(scheme)}
        assert audited == set(pages), f"{scheme}: not audited: {sorted(set(pages) - audited)[:5]}"
    assert all(p.status == 200 for p in site_audit.pages)


def test_no_axe_violations_light(site_audit):
    bad = [p for p in site_audit.by_scheme("light") if p.violations]
    assert not bad, "\n" + report(bad)


def test_no_axe_violations_dark(site_audit):
    bad = [p for p in site_audit.by_scheme("dark") if p.violations]
    assert not bad, "\n" + report(bad)


def ids(audit, page, scheme):
    (entry,) = [p for p in audit.pages if p.page == page and p.scheme == scheme]
    return {v["id"] for v in entry.violations}


def test_axe_catches_the_broken_page(broken_audit):
    found = ids(broken_audit, "a11y.html", "light")
    assert {"image-alt", "color-contrast", "button-name"} <= found, found


def test_axe_dark_pass_catches_dark_only_contrast(broken_audit):
    assert "color-contrast" not in ids(broken_audit, "dark-contrast.html", "light")
    assert "color-contrast" in ids(broken_audit, "dark-contrast.html", "dark")


def test_the_gym_pages_are_audited(site_audit):
    # the listening gym's index and a drill page, as they load (tests/gym/ audits them running)
    audited = {p.page for p in site_audit.pages}
    assert {"gym/index.html", "gym/eq.html", "gym/space.html"} <= audited
