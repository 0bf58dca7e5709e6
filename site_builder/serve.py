"""Serve: build, serve output/ with livereload, rebuild what each edit affects, and show a failed edit in the page."""

from __future__ import annotations

import base64
import hashlib
import html
import multiprocessing
import os
import re
import signal
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Callable, TextIO

from livereload import Server
from livereload.handlers import LiveReloadHandler, StaticFileHandler
from livereload.watcher import Watcher
from tornado import web
from tornado.ioloop import IOLoop

from site_builder import search
from site_builder.build import Builder, Project
from site_builder.errors import UserError, display_path, problem
from site_builder.files import replace_dir
from site_builder.staging import SEARCH, Staging, die_with_parent

# livereload polls every 0.8 s; then the edit has this long to settle (an editor may write a
# file in several steps, and a half-written file would flash an error in the browser).
SETTLE_SECONDS = 0.15
SETTLE_LIMIT_SECONDS = 3.0
# Editors' swap, backup and lock files.
IGNORED = re.compile(r"^(\..*|.*~|.*\.sw[a-p]|.*\.tmp|4913|#.*#)$")
ERROR_ID = "site-builder-error"
# The error overlay's look: a <style> the preview's policy allows by its hash (the site's own
# policy allows no inline style, so style="" attributes would be refused).
OVERLAY_CSS = (f"#{ERROR_ID}{{position:fixed;left:0;right:0;top:0;z-index:2147483647;max-height:60vh;overflow:auto;"
               "margin:0;padding:1em 1.25em;background:#fff1f0;color:#8a1010;border-bottom:4px solid #c62828;"
               f"font:15px/1.45 ui-monospace,monospace;text-align:left}}#{ERROR_ID} pre{{white-space:pre-wrap;"
               "margin:.5em 0 0}")
CSP_META = re.compile(rb'(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")')
SCRIPT_TEXT = re.compile(rb"<script[^>]*>(.*?)</script>", re.S)
REVIEW_LANG = re.compile(r"^[a-z]{2}$")


def csp_hash(text: bytes) -> str:
    """A CSP source that allows one inline <script> or <style> whose text is `text`."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(text).digest()).decode("ascii") + "'"


def allow_in_policy(policy: str, extra: dict[str, str]) -> str:
    """`policy` with `extra` sources added to its directives."""
    directives: dict[str, str] = {}
    for part in policy.split(";"):
        name, _, sources = part.strip().partition(" ")
        if name:
            directives[name] = sources
    for name, sources in extra.items():
        directives[name] = f"{directives[name]} {sources}" if directives.get(name) else sources
    return "; ".join(f"{name} {sources}" for name, sources in directives.items())


# A file modified this recently may be modified again within the same tick of the file system's
# clock, keeping its time stamp and size ("racy" in git's words): its contents are compared too.
RACY_NS = 2_000_000_000
RACY_MAX_BYTES = 4_000_000

Stamp = tuple[int, int, int, "bytes | None"]


def snapshot(roots: tuple[Path, ...]) -> dict[str, Stamp]:
    """(mtime, size, inode, digest of a recently modified file) of every file under `roots` (files
    or folders) but editors' temporary ones."""
    found: dict[str, Stamp] = {}
    now = time.time_ns()

    def add(path: str) -> None:
        try:
            st = os.stat(path)
            digest = None
            if now - st.st_mtime_ns < RACY_NS and st.st_size <= RACY_MAX_BYTES:
                with open(path, "rb") as f:
                    digest = hashlib.blake2b(f.read(), digest_size=16).digest()
        except OSError:  # removed while we looked
            return
        found[path] = (st.st_mtime_ns, st.st_size, st.st_ino, digest)

    def walk(folder: str) -> None:
        # os.scandir and strings: this runs every 0.8 s over every watched file (20,000 for 10,000 documents).
        try:
            entries = list(os.scandir(folder))
        except OSError:
            return
        for entry in entries:
            if IGNORED.match(entry.name):
                continue
            if entry.is_dir(follow_symlinks=True):
                walk(entry.path)
            else:
                add(entry.path)

    for root in roots:
        if root.is_dir():
            walk(str(root))
        else:
            add(str(root))
    return found


def differences(before: dict[str, Stamp], after: dict[str, Stamp]) -> list[str]:
    """Paths whose file came, went or changed; contents count where both snapshots have them."""
    def same(a: Stamp | None, b: Stamp | None) -> bool:
        if a is None or b is None:
            return a is b
        return a[:3] == b[:3] and (a[3] is None or b[3] is None or a[3] == b[3])

    return [p for p in sorted(before.keys() | after.keys()) if not same(before.get(p), after.get(p))]


class ChangeWatcher(Watcher):
    """livereload's watcher, told to hand every changed path to `on_change` once the edit has settled.

    livereload calls examine() on its IOLoop every 0.8 s; returning no path keeps it from
    sending its own (throttled) reload: `on_change` reloads the browsers when the rebuild is done.
    """

    def __init__(self, roots: tuple[Path, ...], on_change: Callable[[list[Path]], None],
                 on_idle: Callable[[], None] = lambda: None):
        super().__init__()
        self.roots = roots
        self.on_change = on_change
        self.on_idle = on_idle
        self._seen = snapshot(roots)

    def examine(self) -> tuple[str | None, float | None]:
        if self._changes:
            # livereload's start-up message: it would reload, on the first poll (0.8 s after start),
            # any page that connected before it, a page just opened included. Pages open from an
            # earlier run reconnect later than that anyway, so it is dropped.
            self._changes.clear()
            return None, None
        now = snapshot(self.roots)
        if not differences(self._seen, now):
            self._seen = now
            self.on_idle()
            return None, None
        deadline = time.monotonic() + SETTLE_LIMIT_SECONDS
        while time.monotonic() < deadline:
            time.sleep(SETTLE_SECONDS)
            later = snapshot(self.roots)
            if not differences(now, later):
                now = later
                break
            now = later
        changed = [Path(p) for p in differences(self._seen, now)]
        self._seen = now
        self.on_change(changed)
        return None, None


def _index_in_child(site: Any, bundle: Path, messages: IO[bytes], parent: int) -> None:
    """The search bundle of `site` into `bundle`, in a forked process at low priority; its error into `messages`."""
    # Serve killed with kill -9 takes its indexer with it (it holds the staging folder's lock, and
    # Pagefind dies with it in turn): nothing goes on writing into a folder the next build removes.
    die_with_parent(parent)
    os.nice(10)
    try:
        search.write_bundle(search.records(site), bundle)
    except UserError as e:
        messages.write(str(e).encode("utf-8"))
        messages.flush()
        sys.exit(1)


class SearchIndexer:
    """Indexes the site for search in the background, then puts the new index in place in one step.

    Rebuilds only mark the index stale; one indexer runs at a time, at low priority, and
    a stale mark made while it runs starts another when it ends. It is a forked process: it has
    the site as it was built, and makes the records and the bundle away from the server's loop.
    It writes into a locked staging folder beside the output (`.<output>-search-XXXX/`, see
    staging.py): one a serve killed with kill -9 left is removed by the next build or serve.
    """

    def __init__(self, output: Path, log: Callable[[str], None], site: Callable[[], Any] = lambda: None):
        self.output = output
        self.log = log
        self.site = site
        """The Site of the last good build (None before one): what the index is made of."""
        self._process: multiprocessing.process.BaseProcess | None = None
        self._staging: Staging | None = None
        self._messages: IO[bytes] | None = None
        self._stale = False

    def request(self) -> None:
        self._stale = True
        self.poll()

    def poll(self) -> None:
        if self._process is not None:
            if self._process.is_alive():
                return
            self._finish()
        site = self.site() if self._stale and self.output.is_dir() else None
        if site is not None:
            self._stale = False
            try:
                # Also removes the staging folders of builds and serves that were killed.
                self._staging = Staging.create(self.output, SEARCH)
            except OSError as e:
                self.log(f"warning: search index not updated (cannot write beside the output: {e.strerror or e})")
                return
            self._messages = tempfile.TemporaryFile()
            self._process = multiprocessing.get_context("fork").Process(
                target=_index_in_child, args=(site, self._staging.site, self._messages, os.getpid()), daemon=True)
            self._process.start()

    def _finish(self) -> None:
        assert self._process is not None and self._staging is not None and self._messages is not None
        self._process.join()
        code, staging = self._process.exitcode, self._staging
        self._messages.seek(0)
        err = self._messages.read()
        self._messages.close()
        self._messages = None
        self._process, self._staging = None, None
        try:
            if code == 0 and (staging.site / "pagefind.js").exists() and self.output.is_dir():
                try:
                    # Exchanged in one step where the system can: the old index ends in the staging folder.
                    replace_dir(staging.site, self.output / search.BUNDLE)
                except OSError as e:
                    self.log(f"warning: search index not updated ({e.strerror or e})")
            elif not self._stale:  # (when stale, the output changed under it: the next run will do)
                detail = err.decode("utf-8", "replace").strip().splitlines()
                self.log(f"warning: search index not updated ({detail[-1] if detail else 'Pagefind failed'})")
        finally:
            staging.close()

    def stop(self) -> None:
        if self._process is not None and self._process.is_alive():
            self._process.terminate()
            self._process.join()
        if self._messages is not None:
            self._messages.close()
        if self._staging is not None:
            self._staging.close()


@dataclass
class Session:
    """What serve knows between edits: the builder, and the error of the last edit, if it failed."""

    project: Project
    out: TextIO = sys.stdout
    err: TextIO = sys.stderr

    def __post_init__(self) -> None:
        self.builder = Builder(self.project, index_search=False)
        self.errors: tuple[str, ...] = ()
        """Lines of the last failed rebuild's error; empty when the output is up to date."""
        self.busy = False
        """A build is running (Ctrl-C interrupts it rather than waiting for it)."""
        self.search = SearchIndexer(self.project.output, self._warn, lambda: self.builder.site)
        from site_builder.content import LoadCache

        self.review_cache = LoadCache()
        """What the editor's desk (/<lang>/_review/) has read: each visit reads only what changed."""
        self._review_env = None

    def review_env(self):
        """The templates' environment for the editor's desk (it reloads a template that changed)."""
        from site_builder import render

        if self._review_env is None:
            self._review_env = render.environment(self.project.templates)
        return self._review_env

    def _warn(self, line: str) -> None:
        print(line, file=self.err, flush=True)

    def _failed(self, e: UserError) -> None:
        self.errors = tuple(str(p) for p in e.problems)
        for line in self.errors:
            print(f"error: {line}", file=self.err, flush=True)
        print("serve: showing the last good build; the next good edit replaces it", file=self.err, flush=True)

    def start(self) -> None:
        t = time.perf_counter()
        try:
            self.busy = True
            result = self.builder.full()
        except UserError as e:
            self._failed(e)
            return
        finally:
            self.busy = False
        for w in result.warnings:
            self._warn(f"warning: {w}")
        print(f"build: {result.pages} pages in {time.perf_counter() - t:.1f} s -> {display_path(self.project.output)}/",
              file=self.out, flush=True)
        self.search.request()

    def changed(self, paths: list[Path]) -> None:
        """Rebuild after `paths` changed (called by the watcher, on the server's loop)."""
        names = ", ".join(display_path(p) for p in paths[:3])
        if len(paths) > 3:
            names += f" and {len(paths) - 3} more"
        print(f"changed: {names}", file=self.out, flush=True)
        t = time.perf_counter()
        try:
            self.busy = True
            update = self.builder.update(paths)
        except UserError as e:
            self._failed(e)
        else:
            for w in update.warnings:
                self._warn(f"warning: {w}")
            fixed, self.errors = bool(self.errors), ()
            if fixed:
                print("serve: fixed", file=self.out, flush=True)
            if not (update.full or update.pages or update.removed or fixed):
                print("no page changed", file=self.out, flush=True)
                return
            what = "everything" if update.full else f"{len(update.pages)} pages"
            print(f"rebuilt {what} in {time.perf_counter() - t:.2f} s", file=self.out, flush=True)
            self.search.request()
        finally:
            self.busy = False
        # Browsers reload now the files are in place (livereload's own reload waits for a quiet spell).
        LiveReloadHandler.reload_waiters()

    def overlay(self) -> bytes:
        """The HTML that shows the last error on top of a served page."""
        lines = "\n".join(html.escape(line) for line in self.errors)
        return (f'<style>{OVERLAY_CSS}</style><div id="{ERROR_ID}" role="alert">'
                '<strong>site-builder: this edit does not build — showing the last good build.</strong>'
                f'<pre>{lines}</pre></div>').encode("utf-8")

    def preview(self, page: bytes, live_script: bytes | None) -> bytes:
        """A built page as the preview serves it: the error on it, if any, and a policy that lets
        livereload's inline script (`live_script`, injected by livereload after this) and the
        overlay's style run — in the preview only; the files on disk keep the site's policy."""
        if self.errors:
            at = page.rfind(b"</body>")
            page = page[:at] + self.overlay() + page[at:] if at >= 0 else page + self.overlay()
        extra = {"style-src": csp_hash(OVERLAY_CSS.encode("utf-8"))}
        found = SCRIPT_TEXT.search(live_script or b"")
        if found:
            extra["script-src"] = csp_hash(found.group(1))

        def allow(m: re.Match) -> bytes:
            policy = html.unescape(m.group(2).decode("utf-8"))
            return m.group(1) + allow_in_policy(policy, extra).encode("utf-8") + m.group(3)

        return CSP_META.sub(allow, page, count=1)


REVIEW_ROUTE = re.compile(r"^(?:(?P<lang>[a-z]{2})/)?_review(?P<slash>/(?:index\.html)?)?$")


def review_page(session: Session, lang: str) -> bytes:
    """The editor's desk in `lang`: what waits for a decision, rendered now from content/ (never written to disk)."""
    from site_builder import config as site_config
    from site_builder import i18n, render
    from site_builder.pages import pick
    from site_builder.review import review

    p = session.project
    cfg = session.builder.config
    if cfg is None:
        try:
            cfg = site_config.load(p.config, p.base_url)
        except UserError:
            cfg = None
    languages = cfg.languages if cfg else i18n.UI_LANGUAGES
    result = review(p.content, p.config, p.seeds, session.review_cache)
    s = i18n.strings(lang)
    groups: dict[str, list[dict]] = {}
    for item in result.items:
        docs = []
        for doc_id in item.documents:
            d = result.entries.get(doc_id)
            title = pick({lang: d.title_translations[lang]} if d and lang in d.title_translations else {}, lang)
            docs.append({"href": f"../documents/{doc_id}/", "title": title["text"] or (d.title if d else doc_id),
                         "title_lang": lang if title["text"] else (d.language if d else lang)})
        where = f"{item.path}:{item.line}" if item.line else item.path
        first = result.entries.get(item.documents[0]) if item.documents else None
        groups.setdefault(item.kind, []).append({"where": where, "message": item.message, "documents": docs,
                                                 "kind": item.kind, "detail": item.detail,
                                                 "doc_lang": first.language if first else lang})
    ctx = {"lang": lang, "t": s, "site_title": cfg.title[lang] if cfg else "site-builder", "static": "../../static/",
           "home": "../", "total": len(result.items),
           "alternates": [{"lang": o, "name": i18n.LANGUAGE_NAMES[o], "href": f"../../{o}/_review/",
                           "current": o == lang} for o in languages],
           "groups": [{"kind": k, "heading": s[f"review_{k}"], "how": s[f"review_{k}_how"], "items": v}
                      for k, v in groups.items()]}
    env = session.review_env()
    return render.render(env, "review.html", ctx, p.templates).encode("utf-8")


def review_link(session: Session, page: bytes, lang: str) -> bytes:
    """A served page with a link to the editor's desk in its header (serve only: built pages have none)."""
    from site_builder import i18n

    at = page.find(b"</header>")
    if at < 0 or lang not in i18n.UI_LANGUAGES:
        return page
    link = (f'<p class="review-link"><a href="/{lang}/_review/">{html.escape(i18n.strings(lang)["review"])}</a>'
            "</p>").encode("utf-8")
    return page[:at] + link + page[at:]


def handler_class(session: Session) -> type[StaticFileHandler]:
    """livereload's static file handler, showing the session's error on every HTML page while there is one."""

    class Handler(StaticFileHandler):
        _own = False
        """The response is a page made here (a served page with its header link, the review page)."""

        async def get(self, path: str, include_body: bool = True) -> None:
            config = session.builder.config
            prefix = config.base_path.strip("/") if config else ""
            if prefix and (path == prefix or path.startswith(prefix + "/")):
                # The published address (under the base path) leads to the same page here.
                rest = path[len(prefix):].lstrip("/")
                self.redirect("/" + rest + (f"?{self.request.query}" if self.request.query else ""))
                return
            review = REVIEW_ROUTE.match(path)
            if review:
                self._review(review.group("lang"), bool(review.group("slash")))
                return
            try:
                self.path = self.parse_url_path(path)
                absolute = self.validate_absolute_path(self.root, self.get_absolute_path(self.root, self.path))
            except web.HTTPError:
                # A missing page while an edit fails: the error, on an empty page.
                if not (session.errors and (not path or path.endswith((".html", "/")))):
                    raise
                absolute = None
            else:
                if absolute is None:  # redirected to the folder's address with a slash
                    return
            if absolute is not None and not absolute.endswith(".html"):
                await super().get(path, include_body)
                return
            page = Path(absolute).read_bytes() if absolute else (
                b"<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>site-builder: error</title></head>"
                b"<body></body></html>\n")
            if absolute:
                first = path.split("/", 1)[0]
                page = review_link(session, page, first if REVIEW_LANG.match(first) else self._default_language())
            self.set_status(200 if absolute else 500)
            self._own = True
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Cache-Control", "no-store")
            self.finish(session.preview(page, self._live_script()))

        def _default_language(self) -> str:
            config = session.builder.config
            return config.default_language if config else "en"

        def _review(self, lang: str | None, slash: bool) -> None:
            config = session.builder.config
            languages = config.languages if config else ()
            if lang is None or not slash:
                self.redirect(f"/{lang or self._default_language()}/_review/")
                return
            if languages and lang not in languages:
                raise web.HTTPError(404)
            try:
                page = review_page(session, lang)
            except UserError as e:
                page = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>site-builder: review</title>"
                        "</head><body><pre>" + html.escape(str(e)) + "</pre></body></html>\n").encode("utf-8")
            self._own = True
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.set_header("Cache-Control", "no-store")
            self.finish(session.preview(page, self._live_script()))

        def _live_script(self) -> bytes | None:
            """The <script> livereload injects into HTML responses (its transform holds it)."""
            for transform in self.application.transforms:
                script = getattr(transform, "script", None)
                if isinstance(script, bytes):
                    return script
            return None

        def compute_etag(self) -> str | None:
            # A page as the preview shows it is not the file on disk.
            return None

        def set_extra_headers(self, path: str) -> None:
            # A reload must show the file as it is now.
            self.set_header("Cache-Control", "no-store")

        def write_error(self, status_code: int, **kwargs) -> None:
            not_found = Path(self.root) / "404.html"
            if status_code == 404 and not_found.is_file():
                self.set_header("Content-Type", "text/html; charset=utf-8")
                self.finish(session.preview(not_found.read_bytes(), self._live_script()))
            else:
                super().write_error(status_code, **kwargs)

    return Handler


def serve(project: Project, host: str = "127.0.0.1", port: int = 8000, out: TextIO = sys.stdout,
          err: TextIO = sys.stderr) -> None:
    """Build, serve the output on host:port and rebuild on every change until Ctrl-C."""
    session = Session(project, out, err)
    loop = IOLoop.current()  # the loop livereload's Server runs

    def on_ctrl_c(signum: int, frame: object) -> None:
        # Between builds, stop the loop from within (a KeyboardInterrupt could land in
        # livereload's or tornado's `except:`); during a build, interrupt it.
        if session.busy:
            raise KeyboardInterrupt
        loop.asyncio_loop.call_soon_threadsafe(loop.stop)

    previous = signal.getsignal(signal.SIGINT)
    if previous is signal.default_int_handler:
        signal.signal(signal.SIGINT, on_ctrl_c)
    try:
        session.start()
        roots = (project.seeds, project.content, project.templates, project.static, project.config)
        watcher = ChangeWatcher(roots, session.changed, session.search.poll)
        server = Server(watcher=watcher)
        for root in roots:
            # livereload watches the working directory when nothing is registered; ChangeWatcher ignores these.
            server.watch(str(root))
        server.SFH = handler_class(session)
        project.output.mkdir(parents=True, exist_ok=True)
        # Said once the loop runs, which livereload starts after it listens: the address answers when shown.
        loop.add_callback(lambda: print(f"serve: http://{host}:{port}/ (Ctrl-C stops)", file=out, flush=True))
        try:
            server.serve(port=port, host=host, root=str(project.output.resolve()), debug=False, restart_delay=0)
        except OSError as e:
            raise UserError(problem(f"{host}:{port}", f"cannot listen there ({e.strerror or e})")) from None
    finally:
        session.search.stop()
        signal.signal(signal.SIGINT, previous)
