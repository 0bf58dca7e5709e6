"""Benchmark ingest: N texts recombined from the five real seeds, ingested in-process; prints speed and memory.

    python3 benchmarks/bench_ingest.py                 # 10,000 texts
    python3 benchmarks/bench_ingest.py --count 1000 --tracemalloc

The corpus is deterministic for a given --count and --seed: each text takes the lead of one real
seed and a random handful of paragraphs of the same language, with varied date headers (some
running into the text), explicit dates, names (known ones inflected, unknown ones to warn about),
line endings, byte-order marks and a few cp1251 files. A sentence with the text's own number
keeps every text distinct, so none is refused as a duplicate.
"""

from __future__ import annotations

import argparse
import hashlib
import random
import resource
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from site_builder.ingest import ingest  # noqa: E402
from site_builder.seeds import read_seed  # noqa: E402

MONTHS_RU = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря")
MONTHS_KK = ("қаңтарда", "ақпанда", "наурызда", "сәуірде", "мамырда", "маусымда", "шілдеде", "тамызда",
             "қыркүйекте", "қазанда", "қарашада", "желтоқсанда")
# Known people in the case forms texts use, and names the knowledge base lacks.
NAMES_RU = ("Джейхун Байрамов", "Мурат Нуртлеу", "Олжас Бектенов", "Али Асадов", "Ильхама Алиева",
            "Касым-Жомарта Токаева", "Иван Петров", "Сергей Кузнецов")
NAMES_KK = ("Жейхун Байрамов", "Мұрат Нұртілеу", "Олжас Бектенов", "Ильхам Әлиевтің", "Қасым-Жомарт Тоқаевтың")


def corpus(count: int, seed: int, folder: Path) -> int:
    """Write `count` texts into `folder`; return their total size in bytes."""
    rng = random.Random(seed)
    real = [read_seed(p) for p in sorted((ROOT / "seeds").glob("*.txt"))]
    pools: dict[bool, list[str]] = {}
    for s in real:
        pools.setdefault(_kazakh(s.paragraphs), []).extend(s.paragraphs[1:])
    size = 0
    for i in range(count):
        base = rng.choice(real)
        kazakh = _kazakh(base.paragraphs)
        pool = pools[kazakh]
        body = [base.paragraphs[0], *rng.sample(pool, rng.randint(2, min(12, len(pool))))]
        year, month, day = rng.randint(1995, 2025), rng.randint(1, 12), rng.randint(1, 28)
        names = NAMES_KK if kazakh else NAMES_RU
        if kazakh:
            extra = f"Кездесуге {rng.choice(names)} қатысты. Тауар айналымы {i + 1} млн долларға жетті."
        else:
            extra = f"Во встрече участвовал {rng.choice(names)}. Товарооборот достиг {i + 1} млн долларов."
        body.insert(rng.randint(1, len(body)), extra)
        style = rng.random()
        if style < 0.35:
            text = f" date {year}-{month:02d}-{day:02d}\n" + "\n\n".join(body)
        elif style < 0.5:
            text = f" date {year}-{month:02d}-{day:02d} " + "\n\n".join(body)  # header runs into the text
        elif style < 0.75:
            when = f"{year} жылғы {day} {MONTHS_KK[month - 1]}" if kazakh else f"{day} {MONTHS_RU[month - 1]} {year} года"
            text = f"{when} " + body[0][0].lower() + body[0][1:] + "\n\n" + "\n\n".join(body[1:])
        else:
            text = "\n\n".join(body)  # dated, if at all, by what the text says
        if rng.random() < 0.2:
            text = text.replace("\n", "\r\n")
        data = text.encode("utf-8") + b"\n"
        if rng.random() < 0.1:
            data = b"\xef\xbb\xbf" + data
        elif not kazakh and rng.random() < 0.02:
            data = (text + "\n").encode("cp1251")
        path = folder / f"{i:06d}_{hashlib.sha256(data).hexdigest()[:16]}.txt"
        path.write_bytes(data)
        size += len(data)
    return size


def _kazakh(paragraphs: tuple[str, ...]) -> bool:
    return any(c in "әғқңөұүһі" for c in "".join(paragraphs).lower())


def _rss_mib() -> float:
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024 if sys.platform == "darwin" else 1024)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--count", type=int, default=10_000, help="how many texts (default 10000)")
    p.add_argument("--seed", type=int, default=1, help="random seed of the corpus (default 1)")
    p.add_argument("--tracemalloc", action="store_true",
                   help="also trace Python allocations (peak heap); makes ingest itself slower")
    p.add_argument("--keep", metavar="DIR", help="build in DIR and keep it, instead of a temporary folder")
    args = p.parse_args(argv)

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    try:
        seeds, content = work / "seeds", work / "content"
        for folder in (seeds, content):
            if folder.exists():
                shutil.rmtree(folder)
        seeds.mkdir(parents=True)
        t0 = time.perf_counter()
        size = corpus(args.count, args.seed, seeds)
        generated = time.perf_counter() - t0
        rss_before = _rss_mib()

        if args.tracemalloc:
            tracemalloc.start()
        t0 = time.perf_counter()
        report = ingest(seeds, content)
        wall = time.perf_counter() - t0
        heap_peak = tracemalloc.get_traced_memory()[1] / 2**20 if args.tracemalloc else None
        tracemalloc.stop()
        rss_after = _rss_mib()

        t0 = time.perf_counter()
        again = ingest(seeds, content)
        rerun = time.perf_counter() - t0
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        events = (content / "timeline.yaml").read_text(encoding="utf-8").count("\n- id: ")
        print(f"corpus:     {args.count} texts, {size / 2**20:.1f} MiB, generated in {generated:.1f} s (seed {args.seed})")
        print(f"ingest:     {len(report.added)} added, {len(report.problems)} refused, "
              f"{len(report.warnings)} warnings, {events} timeline events")
        print(f"wall time:  {wall:.2f} s")
        print(f"throughput: {len(report.added) / wall:.0f} documents/s")
        print(f"peak RSS:   {rss_after:.0f} MiB (process high-water mark; {rss_before:.0f} MiB before ingest); "
              f"largest worker {children:.0f} MiB")
        print(f"re-run:     {rerun:.2f} s over {len(again.unchanged)} unchanged seeds ({len(again.added)} added)")
        if heap_peak is not None:
            print(f"peak heap:  {heap_peak:.0f} MiB (tracemalloc, Python allocations during ingest)")
        return 0 if not report.problems else 1
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
