"""File names: seeds and entries named with spaces, Unicode in either normal form, leading dots,
great length, or letter case alone give a working page at a safe URL or a clear refusal; two
names that would give one URL are a conflict naming both files, and nothing is overwritten."""

from __future__ import annotations

import contextlib
import io
import re
import shutil
import unicodedata
from pathlib import Path

import pytest

from site_builder import cli

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "site_small"
# A text of our own, in the shape of a short news item.
TEXT = "date 2023-03-15\nАстана. Делегации Казахстана и Азербайджана обсудили в Астане транзит грузов.\n"
SAFE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def run(args: list[str], cwd: Path, monkeypatch) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    monkeypatch.chdir(cwd)
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main([str(a) for a in args])
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "site"
    shutil.copytree(FIXTURE, root)
    shutil.copytree(ROOT / "templates", root / "templates")
    return root


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def error_lines(err: str) -> list[str]:
    return [line for line in err.splitlines() if line.startswith("error: ")]


# ---------------------------------------------------------------- seeds

@pytest.mark.parametrize("name, doc_id", [
    ("my article.txt", "my-article"),
    ("Бакуге сапар.txt", "bakuge-sapar"),
    ("Əliyev Qazaxıstanda.txt", "eliyev-qazaxistanda"),
    (unicodedata.normalize("NFD", "Café Noël.txt"), "cafe-noel"),
    ("a" * 251 + ".txt", "a" * 80),
    ("中文 — 2023.txt", "2023"),
    ("中文.txt", None),
    ("Page.txt", "page-document"),
    ("by-title.txt", "by-title-document"),
], ids=["spaces", "cyrillic", "azerbaijani", "nfd", "255-bytes", "cjk-and-digits", "no-latin-letter",
        "list-page-address", "sort-address"])
def test_seed_name_gives_a_page_at_a_safe_url(project, monkeypatch, name, doc_id):
    (project / "seeds" / name).write_text(TEXT, encoding="utf-8")
    code, out, err = run(["site"], project, monkeypatch)
    assert code == 0, err
    added = sorted({p.stem for p in (project / "content/documents").glob("*.md")} - {
        p.stem for p in (FIXTURE / "content/documents").glob("*.md")})
    assert len(added) == 1, added
    if doc_id is None:
        assert re.fullmatch(r"document-[0-9a-f]{12}", added[0]), added
    else:
        assert added == [doc_id]
    assert SAFE.match(added[0])
    page = project / "output/en/documents" / added[0] / "index.html"
    assert page.is_file() and "транзит грузов" in page.read_text(encoding="utf-8")


def test_hidden_seed_is_refused_with_a_warning(project, monkeypatch):
    (project / "seeds" / ".draft.txt").write_text(TEXT, encoding="utf-8")
    before = snapshot(project / "content")
    code, out, err = run(["ingest"], project, monkeypatch)
    assert code == 0
    assert "warning: seeds/.draft.txt: a hidden file (its name starts with a dot): not ingested" in err.splitlines()
    assert snapshot(project / "content") == before


@pytest.mark.parametrize("names", [
    (unicodedata.normalize("NFC", "café.txt"), unicodedata.normalize("NFD", "café.txt")),
    ("Report.txt", "report.txt"),
    ("Visit to Baku.txt", "visit-to-baku.txt"),
], ids=["nfc-nfd", "case", "spaces-hyphens"])
def test_two_seed_names_for_one_url_are_a_conflict(project, monkeypatch, names):
    for i, name in enumerate(names):
        (project / "seeds" / name).write_text(TEXT + f"Вариант {i}.\n", encoding="utf-8")
    before = snapshot(project / "content")
    code, out, err = run(["ingest"], project, monkeypatch)
    assert code == 1
    lines = error_lines(err)
    assert len(lines) == 2, err
    for name, line in zip(sorted(names), lines):
        other = next(n for n in names if n != name)
        assert line.startswith(f"error: seeds/{name}: its name gives the same id ")
        assert f"seeds/{other}" in line
    assert snapshot(project / "content") == before


def test_seed_name_for_an_existing_entry_is_a_conflict(project, monkeypatch):
    (project / "seeds" / "EN Cable 2024.txt").write_text(TEXT, encoding="utf-8")
    before = snapshot(project / "content")
    code, out, err = run(["ingest"], project, monkeypatch)
    assert code == 1
    assert error_lines(err) == ["error: seeds/EN Cable 2024.txt: its name gives the id 'en-cable-2024' of the existing "
                                "entry content/documents/en-cable-2024.md; rename the seed"]
    assert snapshot(project / "content") == before


def test_an_entry_without_a_seed_is_never_overwritten(project, monkeypatch):
    """An entry the editor wrote by hand (no seed) keeps its file when a seed of that name arrives."""
    cable = (project / "content/documents/en-cable-2024.md").read_text(encoding="utf-8")
    notes = project / "content/documents/notes.md"
    notes.write_text(cable.replace("id: en-cable-2024", "id: notes").replace("seed: en-cable-2024.txt", "seed: null"),
                     encoding="utf-8")
    before = notes.read_bytes()
    (project / "seeds" / "Notes.txt").write_text(TEXT, encoding="utf-8")
    code, out, err = run(["ingest"], project, monkeypatch)
    assert code == 1
    assert error_lines(err) == ["error: seeds/Notes.txt: its name gives the id 'notes' of the existing entry "
                                "content/documents/notes.md; rename the seed"]
    assert notes.read_bytes() == before


# ---------------------------------------------------------------- entries

def _entry(project: Path, doc_id: str) -> str:
    text = (project / "content/documents/en-cable-2024.md").read_text(encoding="utf-8")
    return text.replace("id: en-cable-2024", f"id: {doc_id}")


@pytest.mark.parametrize("name, doc_id, message", [
    ("my entry.md", "my-entry", "id 'my-entry' differs from the file name 'my entry.md'"),
    (unicodedata.normalize("NFD", "café.md"), "cafe", "id 'cafe' differs from the file name"),
    ("EN-cable-2024.md", "en-cable-2024", "id 'en-cable-2024' differs from the file name 'EN-cable-2024.md'"),
    (".draft.md", "draft", "'.draft.md' is a hidden file, not an entry"),
    ("x" * 210 + ".md", "x" * 210, "id is 210 characters long; at most 80"),
], ids=["spaces", "nfd", "case", "leading-dot", "long"])
def test_entry_name_that_cannot_be_its_url_is_refused(project, monkeypatch, name, doc_id, message):
    (project / "content/documents" / name).write_text(_entry(project, doc_id), encoding="utf-8")
    code, out, err = run(["check"], project, monkeypatch)
    assert code == 1
    lines = [line for line in out.splitlines() if not line.startswith("check:")]
    assert any(line.startswith(f"content/documents/{name}:") and message in line for line in lines), out
    # Only that file is wrong; an entry it claims the id of says which file claims it too.
    assert all(line.startswith(f"content/documents/{name}:") or f"(also in {name})" in line for line in lines), out
    code, out, err = run(["build"], project, monkeypatch)
    assert code == 1 and not (project / "output").exists()
    assert "Traceback" not in err


def test_editor_lock_file_among_entries_is_not_an_entry(project, monkeypatch):
    """Emacs marks a file it edits with a link .#name.md pointing nowhere: check and build pass it by."""
    (project / "content/documents/.#en-cable-2024.md").symlink_to("user@host.1234:1700000000")
    code, out, err = run(["check"], project, monkeypatch)
    assert code == 0, out
    code, out, err = run(["ingest"], project, monkeypatch)
    assert code == 0, err


def test_an_entry_with_the_id_of_a_list_page_is_refused(project, monkeypatch):
    docs = project / "content" / "documents"
    source = sorted(docs.glob("*.md"))[0]
    text = source.read_text(encoding="utf-8")
    (docs / "page.md").write_text(text.replace(f"\nid: {source.stem}\n", "\nid: page\n", 1), encoding="utf-8")
    code, out, err = run(["build"], project, monkeypatch)
    assert code == 1
    assert any("page.md:" in line and "'page' is the address of a list page" in line for line in error_lines(err)), err
