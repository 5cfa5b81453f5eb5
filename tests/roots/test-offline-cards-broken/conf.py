# Bad module cards (ext/offline/cards.py): a module without a time estimate, a number with
# no module folder, a malformed line, a module without an icon. Each is an error at its line.
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[3]
for _path in (REPO, REPO / "ext"):
    if str(_path) not in sys.path:
        sys.path.insert(0, str(_path))

project = "Broken cards"
extensions = ["sphinx_design", "offline"]
root_doc = "index"
exclude_patterns = ["_build"]
