# A project whose output changes with every build (for tests/site/test_reproducible.py).
import time

project = "Unreproducible"
extensions = []
html_theme = "basic"
rst_epilog = f".. |stamp| replace:: {time.time_ns()}"
