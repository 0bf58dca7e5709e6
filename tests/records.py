"""A generated record of many documents, written as content entries (no ingest), for the tests of scale.

Every document names one person (Ilham Aliyev) and quotes him in its text, so his page has as
many documents and quotes as the record; one event has 300 sources; one year has more events
than a year page holds. The same n always gives the same record.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import yaml

from site_builder.pages import PER_PAGE

ROOT = Path(__file__).resolve().parent.parent
TOPICS = ("politics", "transport", "energy", "culture", "economy")
PEOPLE = ("kassym-jomart-tokayev", "heydar-aliyev", "nursultan-nazarbayev")
PLACES = ("baku", "astana", "aktau", "caspian-sea")
OUTLETS = [f"Outlet {chr(65 + i)}" for i in range(20)] + ["Kazinform", "AZERTAC", "Trend", "Тенгри"]
WORDS = {"ru": "соглашение о сотрудничестве в области транспорта и энергетики между странами".split(),
         "kk": "екі ел арасындағы көлік және энергетика саласындағы ынтымақтастық туралы келісім".split(),
         "az": "iki ölkə arasında nəqliyyat və enerji sahəsində əməkdaşlıq haqqında saziş".split(),
         "en": "an agreement on cooperation in transport and energy between the two countries".split()}
QUOTE = {"ru": "Наши страны стратегические партнёры номер {i}", "kk": "Біздің елдер стратегиялық серіктес {i}",
         "az": "Ölkələrimiz strateji tərəfdaşdır {i}", "en": "Our countries are strategic partners number {i}"}
DENSE_YEAR = "2024"


def make_record(root: Path, n: int) -> Path:
    """Write a project of `n` documents into `root` (site.yaml, content/, seeds/, templates/, static/)."""
    rng = random.Random(n)
    root.mkdir(parents=True, exist_ok=True)
    for name in ("templates", "static"):
        shutil.copytree(ROOT / name, root / name, dirs_exist_ok=True)
    shutil.copy(ROOT / "site.yaml", root / "site.yaml")
    content = root / "content"
    docs_dir = content / "documents"
    docs_dir.mkdir(parents=True, exist_ok=True)
    for name in ("topics.yaml", "entities.yaml", "calendar.yaml", "offices.yaml", "outlets.yaml"):
        shutil.copy(ROOT / "content" / name, content / name)
    seeds = root / "seeds"
    seeds.mkdir(exist_ok=True)
    docs = []
    for i in range(n):
        lang = ("ru", "kk", "az", "en")[i % 4]
        year = 1995 + i % 31
        date = f"{year}-{1 + i % 12:02d}-{1 + i % 28:02d}"
        doc_id = f"doc-{i:05d}"
        quote = QUOTE[lang].format(i=i)
        words = WORDS[lang]
        paragraphs = [" ".join(rng.choice(words) for _ in range(12)).capitalize() + ".",
                      f"«{quote}», — {i}." if lang != "en" else f'"{quote}," he said ({i}).',
                      " ".join(rng.choice(words) for _ in range(30)) + "."]
        front = {
            "id": doc_id, "title": f"{' '.join(words[:4]).capitalize()} {i}", "date": date, "date_precision": "day",
            "date_evidence": "header", "language": lang, "outlet": OUTLETS[i % len(OUTLETS)] if i % 7 else None,
            "outlet_cites": None, "topics": sorted(rng.sample(TOPICS, 1 + i % 3)),
            "people": ["ilham-aliyev", PEOPLE[i % len(PEOPLE)]], "places": [PLACES[i % len(PLACES)]],
            "organizations": [], "quotes": [{"speaker": "ilham-aliyev", "text": quote, "paragraph": 2}],
            "related": [], "leftovers": [], "seed": f"{doc_id}.txt",
        }
        text = "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + "\n\n".join(paragraphs) + "\n"
        (docs_dir / f"{doc_id}.md").write_text(text, encoding="utf-8")
        (seeds / f"{doc_id}.txt").write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        docs.append(front)
    events = []
    # An event for every ten documents, dated like the first of them; one year gets many more.
    for k in range(0, n, 10):
        members = docs[k:k + 10]
        events.append(_event(f"event-{k:05d}", members[0]["date"], members, rng))
    for k in range(PER_PAGE + 30):  # more than a year page holds
        members = docs[k * 7 % n: k * 7 % n + 3]
        events.append(_event(f"dense-{k:03d}", f"{DENSE_YEAR}-{1 + k % 12:02d}-{1 + k % 28:02d}", members, rng))
    events.append(_event("widely-reported", "2010-05-05", docs[:300], rng))
    events.sort(key=lambda e: (e["date"], e["id"]))
    # An event no source dates (ingest makes these): it has a page of its own, after the years.
    undated = _event("undated-event", None, docs[5:7], rng)
    undated["date_precision"] = None
    events.append(undated)
    (content / "timeline.yaml").write_text(yaml.safe_dump({"events": events}, allow_unicode=True, sort_keys=False),
                                           encoding="utf-8")
    return root


def _event(eid: str, date: str | None, members: list[dict], rng: random.Random) -> dict:
    return {"id": eid, "date": date, "date_precision": "day",
            "title": {"en": f"Event {eid}", "ru": f"Событие {eid}"}, "summary": {}, "place": "baku",
            "topics": [rng.choice(TOPICS)], "documents": [d["id"] for d in members],
            "sources": [{"document": d["id"], "paragraphs": [1]} for d in members]}
