"""The knowledge base: topics, entities, known events, office holders and outlets, from content/ or the built-in defaults."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

from site_builder import yamlio
from site_builder.errors import Problem, UserError, problem

LANGUAGES = ("en", "ru", "kk", "az")
ENTITY_TYPES = ("person", "place", "organization", "outlet")
PRECISIONS = ("day", "month", "year")
ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,79}$")
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
KNOWLEDGE_FILES = ("topics.yaml", "entities.yaml", "calendar.yaml", "offices.yaml", "outlets.yaml")
PARTIAL_DATE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@dataclass(frozen=True)
class Topic:
    id: str
    name: dict[str, str]
    """Display name per UI language."""
    intro: dict[str, str]
    keywords: dict[str, tuple[str, ...]]
    """Evidence words per text language, in base form."""
    entities: tuple[str, ...]
    """Entities whose mention counts as strong evidence for the topic."""
    weak_keywords: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """Words that run through texts of every kind (agreement, talks): each counts half."""


@dataclass(frozen=True)
class Entity:
    id: str
    type: str
    """person | place | organization | outlet"""
    kind: str
    country: str | None
    name: dict[str, str]
    description: dict[str, str]
    aliases: tuple[str, ...]
    suggested: bool = False
    """Found by ingest in a text, not yet confirmed by the editor."""
    documents: tuple[str, ...] = ()
    """For a suggested entity: the documents it was found in."""
    match_name: bool = True
    """Whether the display name is looked for in texts (an outlet named by an ordinary word is not)."""

    @property
    def all_names(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys([*(self.name.values() if self.match_name else ()), *self.aliases]))


@dataclass(frozen=True)
class KnownEvent:
    id: str
    date: str
    date_precision: str
    place: str | None
    topics: tuple[str, ...]
    dates_reports: bool
    """A report about this event takes its date (else the event is only mentioned in passing)."""
    anniversary: str | None
    """A name for counting anniversaries from this event's date (e.g. diplomatic-relations)."""
    title: dict[str, str]
    summary: dict[str, str]
    triggers: tuple[tuple[str, ...], ...]
    source: str | None = None


@dataclass(frozen=True)
class Term:
    """One holder's term in an office."""

    person: str
    start: str
    """YYYY-MM-DD, YYYY-MM or YYYY."""
    end: str | None
    """None: still in office."""
    source: str


@dataclass(frozen=True)
class Office:
    id: str
    country: str
    name: dict[str, str]
    terms: tuple[str, ...]
    """The words texts use for the office next to its holder's name."""
    holders: tuple[Term, ...]


@dataclass(frozen=True)
class Knowledge:
    topics: tuple[Topic, ...]
    topic_threshold: int
    entities: tuple[Entity, ...]
    events: tuple[KnownEvent, ...]
    offices: tuple[Office, ...] = ()
    topic_ignore: tuple[str, ...] = ()
    """Phrases that are never topic evidence though a keyword's stem starts them (Премьер-министр is not a premiere)."""
    topic_background: tuple[str, ...] = ()
    """Words that open a paragraph of background (Напомним, Recall that, Xatırladaq ki): its evidence counts less."""
    topic_venues: tuple[str, ...] = ()
    """Words for a kind of event (exhibition, fair) whose field is the word that qualifies it."""

    def entity(self, entity_id: str) -> Entity | None:
        return self._entities_by_id().get(entity_id)

    def _entities_by_id(self) -> dict[str, Entity]:
        cache = self.__dict__.get("_by_id")
        if cache is None:
            cache = {e.id: e for e in self.entities}
            object.__setattr__(self, "_by_id", cache)
        return cache


def default_text(name: str) -> str:
    """The built-in copy of a knowledge file."""
    return resources.files("site_builder").joinpath("defaults", name).read_text(encoding="utf-8")


def fingerprint(content: Path) -> tuple:
    """What the knowledge of `content` is made of: each file's path and the digest of its bytes."""
    import hashlib

    parts = []
    for name in KNOWLEDGE_FILES:
        path = content / name
        try:
            data = path.read_bytes()
        except FileNotFoundError:
            parts.append((name, None))
            continue
        except OSError:
            return (str(content), object())  # unreadable: never cached, read() reports it
        parts.append((str(path), hashlib.sha256(data).hexdigest()))
    return tuple(parts)


# The same files give the same knowledge: read once per process (ingest, build and serve reload it often).
_READ: dict[tuple, tuple] = {}


def load(content: Path) -> Knowledge:
    """Read the knowledge files of `content`, falling back to the built-in ones that are absent."""
    knowledge, problems = read(content)
    if problems:
        raise UserError(list(problems))
    return knowledge


def read(content: Path) -> tuple[Knowledge, tuple[Problem, ...]]:
    """The knowledge of `content` and its problems (a duplicate id, an unknown reference …), so that
    the content can still be checked against it; a file that is not YAML at all is raised at once."""
    key = fingerprint(content)
    if key not in _READ:
        if len(_READ) >= 8:
            _READ.pop(next(iter(_READ)))
        _READ[key] = _read(content)
    return _READ[key]


def _read(content: Path) -> tuple[Knowledge, tuple[Problem, ...]]:
    problems: list[Problem] = []
    raw: dict[str, Any] = {}
    for name in KNOWLEDGE_FILES:
        path = content / name
        try:
            raw[name] = (path, yamlio.load(path) if path.exists() else yamlio.parse(default_text(name), path))
        except UserError as e:
            problems.extend(e.problems)
    if problems:
        raise UserError(problems)
    topics, threshold = _topics(*raw["topics.yaml"], problems)
    ignore_raw = raw["topics.yaml"][1].get("not_evidence") if isinstance(raw["topics.yaml"][1], dict) else None
    topic_ignore = tuple(str(x) for x in ignore_raw) if isinstance(ignore_raw, list) else ()
    background_raw = raw["topics.yaml"][1].get("background") if isinstance(raw["topics.yaml"][1], dict) else None
    topic_background = tuple(str(x) for x in background_raw) if isinstance(background_raw, list) else ()
    venues_raw = raw["topics.yaml"][1].get("venues") if isinstance(raw["topics.yaml"][1], dict) else None
    topic_venues = tuple(str(x) for x in venues_raw) if isinstance(venues_raw, list) else ()
    entities = _entities(*raw["entities.yaml"], problems)
    entity_ids = {e.id for e in entities}
    entities += _outlets(*raw["outlets.yaml"], entity_ids, problems)
    entity_ids = {e.id for e in entities}
    offices, holders = _offices(*raw["offices.yaml"], entity_ids, problems)
    entities += holders
    entity_ids = {e.id for e in entities}
    events = _events(*raw["calendar.yaml"], {t.id for t in topics}, entity_ids, problems)
    for t in topics:
        for eid in t.entities:
            if eid not in entity_ids:
                path = raw["topics.yaml"][0]
                problems.append(problem(path, f"topic {t.id}: unknown entity {eid!r}"))
    return Knowledge(tuple(topics), threshold, tuple(entities), tuple(events), tuple(offices), topic_ignore,
                     topic_background, topic_venues), tuple(problems)


class _Reader:
    """Typed access to one YAML record that reports problems at the record's lines."""

    def __init__(self, path: Path, record: Any, what: str, problems: list[Problem]):
        self.path, self.record, self.what, self.problems = path, record, what, problems
        if not isinstance(record, dict):
            self.fail(f"{what} must be a mapping")
            self.record = {}

    def fail(self, message: str, key: str | None = None) -> None:
        self.problems.append(problem(self.path, message, yamlio.line_of(self.record, key)))

    def str(self, key: str, required: bool = True, pattern: re.Pattern | None = None) -> str | None:
        value = self.record.get(key)
        if value is None:
            if required:
                self.fail(f"{self.what}: missing {key}")
            return None
        if not isinstance(value, str) or (pattern and not pattern.match(value)):
            self.fail(f"{self.what}: {key} {value!r} is not valid", key)
            return None
        return value

    def strings(self, key: str) -> tuple[str, ...]:
        value = self.record.get(key) or []
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.fail(f"{self.what}: {key} must be a list of strings", key)
            return ()
        return tuple(value)

    def langs(self, key: str, required: tuple[str, ...] = LANGUAGES) -> dict[str, str]:
        value = self.record.get(key) or {}
        if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
            self.fail(f"{self.what}: {key} must map languages to text", key)
            return {}
        missing = [lang for lang in required if not value.get(lang)]
        if missing:
            self.fail(f"{self.what}: {key} lacks {', '.join(missing)}", key)
        return {lang: value[lang] for lang in LANGUAGES if value.get(lang)}


def _list(path: Path, data: Any, key: str, problems: list[Problem]) -> list:
    items = data.get(key) if isinstance(data, dict) else None
    if not isinstance(items, list):
        problems.append(problem(path, f"expected a list under '{key}:'", yamlio.line_of(data)))
        return []
    return items


def _unique(path: Path, items: list, ids: list[str | None], what: str, problems: list[Problem]) -> None:
    seen: set[str] = set()
    for i, item_id in enumerate(ids):
        if item_id in seen:
            problems.append(problem(path, f"duplicate {what} id {item_id!r}", yamlio.line_of(items[i])))
        if item_id:
            seen.add(item_id)


def _topics(path: Path, data: Any, problems: list[Problem]) -> tuple[list[Topic], int]:
    items = _list(path, data, "topics", problems)
    threshold = data.get("threshold", 2) if isinstance(data, dict) else 2
    if not isinstance(threshold, int) or threshold < 1:
        problems.append(problem(path, "threshold must be a whole number above 0", yamlio.line_of(data, "threshold")))
        threshold = 2
    topics = []
    for item in items:
        r = _Reader(path, item, "topic", problems)
        tid = r.str("id", pattern=ID)
        keywords = r.record.get("keywords") or {}
        kw = {lang: tuple(v) for lang, v in keywords.items() if lang in LANGUAGES and isinstance(v, list)}
        weak = r.record.get("weak_keywords") or {}
        wk = {lang: tuple(v) for lang, v in weak.items() if lang in LANGUAGES and isinstance(v, list)}
        topics.append(Topic(tid or "", r.langs("name"), r.langs("intro", required=("en",)), kw, r.strings("entities"), wk))
    _unique(path, items, [t.id for t in topics], "topic", problems)
    return topics, threshold


def _entities(path: Path, data: Any, problems: list[Problem]) -> list[Entity]:
    items = _list(path, data, "entities", problems)
    entities = []
    for item in items:
        r = _Reader(path, item, "entity", problems)
        eid = r.str("id", pattern=ID)
        if eid == "page":
            r.fail("entity id 'page' is the address of the index's next pages (entities/page/2/); choose another", "id")
        etype = r.str("type")
        if etype and etype not in ENTITY_TYPES:
            r.fail(f"entity {eid}: type must be one of {', '.join(ENTITY_TYPES)}", "type")
        suggested = r.record.get("suggested") is True
        # A suggested entity has its name in the script of the text it came from, and in Latin.
        name = r.langs("name", required=("en",) if suggested else LANGUAGES)
        entities.append(Entity(eid or "", etype or "", r.str("kind", required=False) or "",
                               r.str("country", required=False), name,
                               r.langs("description", required=() if suggested else ("en",)), r.strings("aliases"),
                               suggested, r.strings("documents")))
    _unique(path, items, [e.id for e in entities], "entity", problems)
    return entities


def _events(path: Path, data: Any, topic_ids: set[str], entity_ids: set[str],
            problems: list[Problem]) -> list[KnownEvent]:
    items = _list(path, data, "events", problems)
    events = []
    for item in items:
        r = _Reader(path, item, "event", problems)
        eid = r.str("id", pattern=ID)
        date = r.str("date", pattern=DATE) or ""
        precision = r.str("date_precision") or ""
        if precision and precision not in PRECISIONS:
            r.fail(f"event {eid}: date_precision must be day, month or year", "date_precision")
        place = r.str("place", required=False)
        if place and place not in entity_ids:
            r.fail(f"event {eid}: unknown place {place!r}", "place")
        topics = r.strings("topics")
        for t in topics:
            if t not in topic_ids:
                r.fail(f"event {eid}: unknown topic {t!r}", "topics")
        triggers = r.record.get("triggers") or []
        if not triggers or not all(isinstance(g, list) and g for g in triggers):
            r.fail(f"event {eid}: triggers must be a list of phrase lists", "triggers")
            triggers = []
        events.append(KnownEvent(eid or "", date, precision, place, topics, bool(r.record.get("dates_reports")),
                                 r.str("anniversary", required=False), r.langs("title", required=("en", "ru")),
                                 r.langs("summary", required=("en", "ru")),
                                 tuple(tuple(str(p) for p in g) for g in triggers), r.str("source", required=False)))
    _unique(path, items, [e.id for e in events], "event", problems)
    return events


def _outlets(path: Path, data: Any, entity_ids: set[str], problems: list[Problem]) -> list[Entity]:
    """Outlets as entities of type outlet; one that entities.yaml already has is left to it."""
    items = _list(path, data, "outlets", problems)
    out = []
    for item in items:
        r = _Reader(path, item, "outlet", problems)
        oid = r.str("id", pattern=ID)
        name = r.str("name")
        names = r.strings("names")
        r.str("source")
        # A display name that is an ordinary word ("Report", "APA", "Turan") is shown but not looked for:
        # the outlet reader finds it written with its capitals, and the names list holds the rest.
        match_name = r.record.get("match_name", True)
        if not isinstance(match_name, bool):
            r.fail("outlet: match_name must be true or false", "match_name")
            match_name = True
        if oid and name and oid not in entity_ids:
            out.append(Entity(oid, "outlet", r.str("kind", required=False) or "", r.str("country", required=False),
                              {lang: name for lang in LANGUAGES}, {"en": r.str("url", required=False) or name},
                              tuple(dict.fromkeys([name, *names] if match_name else names)), match_name=match_name))
    _unique(path, items, [e.id for e in out], "outlet", problems)
    return out


def _offices(path: Path, data: Any, entity_ids: set[str], problems: list[Problem]) -> tuple[list[Office], list[Entity]]:
    """Offices with their holders' terms; a holder the entities lack becomes a person entity."""
    items = _list(path, data, "offices", problems)
    offices: list[Office] = []
    people: dict[str, Entity] = {}
    for item in items:
        r = _Reader(path, item, "office", problems)
        oid = r.str("id", pattern=ID)
        name = r.langs("name", required=("en",))
        holders = []
        for h in r.record.get("holders") or []:
            hr = _Reader(path, h, f"office {oid}: holder", problems)
            pid = hr.str("person", pattern=ID)
            start = hr.str("from", pattern=PARTIAL_DATE)
            end = hr.record.get("to")
            if end is not None and not (isinstance(end, str) and PARTIAL_DATE.match(end)):
                hr.fail(f"office {oid}: to {end!r} is not a date", "to")
                end = None
            source = hr.str("source") or ""
            if not (pid and start):
                continue
            holders.append(Term(pid, start, end, source))
            if pid not in entity_ids and pid not in people:
                names = hr.langs("name", required=("en",))
                people[pid] = Entity(pid, "person", "official", r.str("country", required=False), names,
                                     {lang: text for lang, text in name.items()}, hr.strings("aliases"))
        offices.append(Office(oid or "", r.str("country", required=False) or "", name, r.strings("terms"), tuple(holders)))
    _unique(path, items, [o.id for o in offices], "office", problems)
    return offices, list(people.values())


def write_missing_defaults(content: Path) -> list[Path]:
    """Write the built-in knowledge files that `content` lacks; return those written."""
    from site_builder.files import write_text

    written = []
    for name in KNOWLEDGE_FILES:
        path = content / name
        if not path.exists():
            write_text(path, default_text(name))
            written.append(path)
    return written
