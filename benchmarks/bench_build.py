"""Benchmark: a full build of generated corpora — wall time, pages per second, peak memory.

    python benchmarks/bench_build.py                 # 1,000 and 10,000 documents
    python benchmarks/bench_build.py 1000 --jobs 1   # one size, one process

Each build runs in a fresh Python process (so that peak memory is the build's own), with
the search index timed apart: it is Pagefind's work, not the renderer's. Peak memory is
ru_maxrss of the build process, of its largest render worker, and of the largest process
including the search indexer (RUSAGE_CHILDREN).
"""

from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def measure(n: int, jobs: int | None) -> dict:
    """Build the corpus of `n` documents once, in this process; the figures as a dict."""
    import corpus

    from site_builder import build, search

    project = corpus.project(n)
    timed: dict[str, float] = {"search": 0.0}
    index = search.index

    def timed_index(*args, **options) -> None:
        timed["workers_kb"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t = time.perf_counter()
        index(*args, **options)
        timed["search"] += time.perf_counter() - t

    search.index = timed_index  # the benchmark's own process only
    out = Path(tempfile.mkdtemp(prefix="bench-build-")) / "output"
    try:
        t = time.perf_counter()
        result = build.build(project / "content", out, config_path=project / "site.yaml",
                             templates=project / "templates", static=project / "static", seeds=project / "seeds",
                             jobs=jobs)
        wall = time.perf_counter() - t
        files = [f for f in out.rglob("*") if f.is_file()]
        size = sum(f.stat().st_size for f in files)
        pages = [f for f in files if f.suffix == ".html"]
        largest = max(pages, key=lambda f: f.stat().st_size)
        largest_page = (str(largest.relative_to(out)), round(largest.stat().st_size / 1e3))
    finally:
        shutil.rmtree(out.parent, ignore_errors=True)
    self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    workers_kb = timed.get("workers_kb", children_kb)
    render = wall - timed["search"]
    return {"documents": n, "jobs": jobs or build.available_cpus(), "pages": result.pages, "files": result.files,
            "wall_s": round(wall, 1), "search_index_s": round(timed["search"], 1), "render_s": round(render, 1),
            "pages_per_s": round(result.pages / render, 1), "output_mb": round(size / 1e6),
            "largest_page_kb": largest_page[1], "largest_page": largest_page[0],
            "peak_rss_mb": round(self_kb / 1024), "peak_worker_rss_mb": round(workers_kb / 1024),
            "peak_with_search_index_mb": round(max(self_kb, children_kb) / 1024)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    ap.add_argument("--jobs", type=int, help="worker processes (default: the CPUs available)")
    ap.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(measure(args.sizes[0], args.jobs)))
        return
    import corpus

    for n in args.sizes:
        corpus.project(n)  # generated (and cached) outside the measured process
        cmd = [sys.executable, __file__, str(n), "--one"] + (["--jobs", str(args.jobs)] if args.jobs else [])
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            sys.exit(done.stderr)
        figures = json.loads(done.stdout.strip().splitlines()[-1])
        print("  ".join(f"{k}={v}" for k, v in figures.items()), flush=True)


if __name__ == "__main__":
    main()
