"""A static server for tests that serves a folder under a base path the way GitHub Pages does."""

from __future__ import annotations

import http.server
import sys
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

# GitHub Pages' types for what a site may hold; text is always UTF-8 here.
CONTENT_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".json": "application/json; charset=utf-8",
    ".xml": "application/xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".rss": "application/rss+xml; charset=utf-8",
    ".svg": "image/svg+xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    # No registered type; shown as text rather than downloaded.
    ".bib": "text/plain; charset=utf-8",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".webp": "image/webp",
    ".avif": "image/avif",
    ".ico": "image/x-icon",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".pdf": "application/pdf",
    ".wasm": "application/wasm",
}
DEFAULT_TYPE = "application/octet-stream"
PLAIN_404 = b"404 Not Found\n"


def content_type(path: Path) -> str:
    return CONTENT_TYPES.get(path.suffix.lower(), DEFAULT_TYPE)


@dataclass(frozen=True)
class Answer:
    """What the server answers for one URL path."""

    status: int
    """200, 301 or 404."""
    file: Path | None = None
    """The file sent as the body: the page, the site's 404.html, or None (plain 404, redirect)."""
    location: str | None = None
    """Where a 301 points (a path)."""


class PagesServer:
    """Serve `root` at http://127.0.0.1:PORT/BASE/ from a background thread.

    Like GitHub Pages: `/REPO` and `/REPO/dir` redirect (301) to the path with a trailing slash,
    a folder serves its index.html, `/REPO/page` serves page.html, a missing path inside the base
    serves the site's 404.html with status 404, a path outside the base is a plain 404.
    """

    def __init__(self, root: Path, base: str = "/") -> None:
        if not (base.startswith("/") and base.endswith("/")):
            raise ValueError(f"base must start and end with '/': {base!r}")
        self.root = Path(root).resolve()
        self.base = base
        self._httpd: http.server.ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- the mapping, also used by tests to check link targets without a request --

    def answer(self, url: str) -> Answer:
        """What a GET of `url` (a path, or an absolute URL whose path is used) answers."""
        path = unquote(urlsplit(url).path)
        if path == self.base.rstrip("/") and path:
            return Answer(301, location=self.base)
        if not path.startswith(self.base) or "\x00" in path:
            return Answer(404)
        parts = [p for p in path[len(self.base):].split("/") if p not in ("", ".")]
        if ".." in parts or any("\\" in p for p in parts):
            return self._missing()
        target = self.root.joinpath(*parts)
        try:
            target.resolve().relative_to(self.root)
        except ValueError:
            return self._missing()
        if target.is_dir():
            if not path.endswith("/"):
                return Answer(301, location=path + "/")
            index = target / "index.html"
            return Answer(200, index) if index.is_file() else self._missing()
        if target.is_file() and not path.endswith("/"):
            return Answer(200, target)
        if parts and not path.endswith("/"):
            page = target.with_name(target.name + ".html")
            if page.is_file():
                return Answer(200, page)
        return self._missing()

    def final(self, url: str, hops: int = 5) -> Answer:
        """`answer`, following redirects."""
        result = self.answer(url)
        while result.status == 301 and hops > 0:
            result = self.answer(result.location)
            hops -= 1
        return result

    def _missing(self) -> Answer:
        page = self.root / "404.html"
        return Answer(404, page if page.is_file() else None)

    # -- the server --

    @property
    def origin(self) -> str:
        if self._httpd is None:
            raise RuntimeError("server not started")
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def url(self, rel: str = "") -> str:
        """Absolute URL of `rel` under the base path."""
        return self.origin + self.base + rel.lstrip("/")

    def start(self) -> PagesServer:
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                self._send(body=True)

            def do_HEAD(self) -> None:
                self._send(body=False)

            def _send(self, body: bool) -> None:
                result = server.answer(self.path)
                if result.status == 301:
                    query = urlsplit(self.path).query
                    self.send_response(301)
                    self.send_header("Location", result.location + (f"?{query}" if query else ""))
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if result.file is None:
                    data, ctype = PLAIN_404, "text/plain; charset=utf-8"
                else:
                    data, ctype = result.file.read_bytes(), content_type(result.file)
                self.send_response(result.status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(data)))
                self.send_header("Cache-Control", "no-store")
                self.end_headers()
                if body:
                    self.wfile.write(data)

            def log_message(self, format: str, *args) -> None:  # noqa: A002 - the base class's name
                pass

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True

            def handle_error(self, request, client_address) -> None:
                # A browser that drops a kept-alive connection is not an error worth a traceback.
                if not isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
                    super().handle_error(request, client_address)

        self._httpd = Server(("127.0.0.1", 0), Handler)
        self._thread = threading.Thread(target=self._httpd.serve_forever, name="pages-server", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd is not None:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._thread.join(timeout=5)
            self._httpd = self._thread = None

    def __enter__(self) -> PagesServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
