"""The parse cache (site_builder.cache): a rebuild reads only the files whose bytes changed, and
gives the same problems and the same output as a build without it.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from sites import small_site

from site_builder import cache as parse_cache
from site_builder import content as ct
from site_builder.errors import UserError


@pytest.fixture
def site(tmp_path: Path, monkeypatch) -> Path:
    small_site(tmp_path)
    monkeypatch.chdir(tmp_path)
    return tmp_path


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The names of the entry files read (parsed and checked) since the test began."""
    names: list[str] = []
    real = ct._document

    def counted(path, *args, **kwargs):
        names.append(path.name)
        return real(path, *args, **kwargs)

    monkeypatch.setattr(ct, "_document", counted)
    return names


def run_load(site: Path) -> tuple[ct.Corpus | UserError, ct.LoadCache]:
    """One build's loading, as a new process would do it: a fresh LoadCache over the cache folder."""
    cache = ct.LoadCache(site / parse_cache.FOLDER)
    try:
        result: ct.Corpus | UserError = ct.load(Path("content"), cache)
    except UserError as e:
        result = e
    cache.save()
    return result, cache


def entries(site: Path) -> list[Path]:
    return ct.entry_files(site / "content" / ct.DOCUMENTS)


def test_a_second_load_reads_every_file_from_the_cache(site, reads):
    first, cache = run_load(site)
    assert sorted(reads) == sorted(p.name for p in entries(site)) and cache.store.reads == 0
    assert (site / parse_cache.FOLDER / parse_cache.FILE).is_file()
    reads.clear()
    second, cache = run_load(site)
    assert reads == []
    assert cache.store.reads == len(entries(site)) + 1  # and the timeline
    assert second == first


def test_a_one_byte_change_reads_that_file_again_and_only_it(site, reads):
    first, _ = run_load(site)
    path = entries(site)[0]
    path.write_bytes(path.read_bytes() + b"\n")  # one more blank line at the end: the same document
    reads.clear()
    second, cache = run_load(site)
    assert reads == [path.name]
    assert cache.store.reads == len(entries(site)) - 1 + 1
    assert second == first
    reads.clear()
    run_load(site)
    assert reads == []


def test_a_changed_timeline_is_read_again(site, reads):
    first, _ = run_load(site)
    timeline = site / "content" / ct.TIMELINE
    timeline.write_text(timeline.read_text(encoding="utf-8").replace("place: baku", "place: astana", 1), encoding="utf-8")
    second, cache = run_load(site)
    assert cache.store.reads == len(entries(site))
    assert second.events != first.events and second.documents == first.documents


def test_a_changed_knowledge_file_reads_every_entry_again(site, reads):
    run_load(site)
    with open(site / "content" / "topics.yaml", "a", encoding="utf-8") as f:
        f.write("# a comment changes nothing but the bytes\n")
    reads.clear()
    _, cache = run_load(site)
    assert sorted(reads) == sorted(p.name for p in entries(site))
    assert cache.store.reads == 1  # the timeline does not depend on the knowledge


def test_other_code_does_not_use_the_cache(site, reads, monkeypatch):
    run_load(site)
    monkeypatch.setattr(parse_cache, "code_key", lambda: "another version")
    reads.clear()
    run_load(site)
    assert len(reads) == len(entries(site))


@pytest.mark.parametrize("garbage", [b"", b"not a pickle", None, pickle.dumps({"header": 1}), pickle.dumps([1, 2])])
def test_a_corrupt_cache_is_ignored_and_rewritten(site, reads, garbage):
    first, _ = run_load(site)
    file = site / parse_cache.FOLDER / parse_cache.FILE
    file.write_bytes(file.read_bytes()[:len(file.read_bytes()) // 2] if garbage is None else garbage)
    reads.clear()
    second, cache = run_load(site)
    assert second == first and len(reads) == len(entries(site)) and cache.store.reads == 0
    reads.clear()
    third, cache = run_load(site)
    assert third == first and reads == []


def test_an_unwritable_cache_folder_costs_nothing_but_time(site, reads):
    (site / parse_cache.FOLDER).write_text("a file where the folder would be\n", encoding="utf-8")
    first, _ = run_load(site)
    second, _ = run_load(site)
    assert second == first and len(reads) == 2 * len(entries(site))


def test_problems_are_reported_from_the_cache_as_when_read(site, reads):
    docs = site / "content" / ct.DOCUMENTS
    text = (docs / "ru-visit-2022.md").read_text(encoding="utf-8")
    (docs / "ru-visit-2022.md").write_text(text.replace("- transport\n", "- transportation\n"), encoding="utf-8")
    broken = entries(site)[0]
    broken.write_text(broken.read_text(encoding="utf-8").replace("\ntitle:", "\ntitle: [", 1), encoding="utf-8")
    first, _ = run_load(site)
    assert isinstance(first, UserError) and len(first.problems) >= 2
    reads.clear()
    second, cache = run_load(site)
    assert isinstance(second, UserError)
    assert [str(p) for p in second.problems] == [str(p) for p in first.problems]
    # The entry with a problem of its own comes from the cache; the one YAML refuses is read again.
    assert reads == [broken.name] and cache.store.reads == len(entries(site)) - 1 + 1


def test_prefetched_entries_are_cached_too(site, reads, monkeypatch):
    monkeypatch.setattr(ct, "PREFETCH_MIN", 1)
    monkeypatch.setattr(ct, "PREFETCH_CHUNK", 1)
    cache = ct.LoadCache(site / parse_cache.FOLDER)
    cache.prefetch(Path("content"), 2)
    first = ct.load(Path("content"), cache)
    cache.save()
    assert reads == []  # all read in the worker processes
    cache = ct.LoadCache(site / parse_cache.FOLDER)
    cache.prefetch(Path("content"), 2)
    assert ct.load(Path("content"), cache) == first
    assert reads == [] and cache.store.reads == len(entries(site)) + 1


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _build(run_cli, site: Path, *extra: str) -> tuple[int, str, str]:
    return run_cli(["build", "--content", "content", "--config", "site.yaml", "--templates", "templates",
                    "--static", "static", "--seeds", "seeds", "--quiet", *extra], cwd=site)


def test_a_build_from_the_cache_is_byte_identical_to_one_without(site, run_cli):
    assert _build(run_cli, site)[0] == 0
    cached = site / parse_cache.FOLDER / parse_cache.FILE
    stamp = cached.stat().st_mtime_ns
    assert _build(run_cli, site, "--output", "output")[0] == 0  # from the cache, which it leaves as it is
    assert cached.stat().st_mtime_ns == stamp
    assert _build(run_cli, site, "--output", "again", "--no-cache")[0] == 0
    assert _tree(site / "output") == _tree(site / "again")
    # Beside the output, never in it; git ignores it by itself.
    assert not [p for p in _tree(site / "output") if "cache" in p]
    assert (site / parse_cache.FOLDER / ".gitignore").read_text(encoding="utf-8") == "*\n"


def test_error_lines_are_the_same_with_and_without_the_cache(site, run_cli):
    docs = site / "content" / ct.DOCUMENTS
    text = (docs / "ru-visit-2022.md").read_text(encoding="utf-8")
    (docs / "ru-visit-2022.md").write_text(text.replace("- transport\n", "- transportation\n"), encoding="utf-8")
    other = entries(site)[0]
    other.write_text(other.read_text(encoding="utf-8").replace("\ntitle:", "\ntitle: 'open", 1), encoding="utf-8")
    results = [_build(run_cli, site) for _ in range(2)] + [_build(run_cli, site, "--no-cache")]
    assert results[0][0] == 1 and len(results[0][2].splitlines()) >= 2
    assert results[1] == results[0] and results[2] == results[0]


def test_no_cache_writes_no_cache(site, run_cli):
    code, out, err = _build(run_cli, site, "--no-cache")
    assert (code, err) == (0, "")
    assert not (site / parse_cache.FOLDER).exists()
