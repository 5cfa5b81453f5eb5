"""Run the browser tools (tests/browser/*.mjs, Lighthouse, the Nu HTML Checker) on a site.

Everything here serves the site with ``tools/serve.py`` (strict CSP, gzip), so the checks see
what a reader of a well-configured host sees. The Node packages come from
``tests/browser/package-lock.json`` (``make test`` runs ``npm ci``); the browser is Debian's
Chromium, the Java runtime Debian's.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
BROWSER = ROOT / "tests" / "browser"
NODE_MODULES = BROWSER / "node_modules"
sys.path.insert(0, str(ROOT / "tools"))

import serve  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# --disable-features=PaintHolding: in headless runs the compositor may hold the first frame
# of a page that is ready to paint for one or two whole seconds (Lighthouse issue #17148,
# "Observed FCP/LCP inflated by whole seconds in headless runs"); here it made the same page
# score 97 or 100 at random. With paint holding off, first paint follows the page.
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync "
                "--disable-features=PaintHolding")
AUDIO_SUFFIXES = (".mp3", ".wav", ".ogg", ".flac", ".zip")


def require_tools() -> None:
    """Fail (not skip) when the browser tools are missing: CI must run these checks."""
    missing = []
    if not Path(CHROMIUM).exists():
        missing.append(f"Chromium at {CHROMIUM} (Debian package chromium)")
    if not (NODE_MODULES / "playwright-core").exists():
        missing.append("tests/browser/node_modules (run: npm ci --prefix tests/browser)")
    if subprocess.run(["java", "-version"], capture_output=True).returncode != 0:
        missing.append("java (Debian package default-jre-headless)")
    if missing:
        raise RuntimeError("browser checks need: " + "; ".join(missing))


@contextmanager
def served(site: Path):
    server, url = serve.start(site)
    try:
        yield url
    finally:
        server.shutdown()
        server.server_close()


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as paths relative to its root."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if "_static" not in p.parts and "_sources" not in p.parts)


def _node(script: str, *args: str, timeout: int = 1800) -> subprocess.CompletedProcess:
    env = dict(os.environ, CHROMIUM=CHROMIUM)
    return subprocess.run(["node", str(BROWSER / script), *args], capture_output=True, text=True,
                          cwd=BROWSER, env=env, timeout=timeout)


@dataclass
class PageAudit:
    page: str
    scheme: str
    status: int | None
    requests: list[str]
    console: list[str]
    csp: list[str]
    violations: list[dict]
    ms: int = 0

    def other_origins(self, base: str) -> list[str]:
        origin = urlsplit(base)[:2]
        return [u for u in self.requests
                if urlsplit(u).scheme in ("http", "https", "ws", "wss") and urlsplit(u)[:2] != origin]

    def early_audio(self) -> list[str]:
        return [u for u in self.requests if urlsplit(u).path.lower().endswith(AUDIO_SUFFIXES)]


@dataclass
class Audit:
    base: str
    pages: list[PageAudit]

    def by_scheme(self, scheme: str) -> list[PageAudit]:
        return [p for p in self.pages if p.scheme == scheme]


def audit(site: Path, pages: list[str] | None = None, shards: int = 2) -> Audit:
    """axe-core, requests, CSP reports and console errors for every page, light and dark.

    The pages are split between ``shards`` browser processes (one per core by default).
    """
    pages = site_pages(site) if pages is None else pages
    shards = max(1, min(shards, len(pages)))
    with tempfile.TemporaryDirectory() as tmp, served(site) as base:
        procs = []
        for i in range(shards):
            listing = Path(tmp) / f"pages-{i}.json"
            listing.write_text(json.dumps(pages[i::shards]))
            out = open(Path(tmp) / f"{i}.json", "w+")
            err = open(Path(tmp) / f"{i}.err", "w+")
            proc = subprocess.Popen(["node", str(BROWSER / "audit.mjs"), base, str(listing)],
                                    stdout=out, stderr=err, cwd=BROWSER, env=dict(os.environ, CHROMIUM=CHROMIUM))
            procs.append((proc, out, err))
        results = []
        for proc, out, err in procs:
            proc.wait(timeout=3600)
            out.seek(0)
            err.seek(0)
            text = out.read()
            if proc.returncode != 0 or not text:
                raise RuntimeError(f"audit.mjs failed: {err.read()[-3000:]}")
            results.extend(PageAudit(**r) for r in json.loads(text))
    return Audit(base=base, pages=results)


def keyboard(site: Path, page: str) -> dict:
    """tests/browser/keyboard.mjs on one page: what a keyboard-only reader could do."""
    with served(site) as base:
        proc = _node("keyboard.mjs", base + page, timeout=300)
    if proc.returncode != 0 or not proc.stdout:
        raise RuntimeError(f"keyboard.mjs failed: {proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def lighthouse(site: Path, page: str, categories=("performance", "accessibility", "best-practices", "seo")) -> dict:
    """Lighthouse (mobile profile, simulated throttling) on one page; returns the JSON report."""
    with tempfile.TemporaryDirectory() as tmp, served(site) as base:
        report = Path(tmp) / "report.json"
        cmd = [str(NODE_MODULES / ".bin" / "lighthouse"), base + page, "--output=json",
               f"--output-path={report}", "--quiet", f"--chrome-flags={CHROME_FLAGS}",
               f"--only-categories={','.join(categories)}", "--form-factor=mobile",
               "--throttling-method=simulate"]
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=BROWSER, timeout=600,
                              env=dict(os.environ, CHROME_PATH=CHROMIUM))
        if proc.returncode != 0 or not report.exists():
            raise RuntimeError(f"lighthouse failed on {page}: {proc.stderr[-3000:]}")
        return json.loads(report.read_text())


def lighthouse_scores(report: dict) -> dict[str, int]:
    """Category scores as Lighthouse shows them (0–100)."""
    return {k: round((v["score"] or 0) * 100) for k, v in report["categories"].items()}


def lighthouse_failures(report: dict) -> list[str]:
    """The weighted audits that cost points, with their values: what to fix."""
    out = []
    for cat in report["categories"].values():
        for ref in cat["auditRefs"]:
            a = report["audits"][ref["id"]]
            if ref.get("weight", 0) and a.get("score") is not None and a["score"] < 1:
                out.append(f"{cat['id']}: {ref['id']} = {a['score']} {a.get('displayValue', '')}".rstrip())
    return out


def vnu_jar() -> Path:
    return NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu(paths: list[Path]) -> list[dict]:
    """Nu HTML Checker errors (not warnings) for the given files or folders."""
    cmd = ["java", "-Xss4m", "-jar", str(vnu_jar()), "--errors-only", "--format", "json",
           "--skip-non-html", *map(str, paths)]
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=900)
    try:
        messages = json.loads(proc.stderr)["messages"]
    except (ValueError, KeyError):
        raise RuntimeError(f"vnu failed: {proc.stderr[-3000:]}") from None
    return [m for m in messages if m.get("type") in ("error", "non-document-error")]
