"""Incremental rebuilds (what serve runs after an edit): the bytes of a full build, and only what an edit affects."""

from __future__ import annotations

import filecmp
import random
import re
import shutil
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

from site_builder import knowledge as kb
from site_builder import render, yamlio
from site_builder.build import Builder, Project, _common, _relative
from site_builder.errors import UserError

ROOT = Path(__file__).resolve().parent.parent
DOC = "001-7d84094cef418d8d"


@pytest.fixture
def project(tmp_path: Path) -> Project:
    """A copy of the repository's sources in tmp_path, built once (no search index)."""
    for name in ("content", "templates", "static", "seeds"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copyfile(ROOT / "site.yaml", tmp_path / "site.yaml")
    return Project(tmp_path / "content", tmp_path / "output", tmp_path / "site.yaml", tmp_path / "templates",
                   tmp_path / "static", tmp_path / "seeds")


def tree(folder: Path) -> dict[str, bytes]:
    """Every file of a built site but the search index (Pagefind's output differs from run to run)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file() and p.relative_to(folder).parts[0] != "pagefind"}


def assert_same_as_full_build(project: Project, tmp_path: Path) -> None:
    """A full build of the same sources into another folder is byte-identical to the updated output."""
    other = tmp_path / "full-output"
    shutil.rmtree(other, ignore_errors=True)
    Builder(Project(project.content, other, project.config, project.templates, project.static, project.seeds),
            index_search=False).full()
    got, want = tree(project.output), tree(other)
    assert sorted(got) == sorted(want), f"files differ: {sorted(set(got) ^ set(want))[:10]}"
    differing = [name for name in want if got[name] != want[name]]
    assert differing == [], f"{len(differing)} files differ from a full build, e.g. {differing[:5]}"


def edit_front(path: Path, key: str, value: str) -> None:
    """Replace the line `key: …` of an entry's front matter."""
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(rf"^{key}:.*$", f"{key}: {value}", text, count=1, flags=re.M)
    assert n == 1, key
    path.write_text(new, encoding="utf-8")


def edit_list(path: Path, key: str, items: list[str]) -> None:
    """Replace the list `key:` (block or flow style) of an entry's front matter."""
    text = path.read_text(encoding="utf-8")
    new, n = re.subn(rf"^{key}:(?: \[\])?\n(?:- .*\n)*", f"{key}:\n" + "".join(f"- {i}\n" for i in items),
                     text, count=1, flags=re.M)
    assert n == 1, key
    path.write_text(new, encoding="utf-8")


def drop_related(text: str, gone: str) -> str:
    m = re.search(r"^related:\n((?:- .*\n)*)", text, flags=re.M)
    items = [line for line in m.group(1).splitlines(keepends=True) if line.strip() != f"- {gone}"]
    return text[:m.start()] + ("related:\n" + "".join(items) if items else "related: []\n") + text[m.end():]


def entry(project: Project, doc: str = DOC) -> Path:
    return project.content / "documents" / f"{doc}.md"


def test_body_edit_rewrites_only_the_documents_own_pages(project: Project, tmp_path: Path) -> None:
    builder = Builder(project, index_search=False)
    builder.full()
    # Files no body edit shows in: the data files, the filters' index, the sitemap (not even replaced).
    untouched = ["data/documents.json", "data/timeline.csv", "data/index/documents.en.json", "sitemap.xml"]
    stamps = {rel: (project.output / rel).stat().st_ino for rel in untouched}
    path = entry(project)
    text = path.read_text(encoding="utf-8")
    body_start = text.index("\n---\n", 4) + 5
    para_end = text.index("\n\n", body_start + 2)
    path.write_text(text[:para_end] + " Added words." + text[para_end:], encoding="utf-8")
    update = builder.update([path])
    assert not update.full
    assert {rel: (project.output / rel).stat().st_ino for rel in untouched} == stamps
    assert sorted(update.pages) == sorted(f"{lang}/documents/{DOC}/index.html" for lang in ("en", "ru", "kk", "az"))
    assert "Added words." in (project.output / f"en/documents/{DOC}/index.html").read_text(encoding="utf-8")
    assert update.seconds("own pages") is not None
    assert_same_as_full_build(project, tmp_path)


@pytest.mark.parametrize("case", ["title", "date", "topics", "people", "quotes", "related", "outlet", "language"])
def test_front_matter_edit_gives_the_bytes_of_a_full_build(project: Project, tmp_path: Path, case: str) -> None:
    builder = Builder(project, index_search=False)
    builder.full()
    before = tree(project.output)
    path = entry(project)
    text = path.read_text(encoding="utf-8")
    if case == "title":
        edit_front(path, "title", "A new title for the account")
    elif case == "date":
        edit_front(path, "date", "'2021-03-04'")
    elif case == "topics":
        edit_list(path, "topics", ["culture"])
    elif case == "people":
        # Still a speaker of the document's quotes, so still named by it: no entity page comes or goes.
        m = re.search(r"^people:\n((?:- .*\n)+)", text, flags=re.M)
        assert "- ilham-aliyev\n" in m.group(1)
        people = m.group(1).replace("- ilham-aliyev\n", "")
        path.write_text(text[:m.start(1)] + people + text[m.end(1):], encoding="utf-8")
    elif case == "quotes":
        text = re.sub(r"^quotes:\n(?:[- ] .*\n)+", "quotes: []\n", text, count=1, flags=re.M)
        path.write_text(text, encoding="utf-8")
    elif case == "related":
        edit_list(path, "related", ["000-52c20af9d2dead56"])
    elif case == "outlet":
        edit_front(path, "outlet", "Some Outlet")
    elif case == "language":
        edit_front(path, "language", "en")
    update = builder.update([path])
    assert not update.full
    assert update.pages[:4] == tuple(f"{lang}/documents/{DOC}/index.html" for lang in ("en", "ru", "kk", "az"))
    assert tree(project.output) != before
    assert_same_as_full_build(project, tmp_path)


def test_an_edit_of_topic_evidence_chooses_the_hubs_key_quotes_again(project: Project, tmp_path: Path) -> None:
    # The key quotes of a hub rest on the evidence of its topic in each document (in the entry's
    # extra fields, which its own pages show): an edit of it makes the hub again.
    builder = Builder(project, index_search=False)
    builder.full()
    hub = project.output / "en" / "topics" / "economy" / "index.html"
    before = hub.read_bytes()
    path = entry(project)
    text = path.read_text(encoding="utf-8")
    words = "".join(f"  - {w}\n" for w in ("награды", "дружбы", "братства", "Карабаха", "освобожденных"))
    assert text.count("\n  economy:\n") == 1
    path.write_text(text.replace("\n  economy:\n", "\n  economy:\n" + words), encoding="utf-8")
    update = builder.update([path])
    assert not update.full and "en/topics/economy/index.html" in update.pages
    assert hub.read_bytes() != before  # another of the document's quotes is its key quote now
    assert_same_as_full_build(project, tmp_path)


def test_edits_in_a_row_each_give_the_bytes_of_a_full_build(project: Project, tmp_path: Path) -> None:
    # Each update's site takes over what the one before chose (a topic's key quotes) only while
    # what that rests on is the same: a title edit keeps them, removing the quotes does not.
    builder = Builder(project, index_search=False)
    builder.full()
    path = entry(project)
    edit_front(path, "title", "A first new title")
    builder.update([path])
    assert_same_as_full_build(project, tmp_path)
    edit_front(path, "title", "A second new title")
    builder.update([path])
    assert_same_as_full_build(project, tmp_path)
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^quotes:\n(?:[- ] .*\n)+", "quotes: []\n", text, count=1, flags=re.M), encoding="utf-8")
    builder.update([path])
    assert_same_as_full_build(project, tmp_path)
    path.write_text(text, encoding="utf-8")
    builder.update([path])
    assert_same_as_full_build(project, tmp_path)


def test_timeline_edit(project: Project, tmp_path: Path) -> None:
    builder = Builder(project, index_search=False)
    builder.full()
    path = project.content / "timeline.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("Kazakhstan and Azerbaijan establish diplomatic relations",
                                 "Diplomatic relations are established", 1), encoding="utf-8")
    update = builder.update([path])
    assert not update.full and update.pages
    assert_same_as_full_build(project, tmp_path)


def test_entity_page_appearing_rebuilds_everything(project: Project, tmp_path: Path) -> None:
    builder = Builder(project, index_search=False)
    builder.full()
    named = {p.name for p in (project.output / "en/entities").iterdir()}
    person = next(e.id for e in kb.load(project.content).entities if e.type == "person" and e.id not in named)
    path = entry(project)
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^people:\n", f"people:\n- {person}\n", text, count=1, flags=re.M), encoding="utf-8")
    update = builder.update([path])
    assert update.full
    assert (project.output / f"en/entities/{person}/index.html").exists()
    assert_same_as_full_build(project, tmp_path)


def test_new_seed_is_ingested_and_its_pages_written(project: Project, tmp_path: Path) -> None:
    builder = Builder(project, index_search=False)
    builder.full()
    source = (project.seeds / "004_1659845da75dbc7f.txt").read_text(encoding="utf-8")
    seed = project.seeds / "005_new.txt"
    # Only people and places other pages show already: the knowledge stays as it is, only the new pages
    # and the lists are written.
    seed.write_text(source.replace("date 2025-10-21", "date 2024-05-06").replace("Как передает", "Как сообщает"),
                    encoding="utf-8")
    update = builder.update([seed])
    assert not update.full
    assert (project.content / "documents" / "005-new.md").exists()
    assert "en/documents/005-new/index.html" in update.pages
    assert (project.output / "seeds" / "005_new.txt").read_bytes() == seed.read_bytes()
    assert_same_as_full_build(project, tmp_path)


def test_new_seed_naming_someone_new_suggests_them_and_rebuilds(project: Project, tmp_path: Path) -> None:
    """A person the knowledge lacks changes entities.yaml (a suggested entity), so every page is rebuilt."""
    builder = Builder(project, index_search=False)
    builder.full()
    source = (project.seeds / "004_1659845da75dbc7f.txt").read_text(encoding="utf-8")
    seed = project.seeds / "005_new.txt"
    seed.write_text(source.replace("date 2025-10-21", "date 2024-05-06").replace("Азер Гараев", "Эльчин Мамедов"),
                    encoding="utf-8")
    update = builder.update([seed])
    assert update.full
    assert "Эльчин Мамедов" in (project.content / "entities.yaml").read_text(encoding="utf-8")
    assert_same_as_full_build(project, tmp_path)


def test_changed_seed_is_reported_and_kept(project: Project, tmp_path: Path) -> None:
    builder = Builder(project, index_search=False)
    builder.full()
    seed = project.seeds / "000_52c20af9d2dead56.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nОдна новая строка.\n", encoding="utf-8")
    update = builder.update([seed])
    assert any("text changed since it was ingested" in w for w in update.warnings)
    assert (project.output / "seeds" / seed.name).read_bytes() == seed.read_bytes()
    assert_same_as_full_build(project, tmp_path)


def test_removed_document(project: Project, tmp_path: Path) -> None:
    """An entry removed with its seed and the references to it: its pages and files go, the rest is updated."""
    builder = Builder(project, index_search=False)
    builder.full()
    source = (project.seeds / "004_1659845da75dbc7f.txt").read_text(encoding="utf-8")
    seed = project.seeds / "005_new.txt"
    seed.write_text(source.replace("date 2025-10-21", "date 2024-05-06") + "Ещё одна строка.\n", encoding="utf-8")
    builder.update([seed])
    gone = "005-new"
    assert (project.output / "en/documents" / gone / "index.html").exists()
    timeline = project.content / "timeline.yaml"
    data = yamlio.load(timeline)
    for ev in data["events"]:
        ev["documents"] = [d for d in ev["documents"] if d != gone]
        ev["sources"] = [s for s in ev["sources"] if s["document"] != gone]
    data["events"] = [ev for ev in data["events"] if ev["documents"]]
    timeline.write_text(yamlio.dump(data), encoding="utf-8")
    changed = [timeline, entry(project, gone), seed]
    for path in (project.content / "documents").glob("*.md"):
        text = path.read_text(encoding="utf-8")
        if path != entry(project, gone) and gone in text:
            path.write_text(drop_related(text, gone), encoding="utf-8")
            changed.append(path)
    entry(project, gone).unlink()
    seed.unlink()
    update = builder.update(changed)
    assert not update.full
    assert f"en/documents/{gone}/index.html" in update.removed
    assert not (project.output / "en/documents" / gone).exists()
    assert not (project.output / f"data/cite/{gone}.json").exists()
    assert not (project.output / "seeds" / seed.name).exists()
    assert_same_as_full_build(project, tmp_path)


def test_failed_update_leaves_the_output_and_the_next_good_edit_recovers(project: Project, tmp_path: Path) -> None:
    builder = Builder(project, index_search=False)
    builder.full()
    before = tree(project.output)
    path = entry(project)
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("\ntitle: ", "\ntitle: [unclosed ", 1), encoding="utf-8")
    with pytest.raises(UserError) as e:
        builder.update([path])
    first = e.value.problems[0]
    assert (first.path, first.message.split(":")[0]) == (str(path), "YAML") and first.line
    assert tree(project.output) == before
    path.write_text(good.replace("\ntitle: ", "\ntitle: Fixed ", 1), encoding="utf-8")
    update = builder.update([path])
    assert not update.full
    assert "Fixed" in (project.output / f"en/documents/{DOC}/index.html").read_text(encoding="utf-8")
    assert_same_as_full_build(project, tmp_path)


def test_an_edited_documents_own_pages_are_written_before_the_record_is_loaded(project: Project, tmp_path: Path) -> None:
    builder = Builder(project, index_search=False)
    builder.full()
    path = entry(project)
    edit_front(path, "title", "A title written by the editor")
    update = builder.update([path])
    assert not update.full
    # The own pages came first (rendered from the last build's site with the entry in its place),
    # then the record was loaded and every page that lists the title made again.
    assert update.seconds("own pages") < update.seconds("load") < update.seconds("pages")
    assert update.seconds("own pages again") is not None
    for lang in ("en", "ru", "kk", "az"):
        page = (project.output / f"{lang}/documents/{DOC}/index.html").read_text(encoding="utf-8")
        assert "A title written by the editor" in page.split("</h1>")[0]
    assert len(update.pages) > 4
    assert_same_as_full_build(project, tmp_path)


def test_a_body_edit_is_written_without_loading_the_record_again(project: Project, tmp_path: Path) -> None:
    builder = Builder(project, index_search=False)
    builder.full()
    path = entry(project)
    text = path.read_text(encoding="utf-8")
    body_start = text.index("\n---\n", 4) + 5
    para_end = text.index("\n\n", body_start + 2)
    path.write_text(text[:para_end] + " Words added in the body." + text[para_end:], encoding="utf-8")
    update = builder.update([path])
    # Only its own pages show a body: the last build's site, with the entry in its place, is the new site.
    assert not update.full and update.seconds("load") is None and update.seconds("own pages") is not None
    assert sorted(update.pages) == sorted(f"{lang}/documents/{DOC}/index.html" for lang in ("en", "ru", "kk", "az"))
    # What serve indexes for search is the new text.
    assert "Words added in the body." in builder.site.docs[DOC].paragraphs[0]
    assert any("Words added in the body." in p for d in builder.site.corpus.documents if d.id == DOC for p in d.paragraphs)
    assert_same_as_full_build(project, tmp_path)
    # The next edit, of the front matter, starts from that site.
    edit_front(path, "title", "Another title")
    update = builder.update([path])
    assert not update.full and update.seconds("load") is not None
    assert_same_as_full_build(project, tmp_path)


def test_a_body_edit_that_drops_a_paragraph_an_event_cites_is_refused(project: Project, tmp_path: Path) -> None:
    # The timeline cites paragraph 18 of the entry: cut to one paragraph, the record does not build.
    builder = Builder(project, index_search=False)
    builder.full()
    before = tree(project.output)
    path = entry(project)
    text = path.read_text(encoding="utf-8")
    body_start = text.index("\n---\n", 4) + 5
    path.write_text(text[:text.index("\n\n", body_start + 2)] + "\n", encoding="utf-8")
    with pytest.raises(UserError) as e:
        builder.update([path])
    assert any("source paragraphs must be numbers within" in p.message for p in e.value.problems)
    assert tree(project.output) == before


def test_an_edit_that_breaks_the_record_puts_the_previewed_pages_back(project: Project, tmp_path: Path) -> None:
    # The entry reads well alone (so its pages are previewed), but names a related account that
    # does not exist: the record does not build, and the output is left as it was.
    builder = Builder(project, index_search=False)
    builder.full()
    before = tree(project.output)
    path = entry(project)
    good = path.read_text(encoding="utf-8")
    edit_list(path, "related", ["no-such-document"])
    edit_front(path, "title", "A title that must not show")
    with pytest.raises(UserError) as e:
        builder.update([path])
    assert "related: unknown document 'no-such-document'" in e.value.problems[0].message
    assert tree(project.output) == before
    path.write_text(good, encoding="utf-8")
    update = builder.update([path])
    assert not update.full
    assert_same_as_full_build(project, tmp_path)


def test_template_edit_rebuilds_everything(project: Project, tmp_path: Path) -> None:
    builder = Builder(project, index_search=False)
    builder.full()
    base = project.templates / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("<body>", "<body data-edited>", 1), encoding="utf-8")
    update = builder.update([base])
    assert update.full
    assert "data-edited" in (project.output / "en/timeline/index.html").read_text(encoding="utf-8")
    assert_same_as_full_build(project, tmp_path)


def test_worker_processes_write_what_one_process_writes(project: Project, tmp_path: Path) -> None:
    one = Project(project.content, tmp_path / "one", project.config, project.templates, project.static, project.seeds)
    two = Project(project.content, tmp_path / "two", project.config, project.templates, project.static, project.seeds)
    Builder(one, jobs=1, index_search=False).full()
    Builder(two, jobs=2, index_search=False).full()
    cmp = filecmp.dircmp(one.output, two.output)
    assert tree(one.output) == tree(two.output), cmp.report()


def test_fast_relative_links_equal_render_relative_url() -> None:
    rng = random.Random(7)
    words = ["en", "ru", "documents", "x", "by-title", "static", "style.css", "index.html", "topics", "a-b"]
    pages = ["index.html", "404.html", "en/index.html", "en/documents/x/index.html", "ru/topics/politics/index.html",
             "en/documents/by-title/index.html"]
    targets = ["", "#top", "en/", "en/documents/", "static/style.css", "data/cite/x.json", "en/documents/x/#p3",
               "en", "en/documents/x", "../x", "a//b", "./en/"]
    for _ in range(300):
        targets.append("/".join(rng.choice(words) for _ in range(rng.randint(1, 4))) + rng.choice(["", "/", "#f"]))
    for page in pages:
        from_dir = tuple(page.split("/")[:-1])
        for target in targets:
            assert _relative(from_dir, page, target) == render.relative_url(page, target), (page, target)
    # A page's url() finds the way to a folder once and adds each item's name: the same links.
    targets += ["en/documents/y/", "en/documents/x/", "ru/topics/politics/", "ru/topics/", "en/documents/by-title/page/2/"]
    for index in ("index.html", ""):
        config = SimpleNamespace(folder_page=index, title={"en": "T"}, languages=("en",), default_language="en",
                                 base_url="https://example.org/", publisher="P")
        for page in pages:
            url = _common(SimpleNamespace(config=config), page, "en", None)["url"]
            for target in targets + targets:  # (the second time from the page's memo)
                assert url(target) == render.relative_url(page, target, index), (index, page, target)


def test_an_update_that_lists_the_pages_in_fewer_sitemaps_removes_the_others(project: Project, tmp_path: Path,
                                                                              monkeypatch) -> None:
    from site_builder import exports

    builder = Builder(project, index_search=False)
    builder.full()
    pages = (project.output / "sitemap.xml").read_text(encoding="utf-8").count("<loc>")
    # The small site's pages just fit one file; a document more takes two, and the update removing it one again.
    monkeypatch.setattr(exports, "SITEMAP_URLS", pages)
    extra = project.content / "documents" / "copy-for-sitemaps.md"
    text = entry(project).read_text(encoding="utf-8")
    extra.write_text(re.sub(r"^id: .*$", "id: copy-for-sitemaps", text, count=1, flags=re.M), encoding="utf-8")
    assert not builder.update([extra]).full
    assert len(list(project.output.glob("sitemap-*.xml"))) == 2
    assert_same_as_full_build(project, tmp_path)
    extra.unlink()
    assert not builder.update([extra]).full
    assert list(project.output.glob("sitemap-*.xml")) == []
    assert "<urlset" in (project.output / "sitemap.xml").read_text(encoding="utf-8")
    assert_same_as_full_build(project, tmp_path)


def test_title_edits_in_a_paginated_record_give_the_list_pages_of_a_full_build(tmp_path: Path) -> None:
    # Lists of several pages: a title that moves in the title order shifts every page between its old
    # and its new place. The second edit renders from the lines and views the first one kept.
    sys.path.insert(0, str(ROOT / "tests"))
    from records import make_record

    root = make_record(tmp_path / "record", 450)
    project = Project(root / "content", root / "output", root / "site.yaml", root / "templates", root / "static",
                      root / "seeds")
    builder = Builder(project, index_search=False)
    builder.full()
    entries = sorted((project.content / "documents").glob("*.md"))
    for i, (path, title) in enumerate([(entries[17], "Aaa first in the title order"),
                                       (entries[301], "Zzz last in the title order")]):
        edit_front(path, "title", title)
        update = builder.update([path])
        assert not update.full
        lists = [p for p in update.pages if "/documents/by-title/" in p or "/topics/" in p or "/years/" in p]
        assert any("/documents/by-title/page/2/" in p for p in lists), update.pages
        assert any("/topics/" in p for p in lists) and any("/years/" in p for p in lists), update.pages
        assert_same_as_full_build(project, tmp_path)
    # An entity's page shows its counts and its latest few documents, quotes and events: a title edit
    # of an older document it names changes its list of documents, not that page; of its newest, both.
    from site_builder.pages import SHOWN

    site = builder.site
    assert site is not None

    def shown_on_its_page(eid: str) -> set[str]:
        evs = site.entity_events_shown(eid)[-SHOWN:]
        return ({d.id for d in site.docs_of_entity[eid][-SHOWN:]} | {d.id for d, _ in site.quotes_of[eid][-SHOWN:]}
                | {x for ev in evs for x in (*ev.documents, *(s.document for s in ev.sources))})

    eid, doc = next((e.id, d) for e in site.entities if len(site.docs_of_entity[e.id]) > 2 * SHOWN
                    for d in site.docs_of_entity[e.id][:SHOWN] if d.id not in shown_on_its_page(e.id))
    for d, rewritten in ((doc, False), (site.docs_of_entity[eid][-1], True)):
        path = project.content / "documents" / f"{d.id}.md"
        edit_front(path, "title", f"{d.title} (corrected)")
        update = builder.update([path])
        assert not update.full
        assert (f"en/entities/{eid}/index.html" in update.pages) is rewritten, update.pages
        # Its list of documents shows every one of them.
        assert any(p.startswith(f"en/entities/{eid}/documents/") for p in update.pages), update.pages
    assert_same_as_full_build(project, tmp_path)


def test_lines_rendered_once_give_the_pages_rendered_whole(project: Project, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    Builder(project, index_search=False).full()
    environment = render.environment

    def without_line_cache(templates: Path):
        env = environment(templates)
        env.line_cache = None
        return env

    monkeypatch.setattr(render, "environment", without_line_cache)
    whole = Project(project.content, tmp_path / "whole", project.config, project.templates, project.static,
                    project.seeds)
    Builder(whole, index_search=False).full()
    assert tree(project.output) == tree(whole.output)


def test_serve_knows_the_keys_of_the_documents_lines_after_a_full_build(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    # The render processes made the lines; serve's own process knows where to find them, so an edit's
    # first table pages do not hash every row's text again.
    sys.path.insert(0, str(ROOT / "tests"))
    from records import make_record

    root = make_record(tmp_path / "record", 450)
    project = Project(root / "content", root / "output", root / "site.yaml", root / "templates", root / "static",
                      root / "seeds")
    builder = Builder(project, index_search=False)
    builder.serving = True
    builder.full()
    hashed: list[bytes] = []
    real = render.hashlib.blake2b
    monkeypatch.setattr(render.hashlib, "blake2b", lambda data, **k: hashed.append(data) or real(data, **k))
    path = sorted((project.content / "documents").glob("*.md"))[3]
    edit_front(path, "title", "Aaa a title that moves its row to the top of the table")
    update = builder.update([path])
    assert sum("/documents/by-title/" in p for p in update.pages) >= 4  # 200 rows each
    rows = [d for d in hashed if b"\x00doc_row\x00" in d]
    # Only the edited document's rows (one a language) are new.
    assert 0 < len(rows) <= 4, len(rows)
    builder.serving = False
    assert_same_as_full_build(project, tmp_path)


def test_only_macros_that_read_the_language_and_links_alone_are_cached(tmp_path: Path) -> None:
    (tmp_path / "macros.html").write_text(
        "{% macro item(d) %}<a href=\"{{ lurl(d.route) }}\">{{ d.title }}</a> {{ t.more }} {{ label(d) }}{% endmacro %}\n"
        "{% macro label(d) %}{% for x in d.tags %}{{ loop.index }}{{ x }}{% endfor %}{% endmacro %}\n"
        "{% macro sorted_by(d) %}{{ sort }}{% endmacro %}\n"
        "{% macro uses_sorted(d) %}{{ sorted_by(d) }}{% endmacro %}\n"
        "{% macro with_caller() %}{{ caller() }}{% endmacro %}\n", encoding="utf-8")
    env = render.environment(tmp_path)
    assert render.cacheable_macros(env, env.get_template("macros.html")) == {"item", "label"}


def test_a_line_whose_text_holds_the_placeholder_is_rendered_each_time(tmp_path: Path) -> None:
    (tmp_path / "macros.html").write_text(
        "{% macro item(d) %}<a href=\"{{ lurl(d.route) }}\">{{ d.title }}</a>{% endmacro %}\n", encoding="utf-8")
    (tmp_path / "page.html").write_text(
        "{% import \"macros.html\" as m with context %}{% for d in items %}{{ m.item(d) }}{% endfor %}\n",
        encoding="utf-8")
    env = render.environment(tmp_path)
    items = [{"route": "a/", "title": "A"}, {"route": "b/", "title": "B \x1e0\x1f"}, {"route": "a/", "title": "A"}]
    ctx = {"lang": "en", "t": {}, "url": lambda x: "../" + x, "lurl": lambda x: "../en/" + x}
    plain = env.get_template("page.html").render({**ctx, "items": items})
    cached = env.get_template("page.html").render({**ctx, "items": items, render.LINES: env.line_cache})
    assert cached == plain == '<a href="../en/a/">A</a><a href="../en/b/">B \x1e0\x1f</a><a href="../en/a/">A</a>'
    assert sorted(v is None for v in env.line_cache.lines.values()) == [False, True]


def test_a_title_edit_is_listed_without_reading_the_record_again(project: Project, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from site_builder import content as ct

    builder = Builder(project, index_search=False)
    builder.full()
    loads: list[Path] = []
    real_load = ct.load
    monkeypatch.setattr(ct, "load", lambda *a, **k: loads.append(a[0]) or real_load(*a, **k))
    path = entry(project)
    edit_front(path, "title", "A title corrected by the editor")
    update = builder.update([path])
    # No index rests on a title: the last site, with the entry in its lists, is the new site.
    assert not update.full and loads == []
    assert any("/documents/by-title/" in p for p in update.pages) and len(update.pages) > 4
    assert builder.site.docs[DOC].title == "A title corrected by the editor"
    assert_same_as_full_build(project, tmp_path)
    # An edit a list or an index rests on (the topics) reads the record whole.
    edit_list(path, "topics", ["energy"])
    loads.clear()
    assert not builder.update([path]).full and loads == [project.content]
    assert_same_as_full_build(project, tmp_path)
    # After an update that failed, the next title edit reads the record whole, to say what is still wrong.
    timeline = project.content / "timeline.yaml"
    good = timeline.read_text(encoding="utf-8")
    timeline.write_text(good + "\n  - broken: [\n", encoding="utf-8")
    with pytest.raises(UserError):
        builder.update([timeline])
    edit_front(path, "title", "A second correction")
    with pytest.raises(UserError, match="timeline.yaml"):
        builder.update([path])
    timeline.write_text(good, encoding="utf-8")
    builder.update([timeline])
    assert_same_as_full_build(project, tmp_path)
