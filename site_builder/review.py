"""Review: everything in content/ that waits for the editor's decision, each at the file and line to edit."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_builder import check as checking
from site_builder import content as ct
from site_builder import yamlio
from site_builder.errors import UserError, display_path

# In the order they are listed: what stops a build first, then what ingest was unsure of.
KINDS = ("problem", "seed-changed", "undated", "low-confidence-date", "first-sentence-title",
         "quote-without-speaker", "leftovers", "suggested-entity")
# What `reviewed: true` on an entry settles (a check problem or a changed seed is never settled by it).
SETTLED_BY_REVIEWED = frozenset({"undated", "low-confidence-date", "first-sentence-title", "quote-without-speaker",
                                 "leftovers"})


@dataclass(frozen=True)
class Item:
    """One thing the editor has to decide."""

    kind: str
    """One of KINDS."""
    path: str
    """The file to edit, as the user would type it."""
    line: int | None
    """The line of the key to edit in that file."""
    message: str
    """What waits, in one line (English)."""
    documents: tuple[str, ...] = ()
    """The documents it concerns: their preview pages show it."""
    detail: dict = field(default_factory=dict, compare=False)
    """Kind-specific facts: the date range, the evidence, the paragraphs, the quote …"""

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.kind}: {self.message}"

    def record(self, preview: str, lang: str) -> dict:
        """The item as JSON for scripts; `preview` is the base URL of a running `serve`."""
        return {"kind": self.kind, "path": self.path, "line": self.line, "message": self.message,
                "documents": list(self.documents),
                "preview": [f"{preview}{lang}/documents/{d}/" for d in self.documents], "detail": self.detail}


@dataclass(frozen=True)
class Review:
    items: tuple[Item, ...]
    documents: int
    """Entries read."""
    entries: dict = field(default_factory=dict, compare=False)
    """The entries read, by document id (for their titles)."""

    def counts(self) -> dict[str, int]:
        return {k: n for k in KINDS if (n := sum(1 for i in self.items if i.kind == k))}


def review(content: Path, config: Path, seeds: Path, cache: ct.LoadCache | None = None) -> Review:
    """What waits for the editor in `content` (and `seeds`), check's problems first.

    An item goes once it is decided: a date written by hand (`date` set and `date_confidence` no
    longer `low`), a title the editor wrote (`title_source` no longer `first-sentence`), a quote
    given its speaker, a confirmed entity (`suggested` removed or false), a seed whose new text
    is accepted (`seed_sha256` updated), a problem fixed; or `reviewed: true` on the entry,
    which settles everything ingest was unsure of in it.
    """
    cache = cache or ct.LoadCache()
    checked = checking.check(content, config, cache)
    folder = content / ct.DOCUMENTS
    entries = {display_path(path): path.stem for path in folder.glob("*.md")} if folder.is_dir() else {}
    # A problem in an entry links to that document's preview (the last good build shows it).
    items = [Item("problem", p.path, p.line, p.message, (entries[p.path],) if p.path in entries else ())
             for p in checked.problems]
    try:
        knowledge = cache.knowledge(content)
    except UserError:
        knowledge = None
    docs: list[ct.Document] = []
    if knowledge is not None and folder.is_dir():
        for path in sorted(folder.glob("*.md")):
            try:
                docs.append(cache.document(path, knowledge, []))
            except (UserError, OSError):
                continue  # reported by check already
    for d in docs:
        items.extend(_document_items(d, seeds))
    items.extend(_suggested_entities(content, cache, docs))
    order = {k: i for i, k in enumerate(KINDS)}
    items.sort(key=lambda i: (order[i.kind], i.path, i.line or 0, i.message))
    return Review(tuple(items), len(docs), {d.id: d for d in docs})


def _document_items(d: ct.Document, seeds: Path) -> list[Item]:
    lines: dict = d.extra.get("_lines", {})
    path = display_path(d.path)
    out: list[Item] = []

    def add(kind: str, key: str | None, message: str, line: int | None = None, **detail: Any) -> None:
        out.append(Item(kind, path, line or (lines.get(key) if key else None) or 2, message, (d.id,), detail))

    seed_file = seeds / d.seed
    if d.seed and d.seed_sha256 and seed_file.is_file() and "/" not in d.seed:
        now = hashlib.sha256(seed_file.read_bytes()).hexdigest()
        if now != d.seed_sha256:
            add("seed-changed", "seed_sha256", f"{display_path(seed_file)} changed since it was ingested "
                f"(its sha256 is now {now}); compare it with the entry, then write the new seed_sha256",
                seed=display_path(seed_file), sha256=now)
    if d.extra.get("reviewed") is True:
        return out
    if d.date is None:
        span = d.extra.get("date_range")
        if isinstance(span, dict) and span.get("from") and span.get("to"):
            evidence = f" ({span['evidence']})" if span.get("evidence") else ""
            add("undated", "date", f"undated; the office holders it names allow {span['from']} to {span['to']}{evidence}",
                range={k: str(span[k]) for k in ("from", "to", "evidence") if span.get(k)})
        else:
            add("undated", "date", "undated: nothing in the text dates it")
    elif d.extra.get("date_confidence") == "low":
        add("low-confidence-date", "date", f"date {d.date} read at low confidence"
            + (f": {d.date_evidence}" if d.date_evidence else ""), date=d.date, evidence=d.date_evidence or "")
    if d.extra.get("title_source") == "first-sentence":
        add("first-sentence-title", "title", f"title taken from the first sentence: {d.title}", title=d.title)
    for q in d.quotes:
        if q.speaker is None:
            add("quote-without-speaker", "quotes", f"quote without a speaker"
                + (f" (paragraph {q.paragraph})" if q.paragraph else "") + f": {_short(q.text)}",
                line=q.line, text=q.text, paragraph=q.paragraph)
    if d.leftovers:
        plain = d.plain_paragraphs()
        add("leftovers", "leftovers", ("paragraphs " if len(d.leftovers) > 1 else "paragraph ")
            + ", ".join(map(str, d.leftovers))
            + " taken for web leftovers: " + " | ".join(_short(plain[n - 1], 40) for n in d.leftovers),
            paragraphs={str(n): plain[n - 1] for n in d.leftovers})
    return out


def _suggested_entities(content: Path, cache: ct.LoadCache, docs: list[ct.Document]) -> list[Item]:
    path = content / "entities.yaml"
    if not path.exists():
        return []
    try:
        data = cache.yaml(path)
    except UserError:
        return []  # reported by check already
    records = data.get("entities") if isinstance(data, dict) else None
    known = {d.id for d in docs}
    out = []
    for record in records if isinstance(records, list) else []:
        if not isinstance(record, dict) or record.get("suggested") is not True:
            continue
        eid = str(record.get("id") or "?")
        names = record.get("name") if isinstance(record.get("name"), dict) else {}
        name = next((str(v) for v in names.values() if v), eid)
        came_from = record.get("documents")
        if isinstance(came_from, list):
            ids = tuple(str(x) for x in came_from)
        else:
            ids = tuple(d.id for d in docs if eid in d.entities or any(q.speaker == eid for q in d.quotes))
        ids = tuple(i for i in ids if i in known)
        out.append(Item("suggested-entity", display_path(path), yamlio.line_of(record, "suggested"),
                        f"suggested {record.get('type') or 'entity'} {name} ({eid}), not yet confirmed"
                        + (f"; from {', '.join(ids)}" if ids else ""), ids, {"id": eid, "name": name}))
    return out


def _short(text: str, limit: int = 70) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
