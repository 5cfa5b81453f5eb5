"""Size: the gym's JavaScript (ext/static/gym/*.js) is at most 25 KB gzipped in total, and a
first visit to each drill page of the test site stays under the course's 120 KB
(tools/page_weight.py, the same measure as tests/site/test_page_weight.py).

The EQ drill's music data scripts (gym/music.py) are generated into the build's
_static/gym/music/, not ext/static/gym/, so they are data, not counted here; a learner loads
them only on reaching a music level (tests/gym/test_gym_music.py)."""

import gzip
from pathlib import Path

import page_weight
from gym_helpers import site

from sphinx_project import ROOT

GYM_JS = ROOT / "ext" / "static" / "gym"
LIMIT_GZIP = 25 * 1024


def gym_js_bytes(folder: Path) -> tuple[int, int]:
    """(raw, gzipped) total of the *.js files in folder, each gzipped as tools/serve.py
    sends it."""
    files = sorted(folder.glob("*.js"))
    assert files
    raw = sum(len(f.read_bytes()) for f in files)
    gz = sum(len(gzip.compress(f.read_bytes(), 6, mtime=0)) for f in files)
    return raw, gz


def test_gym_javascript_is_at_most_25_kb_gzipped():
    raw, gz = gym_js_bytes(GYM_JS)
    assert gz <= LIMIT_GZIP, f"{gz / 1024:.1f} KB gzipped ({raw / 1024:.1f} KB raw)"


def test_the_size_check_catches_a_heavy_file(tmp_path):
    for f in GYM_JS.glob("*.js"):
        (tmp_path / f.name).write_bytes(f.read_bytes())
    import random
    rng = random.Random(1)
    (tmp_path / "heavy.js").write_text("var x = " + repr([rng.random() for _ in range(3000)]) + ";")
    assert gym_js_bytes(tmp_path)[1] > LIMIT_GZIP


def test_drill_pages_first_visit_under_120_kb():
    for name in ("gym/eq.html", "gym/levels.html", "gym/space.html", "gym/index.html"):
        w = page_weight.weigh(site() / name, site())
        assert w.first_visit < page_weight.LIMIT_BYTES, f"{name}: {w.first_visit / 1024:.1f} KB"
        assert w.files >= 5
