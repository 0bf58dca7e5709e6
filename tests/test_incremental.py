"""A build that starts from the last one (site_builder.snapshot): nothing changed writes nothing; an edit
rewrites what it affects; the output is byte for byte what a whole build makes; anything it cannot
trust (templates, static files, configuration, knowledge, code, a touched output, a bad snapshot)
builds the whole site again.
"""

from __future__ import annotations

import os
import pickle
import re
from pathlib import Path

import pytest

from sites import add_copies, small_site

from site_builder import snapshot
from site_builder.build import build

COPIES = 8


@pytest.fixture
def site(tmp_path: Path, monkeypatch) -> Path:
    add_copies(small_site(tmp_path), COPIES)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def make(site: Path, output: str = "output", cache: bool = True):
    return build(site / "content", site / output, site / "site.yaml", site / "templates", site / "static",
                 seeds=site / "seeds", cache=cache)


def files(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def stats(root: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(root).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted(root.rglob("*")) if p.is_file()}


def assert_as_whole_build(site: Path) -> None:
    """The output is, file for file and byte for byte, what a build without cache or snapshot makes."""
    make(site, "whole", cache=False)
    got, want = files(site / "output"), files(site / "whole")
    assert sorted(got) == sorted(want), f"files differ: {sorted(set(got) ^ set(want))[:10]}"
    differing = [name for name in want if got[name] != want[name]]
    assert differing == [], f"{len(differing)} files differ from a whole build, e.g. {differing[:5]}"


def retitle(site: Path, doc: str, title: str) -> None:
    path = site / "content" / "documents" / f"{doc}.md"
    text, n = re.subn(r"^title:.*$", f"title: {title}", path.read_text(encoding="utf-8"), count=1, flags=re.M)
    assert n == 1
    path.write_text(text, encoding="utf-8")


def test_a_build_with_nothing_changed_writes_nothing(site, run_cli):
    first = make(site)
    assert first.remade is None
    before = stats(site / "output")
    again = make(site)
    assert again.remade == 0
    assert (again.pages, again.files, again.bytes) == (first.pages, first.files, first.bytes)
    assert stats(site / "output") == before, "an unchanged build rewrote files"
    for _ in range(2):
        code, out, err = run_cli(["build", "--quiet"], site)
        assert code == 0, err
    assert out.startswith("build: nothing changed since the last build; output/ kept as it was")


def test_a_title_edit_rewrites_only_what_shows_it_and_equals_a_whole_build(site, run_cli):
    first = make(site)
    assert run_cli(["build"], site)[0] == 0
    retitle(site, "copy-3", "A title changed by the editor")
    code, out, err = run_cli(["build"], site)
    assert code == 0, err
    made = int(re.match(r"build: (\d+) pages made again", out).group(1))
    assert 0 < made < first.pages
    assert "reuse" in err, "the phases do not show the reuse of the last build"
    assert_as_whole_build(site)
    page = (site / "output" / "en" / "documents" / "copy-3" / "index.html").read_text(encoding="utf-8")
    assert "A title changed by the editor" in page


def test_the_live_output_is_never_written_through_its_links(site):
    """The staging folder shares the unchanged files with output/ (hard links): a page made again is a
    new file, so the output a reader is being served keeps its old bytes until the swap."""
    make(site)
    page = site / "output" / "en" / "documents" / "copy-3" / "index.html"
    aside = site / "aside.html"
    os.link(page, aside)
    old = aside.read_bytes()
    retitle(site, "copy-3", "Another title")
    assert make(site).remade > 0
    assert aside.read_bytes() == old
    assert b"Another title" in page.read_bytes()


def test_a_removed_entry_and_a_new_one_equal_a_whole_build(site):
    make(site)
    docs = site / "content" / "documents"
    (docs / "copy-5.md").unlink()
    text = (docs / "copy-1.md").read_text(encoding="utf-8").replace("id: copy-1", "id: copy-new")
    (docs / "copy-new.md").write_text(text.replace("Power cable report number 1", "A new report"), encoding="utf-8")
    assert make(site).remade > 0
    assert not (site / "output" / "en" / "documents" / "copy-5").exists()
    assert (site / "output" / "en" / "documents" / "copy-new" / "index.html").is_file()
    assert_as_whole_build(site)


def test_a_changed_seed_is_published_again_with_its_warning(site):
    make(site)
    seed = next(p for p in sorted((site / "seeds").iterdir()) if p.is_file())
    seed.write_bytes(seed.read_bytes() + b"\nA line the editor added.\n")
    result = make(site)
    assert result.remade is not None and result.remade > 0
    assert (site / "output" / "seeds" / seed.name).read_bytes() == seed.read_bytes()
    assert any("seed_sha256 differs" in w for w in result.warnings)
    # The warning is given again by the next build, as a whole build gives it every time.
    assert any("seed_sha256 differs" in w for w in make(site).warnings)
    assert_as_whole_build(site)


@pytest.mark.parametrize("change", ["template", "static", "config", "knowledge"])
def test_a_change_every_page_depends_on_builds_the_whole_site(site, change):
    make(site)
    if change == "template":
        path = site / "templates" / "base.html"
        path.write_text(path.read_text(encoding="utf-8").replace("</footer>", "<p>Edited footer</p></footer>", 1),
                        encoding="utf-8")
    elif change == "static":
        css = next((site / "static").rglob("*.css"))
        css.write_text(css.read_text(encoding="utf-8") + "\n/* edited */\n", encoding="utf-8")
    elif change == "config":
        path = site / "site.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    else:
        path = site / "content" / "topics.yaml"
        path.write_text(path.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    assert make(site).remade is None
    assert_as_whole_build(site)
    if change == "template":
        assert "Edited footer" in (site / "output" / "en" / "index.html").read_text(encoding="utf-8")


def test_an_output_touched_since_is_built_whole_again(site):
    make(site)
    page = site / "output" / "en" / "index.html"
    page.write_text("<p>someone edited the output</p>", encoding="utf-8")
    assert make(site).remade is None
    assert "someone edited" not in page.read_text(encoding="utf-8")
    assert_as_whole_build(site)


@pytest.mark.parametrize("damage", ["truncated", "garbage", "other object"])
def test_a_damaged_snapshot_is_not_used(site, damage):
    make(site)
    path = snapshot.path_for(site / "output")
    assert path.is_file()
    if damage == "truncated":
        path.write_bytes(path.read_bytes()[:1000])
    elif damage == "garbage":
        path.write_bytes(b"not a pickle at all")
    else:
        path.write_bytes(pickle.dumps({"key": "x"}))
    retitle(site, "copy-2", "Edited after the damage")
    assert make(site).remade is None
    assert_as_whole_build(site)


def test_no_cache_builds_whole_and_drops_the_snapshot(site):
    make(site)
    assert snapshot.path_for(site / "output").is_file()
    assert make(site, cache=False).remade is None
    assert not snapshot.path_for(site / "output").exists()
    assert make(site).remade is None, "a build after --no-cache trusted a snapshot"
    assert make(site).remade == 0
