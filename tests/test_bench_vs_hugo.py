"""benchmarks/bench_vs_hugo.py: the Hugo site it writes from a content folder, and (with hugo installed) its build."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_vs_hugo as bench  # noqa: E402

# The project's own content: five documents and the knowledge files that name their terms.
CONTENT = ROOT / "content"


@pytest.fixture(scope="module")
def hugo_site(tmp_path_factory) -> tuple[Path, dict]:
    site = tmp_path_factory.mktemp("hugo") / "site"
    shape = bench.write_hugo_site(CONTENT, site, bench.LANGUAGES, {"en": "Record", "ru": "Хроника"})
    return site, shape


def _documents() -> list[Path]:
    return sorted((CONTENT / "documents").glob("*.md"))


def test_content_files_hold_the_front_matter_and_taxonomies(hugo_site):
    site, shape = hugo_site
    entries = _documents()
    assert len(entries) == 5 and shape["documents"] == 5
    for lang in bench.LANGUAGES:
        written = sorted((site / "content" / lang / "documents").glob("*.md"))
        assert [p.name for p in written if p.name != "_index.md"] == [p.name for p in entries]
    for entry in entries:
        front, body = bench.split_entry(entry.read_text(encoding="utf-8"))
        hugo_front, hugo_body = bench.split_entry((site / "content" / "kk" / "documents" / entry.name)
                                                  .read_text(encoding="utf-8"))
        assert hugo_body == body
        assert hugo_front["title"] == front["title"] and hugo_front["slug"] == front["id"]
        assert hugo_front["text_language"] == front["language"]
        for plural in ("topics", "people", "places", "organizations"):
            assert hugo_front[plural] == front[plural]
        if front["date"]:
            assert hugo_front["date_text"] == front["date"] and len(hugo_front["date"]) == 10
        else:
            assert "date" not in hugo_front
    # Every term used has a page titled in each language.
    term = site / "content" / "ru" / "people" / "ilham-aliyev" / "_index.md"
    assert bench.split_entry(term.read_text(encoding="utf-8"))[0]["title"] == "Ильхам Алиев"


def test_config_names_the_four_languages_and_the_taxonomies(hugo_site):
    site, _ = hugo_site
    config = yaml.safe_load((site / "config.yaml").read_text(encoding="utf-8"))
    assert list(config["languages"]) == ["en", "ru", "kk", "az"]
    assert {lang: c["contentDir"] for lang, c in config["languages"].items()} == \
        {lang: f"content/{lang}" for lang in bench.LANGUAGES}
    assert config["defaultContentLanguage"] == "en" and config["defaultContentLanguageInSubdir"] is True
    assert sorted(config["taxonomies"].values()) == ["organizations", "people", "places", "topics"]
    for layout in ("baseof", "single", "list", "taxonomy", "term"):
        assert (site / "layouts" / "_default" / f"{layout}.html").is_file()


def test_one_language_site(tmp_path):
    bench.write_hugo_site(CONTENT, tmp_path / "site", ("en",))
    config = yaml.safe_load((tmp_path / "site" / "config.yaml").read_text(encoding="utf-8"))
    assert list(config["languages"]) == ["en"] and config["defaultContentLanguageInSubdir"] is False
    assert [p.name for p in (tmp_path / "site" / "content").iterdir()] == ["en"]


def test_hugo_builds_it(hugo_site, tmp_path):
    hugo = shutil.which("hugo")
    if not hugo:
        pytest.skip("hugo not installed (apt-get install hugo)")
    site, _ = hugo_site
    out = tmp_path / "out"
    done = subprocess.run([hugo, "--quiet", "-s", str(site), "-d", str(out)], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    doc_id = _documents()[0].stem
    for lang in bench.LANGUAGES:
        page = (out / lang / "documents" / doc_id / "index.html").read_text(encoding="utf-8")
        assert f'lang="{lang}"' in page
    term = (out / "ru" / "people" / "ilham-aliyev" / "index.html").read_text(encoding="utf-8")
    assert "Ильхам Алиев" in term and f"/ru/documents/{doc_id}/" in term
    assert (out / "az" / "topics" / "index.html").is_file()


def test_without_hugo_it_says_so_and_exits_0(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bench_vs_hugo.py"), "5"],
                          capture_output=True, text=True, env={"PATH": str(tmp_path)}, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "hugo not found: apt-get install hugo" in done.stdout


def test_run_measured_sees_the_child_and_its_memory(tmp_path):
    code = "x = bytearray(60_000_000); import time; time.sleep(0.3)"
    figures = bench.run_measured([sys.executable, "-c", code], tmp_path / "log")
    assert figures["code"] == 0 and figures["wall_s"] >= 0.3
    assert figures["peak_largest_mb"] > 60 and figures["peak_tree_mb"] > 60
    assert figures["search_cpu_s"] == 0 and figures["search_wall_s"] == 0
