"""`site-builder serve` as a real process: live reload in Chromium, errors in page and terminal, recovery, Ctrl-C."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DOC = "001-7d84094cef418d8d"
ENTRY = Path("content/documents") / f"{DOC}.md"
WAIT = 30.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(what: str, check: Callable[[], object], timeout: float = WAIT) -> object:
    """check()'s first true value, polled until `timeout` seconds have passed."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(0.1)


@dataclass
class Served:
    """A `site-builder serve` process on a copy of the project, and what it printed."""

    root: Path
    url: str
    process: subprocess.Popen
    out: list[str] = field(default_factory=list)
    err: list[str] = field(default_factory=list)

    def printed(self, pattern: str, stream: str = "err") -> str | None:
        lines = self.out if stream == "out" else self.err
        return next((line for line in list(lines) if re.search(pattern, line)), None)

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=10) as r:
                return r.status, r.read().decode("utf-8")
        except urllib.error.HTTPError as e:
            return e.code, e.read().decode("utf-8", "replace")

    def stop(self) -> int:
        """Ctrl-C, as a terminal sends it; the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
            try:
                self.process.wait(timeout=WAIT)
            except subprocess.TimeoutExpired:
                self.process.send_signal(signal.SIGABRT)  # faulthandler prints where it is
                time.sleep(1)
                self.process.kill()
                self.process.wait()
                time.sleep(0.2)
                raise AssertionError("serve did not stop on Ctrl-C:\n" + "\n".join(self.err[-40:])) from None
        return self.process.returncode


def _collect(stream, lines: list[str]) -> None:
    for line in iter(stream.readline, ""):
        lines.append(line.rstrip("\n"))


def ctrl_c_reaches_it() -> None:
    """In the child before it runs: Ctrl-C (SIGINT) handled as a terminal's is. A suite run in the
    background of a shell without job control (`make test &`) ignores SIGINT, and a child inherits that;
    serve then (rightly, as Python does) keeps ignoring it, and the tests could not stop it."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def start_serve(root: Path, *extra: str) -> Served:
    port = free_port()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
           "PYTHONIOENCODING": "utf-8", "PYTHONUNBUFFERED": "1", "PYTHONFAULTHANDLER": "1"}
    process = subprocess.Popen([sys.executable, "-m", "site_builder", "serve", "--port", str(port), *extra], cwd=root,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, encoding="utf-8",
                               preexec_fn=ctrl_c_reaches_it)
    served = Served(root, f"http://127.0.0.1:{port}", process)
    for stream, lines in ((process.stdout, served.out), (process.stderr, served.err)):
        threading.Thread(target=_collect, args=(stream, lines), daemon=True).start()
    try:
        wait_until("serve to start",
                   lambda: served.printed(r"^serve: http://", "out") or process.poll() is not None, 120)
        assert process.poll() is None, "\n".join(served.err)
        wait_until("the server to answer", lambda: served.get("/")[0] == 200)
    except BaseException:
        served.stop()
        raise
    return served


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the project's sources in tmp_path."""
    for name in ("content", "templates", "static", "seeds"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copyfile(ROOT / "site.yaml", tmp_path / "site.yaml")
    return tmp_path


@pytest.fixture
def served(project: Path):
    s = start_serve(project)
    yield s
    code = s.stop()
    assert code == 0, "\n".join(s.out + s.err)
    assert not s.printed("Traceback"), "\n".join(s.err)


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.skip(f"needs {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# Content-Security-Policy violations of a page, kept in window.__csp from before the page loads.
CSP_LISTENER = """(() => {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation',
    e => window.__csp.push(e.effectiveDirective + ' ' + e.blockedURI + ' ' + e.sample));
})()"""


def open_live(browser, served: Served, path: str):
    """A page at `path`, once livereload's script in it has connected to the server."""
    page = browser.new_page()
    page.add_init_script(CSP_LISTENER)
    connected = len([line for line in served.err if "Browser Connected" in line])
    page.goto(served.url + path)
    wait_until("the page's live reload connection",
               lambda: len([line for line in served.err if "Browser Connected" in line]) > connected)
    page.evaluate("window.__notReloaded = true")
    return page


def page_shows(page, check: Callable[[], bool]) -> Callable[[], bool]:
    """check() as a poll that tolerates the page being reloaded while it runs."""
    from playwright.sync_api import Error

    def poll() -> bool:
        try:
            return check()
        except Error:  # the page navigated while we looked
            return False

    return poll


@pytest.mark.browser
def test_edited_document_reloads_in_the_browser(browser, served: Served) -> None:
    page = open_live(browser, served, f"/en/documents/{DOC}/")
    assert "Live edited title" not in page.title()
    edit(served.root / ENTRY, "\ntitle: ", "\ntitle: Live edited title — ")
    wait_until("the new title in the open page", page_shows(page, lambda: "Live edited title" in page.title()))
    assert page.evaluate("window.__notReloaded === undefined")  # reloaded by itself, not by us
    assert page.locator("h1").first.inner_text().startswith("Live edited title")
    # The site's policy holds in the preview too; it allows livereload's script and nothing more.
    assert page.evaluate("window.__csp") == []
    policy = page.locator('meta[http-equiv="Content-Security-Policy"]').get_attribute("content")
    assert re.search(r"script-src 'self' 'sha256-[A-Za-z0-9+/]+=*'(;|$)", policy), policy
    assert "unsafe-inline" not in policy
    assert "'sha256-" not in (served.root / "output/en/documents" / DOC / "index.html").read_text(encoding="utf-8")
    assert served.printed(r"^changed: content/documents/001-7d84094cef418d8d\.md$", "out")
    assert served.printed(r"^rebuilt \d+ pages in ", "out")
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("broken", [ENTRY, Path("content/topics.yaml")], ids=["entry", "knowledge"])
def test_broken_yaml_shows_in_the_page_and_the_next_good_edit_recovers(browser, served: Served, broken: Path) -> None:
    page = open_live(browser, served, f"/en/documents/{DOC}/")
    good = (served.root / broken).read_text(encoding="utf-8")
    key = "\ntitle: " if broken == ENTRY else "\n  - id: "
    edit(served.root / broken, key, key + "[unclosed, ")
    overlay = page.locator("#site-builder-error")
    wait_until("the error in the page", page_shows(page, lambda: overlay.count() == 1 and overlay.is_visible()))
    shown = overlay.inner_text()
    line = wait_until("the error in the terminal",
                      lambda: served.printed(rf"^error: {re.escape(str(broken))}:\d+: YAML"))
    assert line.removeprefix("error: ") in shown
    assert "last good build" in shown
    # Its look comes from a <style> the preview's policy allows by its hash: no violation.
    assert overlay.evaluate("e => getComputedStyle(e).position") == "fixed"
    assert page.evaluate("window.__csp") == []
    # The last good build is still served under the error.
    assert page.locator("h1").first.inner_text().strip() != ""
    # Fixing the file removes the error; the edit made with the fix shows.
    page.evaluate("window.__notReloaded = true")
    if broken == ENTRY:
        (served.root / broken).write_text(good.replace("\ntitle: ", "\ntitle: Recovered — ", 1), encoding="utf-8")
    else:
        (served.root / broken).write_text(good, encoding="utf-8")
        edit(served.root / ENTRY, "\ntitle: ", "\ntitle: Recovered — ")
    wait_until("the error to go", page_shows(page, lambda: overlay.count() == 0 and "Recovered" in page.title()))
    assert page.evaluate("window.__notReloaded === undefined")
    assert served.printed(r"^serve: fixed$", "out")
    status, body = served.get(f"/en/documents/{DOC}/")
    assert status == 200 and "site-builder-error" not in body
    page.close()


def test_error_shown_on_every_page_and_files_served_as_they_are(served: Served) -> None:
    edit(served.root / "content/timeline.yaml", "\nevents:\n", "\nevents: [\n")
    wait_until("the error", lambda: served.printed(r"^error: content/timeline\.yaml:\d+: YAML"))
    for path in ("/", "/en/timeline/", "/ru/documents/"):
        status, body = served.get(path)
        assert status == 200 and 'id="site-builder-error"' in body and "content/timeline.yaml:" in body
    status, css = served.get("/static/style.css")
    assert status == 200 and css == (served.root / "static/style.css").read_text(encoding="utf-8")


def test_new_seed_is_ingested_and_served(served: Served) -> None:
    source = (served.root / "seeds/004_1659845da75dbc7f.txt").read_text(encoding="utf-8")
    (served.root / "seeds/005_new.txt").write_text(source.replace("date 2025-10-21", "date 2024-05-06")
                                                   + "Ещё одна строка.\n", encoding="utf-8")
    wait_until("the new document's page", lambda: served.get("/en/documents/005-new/")[0] == 200)
    assert (served.root / "content/documents/005-new.md").exists()
    status, body = served.get("/en/documents/")
    assert status == 200 and 'href="005-new/"' in body


def test_template_edit_rebuilds_every_page(served: Served) -> None:
    edit(served.root / "templates/base.html", "<body>", '<body data-edited="yes">')
    for path in ("/en/", "/kk/timeline/", f"/az/documents/{DOC}/"):
        wait_until(f"the edited template on {path}", lambda: 'data-edited="yes"' in served.get(path)[1])


def test_search_index_is_made_in_the_background(served: Served) -> None:
    wait_until("the search index", lambda: (served.root / "output/pagefind/pagefind.js").exists(), 90)
    assert served.get("/pagefind/pagefind.js")[0] == 200
    edit(served.root / ENTRY, "\ntitle: ", "\ntitle: Indexed again — ")
    wait_until("the rebuild", lambda: served.printed(r"^rebuilt \d+ pages", "out"))
    # The index in place stays served while the next one is made, and is replaced in one step.
    assert served.get("/pagefind/pagefind.js")[0] == 200


def test_published_address_leads_to_the_same_page(served: Served) -> None:
    status, body = served.get("/kz-az-record/en/timeline/")  # base_url's path in site.yaml
    assert status == 200 and body == served.get("/en/timeline/")[1]
    assert served.get("/no/such/page/")[0] == 404


def test_listens_on_loopback_only(served: Served) -> None:
    port = int(served.url.rsplit(":", 1)[1])
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        try:
            s.connect(("10.255.255.255", 1))
            address = s.getsockname()[0]
        except OSError:
            address = ""
    if not address or address.startswith("127."):
        pytest.skip("no address but loopback")
    with pytest.raises(OSError):
        socket.create_connection((address, port), timeout=2).close()


def test_ctrl_c_stops_cleanly(project: Path) -> None:
    s = start_serve(project)
    assert s.stop() == 0
    wait_until("the last line", lambda: s.printed(r"^serve: stopped$", "out"), 5)
    assert not s.printed("Traceback")


def test_busy_port_is_one_line(project: Path, run_cli) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code, _, err = run_cli(["serve", "--port", str(port)], project)
    assert code == 1
    assert [line for line in err.splitlines() if line.startswith("error:")] == [
        f"error: 127.0.0.1:{port}: cannot listen there (Address already in use)"]
    assert "Traceback" not in err


# -- a burst of edits --

OTHER = Path("content/documents/000-52c20af9d2dead56.md")


def _whole(path: Path) -> str | None:
    """What is wrong with an output file as read now (None when it is whole)."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return f"{path.name} missing"
    text = data.decode("utf-8")
    if path.suffix == ".html":
        return None if text.rstrip().endswith("</html>") and text.startswith("<!DOCTYPE html>") else "cut short"
    import json

    try:
        json.loads(text)
    except ValueError as e:
        return f"not JSON ({e})"
    return None


def test_a_burst_of_saves_ends_in_the_last_state(served: Served) -> None:
    """One entry saved 50 times in 5 seconds (every seventh save broken YAML), another meanwhile; the
    output read in a loop all along is never half-written, and the preview ends at the last saves."""
    entry, other = served.root / ENTRY, served.root / OTHER
    good, good_other = entry.read_text(encoding="utf-8"), other.read_text(encoding="utf-8")
    out = served.root / "output"
    watched = [out / "en/documents" / DOC / "index.html", out / "en/documents" / OTHER.stem / "index.html",
               out / "en/documents/index.html", out / "en/timeline/index.html", out / "index.html",
               out / "data/documents.json"]
    bad: list[str] = []
    reads = 0
    stop = threading.Event()

    def read_loop() -> None:
        nonlocal reads
        while not stop.is_set():
            for path in watched:
                problem = _whole(path)
                reads += 1
                if problem:
                    bad.append(f"{path.relative_to(out)}: {problem}")

    def save(path: Path, text: str, atomic: bool = False) -> None:
        if atomic:  # as vim or an IDE may: a new file renamed over the old one
            tmp = path.with_name(f".{path.name}.swp")
            tmp.write_text(text, encoding="utf-8")
            os.replace(tmp, path)
        else:  # in place, as most editors save
            path.write_text(text, encoding="utf-8")

    reader = threading.Thread(target=read_loop, daemon=True)
    reader.start()
    start = time.monotonic()
    try:
        for n in range(50):
            if n % 7 == 3:
                save(entry, good.replace("\ntitle: ", f"\ntitle: [Broken {n}, ", 1))
            else:
                save(entry, good.replace("\ntitle: ", f"\ntitle: Burst {n:02d} — ", 1))
            if n % 5 == 2:
                save(other, good_other.replace("\ntitle: ", f"\ntitle: Other {n:02d} — ", 1), atomic=True)
            time.sleep(max(0.0, start + (n + 1) * 0.1 - time.monotonic()))
        burst = time.monotonic() - start

        def shows_last() -> bool:
            status, page = served.get(f"/en/documents/{DOC}/")
            _, page_other = served.get(f"/en/documents/{OTHER.stem}/")
            return (status == 200 and "<title>Burst 49 — " in page and "site-builder-error" not in page
                    and "<title>Other 47 — " in page_other)

        wait_until("the last saves in the preview", shows_last)
        # It stays there: no rebuild of an older state comes after.
        time.sleep(2)
        assert shows_last()
    finally:
        stop.set()
        reader.join(10)
    assert burst < 6.0, f"the burst took {burst:.1f} s"
    assert reads > 100
    assert not bad, f"{len(bad)} of {reads} reads saw a half-written file:\n" + "\n".join(bad[:20])
    status, listing = served.get("/en/documents/")
    assert status == 200 and "Burst 49 — " in listing and "Other 47 — " in listing and "Burst 48" not in listing
    assert served.get("/")[0] == 200


def test_a_save_within_one_tick_of_the_clock_is_noticed(tmp_path: Path) -> None:
    """Two saves of one size within one tick of the file system's clock leave the time stamp as it was:
    the watcher compares a recently saved file's contents too."""
    from site_builder.serve import ChangeWatcher

    entry = tmp_path / "content" / "a.md"
    entry.parent.mkdir()
    entry.write_text("title: Burst 10\n", encoding="utf-8")
    seen: list[list[Path]] = []
    watcher = ChangeWatcher((tmp_path / "content",), seen.append)
    watcher._changes.clear()  # livereload's start-up message (see examine)
    stamp = entry.stat().st_mtime_ns
    entry.write_text("title: Burst 11\n", encoding="utf-8")
    os.utime(entry, ns=(stamp, stamp))
    watcher.examine()
    assert seen == [[entry]]
    watcher.examine()  # and nothing more once it is seen
    assert seen == [[entry]]


# -- the editor's desk: served, never built --

LEFTOVERS_ENTRY = Path("content/documents/003-3fa965019c280142.md")


def test_review_page_is_served_in_each_language_and_never_built(served: Served) -> None:
    entry = served.root / LEFTOVERS_ENTRY
    line = next(i for i, text in enumerate(entry.read_text(encoding="utf-8").split("\n"), 1)
                if text.startswith("leftovers:"))
    status, body = served.get("/en/_review/")
    assert status == 200
    assert f"{LEFTOVERS_ENTRY}:{line}" in body and 'href="../documents/003-3fa965019c280142/"' in body
    assert '<meta name="robots" content="noindex">' in body
    assert '¶10: <q lang="kk">Пікір қалдырыңыз</q>' in body  # the paragraph taken for a leftover, in its language
    for lang in ("ru", "kk", "az"):
        status, other = served.get(f"/{lang}/_review/")
        assert status == 200 and f'<html lang="{lang}"' in other and f"{LEFTOVERS_ENTRY}:{line}" in other
    assert served.get("/_review/")[0] == 200  # redirected to the default language's
    assert served.get("/xx/_review/")[0] == 404
    # Every preview page links to it from its header; the files on disk do not.
    status, home = served.get("/kk/timeline/")
    header = home.split("</header>", 1)[0]
    assert '<p class="review-link"><a href="/kk/_review/">' in header
    output = served.root / "output"
    assert not list(output.rglob("*_review*"))
    assert "review-link" not in (output / "kk" / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "_review" not in (output / "sitemap.xml").read_text(encoding="utf-8")
    # Decided: the item goes from the page.
    edit(entry, "\nleftovers:", "\nreviewed: true\nleftovers:")
    wait_until("the item to go", lambda: f"{LEFTOVERS_ENTRY}:" not in served.get("/en/_review/")[1])
    assert 'class="notice"' in served.get("/en/_review/")[1]


@pytest.mark.browser
def test_review_page_in_a_browser_from_the_preview_header(browser, served: Served) -> None:
    from axe_playwright_python.sync_playwright import Axe

    page = browser.new_page()
    page.goto(served.url + f"/ru/documents/{DOC}/")
    page.locator("header .review-link a").click()
    page.wait_for_url("**/ru/_review/")
    assert page.locator("h1").inner_text() == "Стол редактора"
    with page.expect_navigation():
        page.locator(".review-item a").first.click()
    assert page.url.endswith("/ru/documents/003-3fa965019c280142/")
    page.go_back()
    violations = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]},
                                          "resultTypes": ["violations"]}).response["violations"]
    assert not violations, [v["id"] for v in violations]
    page.close()
