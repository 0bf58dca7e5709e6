"""The build stage on broken input: one line per problem naming file and line, exit code 1, no traceback;
a failing build leaves the previous output as it was; a folder that is not a build is never replaced.

Each case copies the small fixture site (tests/fixtures/site_small) and the real templates into tmp_path,
breaks them with exact text edits, and runs `python -m site_builder build` there.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "site_small"
DOCS = "content/documents"
NOT_A_BUILD = ("not a folder site-builder made (no .site-builder in it); refusing to replace it — "
               "choose another --output or empty it")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A copy of the small fixture site with the real templates, in tmp_path."""
    for name in ("content", "seeds", "static"):
        shutil.copytree(SMALL / name, tmp_path / name)
    shutil.copyfile(SMALL / "site.yaml", tmp_path / "site.yaml")
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    return tmp_path


@pytest.fixture
def build(run_cli):
    """build(site, output="output") -> (exit code, stdout, stderr), run inside the site folder, with --quiet:
    stderr holds what the build reports and no progress (test_progress.py has a failing build's progress)."""

    def run(site: Path, output: str = "output") -> tuple[int, str, str]:
        return run_cli(["build", "--quiet", "--content", "content", "--output", output, "--config", "site.yaml",
                        "--templates", "templates", "--static", "static", "--seeds", "seeds"], cwd=site)

    return run


def edit(path: Path, old: str, new: str) -> None:
    """Replace the one occurrence of `old` in the file (failing if the fixture no longer has it exactly once)."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{path.name}: {old!r} occurs {text.count(old)} times"
    path.write_text(text.replace(old, new), encoding="utf-8")


def insert_after(path: Path, anchor: str, line: str) -> int:
    """Put `line` after the first line containing `anchor`; return its line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    at = next(i for i, text in enumerate(lines) if anchor in text) + 1
    lines.insert(at, line)
    path.write_text("\n".join(lines), encoding="utf-8")
    return at + 1


# Each case: (edits to make in the site folder, the exact lines expected on stderr).
CASES = {
    "unknown topic": (
        [(f"{DOCS}/ru-visit-2022.md", "- transport\n", "- transportation\n")],
        ["content/documents/ru-visit-2022.md:12: topics: unknown topic 'transportation'"]),
    "front matter YAML syntax": (
        [(f"{DOCS}/kk-visit-2022.md", "language: kk\n", "language: kk: kz\n")],
        ["content/documents/kk-visit-2022.md:7: YAML: mapping values are not allowed here"]),
    "front matter unclosed quote": (
        [(f"{DOCS}/kk-visit-2022.md", "title: Бакуге", 'title: "Бакуге')],
        ["content/documents/kk-visit-2022.md:3: YAML: found unexpected end of stream while scanning a quoted scalar"]),
    # The entry is still a document: the timeline and ru-visit-2022 naming it are not reported as well.
    "no front matter": (
        [(f"{DOCS}/kk-visit-2022.md", "---\nid: kk-visit-2022\n", "id: kk-visit-2022\n")],
        ["content/documents/kk-visit-2022.md:1: no front matter: the file must start with a line '---'"]),
    "impossible date": (
        [(f"{DOCS}/kk-visit-2022.md", "date: '2022-08-24'", "date: '2023-02-30'")],
        ["content/documents/kk-visit-2022.md:4: impossible date '2023-02-30'"]),
    "precision not matching the date": (
        [(f"{DOCS}/kk-visit-2022.md", "date_precision: day", "date_precision: month")],
        ["content/documents/kk-visit-2022.md:5: date_precision must be 'day' for date '2022-08-24'"]),
    "quote not in the text": (
        [(f"{DOCS}/en-cable-2024.md", "text: Green energy will travel", "text: Green energy will flow")],
        ["content/documents/en-cable-2024.md:20: quotes: not found verbatim in the text: "
         "'Green energy will flow from Central Asia to Europe,'"]),
    "unknown related document": (
        [(f"{DOCS}/ru-visit-2022.md", "related:\n- kk-visit-2022\n", "related:\n- kk-visit-2099\n")],
        ["content/documents/ru-visit-2022.md:26: related: unknown document 'kk-visit-2099'"]),
    "timeline names an unknown document": (
        [("content/timeline.yaml", "  - en-cable-2024\n", "  - en-cable-2099\n")],
        ["content/timeline.yaml:38: event caspian-power-cable-2024: unknown document 'en-cable-2099'"]),
    "unknown key in site.yaml": (
        [("site.yaml", "publisher: Test publisher\n", "publisher: Test publisher\ncolour: blue\n")],
        ["site.yaml:10: unknown key 'colour' (known: title, languages, default_language, base_url, cname, publisher, directory_urls)"]),
    "several problems in several files": (
        [(f"{DOCS}/ru-visit-2022.md", "- transport\n", "- transportation\n"),
         (f"{DOCS}/kk-visit-2022.md", "date: '2022-08-24'", "date: '2023-02-30'"),
         (f"{DOCS}/en-cable-2024.md", "language: en\n", "language: [en\n"),
         ("content/timeline.yaml", "  place: baku\n", "  place: atlantis\n")],
        ["content/documents/en-cable-2024.md:8: YAML: expected ',' or ']', but got ':' while parsing a flow sequence",
         "content/documents/kk-visit-2022.md:4: impossible date '2023-02-30'",
         "content/documents/ru-visit-2022.md:12: topics: unknown topic 'transportation'",
         "content/timeline.yaml:12: event tokayev-visit-baku-2022: unknown place 'atlantis'"]),
}


@pytest.mark.parametrize("case", list(CASES))
def test_content_mistake(site, build, case):
    edits, expected = CASES[case]
    for rel, old, new in edits:
        edit(site / rel, old, new)
    code, out, err = build(site)
    assert (code, out) == (1, "")
    assert err.splitlines() == [f"error: {line}" for line in expected]
    assert not (site / "output").exists()


def test_a_duplicate_id_is_reported(site, build):
    shutil.copyfile(site / DOCS / "ru-visit-2022.md", site / DOCS / "ru-visit-2022-copy.md")
    code, out, err = build(site)
    assert code == 1
    assert err.splitlines() == [
        "error: content/documents/ru-visit-2022-copy.md:2: id 'ru-visit-2022' differs from the file name "
        "'ru-visit-2022-copy.md'",
        "error: content/documents/ru-visit-2022.md:2: duplicate document id 'ru-visit-2022' (also in ru-visit-2022-copy.md)",
    ]


def test_template_syntax_error_names_the_template_line(site, build):
    line = insert_after(site / "templates/timeline.html", "{% block main %}", "<p>{{ t.timeline_intro }</p>")
    code, out, err = build(site)
    assert (code, err) == (1, f"error: templates/timeline.html:{line}: template syntax: unexpected '}}'\n")


@pytest.mark.parametrize("template, anchor, text, message", [
    ("timeline.html", "{% block main %}", "<p>{{ no_such_variable }}</p>", "'no_such_variable' is undefined"),
    # In a macro: the line is the macro's, not that of the page calling it.
    ("macros.html", "{% macro date(d) -%}", "{{ d.no_such_key }}", "'dict object' has no attribute 'no_such_key'"),
])
def test_template_undefined_variable_names_the_template_line(site, build, template, anchor, text, message):
    line = insert_after(site / "templates" / template, anchor, text)
    code, out, err = build(site)
    assert (code, err) == (1, f"error: templates/{template}:{line}: template: {message}\n")
    # The content was read, so its parse cache is written; no output, staging folder or anything else.
    assert sorted(p.name for p in site.iterdir()) == [".site-builder-cache", "content", "seeds", "site.yaml", "static",
                                                      "templates"]


def break_content(site: Path) -> None:
    edit(site / DOCS / "ru-visit-2022.md", "- transport\n", "- transportation\n")


def break_template(site: Path) -> None:
    # Found only while rendering, when the new site is half written.
    insert_after(site / "templates/document.html", "{% block main %}", "{{ no_such_variable }}")


@pytest.mark.parametrize("mistake", [break_content, break_template])
def test_a_failing_build_leaves_the_previous_output_untouched(site, build, mistake):
    assert build(site)[0] == 0
    before = {p.relative_to(site / "output"): p.read_bytes() for p in (site / "output").rglob("*") if p.is_file()}
    assert Path(".site-builder") in before and Path("en/index.html") in before
    mistake(site)
    code, out, err = build(site)
    assert code == 1 and len(err.splitlines()) == 1 and "Traceback" not in err
    after = {p.relative_to(site / "output"): p.read_bytes() for p in (site / "output").rglob("*") if p.is_file()}
    assert after == before
    # No staging folder or set-aside old output is left beside output/.
    assert sorted(p.name for p in site.iterdir()) == [".site-builder-cache", "content", "output", "seeds", "site.yaml",
                                                      "static", "templates"]


def test_a_folder_that_is_not_a_build_is_never_replaced(site, build):
    (site / "output").mkdir()
    (site / "output" / "notes.txt").write_text("mine\n", encoding="utf-8")
    code, out, err = build(site)
    assert (code, out, err) == (1, "", f"error: output: {NOT_A_BUILD}\n")
    assert [p.name for p in (site / "output").iterdir()] == ["notes.txt"]
    assert (site / "output" / "notes.txt").read_text(encoding="utf-8") == "mine\n"


def test_output_given_as_the_content_folder_is_refused(site, build):
    before = sorted(p.relative_to(site) for p in (site / "content").rglob("*"))
    code, out, err = build(site, output="content")
    assert (code, err) == (1, f"error: content: {NOT_A_BUILD}\n")
    assert sorted(p.relative_to(site) for p in (site / "content").rglob("*")) == before


def test_output_that_is_a_file_is_refused(site, build):
    (site / "output").write_text("mine\n", encoding="utf-8")
    code, out, err = build(site)
    assert (code, err) == (1, "error: output: output exists and is not a folder\n")
    assert (site / "output").read_text(encoding="utf-8") == "mine\n"


def test_a_folder_holding_only_gitkeep_is_built_into_and_keeps_it(site, build):
    (site / "output").mkdir()
    (site / "output" / ".gitkeep").write_text("", encoding="utf-8")
    code, out, err = build(site)
    assert (code, err) == (0, "")
    assert (site / "output" / ".gitkeep").is_file() and (site / "output" / ".site-builder").is_file()


def test_an_error_raised_by_a_template_expression_names_the_template_line(site, build):
    line = insert_after(site / "templates/timeline.html", "{% block main %}", "<p>{{ (1 // 0) }}</p>")
    code, out, err = build(site)
    assert (code, err) == (1, f"error: templates/timeline.html:{line}: template: ZeroDivisionError: "
                              "integer division or modulo by zero\n")


def test_an_output_folder_that_cannot_be_made_is_one_error_line(site, build):
    (site / "blocker").write_text("a file, not a folder\n", encoding="utf-8")
    code, out, err = build(site, output="blocker/output")
    assert code == 1 and "Traceback" not in err and len(err.splitlines()) == 1, err
    assert err.startswith("error: blocker/output: cannot write the site there (")
    assert (site / "blocker").read_text(encoding="utf-8") == "a file, not a folder\n"
