"""The downloadable multitrack practice session: stems, a rough mix, a README, one ZIP.

``build_practice_session(outdir)`` renders :func:`soundlib.music.song_stems`, writes every
stem and a rough mix as 48 kHz, 24-bit WAV files with a README, and packs them into a ZIP
that is byte-for-byte reproducible: entries in sorted order, every timestamp set to
1980-01-01 00:00:00 (the earliest date a ZIP can store), fixed permissions, DEFLATE at a
fixed level. Two builds with the same arguments give identical files, so the ZIP can be
cached, checksummed and diffed.
"""

from __future__ import annotations

import pathlib
import re
import textwrap
import zipfile

from soundlib import SR, music
from soundlib import io as sio
from soundlib.dsp import peak_dbfs

__all__ = ["build_practice_session", "session_name", "readme_text"]

_ZIP_DATE = (1980, 1, 1, 0, 0, 0)

_CC0 = (
    "To the extent possible under law, the authors have waived all copyright and related "
    "or neighboring rights to this work."
)

# suggested starting points for each stem, as a mix engineer would jot them down
_TIPS = {
    "kick": "Set the kick and bass balance first. Try a 2-3 dB boost near 60 Hz and "
            "compression at 4:1 with a 20-30 ms attack so the click survives.",
    "snare": "Fast compression (3-5 ms attack) for a steadier backbeat; body at 200 Hz, "
             "crack at 5 kHz; a short plate or room reverb send.",
    "hats": "High-pass around 300-500 Hz; pan a little off center; keep them well below "
            "the snare.",
    "bass": "Mono and centered. High-pass at 30 Hz; 3:1 compression for even notes; try "
            "2-4 dB of sidechain ducking from the kick.",
    "pad": "Stereo. High-pass at 150-200 Hz to leave room for the bass; keep it behind "
           "everything; try widening it.",
    "lead": "Enters in the second half. A dotted-eighth echo ({dotted:.0f} ms at this tempo) "
            "and a touch of reverb; a presence lift around 2-3 kHz.",
    "vox": "Treat it like a backing vocal: 3:1 compression, a high-pass at 120 Hz, more "
           "reverb than the lead, panned opposite the lead.",
}


def session_name(bars=16, bpm=96, seed=0):
    """Folder and ZIP base name, e.g. ``practice-session-96bpm-16bars-seed0``."""
    return f"practice-session-{bpm:g}bpm-{bars}bars-seed{seed}"


def readme_text(stems, bars, bpm, key, files):
    """The README.txt of the session (plain text, 80 columns)."""
    seconds = bars * 240.0 / bpm
    dotted = 0.75 * 60000.0 / bpm
    lines = [
        "Practice multitrack session - Open Audio Production Course",
        "=" * 58,
        "",
        f"Tempo:   {bpm:g} BPM, 4/4 (one bar = {240.0 / bpm:.3f} s)",
        f"Key:     {key}; chords {' - '.join(_chord_names(key))}, one per bar",
        f"Length:  {bars} bars = {seconds:.2f} s",
        f"Format:  WAV, {SR} Hz, 24-bit PCM; every file starts at bar 1, beat 1,",
        "         and all files have the same length: import them at the session",
        "         start and they line up sample-accurately.",
        "",
        "Everything here was synthesized by the course's sound library (no samples,",
        "no recordings). Stems are dry unless noted and peak between -6 and -10",
        "dBFS, as carefully tracked audio would, so there is headroom to work with.",
        "",
        "Files",
        "-----",
    ]
    for fname, name in files:
        if name is None:
            lines.append(f"{fname}")
            lines.extend(_wrap("A static reference balance (levels, pans, one echo and one "
                               "reverb; no EQ or compression), peak -2 dBFS. Try to beat "
                               "it."))
            continue
        x = stems[name]
        kind = "stereo" if x.ndim == 2 else "mono"
        lines.append(f"{fname}  ({kind}, peak {peak_dbfs(x):.1f} dBFS)")
        desc = music.STEM_NOTES[name][1]
        lines.extend(_wrap(desc[:1].upper() + desc[1:] + "."))
        tip = _TIPS.get(name)
        if tip:
            lines.extend(_wrap("Start: " + tip.format(dotted=dotted)))
        lines.append("")
    lines += [
        "",
        "Licence",
        "-------",
        "CC0 1.0 Universal (public domain dedication).",
        *_wrap(_CC0, indent=""),
        "https://creativecommons.org/publicdomain/zero/1.0/",
        "",
    ]
    return "\n".join(lines)


def _wrap(text, indent="    ", width=80):
    """Wrap to ``width`` columns without separating a number from its unit."""
    glued = re.sub(r"(\d) (Hz|kHz|ms|dB|dBFS|BPM|s)\b", "\\1\0\\2", text)
    lines = textwrap.wrap(glued, width=width, initial_indent=indent, subsequent_indent=indent)
    return [line.replace("\0", " ") for line in lines]


def _chord_names(key):
    names = ["C", "C#", "D", "Eb", "E", "F", "F#", "G", "Ab", "A", "Bb", "B"]
    return [names[pc] + ("m" if q == "min" else "") for pc, q in music.progression(key)]


def build_practice_session(outdir, bars=16, bpm=96, seed=0, *, key="A minor"):
    """Write the practice multitrack session into ``outdir`` and return the ZIP's path.

    Creates ``outdir/<name>/`` holding ``01-kick.wav`` ... ``07-vox.wav`` (one file per stem
    of :func:`soundlib.music.song_stems`, in mix order), ``08-rough-mix.wav`` (from
    :func:`soundlib.music.rough_mix`) and ``README.txt``, and ``outdir/<name>.zip`` with the
    same files under ``<name>/``; ``<name>`` is :func:`session_name`. WAVs are 48 kHz
    24-bit (``soundlib.io.write_wav``, no dither, so reproducible). Defaults: 16 bars at
    96 BPM in A minor (40 s). The ZIP is deterministic (see the module docstring).
    """
    outdir = pathlib.Path(outdir)
    name = session_name(bars, bpm, seed)
    folder = outdir / name
    folder.mkdir(parents=True, exist_ok=True)
    stems = music.song_stems(bars=bars, bpm=bpm, seed=seed, key=key)
    mix = music.rough_mix(stems, bpm=bpm)
    files = []
    for i, (stem, x) in enumerate(stems.items(), start=1):
        if peak_dbfs(x) > -1.0:
            raise ValueError(f"stem {stem!r} peaks above -1 dBFS")
        fname = f"{i:02d}-{stem}.wav"
        sio.write_wav(folder / fname, x, SR, bits=24)
        files.append((fname, stem))
    fname = f"{len(stems) + 1:02d}-rough-mix.wav"
    sio.write_wav(folder / fname, mix, SR, bits=24)
    files.append((fname, None))
    readme = readme_text(stems, bars, bpm, key, files)
    (folder / "README.txt").write_bytes(readme.encode("utf-8"))

    zpath = outdir / f"{name}.zip"
    entries = sorted([f for f, _ in files] + ["README.txt"])
    with zipfile.ZipFile(zpath, "w") as zf:
        for fname in entries:
            info = zipfile.ZipInfo(f"{name}/{fname}", date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever machine builds it
            info.external_attr = 0o644 << 16
            zf.writestr(info, (folder / fname).read_bytes(), compresslevel=6)
    return zpath
