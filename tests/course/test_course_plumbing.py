"""ext/course/: reading order and per-module numbering (no Sphinx build needed)."""

from __future__ import annotations

from types import SimpleNamespace

from course.modules import group_prefix, module_number, number_items, numbering_group
from course.order import doc_key, doc_order


def fake_env(toctrees: dict[str, list[str]], docs: set[str]):
    return SimpleNamespace(config=SimpleNamespace(root_doc="index"), toctree_includes=toctrees,
                           all_docs=dict.fromkeys(docs))


def test_reading_order_is_the_toctree_walk_then_the_rest_alphabetically():
    env = fake_env({"index": ["modules/02-b/index", "modules/01-a/index"],
                    "modules/02-b/index": ["modules/02-b/z", "modules/02-b/a"]},
                   {"index", "modules/02-b/index", "modules/02-b/z", "modules/02-b/a",
                    "modules/01-a/index", "orphan-b", "orphan-a"})
    order = doc_order(env)
    assert sorted(order, key=lambda d: doc_key(order, d)) == [
        "index", "modules/02-b/index", "modules/02-b/z", "modules/02-b/a",
        "modules/01-a/index", "orphan-a", "orphan-b"]
    assert doc_key(order, "unknown") == (len(order), "unknown")


def test_module_folders_need_number_hyphen_slug():
    assert module_number("modules/06-mixing/lesson") == 6
    assert numbering_group("modules/06-mixing/lesson") == "modules/06-mixing"
    # without the hyphen it is not a module folder: numbered within the document
    assert module_number("modules/06mixing/lesson") is None
    assert numbering_group("modules/06mixing/lesson") == "modules/06mixing/lesson"
    assert group_prefix("modules/06-mixing") == "6." and group_prefix("faq/index") == ""


def test_numbering_within_module_across_pages_and_within_other_documents():
    order = {"modules/01-a/x": 0, "modules/01-a/w": 1, "other": 2}
    items = [("other", 1), ("modules/01-a/w", 0), ("modules/01-a/x", 1), ("modules/01-a/x", 0),
             ("other", 0)]
    numbering = number_items(items, order)
    assert numbering.labels == {("modules/01-a/x", 0): "1.1", ("modules/01-a/x", 1): "1.2",
                                ("modules/01-a/w", 0): "1.3", ("other", 0): "1", ("other", 1): "2"}
    assert numbering.groups["modules/01-a"][0] == ("modules/01-a/x", 0)


def test_load_once_remembers_a_failed_import():
    from course.tracebacks import load_once

    calls: list[int] = []

    def broken():
        calls.append(1)
        raise ImportError("no module named 'recipes_m99'")

    failures: list[str] = []
    first = load_once(failures, "the recipe modules", broken)
    assert first.startswith("the recipe modules could not be imported: ImportError: no module")
    assert load_once(failures, "the recipe modules", broken) == first
    assert calls == [1]  # not imported again
    assert load_once([], "the figure modules", lambda: None) is None
