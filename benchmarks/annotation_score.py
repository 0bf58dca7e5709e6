"""Score annotation against expected annotations, field by field.

    python3 benchmarks/annotation_score.py                       # the development set in tests/fixtures/annotation
    python3 benchmarks/annotation_score.py TEXTS EXPECTED.yaml [EXPECTED2.yaml …] [--details]

Ingests the folder of texts into a temporary content folder, then compares each entry with its
expected annotations (keys: language, date, date_precision, date_alternatives, title, outlet,
outlet_cites, topics, people, quotes, leftovers) and prints: language, date (right at its precision or an
acceptable alternative), invented days (a day where the expected date has none, or no day was
written), title, outlet, topic micro-F1, people recall and precision, and — over the texts whose
expectations list their quotes ({speaker, starts}) — quote recall, quote precision and the share of the
quotes found whose speaker is right.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from site_builder import knowledge as kb  # noqa: E402
from site_builder.annotate import names  # noqa: E402
from site_builder import content as ct  # noqa: E402
from site_builder.ingest import document_id, ingest  # noqa: E402
from site_builder.seeds import read_seed  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "annotation"


def expected_of(files: list[Path]) -> dict[str, dict]:
    out: dict[str, dict] = {}
    for f in files:
        out.update(yaml.safe_load(f.read_text(encoding="utf-8")) or {})
    return out


def person_keys(entity) -> set[str]:
    """Every spelling of a person the scorer accepts, as name keys."""
    return {names.key(n, lang) for n in entity.all_names for lang in ("", "az")} | {names.key(entity.id)}


def compare(folder: Path, expected: dict[str, dict]):
    """(per-text rows, totals) for the texts of `folder` against `expected`."""
    with tempfile.TemporaryDirectory() as tmp:
        content = Path(tmp) / "content"
        ingest(folder, content)
        knowledge = kb.load(content)
        rows = []
        for name, want in sorted(expected.items()):
            seed = folder / f"{name}.txt"
            doc = content / "documents" / f"{document_id(read_seed(seed))}.md"
            front = ct.split_entry(doc.read_text(encoding="utf-8"), doc)[0]
            rows.append(score_one(name, front, want, knowledge))
    return rows


def score_one(name: str, got: dict, want: dict, knowledge) -> dict:
    row: dict = {"name": name, "has": set(want)}
    row["language"] = got["language"] == want["language"]
    accepted = [want.get("date")] + list(want.get("date_alternatives") or [])
    # An alternative is acceptable even where the reader gives no date of the event ("the page's date line").
    row["date"] = got.get("date") in accepted if got.get("date") else want.get("date") is None
    # An invented day: a day the text does not give (the expected date has no day, or there is none).
    day = got.get("date") and len(str(got["date"])) == 10
    row["invented_day"] = bool(day and not any(a and len(str(a)) == 10 for a in accepted))
    # A first sentence longer than 120 characters is cut at a word and ends in "…": right if the rest is the sentence's.
    title, wanted_title = (got.get("title") or "").rstrip("."), (want.get("title") or "").rstrip(".…")
    row["title"] = title.rstrip("…") == wanted_title or (
        title.endswith("…") and len(title) > 60 and wanted_title.startswith(title.rstrip("…")))
    row["outlet"] = got.get("outlet") == want.get("outlet")
    row["outlet_cites"] = got.get("outlet_cites") == want.get("outlet_cites")
    # The same outlet in another spelling ("BAQ.KZ" for Baq.kz, "Интерфакс" for Interfax): the site shows
    # one name an outlet, a reader may write the text's.
    row["outlet_any"] = _same_outlet(got.get("outlet"), want.get("outlet"), knowledge)
    gt, wt = set(got.get("topics") or []), set(want.get("topics") or [])
    row["topics"] = (len(gt & wt), len(gt), len(wt))
    wanted = [names.key(n) for n in want.get("people") or []] + [names.key(n, "az") for n in want.get("people") or []]
    found_people = got.get("people") or []
    hit_expected: set[int] = set()
    right = 0
    for pid in found_people:
        e = knowledge.entity(pid)
        keys = person_keys(e) if e else {names.key(pid)}
        match = [i for i, n in enumerate(want.get("people") or [])
                 if {names.key(n), names.key(n, "az")} & keys or _surname_of(n, keys)]
        if match:
            right += 1
            hit_expected.update(match)
    row["people"] = (len(hit_expected), right, len(found_people), len(want.get("people") or []))
    row["quotes"] = _quotes(got.get("quotes") or [], want["quotes"], knowledge) if "quotes" in want else None
    row["got"] = {k: got.get(k) for k in ("date", "title", "outlet", "outlet_cites", "topics", "people")}
    row["want"] = {k: want.get(k) for k in ("date", "title", "outlet", "outlet_cites", "topics", "people")}
    del wanted
    return row


def _quotes(found: list[dict], wanted: list[dict], knowledge) -> tuple[int, int, int, int]:
    """(expected quotes found, of them with the right speaker, quotations written, quotes expected).

    A quotation is found when a written quote starts with the expected words (a quotation of several
    paragraphs is written as one quote a paragraph: the first is the one compared)."""
    hit = right = 0
    for w in wanted:
        same = [q for q in found if str(q.get("text", "")).startswith(w["starts"])]
        if not same:
            continue
        hit += 1
        pid = same[0].get("speaker")
        e = knowledge.entity(pid) if pid else None
        keys = person_keys(e) if e else ({names.key(pid)} if pid else set())
        if (w.get("speaker") is None and pid is None) or (w.get("speaker") and keys and (
                {names.key(w["speaker"]), names.key(w["speaker"], "az")} & keys or _surname_of(w["speaker"], keys))):
            right += 1
    starts = [w["starts"] for w in wanted]

    def expected(q: dict) -> bool:
        return any(str(q.get("text", "")).startswith(x) for x in starts)

    # A quotation of several paragraphs is written a quote a paragraph: its later paragraphs are not extra.
    # (transitively: each paragraph of the quotation follows the one before it, back to the expected one)
    continues = {id(q) for q in found if expected(q)}
    for q in sorted(found, key=lambda q: q.get("paragraph", 0)):
        if id(q) not in continues and any(id(f) in continues and f.get("paragraph") == q.get("paragraph", 0) - 1
                                          and f.get("speaker") == q.get("speaker") for f in found):
            continues.add(id(q))
    later = [q for q in found if not expected(q) and id(q) in continues]
    extra = len(found) - len(later) - len([q for q in found if expected(q)])
    return hit, right, hit + extra, len(wanted)


def _same_outlet(got: str | None, want: str | None, knowledge) -> bool:
    if got is None or want is None:
        return got == want
    def spellings(name: str) -> set[str]:
        out = {name.casefold()}
        for e in knowledge.entities:
            if e.type == "outlet" and name.casefold() in {n.casefold() for n in (*e.all_names, e.name["en"])}:
                out |= {n.casefold() for n in (*e.all_names, e.name["en"])}
        return out
    return bool(spellings(got) & spellings(want))


def _surname_of(name: str, keys: set[str]) -> bool:
    """A known person written with first name and surname matches an entity known by the full name."""
    parts = name.split()
    return len(parts) >= 2 and any(k.endswith(names.key(parts[-1])) and k.startswith(names.key(parts[0])[:3])
                                   for k in keys)


def totals(rows: list[dict]) -> dict[str, float]:
    """The figures over the texts whose expectations give each field (a set may give only some)."""
    def having(*keys):
        return [r for r in rows if any(k in r["has"] for k in keys)]

    def share(key, field=None):
        part = having(key)
        return sum(r[field or key] for r in part) / len(part) if part else None

    n = len(rows)
    topical = having("topics")
    tp = sum(r["topics"][0] for r in topical)
    got = sum(r["topics"][1] for r in topical)
    want = sum(r["topics"][2] for r in topical)
    p = tp / got if got else 1.0
    r_ = tp / want if want else 1.0
    peopled = having("people")
    recall_hits = sum(r["people"][0] for r in peopled)
    right = sum(r["people"][1] for r in peopled)
    found = sum(r["people"][2] for r in peopled)
    wanted = sum(r["people"][3] for r in peopled)
    scored = [r["quotes"] for r in rows if r["quotes"] is not None]
    q_hit = sum(q[0] for q in scored)
    q_right = sum(q[1] for q in scored)
    q_written = sum(q[2] for q in scored)
    q_wanted = sum(q[3] for q in scored)
    return {
        "quote_texts": len(scored),
        "quote_recall": q_hit / q_wanted if q_wanted else 1.0,
        "quote_precision": q_hit / q_written if q_written else 1.0,
        "quote_speakers": q_right / q_hit if q_hit else 1.0,
        "texts": n,
        "language": share("language"),
        "date": share("date"),
        "invented_days": sum(r["invented_day"] for r in having("date")),
        "title": share("title"),
        "outlet": share("outlet"),
        "outlet_cites": share("outlet_cites"),
        "outlet_any": share("outlet", "outlet_any"),
        "topic_f1": (2 * p * r_ / (p + r_) if p + r_ else 0.0) if topical else None,
        "people_recall": (recall_hits / wanted if wanted else 1.0) if peopled else None,
        "people_precision": (right / found if found else 1.0) if peopled else None,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("texts", nargs="?", type=Path, default=FIXTURES)
    parser.add_argument("expected", nargs="*", type=Path)
    parser.add_argument("--details", action="store_true", help="print each text whose fields differ")
    args = parser.parse_args(argv)
    files = args.expected or sorted(args.texts.glob("expected*.yaml"))
    rows = compare(args.texts, expected_of(files))
    if args.details:
        for r in rows:
            wrong = [k for k in ("language", "date", "title", "outlet", "outlet_cites") if not r[k]]
            if r["topics"][0] != r["topics"][1] or r["topics"][0] != r["topics"][2]:
                wrong.append("topics")
            if r["people"][0] != r["people"][3] or r["people"][1] != r["people"][2]:
                wrong.append("people")
            if wrong:
                print(f"{r['name']}: " + "; ".join(f"{k}: got {r['got'].get(k)!r}, want {r['want'].get(k)!r}" for k in wrong))
    t = totals(rows)

    def show(key, fmt):
        return "—" if t[key] is None else format(t[key], fmt)
    print(f"texts {t['texts']}  language {show('language', '.1%')}  date {show('date', '.1%')}  "
          f"invented days {t['invented_days']}  title {show('title', '.1%')}  outlet {show('outlet', '.1%')}  "
          f"(any spelling {show('outlet_any', '.1%')})  "
          f"outlet_cites {show('outlet_cites', '.1%')}  topic F1 {show('topic_f1', '.3f')}  "
          f"people recall {show('people_recall', '.3f')}  precision {show('people_precision', '.3f')}"
          + (f"  quotes (in {t['quote_texts']} texts) recall {t['quote_recall']:.3f}  precision {t['quote_precision']:.3f}  "
             f"speaker right {t['quote_speakers']:.3f}" if t["quote_texts"] else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
