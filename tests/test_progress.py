"""Progress on stderr: one plain line per phase when stderr is not a terminal (a CI log), bars on a terminal,
a summary of pages, files and bytes with the time of each phase; --quiet prints none of it; stdout is as it was."""

from __future__ import annotations

import io
import re
import shutil
from pathlib import Path

import pytest

from site_builder.progress import Phases

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "site_small"
S = r"\d+\.\d s"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    for name in ("content", "seeds", "static"):
        shutil.copytree(SMALL / name, tmp_path / name)
    shutil.copyfile(SMALL / "site.yaml", tmp_path / "site.yaml")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return tmp_path


def pages_of(root: Path) -> int:
    """The HTML pages of a built site, as the summary counts them."""
    return sum(1 for _ in root.rglob("*.html"))


def size_of(root: Path) -> tuple[int, int]:
    files = [p for p in root.rglob("*") if p.is_file()]
    return len(files), sum(p.stat().st_size for p in files)


def test_build_prints_a_line_per_phase_and_a_summary(site, run_cli):
    code, out, err = run_cli(["build"], site)
    assert code == 0, err
    files, size = size_of(site / "output")
    pages = pages_of(site / "output")
    assert pages > 40
    assert out == f"build: {pages} pages, {files} files -> output/ (open output/index.html)\n"
    lines = err.splitlines()
    patterns = [f"build: load 3 documents in {S}", f"build: render {pages} pages in {S}", f"build: search index in {S}",
                f"build: swap in {S}",
                f"build: {pages} pages, {files:,} files, {size:,} bytes in {S} "
                f"\\(load {S}, render {S}, search index {S}, swap {S}\\)"]
    assert len(lines) == len(patterns), err
    for line, pattern in zip(lines, patterns):
        assert re.fullmatch(pattern, line), (line, pattern)
    assert size > 1000 and f"{size:,}".count(",") >= 1


def test_quiet_build_prints_nothing_but_its_result(site, run_cli):
    code, out, err = run_cli(["build", "--quiet"], site)
    assert (code, err) == (0, "")
    assert out.startswith(f"build: {pages_of(site / 'output')} pages, ")


def test_a_failing_build_shows_the_phases_it_finished_then_the_error(site, run_cli):
    path = site / "templates" / "timeline.html"
    text = path.read_text(encoding="utf-8")
    assert text.count("{% block main %}") == 1
    path.write_text(text.replace("{% block main %}", "{% block main %}<p>{{ (1 // 0) }}</p>"), encoding="utf-8")
    code, out, err = run_cli(["build"], site)
    lines = err.splitlines()
    assert code == 1 and out == ""
    assert re.fullmatch(f"build: load 3 documents in {S}", lines[0]), err
    assert len(lines) == 2 and lines[1].startswith("error: templates/timeline.html:"), err
    assert not [p for p in site.iterdir() if p.name.startswith(".output")], "staging folder left behind"
    code, out, err = run_cli(["build", "--quiet"], site)
    assert code == 1 and len(err.splitlines()) == 1 and err.startswith("error: templates/timeline.html:")


def test_ingest_prints_a_line_per_phase_and_a_summary(site, run_cli):
    shutil.rmtree(site / "content" / "documents")
    (site / "content" / "timeline.yaml").unlink()
    seeds = sorted((site / "seeds").iterdir())
    size = sum(p.stat().st_size for p in seeds)
    code, out, err = run_cli(["ingest"], site)
    assert code == 0, err
    assert out.startswith("ingest: 3 added, 0 unchanged, 0 changed and kept, 0 refused -> content/\n")
    progress = [line for line in err.splitlines() if not line.startswith("warning: ")]
    patterns = [f"ingest: read 3 texts in {S}", f"ingest: annotate 3 texts in {S}", f"ingest: write 3 entries in {S}",
                f"ingest: 3 texts, {size:,} bytes, 3 entries in {S} \\(read {S}, annotate {S}, write {S}\\)"]
    assert len(progress) == len(patterns), err
    for line, pattern in zip(progress, patterns):
        assert re.fullmatch(pattern, line), (line, pattern)
    # Warnings come before the summary, which ends stderr.
    assert err.splitlines()[-1] == progress[-1]


def test_bars_on_a_terminal():
    stream = io.StringIO()
    phases = Phases("build", stream=stream, bars=True)
    with phases.phase("render", total=3, unit="pages") as bar:
        for _ in range(3):
            bar.update()
    with phases.phase("search index") as bar:
        bar.tick()
    phases.count(pages=3, files=4, bytes=12345)
    phases.finish()
    text = stream.getvalue()
    assert "build: render: 100%" in text and "3/3" in text and "pages/s" in text
    assert "build: search index: 00:00" in text
    # No plain line per phase: the bars stay on screen instead.
    assert "build: render 3 pages in" not in text
    assert re.search(rf"build: 3 pages, 4 files, 12,345 bytes in {S} \(render {S}, search index {S}\)\n$", text)


def test_quiet_phases_print_nothing():
    stream = io.StringIO()
    for bars in (True, False):
        phases = Phases("build", stream=stream, quiet=True, bars=bars)
        with phases.phase("render", total=1, unit="pages") as bar:
            bar.update()
        phases.finish()
    assert stream.getvalue() == ""
    assert [name for name, _ in phases.timings] == ["render"]
