"""tests/gym: the listening gym's clip drills, ABX and links (this folder on sys.path)."""

import sys
from pathlib import Path

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:
    sys.path.insert(0, HERE)
