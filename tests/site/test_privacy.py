"""Privacy and security, checked in the browser by recording every request of every page:
nothing comes from another origin, no audio is fetched before play, the strict
Content-Security-Policy of tools/serve.py blocks nothing, and nothing errors in the console.
"""

import re

import serve

# Tracker hosts and snippets (not bare words: "plausible" is English).
ANALYTICS = re.compile(r"google-analytics\.com|googletagmanager\.com|gtag\(|plausible\.io|"
                       r"matomo\.(?:js|php)|piwik\.(?:js|php)|_paq\.push|cdn\.segment\.com|"
                       r"static\.hotjar\.com|clarity\.ms|cdn\.mxpnl\.com|mixpanel\.com", re.I)


def listing(rows):
    return "\n".join(rows[:40]) + (f"\n… and {len(rows) - 40} more" if len(rows) > 40 else "")


def test_csp_is_strict():
    csp = serve.CSP
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "object-src 'none'" in csp
    # nothing but the site itself (and data: images, which are not an origin) is allowed
    assert not re.search(r"https?:|\*", csp)


def test_no_request_leaves_the_site(site_audit):
    rows = [f"{p.page} [{p.scheme}]: {u}" for p in site_audit.pages for u in p.other_origins(site_audit.base)]
    assert not rows, "\n" + listing(rows)


def test_every_page_made_requests(site_audit):
    # the recording works: every page fetched at least its HTML, stylesheets and scripts
    assert all(len(p.requests) >= 3 for p in site_audit.by_scheme("light"))


def test_no_audio_fetched_before_play(site_audit):
    rows = [f"{p.page}: {u}" for p in site_audit.pages for u in p.early_audio()]
    assert not rows, "\n" + listing(rows)


def test_strict_csp_blocks_nothing(site_audit):
    rows = [f"{p.page} [{p.scheme}]: {c}" for p in site_audit.pages for c in p.csp]
    assert not rows, "\n" + listing(rows)


def test_no_console_errors(site_audit):
    rows = [f"{p.page} [{p.scheme}]: {c}" for p in site_audit.pages for c in p.console]
    assert not rows, "\n" + listing(rows)


def test_no_analytics_in_the_site(course):
    rows = [f"{f.relative_to(course.html)}" for f in course.html.rglob("*")
            if f.suffix in (".html", ".js") and ANALYTICS.search(f.read_text(encoding="utf-8", errors="replace"))]
    assert not rows, rows


# -- each check can fail --------------------------------------------------------------------

def entry(audit, page):
    return [p for p in audit.pages if p.page == page and p.scheme == "light"][0]


def test_request_recording_catches_another_origin(broken_audit):
    assert entry(broken_audit, "third-party.html").other_origins(broken_audit.base) == [
        "https://cdn.example.com/tracker.png"]


def test_csp_check_catches_inline_script_and_style(broken_audit):
    csp = " ".join(entry(broken_audit, "inline.html").csp)
    assert "script-src" in csp and "style-src" in csp, csp


def test_early_audio_check_catches_preload(broken_audit):
    assert entry(broken_audit, "early-audio.html").early_audio()


def test_analytics_pattern_matches_a_tracker():
    assert ANALYTICS.search('<script async src="https://www.googletagmanager.com/gtag/js?id=G-1"></script>')


def test_docs_give_the_policy_the_tests_serve():
    from sphinx_project import ROOT

    about = (ROOT / "docs" / "about.rst").read_text(encoding="utf-8")
    assert f"Content-Security-Policy: {serve.CSP}" in about
    assert f'add_header Content-Security-Policy "{serve.CSP}" always;' in about
    assert f'Header always set Content-Security-Policy "{serve.CSP}"' in about
