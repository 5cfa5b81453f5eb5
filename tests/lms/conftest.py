"""Fixtures of the instructor-pack tests (``ext/lms/``).

``lms_build`` builds ``tests/roots/test-lms`` once (HTML, its own audio cache) and
``lms_rebuild`` a second time from a fresh copy, for the byte-for-byte comparison;
``lms_linked`` builds it with ``html_baseurl`` set (GIFT links the clip, the cartridge gets
lesson links); ``lms_broken`` builds ``tests/roots/test-lms-broken``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

from sphinx_project import build, copy_root, warnings

BASEURL = "https://course.example.org/"


@dataclass
class LmsBuild:
    outdir: Path
    status: str
    warnings: str
    statuscode: int

    @property
    def downloads(self) -> Path:
        return self.outdir / "downloads" / "instructor"

    def file(self, name: str) -> Path:
        return self.downloads / name


def _build(tmp: Path, root: str, **conf) -> LmsBuild:
    src = copy_root(tmp, root)
    app = build(src, audio_cache_dir=str(tmp / "audio-cache"), **conf)
    return LmsBuild(Path(app.outdir), app.status.getvalue(), warnings(app), app.statuscode)


@pytest.fixture(scope="session")
def lms_build(tmp_path_factory) -> LmsBuild:
    result = _build(tmp_path_factory.mktemp("lms"), "lms")
    assert result.statuscode == 0, result.warnings
    assert result.warnings == ""
    return result


@pytest.fixture(scope="session")
def lms_rebuild(tmp_path_factory) -> LmsBuild:
    result = _build(tmp_path_factory.mktemp("lms-again"), "lms")
    assert result.statuscode == 0, result.warnings
    return result


@pytest.fixture(scope="session")
def lms_linked(tmp_path_factory) -> LmsBuild:
    result = _build(tmp_path_factory.mktemp("lms-linked"), "lms", html_baseurl=BASEURL)
    assert result.statuscode == 0, result.warnings
    return result


@pytest.fixture(scope="session")
def lms_broken(tmp_path_factory) -> LmsBuild:
    return _build(tmp_path_factory.mktemp("lms-broken"), "lms-broken")
