"""A record of a few thousand documents: every list is paginated, every item reachable, no page too heavy.

The record (tests/records.py) is built once, without the search index, and read as a reader's
browser would: from a list's first page, following rel="next" to its last.
"""

from __future__ import annotations

import posixpath
import re
import statistics
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from records import DENSE_YEAR, make_record  # noqa: E402

from site_builder import content as ct  # noqa: E402
from site_builder.build import Builder, Project  # noqa: E402
from site_builder.pages import ENTITIES_PER_PAGE, LINES_PER_PAGE, PER_PAGE, ROWS_PER_PAGE, SHOWN, SOURCES_ON_YEAR  # noqa: E402

N = 1500
PAGE_LIMIT = 500_000
MEDIAN_LIMIT = 10_000
BASE = "/REPO/"


class Links(HTMLParser):
    """The hrefs of a page, its rel=next link, the ids it has, and its text outside the document's text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.hrefs: list[str] = []
        self.next: str | None = None
        self.ids: set[str] = set()
        self.items: list[str] = []
        """Links of the list (documents' and events' pages): of the main content's items."""
        self._in_main = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        if tag == "main":
            self._in_main = True
        if tag == "a" and a.get("href"):
            self.hrefs.append(a["href"])
            if a.get("rel") == "next" and self.next is None:
                self.next = a["href"]
            if self._in_main:
                self.items.append(a["href"])
        for attr in ("src",):
            if a.get(attr):
                self.hrefs.append(a[attr])

    def handle_endtag(self, tag):
        if tag == "main":
            self._in_main = False


# A list's line of a document: its link, then its date, language and outlet (an event's source gives "(language…").
DOC_LINE = re.compile(r'<li><a href="(?:\.\./)+documents/[^"/]+/" lang="[^"]*">[^<]*</a> <small>[^(]')


def parse(path: Path) -> Links:
    p = Links()
    p.feed(path.read_text(encoding="utf-8"))
    return p


def target(page: str, href: str) -> str:
    """The site path a relative link on the page at site path `page` leads to (fragment dropped)."""
    href = href.partition("#")[0]
    if not href:
        return page
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), href))
    # A folder's link is its index.html, as a web server (and GitHub Pages) serves it.
    return (path + "/index.html" if path != "." else "index.html") if href.endswith("/") else path


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Builder:
    root = make_record(tmp_path_factory.mktemp("record"), N)
    project = Project(root / "content", root / "output", root / "site.yaml", root / "templates", root / "static",
                      root / "seeds", "https://example.github.io/REPO/")
    builder = Builder(project, index_search=False)
    builder.full()
    return builder


@pytest.fixture(scope="module")
def record(built) -> tuple[Path, ct.Corpus]:
    return built.project.output, ct.load(built.project.content)


def walk(out: Path, first: str) -> list[tuple[str, Links]]:
    """Every page of the list starting at site path `first`, by rel=next."""
    pages, at, seen = [], first, set()
    while at:
        assert at not in seen, f"rel=next loops back to {at}"
        seen.add(at)
        links = parse(out / at)
        pages.append((at, links))
        at = target(at, links.next) if links.next else None
    return pages


def listed(pages: list[tuple[str, Links]], folder: str) -> list[str]:
    """The ids of the pages below `folder` (documents/, entities/ …) that the list links to, in order."""
    out = []
    for at, links in pages:
        for href in links.items:
            t = target(at, href)
            parts = t.split("/")
            if len(parts) == 4 and parts[1] == folder and parts[3] == "index.html" and parts[2] != "page" \
                    and not parts[2].startswith("by-"):
                out.append(parts[2])
    return out


def test_the_document_index_lists_every_document_once_in_each_sort_order(record):
    out, corpus = record
    ids = {d.id for d in corpus.documents}
    second_range = f"{ROWS_PER_PAGE + 1}–{2 * ROWS_PER_PAGE}"
    words = {"en": ("— Page 2", f"{second_range} of {N}"), "kk": ("— Бет 2", f"{N} ішінен {second_range}")}
    for first in ("en/documents/index.html", "en/documents/by-title/index.html", "kk/documents/by-outlet/index.html"):
        pages = walk(out, first)
        assert len(pages) == -(-N // ROWS_PER_PAGE), first
        found = [x for x in listed(pages, "documents") if x in ids]
        assert len(found) == N and set(found) == ids, first
        # Page 2 on: its own address, its number in the title, rel=prev back, where it is in the list.
        at, _ = pages[1]
        second = (out / at).read_text(encoding="utf-8")
        in_title, counted = words[at[:2]]
        assert at == first.replace("index.html", "page/2/index.html")
        assert in_title in second.split("</title>")[0] and counted in second
        assert target(at, second.split('<link rel="prev" href="')[1].split('"')[0]) == first


def test_a_persons_page_shows_counts_and_the_latest_then_links_to_every_document_event_and_quote(record):
    out, corpus = record
    page = (out / "en/entities/ilham-aliyev/index.html").read_text(encoding="utf-8")
    assert f"{N} documents" in page and f"{N} quotes" in page
    latest = page.split('aria-labelledby="e-docs"')[1].split("</section>")[0]
    assert latest.count('<li><a href="../../documents/') == SHOWN
    docs = walk(out, "en/entities/ilham-aliyev/documents/index.html")
    assert len(docs) == -(-N // LINES_PER_PAGE)
    assert sorted(listed(docs, "documents")) == sorted(d.id for d in corpus.documents)
    quotes = walk(out, "en/entities/ilham-aliyev/quotes/index.html")
    assert sum((out / at).read_text(encoding="utf-8").count("<blockquote") for at, _ in quotes) == N
    events = walk(out, "en/entities/ilham-aliyev/events/index.html")
    # A line per event, linked to the event on its year's page (where its sources are).
    found = [href.partition("#event-")[2] for at, links in events for href in links.items
             if target(at, href).startswith("en/timeline/") and "#event-" in href]
    assert sorted(found) == sorted(ev.id for ev in corpus.events)


def test_the_timeline_has_a_page_per_year_and_every_event_is_on_its_year(record):
    out, corpus = record
    overview = parse(out / "en/timeline/index.html")
    years = sorted({(ev.date or "")[:4] for ev in corpus.events})
    linked = {target("en/timeline/index.html", h) for h in overview.hrefs}
    assert {f"en/timeline/{y or 'undated'}/index.html" for y in years} <= linked
    # More events than the overview lists: it lists none itself, only the years.
    assert 'class="event"' not in (out / "en/timeline/index.html").read_text(encoding="utf-8")
    found: dict[str, str] = {}
    for y in years:
        for at, links in walk(out, f"ru/timeline/{y or 'undated'}/index.html"):
            for i in links.ids:
                if i.startswith("event-"):
                    found[i[6:]] = y
    assert found == {ev.id: (ev.date or "")[:4] for ev in corpus.events}
    # Events without a date have their own page after the years; the overview stays the overview.
    assert "" in years and "en/timeline/undated/index.html" in linked
    assert "<h1>Timeline</h1>" in (out / "en/timeline/index.html").read_text(encoding="utf-8")
    assert "Timeline: Undated" in (out / "en/timeline/undated/index.html").read_text(encoding="utf-8")
    dense = walk(out, f"en/timeline/{DENSE_YEAR}/index.html")
    assert len(dense) >= 2 and dense[1][0] == f"en/timeline/{DENSE_YEAR}/page/2/index.html"


def test_a_widely_reported_event_lists_its_first_sources_on_its_year_then_all_on_its_own_pages(record):
    out, corpus = record
    ev = next(e for e in corpus.events if e.id == "widely-reported")
    sources = [s.document for s in ev.sources]
    assert len(sources) > 2 * PER_PAGE
    (year,) = [p for p in walk(out, "en/timeline/2010/index.html") if f"event-{ev.id}" in p[1].ids]
    html = (out / year[0]).read_text(encoding="utf-8")
    article = html.split(f'<article class="event" id="event-{ev.id}"')[1].split("</article>")[0]
    assert article.split('<ul class="sources">')[1].split("</ul>")[0].count("<li>") == SOURCES_ON_YEAR
    more = article.split('<p class="more"><a href="')[1].split('"')[0]
    first = target(year[0], more)
    assert first == f"en/timeline/events/{ev.id}/index.html" and f"All {len(sources)} sources" in article
    pages = walk(out, first)
    assert len(pages) == -(-len(sources) // PER_PAGE)
    # Every source, in the event's order (each linked by its title and by the paragraphs it cites).
    assert list(dict.fromkeys(listed(pages, "documents"))) == sources
    # Each page names the event and leads back to it on its year's page.
    for at, links in pages:
        assert any(h.endswith(f"#event-{ev.id}") and target(at, h) == year[0] for h in links.items), at
    assert "<title>Sources: " in (out / first).read_text(encoding="utf-8")
    # A less reported event has no such pages: its year page lists all its sources.
    assert not (out / "en/timeline/events").joinpath("event-00001").exists()


def test_topic_hubs_entity_index_outlets_and_years_are_paginated(record):
    out, corpus = record
    for tid in ("energy", "transport"):
        docs = [d.id for d in corpus.documents if tid in d.topics]
        pages = walk(out, f"az/topics/{tid}/index.html")
        assert len(pages) == -(-len(docs) // LINES_PER_PAGE)
        assert {x for x in listed(pages, "documents")} >= set(docs)
        assert sum(len(DOC_LINE.findall((out / at).read_text(encoding="utf-8"))) for at, _ in pages) == len(docs)
    # The index of names fits one page here: it has no pager, and lists every entity with a page.
    (index,) = walk(out, "en/entities/index.html")
    assert len({x for x in listed([index], "entities")}) <= ENTITIES_PER_PAGE
    assert 'class="pager"' not in (out / index[0]).read_text(encoding="utf-8")
    outlets = parse(out / "en/outlets/index.html")
    for outlet in ("Kazinform", "Тенгри"):
        docs = sorted(d.id for d in corpus.documents if d.outlet == outlet)
        slug = {"Kazinform": "kazinform", "Тенгри": "tengri"}[outlet]
        assert any(target("en/outlets/index.html", h) == f"en/outlets/{slug}/index.html" for h in outlets.hrefs)
        assert sorted(listed(walk(out, f"en/outlets/{slug}/index.html"), "documents")) == docs
    year = sorted(d.id for d in corpus.documents if d.date and d.date.startswith("2001"))
    assert sorted(listed(walk(out, "en/years/2001/index.html"), "documents")) == year


def test_no_page_is_over_the_limit_and_every_link_leads_to_a_file(record):
    out, corpus = record
    sizes = {}
    for path in out.rglob("*.html"):
        sizes[path.relative_to(out).as_posix()] = path.stat().st_size
    worst = max(sizes, key=sizes.get)
    assert sizes[worst] < PAGE_LIMIT, (worst, sizes[worst])
    # A document page without its text (the paragraphs) stays small.
    lean = []
    for d in corpus.documents:
        html = (out / f"en/documents/{d.id}/index.html").read_text(encoding="utf-8")
        text = html.split('<div class="text"', 1)[1].split("</div>", 1)[0]
        lean.append(len((html.replace(text, "")).encode("utf-8")))
    assert statistics.median(lean) < MEDIAN_LIMIT, statistics.median(lean)
    # Every link of every list page, and of a sample of document pages, leads to a file of the site.
    pages = [p for p in sizes if "/documents/doc-" not in p] + [f"en/documents/{d.id}/index.html"
                                                                  for d in corpus.documents[::50]]
    broken = []
    for page in pages:
        for href in parse(out / page).hrefs:
            if href.startswith(("http:", "https:", "mailto:", "#")):
                continue
            t = target(page, href)
            if not (out / t).is_file():
                broken.append((page, href))
    assert not broken, broken[:10]


@pytest.mark.browser
def test_filters_work_across_pages_in_chromium(record):
    from playwright.sync_api import sync_playwright

    from pages_server import PagesServer

    out, corpus = record
    energy = [d for d in corpus.documents if "energy" in d.topics]
    year_events = [ev for ev in corpus.events if (ev.date or "").startswith("2010")]
    with PagesServer(out, BASE) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"])
        page = browser.new_page()
        errors: list[str] = []
        page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
        # On the third page of the index, a topic lists the documents of the whole record.
        page.goto(server.url("en/documents/page/3/?topic=energy"), wait_until="load")
        page.wait_for_function("() => document.querySelector('.filter-status').textContent.includes(' of ')")
        rows = page.locator("#documents-table tbody tr:not([hidden])")
        assert rows.count() == min(200, len(energy))
        assert page.locator("nav.pager").first.is_hidden()
        while page.locator("#filter-more").is_visible():
            page.locator("#filter-more").click()
        assert rows.count() == len(energy)
        hrefs = rows.locator("td:nth-child(2) a").evaluate_all("els => els.map(a => a.href)")
        assert {h.split("/documents/")[1].split("/")[0] for h in hrefs} == {d.id for d in energy}
        first = page.locator("#documents-table tbody tr:not([hidden]) td:nth-child(2) a").first
        first.click()
        page.wait_for_load_state("load")
        assert page.locator("h1").inner_text() in {d.title for d in energy}
        # Clearing the filter gives the page back its own rows and pager.
        page.goto(server.url("en/documents/page/3/?topic=energy"), wait_until="load")
        page.wait_for_function("() => document.querySelector('.filter-status').textContent.includes(' of ')")
        page.locator("button[type=reset]").click()
        page.wait_for_function("() => location.search === ''")
        assert page.locator("#documents-table tbody tr:not([hidden])").count() == ROWS_PER_PAGE
        assert page.locator("nav.pager").first.is_visible()
        # The timeline's overview lists no events itself; a year filter lists them, linked to their pages.
        page.goto(server.url("ru/timeline/?year=2010"), wait_until="load")
        page.wait_for_function("() => document.querySelectorAll('.filter-results article').length > 0")
        titles = page.locator(".filter-results article h3 a")
        assert titles.count() == len(year_events)
        for href in titles.evaluate_all("els => els.map(a => a.href)"):
            path, _, fragment = href.partition("#")
            assert server.final(path).status == 200 and fragment.startswith("event-"), href
        browser.close()
    assert not errors, errors


def test_a_title_edit_rewrites_only_the_list_pages_that_show_the_document(built):
    """(Last in this module: it edits the record.) The pages written are the document's own, and of
    each list only the page or pages holding it; every list page on disk is then what a full build makes."""
    from site_builder.build import _render_page

    out = built.project.output
    doc = "doc-00777"
    path = built.project.content / "documents" / f"{doc}.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("\ntitle: ", "\ntitle: Aaa first of all ", 1), encoding="utf-8")
    update = built.update([path])
    assert not update.full
    assert update.pages[:4] == tuple(f"{lang}/documents/{doc}/index.html" for lang in ("en", "ru", "kk", "az"))
    written = set(update.pages)
    # Of the 15 pages of each sort of the document index, one holds it in date order; in title order
    # it moved to the first page, and the pages between its old place and the first shifted.
    by_date = [p for p in written if p.startswith("en/documents/") and "/by-" not in p and "doc-" not in p]
    assert len(by_date) == 1, by_date
    assert "en/documents/by-title/index.html" in written
    assert len(written) < 0.2 * sum(1 for _ in out.rglob("*.html"))
    # Every page but the documents' is what the new content makes (the others were checked by their edit).
    inputs = built._last
    for spec in inputs.site.plan():
        if spec.kind == "document":
            continue
        site_path, html = _render_page(inputs, spec)
        assert (out / site_path).read_text(encoding="utf-8") == html, site_path
