"""Benchmark: `site-builder review` of a generated corpus, and the editor's desk page serve makes from it.

    python benchmarks/bench_review.py              # 1,000 documents
    python benchmarks/bench_review.py 1000 10000

"cold" is the command: every entry read and checked, every seed hashed. "page" is what a visit to
/<lang>/_review/ costs in a running serve, whose cache already holds the entries (only the seeds are
hashed again and the page rendered): the median of five visits.
"""

from __future__ import annotations

import io
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import corpus  # noqa: E402

from site_builder.build import Project  # noqa: E402
from site_builder.review import review  # noqa: E402
from site_builder.serve import Session, review_page  # noqa: E402


def main(sizes: list[int]) -> None:
    for n in sizes:
        folder = corpus.project(n, quiet=True)
        start = time.perf_counter()
        result = review(folder / "content", folder / "site.yaml", folder / "seeds")
        cold = time.perf_counter() - start
        session = Session(Project(folder / "content", folder / "output", folder / "site.yaml", ROOT / "templates",
                                  ROOT / "static", folder / "seeds"), io.StringIO(), io.StringIO())
        review_page(session, "en")  # the first visit fills the cache
        visits = []
        for _ in range(5):
            start = time.perf_counter()
            size = len(review_page(session, "en"))
            visits.append(time.perf_counter() - start)
        counts = ", ".join(f"{k} {v}" for k, v in result.counts().items())
        print(f"{n} documents: {len(result.items)} items ({counts})")
        print(f"  review (cold): {cold:.2f} s; a visit to the page in serve: {statistics.median(visits):.2f} s "
              f"({size / 1e6:.1f} MB of HTML)")


if __name__ == "__main__":
    main([int(a) for a in sys.argv[1:]] or [1000])
