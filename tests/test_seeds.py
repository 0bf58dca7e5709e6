"""Reading seeds: encodings and line endings are converted; bad files are refused one line each, the rest ingested."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from site_builder import content as ct

# Two real seeds put beside every bad file: they must be ingested whatever the bad one does.
GOOD = ("000_52c20af9d2dead56.txt", "003_3fa965019c280142.txt")

TEXT = (
    "Президент Казахстана Касым-Жомарт Токаев провел телефонный разговор с Президентом Азербайджана "
    "Ильхамом Алиевым.\n"
    "\n"
    "Стороны обсудили развитие Среднего коридора и поставки казахстанской нефти через порт Баку.\n"
    "Главы государств договорились о встрече в Астане в ближайшее время.\n"
)
PARAGRAPHS = [line for line in TEXT.split("\n") if line]


def _seeds(tmp_path: Path, repo_root: Path, files: dict[str, bytes]) -> Path:
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name in GOOD:
        shutil.copyfile(repo_root / "seeds" / name, seeds / name)
    for name, data in files.items():
        (seeds / name).write_bytes(data)
    return seeds


def _entries(content: Path) -> dict[str, tuple[dict, tuple[str, ...]]]:
    """Entries by seed file name: (front matter, plain paragraphs); each file must parse whole."""
    out = {}
    for path in sorted((content / ct.DOCUMENTS).glob("*.md")):
        front, _, body, _ = ct.split_entry(path.read_text(encoding="utf-8"), path)
        out[front["seed"]] = (front, tuple(ct.unescape(p) for p in ct.body_paragraphs(body)))
    return out


def _errors(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("error:")]


def _assert_clean(content: Path) -> None:
    """No temporary or half-written file anywhere in the content folder."""
    leftovers = [p.relative_to(content) for p in content.rglob("*") if p.is_file() and (
        p.name.endswith(".tmp") or p.name.startswith("."))]
    assert leftovers == []
    _entries(content)


def _ingest(run_cli, tmp_path: Path, prefix: tuple[str, ...] = ()) -> tuple[int, str, str]:
    return run_cli(["ingest", "--seeds", "seeds", "--content", "content"], tmp_path, prefix)


# ---------------------------------------------------------------- texts that are converted

GOOD_DECODINGS = [
    ("bom", b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8"),
    ("crlf", TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    ("cr", TEXT.replace("\n", "\r").encode("utf-8"), "utf-8"),
    ("bom-crlf", b"\xef\xbb\xbf" + TEXT.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    ("cp1251", TEXT.replace("\n", "\r\n").encode("cp1251"), "cp1251"),
    ("utf-16", TEXT.encode("utf-16"), "utf-16"),
]


@pytest.mark.parametrize("name, data, encoding", GOOD_DECODINGS, ids=[c[0] for c in GOOD_DECODINGS])
def test_converted_text_is_ingested_word_for_word(tmp_path, repo_root, run_cli, name, data, encoding):
    _seeds(tmp_path, repo_root, {f"{name}.txt": data})

    code, _, stderr = _ingest(run_cli, tmp_path)

    assert (code, _errors(stderr)) == (0, [])
    front, paragraphs = _entries(tmp_path / "content")[f"{name}.txt"]
    assert list(paragraphs) == PARAGRAPHS
    assert front["seed_encoding"] == encoding
    assert front["seed_sha256"] == hashlib.sha256(data).hexdigest()
    assert front["title"] == PARAGRAPHS[0].rstrip(".")
    assert front["people"] == ["kassym-jomart-tokayev", "ilham-aliyev"]
    raw = (tmp_path / "content" / "documents" / f"{name}.md").read_bytes()
    assert b"\r" not in raw and b"\xef\xbb\xbf" not in raw
    _assert_clean(tmp_path / "content")


@pytest.mark.parametrize("header", [" date 2024-03-12\n", "date 2024-03-12\r\n", "\ufeff date 2024-03-12\r\n\r\n"])
def test_date_header_is_taken_off_the_text(tmp_path, repo_root, run_cli, header):
    _seeds(tmp_path, repo_root, {"dated.txt": (header + TEXT).encode("utf-8")})

    code, _, stderr = _ingest(run_cli, tmp_path)

    assert (code, _errors(stderr)) == (0, [])
    front, paragraphs = _entries(tmp_path / "content")["dated.txt"]
    assert (front["date"], front["date_precision"], front["date_evidence"]) == ("2024-03-12", "day", "header")
    assert list(paragraphs) == PARAGRAPHS


def test_date_header_running_into_the_text(tmp_path, repo_root, run_cli):
    text = " date 2025-10-21 21 октября в Астане Ильхам Алиев и Касым-Жомарт Токаев провели переговоры.\nВторой абзац."
    _seeds(tmp_path, repo_root, {"joined.txt": text.encode("utf-8")})

    code, _, stderr = _ingest(run_cli, tmp_path)

    assert (code, _errors(stderr)) == (0, [])
    front, paragraphs = _entries(tmp_path / "content")["joined.txt"]
    assert (front["date"], front["date_precision"], front["date_evidence"]) == ("2025-10-21", "day", "header")
    assert list(paragraphs) == ["21 октября в Астане Ильхам Алиев и Касым-Жомарт Токаев провели переговоры.",
                                "Второй абзац."]


# ---------------------------------------------------------------- texts that are refused

LATIN1 = ("The meeting was short.\n"
          "Both sides agreed to meet again.\n"
          "Le président a quitté la réunion à midi, après un café.\n").encode("latin-1")
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x02\x00\x00\x00\x90\x91h6"
BAD = [
    ("latin1", "latin1.txt", LATIN1,
     "error: seeds/latin1.txt:3: not UTF-8 (byte 0xe9) and not a Cyrillic code page; save it as UTF-8"),
    ("empty", "empty.txt", b"", "error: seeds/empty.txt: the file is empty"),
    ("whitespace", "blank.txt", b"  \n\t\r\n   \n", "error: seeds/blank.txt: the file is empty"),
    ("nul-bytes", "picture.txt", PNG, "error: seeds/picture.txt: binary file, not text (contains NUL bytes)"),
    ("control-chars", "controls.txt", bytes(range(1, 9)) * 20 + TEXT.encode("utf-8"),
     "error: seeds/controls.txt: binary file, not text (control characters)"),
    ("impossible-date", "bad-date.txt", " date 2025-02-30 Токаев прибыл в Баку.\n".encode("utf-8"),
     "error: seeds/bad-date.txt:1: impossible date in header: 'date 2025-02-30'"),
    ("header-only", "header-only.txt", b" date 2025-10-21\n\n",
     "error: seeds/header-only.txt: the text is empty after its date header"),
    ("duplicate", "zz_copy.txt", None,
     "error: seeds/zz_copy.txt: same text as 000_52c20af9d2dead56.txt; not ingested twice"),
    ("duplicate-crlf", "zz_copy_crlf.txt", "crlf",
     "error: seeds/zz_copy_crlf.txt: same text as 000_52c20af9d2dead56.txt; not ingested twice"),
]


def _bad_bytes(repo_root: Path, data: bytes | str | None) -> bytes:
    original = (repo_root / "seeds" / GOOD[0]).read_bytes()
    if data is None:
        return original
    if data == "crlf":
        return original.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    return data


@pytest.mark.parametrize("name, data, expected", [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_bad_seed_is_refused_and_the_others_ingested(tmp_path, repo_root, run_cli, name, data, expected):
    _seeds(tmp_path, repo_root, {name: _bad_bytes(repo_root, data)})

    code, stdout, stderr = _ingest(run_cli, tmp_path)

    assert code == 1
    assert _errors(stderr) == [expected]
    assert "Traceback" not in stderr
    assert stdout == "ingest: 2 added, 0 unchanged, 0 changed and kept, 1 refused -> content/\n"
    assert sorted(_entries(tmp_path / "content")) == sorted(GOOD)
    assert sorted(p.name for p in (tmp_path / "content" / "documents").iterdir()) == [
        "000-52c20af9d2dead56.md", "003-3fa965019c280142.md"]
    _assert_clean(tmp_path / "content")


def test_every_bad_seed_gets_its_own_line(tmp_path, repo_root, run_cli):
    _seeds(tmp_path, repo_root, {name: _bad_bytes(repo_root, data) for _, name, data, _ in BAD})

    code, _, stderr = _ingest(run_cli, tmp_path)

    assert code == 1
    assert _errors(stderr) == sorted(expected for *_, expected in BAD)
    assert "Traceback" not in stderr
    assert sorted(_entries(tmp_path / "content")) == sorted(GOOD)
    _assert_clean(tmp_path / "content")


def test_missing_seed_folder(tmp_path, run_cli):
    code, stdout, stderr = run_cli(["ingest", "--seeds", "nowhere", "--content", "content"], tmp_path)

    assert (code, stdout, stderr) == (1, "", "error: nowhere: seed folder does not exist\n")
    assert not (tmp_path / "content").exists()


def test_seed_folder_that_is_a_file(tmp_path, run_cli):
    (tmp_path / "seeds").write_text("not a folder\n", encoding="utf-8")

    code, stdout, stderr = _ingest(run_cli, tmp_path)

    assert (code, stdout, stderr) == (1, "", "error: seeds: not a folder\n")
    assert not (tmp_path / "content").exists()


# Root reads a file whatever its mode, by the capabilities below: without them, as an editor would.
UNPRIVILEGED = ("setpriv", "--bounding-set=-dac_override,-dac_read_search")


def _locked(path: Path) -> tuple[str, ...]:
    """chmod 000 `path`; the command prefix under which it is unreadable (none, unless running as root)."""
    path.chmod(0)
    if not os.access(path, os.R_OK):
        return ()
    if shutil.which(UNPRIVILEGED[0]) and subprocess.run([*UNPRIVILEGED, "test", "-r", str(path)]).returncode != 0:
        return UNPRIVILEGED
    path.chmod(0o755)
    pytest.skip("chmod 000 leaves the file readable: running as root, and setpriv cannot drop the capability")


def test_unreadable_seed_folder(tmp_path, repo_root, run_cli):
    seeds = _seeds(tmp_path, repo_root, {})
    prefix = _locked(seeds)
    try:
        code, stdout, stderr = _ingest(run_cli, tmp_path, prefix)
    finally:
        seeds.chmod(0o755)

    assert (code, stdout, stderr) == (1, "", "error: seeds: cannot read the seed folder (permission denied)\n")
    assert not (tmp_path / "content").exists()


def test_unreadable_seed_file(tmp_path, repo_root, run_cli):
    seeds = _seeds(tmp_path, repo_root, {"locked.txt": TEXT.encode("utf-8")})
    prefix = _locked(seeds / "locked.txt")
    try:
        code, _, stderr = _ingest(run_cli, tmp_path, prefix)
    finally:
        (seeds / "locked.txt").chmod(0o644)

    assert code == 1
    assert _errors(stderr) == ["error: seeds/locked.txt: cannot read file (Permission denied)"]
    assert sorted(_entries(tmp_path / "content")) == sorted(GOOD)
    _assert_clean(tmp_path / "content")


WRAPPED = (
    "Kazakh oil to go through Baku this year\n"
    "\n"
    "Kazakhstan's pipeline operator plans a trial shipment of 7,000\n"
    "tons of oil from the Kashagan field to the port of Aktau and on\n"
    "to Baku, the company said.\n"
    "\n"
    "Kazakhstan's Deputy Foreign Minister Roman\n"
    "Vasilenko told a briefing on Tuesday that transit through Azerbaijan\n"
    "would begin this year, with up to 1.5 million tons a year.\n"
)


def test_a_hard_wrapped_text_is_read_a_paragraph_a_line(tmp_path):
    from site_builder.seeds import read_seed

    seed = tmp_path / "wrapped.txt"
    seed.write_text(WRAPPED, encoding="utf-8")
    paragraphs = read_seed(seed).paragraphs
    assert paragraphs == (
        "Kazakh oil to go through Baku this year",
        "Kazakhstan's pipeline operator plans a trial shipment of 7,000 tons of oil from the Kashagan field to the "
        "port of Aktau and on to Baku, the company said.",
        "Kazakhstan's Deputy Foreign Minister Roman Vasilenko told a briefing on Tuesday that transit through Azerbaijan would "
        "begin this year, with up to 1.5 million tons a year.",
    )


def test_a_text_saved_a_paragraph_a_line_keeps_its_lines(tmp_path):
    from site_builder.seeds import read_seed

    seed = tmp_path / "lines.txt"
    # short lines with no blank lines between (a page's chrome over its story) are paragraphs of their own
    seed.write_text("Главная » Политика\n14:05\n" + TEXT, encoding="utf-8")
    assert read_seed(seed).paragraphs == ("Главная » Политика", "14:05", *PARAGRAPHS)


UNSPACED = (
    "Kazinform\n"
    "12.03.2024 18:35\n"
    "Kazakh culture days open in Baku\n"
    "The days of Kazakh culture opened in Baku on Tuesday with a concert of the national\n"
    "orchestra and an exhibition of paintings, the ministry of culture said in a statement\n"
    "on its website. The days will last until Friday and include film screenings, a book\n"
    "fair and meetings of writers from both countries.\n"
    "«We are glad to show our art to the friends in Azerbaijan,» the deputy minister of\n"
    "culture Aigerim Sadykova told reporters at the opening of the exhibition on\n"
    "Tuesday evening.\n"
    "The programme also includes a performance of the Kazakh state theatre in the capital\n"
    "of Azerbaijan and a round table on the shared history of the Turkic peoples.\n"
)


def test_a_hard_wrapped_text_with_no_blank_lines_is_read_a_paragraph_a_line(tmp_path):
    from site_builder.seeds import read_seed

    seed = tmp_path / "unspaced.txt"
    seed.write_text(UNSPACED, encoding="utf-8")
    paragraphs = read_seed(seed).paragraphs
    # the lines over the story stand alone; a paragraph ends at a short line that ends a sentence, or before speech
    assert paragraphs[:3] == ("Kazinform", "12.03.2024 18:35", "Kazakh culture days open in Baku")
    assert len(paragraphs) == 6
    assert paragraphs[3].startswith("The days of Kazakh culture opened in Baku on Tuesday with a concert of the national "
                                    "orchestra and")
    assert paragraphs[3].endswith("writers from both countries.")
    assert paragraphs[4].startswith("«We are glad") and paragraphs[4].endswith("on Tuesday evening.")
    assert paragraphs[5].endswith("the Turkic peoples.")
