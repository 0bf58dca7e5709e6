"""Benchmark: loading a corpus's content — cold (every file parsed) and from the parse cache.

    python benchmarks/bench_load.py                   # the corpus of 10,000 documents
    python benchmarks/bench_load.py 1000 --jobs 1     # another size, one process
    python benchmarks/bench_load.py --content DIR     # any content folder (copied first)

Each figure is a fresh Python process loading the content as `build` does (LoadCache.prefetch,
then content.load): cold with PyYAML's pure-Python loader (what every file went through before
libyaml), cold with libyaml, both in one process and over --jobs workers, then with the parse
cache a first build left beside the output (nothing changed), and after one entry changed.
Also the front matter and the timeline parsed alone (yamlio.parse), pure and libyaml.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))


def one(content: Path, store: Path | None, jobs: int, pure: bool) -> dict:
    """Load `content` once in this process, as Builder.full() does; the figures as a dict."""
    from site_builder import content as ct
    from site_builder import yamlio

    if pure:
        yamlio._CLoader = None
    t0 = time.perf_counter()
    cache = ct.LoadCache(store)
    cache.prefetch(content, jobs)
    corpus = ct.load(content, cache)
    t1 = time.perf_counter()
    cache.save()
    t2 = time.perf_counter()
    return {"load": t1 - t0, "save": t2 - t1, "documents": len(corpus.documents), "events": len(corpus.events),
            "from_cache": cache.store.reads if cache.store else 0}


def parse_only(content: Path, pure: bool) -> dict:
    """yamlio.parse alone over every entry's front matter and over the timeline."""
    from site_builder import content as ct
    from site_builder import yamlio

    if pure:
        yamlio._CLoader = None
    fronts = []
    for path in ct.entry_files(content / ct.DOCUMENTS):
        lines = path.read_text(encoding="utf-8").split("\n")
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        fronts.append("\n".join(lines[1:end]))
    timeline = (content / ct.TIMELINE).read_text(encoding="utf-8")
    t0 = time.perf_counter()
    for text in fronts:
        yamlio.parse(text, "x.md", first_line=2)
    t1 = time.perf_counter()
    yamlio.parse(timeline, "timeline.yaml")
    t2 = time.perf_counter()
    fast = sum(yamlio._fast(text) is not yamlio._PURE for text in fronts) if not pure else 0
    return {"front_matter": t1 - t0, "timeline": t2 - t1, "entries": len(fronts), "by_libyaml": fast}


def run(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--one", *args], check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("size", nargs="?", type=int, default=10000)
    ap.add_argument("--content", type=Path, help="a content folder to load instead of a generated corpus")
    ap.add_argument("--jobs", type=int, default=None, help="worker processes (default: the CPUs available)")
    ap.add_argument("--only-libyaml", action="store_true",
                    help="skip the runs with the pure loader and those in one process (the slow ones)")
    ap.add_argument("--one", nargs=4, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        what, content, store, jobs = args.one
        if what.startswith("parse"):
            print(json.dumps(parse_only(Path(content), what == "parse-pure")))
        else:
            print(json.dumps(one(Path(content), Path(store) if store != "-" else None, int(jobs), what == "pure")))
        return
    from site_builder.build import available_cpus

    jobs = args.jobs or available_cpus()
    if args.content:
        source = args.content
    else:
        import corpus

        source = corpus.project(args.size) / "content"
    work = Path(tempfile.mkdtemp(prefix="bench-load-"))
    try:
        content = work / "content"
        shutil.copytree(source, content)
        store = work / ".site-builder-cache"
        c = str(content)
        rows = []
        for label, what, st, j in [
            ("parse alone, pure", "parse-pure", "-", 1), ("parse alone, libyaml", "parse-fast", "-", 1),
            ("cold, pure, 1 process", "pure", "-", 1), (f"cold, pure, {jobs} processes", "pure", "-", jobs),
            ("cold, libyaml, 1 process", "fast", "-", 1), (f"cold, libyaml, {jobs} processes", "fast", "-", jobs),
            ("first build, writing the cache", "fast", str(store), jobs),
            ("nothing changed, from the cache", "fast", str(store), jobs),
        ]:
            if args.only_libyaml and (what.endswith("pure") or (j == 1 and jobs > 1)):
                continue
            r = run(what, c, st, str(j))
            rows.append((label, r))
            print(f"{label:36} {json.dumps({k: round(v, 2) if isinstance(v, float) else v for k, v in r.items()})}",
                  flush=True)
        entry = sorted((content / "documents").glob("*.md"))[0]
        entry.write_bytes(entry.read_bytes() + b"\n")
        r = run("fast", c, str(store), str(jobs))
        print(f"{'one entry changed, from the cache':36} {json.dumps({k: round(v, 2) if isinstance(v, float) else v for k, v in r.items()})}")
        size = (store / "content.pickle").stat().st_size
        print(f"cache file: {size / 1e6:.1f} MB for {sum(1 for _ in content.rglob('*.md'))} entries "
              f"({sum(p.stat().st_size for p in content.rglob('*') if p.is_file()) / 1e6:.1f} MB of content)")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
