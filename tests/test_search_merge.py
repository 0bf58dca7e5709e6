"""The search index made in parts (several Pagefind processes, their bundles merged) holds what one Pagefind's holds."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from site_builder import config as site_config
from site_builder import content as ct
from site_builder import search
from site_builder import search_merge as sm
from site_builder.errors import UserError
from site_builder.pages import Site

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def records() -> list[dict]:
    """The repository's documents and events, as search records (Russian, Kazakh, Azerbaijani and English texts)."""
    return search.records(Site(ct.load(ROOT / "content"), site_config.load(ROOT / "site.yaml")))


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def contents(bundle: Path) -> dict:
    """What a bundle holds: its files but the word chunks and the metadata as they are, the metadata
    without its list of chunks, and every word's pages and variants (from whichever chunk holds it)."""
    entry = json.loads((bundle / "pagefind-entry.json").read_text(encoding="utf-8"))
    info = entry["languages"][search.INDEX_LANGUAGE]
    meta = sm.read_data((bundle / f"pagefind.{info['hash']}.pf_meta").read_bytes())
    words: dict[str, list] = {}
    previous = ""
    for low, high, name in meta[2]:
        assert previous < low <= high, "chunk ranges out of order"
        for word in sm.read_data((bundle / "index" / f"{name}.pf_index").read_bytes())[0]:
            assert word[0] not in words, f"{word[0]!r} in two chunks"
            assert low <= word[0] and word[0][:len(high)] <= high, f"{word[0]!r} outside its chunk {low}..{high}"
            words[word[0]] = word[1:]
        previous = high
    files = {k: v for k, v in tree(bundle).items()
             if not k.startswith("index/") and not k.endswith(".pf_meta") and k != "pagefind-entry.json"}
    return {"files": files, "page_count": info["page_count"], "wasm": info["wasm"], "version": entry["version"],
            "meta": [meta[0], meta[1], meta[3], meta[4], meta[5]], "words": words}


def single(found: list[dict], bundle: Path) -> Path:
    """The bundle one Pagefind writes of `found`, in this order."""
    search.write_bundle(found, bundle, size=10**12)
    return bundle


@pytest.mark.parametrize("n", [2, 3, 11])
def test_merged_bundle_holds_what_one_pagefind_writes(records, tmp_path, n):
    size = -(-sum(len(r["content"]) for r in records) // n)
    pieces = search.parts(records, size)
    assert len(pieces) == n and sorted(r["url"] for p in pieces for r in p) == sorted(r["url"] for r in records)
    merged = tmp_path / "merged"
    search.write_bundle(records, merged, size=size)
    one = single([r for p in pieces for r in p], tmp_path / "one")
    a, b = contents(merged), contents(one)
    # The same fragments under the same names, filters, pages, meta fields; every word on the
    # same pages at the same places, with the same variants.
    assert a["files"].keys() == b["files"].keys()
    assert [k for k in a["files"] if a["files"][k] != b["files"][k]] == []
    assert a == b
    assert a["page_count"] == len(records)


def test_parts_whose_pages_lack_a_meta_field_are_renumbered(records, tmp_path):
    """Documents alone have no "kind" and events no "paras": each part numbers the meta fields it has."""
    docs = [r for r in records if r["url"].startswith("documents/")]
    events = [r for r in records if not r["url"].startswith("documents/")]
    assert docs and events
    merged = tmp_path / "merged"
    files = search._index_parts([docs, events], 2)
    for name, content in files.items():
        (merged / name).parent.mkdir(parents=True, exist_ok=True)
        (merged / name).write_bytes(content)
    search.canonicalize(merged)
    assert contents(merged) == contents(single(docs + events, tmp_path / "one"))


def test_merged_bundle_is_the_same_each_time(records, tmp_path):
    search.write_bundle(records, tmp_path / "a", size=5000)
    search.write_bundle(records, tmp_path / "b", size=5000)
    assert tree(tmp_path / "a") == tree(tmp_path / "b")


def test_a_clash_of_short_names_lengthens_the_later_one():
    """As Pagefind names fragments: 'en_' and 7 digits of the hash, one more digit while the name is taken."""
    assert sm._short_names(["en_abcdef01", "en_abcdef02", "en_abcdef0234", "en_1234567"], 10) == \
        ["en_abcdef0", "en_abcdef02", "en_abcdef023", "en_1234567"]
    assert sm.pagefind_hash(b"") == "da39a3ee5e6b4bd3255bfef95601890afd879"  # SHA-1 of nothing, zeros dropped


def test_pages_lists_are_joined_with_their_first_difference_changed():
    def pages(*numbers: int) -> sm.Pages:
        items = b"".join(b"\x83" + sm._encode_head(0, d) + b"\x82\x38\x18\x01\x80" for d in numbers)
        return sm.Pages(len(numbers), items, numbers[0], sum(numbers))

    count, items = sm._join([(0, pages(2, 3)), (10, sm.Pages(0, b"", 0, 0)), (10, pages(0, 30))])
    decoded = __import__("cbor2").loads(sm._array_head(count) + items)
    assert [p[0] for p in decoded] == [2, 3, 5, 30]  # pages 2, 5; 10, 40


def test_a_failing_part_is_one_line_and_leaves_no_pagefind(records, tmp_path, monkeypatch):
    started = []
    real_service = search._Service

    def service():
        s = real_service()
        started.append(s)
        return s

    def index_part(s, found):
        if any(r is records[-1] for r in found):
            raise RuntimeError("Pagefind stopped (exit 1)")
        return real_index_part(s, found)

    real_index_part = search._index_part
    monkeypatch.setattr(search, "_Service", service)
    monkeypatch.setattr(search, "_index_part", index_part)
    with pytest.raises(UserError) as e:
        search.write_bundle(records, tmp_path / "pagefind", size=3000)
    assert "\n" not in str(e.value) and str(e.value).endswith("search index failed: Pagefind stopped (exit 1)")
    assert started and all(s._process.poll() is not None for s in started)


def test_a_part_size_from_the_environment(monkeypatch):
    monkeypatch.setenv(search.PART_CHARS_VARIABLE, "5000")
    assert search.part_chars() == 5000
    monkeypatch.setenv(search.PART_CHARS_VARIABLE, "lots")
    with pytest.raises(UserError) as e:
        search.part_chars()
    assert str(e.value) == "SITE_BUILDER_SEARCH_PART_CHARS: not a number of characters: 'lots'"
    monkeypatch.delenv(search.PART_CHARS_VARIABLE)
    assert search.part_chars() == search.PART_CHARS
