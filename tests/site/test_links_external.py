"""External links: https only, every one in the reviewed list docs/links.txt, no stale entries."""

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
URL = re.compile(r"""\b(?:https?|ftp)://[^\s<>`'")\]]+""")


def reviewed_links() -> list[str]:
    lines = (ROOT / "docs" / "links.txt").read_text(encoding="utf-8").splitlines()
    return [ln.split()[0] for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


def source_urls() -> dict[str, str]:
    found = {}
    for path in sorted((ROOT / "docs").rglob("*.rst")):
        if path.name.startswith("_"):
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for url in URL.findall(line):
                found.setdefault(url.rstrip(".,;:"), f"{path.relative_to(ROOT)}:{n}")
    return found


def test_every_external_url_is_https_and_reviewed():
    listed = set(reviewed_links())
    for url, where in source_urls().items():
        assert url.startswith("https://"), f"{where}: not https: {url}"
        assert url in listed, f"{where}: {url} is not in docs/links.txt"


def test_reviewed_list_is_https_unique_and_used():
    links = reviewed_links()
    assert len(links) == len(set(links)), "duplicate entries in docs/links.txt"
    used = set(source_urls())
    for url in links:
        assert url.startswith("https://"), url
        assert url in used, f"docs/links.txt lists {url}, which no page uses"


@pytest.mark.sphinx("html", testroot="external-links")
def test_build_flags_insecure_and_unreviewed_links_with_file_and_line(app):
    app.build()
    warnings = app.warning.getvalue()
    assert "index.rst:6: WARNING: external link is not https: http://www.example.org/insecure" in warnings
    assert ("index.rst:8: WARNING: external link https://www.example.org/unlisted is not in the "
            "reviewed list") in warnings
    assert "listed>" not in warnings and "example.org/listed" not in warnings
