"""Measurements of the interactive parts (gym, labs, A/B player, progress, offline site).

Each module here measures one part of a built site and prints its lines. It defines
``report(site: Path) -> None``; ``tools/bench.py`` runs every module in name order after the
page weights (``python tools/bench.py --parts-only [_build/html]`` runs just these). Keep each
module small and free of side effects outside a temporary folder.
"""

from __future__ import annotations

import importlib
import pkgutil
from pathlib import Path


def report_all(site: Path) -> None:
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.report(site)
