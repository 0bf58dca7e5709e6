"""`site-builder check`: every content problem as path:line, a summary, exit 1 — and nothing built."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from site_builder import content as ct

ROOT = Path(__file__).resolve().parent.parent
DOCS = Path("content/documents")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """tmp_path with a copy of the repository's content/ and site.yaml."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copyfile(ROOT / "site.yaml", tmp_path / "site.yaml")
    return tmp_path


def replace_line(path: Path, pattern: str, new: str, after: int = 0) -> int:
    """Replace the first line matching `pattern` (from line `after` on) with `new`; its 1-based number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    n = next(i for i, line in enumerate(lines) if i >= after and re.fullmatch(pattern, line))
    lines[n] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return n + 1


def line_of(path: Path, pattern: str, after: int = 0) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines) if i >= after and re.fullmatch(pattern, line)) + 1


def test_valid_content(project: Path, run_cli) -> None:
    corpus = ct.load(project / "content")
    code, out, err = run_cli(["check"], project)
    assert (code, err) == (0, "")
    assert out == f"check: no problems ({len(corpus.documents)} documents, {len(corpus.events)} events, site.yaml)\n"
    assert not (project / "output").exists()


def test_every_problem_reported_at_its_line(project: Path, run_cli) -> None:
    d0, d1, d2, d3 = (project / DOCS / f"{name}.md" for name in (
        "000-52c20af9d2dead56", "001-7d84094cef418d8d", "002-2756a6254414e1e0", "003-3fa965019c280142"))
    expected = set()
    # Unknown topic, and an impossible date.
    topics = line_of(d3, "topics:")
    n = replace_line(d3, "- transport", "- nonsense", after=topics)
    expected.add(f"{DOCS}/{d3.name}:{n}: topics: unknown topic 'nonsense'")
    n = replace_line(d3, "date: '2022-08-24'", "date: '2022-02-30'")
    expected.add(f"{DOCS}/{d3.name}:{n}: impossible date '2022-02-30'")
    # Unknown entity, and a dangling reference to another document.
    people = line_of(d0, "people:")
    replace_line(d0, "people:", "people:\n- nobody-at-all")
    expected.add(f"{DOCS}/{d0.name}:{people + 1}: people: unknown person 'nobody-at-all'")
    n = line_of(d0, "related:.*")
    text = d0.read_text(encoding="utf-8")
    text = re.sub(r"^related:.*\n(- .*\n)*", "related:\n- ghost-doc\n", text, count=1, flags=re.M)
    d0.write_text(text, encoding="utf-8")
    expected.add(f"{DOCS}/{d0.name}:{n}: related: unknown document 'ghost-doc'")
    # A quote that is not in the text.
    quotes = line_of(d1, "quotes:")
    first = line_of(d1, "- speaker: .*", after=quotes)
    replace_line(d1, "  text: .*", "  text: words nobody wrote", after=first)
    expected.add(f"{DOCS}/{d1.name}:{first}: quotes: not found verbatim in the text: 'words nobody wrote'")
    # Schema: a required key missing.
    text = d2.read_text(encoding="utf-8")
    d2.write_text(re.sub(r"^title: .*\n", "", text, count=1, flags=re.M), encoding="utf-8")
    expected.add(f"{DOCS}/{d2.name}:2: missing title")
    # A misspelled key, which would silently empty the field; a key of the editor's own is welcome.
    text = d2.read_text(encoding="utf-8")
    d2.write_text(text.replace("\nlanguage: ", "\nreviewed_by: the editor\nlanguage: ", 1), encoding="utf-8")
    n = replace_line(d2, "topics:", "tpoics:")
    expected.add(f"{DOCS}/{d2.name}:{n}: unknown key 'tpoics'; did you mean 'topics'?")
    # Duplicate ids: a copied entry, and a timeline event named twice.
    shutil.copyfile(project / DOCS / "004-1659845da75dbc7f.md", project / DOCS / "zzz.md")
    expected.add(f"{DOCS}/zzz.md:2: id '004-1659845da75dbc7f' differs from the file name 'zzz.md'")
    expected.add(f"{DOCS}/zzz.md:2: duplicate document id '004-1659845da75dbc7f' (also in 004-1659845da75dbc7f.md)")
    timeline = project / "content" / "timeline.yaml"
    first_id = line_of(timeline, "- id: .*")
    event = timeline.read_text(encoding="utf-8").split("\n")[first_id - 1].removeprefix("- id: ")
    n = replace_line(timeline, "- id: .*", f"- id: {event}", after=first_id)
    expected.add(f"content/timeline.yaml:{n}: duplicate event id '{event}'")
    # A timeline event citing a document that does not exist.
    docs_line = line_of(timeline, "  documents:", after=n)
    replace_line(timeline, "  documents:", "  documents:\n  - ghost-doc", after=n)
    expected.add(f"content/timeline.yaml:{docs_line}: event {event}: unknown document 'ghost-doc'")

    code, out, err = run_cli(["check"], project)
    lines = out.splitlines()
    assert code == 1 and err == ""
    assert set(lines[:-1]) == expected
    assert len(lines[:-1]) == len(expected)
    files = len({line.split(":")[0] for line in expected})
    assert lines[-1] == f"check: {len(expected)} problems in {files} files"
    assert not (project / "output").exists()


def test_site_configuration_is_checked_too(project: Path, run_cli) -> None:
    config = project / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8") + "colour: blue\n", encoding="utf-8")
    n = len(config.read_text(encoding="utf-8").splitlines())
    code, out, _ = run_cli(["check"], project)
    assert code == 1
    assert out.splitlines()[0].startswith(f"site.yaml:{n}: unknown key 'colour' (known: ")
    assert out.splitlines()[-1] == "check: 1 problem in 1 file"


def test_broken_yaml_is_one_problem_at_its_line(project: Path, run_cli) -> None:
    topics = project / "content" / "topics.yaml"
    lines = topics.read_text(encoding="utf-8").split("\n")
    n = next(i for i, line in enumerate(lines) if line.strip().startswith("- id:"))
    lines[n] = lines[n] + ": ["
    topics.write_text("\n".join(lines), encoding="utf-8")
    code, out, _ = run_cli(["check"], project)
    assert code == 1
    first, summary = out.splitlines()
    assert re.match(r"content/topics\.yaml:\d+: YAML: ", first)
    assert summary == "check: 1 problem in 1 file"


def test_missing_content_folder(tmp_path: Path, run_cli) -> None:
    code, out, _ = run_cli(["check", "--content", "nowhere"], tmp_path)
    assert code == 1
    assert out.splitlines() == ["nowhere: content folder does not exist (run `site-builder ingest` first)",
                                "check: 1 problem in 1 file"]


@pytest.mark.parametrize("command", ["check", "serve", "deploy"])
def test_help_with_an_example(tmp_path: Path, run_cli, command: str) -> None:
    code, out, _ = run_cli([command, "--help"], tmp_path)
    assert code == 0
    assert f"Example: site-builder {command}" in out


def test_a_knowledge_problem_does_not_hide_the_content_s(project: Path, run_cli) -> None:
    """A duplicate entity id is reported, and the entries are still checked against the knowledge."""
    entities = project / "content" / "entities.yaml"
    n = replace_line(entities, "  - id: heydar-aliyev", "  - id: ilham-aliyev")
    entry = project / DOCS / "003-3fa965019c280142.md"
    m = replace_line(entry, "- transport", "- nonsense", after=line_of(entry, "topics:"))
    code, out, _ = run_cli(["check"], project)
    assert code == 1
    assert out.splitlines() == [
        f"content/entities.yaml:{n}: duplicate entity id 'ilham-aliyev'",
        f"{DOCS}/003-3fa965019c280142.md:{m}: topics: unknown topic 'nonsense'",
        "check: 2 problems in 2 files",
    ]
