"""Full-text search: one Pagefind index of the documents and events, with folded words and every name's spellings."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import os
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Iterable

import cbor2

from site_builder.errors import UserError, problem
from site_builder.staging import die_with_parent

if TYPE_CHECKING:
    from site_builder.pages import Site

BUNDLE = "pagefind"
# Pagefind has no stemmer for Kazakh or Azerbaijani; a query typed without their letters
# (Алиев for Әлиев, Aliyev for Əliyev) still finds the text through these folded forms.
_FOLD = str.maketrans({
    "ә": "а", "ғ": "г", "қ": "к", "ң": "н", "ө": "о", "ұ": "у", "ү": "у", "һ": "х", "і": "и",
    "Ә": "А", "Ғ": "Г", "Қ": "К", "Ң": "Н", "Ө": "О", "Ұ": "У", "Ү": "У", "Һ": "Х", "І": "И",
    "ə": "a", "ğ": "g", "ı": "i", "ş": "s", "ç": "c", "ö": "o", "ü": "u",
    "Ə": "A", "Ğ": "G", "İ": "I", "Ş": "S", "Ç": "C", "Ö": "O", "Ü": "U",
})


_PUNCTUATION = ".,;:!?«»\"“”„()[]–—-"


def folded_words(texts: list[str]) -> list[str]:
    """Words of `texts` that change when their Kazakh or Azerbaijani letters are folded, folded, in first-seen order."""
    out: dict[str, None] = {}
    for text in texts:
        for word in text.split():
            word = word.strip(_PUNCTUATION)
            folded = word.translate(_FOLD)
            if folded != word and folded:
                out[folded] = None
    return list(out)


# Pagefind's data files: gzip of this signature followed by CBOR.
_SIGNATURE = b"pagefind_dcd"


def _read_data(path: Path) -> Any:
    raw = gzip.decompress(path.read_bytes())
    if not raw.startswith(_SIGNATURE):
        raise ValueError(f"{path}: not a Pagefind data file")
    return cbor2.loads(raw[len(_SIGNATURE):])


def _data_file(raw_data: Any) -> tuple[str, bytes]:
    """(content hash, file bytes) of a Pagefind data file holding `raw_data`."""
    raw = _SIGNATURE + cbor2.dumps(raw_data)
    return hashlib.sha256(raw).hexdigest(), gzip.compress(raw, compresslevel=9, mtime=0)


def canonicalize(bundle: Path) -> bool:
    """Make a Pagefind bundle the same bytes for the same pages; False if it is not as expected (left as is).

    Pagefind writes each filter's values, and the list of filters, in the order of a Rust hash map,
    which changes from run to run (Pagefind issue #638), and names the files by their contents: the
    filter files, the metadata file naming them and pagefind-entry.json naming that differ between
    two builds of the same site. Here the values and filters are put in order and the files renamed
    by what they then hold. The rest of the bundle is already stable. Everything is read and checked
    before anything is written.
    """
    entry_path = bundle / "pagefind-entry.json"
    writes: dict[Path, bytes] = {}
    old: list[Path] = []
    try:
        entry = json.loads(entry_path.read_text(encoding="utf-8"))
        for lang, info in sorted(entry["languages"].items()):
            meta_path = bundle / f"pagefind.{info['hash']}.pf_meta"
            meta = _read_data(meta_path)
            filters = []
            for name, hash_ in meta[3]:
                path = bundle / "filter" / f"{hash_}.pf_filter"
                data = _read_data(path)
                data[1].sort(key=lambda value: value[0])
                digest, file = _data_file(data)
                writes[bundle / "filter" / f"{lang}_{digest[:7]}.pf_filter"] = file
                filters.append([name, f"{lang}_{digest[:7]}"])
                old.append(path)
            meta[3] = sorted(filters)
            digest, file = _data_file(meta)
            info["hash"] = f"{lang}_{digest[:10]}"
            writes[bundle / f"pagefind.{info['hash']}.pf_meta"] = file
            old.append(meta_path)
    except (OSError, ValueError, KeyError, IndexError, TypeError, AttributeError, cbor2.CBORDecodeError):
        return False  # another Pagefind version's layout: searchable all the same
    for path in old:
        path.unlink(missing_ok=True)
    for path, file in writes.items():
        path.write_bytes(file)
    text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    entry_path.write_text(text, encoding="utf-8")
    return True


# The index is one for the whole site and every interface language: Pagefind splits its index by
# language, and a page searches one language's index with that language's stemmer (another index
# merged in would be searched with the same one). So every record is given one language: English,
# whose stemmer finds "cables" for "cable" and leaves Cyrillic as it is; Russian and Kazakh words are
# found by their beginnings and search.js tries a query without its case ending.
INDEX_LANGUAGE = "en"


def records(site: Site) -> list[dict[str, Any]]:
    """What Pagefind indexes: one record per document and one per event, in the site's order.

    A record's url is its page's route below the language folder ('documents/x/'); the search page
    puts its own language's folder before it. Its content is the title, the editor's translations and
    summaries, the outlet and the topics' names (a result leads to the page), then the paragraphs
    (meta "paras": the word each one starts at, so a result leads to #p-N), then every name of the
    entities it names and the words with Kazakh and Azerbaijani letters folded (meta "terms": where
    they start). Filters hold ids (topic, language, year, outlet), which the search page names.
    """
    from site_builder.pages import pick

    cfg, k = site.config, site.k
    topic_names = {t.id: list(dict.fromkeys(t.name.values())) for t in k.topics}
    out: list[dict[str, Any]] = []
    for d in site.corpus.documents:
        head = [d.title, *d.title_translations.values(), *d.summary.values(), d.outlet or "",
                *(n for t in d.topics for n in topic_names.get(t, ()))]
        paragraphs = list(d.plain_paragraphs())
        names: dict[str, None] = {}
        for eid in d.entities + tuple(q.speaker for q in d.quotes if q.speaker):
            e = k.entity(eid)
            if e:
                names.update(dict.fromkeys(e.all_names))
        parts, paras = [" ".join(x for x in head if x)], []
        words = len(parts[0].split())
        for text in paragraphs:
            paras.append(str(words))
            parts.append(text)
            words += len(text.split())
        terms = " ".join(_new_words([*names, *folded_words([*head, *names, *paragraphs])], [*head, *paragraphs]))
        # "text": the interface language whose page gives the whole text, where a paragraph's anchor is.
        meta = {"title": d.title, "lang": d.language, "text": site.text_language(d), "paras": " ".join(paras),
                "terms": str(words)}
        meta.update({f"title_{lang}": d.title_translations[lang] for lang in cfg.languages
                     if lang != d.language and d.title_translations.get(lang)})
        if d.date:
            meta["date"] = d.date
        if d.outlet:
            meta["outlet"] = d.outlet
        filters = {"topic": list(d.topics), "language": [d.language]}
        if d.date:
            filters["year"] = [d.date[:4]]
        if d.outlet:
            filters["outlet"] = [d.outlet]
        out.append({"url": f"documents/{d.id}/", "content": "\n".join([*parts, terms]), "meta": meta,
                    "filters": {name: values for name, values in filters.items() if values}})
    for ev in site.corpus.events:
        place = k.entity(ev.place) if ev.place else None
        head = [*dict.fromkeys([*ev.title.values(), *ev.summary.values()]),
                *(place.all_names if place else ()), *(n for t in ev.topics for n in topic_names.get(t, ()))]
        text = " ".join(x for x in head if x)
        meta = {"title": pick(ev.title, cfg.default_language)["text"], "kind": "event", "date": ev.date,
                "terms": str(len(text.split()))}
        meta.update({f"title_{lang}": pick(ev.title, lang)["text"] for lang in cfg.languages})
        filters = {"topic": list(ev.topics), "year": [ev.date[:4]]}
        folded = " ".join(_new_words(folded_words(head), head))
        out.append({"url": site.event_routes[ev.id], "content": f"{text}\n{folded}", "meta": meta, "filters": {name: values for name, values in filters.items() if values}})
    return out


def _new_words(texts: list[str], known: list[str]) -> list[str]:
    """The words of `texts` that `known` does not have, each once: what Pagefind has indexed already
    need not be given again (Pagefind's memory grows with what it is given: most of it the text)."""
    have = {w.strip(_PUNCTUATION).casefold() for text in known for w in text.split()}
    out: dict[str, None] = {}
    for text in texts:
        for word in text.split():
            key = word.strip(_PUNCTUATION).casefold()
            if key and key not in have:
                have.add(key)
                out[word.strip(_PUNCTUATION)] = None
    return list(out)


class _Service:
    """Pagefind's indexing service (the binary the pagefind package ships, run with --service), spoken to directly.

    The package's asyncio client reads one answer per tenth of a second (17 minutes for 10,000
    records) and stops the binary before the files it was told to write are all written (some are
    left empty); here requests go out while a thread reads the answers, and the files come back in
    an answer (GetFiles) and are written by us. A message is base64 of its JSON, then a comma.
    """

    def __init__(self) -> None:
        from pagefind.service import get_executable

        exe = get_executable()
        if exe is None:
            raise RuntimeError("no Pagefind binary (the pagefind package's pagefind_bin)")
        self._errors = tempfile.TemporaryFile()
        # Pagefind dies with this process, even by kill -9: it must not go on writing into a staging
        # folder the next build removes.
        parent = os.getpid()
        self._process = subprocess.Popen([str(exe), "--service"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=self._errors, preexec_fn=lambda: die_with_parent(parent))
        self._buffer = bytearray()
        self._next = 0

    def send(self, payloads: Iterable[dict[str, Any]]) -> list[dict[str, Any]]:
        """The answers to `payloads`, in their order; sent from a thread while the answers are read,
        so that neither pipe fills up with nobody reading it."""
        payloads = list(payloads)
        first = self._next + 1
        self._next += len(payloads)
        stdin = self._process.stdin
        assert stdin is not None
        failed: list[BaseException] = []

        def write() -> None:
            try:
                for n, payload in enumerate(payloads, start=first):
                    message = json.dumps({"message_id": n, "payload": payload}, ensure_ascii=False).encode("utf-8")
                    stdin.write(base64.b64encode(message) + b",")
                stdin.flush()
            except OSError as e:  # the binary died: its answers say why, or their end does
                failed.append(e)

        writer = threading.Thread(target=write, daemon=True)
        writer.start()
        answers: dict[int, dict[str, Any]] = {}
        while len(answers) < len(payloads):
            message = json.loads(base64.b64decode(self._read()))
            payload = message.get("payload") or {}
            if payload.get("type") == "Error":
                raise RuntimeError(payload.get("message") or "Pagefind failed")
            answers[message.get("message_id")] = payload
        writer.join()
        if failed:
            raise failed[0]
        return [answers[n] for n in range(first, self._next + 1)]

    def _read(self) -> bytes:
        stdout = self._process.stdout
        assert stdout is not None
        start = 0
        while (end := self._buffer.find(b",", start)) < 0:
            start = len(self._buffer)
            chunk = stdout.read1(1 << 20)
            if not chunk:
                self._errors.seek(0)
                detail = self._errors.read().decode("utf-8", "replace").strip().splitlines()
                raise RuntimeError(detail[-1] if detail else f"Pagefind stopped (exit {self._process.wait()})")
            self._buffer += chunk
        message = bytes(self._buffer[:end])
        del self._buffer[:end + 1]
        return message

    def close(self) -> None:
        if self._process.stdin:
            self._process.stdin.close()
        self._process.terminate()
        self._process.wait()
        self._errors.close()


# Pagefind's memory grows with the records it indexes at once, most of it while it builds the
# index: 800 MB for 2,000 documents, 3.4 GB for 10,000. A large site's records are indexed in parts
# of about this much text (about 400 MB each), by a few processes at a time, and the parts'
# bundles merged (search_merge). Smaller parts cost Pagefind a little more time in all.
PART_CHARS = 3_500_000
# ... unless this environment variable says otherwise (less memory for smaller parts; the tests
# make a small site's index in parts with it).
PART_CHARS_VARIABLE = "SITE_BUILDER_SEARCH_PART_CHARS"
# Processes at a time (at most one per processor): memory adds up, and a merge waits for the last.
PROCESSES = 2


def part_chars() -> int:
    """The characters of content of a part: PART_CHARS, or the environment's SITE_BUILDER_SEARCH_PART_CHARS."""
    value = os.environ.get(PART_CHARS_VARIABLE, "").strip()
    if not value:
        return PART_CHARS
    if not value.isdigit() or int(value) < 1:
        raise UserError(problem(PART_CHARS_VARIABLE, f"not a number of characters: {value!r}"))
    return int(value)


def parts(found: list[dict[str, Any]], size: int) -> list[list[dict[str, Any]]]:
    """The records in parts of about `size` characters of content, dealt out in turn (so that each
    part has documents and events, and every meta field: the merge is quick then); the index
    numbers pages part after part."""
    n = max(1, min(len(found), -(-sum(len(r["content"]) for r in found) // size)))
    return [found[k::n] for k in range(n)]


def _index_part(service: _Service, found: list[dict[str, Any]]) -> dict[str, bytes]:
    """The files of the bundle of `found`, by path, from a Pagefind service (which is ready for the next part then)."""
    index_id = service.send([{"type": "NewIndex", "config": None}])[0]["index_id"]
    service.send({"type": "AddRecord", "index_id": index_id, "url": r["url"], "content": r["content"],
                  "language": INDEX_LANGUAGE, "meta": r["meta"], "filters": r["filters"], "sort": None}
                 for r in found)
    files = service.send([{"type": "GetFiles", "index_id": index_id}])[0]["files"]
    service.send([{"type": "DeleteIndex", "index_id": index_id}])
    return {file["path"]: base64.b64decode(file["content"]) for file in files}


def _index_parts(pieces: list[list[dict[str, Any]]], processes: int) -> dict[str, bytes]:
    """The merged bundle of the parts, each indexed by the next free one of `processes` Pagefind
    services and read (search_merge.read_part) while the others go on."""
    from site_builder import search_merge

    # Started here, in the thread that waits for the build: Pagefind gets the signal to die when the
    # thread that started it ends (see staging.die_with_parent).
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    services = []
    try:
        for _ in range(max(1, min(processes, len(pieces), cpus))):
            services.append(_Service())
        done: list[search_merge.Part | None] = [None] * len(pieces)
        todo = iter(range(len(pieces)))
        lock = threading.Lock()
        failed: list[Exception] = []

        def work(service: _Service) -> None:
            while not failed:
                with lock:
                    k = next(todo, None)
                if k is None:
                    return
                try:
                    done[k] = search_merge.read_part(_index_part(service, pieces[k]))
                except Exception as e:  # noqa: BLE001 - raised by the waiting thread
                    failed.append(e)

        workers = [threading.Thread(target=work, args=(s,), daemon=True) for s in services]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        if failed:
            raise failed[0]
    finally:
        for service in services:
            service.close()
    return search_merge.merge([p for p in done if p is not None])


def write_bundle(found: list[dict[str, Any]], bundle: Path, size: int | None = None,
                 processes: int = PROCESSES) -> None:
    """Write the Pagefind bundle of `found` (records()) into the folder `bundle`, made the same bytes each time.

    Up to `size` characters of content (part_chars()) are indexed by one Pagefind; more, in parts
    (see parts()) by up to `processes` at a time, and merged into the bundle of them all.
    """
    from site_builder.search_merge import BundleError

    pieces = parts(found, size or part_chars())
    try:
        if len(pieces) == 1:
            service = _Service()
            try:
                files = _index_part(service, pieces[0])
            finally:
                service.close()
        else:
            files = _index_parts(pieces, processes)
    except (OSError, RuntimeError, ValueError, KeyError, TypeError, BundleError) as e:
        raise UserError(problem(bundle, f"search index failed: {e}")) from None
    for name, content in files.items():
        path = bundle / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    if not (bundle / "pagefind.js").exists():
        raise UserError(problem(bundle, "search index failed: Pagefind wrote no pagefind.js"))
    canonicalize(bundle)


def index(site: Site, out: Path) -> None:
    """Write the site's search bundle into `out`/pagefind."""
    write_bundle(records(site), out / BUNDLE)
