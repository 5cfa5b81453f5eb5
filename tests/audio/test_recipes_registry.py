"""The recipe and figure registries: registration, lookup, parameter binding, validation."""

import sys

import numpy as np
import pytest

import soundlib.recipes as recipes
from soundlib import SR
from soundlib.recipes import Registry, hash_sources


@pytest.fixture
def registry(monkeypatch):
    """A fresh recipe registry swapped in for the global one (nothing leaks)."""
    reg = Registry("recipe", "soundlib.recipes")
    reg._loaded = True  # do not import the real recipe modules
    monkeypatch.setattr(recipes, "_registry", reg)
    return reg


def test_demo_recipes_render():
    import soundlib.recipes.demo  # noqa: F401  (registers the demo recipes)

    audio, sr = recipes.render("demo-beating", {"f1": 440, "f2": 443, "seconds": 1.0})
    assert sr == SR and audio.dtype == np.float64 and audio.shape == (SR,)
    audio, sr = recipes.render("demo-noise-burst", {"count": 2, "seconds": 0.2, "gap": 0.1})
    assert audio.shape == (int(0.5 * SR), 2)
    assert not np.array_equal(audio[:, 0], audio[:, 1])
    assert recipes.get_recipe("demo-sine") is soundlib.recipes.demo.demo_sine


def test_duplicate_name_names_both_functions(registry):
    @registry.register("tone")
    def first():
        return np.zeros(10)

    with pytest.raises(ValueError) as exc:
        @registry.register("tone")
        def second():
            return np.zeros(10)
    assert "first" in str(exc.value) and "second" in str(exc.value) and "tone" in str(exc.value)


def test_unknown_recipe_suggests_close_matches(registry):
    registry.register("pink-noise")(lambda: np.zeros(10))
    with pytest.raises(KeyError, match="pink-noise"):
        recipes.get_recipe("pinknoise")
    with pytest.raises(KeyError, match="unknown recipe 'zzz'"):
        recipes.render("zzz", {})


def test_bad_parameters_raise_clear_type_errors(registry):
    @registry.register("tone")
    def tone(freq, seconds: float = 1.0):
        return np.zeros(int(seconds * SR))

    with pytest.raises(TypeError) as exc:
        recipes.render("tone", {"freq": 440, "secnds": 2})
    msg = str(exc.value)
    assert "'tone'" in msg and "'secnds'" in msg and "seconds" in msg and "freq" in msg
    with pytest.raises(TypeError, match="needs the parameter 'freq', which has no default"):
        recipes.render("tone", {"seconds": 2})


def test_render_normalizes_and_validates_output(registry):
    registry.register("list")(lambda: [0.0, 0.5, -0.5])
    registry.register("other-rate")(lambda: (np.zeros(100, dtype=np.float32), 44100))
    registry.register("column")(lambda: np.zeros((5, 1)))
    registry.register("nan")(lambda: np.array([0.0, np.nan]))
    registry.register("transposed")(lambda: np.zeros((2, 100)))
    registry.register("empty")(lambda: np.zeros(0))
    registry.register("text")(lambda: "sine")
    registry.register("bad-rate")(lambda: (np.zeros(10), 0))

    a, sr = recipes.render("list", {})
    assert a.dtype == np.float64 and sr == SR and list(a) == [0.0, 0.5, -0.5]
    a, sr = recipes.render("other-rate", None)
    assert a.dtype == np.float64 and sr == 44100
    assert recipes.render("column", {})[0].shape == (5,)
    with pytest.raises(ValueError, match="NaN"):
        recipes.render("nan", {})
    with pytest.raises(ValueError, match="transposed"):
        recipes.render("transposed", {})
    with pytest.raises(ValueError, match="no samples"):
        recipes.render("empty", {})
    with pytest.raises(TypeError):
        recipes.render("text", {})
    with pytest.raises(TypeError, match="sample rate"):
        recipes.render("bad-rate", {})


def test_load_all_imports_every_module_once(tmp_path, monkeypatch):
    pkg = tmp_path / "fakerecipes"
    pkg.mkdir()
    (pkg / "__init__.py").write_text(
        "from soundlib.recipes import Registry\nREG = Registry('recipe', 'fakerecipes')\n"
        "IMPORTS = []\n"
    )
    for mod in ("m01", "m02"):
        (pkg / f"{mod}.py").write_text(
            "from fakerecipes import REG, IMPORTS\n"
            f"IMPORTS.append({mod!r})\n"
            f"@REG.register('{mod}-tone')\ndef tone():\n    return [0.0]\n"
        )
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        import fakerecipes

        assert fakerecipes.REG.all() == {
            "m01-tone": sys.modules["fakerecipes.m01"].tone,
            "m02-tone": sys.modules["fakerecipes.m02"].tone,
        }
        fakerecipes.REG.load_all()
        assert fakerecipes.IMPORTS == ["m01", "m02"]
        # a lookup of an unknown name loads everything first, then explains
        with pytest.raises(KeyError, match="m01-tone"):
            fakerecipes.REG.get("m01-tones")
    finally:
        for name in [m for m in sys.modules if m.startswith("fakerecipes")]:
            del sys.modules[name]


def test_source_hash_tracks_every_python_file(tmp_path):
    h = recipes.source_hash()
    assert len(h) == 64 and h == recipes.source_hash()
    root = tmp_path / "lib"
    (root / "sub").mkdir(parents=True)
    (root / "a.py").write_text("x = 1\n")
    (root / "notes.txt").write_text("ignored")
    first = hash_sources(root)
    (root / "notes.txt").write_text("still ignored")
    assert hash_sources(root) == first
    (root / "sub" / "b.py").write_text("y = 2\n")
    second = hash_sources(root)
    assert second != first
    (root / "sub" / "b.py").write_text("y = 3\n")
    assert hash_sources(root) != second
    (root / "sub" / "b.py").rename(root / "sub" / "c.py")
    assert hash_sources(root) not in (first, second)


def test_figure_registry(monkeypatch):
    import matplotlib
    from matplotlib.figure import Figure

    import figures

    assert matplotlib.get_backend().lower() == "agg"
    reg = Registry("figure", "figures")
    reg._loaded = True
    monkeypatch.setattr(figures, "_registry", reg)

    @reg.register("line")
    def line(slope: float = 1.0):
        fig = Figure()
        fig.add_subplot().plot([0, 1], [0, slope])
        return fig

    reg.register("not-a-figure")(lambda: None)
    fig = figures.render("line", {"slope": 2.0})
    assert isinstance(fig, Figure)
    with pytest.raises(TypeError, match="figure 'line'.*'slop'"):
        figures.render("line", {"slop": 2})
    with pytest.raises(TypeError, match="Figure"):
        figures.render("not-a-figure", {})
    assert len(figures.source_hash()) == 64 and figures.source_hash() != recipes.source_hash()
