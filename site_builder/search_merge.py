"""Pagefind bundles of parts of the search records, merged into one bundle of them all, as one Pagefind would index them.

One Pagefind indexing all of a large site's records needs memory in proportion to all of them
(3.4 GB at 10,000 documents, most of it while it builds the index); indexing parts of the records
one after another, in a few processes at a time, keeps each small. The parts' bundles are then
merged here, at the level of Pagefind's files (version 1.5; gzip'd CBOR behind a signature, laid
out by pagefind/src/index/*.rs in Pagefind's source):

- a page's fragment (its text, meta and filters) does not depend on the other pages: the files are
  kept as they are, named as Pagefind names them (a hash of their content, lengthened on a clash);
- pages are numbered in the order the parts come in: part k's pages after all those of parts < k;
- a word's entry in a word index chunk lists the pages it is on, each as the difference from the
  page before: the parts' lists are joined, only each part's first difference is changed. The
  lists are copied as bytes, their ends found where the next word begins (or by a regular
  expression), their page differences read by one (decoding the positions, millions of numbers,
  would cost more time than Pagefind's own work);
- the words are chunked again in order (a chunk a few tens of kB, as Pagefind's are), and the
  chunk ranges trimmed to the shortest prefixes that tell them apart, as Pagefind does;
- filters: each value's pages, renumbered; the metadata file lists the pages, chunks and filters.

The word chunks' boundaries are ours (by bytes rather than by Pagefind's count of positions), so
the bundle is not byte for byte the one a single Pagefind would write; what it holds is: the same
words, each on the same pages at the same positions with the same variants, the same fragment
files, filters, pages and meta fields (tests/test_search_merge.py compares them).
"""

from __future__ import annotations

import gzip
import hashlib
import json
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import cbor2

SIGNATURE = b"pagefind_dcd"
# A chunk is closed once its words take this many bytes (Pagefind closes one at 20,000 positions,
# about 60 kB at this site's sizes).
CHUNK_BYTES = 60_000
# zlib level 5: the merged word chunks 7 % larger than at level 9 (2 % of the bundle), compressed
# 14 times faster (1.2 s rather than 17 s at 10,000 documents).
GZIP_LEVEL = 5

# CBOR, as Pagefind's minicbor writes it: definite lengths, the shortest heads.
_UINT = rb"(?:[\x00-\x17]|\x18.|\x19..|\x1a....|\x1b........)"
_INT = rb"(?:[\x00-\x17\x20-\x37]|\x18.|\x38.|\x19..|\x39..|[\x1a\x3a]....|[\x1b\x3b]........)"
_ARRAY = rb"(?:[\x80-\x97]|\x98.|\x99..|\x9a....)"
# One page of a word: [page difference, [positions and weight marks], [meta field marks and positions]].
_PAGE = rb"\x83(" + _UINT + rb")" + _ARRAY + _INT + rb"*+" + _ARRAY + _INT + rb"*+"
_PAGES = re.compile(rb"(?:" + _PAGE + rb")*+", re.S)
_PAGE_DIFFERENCES = re.compile(_PAGE, re.S)
# Where the next word may start, [word (a text), …], and a variant, [form (a text), pages]: a page
# is [a number, …], positions and meta fields numbers (in 3-byte numbers of 33,000 or more, these
# bytes can stand: then a word is read the slow way).
_NEXT_WORD = re.compile(rb"\x83[\x60-\x7b]")
_VARIANT = re.compile(rb"\x82[\x60-\x7b]")


class BundleError(ValueError):
    """A part's bundle is not laid out as this code expects (another Pagefind version)."""


def read_data(raw: bytes) -> Any:
    """The CBOR value of a Pagefind data file's bytes (gzip'd, behind the signature)."""
    data = gzip.decompress(raw)
    if not data.startswith(SIGNATURE):
        raise BundleError("not a Pagefind data file")
    return cbor2.loads(data[len(SIGNATURE):])


def data_file(cbor: bytes, level: int = 9) -> bytes:
    """A Pagefind data file's bytes holding the CBOR `cbor`."""
    return gzip.compress(SIGNATURE + cbor, compresslevel=level, mtime=0)


def pagefind_hash(data: bytes) -> str:
    """Pagefind's hash of a file's content: SHA-1, each byte in hex without its leading zero."""
    return "".join(format(b, "x") for b in hashlib.sha1(data).digest())


def _head(buf: bytes, at: int) -> tuple[int, int, int]:
    """(major type, argument, where the item's content starts) of the CBOR head at `at`."""
    b = buf[at]
    info = b & 31
    if info < 24:
        return b >> 5, info, at + 1
    if info > 27:
        raise BundleError("indefinite or reserved CBOR head")
    size = 1 << (info - 24)
    return b >> 5, int.from_bytes(buf[at + 1:at + 1 + size], "big"), at + 1 + size


def _array_head(n: int) -> bytes:
    return _encode_head(4, n)


def _encode_head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + n.to_bytes(size, "big")
    raise BundleError("number too large")


@dataclass(frozen=True)
class Pages:
    """A word's (or a variant's) list of pages in one part: `count` pages, encoded as `span`; the
    first one's page number (its difference from 0) and the last one's."""

    count: int
    span: bytes
    first: int
    last: int


def _pages(buf: bytes, at: int, end: int | None = None) -> tuple[Pages, int]:
    """A list of pages at `at`, and where it ends; `end`, if given, where it ends unless it does not parse."""
    major, count, start = _head(buf, at)
    if major != 4:
        raise BundleError("a word's pages are not an array")
    differences = _PAGE_DIFFERENCES.findall(buf, start, end) if end is not None else None
    if differences is None or len(differences) != count:
        end = _PAGES.match(buf, start).end()
        differences = _PAGE_DIFFERENCES.findall(buf, start, end)
    if len(differences) != count:
        raise BundleError("a word's pages do not parse")
    numbers = cbor2.loads(_array_head(count) + b"".join(differences)) if count else []
    return Pages(count, buf[start:end], numbers[0] if count else 0, sum(numbers)), end


def _text(buf: bytes, at: int) -> tuple[str, bytes, int]:
    major, size, start = _head(buf, at)
    if major != 3:
        raise BundleError("a word is not a text")
    return buf[start:start + size].decode("utf-8"), buf[at:start + size], start + size


@dataclass
class Word:
    """A word of one part's index: its CBOR text, its pages, its variants (spellings with diacritics) in order."""

    text: bytes
    pages: Pages
    variants: list[tuple[str, bytes, Pages]] = field(default_factory=list)


def parse_chunk(buf: bytes) -> dict[str, Word]:
    """The words of a word index chunk's CBOR (`[[word, [pages], [variants]], …]`)."""
    major, one, at = _head(buf, 0)
    if (major, one) != (4, 1):
        raise BundleError("a word index chunk is not a one-field array")
    major, count, at = _head(buf, at)
    words: dict[str, Word] = {}
    previous = ""
    for _ in range(count):
        major, fields, at = _head(buf, at)
        if (major, fields) != (4, 3):
            raise BundleError("a word is not [word, pages, variants]")
        word, text, at = _text(buf, at)
        if word <= previous:
            raise BundleError("a word index chunk's words are out of order")
        previous = word
        # Most words have no variants: their pages end with the word, but for its empty list of
        # variants, where the next word begins. Otherwise the pages are read to their end.
        following = _NEXT_WORD.search(buf, at)
        end = following.start() if following else len(buf)
        simple = buf[end - 1] == 0x80 and not _VARIANT.search(buf, at, end)
        pages, at = _pages(buf, at, end - 1 if simple else None)
        major, n_variants, at = _head(buf, at)
        entry = Word(text, pages)
        for _ in range(n_variants):
            major, two, at = _head(buf, at)
            if (major, two) != (4, 2):
                raise BundleError("a variant is not [form, pages]")
            form, form_text, at = _text(buf, at)
            variant_pages, at = _pages(buf, at)
            entry.variants.append((form, form_text, variant_pages))
        words[word] = entry
    if at != len(buf):
        raise BundleError("a word index chunk has bytes left over")
    return words


def _renumber_meta_fields(buf: bytes, fields: dict[int, int]) -> bytes:
    """A chunk's CBOR with its meta field ids changed by `fields` (a part whose pages lack a meta
    field another part has numbers the fields after it otherwise); decoded whole, so slower."""
    def pages(items: list[Any]) -> None:
        for page in items:
            page[2] = [fields[-x - 1] * -1 - 1 if x < 0 else x for x in page[2]]

    data = cbor2.loads(buf)
    for word in data[0]:
        pages(word[1])
        for variant in word[2]:
            pages(variant[1])
    return cbor2.dumps(data)


@dataclass
class Part:
    """One part's bundle, read: what the merge needs of each language's index."""

    files: dict[str, bytes]
    entry: dict[str, Any]
    meta: dict[str, list[Any]]  # language -> its metadata file's CBOR value
    words: dict[str, dict[str, Word]]  # language -> word -> entry


def read_part(files: dict[str, bytes]) -> Part:
    """A part's bundle (its files by path, as Pagefind's service returns them), read for merging."""
    try:
        entry = json.loads(files["pagefind-entry.json"])
        meta: dict[str, list[Any]] = {}
        words: dict[str, dict[str, Word]] = {}
        for lang, info in entry["languages"].items():
            meta[lang] = m = read_data(files[f"pagefind.{info['hash']}.pf_meta"])
            if m[4]:
                raise BundleError("sort orders are not merged")
            words[lang] = {}
            for chunk in m[2]:
                raw = gzip.decompress(files[f"index/{chunk[2]}.pf_index"])
                if not raw.startswith(SIGNATURE):
                    raise BundleError("not a Pagefind data file")
                words[lang].update(parse_chunk(raw[len(SIGNATURE):]))
    except (KeyError, IndexError, TypeError, ValueError, OSError, UnicodeDecodeError, cbor2.CBORDecodeError) as e:
        raise BundleError(f"unexpected Pagefind bundle ({e})") from None
    return Part(files, entry, meta, words)


def _join(lists: list[tuple[int, Pages]]) -> tuple[int, bytes]:
    """(count, CBOR items) of page lists of parts, each (the number of its first page, its list)."""
    pieces = []
    count = 0
    last = 0
    for offset, pages in lists:
        if not pages.count:  # a word found only in its variants' spellings
            continue
        difference = offset + pages.first - last
        if difference == pages.first:
            pieces.append(pages.span)
        else:
            old = len(_encode_head(0, pages.first))
            pieces.append(b"\x83" + _encode_head(0, difference) + pages.span[1 + old:])
        count += pages.count
        last = offset + pages.last
    return count, b"".join(pieces)


def _prefixes(a: str, b: str) -> tuple[str, str]:
    """Pagefind's get_prefixes: the shortest beginnings of `a` and `b` (a < b) that differ."""
    common = 0
    for x, y in zip(b, a):
        if x != y:
            break
        common += 1
    return a[:common + 1], b[:common + 1]


def _short_names(full: list[str], length: int) -> list[str]:
    """Names for files whose full hashes are `full`, in order: each its first `length` characters,
    longer while another already has the name (as Pagefind names its index files)."""
    names: list[str] = []
    taken: set[str] = set()
    for name in full:
        size = length
        while name[:size] in taken and size < len(name):
            size += 1
        names.append(name[:size])
        taken.add(name[:size])
    return names


def merge(parts: list[Part]) -> dict[str, bytes]:
    """The files of the bundle of all the parts' pages, part after part: the parts' own fragments,
    the words' pages joined and chunked again, filters and metadata merged. Filter values and the
    filters are in Pagefind's (unstable) order; search.canonicalize puts them in order afterwards."""
    first = parts[0]
    files = {path: content for path, content in first.files.items()
             if not path.startswith(("fragment/", "index/", "filter/")) and not path.endswith(".pf_meta")}
    entry = json.loads(first.files["pagefind-entry.json"])
    for lang in sorted(entry["languages"]):
        if any(set(p.entry["languages"]) != set(entry["languages"]) or p.meta[lang][0] != first.meta[lang][0]
               for p in parts):
            raise BundleError("the parts' languages or Pagefind versions differ")
        meta_fields = sorted({f for p in parts for f in p.meta[lang][5]})
        offsets = []
        total = 0
        for p in parts:
            offsets.append(total)
            total += len(p.meta[lang][1])
            if p.meta[lang][5] != meta_fields:
                renumber = {i: meta_fields.index(f) for i, f in enumerate(p.meta[lang][5])}
                p.words[lang] = {}
                for chunk in p.meta[lang][2]:
                    raw = gzip.decompress(p.files[f"index/{chunk[2]}.pf_index"])[len(SIGNATURE):]
                    p.words[lang].update(parse_chunk(_renumber_meta_fields(raw, renumber)))

        pages = _merge_fragments(parts, lang, files)
        chunks = _merge_words(parts, lang, offsets, files)
        filters = _merge_filters(parts, lang, offsets, files)
        meta = [first.meta[lang][0], pages, chunks, filters, [], meta_fields]
        cbor = cbor2.dumps(meta)
        name = f"{lang}_{pagefind_hash(cbor)}"[:len(lang) + 8]
        files[f"pagefind.{name}.pf_meta"] = data_file(cbor)
        entry["languages"][lang].update(hash=name, page_count=total)
    files["pagefind-entry.json"] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return files


def _merge_fragments(parts: list[Part], lang: str, files: dict[str, bytes]) -> list[list[Any]]:
    """The metadata's pages ([fragment name, word count] in page order); the fragments into `files`,
    renamed where two parts' names clash as one Pagefind would have named them."""
    short = len(lang) + 8
    pages = [(p, name, count) for p in parts for name, count in p.meta[lang][1]]
    names = [name[:short] for _, name, _ in pages]
    same: dict[str, list[int]] = {}
    for i, name in enumerate(names):
        same.setdefault(name, []).append(i)
    for clash in (c for c in same.values() if len(c) > 1):
        # Two pages' hashes begin alike (a few times in 10,000 pages): the later one's name is longer.
        full = [f"{lang}_" + pagefind_hash(gzip.decompress(pages[i][0].files[f"fragment/{pages[i][1]}.pf_fragment"])
                                           [len(SIGNATURE):]) for i in clash]
        for i, name in zip(clash, _short_names(full, short)):
            names[i] = name
    out = []
    for (p, name, count), new in zip(pages, names):
        files[f"fragment/{new}.pf_fragment"] = p.files[f"fragment/{name}.pf_fragment"]
        out.append([new, count])
    return out


def _merge_words(parts: list[Part], lang: str, offsets: list[int], files: dict[str, bytes]) -> list[list[str]]:
    """The metadata's index chunks ([from, to, name]); the chunks' files into `files`."""
    every = sorted({w for p in parts for w in p.words[lang]})
    chunks: list[list[bytes]] = [[]]
    bounds: list[list[str]] = []
    size = 0
    for word in every:
        found = [(offset, p.words[lang][word]) for offset, p in zip(offsets, parts) if word in p.words[lang]]
        count, items = _join([(offset, w.pages) for offset, w in found])
        variants: dict[str, tuple[bytes, list[tuple[int, Pages]]]] = {}
        for offset, w in found:
            for form, text, variant_pages in w.variants:
                variants.setdefault(form, (text, []))[1].append((offset, variant_pages))
        encoded = [b"\x83", found[0][1].text, _array_head(count), items, _array_head(len(variants))]
        for text, lists in variants.values():
            n, variant_items = _join(lists)
            encoded += [b"\x82", text, _array_head(n), variant_items]
        entry = b"".join(encoded)
        if not chunks[-1]:
            bounds.append([word, word])
        chunks[-1].append(entry)
        bounds[-1][1] = word
        size += len(entry)
        if size >= CHUNK_BYTES:
            chunks.append([])
            size = 0
    if not chunks[-1]:
        chunks.pop()
    for i in range(len(bounds) - 1):  # Pagefind's chunk_meta
        to, next_from = _prefixes(bounds[i][1], bounds[i + 1][0])
        if to >= bounds[i][0]:
            bounds[i][1] = to
        bounds[i + 1][0] = next_from
    cbors = [b"\x81" + _array_head(len(c)) + b"".join(c) for c in chunks]
    names = _short_names([f"{lang}_{pagefind_hash(c)}" for c in cbors], len(lang) + 8)
    # zlib lets go of the GIL: the chunks are compressed on every processor.
    with ThreadPoolExecutor() as pool:
        for name, content in zip(names, pool.map(lambda c: data_file(c, GZIP_LEVEL), cbors)):
            files[f"index/{name}.pf_index"] = content
    return [[b[0], b[1], name] for b, name in zip(bounds, names)]


def _merge_filters(parts: list[Part], lang: str, offsets: list[int], files: dict[str, bytes]) -> list[list[str]]:
    """The metadata's filters ([filter, name]); the filters' files into `files`."""
    merged: dict[str, dict[str, list[int]]] = {}
    for offset, p in zip(offsets, parts):
        for name, hash_ in p.meta[lang][3]:
            data = read_data(p.files[f"filter/{hash_}.pf_filter"])
            values = merged.setdefault(data[0], {})
            for value, pages in data[1]:
                values.setdefault(value, []).extend(offset + n for n in pages)
    out = []
    for name, values in merged.items():
        cbor = cbor2.dumps([name, [[value, pages] for value, pages in values.items()]])
        short = f"{lang}_{pagefind_hash(cbor)}"[:len(lang) + 8]
        files[f"filter/{short}.pf_filter"] = data_file(cbor)
        out.append([name, short])
    return out
