"""Ingest: seeds become annotated content entries and timeline events, never overwriting the editor's work."""

from __future__ import annotations

import hashlib
import os
import re
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from site_builder import content as ct
from site_builder import knowledge as kb
from site_builder import markup, progress, yamlio
from site_builder.annotate import Annotation, Annotator
from site_builder.annotate import names as person_names
from site_builder.errors import Problem, UserError, display_path, problem
from site_builder.files import write_text
from site_builder.knowledge import Knowledge
from site_builder.seeds import Seed, hidden_seeds, read_all
from site_builder.staging import die_with_parent

# Below this many new seeds, starting worker processes (each loading the model) costs more than it saves.
PARALLEL_FROM = 64


@dataclass
class Report:
    """What one ingest run did, for the command line to print."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    defaults_written: list[Path] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    timeline_written: bool = False
    suggested: list[str] = field(default_factory=list)


ID_LENGTH = 80


def document_id(seed: Seed) -> str:
    """A URL-safe id from the seed's file name: lowercase Latin letters, digits and hyphens.

    The same name in any Unicode form or letter case gives the same id (Café.txt, café.txt);
    a name with no letter to keep gets one from its digest.
    """
    slug = markup.slug(seed.stem, ID_LENGTH)
    if slug in ct.RESERVED_IDS:
        return f"{slug}-document"  # the address of a list page (documents/page/, documents/by-title/)
    return slug or "document-" + hashlib.sha256(markup.latin_lower(seed.stem).encode("utf-8")).hexdigest()[:12]


def entry_front(a: Annotation, doc_id: str, related: list[str]) -> dict:
    """Front matter for an annotated seed, keys in the documented order."""
    s = a.seed
    return {
        "id": doc_id,
        "title": a.title,
        "title_source": a.title_source,
        "date": a.date.date,
        "date_precision": a.date.precision,
        "date_evidence": a.date.evidence if a.date.date else "no date found in the text",
        **({"date_confidence": "low"} if a.date.date and a.date.confidence == "low" else {}),
        **({"date_range": {"from": a.date_range[0], "to": a.date_range[1], "evidence": a.date_range[2]}}
           if a.date_range else {}),
        "language": a.language,
        "outlet": a.outlet,
        "outlet_cites": a.outlet_cites,
        "topics": list(a.topics),
        "topic_evidence": {t: list(words) for t, words in a.topic_evidence.items()},
        "people": list(a.people),
        "places": list(a.places),
        "organizations": list(a.organizations),
        "quotes": [{"speaker": q.speaker, "text": q.text, "paragraph": q.paragraph} for q in a.quotes],
        "related": related,
        "leftovers": list(a.leftovers),
        "seed": s.name,
        "seed_sha256": s.sha256,
        "seed_encoding": s.encoding,
    }


_SEED_LINE = re.compile(r"^seed: ([^'\"#\n][^#\n]*?)\s*$", re.M)
_SHA_LINE = re.compile(r"^seed_sha256: ([0-9a-f]{64})\s*$", re.M)


def _existing_entries(doc_dir: Path) -> dict[str, tuple[Path, dict]]:
    """Entries already in content/, by seed file name (only their seed and seed_sha256 are read)."""
    out: dict[str, tuple[Path, dict]] = {}
    for path in ct.entry_files(doc_dir):
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise UserError(problem(path, "not UTF-8 text")) from None
        except OSError as e:
            raise UserError(problem(path, f"cannot read file ({e.strerror})")) from None
        head = text[:text.find("\n---", 3) + 1] if text.startswith("---") else ""
        seed, sha = _SEED_LINE.search(head), _SHA_LINE.search(head)
        if seed and sha and ":" not in seed.group(1):
            # The two plain lines ingest writes: no need to parse the whole front matter of every entry.
            out[seed.group(1)] = (path, {"seed": seed.group(1), "seed_sha256": sha.group(1)})
            continue
        front, *_ = ct.split_entry(text, path)
        if isinstance(front.get("seed"), str):
            out[front["seed"]] = (path, front)
    return out


def _claims(seeds: list[Seed], existing: dict[str, tuple[Path, dict]], doc_dir: Path, report: Report) -> dict[str, str]:
    """The id each new seed's entry gets, by seed name; a seed whose id another new seed's name or
    an existing entry already gives is refused, naming both files, so that nothing is overwritten."""
    taken = {path.stem: path for path in ct.entry_files(doc_dir)}
    wanted: dict[str, list[Seed]] = {}
    for seed in seeds:
        if seed.name not in existing:
            wanted.setdefault(document_id(seed), []).append(seed)
    claims: dict[str, str] = {}
    for doc_id, group in wanted.items():
        if doc_id in taken:
            for seed in group:
                report.problems.append(problem(seed.path, f"its name gives the id {doc_id!r} of the existing entry "
                                                          f"{display_path(taken[doc_id])}; rename the seed"))
        elif len(group) > 1:
            for seed in group:
                others = ", ".join(display_path(o.path) for o in group if o is not seed)
                report.problems.append(problem(seed.path, f"its name gives the same id {doc_id!r} as {others}; "
                                                          "rename one of them (neither is ingested)"))
        else:
            claims[group[0].name] = doc_id
    return claims


def _own_event(a: Annotation, knowledge: Knowledge) -> str:
    """The id of the event a document reports: a known event, or one made from its date and place."""
    if a.date.event:
        return a.date.event
    for event in knowledge.events:
        if event.dates_reports and event.date == a.date.date and event.id in a.events:
            return event.id
    place = a.places[0] if a.places else "event"
    return f"{a.date.date or 'undated'}-{place}"


def _generated_event(a: Annotation, event_id: str, knowledge: Knowledge, doc_id: str) -> dict:
    """An event no chronology entry describes: titled by the report's headline (or first sentence) in
    the report's own language; the site marks that language where another language's title is missing."""
    place = knowledge.entity(a.places[0]) if a.places else None
    return {
        "id": event_id,
        "date": a.date.date,
        "date_precision": a.date.precision,
        "title": {a.language: a.title},
        "summary": {},
        "place": place.id if place else None,
        "topics": list(a.topics),
        "documents": [doc_id],
        "sources": [],
    }


def _known_event(event: kb.KnownEvent) -> dict:
    return {
        "id": event.id,
        "date": event.date,
        "date_precision": event.date_precision,
        "title": dict(event.title),
        "summary": dict(event.summary),
        "place": event.place,
        "topics": list(event.topics),
        "documents": [],
        "sources": [],
    }


def _cite(event: dict, doc_id: str, paragraphs: tuple[int, ...]) -> bool:
    """Add a document and the paragraphs it supports an event with; False if it was there already."""
    if doc_id in event["documents"]:
        return False
    event["documents"].append(doc_id)
    event["sources"].append({"document": doc_id, "paragraphs": sorted(set(paragraphs))})
    return True


def _timeline_events(items: list, path: Path) -> dict[str, dict]:
    """The timeline's events by id, or a UserError when ingest could not add to them safely."""
    events: dict[str, dict] = {}
    problems = []
    for i, item in enumerate(items):
        line = yamlio.line_of(items, i)
        if not isinstance(item, dict) or not isinstance(item.get("id"), str):
            problems.append(problem(path, "each event needs an id (run `site-builder check`)", line))
            continue
        documents = item.get("documents") or []
        if not isinstance(documents, list) or not all(isinstance(d, str) for d in documents):
            problems.append(problem(path, f"event {item['id']}: documents must be a list of ids (run `site-builder check`)",
                                    yamlio.line_of(item, "documents")))
        if not isinstance(item.get("sources") or [], list):
            problems.append(problem(path, f"event {item['id']}: sources must be a list (run `site-builder check`)",
                                    yamlio.line_of(item, "sources")))
        if not isinstance(item.get("date"), (str, type(None))):
            problems.append(problem(path, f"event {item['id']}: date must be YYYY-MM-DD, YYYY-MM or YYYY "
                                    "(run `site-builder check`)", yamlio.line_of(item, "date")))
        events[item["id"]] = item
    if problems:
        raise UserError(problems)
    return events


def ingest(seeds_dir: Path, content: Path, phases: progress.Phases | None = None) -> Report:
    """Annotate new seeds into `content`; keep entries that exist, report seeds whose text changed."""
    phases = phases or progress.silent()
    report = Report()
    with phases.phase("read", unit="texts") as bar:
        seeds, report.problems = read_all(seeds_dir)
        bar.update(len(seeds))
    phases.count(texts=len(seeds), bytes=sum(_size(s.path) for s in seeds))
    for path in hidden_seeds(seeds_dir):
        report.warnings.append(problem(path, "a hidden file (its name starts with a dot): not ingested"))
    try:
        content.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise UserError(problem(content, f"cannot create the content folder ({e.strerror})")) from None
    report.defaults_written = kb.write_missing_defaults(content)
    doc_dir = content / ct.DOCUMENTS
    existing = _existing_entries(doc_dir)
    claims = _claims(seeds, existing, doc_dir, report)
    todo: list[tuple[str, Seed]] = []
    for seed in seeds:
        if seed.name in existing:
            path, front = existing[seed.name]
            if front.get("seed_sha256") == seed.sha256:
                report.unchanged.append(path.stem)
            else:
                report.changed.append(path.stem)
                report.warnings.append(problem(
                    seed.path, f"text changed since it was ingested; {ct.DOCUMENTS}/{path.name} kept as it is "
                    "(delete that entry to ingest the new text)"))
            continue
        doc_id = claims.get(seed.name)
        if doc_id is None:  # its name conflicts with another's: reported by _claims
            continue
        todo.append((doc_id, seed))
    timeline_path = content / ct.TIMELINE
    if not todo and timeline_path.exists():
        # Nothing new: the knowledge and the timeline are not read (a re-run over many unchanged seeds is quick).
        return report
    with phases.phase("annotate", total=len(todo), unit="texts") as bar:
        knowledge = kb.load(content)
        new = list(zip((doc_id for doc_id, _ in todo),
                       annotate_all([s for _, s in todo], knowledge, content, bar.update)))
    new = _suggest(new, content, knowledge, report)
    for doc_id, a in new:
        seed = a.seed
        if not a.date.date:
            hint = f" (the offices it names allow {a.date_range[0]} to {a.date_range[1] or 'now'})" if a.date_range else ""
            report.warnings.append(problem(seed.path, f"no date found in the text{hint}; set date and date_precision by hand"))
        for q in a.quotes:
            if q.speaker is None:
                report.warnings.append(problem(seed.path, f"quote with unknown speaker ({q.attribution!r})", None))

    timeline = yamlio.load(timeline_path) if timeline_path.exists() else {"events": []}
    if not isinstance(timeline, dict) or not isinstance(timeline.get("events"), list):
        raise UserError(problem(timeline_path, "expected a list under 'events:'", 1))
    events = _timeline_events(timeline["events"], timeline_path)
    # Related accounts: documents that report the same event, old or new.
    members: dict[str, list[str]] = {}
    for ev in events.values():
        for d in ev.get("documents") or []:
            members.setdefault(ev["id"], []).append(d)
    own = {doc_id: _own_event(a, knowledge) for doc_id, a in new}
    for doc_id, event_id in own.items():
        members.setdefault(event_id, []).append(doc_id)

    changed_timeline = False
    by_id = {ev.id: ev for ev in knowledge.events}
    for doc_id, a in new:
        event_id = own[doc_id]
        if event_id not in events:
            events[event_id] = _known_event(by_id[event_id]) if event_id in by_id else _generated_event(a, event_id, knowledge, doc_id)
            events[event_id]["documents"] = []
        own_paragraphs = a.events.get(event_id) or a.date.paragraphs or (a.lead,)
        changed_timeline |= _cite(events[event_id], doc_id, tuple(sorted({a.lead, *own_paragraphs})))
        for mentioned, paragraphs in a.events.items():
            if mentioned == event_id or mentioned not in by_id:
                continue
            if mentioned not in events:
                events[mentioned] = _known_event(by_id[mentioned])
            changed_timeline |= _cite(events[mentioned], doc_id, paragraphs)

    with phases.phase("write", total=len(new), unit="entries") as bar:
        for doc_id, a in new:
            related = sorted(d for d in members.get(own[doc_id], []) if d != doc_id)
            text = ct.format_entry(entry_front(a, doc_id, related), tuple(ct.escape(p) for p in a.seed.paragraphs))
            write_text(doc_dir / f"{doc_id}.md", text)
            report.added.append(doc_id)
            bar.update()
        if changed_timeline or not timeline_path.exists():
            ordered = sorted(events.values(), key=lambda e: (ct.sort_key(e.get("date")), e["id"]))
            header = ("# Timeline: events that cite the paragraphs they rest on. Edit freely; ingest only adds\n"
                      "# new events and new documents' citations, and rewrites this file when it does.\n")
            write_text(timeline_path, header + yamlio.dump({"events": ordered}))
            report.timeline_written = True
    phases.count(entries=len(report.added))
    return report


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


_worker: Annotator | None = None
# Building an annotator compiles thousands of patterns: one per knowledge base per process.
_ANNOTATORS: dict[int, tuple[Knowledge, Annotator]] = {}


def _annotator(knowledge: Knowledge) -> Annotator:
    cached = _ANNOTATORS.get(id(knowledge))
    if cached is None or cached[0] is not knowledge:
        if len(_ANNOTATORS) >= 4:
            _ANNOTATORS.pop(next(iter(_ANNOTATORS)))
        cached = _ANNOTATORS[id(knowledge)] = (knowledge, Annotator(knowledge))
    return cached[1]


def _start_worker(content: Path, parent: int) -> None:
    global _worker
    # An ingest killed with kill -9 takes its workers with it (they would wait for work forever).
    die_with_parent(parent)
    _worker = Annotator(kb.load(content))


def _annotate_one(seed: Seed) -> Annotation:
    assert _worker is not None
    return _worker.annotate(seed)


def annotate_all(seeds: list[Seed], knowledge: Knowledge, content: Path,
                 done: Callable[[int], None] | None = None) -> list[Annotation]:
    """Annotations of `seeds`, in their order; many seeds are spread over the machine's cores, each
    worker loading the knowledge and the language model once. `done(n)` is told as texts are annotated."""
    done = done or (lambda n: None)
    workers = min(os.cpu_count() or 1, 8)
    if len(seeds) < PARALLEL_FROM or workers < 2:
        annotator = _annotator(knowledge)
        out = []
        for seed in seeds:
            out.append(annotator.annotate(seed))
            done(1)
        return out
    # One thread of linear algebra per process: the processes already fill the cores.
    for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(var, "1")
    with ProcessPoolExecutor(workers, initializer=_start_worker, initargs=(content, os.getpid())) as pool:
        out = []
        for a in pool.map(_annotate_one, seeds, chunksize=32):
            out.append(a)
            done(1)
        return out


def _suggest(new: list[tuple[str, Annotation]], content: Path, knowledge: Knowledge,
             report: Report) -> list[tuple[str, Annotation]]:
    """People the knowledge base lacks become suggested entities in entities.yaml (appended, the
    editor's text untouched); the same person in another script or case is one entity."""
    import dataclasses

    merged: dict[str, dict] = {}
    renamed: dict[tuple[str, str], str] = {}
    for doc_id, a in new:
        for person in a.new_people:
            k = person_names.key(person.name, person.language)
            entry = merged.get(k)
            if entry is None:
                entry = merged[k] = {
                    "id": person.id, "type": "person", "kind": "official" if person.role else "",
                    "suggested": True, "name": {person.language: person.name, "en": person.latin},
                    "description": {person.language: person.role} if person.role else {},
                    "aliases": sorted({person.name, person.latin}), "documents": []}
            else:
                entry["name"].setdefault(person.language, person.name)
                entry["aliases"] = sorted({*entry["aliases"], person.name})
                if person.role:
                    entry["description"].setdefault(person.language, person.role)
            if doc_id not in entry["documents"]:
                entry["documents"].append(doc_id)
            renamed[(doc_id, person.id)] = entry["id"]
    if not merged:
        return new
    out = []
    for doc_id, a in new:
        people = tuple(dict.fromkeys(renamed.get((doc_id, p), p) for p in a.people))
        quotes = tuple(dataclasses.replace(q, speaker=renamed.get((doc_id, q.speaker), q.speaker)) for q in a.quotes)
        out.append((doc_id, dataclasses.replace(a, people=people, quotes=quotes)))
    path = content / "entities.yaml"
    text = path.read_text(encoding="utf-8") if path.exists() else kb.default_text("entities.yaml")
    items = [{k: v for k, v in e.items() if v not in ("", {}, [])} | {"suggested": True} for e in merged.values()]
    block = yamlio.dump(items).replace("\n", "\n  ")
    if not text.endswith("\n"):
        text += "\n"
    text += "  # Suggested by ingest: people found in texts, to confirm (remove suggested: true) or delete.\n  " \
        + block.rstrip() + "\n"
    write_text(path, text)
    report.suggested = [e["id"] for e in merged.values()]
    return out
