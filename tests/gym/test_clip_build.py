"""The clip drills and ABX in a build (tests/roots/test-gym-clips): clips rendered once into
the audio cache and copied to ``_audio/gym/``, the configs the JavaScript reads, the print
text, and no clips in the EPUB."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from gym import clip_build, clips

from sphinx_project import build, copy_root, warnings

#: The budget for the clips in the HTML output (issue 15: keep the added audio modest).
MAX_CLIP_BYTES = 8_000_000


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("gym-clips")
    src = copy_root(tmp, "gym-clips")
    cache = str(tmp / "cache")
    first = build(src, audio_cache_dir=cache)
    assert first.statuscode == 0 and warnings(first) == "", warnings(first)
    report = dict(clip_build.REPORTS[first])
    again = build(copy_root(tmp, "gym-clips", "src2"), audio_cache_dir=cache)
    assert again.statuscode == 0, warnings(again)
    return {"html": Path(first.outdir), "report": report,
            "again": dict(clip_build.REPORTS[again]), "src": src, "cache": cache, "tmp": tmp}


def config(page: Path, kind: str) -> dict:
    text = page.read_text(encoding="utf-8")
    m = re.search(rf'data-drill="{kind}" data-drill-config="([^"]*)"', text)
    assert m, f"no {kind} drill in {page}"
    return json.loads(html.unescape(m.group(1)))


def test_clips_are_rendered_once_and_copied(site):
    assert site["report"]["rendered"] == 40 and site["report"]["cached"] == 0
    assert site["again"] == {**site["again"], "rendered": 0, "cached": 40}
    files = sorted((site["html"] / "_audio" / "gym").glob("*.mp3"))
    assert len(files) == 40
    total = sum(f.stat().st_size for f in files)
    assert 1_000_000 < total < MAX_CLIP_BYTES, total
    print(f"clips: {len(files)} files, {total / 1e6:.2f} MB")


def test_configs_list_the_clips_with_urls_that_exist(site):
    page = site["html"] / "gym" / "clips.html"
    comp = config(page, "compression")["clips"]
    assert len(comp) == 16 and {c["setting"] for c in comp} == {"none", "2:1", "4:1", "12:1"}
    for c in comp:
        assert (page.parent / c["src"]).resolve().is_file(), c["src"]
        assert c["src"].startswith("../_audio/gym/")
    reverb = config(page, "reverb")["clips"]   # :clips: picks two
    assert [c["id"] for c in reverb] == ["gym-reverb-drums-short", "gym-reverb-drums-long"]
    assert len(config(page, "distortion")["clips"]) == len(clips.catalog("distortion"))


def test_the_abx_drill_lists_the_pairs(site):
    page = site["html"] / "gym" / "abx.html"
    cfg = config(page, "abx")
    assert cfg["trials"] == "10"
    [pair] = cfg["pairs"]
    assert pair["id"] == "m06-test-dry" and pair["group"] == "Module 6"
    assert pair["a"]["label"].startswith("Dry, Audio 6.") and pair["b"]["label"].startswith("Compressed")
    for side in ("a", "b"):
        assert (page.parent / pair[side]["src"]).resolve().is_file()


def test_the_pages_load_the_family_scripts_and_preload_nothing(site):
    text = (site["html"] / "gym" / "clips.html").read_text(encoding="utf-8")
    assert "gym/clips.js" in text and "gym/course-gym.js" in text
    assert "gym/abx.js" in (site["html"] / "gym" / "abx.html").read_text(encoding="utf-8")
    for page in site["html"].rglob("*.html"):
        for tag in re.findall(r"<audio\b[^>]*>", page.read_text(encoding="utf-8")):
            assert 'preload="none"' in tag, (page, tag)


def test_an_unknown_clip_id_is_reported(site):
    src = copy_root(site["tmp"], "gym-clips", "bad")
    page = src / "gym" / "clips.rst"
    page.write_text(page.read_text().replace("gym-reverb-drums-long", "gym-reverb-drums-huge"))
    app = build(src, audio_cache_dir=site["cache"])
    assert "unknown clip id(s) gym-reverb-drums-huge in :clips:" in warnings(app)


def test_print_has_the_text_and_the_online_address_and_the_epub_no_clips(site):
    src = site["src"]
    text = build(src, "text", audio_cache_dir=site["cache"])
    out = (Path(text.outdir) / "gym" / "clips.txt").read_text(encoding="utf-8")
    assert "hearing compression" in out
    assert "online: https://example.org/course/gym/clips.html\n#drill-compression" in out
    epub = build(src, "epub", audio_cache_dir=site["cache"])
    assert not (Path(epub.outdir) / "_audio" / "gym").exists()


def test_keyboard_only_from_disk_the_clip_drill_and_abx_play_clips(site):
    """Opened from disk (file://): one level of the compression drill and one ABX run, keyboard
    only; every sound is an <audio preload="none"> at the calibrated level (default −12 dB)."""
    import subprocess

    from browser import BROWSER, CHROMIUM, require_tools

    require_tools()
    gym = site["html"] / "gym"
    proc = subprocess.run(["node", str(BROWSER / "gym-clips.mjs"), (gym / "clips.html").as_uri(),
                           (gym / "abx.html").as_uri()], capture_output=True, text=True,
                          cwd=BROWSER, env={"CHROMIUM": CHROMIUM, "PATH": "/usr/bin:/bin"},
                          timeout=300)
    assert proc.returncode == 0 and proc.stdout, proc.stderr[-3000:]
    out = json.loads(proc.stdout)
    assert out["errors"] == []
    comp = out["compression"]
    assert comp["result"] == "passed" and comp["trials"] == 10, comp
    assert comp["played"] == 10, comp        # each trial starts by playing one clip
    assert out["clipPlays"] and all(p["src"].startswith("../_audio/gym/gym-compression-")
                                    and p["preload"] == "none"
                                    and abs(p["volume"] - 10 ** (-12 / 20)) < 1e-6
                                    for p in out["clipPlays"]), out["clipPlays"][:3]
    assert out["picker"]["label"].startswith("Pair to compare")
    assert len(out["picker"]["options"]) == 1
    abx = out["abx"]
    assert abx["result"] == "passed" and abx["trials"] == 10, abx
    assert "10 of 10 correct: p < 0.001, unlikely to be guessing" in abx["words"]
    assert {p["src"].rsplit("/", 1)[-1].split("-")[1] for p in out["abxPlays"]} == {"test"}



def test_a_clip_that_cannot_be_rendered_is_an_error_at_its_drill(site, monkeypatch):
    import soundlib.recipes as recipes

    def broken(source_name: str = "drums", rt60: float = 1.2):
        raise ValueError("a deliberately broken reverb")

    recipes.load_all()
    monkeypatch.setitem(recipes._registry._items, "gym-reverb", broken)
    monkeypatch.setattr(clip_build, "clips_hash", lambda: "0" * 64)  # nothing cached
    src = copy_root(site["tmp"], "gym-clips", "broken-recipe")
    app = build(src, audio_cache_dir=str(site["tmp"] / "other-cache"), audio_jobs=1)
    found = warnings(app)
    assert "gym/clips.rst:19" in found, found        # the reverb drill's line
    assert "gym clip 'gym-reverb-drums-short'" in found and "a deliberately broken reverb" in found
