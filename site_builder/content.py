"""The content folder: document entries (YAML front matter + Markdown), timeline, knowledge; load and check it."""

from __future__ import annotations

import datetime
import difflib
import multiprocessing
import os
import re
import signal
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any

from site_builder import cache as parse_cache
from site_builder import knowledge as kb
from site_builder import yamlio
from site_builder.errors import Problem, UserError, problem
from site_builder.knowledge import Knowledge

DOCUMENTS = "documents"
TIMELINE = "timeline.yaml"
TEXT_LANGUAGES = ("ru", "kk", "az", "en")
FRONT_KEYS = (
    "id", "title", "title_source", "date", "date_precision", "date_evidence", "date_confidence", "date_range", "language", "outlet",
    "outlet_cites", "topics", "topic_evidence", "people", "places", "organizations", "quotes", "related", "leftovers",
    "unmatched_names", "seed", "seed_sha256", "seed_encoding",
    "title_translations", "summary", "reviewed",
)
MAX_ID = 80  # as knowledge.ID allows
# Addresses of list pages beside documents/<id>/ (documents/page/2/, documents/by-title/): no document has these ids.
RESERVED_IDS = frozenset({"page", "by-title", "by-language", "by-outlet", "by-date"})
UI_LANGUAGES = ("en", "ru", "kk", "az")
REQUIRED_KEYS = ("id", "title", "date", "date_precision", "language", "seed")
_UNESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")
_ESCAPE_ANYWHERE = re.compile(r"([\\`*_\[\]<>&])")
_ESCAPE_START = re.compile(r"^([#>+=~|-]|\d+[.)])(?=\s|$)")


@dataclass(frozen=True)
class Quote:
    speaker: str | None
    """Entity id of who said it."""
    text: str
    """The words, verbatim from the document."""
    paragraph: int | None
    """1-based paragraph the words stand in."""
    line: int | None = field(default=None, compare=False)
    """Line of the quote in its entry file (for the editor's review)."""


@dataclass(frozen=True)
class Document:
    """One content entry, as the editor left it."""

    id: str
    title: str
    date: str | None
    date_precision: str | None
    date_evidence: str | None
    language: str
    outlet: str | None
    outlet_cites: str | None
    topics: tuple[str, ...]
    people: tuple[str, ...]
    places: tuple[str, ...]
    organizations: tuple[str, ...]
    quotes: tuple[Quote, ...]
    related: tuple[str, ...]
    leftovers: tuple[int, ...]
    seed: str
    seed_sha256: str | None
    paragraphs: tuple[str, ...]
    """Body paragraphs as Markdown source (inline Markdown only)."""
    path: Path
    extra: dict
    """Other front matter keys (topic_evidence, unmatched_names …), kept for exports."""
    title_translations: dict[str, str] = field(default_factory=dict)
    """The editor's translations of the title, by interface language."""
    summary: dict[str, str] = field(default_factory=dict)
    """The editor's short summary, by interface language."""

    @property
    def entities(self) -> tuple[str, ...]:
        return self.people + self.places + self.organizations

    def plain_paragraphs(self) -> tuple[str, ...]:
        return tuple(unescape(p) for p in self.paragraphs)


@dataclass(frozen=True)
class Source:
    document: str
    paragraphs: tuple[int, ...]


@dataclass(frozen=True)
class Event:
    """One timeline event, resting on paragraphs of one or more documents."""

    id: str
    date: str
    date_precision: str
    title: dict[str, str]
    summary: dict[str, str]
    place: str | None
    topics: tuple[str, ...]
    documents: tuple[str, ...]
    sources: tuple[Source, ...]


@dataclass(frozen=True)
class Corpus:
    """Everything in content/, checked."""

    knowledge: Knowledge
    documents: tuple[Document, ...]
    """Sorted by date (undated last), then id."""
    events: tuple[Event, ...]
    """Sorted by date, then id."""


def escape(text: str) -> str:
    """Plain text as inline Markdown that renders back to the same text."""
    return _ESCAPE_START.sub(r"\\\1", _ESCAPE_ANYWHERE.sub(r"\\\1", text))


def unescape(text: str) -> str:
    return _UNESCAPE.sub(r"\1", text)


def sort_key(date: str | None) -> tuple:
    """Dates of any precision in order; a month sorts before its days, undated last."""
    if not date:
        return (1, "")
    return (0, date)


def check_date(date: Any, precision: Any) -> str | None:
    """What is wrong with a date and its precision, or None."""
    if date is None and precision is None:
        return None
    if not isinstance(date, str):
        return f"date must be YYYY-MM-DD, YYYY-MM or YYYY, not {date!r}"
    m = kb.DATE.match(date)
    if not m:
        return f"date must be YYYY-MM-DD, YYYY-MM or YYYY, not {date!r}"
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        return f"impossible date {date!r}"
    expected = ("year", "month", "day")[date.count("-")]
    if precision != expected:
        return f"date_precision must be {expected!r} for date {date!r}"
    return None


# ---------------------------------------------------------------- entry files

def split_entry(text: str, path: Path) -> tuple[dict, int, str, int]:
    """(front matter, its first line, body, body's first line) of an entry's text."""
    text = text.lstrip("\ufeff").replace("\r\n", "\n")
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise UserError(problem(path, "no front matter: the file must start with a line '---'", 1))
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        raise UserError(problem(path, "front matter is not closed by a line '---'", 1)) from None
    front = yamlio.parse("\n".join(lines[1:end]), path, first_line=2)
    if not isinstance(front, dict):
        raise UserError(problem(path, "front matter must be a YAML mapping", 2))
    return front, 2, "\n".join(lines[end + 1:]), end + 2


def body_paragraphs(body: str) -> tuple[str, ...]:
    """Paragraphs of a body: blocks separated by blank lines, inner line breaks joined."""
    blocks = re.split(r"\n\s*\n", body.strip("\n"))
    return tuple(" ".join(line.strip() for line in b.split("\n")) for b in blocks if b.strip())


def format_entry(front: dict, paragraphs: tuple[str, ...]) -> str:
    """The text of an entry file: front matter in FRONT_KEYS order, then the body."""
    ordered = {k: front[k] for k in FRONT_KEYS if k in front}
    ordered.update({k: v for k, v in front.items() if k not in ordered})
    return "---\n" + yamlio.dump(ordered) + "---\n\n" + "\n\n".join(paragraphs) + "\n"


# ---------------------------------------------------------------- loading and checking

class LoadCache:
    """Files earlier loads read, reused while the file (and, for entries, the knowledge) is unchanged.

    `serve` keeps one, so that after an edit only the edited files are read again; the checks
    across files run in full every time.
    """

    def __init__(self, store: Path | None = None) -> None:
        """`store`: the folder of a parse cache on disk (site_builder.cache) to read from and save() to."""
        self._knowledge: Knowledge | None = None
        self.knowledge_problems: tuple[Problem, ...] = ()
        """The problems of the knowledge the last knowledge() call returned."""
        self._knowledge_stamps: tuple = ()
        self._entries: dict[Path, tuple[tuple, Document, tuple[Problem, ...]]] = {}
        self._yaml: dict[Path, tuple[tuple, Any]] = {}
        self.store = parse_cache.Store(store) if store is not None else None
        self._knowledge_key: str | None = None
        """Digest of the knowledge files self._knowledge was read from (None: not known, the store is not used)."""

    def knowledge(self, content: Path) -> Knowledge:
        stamps = tuple(_stamp(content / name) if (content / name).exists() else None for name in kb.KNOWLEDGE_FILES)
        if self._knowledge is None or stamps != self._knowledge_stamps:
            # The digest before the reading: a file changed in between gives a key no later run matches.
            fingerprint = kb.fingerprint(content)
            knowledge, self.knowledge_problems = kb.read(content)
            if knowledge != self._knowledge:
                self._entries.clear()
                self._knowledge = knowledge
            # (A fingerprint of an unreadable file is no key: it matches nothing, not even itself.)
            self._knowledge_key = (parse_cache.digest(repr(fingerprint).encode())
                                   if all(isinstance(part, tuple) for part in fingerprint) else None)
            self._knowledge_stamps = stamps
        return self._knowledge

    def document(self, path: Path, knowledge: Knowledge, problems: list[Problem]) -> Document:
        if knowledge is not self._knowledge and knowledge != self._knowledge:
            self._entries.clear()
            self._knowledge_key = None
        self._knowledge = knowledge
        stamp = _stamp(path)
        hit = self._entries.get(path)
        if hit is None or hit[0] != stamp:
            if self.store is None or self._knowledge_key is None:
                found: list[Problem] = []
                hit = self._entries[path] = (stamp, _document(path, knowledge, found), tuple(found))
            else:
                hit = self._entries[path] = (stamp, *self._stored_document(path, knowledge))
        problems.extend(hit[2])
        return hit[1]

    def _stored_document(self, path: Path, knowledge: Knowledge) -> tuple[Document, tuple[Problem, ...]]:
        """The entry from the store when it holds these bytes, else read (and put in the store)."""
        assert self.store is not None and self._knowledge_key is not None
        data = path.read_bytes()
        key = parse_cache.digest(data)
        hit = self.store.document(path, key, self._knowledge_key)
        if hit is None:
            found: list[Problem] = []
            hit = (_document(path, knowledge, found, data), tuple(found))
            self.store.put_document(path, key, self._knowledge_key, *hit)
        return hit

    def save(self) -> None:
        """Write the parse cache (when there is one) with the files this cache holds now."""
        if self.store is not None:
            self.store.save({str(p) for p in self._entries}, {str(p) for p in self._yaml})

    def prefetch(self, content: Path, jobs: int) -> None:
        """Read the entries not cached yet over `jobs` forked processes: a first load of thousands of them.

        Reading is mostly YAML parsing, in pure Python. An entry that cannot be read is left for
        load() to read again and report.
        """
        doc_dir = content / DOCUMENTS
        if jobs < 2 or not doc_dir.is_dir() or "fork" not in multiprocessing.get_all_start_methods():
            return
        try:
            knowledge = self.knowledge(content)
        except UserError:
            return
        todo = [p for p in entry_files(doc_dir) if p not in self._entries and not self._from_store(p)]
        if len(todo) < PREFETCH_MIN:
            return
        chunks = [todo[i:i + PREFETCH_CHUNK] for i in range(0, len(todo), PREFETCH_CHUNK)]
        timeline = content / TIMELINE
        store = self.store is not None and self._knowledge_key is not None
        # Workers ignore Ctrl-C: the parent stops them.
        with multiprocessing.get_context("fork").Pool(jobs, signal.signal, (signal.SIGINT, signal.SIG_IGN)) as pool:
            # The timeline is one long file (an event per document or so): read it alongside.
            parsed = None
            if timeline.exists() and timeline not in self._yaml and not self._yaml_from_store(timeline):
                parsed = pool.apply_async(_read_yaml, (timeline,))
            for read in pool.imap_unordered(partial(_read_entries, knowledge), chunks):
                for path, stamp, key, doc, found in read:
                    self._entries[path] = (stamp, doc, found)
                    if store:
                        self.store.put_document(path, key, self._knowledge_key, doc, found)
            if parsed is not None and (hit := parsed.get()) is not None:
                self._yaml[timeline] = hit[0], hit[2]
                if self.store is not None:
                    self.store.put_yaml(timeline, hit[1], hit[2])

    def _from_store(self, path: Path) -> bool:
        """Take the entry from the store if it holds the file's bytes as they are."""
        if self.store is None or self._knowledge_key is None:
            return False
        try:
            stamp = _stamp(path)
            hit = self.store.document(path, parse_cache.digest(path.read_bytes()), self._knowledge_key)
        except OSError:
            return False
        if hit is not None:
            self._entries[path] = (stamp, *hit)
        return hit is not None

    def _yaml_from_store(self, path: Path) -> bool:
        if self.store is None:
            return False
        try:
            stamp = _stamp(path)
            found, value = self.store.yaml(path, parse_cache.digest(path.read_bytes()))
        except OSError:
            return False
        if found:
            self._yaml[path] = (stamp, value)
        return found

    def yaml(self, path: Path) -> Any:
        stamp = _stamp(path)
        hit = self._yaml.get(path)
        if hit is None or hit[0] != stamp:
            if self.store is None:
                hit = self._yaml[path] = (stamp, yamlio.load(path))
            elif not self._yaml_from_store(path):
                _, key, value = _read_yaml_bytes(path)
                self.store.put_yaml(path, key, value)
                self._yaml[path] = (stamp, value)
            hit = self._yaml[path]
        return hit[1]

    def forget(self, paths: list[Path]) -> None:
        """Read these files again next time, whatever their time stamps say."""
        for path in paths:
            self._entries.pop(path, None)
            self._yaml.pop(path, None)
            if path.name in kb.KNOWLEDGE_FILES:
                self._knowledge_stamps = ()


PREFETCH_MIN = 500
PREFETCH_CHUNK = 200


def _read_entries(knowledge: Knowledge, paths: list[Path]) -> list[tuple[Path, tuple, str, Document, tuple[Problem, ...]]]:
    out = []
    for path in paths:
        found: list[Problem] = []
        try:
            stamp = _stamp(path)
            data = path.read_bytes()
            out.append((path, stamp, parse_cache.digest(data), _document(path, knowledge, found, data), tuple(found)))
        except (UserError, OSError):
            continue
    return out


def _read_yaml(path: Path) -> tuple[tuple, str, Any] | None:
    try:
        return _read_yaml_bytes(path)
    except (UserError, OSError):
        return None


def _read_yaml_bytes(path: Path) -> tuple[tuple, str, Any]:
    """(stamp, digest of the bytes, values) of a YAML file, read as yamlio.load reads it."""
    stamp = _stamp(path)
    try:
        data = path.read_bytes()
    except OSError as e:
        raise UserError(problem(path, f"cannot read file ({e.strerror})")) from None
    return stamp, parse_cache.digest(data), yamlio.parse(_text(data, path), path)


def _text(data: bytes, path: Path) -> str:
    """The bytes of a file as Path.read_text gives them: UTF-8, with \\r\\n and \\r read as \\n."""
    try:
        return data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
    except UnicodeDecodeError:
        raise UserError(problem(path, "not UTF-8 text")) from None


def _stamp(path: Path) -> tuple:
    st = path.stat()
    return (st.st_mtime_ns, st.st_size, st.st_ino)


def entry_files(doc_dir: Path) -> list[Path]:
    """The entry files of a documents folder, sorted; an editor's lock files (.#name.md) are not entries."""
    if not doc_dir.is_dir():
        return []
    # (os.scandir: at 10,000 entries, pathlib's glob and sort took 0.4 s of each rebuild in serve.)
    with os.scandir(doc_dir) as found:
        names = sorted(e.name for e in found if e.name.endswith(".md") and not e.name.startswith(".#"))
    return [doc_dir / name for name in names]


def load(content: Path, cache: LoadCache | None = None) -> Corpus:
    """Read and check all of `content`; every problem found is reported together."""
    if not content.is_dir():
        raise UserError(problem(content, "content folder does not exist (run `site-builder ingest` first)"))
    # A knowledge file's problems are reported with the content's, checked against what it holds.
    if cache:
        knowledge = cache.knowledge(content)
        problems = list(cache.knowledge_problems)
    else:
        knowledge, found = kb.read(content)
        problems = list(found)
    docs: list[Document] = []
    doc_dir = content / DOCUMENTS
    paths = entry_files(doc_dir)
    unreadable: set[str] = set()
    for path in paths:
        try:
            docs.append(cache.document(path, knowledge, problems) if cache else _document(path, knowledge, problems))
        except UserError as e:
            problems.extend(e.problems)
            # The entry exists but could not be read: references to it are not reported as unknown too.
            unreadable.add(path.stem)
        except OSError as e:  # a folder named x.md, a link to nowhere, no permission
            problems.append(problem(path, f"cannot read the entry ({e.strerror or e})"))
            unreadable.add(path.stem)
    ids: dict[str, Document] = {}
    for d in docs:
        if d.id in ids:
            problems.append(problem(d.path, f"duplicate document id {d.id!r} (also in {ids[d.id].path.name})", 2))
        ids[d.id] = d
    for d in docs:
        for rel in d.related:
            if rel not in ids and rel not in unreadable:
                problems.append(problem(d.path, f"related: unknown document {rel!r}", _line(d, "related")))
    events = _timeline(content / TIMELINE, knowledge, ids, problems, unreadable, cache)
    if problems:
        raise UserError(problems)
    docs.sort(key=lambda d: (sort_key(d.date), d.id))
    events.sort(key=lambda e: (sort_key(e.date), e.id))
    return Corpus(knowledge, tuple(docs), tuple(events))


def _line(doc: Document, key: str) -> int | None:
    return doc.extra.get("_lines", {}).get(key)


def _document(path: Path, knowledge: Knowledge, problems: list[Problem], data: bytes | None = None) -> Document:
    """The entry in `path` (whose bytes are `data`, when read already), checked against the knowledge."""
    if data is not None:
        text = _text(data, path)
    else:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise UserError(problem(path, "not UTF-8 text")) from None
    front, _, body, body_line = split_entry(text, path)
    lines = dict(getattr(front, "key_lines", {}))

    def fail(message: str, key: str | None = None) -> None:
        problems.append(problem(path, message, lines.get(key, 2) if key else 2))

    for key in REQUIRED_KEYS:
        if key not in front:
            fail(f"missing {key}")
    for key in front:
        # An editor's own keys are welcome; one a letter or two off a known key is a typo that
        # would silently empty the field (tpoics: the document loses its topics).
        close = difflib.get_close_matches(str(key), FRONT_KEYS, n=1, cutoff=0.8) if key not in FRONT_KEYS else []
        # A known key with a suffix of the editor's (reviewed_by) is a key of its own, not a typo of it.
        if close and str(key).startswith(close[0] + "_"):
            close = []
        if close:
            fail(f"unknown key {key!r}; did you mean {close[0]!r}?", key)
    doc_id = front.get("id")
    if path.name.startswith("."):
        fail(f"{path.name!r} is a hidden file, not an entry: name it after its id, or move it out of {DOCUMENTS}/")
    if isinstance(doc_id, str) and len(doc_id) > MAX_ID:
        fail(f"id is {len(doc_id)} characters long; at most {MAX_ID} (it names files and folders of the site)", "id")
        doc_id = None
    elif doc_id is not None and (not isinstance(doc_id, str) or not kb.ID.match(doc_id)):
        fail(f"id {doc_id!r} must be lowercase letters, digits and hyphens", "id")
        doc_id = None
    elif isinstance(doc_id, str) and doc_id != path.stem:
        fail(f"id {doc_id!r} differs from the file name {path.name!r}", "id")
    elif doc_id in RESERVED_IDS:
        fail(f"id {doc_id!r} is the address of a list page; rename the file and its id (e.g. {doc_id}-document)", "id")
    title = front.get("title")
    if "title" in front and (not isinstance(title, str) or not title.strip()):
        fail("title must be non-empty text", "title")
    if "date" in front or "date_precision" in front:
        error = check_date(front.get("date"), front.get("date_precision"))
        if error:
            fail(error, "date" if "date" in error and "precision" not in error else "date_precision")
    if front.get("title_source") not in (None, "headline", "first-sentence", "editor"):
        fail(f"title_source must be headline, first-sentence or editor, not {front['title_source']!r}", "title_source")
    if front.get("date_confidence") not in (None, "high", "low"):
        fail(f"date_confidence must be high or low, not {front['date_confidence']!r}", "date_confidence")
    date_range = front.get("date_range")
    if date_range is not None:
        if not isinstance(date_range, dict) or set(date_range) - {"from", "to", "evidence"} or not all(
                v is None or (isinstance(v, str) and kb.DATE.match(v)) for k, v in date_range.items() if k != "evidence"):
            fail("date_range must be a mapping of from and to (YYYY-MM-DD, YYYY-MM, YYYY or null) and evidence",
                 "date_range")
    language = front.get("language")
    if "language" in front and language not in TEXT_LANGUAGES:
        fail(f"language must be one of {', '.join(TEXT_LANGUAGES)}, not {language!r}", "language")

    def id_list(key: str, allowed: set[str], what: str) -> tuple[str, ...]:
        value = front.get(key) or []
        if not isinstance(value, list):
            fail(f"{key} must be a list", key)
            return ()
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or item not in allowed:
                problems.append(problem(path, f"{key}: unknown {what} {item!r}", yamlio.line_of(value, i) or lines.get(key)))
            else:
                out.append(item)
        return tuple(out)

    by_type = {t: {e.id for e in knowledge.entities if e.type == t} for t in kb.ENTITY_TYPES}
    topics = id_list("topics", {t.id for t in knowledge.topics}, "topic")
    people = id_list("people", by_type["person"], "person")
    places = id_list("places", by_type["place"], "place")
    orgs = id_list("organizations", by_type["organization"], "organization")
    related = front.get("related") or []
    if not isinstance(related, list) or not all(isinstance(r, str) for r in related):
        fail("related must be a list of document ids", "related")
        related = []
    paragraphs = body_paragraphs(body)
    if not paragraphs:
        problems.append(problem(path, "the body is empty", body_line))
    plain = tuple(unescape(p) for p in paragraphs)
    quotes = _quotes(front.get("quotes"), plain, by_type["person"], path, lines, problems)
    leftovers = front.get("leftovers") or []
    if not isinstance(leftovers, list) or not all(isinstance(n, int) and 1 <= n <= len(paragraphs) for n in leftovers):
        fail(f"leftovers must list paragraph numbers between 1 and {len(paragraphs)}", "leftovers")
        leftovers = []
    translations = _by_language(front, "title_translations", lines, fail)
    summary = _by_language(front, "summary", lines, fail)
    if "reviewed" in front and not isinstance(front["reviewed"], bool):
        fail(f"reviewed must be true or false, not {front['reviewed']!r}", "reviewed")
    extra = {k: v for k, v in front.items() if k not in {
        "id", "title", "date", "date_precision", "date_evidence", "language", "outlet", "outlet_cites", "topics",
        "people", "places", "organizations", "quotes", "related", "leftovers", "seed", "seed_sha256",
        "title_translations", "summary"}}
    extra["_lines"] = lines
    return Document(
        id=doc_id or path.stem, title=str(title or path.stem), date=front.get("date"),
        date_precision=front.get("date_precision"), date_evidence=_opt_str(front.get("date_evidence")),
        language=language if language in TEXT_LANGUAGES else "ru", outlet=_opt_str(front.get("outlet")),
        outlet_cites=_opt_str(front.get("outlet_cites")), topics=topics, people=people, places=places,
        organizations=orgs, quotes=quotes, related=tuple(related), leftovers=tuple(leftovers),
        seed=str(front.get("seed") or ""), seed_sha256=_opt_str(front.get("seed_sha256")),
        paragraphs=paragraphs, path=path, extra=extra, title_translations=translations, summary=summary)


def _titles(r, eid) -> dict[str, str]:
    """An event's titles: at least one language (an event made from a report has its headline's)."""
    titles = r.langs("title", required=())
    if not titles:
        r.fail(f"event {eid}: title needs text in at least one of {', '.join(kb.LANGUAGES)}", "title")
    return titles


def _by_language(front: dict, key: str, lines: dict, fail) -> dict[str, str]:
    """A mapping of interface languages to non-empty text (the editor's translations), checked."""
    value = front.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        fail(f"{key} must map interface languages ({', '.join(UI_LANGUAGES)}) to text", key)
        return {}
    out = {}
    for lang, text in value.items():
        if lang not in UI_LANGUAGES:
            fail(f"{key}: unknown interface language {lang!r} (one of {', '.join(UI_LANGUAGES)})", key)
        elif not isinstance(text, str) or not text.strip():
            fail(f"{key}: the {lang} text must be non-empty text", key)
        else:
            out[lang] = " ".join(text.split())
    # In a fixed order, whatever order the editor wrote them in: the output must not depend on it.
    return {lang: out[lang] for lang in UI_LANGUAGES if lang in out}


def _opt_str(value: Any) -> str | None:
    return None if value is None else str(value)


def _quotes(value: Any, plain: tuple[str, ...], people: set[str], path: Path, lines: dict,
            problems: list[Problem]) -> tuple[Quote, ...]:
    if value is None:
        return ()
    if not isinstance(value, list):
        problems.append(problem(path, "quotes must be a list", lines.get("quotes")))
        return ()
    out = []
    for i, q in enumerate(value):
        line = yamlio.line_of(value, i) or lines.get("quotes")
        if not isinstance(q, dict) or not isinstance(q.get("text"), str):
            problems.append(problem(path, "quotes: each quote needs speaker and text", line))
            continue
        speaker = q.get("speaker")
        if speaker is not None and not isinstance(speaker, str):
            problems.append(problem(path, "quotes: speaker must be an entity id", line))
            speaker = None
        elif speaker is not None and speaker not in people:
            problems.append(problem(path, f"quotes: unknown speaker {speaker!r}", line))
        paragraph = q.get("paragraph")
        if paragraph is not None and (not isinstance(paragraph, int) or not 1 <= paragraph <= len(plain)):
            problems.append(problem(path, f"quotes: paragraph {paragraph!r} is not in the text", line))
            paragraph = None
        text = q["text"]
        where = [plain[paragraph - 1]] if paragraph else plain
        if not any(text in p for p in where):
            problems.append(problem(path, f"quotes: not found verbatim in the text: {text[:60]!r}", line))
        out.append(Quote(speaker if speaker in people else None, text, paragraph, line))
    return tuple(out)


def _timeline(path: Path, knowledge: Knowledge, docs: dict[str, Document], problems: list[Problem],
              unreadable: set[str] | frozenset[str] = frozenset(), cache: LoadCache | None = None) -> list[Event]:
    if not path.exists():
        return []
    try:
        data = cache.yaml(path) if cache else yamlio.load(path)
    except UserError as e:
        problems.extend(e.problems)
        return []
    items = data.get("events") if isinstance(data, dict) else None
    if not isinstance(items, list):
        problems.append(problem(path, "expected a list under 'events:'", 1))
        return []
    places = {e.id for e in knowledge.entities if e.type == "place"}
    topics = {t.id for t in knowledge.topics}
    events, seen = [], set()
    for item in items:
        r = kb._Reader(path, item, "event", problems)
        eid = r.str("id", pattern=kb.ID) or ""
        if eid in seen:
            r.fail(f"duplicate event id {eid!r}", "id")
        seen.add(eid)
        date = r.record.get("date")
        error = check_date(date, r.record.get("date_precision"))
        if error:
            r.fail(f"event {eid}: {error}", "date")
        place = r.str("place", required=False)
        if place and place not in places:
            r.fail(f"event {eid}: unknown place {place!r}", "place")
        ev_topics = r.strings("topics")
        for t in ev_topics:
            if t not in topics:
                r.fail(f"event {eid}: unknown topic {t!r}", "topics")
        documents = r.strings("documents")
        for d in documents:
            if d not in docs and d not in unreadable:
                r.fail(f"event {eid}: unknown document {d!r}", "documents")
        sources = []
        listed = r.record.get("sources") or []
        if not isinstance(listed, list):
            r.fail(f"event {eid}: sources must be a list", "sources")
            listed = []
        for s in listed:
            sr = kb._Reader(path, s, f"event {eid} source", problems)
            doc_id = sr.str("document") or ""
            paras = sr.record.get("paragraphs") or []
            if doc_id in unreadable:
                pass
            elif doc_id not in docs:
                sr.fail(f"event {eid}: source names unknown document {doc_id!r}", "document")
            elif not isinstance(paras, list) or not all(isinstance(n, int) and 1 <= n <= len(docs[doc_id].paragraphs) for n in paras):
                sr.fail(f"event {eid}: source paragraphs must be numbers within {doc_id} (1–{len(docs[doc_id].paragraphs)})", "paragraphs")
                paras = []
            sources.append(Source(doc_id, tuple(paras)))
        events.append(Event(eid, str(date or ""), str(r.record.get("date_precision") or ""),
                            _titles(r, eid), r.langs("summary", required=()),
                            place, ev_topics, documents, tuple(sources)))
    return events
