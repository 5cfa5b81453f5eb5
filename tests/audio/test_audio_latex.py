"""ext/audio/: LaTeX (plots, captions, URLs), EPUB and the builders without visitors."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from audio.collector import find_example
from audio.plots import ensure_plot
from audio.render import build_report
from sphinx_project import build, copy_root, warnings

BASEURL = "https://course.example.org/en/"


def test_latex_figure_with_plot_caption_and_url(audio_html):
    src = Path(audio_html.srcdir)
    app = build(src, "latex", html_baseurl=BASEURL)
    assert app.statuscode == 0, warnings(app)
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    rec = find_example(app.env, "demo-sine-a")
    plot = f"audio-demo-sine-a-{rec.key[:8]}-waveform"
    assert f"\\sphinxincludegraphics[width=0.92\\linewidth]{{{{{plot}}}.pdf}}" in tex
    pdf = Path(app.outdir) / f"{plot}.pdf"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    block = tex[tex.index(plot) - 300:tex.index(plot) + 900]
    assert "\\begin{figure}" in block
    assert "\\sphinxstylestrong{Audio 1.} Listen for a \\sphinxstyleemphasis{pure} tone" in block
    assert "A steady tone at 440 Hz for one second." in block
    assert "LUFS" in block
    url = BASEURL + rec.file
    assert "\\sphinxurl{" + url.replace("_", "\\_") + "}" in block
    # each example has its chosen plot; the pair is one figure of two minipages
    for ident, kind in [("demo-noise-a", "spectrogram"), ("m03-first", "spectrum")]:
        key = find_example(app.env, ident).key[:8]
        assert (Path(app.outdir) / f"audio-{ident}-{key}-{kind}.pdf").is_file()
    assert tex.count("\\begin{minipage}[t]{0.48\\linewidth}") == 2
    # a second LaTeX build makes no plot
    again = build(src, "latex", html_baseurl=BASEURL)
    assert build_report(again).plots == []


def test_latex_without_baseurl_has_no_url(tmp_path, audio_cache):
    app = build(copy_root(tmp_path, "audio"), "latex", audio_cache_dir=str(audio_cache))
    tex = next(Path(app.outdir).glob("*.tex")).read_text(encoding="utf-8")
    assert "\\sphinxincludegraphics" in tex and "Listen online" not in tex
    assert build_report(app).generated == []      # shared cache: nothing to render


def test_plots_are_deterministic(tmp_path, audio_html):
    from dataclasses import replace

    rec = replace(find_example(audio_html.env, "m03-before"), plot="spectrogram")
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    assert ensure_plot(rec, a).read_bytes() == ensure_plot(rec, b).read_bytes()


def test_epub_lists_audio_in_manifest(tmp_path, audio_cache):
    app = build(copy_root(tmp_path, "audio"), "epub", audio_cache_dir=str(audio_cache),
                version="1", copyright="2026, test")
    assert "unknown mimetype" not in warnings(app)
    opf = (Path(app.outdir) / "content.opf").read_text(encoding="utf-8")
    examples = app.env.course_audio.all_examples()
    assert any(rec.lossless for rec in examples) and any(not rec.lossless for rec in examples)
    for rec in examples:
        if rec.lossless:  # WAV is no EPUB core media type: not in the book, linked online
            assert rec.file not in opf
            assert not (Path(app.outdir) / rec.file).exists()
        else:
            assert f'href="{rec.file}" media-type="audio/mpeg"' in opf
    pages = "".join(p.read_text(encoding="utf-8") for p in Path(app.outdir).rglob("*.xhtml"))
    assert "e-book readers cannot play" in pages
    assert ".wav" not in pages
    assert not re.search(r'<a [^>]*href="[^"]*\.mp3"', pages)  # no hyperlink to an audio file
    assert zipfile.is_zipfile(next(Path(app.outdir).glob("*.epub")))


def test_text_builder_gets_plain_paragraphs(tmp_path, audio_cache):
    app = build(copy_root(tmp_path, "audio"), "text", audio_cache_dir=str(audio_cache),
                html_baseurl="https://x.example/")
    assert app.statuscode == 0, warnings(app)
    text = (Path(app.outdir) / "modules/03-demo/lesson.txt").read_text(encoding="utf-8")
    assert "Before (Audio 3.2)." in text
    assert "Description: Two tones beating three times a second." in text
    assert "Listen: https://x.example/_audio/m03-before-" in text
