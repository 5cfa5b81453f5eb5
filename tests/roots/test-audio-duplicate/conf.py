# A broken project for ext/audio/: two documents use the same audio-example id. Seven
# documents, so that `-j 2` reads them in two worker processes (Sphinx reads in parallel from
# six documents on) and the two examples are merged from different processes.

# tests/conftest.py puts the repository and its ext/ folder on sys.path.

extensions = ["audio"]
root_doc = "index"
exclude_patterns = ["_build"]


def _note_chunk(app, env, docnames, other):
    """For the test: the documents of each worker process, as they are merged."""
    env.test_merged_chunks = [*getattr(env, "test_merged_chunks", []), sorted(docnames)]


def setup(app):
    app.connect("env-merge-info", _note_chunk)
