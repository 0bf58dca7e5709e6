"""Benchmark corpus: N documents made by the real ingest from seed texts recombined from seeds/.

Each generated seed takes 4–14 paragraphs of one language from the five real seeds, in a
shuffled order, with one of several cities put in place of Baku, one of several made-up
analysts in place of the real one, and (for nine in ten) a dated header between 2005 and
2025. Paragraphs that on their own name a known event are used rarely, so that known events
gather a few percent of the documents rather than all of them (as in a real record).
The same N always gives the same corpus; it is cached under /tmp, keyed by N and by the
sources it depends on (this file, the real seeds, the ingest code and its knowledge files).

    python benchmarks/corpus.py 1000        # prints the path of the project folder
"""

from __future__ import annotations

import hashlib
import random
import re
import shutil
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from site_builder import knowledge as kb  # noqa: E402
from site_builder.annotate import Annotator  # noqa: E402
from site_builder.ingest import ingest  # noqa: E402
from site_builder.seeds import read_seed  # noqa: E402

CACHE = Path(tempfile.gettempdir()) / "site-builder-bench"
# Cities whose Russian names do not decline, so they can stand anywhere "Баку" stood.
CITIES = ("Баку", "Актау", "Алматы", "Тбилиси")
ANALYSTS = ("Азер Гараев", "Эльчин Мамедов", "Айдос Серикбаев", "Рустам Алиев", "Нурлан Жумабеков",
            "Фарид Гусейнов", "Ержан Касымов", "Тимур Исмаилов")
EVENTFUL_SHARE = 0.03
# What the corpus depends on: a change to any of these makes a new one.
SOURCES = ("benchmarks/corpus.py", "site_builder/ingest.py", *sorted(
               str(p.relative_to(Path(__file__).resolve().parent.parent))
               for p in (Path(__file__).resolve().parent.parent / "site_builder" / "annotate").glob("*.py")),
           "site_builder/matching.py", "site_builder/seeds.py",
           "site_builder/knowledge.py", "site_builder/content.py", "site_builder/yamlio.py",
           "site_builder/defaults/topics.yaml", "site_builder/defaults/entities.yaml",
           "site_builder/defaults/calendar.yaml", "site_builder/defaults/offices.yaml",
           "site_builder/defaults/outlets.yaml")


def _fingerprint() -> str:
    h = hashlib.sha256()
    for rel in SOURCES:
        h.update(rel.encode() + b"\0" + (ROOT / rel).read_bytes())
    for seed in sorted((ROOT / "seeds").glob("*.txt")):
        h.update(seed.name.encode() + b"\0" + seed.read_bytes())
    return h.hexdigest()[:12]


def _pools() -> dict[str, tuple[list[str], list[str]]]:
    """Paragraphs of the real seeds by text language: (quiet ones, ones that name a known event)."""
    annotator = Annotator(kb.load(ROOT / "content"))
    pools: dict[str, tuple[list[str], list[str]]] = {}
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        seed = read_seed(path)
        lang = annotator.annotate(seed).language
        quiet, eventful = pools.setdefault(lang, ([], []))
        for p in seed.paragraphs:
            (eventful if _names_event(annotator, p) else quiet).append(p)
    return pools


def _names_event(annotator: Annotator, paragraph: str) -> bool:
    """Whether the paragraph holds any trigger phrase of a known event (so combinations cannot add up)."""
    hits, words, anywhere, named = annotator.events.read((paragraph,))
    return bool(hits or named or annotator.events.triggers.find(paragraph))


def seed_texts(n: int) -> list[tuple[str, str]]:
    """(file name, text) of `n` generated seeds; the same `n` always gives the same texts."""
    rng = random.Random(20251122)
    pools = _pools()
    languages = sorted(pools)
    weights = [sum(len(x) for x in pools[lang]) for lang in languages]
    seen: set[tuple[str, ...]] = set()
    out = []
    start = time.mktime((2005, 1, 1, 12, 0, 0, 0, 0, -1))
    days = 21 * 365
    for i in range(n):
        while True:
            lang = rng.choices(languages, weights)[0]
            quiet, eventful = pools[lang]
            k = min(len(quiet), rng.randint(4, 14))
            paragraphs = rng.sample(quiet, k)
            if eventful and rng.random() < EVENTFUL_SHARE:
                paragraphs.insert(rng.randrange(1, len(paragraphs) + 1), rng.choice(eventful))
            city, analyst = rng.choice(CITIES), rng.choice(ANALYSTS)
            paragraphs = [re.sub(r"(?<!\w)Баку(?!\w)", city, p).replace("Азер Гараев", analyst) for p in paragraphs]
            if tuple(paragraphs) not in seen:
                break
        seen.add(tuple(paragraphs))
        header = ""
        if rng.random() < 0.9:
            day = time.gmtime(start + rng.randrange(days) * 86400)
            header = f" date {day.tm_year:04d}-{day.tm_mon:02d}-{day.tm_mday:02d} "
        name = f"{i:05d}_{hashlib.sha256(repr((i, paragraphs)).encode()).hexdigest()[:16]}.txt"
        out.append((name, header + "\n\n".join(paragraphs) + "\n"))
    return out


def project(n: int, quiet: bool = False) -> Path:
    """A project folder with seeds/, content/ (N documents, ingested), templates/, static/ and site.yaml.

    The cached seeds/ and content/ are never changed by callers: copy them before editing.
    """
    folder = CACHE / f"corpus-{n}-{_fingerprint()}"
    if not (folder / ".complete").exists():
        for stale in CACHE.glob(f"corpus-{n}-*"):  # made from older sources
            shutil.rmtree(stale, ignore_errors=True)
        CACHE.mkdir(parents=True, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=f".corpus-{n}-", dir=CACHE))
        t0 = time.perf_counter()
        (work / "seeds").mkdir()
        for name, text in seed_texts(n):
            (work / "seeds" / name).write_text(text, encoding="utf-8")
        # The knowledge files are the project's, so the corpus names what the real site names.
        (work / "content").mkdir()
        for name in kb.KNOWLEDGE_FILES:
            shutil.copyfile(ROOT / "content" / name, work / "content" / name)
        report = ingest(work / "seeds", work / "content")
        if report.problems:
            raise SystemExit("\n".join(str(p) for p in report.problems))
        (work / ".complete").write_text(f"{n} documents ingested in {time.perf_counter() - t0:.1f} s\n")
        work.rename(folder)
        if not quiet:
            print(f"corpus: {n} documents ingested in {time.perf_counter() - t0:.1f} s -> {folder}", file=sys.stderr)
    for name in ("templates", "static"):
        if not (folder / name).exists() or _stale(folder / name, ROOT / name):
            shutil.rmtree(folder / name, ignore_errors=True)
            shutil.copytree(ROOT / name, folder / name)
    shutil.copyfile(ROOT / "site.yaml", folder / "site.yaml")
    return folder


def _stale(copy: Path, original: Path) -> bool:
    """Whether the copied templates or static files differ from the project's (others edit them)."""
    a = {p.relative_to(copy): p.read_bytes() for p in copy.rglob("*") if p.is_file()}
    b = {p.relative_to(original): p.read_bytes() for p in original.rglob("*") if p.is_file()}
    return a != b


def describe(folder: Path) -> str:
    """A line on the corpus' shape: documents, events, largest events."""
    from site_builder import content as ct

    corpus = ct.load(folder / "content")
    sizes = sorted((len(ev.documents) for ev in corpus.events), reverse=True)
    langs = Counter(d.language for d in corpus.documents)
    return (f"{len(corpus.documents)} documents ({', '.join(f'{k} {v}' for k, v in sorted(langs.items()))}), "
            f"{len(corpus.events)} events, largest events {sizes[:5]}, "
            f"{sum(1 for d in corpus.documents if not d.date)} undated")


if __name__ == "__main__":
    size = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    path = project(size)
    print(path)
    if "--describe" in sys.argv:
        print(describe(path), file=sys.stderr)
