"""Benchmark: from saving one document to its rebuilt page on disk, as `serve` rebuilds it.

    python benchmarks/bench_serve.py              # 1,000 and 10,000 documents
    python benchmarks/bench_serve.py 1000 --repeat 5

A copy of the generated corpus is built once; then one entry at a time is saved and handed
to Builder.update, the call serve's watcher makes. Three kinds of edit are timed: a word in
the body (shown on the document's own pages only), a word added to the end of the title (a
typo fixed: shown on every list, hub and related page too, the title keeping its place in the
table sorted by title) and a title rewritten (which moves the row in that table, so every
page of it between its old and new place is made again: the worst case). "page" is the time
from the start of the save to the document's own page being replaced on disk; "pages" until
every affected HTML page is; "all" until the data files (exports, filter indexes) are too.
Serve notices a save within livereload's 0.8 s poll plus a settle time of 0.15 s; the scan it
polls with is timed as well ("scan").
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402

from site_builder.build import Builder, Project  # noqa: E402
from site_builder.serve import snapshot  # noqa: E402


def _edit(path: Path, kind: str, n: int) -> None:
    text = path.read_text(encoding="utf-8")
    if kind == "title":
        text = re.sub(r"^title: .*$", f"title: Edited title number {n}", text, count=1, flags=re.M)
    elif kind == "typo":
        text = re.sub(r"^(title: .*?)(['\"]?)$", lambda m: f"{m.group(1)} e{n}{m.group(2)}", text, count=1, flags=re.M)
    else:
        end = text.index("\n---\n", 4) + 5
        cut = text.index("\n\n", end + 2)
        text = text[:cut] + f" Edit {n}." + text[cut:]
    path.write_text(text, encoding="utf-8")


def measure(n: int, repeat: int) -> list[str]:
    source = corpus.project(n)
    work = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    lines = []
    try:
        for name in ("content", "templates", "static", "seeds"):
            shutil.copytree(source / name, work / name)
        shutil.copyfile(source / "site.yaml", work / "site.yaml")
        project = Project(work / "content", work / "output", work / "site.yaml", work / "templates",
                          work / "static", work / "seeds")
        builder = Builder(project, index_search=False)
        t = time.perf_counter()
        builder.full()
        lines.append(f"documents={n}  first build (no search index) {time.perf_counter() - t:.1f} s")
        roots = (project.seeds, project.content, project.templates, project.static, project.config)
        t = time.perf_counter()
        snapshot(roots)
        lines.append(f"documents={n}  scan of the watched files {time.perf_counter() - t:.3f} s")
        entries = sorted((project.content / "documents").glob("*.md"))
        for kind in ("body", "typo", "title"):
            page, pages, total, written = [], [], [], []
            for i in range(repeat):
                path = entries[(i * 7919 + len(kind) * 104729) % len(entries)]
                start = time.perf_counter()
                _edit(path, kind, i)
                update = builder.update([path])
                done = time.perf_counter()
                first, listed = update.seconds("own pages"), update.seconds("pages")
                assert first is not None and listed is not None and not update.full
                end = update.timings[-1][1]
                page.append(done - start - (end - first))
                pages.append(done - start - (end - listed))
                total.append(done - start)
                written.append(len(update.pages))
            lines.append(f"documents={n}  edit={kind:5}  page {statistics.median(page):.2f} s  "
                         f"pages {statistics.median(pages):.2f} s  all {statistics.median(total):.2f} s  "
                         f"pages written {statistics.median(written):.0f}  (median of {repeat})")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    for n in args.sizes:
        for line in measure(n, args.repeat):
            print(line, flush=True)


if __name__ == "__main__":
    main()
