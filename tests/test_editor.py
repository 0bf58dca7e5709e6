"""The editor's side: `site-builder review` (text, JSON, exit codes, items gone once decided) and the
editor's translations of titles and summaries as a reader sees them (lists, heading, feed, search)."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from test_build import parse_html, squash

ROOT = Path(__file__).resolve().parent.parent
DOCS = Path("content/documents")
IDS = ("000-52c20af9d2dead56", "001-7d84094cef418d8d", "002-2756a6254414e1e0", "003-3fa965019c280142",
       "004-1659845da75dbc7f")
ATOM = "{http://www.w3.org/2005/Atom}"
XHTML = "{http://www.w3.org/1999/xhtml}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """tmp_path with a copy of the repository's content/, seeds/ and site.yaml."""
    for name in ("content", "seeds"):
        shutil.copytree(ROOT / name, tmp_path / name)
    shutil.copyfile(ROOT / "site.yaml", tmp_path / "site.yaml")
    return tmp_path


def entry(project: Path, n: int) -> Path:
    return project / DOCS / f"{IDS[n]}.md"


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, pattern: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines) if re.match(pattern, line)) + 1


def review_json(run_cli, project: Path) -> tuple[int, dict]:
    code, out, err = run_cli(["review", "--format", "json"], project)
    assert err == ""
    return code, json.loads(out)


SUGGESTED = """  - id: new-person-suggested
    type: person
    kind: official
    name: {en: New Person, ru: Новый Человек, kk: Жаңа Адам, az: Yeni Şəxs}
    description: {en: "Suggested by ingest"}
    aliases: []
    suggested: true
    documents: [%s]
"""


def make_undecided(project: Path) -> dict[str, tuple[str, int]]:
    """One of each kind of item; the (path, line) each should be reported at, by kind."""
    e0, e1, e2, e3, e4 = (entry(project, n) for n in range(5))
    edit(e0, "\ndate: '2023-11-24'\ndate_precision: day\n",
         "\ndate: null\ndate_precision: null\ndate_range: {from: '2019-06-12', to: '2024-01-01', evidence: Tokayev is president}\n")
    edit(e1, "\nlanguage: ru\n", "\ndate_confidence: low\nlanguage: ru\n")
    edit(e2, "\ndate: ", "\ntitle_source: first-sentence\ndate: ")
    edit(e4, "- speaker: azer-garayev\n", "- speaker: null\n")
    seed = project / "seeds" / "002_2756a6254414e1e0.txt"
    seed.write_bytes(seed.read_bytes() + "Дописано позже.\n".encode("utf-8"))
    entities = project / "content" / "entities.yaml"
    entities.write_text(entities.read_text(encoding="utf-8") + SUGGESTED % IDS[2], encoding="utf-8")
    # And a problem check finds: an unknown topic.
    edit(e3, "\n- transport\n", "\n- nonsense\n")
    rel = lambda p: str(p.relative_to(project))  # noqa: E731
    return {
        "undated": (rel(e0), line_of(e0, "date:")),
        "low-confidence-date": (rel(e1), line_of(e1, "date:")),
        "first-sentence-title": (rel(e2), line_of(e2, "title:")),
        "quote-without-speaker": (rel(e4), line_of(e4, "- speaker: null")),
        "seed-changed": (rel(e2), line_of(e2, "seed_sha256:")),
        "suggested-entity": ("content/entities.yaml", line_of(entities, "    suggested: true")),
        "leftovers": (rel(e3), line_of(e3, "leftovers:")),
        "problem": (rel(e3), line_of(e3, "- nonsense")),
    }


def test_nothing_waits_exit_0(project: Path, run_cli) -> None:
    edit(entry(project, 3), "\nleftovers:", "\nreviewed: true\nleftovers:")
    code, out, err = run_cli(["review"], project)
    assert (code, err) == (0, "")
    assert out == "review: nothing waits for the editor (5 documents)\n"
    code, data = review_json(run_cli, project)
    assert code == 0 and data["items"] == [] and data["counts"] == {}


def test_every_kind_at_its_file_and_line_and_gone_once_decided(project: Path, run_cli) -> None:
    where = make_undecided(project)
    code, data = review_json(run_cli, project)
    assert code == 1
    got = {(i["kind"], i["path"], i["line"]) for i in data["items"]}
    assert got == {(kind, path, line) for kind, (path, line) in where.items()}
    by_kind = {i["kind"]: i for i in data["items"]}
    assert by_kind["undated"]["detail"]["range"] == {"from": "2019-06-12", "to": "2024-01-01",
                                                     "evidence": "Tokayev is president"}
    assert "2019-06-12 to 2024-01-01" in by_kind["undated"]["message"]
    assert by_kind["low-confidence-date"]["detail"]["evidence"]  # the words that gave the date
    assert by_kind["suggested-entity"]["documents"] == [IDS[2]]
    assert by_kind["suggested-entity"]["preview"] == [f"http://127.0.0.1:8000/en/documents/{IDS[2]}/"]
    new_sha = hashlib.sha256((project / "seeds" / "002_2756a6254414e1e0.txt").read_bytes()).hexdigest()
    assert by_kind["seed-changed"]["detail"]["sha256"] == new_sha
    assert "unknown topic 'nonsense'" in by_kind["problem"]["message"]
    assert by_kind["problem"]["documents"] == [IDS[3]]  # a problem in an entry links to its document
    assert data["counts"] == {k: 1 for k in where}

    # The text form: one line per item, path:line first, the preview link last; then a summary.
    code, out, err = run_cli(["review", "--preview-url", "http://127.0.0.1:8001"], project)
    assert code == 1 and err == ""
    lines = out.splitlines()
    path, line = where["undated"]
    assert f"{path}:{line}: undated: undated; the office holders it names allow 2019-06-12 to 2024-01-01 " \
           f"(Tokayev is president) -> http://127.0.0.1:8001/en/documents/{IDS[0]}/" in lines
    assert lines[0].startswith(f"{where['problem'][0]}:{where['problem'][1]}: problem: ")  # problems first
    assert lines[-1].startswith("review: 8 items waiting (1 problem, 1 seed-changed, 1 undated, ")

    # `reviewed: true` settles what ingest was unsure of, not a changed seed or a problem.
    e0, e1, e2, e3, e4 = (entry(project, n) for n in range(5))
    for e in (e0, e1, e2, e3, e4):
        edit(e, "\nseed: ", "\nreviewed: true\nseed: ")
    code, data = review_json(run_cli, project)
    assert code == 1 and {i["kind"] for i in data["items"]} == {"problem", "seed-changed", "suggested-entity"}
    for e in (e0, e1, e2, e3, e4):
        edit(e, "\nreviewed: true\n", "\n")

    # Each decision by hand, the way the README gives it.
    edit(e0, "\ndate: null\ndate_precision: null\n", "\ndate: '2023-11-24'\ndate_precision: day\n")
    edit(e1, "\ndate_confidence: low\n", "\n")
    edit(e2, "\ntitle_source: first-sentence\n", "\ntitle_source: editor\n")
    edit(e4, "- speaker: null\n", "- speaker: azer-garayev\n")
    edit(e2, "\nseed_sha256: e37f252089f898f64b754f9faabca9c2f06fff83fd5adf486b9dbea464b95f3a\n",
         f"\nseed_sha256: {new_sha}\n")
    edit(project / "content" / "entities.yaml", "    suggested: true\n", "")
    edit(e3, "\n- nonsense\n", "\n- transport\n")
    code, data = review_json(run_cli, project)
    assert [i["kind"] for i in data["items"]] == ["leftovers"]
    edit(e3, "\nleftovers:", "\nreviewed: true\nleftovers:")
    code, out, _ = run_cli(["review"], project)
    assert code == 0 and out.startswith("review: nothing waits")
    # A confirmed entity may also say so outright.
    entities = project / "content" / "entities.yaml"
    entities.write_text(entities.read_text(encoding="utf-8") + "    suggested: false\n", encoding="utf-8")
    assert run_cli(["review"], project)[0] == 0


def test_review_of_content_that_does_not_load_lists_the_problems(project: Path, run_cli) -> None:
    edit(entry(project, 1), "\ntitle: ", "\ntitle: [unclosed, ")
    code, out, err = run_cli(["review"], project)
    assert code == 1 and "Traceback" not in err
    assert re.search(rf"^{re.escape(str(DOCS / IDS[1]))}.md:\d+: problem: YAML", out, re.M), out


# ---------------------------------------------------------------- translations

TITLE_EN = "Talks of the heads of state continued the official visit"
TITLE_KK = "Мемлекет басшыларының келіссөздері ресми сапарды жалғастырды"
SUMMARY_EN = "Tokayev and Aliyev hold talks in Baku and sign an allied declaration."


def translate(project: Path) -> None:
    edit(entry(project, 1), "\ndate: ", f"\ntitle_translations:\n  kk: {TITLE_KK}\n  en: {TITLE_EN}\n"
                                       f"summary:\n  en: {SUMMARY_EN}\ndate: ")


@pytest.fixture
def translated(project: Path, run_cli) -> Path:
    translate(project)
    code, out, err = run_cli(["build", "--output", project / "output", "--templates", ROOT / "templates",
                              "--static", ROOT / "static"], project)
    assert code == 0, err
    return project / "output"


def test_check_refuses_a_translation_in_no_interface_language(project: Path, run_cli) -> None:
    e = entry(project, 1)
    edit(e, "\ndate: ", "\ntitle_translations: {xx: Something}\nsummary: just text\nreviewed: yes please\ndate: ")
    code, out, _ = run_cli(["check"], project)
    assert code == 1
    path = DOCS / e.name
    assert f"{path}:{line_of(e, 'title_translations:')}: title_translations: unknown interface language 'xx' " \
           "(one of en, ru, kk, az)" in out.splitlines()
    assert f"{path}:{line_of(e, 'summary:')}: summary must map interface languages (en, ru, kk, az) to text" \
           in out.splitlines()
    assert f"{path}:{line_of(e, 'reviewed:')}: reviewed must be true or false, not 'yes please'" in out.splitlines()


def test_translated_title_first_with_the_original_marked(translated: Path) -> None:
    doc = IDS[1]
    original = next(line for line in (ROOT / DOCS / f"{doc}.md").read_text(encoding="utf-8").splitlines()
                    if line.startswith("title: "))[len("title: "):]
    for lang, title in (("en", TITLE_EN), ("kk", TITLE_KK)):
        # The list of documents: the translation links, the original stands beside it in Russian.
        page = parse_html((translated / lang / "documents" / "index.html").read_text(encoding="utf-8"))
        link = next(a for a in page.iter("a") if (a.get("href") or "").startswith(f"{doc}/"))
        assert link.text() == title and link.get("lang") == lang
        cell = link.parent
        original_el = cell.find("span", class_="original-title")
        marked = [s for s in original_el.iter("span") if s.get("lang")]
        assert [(s.get("lang"), s.text()) for s in marked] == [("ru", original)]
        assert "translated by the editor" in original_el.text() or lang != "en"
        # The heading of the document's page.
        page = parse_html((translated / lang / "documents" / doc / "index.html").read_text(encoding="utf-8"))
        h1 = page.find("h1")
        assert (h1.text(), h1.get("lang")) == (title, lang)
        below = page.find("p", class_="original-heading")
        assert [(s.get("lang"), s.text()) for s in below.iter("span") if s.get("lang")] == [("ru", original)]
        # Citations keep the original title.
        assert page.find("meta", name="citation_title").get("content") == original
    page = parse_html((translated / "en" / "documents" / doc / "index.html").read_text(encoding="utf-8"))
    assert squash(page.find("section", class_="editor-summary").find("p").text()) == SUMMARY_EN
    # A text in the interface's own language, or without a translation, keeps its original title alone.
    for lang in ("ru", "az"):
        page = parse_html((translated / lang / "documents" / doc / "index.html").read_text(encoding="utf-8"))
        assert (page.find("h1").text(), page.find("h1").get("lang")) == (original, "ru")
        assert not page.iter("p", class_="original-heading")
    # Lists elsewhere too: a timeline event's sources.
    timeline = parse_html((translated / "en" / "timeline" / "index.html").read_text(encoding="utf-8"))
    assert any(a.text() == TITLE_EN for a in timeline.iter("a"))


def test_feed_gives_the_translation_and_the_original_with_its_language(translated: Path) -> None:
    feed = ET.parse(translated / "en" / "feed.xml").getroot()
    url = f"/en/documents/{IDS[1]}/"
    entry_el = next(e for e in feed.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}id").endswith(url))
    title = entry_el.find(f"{ATOM}title")
    assert title.get("type") == "xhtml" and title.get(XML_LANG) == "en"
    spans = title.find(f"{XHTML}div").findall(f"{XHTML}span")
    assert [(s.get(XML_LANG), s.text) for s in spans][0] == (None, TITLE_EN)
    assert spans[1].get(XML_LANG) == "ru" and spans[1].text.startswith("Программу официального визита")
    summary = entry_el.find(f"{ATOM}summary")
    assert summary.get(XML_LANG) == "en" and summary.text.startswith(SUMMARY_EN)
    # The Russian feed: the original, as before.
    feed = ET.parse(translated / "ru" / "feed.xml").getroot()
    entry_el = next(e for e in feed.findall(f"{ATOM}entry") if e.findtext(f"{ATOM}id").endswith(f"/ru/documents/{IDS[1]}/"))
    assert entry_el.find(f"{ATOM}title").get("type") is None
    assert entry_el.find(f"{ATOM}title").text.startswith("Программу официального визита")
    data = json.loads((translated / "data" / "documents.json").read_text(encoding="utf-8"))["documents"]
    record = next(d for d in data if d["id"] == IDS[1])
    assert record["title_translations"] == {"en": TITLE_EN, "kk": TITLE_KK}  # in interface-language order
    assert record["summary"] == {"en": SUMMARY_EN}


@pytest.mark.browser
def test_search_finds_a_translated_title_and_shows_the_original(translated: Path) -> None:
    from pages_server import PagesServer
    from playwright.sync_api import sync_playwright
    from test_browser import CHROMIUM, CHROMIUM_ARGS, run_search

    with PagesServer(translated, "/kz-az-record/") as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page()
        for lang, query in (("en", "heads of state continued"), ("en", "allied declaration"),
                            ("ru", "heads of state continued"), ("az", "келіссөздері")):
            found = run_search(page, server, lang, query)
            assert any(f"/{lang}/documents/{IDS[1]}/" in h for h in found), (lang, query, found)
        run_search(page, server, "en", "heads of state continued")
        item = page.locator("#search-results li").filter(
            has=page.locator(f"a[href*='/en/documents/{IDS[1]}/']")).first
        assert item.locator(".result-title a").inner_text() == TITLE_EN
        original = item.locator(".original-title span[lang='ru']")
        assert original.inner_text().startswith("Программу официального визита")
        browser.close()


def test_event_title_missing_in_the_reader_s_language_shows_another_marked(project: Path, run_cli) -> None:
    timeline = project / "content" / "timeline.yaml"
    edit(timeline, "    kk: Каспий түбімен электр кабелін салу туралы келісім\n", "")
    code, _, err = run_cli(["build", "--output", project / "output", "--templates", ROOT / "templates",
                            "--static", ROOT / "static"], project)
    assert code == 0, err
    page = parse_html((project / "output" / "kk" / "timeline" / "index.html").read_text(encoding="utf-8"))
    heading = page.by_id("title-caspian-power-cable-agreement-2024")
    (span,) = heading.iter("span")
    assert (span.get("lang"), span.text()) == ("ru", "Соглашение о строительстве электрического кабеля по дну Каспия")
    # In the strip too, the mark's name is that title.
    mark = next(a for a in page.iter("a", class_="mark") if a.get("href") == "#event-caspian-power-cable-agreement-2024")
    assert mark.get("aria-label").startswith("Соглашение о строительстве") and mark.get("lang") == "ru"
    # Where the reader's language has the title, it is not marked as another language.
    assert page.by_id("title-speca-summit-baku-2023").iter("span") == []


def test_review_page_shows_every_kind_in_the_interface_language(project: Path, monkeypatch) -> None:
    """The page serve shows at /<lang>/_review/, made from the same items (rendered here without a server)."""
    import io

    from site_builder.build import Project
    from site_builder.serve import Session, review_page

    where = make_undecided(project)
    # And an undated text whose office holders give no range.
    edit(entry(project, 4), "\ndate: '2025-10-21'\ndate_precision: day\n", "\ndate: null\ndate_precision: null\n")
    monkeypatch.chdir(project)  # paths are shown as the editor types them, from where serve runs
    session = Session(Project(project / "content", project / "output", project / "site.yaml", ROOT / "templates",
                              ROOT / "static", project / "seeds"), io.StringIO(), io.StringIO())
    page = parse_html(review_page(session, "ru").decode("utf-8"))
    assert page.find("html").get("lang") == "ru" and page.find("h1").text() == "Стол редактора"
    sections = {s.get("data-kind"): s for s in page.iter("section")}
    assert set(sections) == set(where)
    for kind, (path, line) in where.items():
        assert f"{path}:{line}" in [c.text() for c in sections[kind].iter("code", class_="where")]
    assert len(sections["undated"].iter("li", class_="review-item")) == 2
    undated = sections["undated"]
    assert "допускают" in undated.text() and [t.get("datetime") for t in undated.iter("time")] == ["2019-06-12", "2024-01-01"]
    assert sections["quote-without-speaker"].find("blockquote").get("lang") == "ru"
    assert "new-person-suggested" in sections["suggested-entity"].text()
    links = [a.get("href") for a in sections["suggested-entity"].iter("a")]
    assert links == [f"../documents/{IDS[2]}/"]
    assert [a.get("href") for a in page.find("nav", class_="languages").iter("a")] == [
        f"../../{lang}/_review/" for lang in ("en", "ru", "kk", "az")]
