"""Benchmark search: the Pagefind index of a generated corpus — its size, and how fast a reader's query answers.

    python benchmarks/bench_search.py                # 10,000 documents
    python benchmarks/bench_search.py 1000 --keep /tmp/site-1000
    python benchmarks/bench_search.py 1000 --index   # the build's index step alone: time, peak memory

--index loads the corpus as the build does, then times the records (search.records) and Pagefind's
step (search.write_bundle: the records handed to Pagefind's indexing service — a large site's in
parts, by a few processes at a time, their bundles merged — the bundle written and canonicalized),
with the CPU time of Pagefind's processes and of this one, and the peak memory (resident set) of
this process and of all Pagefind processes alive at once (summed; sampled every 20 ms).

The corpus (benchmarks/corpus.py) is built once, with the search index, into a temporary folder
(or --keep DIR, reused when it holds a build). Then, in Debian's headless Chromium driven by
Playwright, the Russian search page is opened and each query typed and submitted as a reader
would; the time is from pressing Enter to the results listed on the page (the search page's
own code: every form of the query, the merge, the first 50 results' excerpts), on the same
machine as the server (no network latency). Keys are typed 120 ms apart, as a quick typist would. "cold" is the
first query of a fresh browser (index chunks fetched from the local server, no cache), "warm"
the median of five repeats. Also: the bundle's size on disk, its file count, and the bytes one
cold query made the browser fetch.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(ROOT / "tests"))

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
TYPING_MS = 120  # between keys: a quick typist (the page preloads the index while one types)
QUERIES = ("Алиев", "кабель", "Aliyev", "Бакуде", "Средний коридор")
WAIT = """q => (document.getElementById('search-results').dataset.query || '')
               .includes(encodeURIComponent(q).replace(/%20/g, '+'))"""


def build_site(n: int, keep: Path | None) -> Path:
    import corpus

    from site_builder import build

    out = keep or Path(tempfile.mkdtemp(prefix="bench-search-")) / "output"
    if (out / "pagefind" / "pagefind.js").exists():
        return out
    project = corpus.project(n)
    t = time.perf_counter()
    build.build(project / "content", out, config_path=project / "site.yaml", templates=project / "templates",
                static=project / "static", seeds=project / "seeds")
    print(f"built {n} documents in {time.perf_counter() - t:.0f} s -> {out}", flush=True)
    return out


def timed_query(page, query: str) -> tuple[float, int]:
    page.fill("#q", "")
    page.locator("#q").focus()
    page.keyboard.type(query, delay=TYPING_MS)
    t = time.perf_counter()
    page.keyboard.press("Enter")
    page.wait_for_function(WAIT, arg=query, timeout=120_000)
    return time.perf_counter() - t, page.locator("#search-results li").count()


def measure(site: Path) -> None:
    from pages_server import PagesServer
    from playwright.sync_api import sync_playwright

    bundle = site / "pagefind"
    files = [p for p in bundle.rglob("*") if p.is_file()]
    print(f"index: {sum(p.stat().st_size for p in files) / 1e6:.1f} MB in {len(files)} files "
          f"(of which fragments {sum(1 for p in files if p.suffix == '.pf_fragment')})")
    with PagesServer(site, "/REPO/") as server, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for query in QUERIES:
            context = browser.new_context()
            page = context.new_page()
            requests = []  # Pagefind fetches from a worker too: count at the network, not in the page
            context.on("requestfinished", lambda r: requests.append(r) if "/pagefind/" in r.url else None)
            page.goto(server.url("ru/search/"), wait_until="load")
            cold, count = timed_query(page, query)
            cold_bytes = sum(r.sizes()["responseBodySize"] for r in requests)
            warm = statistics.median(timed_query(page, query)[0] for _ in range(5))
            print(f"query {query!r}: {count} results shown; cold {cold * 1000:.0f} ms "
                  f"({cold_bytes / 1e6:.2f} MB fetched), warm {warm * 1000:.0f} ms", flush=True)
            context.close()
        browser.close()


class ChildMemory:
    """The largest sum of the resident sets of this process's children alive at once, sampled every 20 ms."""

    def __init__(self) -> None:
        import os
        import threading

        self.peak = 0
        self._me = os.getpid()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        tasks = Path(f"/proc/{self._me}/task")
        while not self._stop.wait(0.02):
            total = 0
            for task in tasks.iterdir():  # each thread's children (Pagefind is started by one thread)
                try:
                    children = (task / "children").read_text().split()
                except OSError:
                    continue
                for child in children:
                    try:
                        total += int(Path(f"/proc/{child}/statm").read_text().split()[1]) * 4096
                    except (OSError, IndexError, ValueError):
                        continue
            self.peak = max(self.peak, total)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


def index_step(n: int) -> None:
    import resource

    import corpus

    from site_builder import config as site_config
    from site_builder import content as ct
    from site_builder import search
    from site_builder.pages import Site

    project = corpus.project(n)
    t = time.perf_counter()
    site = Site(ct.load(project / "content"), site_config.load(project / "site.yaml"))
    print(f"corpus: {len(site.corpus.documents)} documents, {len(site.corpus.events)} events, "
          f"loaded in {time.perf_counter() - t:.1f} s", flush=True)
    t = time.perf_counter()
    records = search.records(site)
    made = time.perf_counter() - t
    parts = len(search.parts(records, search.part_chars()))
    out = Path(tempfile.mkdtemp(prefix="bench-index-"))
    try:
        before = resource.getrusage(resource.RUSAGE_SELF)
        memory = ChildMemory()
        t = time.perf_counter()
        search.write_bundle(records, out / "pagefind")
        step = time.perf_counter() - t
        peak = memory.stop()
        after = resource.getrusage(resource.RUSAGE_SELF)
        files = [p for p in (out / "pagefind").rglob("*") if p.is_file()]
        size = sum(p.stat().st_size for p in files)
    finally:
        shutil.rmtree(out, ignore_errors=True)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    mine = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
    # CPU time says what the wall time does not on a busy machine.
    print(f"records: {len(records)} in {made:.1f} s; Pagefind step: {step:.1f} s wall, in {parts} part(s) "
          f"(CPU time: Pagefind {usage.ru_utime + usage.ru_stime:.1f} s, this process {mine:.1f} s); "
          f"bundle {size / 1e6:.1f} MB in {len(files)} files", flush=True)
    print(f"peak memory: this process {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB, "
          f"Pagefind processes together {peak / 2**20:.0f} MB (the largest one "
          f"{usage.ru_maxrss / 1024:.0f} MB)", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("size", nargs="?", type=int, default=10000)
    ap.add_argument("--keep", type=Path, help="build into (or reuse) this folder instead of a temporary one")
    ap.add_argument("--index", action="store_true", help="time the build's index step alone, and its peak memory")
    args = ap.parse_args()
    if args.index:
        index_step(args.size)
        return
    site = build_site(args.size, args.keep)
    try:
        measure(site)
    finally:
        if args.keep is None:
            shutil.rmtree(site.parent, ignore_errors=True)


if __name__ == "__main__":
    main()
