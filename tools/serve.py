"""Serve a built site the way production should: strict CSP, gzip, correct types.

    python tools/serve.py [_build/html] [--port 8000]

The tests and the benchmark use the same server, so what they measure is what a reader gets
from a well-configured host. The headers are the ones ``docs/about.rst`` tells a host to send:

* ``Content-Security-Policy``: everything from the site's own origin only. ``data:`` is
  allowed for images because the theme's stylesheet draws its admonition icons as inline SVG
  data URLs; a data URL is not another origin and cannot carry script.
* ``Referrer-Policy: no-referrer``, ``X-Content-Type-Options: nosniff``.
* gzip for text (HTML, CSS, JS, SVG, JSON), never for audio, ZIP, PDF or EPUB.
* ``Range`` requests for media, so a browser can seek in an audio example.
"""

from __future__ import annotations

import argparse
import gzip
import http.server
import mimetypes
import os
import threading
from functools import lru_cache, partial
from pathlib import Path

CSP = "; ".join([
    "default-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])
HEADERS = {
    "Content-Security-Policy": CSP,
    "Referrer-Policy": "no-referrer",
    "X-Content-Type-Options": "nosniff",
}
COMPRESSIBLE = {".html", ".css", ".js", ".svg", ".json", ".txt", ".xml", ".inv"}
TYPES = {
    ".mp3": "audio/mpeg", ".wav": "audio/wav", ".svg": "image/svg+xml", ".js": "text/javascript",
    ".epub": "application/epub+zip", ".inv": "application/octet-stream", ".zip": "application/zip",
}


@lru_cache(maxsize=4096)
def _gzipped(path: str, mtime: float) -> bytes:
    # mtime is part of the cache key so that a rebuilt file is compressed again.
    with open(path, "rb") as f:
        return gzip.compress(f.read(), compresslevel=6, mtime=0)


class Handler(http.server.SimpleHTTPRequestHandler):
    server_version = "course-serve"
    sys_version = ""

    def log_message(self, format, *args):  # quiet; the tests record requests in the browser
        if os.environ.get("COURSE_SERVE_LOG"):
            super().log_message(format, *args)

    def end_headers(self):
        for name, value in HEADERS.items():
            self.send_header(name, value)
        super().end_headers()

    def guess_type(self, path):
        return TYPES.get(Path(path).suffix.lower()) or mimetypes.guess_type(path)[0] or "application/octet-stream"

    def do_GET(self):
        path = self.translate_path(self.path)
        if os.path.isdir(path):
            index = os.path.join(path, "index.html")
            if not self.path.split("?")[0].endswith("/"):
                return super().do_GET()  # SimpleHTTPRequestHandler redirects to the slash form
            path = index
        if not os.path.isfile(path):
            return self.send_error(404, "Not found")
        suffix = Path(path).suffix.lower()
        ctype = self.guess_type(path)
        if suffix in {".html", ".css", ".js", ".svg"} and not ctype.endswith("charset=utf-8"):
            ctype += "; charset=utf-8"
        gz = suffix in COMPRESSIBLE and "gzip" in self.headers.get("Accept-Encoding", "")
        if gz:
            body = _gzipped(path, os.path.getmtime(path))
            return self._send(200, ctype, body, {"Content-Encoding": "gzip", "Vary": "Accept-Encoding"})
        size = os.path.getsize(path)
        rng = self.headers.get("Range", "")
        if rng.startswith("bytes=") and "," not in rng:
            start_s, _, end_s = rng[6:].partition("-")
            try:
                if start_s:
                    start, end = int(start_s), int(end_s) if end_s else size - 1
                else:
                    start, end = max(0, size - int(end_s)), size - 1
            except ValueError:
                start, end = 0, -1
            if 0 <= start <= end < size or (start < size and end >= size):
                end = min(end, size - 1)
                with open(path, "rb") as f:
                    f.seek(start)
                    body = f.read(end - start + 1)
                return self._send(206, ctype, body, {"Content-Range": f"bytes {start}-{end}/{size}",
                                                      "Accept-Ranges": "bytes"})
            self.send_response(416)
            self.send_header("Content-Range", f"bytes */{size}")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return None
        with open(path, "rb") as f:
            body = f.read()
        return self._send(200, ctype, body, {"Accept-Ranges": "bytes"})

    def _send(self, status, ctype, body, extra):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        for name, value in extra.items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def do_HEAD(self):
        return self.do_GET()


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True


def start(root: Path, port: int = 0, host: str = "127.0.0.1") -> tuple[Server, str]:
    """Serve ``root`` in a background thread; return the server and its base URL (with /)."""
    server = Server((host, port), partial(Handler, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://{host}:{server.server_address[1]}/"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("root", nargs="?", default="_build/html")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--host", default="127.0.0.1")
    args = parser.parse_args()
    server = Server((args.host, args.port), partial(Handler, directory=args.root))
    print(f"Serving {args.root} at http://{args.host}:{args.port}/ with a strict CSP (Ctrl-C stops)")
    os.environ.setdefault("COURSE_SERVE_LOG", "1")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
