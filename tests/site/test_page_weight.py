"""Page weight: a first visit to any lesson page transfers under 120 KB compressed, audio
excluded; every image has a size and loads lazily. (That audio never preloads is
tests/site/test_offline.py's check, and tests/site/test_privacy.py's in the browser.)

tools/page_weight.py measures (and tools/bench.py prints the table, heaviest first). The
search page is exempt from the limit: its weight is the search index, which it alone loads.
"""

import os

import page_weight
import pytest

EXEMPT = {"search.html"}


@pytest.fixture(scope="module")
def weights(course):
    return page_weight.weigh_site(course.html)


def test_every_page_weighed(course, weights):
    assert len(weights) == len(list(course.html.rglob("*.html")))
    assert all(w.first_visit > 5000 for w in weights)  # HTML + CSS + JS, at least


def test_first_visit_under_120_kb(weights):
    over = [f"{w.page}: {w.first_visit / 1024:.1f} KB" for w in weights
            if w.first_visit > page_weight.LIMIT_BYTES and w.page not in EXEMPT]
    assert not over, over


def test_images_are_sized_and_lazy(weights):
    bad = [f"{w.page}: {w.eager_images} eager, {w.unsized_images} unsized" for w in weights
           if w.eager_images or w.unsized_images]
    assert not bad, bad


def test_weight_check_catches_a_heavy_page(tmp_path):
    (tmp_path / "_static").mkdir()
    (tmp_path / "_static" / "big.js").write_bytes(os.urandom(130 * 1024))  # incompressible
    (tmp_path / "page.html").write_text('<html><body><script src="_static/big.js"></script>'
                                        '<img src="x.svg"></body></html>')
    (tmp_path / "x.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    (w,) = page_weight.weigh_site(tmp_path)
    assert w.first_visit > page_weight.LIMIT_BYTES
    assert w.eager_images == 1 and w.unsized_images == 1
