"""The build stage: the real content/ rendered into a site, checked page by page; a small fixture site
compared file by file with its golden output tree.

The golden tree is tests/golden/site_small/, built from tests/fixtures/site_small/. After an intended
change to the output, rewrite it and review the diff before committing:

    SITE_BUILDER_UPDATE_GOLDEN=1 python -m pytest tests/test_build.py -k golden
    git diff --stat tests/golden/
"""

from __future__ import annotations

import csv
import difflib
import io
import json
import os
import posixpath
import re
import shutil
import unicodedata
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
GOLDEN = ROOT / "tests" / "golden"
BASE = "https://example.github.io/REPO/"
LANGS = ("en", "ru", "kk", "az")
ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
UPDATE_GOLDEN = os.environ.get("SITE_BUILDER_UPDATE_GOLDEN") == "1"


# ---------------------------------------------------------------- a tiny HTML tree

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


@dataclass
class Element:
    """One element of a parsed page: enough of a DOM to find elements and read their text."""

    tag: str
    attrs: dict[str, str]
    parent: Element | None = field(default=None, repr=False)
    children: list[Element | str] = field(default_factory=list, repr=False)

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    def iter(self, tag: str | None = None, **attrs: str) -> list[Element]:
        """Descendants (self excluded) in document order with this tag and these attribute values.

        `class_="x"` matches one class among several; `attr=True` only asks that the attribute exists.
        """
        out = []
        for child in self.children:
            if isinstance(child, Element):
                if child.matches(tag, attrs):
                    out.append(child)
                out.extend(child.iter(tag, **attrs))
        return out

    def matches(self, tag: str | None, attrs: dict) -> bool:
        if tag is not None and self.tag != tag:
            return False
        for key, want in attrs.items():
            key = key.rstrip("_").replace("_", "-")
            have = self.attrs.get(key)
            if want is True:
                if have is None:
                    return False
            elif key == "class":
                if want not in (have or "").split():
                    return False
            elif have != want:
                return False
        return True

    def find(self, tag: str | None = None, **attrs: str) -> Element:
        """The first matching descendant; fails the test when there is none."""
        found = self.iter(tag, **attrs)
        assert found, f"no <{tag} {attrs}> in <{self.tag} {self.attrs}>"
        return found[0]

    def by_id(self, id_: str) -> Element | None:
        found = self.iter(id=id_)
        return found[0] if found else None

    def text(self, skip: tuple[str, ...] = ()) -> str:
        """The text inside, leaving out descendants having any of the classes in `skip`."""
        parts = []
        for child in self.children:
            if isinstance(child, str):
                parts.append(child)
            elif not set((child.get("class") or "").split()) & set(skip):
                parts.append(child.text(skip))
        return "".join(parts)

    def ancestors(self) -> list[Element]:
        out, node = [], self.parent
        while node is not None:
            out.append(node)
            node = node.parent
        return out


class _TreeBuilder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag, attrs):
        el = Element(tag, {k: v if v is not None else "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(el)
        if tag not in VOID:
            self.stack.append(el)

    def handle_startendtag(self, tag, attrs):
        el = Element(tag, {k: v if v is not None else "" for k, v in attrs}, self.stack[-1])
        self.stack[-1].children.append(el)

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, 0, -1):
            if self.stack[i].tag == tag:
                del self.stack[i:]
                return
        # A stray end tag: ignored, as a browser would.

    def handle_data(self, data):
        self.stack[-1].children.append(data)


def parse_html(text: str) -> Element:
    builder = _TreeBuilder()
    builder.feed(text)
    builder.close()
    return builder.root


def squash(text: str) -> str:
    return " ".join(text.split())


# ---------------------------------------------------------------- a built site

@dataclass
class Built:
    """A build's output folder with its pages parsed on demand."""

    root: Path
    base_url: str
    _pages: dict[str, Element] = field(default_factory=dict, repr=False)

    def page(self, rel: str) -> Element:
        if rel not in self._pages:
            path = self.root / rel
            assert path.is_file(), f"{rel} was not built"
            self._pages[rel] = parse_html(path.read_text(encoding="utf-8"))
        return self._pages[rel]

    @cached_property
    def files(self) -> list[str]:
        return sorted(p.relative_to(self.root).as_posix() for p in self.root.rglob("*") if p.is_file())

    @cached_property
    def html(self) -> list[str]:
        return [f for f in self.files if f.endswith(".html")]

    def lang_pages(self, lang: str) -> list[str]:
        return [f for f in self.html if f.startswith(f"{lang}/")]

    def url_to_file(self, url: str) -> str | None:
        """The output file an absolute URL under the base URL is served from, or None if it is elsewhere."""
        if not url.startswith(self.base_url):
            return None
        rel = unquote(urlsplit(url).path)[len(urlsplit(self.base_url).path):]
        return rel + "index.html" if rel == "" or rel.endswith("/") else rel


def shows(shown: str, quotes: list[str]) -> str | None:
    """The quote of `quotes` that a list's entry shows: whole, or its opening words (at most 200
    characters) ending in "…". None when the entry is none of them."""
    shown = squash(shown)
    for full in map(squash, quotes):
        if shown == full or (shown.endswith("…") and len(shown) <= 201 and len(full) > 200
                             and full.startswith(shown[:-1].rstrip()) and len(shown) > 120):
            return full
    return None


def resolve(page: str, href: str) -> tuple[str, str]:
    """(site path, fragment) of a relative link on the page at `page`: a folder's link is its index.html,
    as a web server (and GitHub Pages) serves it."""
    target, _, fragment = href.partition("#")
    if not target:
        return page, fragment
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(target)))
    if target.endswith("/"):
        path = "index.html" if path == "." else path + "/index.html"
    return path, fragment


def links(doc: Element) -> list[tuple[Element, str, str]]:
    """(element, attribute, value) for every href and src of a page."""
    return [(el, attr, el.attrs[attr]) for el in doc.iter() for attr in ("href", "src") if attr in el.attrs]


def run_build(run_cli, output: Path, *args: str, cwd: Path = ROOT) -> None:
    # --quiet: no progress on stderr, so that it holds nothing unless the build warns.
    code, out, err = run_cli(["build", "--quiet", "--output", str(output), *args], cwd=cwd)
    assert (code, err) == (0, ""), err
    assert out.startswith("build: ")


class _Loader(yaml.SafeLoader):
    """YAML as the content stage reads it: dates stay text (2022-08-24, 2024-11)."""


_Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda loader, node: loader.construct_scalar(node))


def load_yaml(path: Path):
    return yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)  # noqa: S506 - a SafeLoader


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n")
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader


@pytest.fixture(scope="module")
def site(run_cli, tmp_path_factory) -> Built:
    """The real content/ built once under a sub-path, as on GitHub Pages."""
    out = tmp_path_factory.mktemp("site") / "output"
    run_build(run_cli, out, "--base-url", BASE)
    return Built(out, BASE)


@pytest.fixture(scope="module")
def docs() -> dict[str, dict]:
    """Front matter of each real content entry, by id."""
    return {p.stem: front_matter(p) for p in sorted((ROOT / "content" / "documents").glob("*.md"))}


@pytest.fixture(scope="module")
def corpus():
    """The real content as the content stage reads it (for paragraphs and quotes)."""
    from site_builder import content as ct

    return ct.load(ROOT / "content")


@pytest.fixture(scope="module")
def timeline() -> list[dict]:
    return load_yaml(ROOT / "content" / "timeline.yaml")["events"]


def doc_page(lang: str, doc_id: str) -> str:
    return f"{lang}/documents/{doc_id}/index.html"


# ---------------------------------------------------------------- pages

def test_every_language_has_every_page(site, docs):
    topics = [t["id"] for t in load_yaml(ROOT / "content" / "topics.yaml")["topics"]]
    outlets = {e["id"] for e in load_yaml(ROOT / "content" / "entities.yaml")["entities"] if e["type"] == "outlet"}
    named = {e for d in docs.values() for key in ("people", "places", "organizations") for e in d.get(key) or []}
    named |= {q["speaker"] for d in docs.values() for q in d.get("quotes") or [] if q.get("speaker")}
    assert {"transport", "energy", "culture"} <= set(topics) and "ilham-aliyev" in named
    routes = ["", "timeline/", "documents/", "documents/by-title/", "documents/by-language/", "documents/by-outlet/",
              "topics/", "entities/", *(f"documents/{d}/" for d in docs), *(f"topics/{t}/" for t in topics),
              *(f"entities/{e}/" for e in sorted(named - outlets))]
    missing = [f"{lang}/{r}index.html" for lang in LANGS for r in routes if not (site.root / lang / r / "index.html").is_file()]
    assert missing == []
    for lang in LANGS:
        entities_index = site.page(f"{lang}/entities/index.html").find("main")
        listed = {resolve(f"{lang}/entities/index.html", a.get("href"))[0] for a in entities_index.iter("a")}
        assert listed == {f"{lang}/entities/{e}/index.html" for e in named - outlets}


def test_the_root_shows_the_default_language(site):
    root = site.page("index.html")
    assert root.find("html").get("lang") == "en"
    assert root.find("link", rel="canonical").get("href") == BASE + "en/"
    timeline = [a for a in root.iter("a") if a.text() == "Timeline"]
    assert timeline and resolve("index.html", timeline[0].get("href"))[0] == "en/timeline/index.html"


def test_html_lang_is_the_interface_language(site):
    for lang in LANGS:
        wrong = [p for p in site.lang_pages(lang) if site.page(p).find("html").get("lang") != lang]
        assert wrong == []


def test_document_text_has_the_language_of_the_document(site, docs):
    assert docs["003-3fa965019c280142"]["language"] == "kk"
    for lang in LANGS:
        for doc_id, front in docs.items():
            page = site.page(doc_page(lang, doc_id))
            assert page.find("div", class_="text").get("lang") == front["language"]
            assert page.find("h1").get("lang") == front["language"]
    assert site.page(doc_page("ru", "003-3fa965019c280142")).find("div", class_="text").get("lang") == "kk"


def test_language_switcher_links_to_the_same_page_in_each_language(site):
    for lang in LANGS:
        for path in site.lang_pages(lang):
            switcher = site.page(path).find("nav", class_="languages")
            targets = {a.get("hreflang"): resolve(path, a.get("href"))[0] for a in switcher.iter("a")}
            rest = path[len(lang):]
            assert targets == {other: other + rest for other in LANGS}, path
            assert [a.get("hreflang") for a in switcher.iter("a", aria_current="true")] == [lang], path


def test_hreflang_alternates_are_absolute(site):
    # No x-default: the site's root page already leads to the default language, and the tag
    # would weigh 100 bytes on every page of a record of 50,000.
    for lang in LANGS:
        for path in site.lang_pages(lang):
            route = path[len(lang) + 1:].removesuffix("index.html")
            head = site.page(path).find("head")
            alternates = {link.get("hreflang"): link.get("href") for link in head.iter("link", rel="alternate", hreflang=True)}
            expected = {other: f"{BASE}{other}/{route}" for other in LANGS}
            assert alternates == expected, path
            assert head.find("link", rel="canonical").get("href") == f"{BASE}{lang}/{route}"


# ---------------------------------------------------------------- dates

def event_article(site: Built, lang: str, event_id: str) -> Element:
    return site.page(f"{lang}/timeline/index.html").find("article", id=f"event-{event_id}")


def test_month_precision_date_shows_no_day(site):
    time = event_article(site, "en", "caspian-power-cable-agreement-2024").find("time")
    assert (time.get("datetime"), time.text()) == ("2024-11", "November 2024")
    ru = event_article(site, "ru", "caspian-power-cable-agreement-2024").find("time")
    assert ru.get("datetime") == "2024-11" and re.findall(r"\d+", ru.text()) == ["2024"]


# CLDR joins "2022" and "г." with a narrow no-break space, so that "г." never starts a line.
@pytest.mark.parametrize("lang, text", [("en", "24 August 2022"), ("ru", "24 августа 2022\u202fг.")])
def test_day_precision_date_is_written_for_the_locale(site, lang, text):
    time = event_article(site, lang, "tokayev-official-visit-azerbaijan-2022").find("time")
    assert (time.get("datetime"), time.text()) == ("2022-08-24", text)


def test_every_time_element_shows_its_date_at_its_precision(site):
    for path in site.html:
        for time in site.page(path).iter("time"):
            iso = time.get("datetime")
            assert re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", iso), (path, iso)
            year = iso[:4]
            numbers = re.findall(r"\d+", time.text())
            day = [str(int(iso[8:]))] if len(iso) == 10 else []
            assert sorted(numbers) == sorted([year, *day]), (path, iso, time.text())


# ---------------------------------------------------------------- timeline

def test_timeline_groups_events_by_year_in_date_order(site, timeline):
    page = site.page("en/timeline/index.html")
    years = [h.text() for h in page.find("div", id="timeline-events").iter("h2")]
    assert years == sorted({ev["date"][:4] for ev in timeline})
    order = []
    for section in page.iter("section", class_="year"):
        year = section.find("h2").text()
        for article in section.iter("article", class_="event"):
            iso = article.find("time").get("datetime")
            assert iso.startswith(year)
            order.append((iso, article.get("id").removeprefix("event-")))
    assert order == sorted(order)
    assert sorted(i for _, i in order) == sorted(ev["id"] for ev in timeline)


def test_timeline_events_link_to_their_source_paragraphs(site, timeline, docs):
    path = "en/timeline/index.html"
    for ev in timeline:
        article = site.page(path).find("article", id=f"event-{ev['id']}")
        assert article.find(class_="event-title").text() == ev["title"]["en"]
        cited = set()
        for a in article.find("ul", class_="sources").iter("a"):
            target, fragment = resolve(path, a.get("href"))
            if fragment:
                assert site.page(target).by_id(fragment) is not None, (ev["id"], a.get("href"))
                cited.add((target, fragment))
        # A paragraph is on the document's page in its own language, the one that gives the whole text.
        assert cited == {(doc_page(docs[s["document"]]["language"], s["document"]), f"p-{n}")
                         for s in ev["sources"] for n in s["paragraphs"]}


def test_timeline_has_an_svg_chart_with_a_table(site, timeline):
    figure = site.page("en/timeline/index.html").find("figure", class_="chart-figure")
    assert figure.find("figcaption").text() == "Events per year by topic"
    panels = figure.find("ul", class_="multiples").iter("li")
    for li in panels:
        svg = li.find("svg", class_="chart")
        assert svg.get("role") == "img" and site.page("en/timeline/index.html").by_id(svg.get("aria-labelledby")) is svg.find("title")
    # Many years on the axis: every fifth is labelled, and the first and the last (a defect was a first bar without its year).
    years = sorted({ev["date"][:4] for ev in timeline})
    labels = [t.text() for t in panels[0].find("svg", class_="chart").iter("text")]
    assert labels[0] == years[0] and labels[-1] == years[-1] and len(labels) > 2
    # The first panel counts events, each once; then one panel per topic.
    assert squash(panels[0].find("p", class_="panel-title").text()) == f"Events ({len(timeline)})"
    table = figure.find("table")
    rows = [[c.text() for c in tr.iter() if c.tag in ("th", "td")] for tr in table.find("tbody").iter("tr")]
    assert [r[0] for r in rows] == sorted({ev["date"][:4] for ev in timeline})
    # The figures: how many events of each year carry each topic, and how many events there are.
    headers = [th.text() for th in table.find("thead").iter("th")]
    assert headers[0] == "Year" and headers[-1] == "Events"
    politics = headers.index("Politics and diplomacy")
    for row in rows:
        assert int(row[politics]) == sum(1 for ev in timeline if ev["date"][:4] == row[0] and "politics" in ev["topics"])
        assert int(row[-1]) == sum(1 for ev in timeline if ev["date"][:4] == row[0])


def test_documents_chart_counts_documents_not_topic_assignments(site, docs):
    """A document on three topics is one document: the first panel and the last column count documents."""
    page = site.page("en/index.html")
    figure = page.find("figure", id="chart-home-docs")
    dated = [d for d in docs.values() if d.get("date")]
    assert any(len(d["topics"]) > 1 for d in dated)  # else the test could not tell the two apart
    first = figure.find("ul", class_="multiples").iter("li")[0]
    assert squash(first.find("p", class_="panel-title").text()) == f"Documents ({len(dated)})"
    bars = {r.find("title").text().split(":")[0]: int(r.find("title").text().split(": ")[1])
            for r in first.find("svg", class_="chart").iter("rect")}
    assert bars == {y: sum(1 for d in dated if d["date"][:4] == y) for y in {d["date"][:4] for d in dated}}
    table = figure.find("table")
    assert [th.text() for th in table.find("thead").iter("th")][-1] == "Documents"
    for tr in table.find("tbody").iter("tr"):
        cells = [c.text() for c in tr.iter() if c.tag in ("th", "td")]
        assert int(cells[-1]) == sum(1 for d in dated if d["date"][:4] == cells[0])
    # Each topic's panel counts the documents on that topic.
    for li in figure.find("ul", class_="multiples").iter("li")[1:]:
        name, total = re.fullmatch(r"(.+) \((\d+)\)", squash(li.find("p", class_="panel-title").text())).groups()
        tid = next(t["id"] for t in load_yaml(ROOT / "content" / "topics.yaml")["topics"] if t["name"]["en"] == name)
        assert int(total) == sum(1 for d in dated if tid in d["topics"])


def test_timeline_strip_marks_every_event_at_its_precision(site, timeline):
    from site_builder import charts

    path = "en/timeline/index.html"
    page = site.page(path)
    figure = page.find("figure", class_="strip-figure")
    svg = figure.find("svg", class_="strip")
    assert page.find("main").iter("figure")[0] is figure  # above the list and the other charts
    marks = svg.iter("a", class_="mark")
    assert len(marks) == len(timeline)
    titles = {ev["id"]: ev["title"]["en"] for ev in timeline}
    for a in marks:
        target = a.get("href")
        assert target.startswith("#event-") and page.by_id(target[1:]) is not None, target
        ev_id = target[len("#event-"):]
        assert a.get("aria-label").startswith(titles[ev_id] + " — ")
        assert a.find("title").text() == a.get("aria-label")
    by_id = {a.get("href")[len("#event-"):]: a for a in marks}
    for ev in timeline:
        widths = {float(r.get("width")) for r in by_id[ev["id"]].iter("rect")}
        expected = {"day": charts.STRIP_DAY, "month": charts.STRIP_YEAR / 12 - 1, "year": charts.STRIP_YEAR - 2}
        assert widths == {round(expected[ev["date_precision"]], 1)}, ev["id"]
        # Striped with each of its topics' colours.
        assert len(by_id[ev["id"]].iter("rect")) == len(ev["topics"])
    # Each year with events links to its part of the list; every decade from the first event to the last has a row.
    years = {a.find("text").text(): a.get("href") for a in svg.iter("a", class_="year-link")}
    assert years == {y: f"#y-{y}" for y in {ev["date"][:4] for ev in timeline}}
    assert all(page.by_id(h[1:]) is not None for h in years.values())
    first, last = min(ev["date"][:4] for ev in timeline), max(ev["date"][:4] for ev in timeline)
    decades = [t.text() for t in svg.iter("text", class_="decade")]
    assert decades == [f"{d}–" for d in range(int(first) // 10 * 10, int(last) // 10 * 10 + 1, 10)]
    # A text alternative says what it shows.
    caption = squash(figure.find("figcaption").text())
    assert f"{len(timeline)} events from {first} to {last}" in caption


@pytest.mark.parametrize("lang, words", [
    ("en", {1: "document", 3: "documents", 5: "documents", 0: "documents"}),
    ("ru", {1: "документ", 3: "документа", 5: "документов", 0: "документов"}),
    ("kk", {1: "құжат", 3: "құжат", 5: "құжат", 0: "құжат"}),
])
def test_counts_take_the_plural_form_of_their_number(site, lang, words):
    """A defect seen on the topic cards: "1 documents", «3 документов»."""
    seen = set()
    for path in (f"{lang}/topics/index.html", f"{lang}/index.html"):
        for p in site.page(path).find("main").iter("ul", class_="cards")[0].iter("p", class_="meta"):
            n, word = squash(p.text()).split(" ", 1)
            if int(n) in words:
                assert word == words[int(n)], f"{path}: {p.text()}"
                seen.add(int(n))
    assert {1, 3} <= seen


def test_topic_hub_shows_only_its_own_events_and_quotes_about_it(site, docs, timeline):
    """The Energy hub shows the power cable, not the Washington peace summit a document on energy also reports."""
    from site_builder import matching

    topics = {t["id"]: t for t in load_yaml(ROOT / "content" / "topics.yaml")["topics"]}
    shown_somewhere = 0
    for tid, spec in topics.items():
        page = site.page(f"en/topics/{tid}/index.html").find("main")
        events = [ev.get("id")[len("event-"):] for ev in
                  page.find("section", aria_labelledby="topic-timeline").iter("article", class_="event")]
        assert events == [ev["id"] for ev in sorted(timeline, key=lambda e: (e["date"], e["id"])) if tid in ev["topics"]]
        section = page.by_id("topic-quotes")
        quotes = section.parent.iter("blockquote") if section is not None else []
        words = [w for ws in spec["keywords"].values() for w in ws]
        for q in quotes:
            text = squash(q.text())
            doc = next(d for d in docs.values() if any(squash(x["text"]) == text for x in d.get("quotes") or []))
            evidence = (doc.get("topic_evidence") or {}).get(tid) or []
            folded = " ".join(matching.fold(text).split())
            assert any(" ".join(matching.fold(w).split()) in folded for w in evidence) or matching.Matcher(
                (w, w) for w in words).find(text), f"{tid}: a quote without the topic's evidence: {text[:80]}"
            shown_somewhere += 1
    energy = site.page("en/topics/energy/index.html")
    assert energy.by_id("event-washington-summit-2025") is None
    assert energy.by_id("event-caspian-power-cable-agreement-2024") is not None
    assert shown_somewhere


# ---------------------------------------------------------------- document pages

def text_language(d) -> str:
    """The interface language whose page of the document gives its whole text."""
    return d.language if d.language in LANGS else "en"


def test_paragraph_anchors_and_text_are_the_entry_s_paragraphs(site, corpus):
    for d in corpus.documents:
        text = site.page(doc_page(text_language(d), d.id)).find("div", class_="text")
        paragraphs = [p for p in text.iter("p") if p.get("id", "").startswith("p-")]
        assert [p.get("id") for p in paragraphs] == [f"p-{n}" for n in range(1, len(d.paragraphs) + 1)]
        shown = [p.text(skip=("pnum", "note")).strip() for p in paragraphs]
        assert shown == list(d.plain_paragraphs()), d.id


def test_a_text_is_given_whole_once_and_its_other_pages_give_its_opening_and_lead_there(site, corpus):
    for d in corpus.documents:
        own = doc_page(text_language(d), d.id)
        first = next(p for n, p in enumerate(d.plain_paragraphs(), start=1) if n not in d.leftovers)
        for lang in LANGS:
            if doc_page(lang, d.id) == own:
                continue
            page = site.page(doc_page(lang, d.id))
            section = page.find("section", aria_labelledby="full-text")
            text = section.find("div", class_="text")
            assert text.get("lang") == d.language
            assert [p.text().strip() for p in text.iter("p")] == [first], (lang, d.id)
            assert not [p for p in page.iter("p") if p.get("id", "").startswith("p-")], (lang, d.id)
            more = section.find("p", class_="more").find("a")
            assert resolve(doc_page(lang, d.id), more.get("href")) == (own, "full-text"), (lang, d.id)
            assert more.get("hreflang") == text_language(d) and f"{len(d.paragraphs)}" in more.text()


def test_quotes_are_marked_in_the_text(site, corpus):
    for d in corpus.documents:
        for lang in LANGS:
            if lang == text_language(d) or not d.quotes:
                continue
            # Where the page gives the opening only, its list of quotes leads to them on the page with the text.
            section = site.page(doc_page(lang, d.id)).find("section", aria_labelledby="quotes")
            hrefs = [li.find("a").get("href") for li in section.iter("li", class_="quote-ref")]
            assert [resolve(doc_page(lang, d.id), h) for h in hrefs] == [
                (doc_page(text_language(d), d.id), f"p-{q.paragraph}") for q in d.quotes], (lang, d.id)
        page = site.page(doc_page(text_language(d), d.id))
        for q in d.quotes:
            where = page.by_id(f"p-{q.paragraph}") if q.paragraph else page.find("div", class_="text")
            marked = [m.text() for m in where.iter("q", class_="quote")]
            assert q.text in marked, (d.id, q.paragraph, q.text[:40])
        # Each quote is given once: the list after the text links to it by paragraph and speaker.
        section = page.find("section", aria_labelledby="quotes")
        assert not list(section.iter("blockquote")), d.id
        refs = section.iter("li", class_="quote-ref")
        assert [li.find("a").get("href") for li in refs] == [f"#p-{q.paragraph}" for q in d.quotes]
        for li, q in zip(refs, d.quotes):
            names = corpus.knowledge.entity(q.speaker).name if q.speaker else {}
            speaker = names.get(text_language(d)) or names.get("en") or "?"
            assert speaker in li.text(), (d.id, speaker)


@pytest.mark.parametrize("doc_id, other", [("001-7d84094cef418d8d", "003-3fa965019c280142"),
                                           ("003-3fa965019c280142", "001-7d84094cef418d8d"),
                                           ("002-2756a6254414e1e0", "004-1659845da75dbc7f"),
                                           ("004-1659845da75dbc7f", "002-2756a6254414e1e0")])
def test_the_other_account_of_the_event_comes_first_among_related(site, doc_id, other):
    for lang in LANGS:
        path = doc_page(lang, doc_id)
        related = site.page(path).find("section", aria_labelledby="related")
        first = related.find("li").find("a")
        assert resolve(path, first.get("href"))[0] == doc_page(lang, other)


def meta(doc: Element, key: str, attr: str = "name") -> list[str]:
    return [m.get("content") for m in doc.find("head").iter("meta", **{attr: key})]


def test_citation_meta_tags(site, docs):
    page = site.page(doc_page("en", "003-3fa965019c280142"))
    assert meta(page, "citation_title") == ["Бакуге сапар – нәтижелі сапар болды"]
    assert meta(page, "citation_publication_date") == ["2022/08/24"]
    assert meta(page, "citation_language") == ["kk"]
    assert meta(page, "citation_author") == ["Kazinform"]
    assert meta(site.page(doc_page("en", "000-52c20af9d2dead56")), "citation_author") == [
        "Kazakhstan–Azerbaijan documentary record"]
    # Citation tools take the page's address from its canonical link (no citation_public_url repeats it).
    assert page.find("head").find("link", rel="canonical").get("href") == BASE + "en/documents/003-3fa965019c280142/"
    for doc_id, front in docs.items():
        assert meta(site.page(doc_page("ru", doc_id)), "citation_title") == [front["title"]]


def test_citation_files_are_linked_and_valid(site, docs):
    for doc_id, front in docs.items():
        path = doc_page("kk", doc_id)
        cite = site.page(path).find("section", aria_labelledby="cite")
        hrefs = {resolve(path, a.get("href"))[0] for a in cite.iter("a")}
        assert {f"data/cite/{doc_id}.json", f"data/cite/{doc_id}.bib"} <= hrefs
        (item,) = json.loads((site.root / f"data/cite/{doc_id}.json").read_text(encoding="utf-8"))
        assert item["id"] == doc_id and item["title"] == front["title"] and item["language"] == front["language"]
        assert item["issued"] == {"date-parts": [[int(x) for x in front["date"].split("-")]]}
        assert site.url_to_file(item["URL"]) == doc_page("en", doc_id)
        bib = (site.root / f"data/cite/{doc_id}.bib").read_text(encoding="utf-8")
        assert bib.startswith("@misc{" + doc_id.replace("-", "_") + ",\n") and "year = {" + front["date"][:4] + "}" in bib
    item = json.loads((site.root / "data/cite/003-3fa965019c280142.json").read_text(encoding="utf-8"))[0]
    assert item["issued"] == {"date-parts": [[2022, 8, 24]]}


def test_raw_seed_is_linked_and_byte_identical(site, docs):
    for doc_id, front in docs.items():
        path = doc_page("az", doc_id)
        hrefs = [resolve(path, a.get("href"))[0] for a in site.page(path).iter("a", type="text/plain")]
        assert hrefs == [f"seeds/{front['seed']}"]
        assert (site.root / "seeds" / front["seed"]).read_bytes() == (ROOT / "seeds" / front["seed"]).read_bytes()


def json_ld(page: Element) -> list[dict]:
    return [json.loads(s.text()) for s in page.iter("script", type="application/ld+json")]


def test_document_json_ld_and_open_graph(site, docs):
    locales = {"en": "en_GB", "ru": "ru_RU", "kk": "kk_KZ", "az": "az_AZ"}
    for lang in LANGS:
        for doc_id, front in docs.items():
            page = site.page(doc_page(lang, doc_id))
            (ld,) = json_ld(page)
            assert ld["@type"] in ("NewsArticle", "CreativeWork") and ld["headline"] == front["title"][:110]
            assert ld["inLanguage"] == front["language"] and ld["datePublished"] == front["date"]
            url = f"{BASE}{lang}/documents/{doc_id}/"
            assert meta(page, "og:title", "property") == [front["title"]]
            assert meta(page, "og:url", "property") == [url]
            assert meta(page, "og:locale", "property") == [locales[lang]]


def test_every_page_has_json_ld_and_open_graph(site):
    for path in site.html:
        page = site.page(path)
        (ld,) = json_ld(page)
        assert ld["@context"] == "https://schema.org" and ld["@type"], path
        assert meta(page, "og:title", "property") and meta(page, "og:type", "property"), path
        if path == "404.html":  # served at every missing address: it has no URL of its own
            assert ld["@type"] == "WebPage" and meta(page, "og:url", "property") == []
            continue
        assert [site.url_to_file(u) for u in meta(page, "og:url", "property")] in ([path], ["en/index.html"]), path


# ---------------------------------------------------------------- links

def check_links(site: Built) -> list[str]:
    """Every internal link that leads nowhere, as 'page: href (why)'."""
    broken = []
    for path in site.html:
        page = site.page(path)
        base = page.iter("base")
        for el, attr, value in links(page):
            if el.tag == "base":
                continue
            if value.startswith(site.base_url):
                target, fragment = site.url_to_file(value.partition("#")[0]), value.partition("#")[2]
            elif re.match(r"^[a-z][a-z0-9+.-]*:|^//", value, re.I):
                continue
            elif value.startswith("/"):
                if not base:
                    broken.append(f"{path}: {value} (root-absolute)")
                    continue
                prefix = base[0].get("href")
                if not value.startswith(prefix):
                    broken.append(f"{path}: {value} (outside {prefix})")
                    continue
                target, _, fragment = value[len(prefix):].partition("#")
            elif base:
                prefix = urlsplit(site.base_url).path
                assert base[0].get("href") == prefix, path
                target, fragment = resolve("index.html", value)
            else:
                target, fragment = resolve(path, value)
            if not (site.root / target).is_file():
                broken.append(f"{path}: {value} (no file {target})")
            elif fragment and target.endswith(".html") and site.page(target).by_id(fragment) is None:
                broken.append(f"{path}: {value} (no id {fragment!r} in {target})")
    return broken


def test_every_internal_link_resolves(site):
    assert check_links(site) == []


def test_only_the_404_page_uses_root_absolute_links(site):
    rooted = [(p, v) for p in site.html for _, _, v in links(site.page(p)) if v.startswith("/") and not v.startswith("//")]
    assert {p for p, _ in rooted} <= {"404.html"}
    not_found = site.page("404.html")
    assert [b.get("href") for b in not_found.iter("base")] == ["/REPO/"]
    hrefs = {v for _, _, v in links(not_found)}
    assert {"en/index.html", "static/style.css"} <= hrefs


# ---------------------------------------------------------------- documents index

def collation(text: str) -> str:
    return unicodedata.normalize("NFKD", text).casefold()


SORT_PAGES = {"date": "documents/", "title": "documents/by-title/", "language": "documents/by-language/",
              "outlet": "documents/by-outlet/"}


@pytest.mark.parametrize("lang", ["en", "az"])
@pytest.mark.parametrize("sort", list(SORT_PAGES))
def test_documents_table_sorts_by_each_column(site, docs, lang, sort):
    path = f"{lang}/{SORT_PAGES[sort]}index.html"
    table = site.page(path).find("table", class_="documents")
    headers = table.find("thead").iter("th")
    assert [th.get("aria-sort") for th in headers] == [("ascending" if k == sort else None) for k in SORT_PAGES] + [None]
    for key, th in zip(SORT_PAGES, headers):
        links_ = th.iter("a")
        if key == sort:
            assert links_ == []
        else:
            assert [resolve(path, a.get("href"))[0] for a in links_] == [f"{lang}/{SORT_PAGES[key]}index.html"]
    rows = [[td for td in tr.iter("td")] for tr in table.find("tbody").iter("tr")]
    assert sorted(resolve(path, r[1].find("a").get("href"))[0] for r in rows) == sorted(doc_page(lang, d) for d in docs)
    def doc(r):
        return docs[resolve(path, r[1].find("a").get("href"))[0].split("/")[2]]

    column = {"date": lambda r: str(doc(r)["date"]), "title": lambda r: collation(r[1].text()),
              "language": lambda r: r[2].text(), "outlet": lambda r: (r[3].text() == "—", collation(r[3].text()))}[sort]
    values = [column(r) for r in rows]
    assert values == sorted(values)


# ---------------------------------------------------------------- topic hubs and entities

@pytest.mark.parametrize("topic", ["transport", "energy", "culture"])
def test_topic_hub(site, docs, topic):
    spec = next(t for t in load_yaml(ROOT / "content" / "topics.yaml")["topics"] if t["id"] == topic)
    path = f"en/topics/{topic}/index.html"
    page = site.page(path).find("main")
    assert page.find("h1").text() == spec["name"]["en"]
    assert page.find("p", class_="lead").text() == spec["intro"]["en"]
    members = {d for d, front in docs.items() if topic in front["topics"]}
    assert members
    listed = {resolve(path, li.find("a").get("href"))[0]
              for li in page.find("section", aria_labelledby="topic-docs").iter("li")}
    assert listed == {doc_page("en", d) for d in members}
    events = page.find("section", aria_labelledby="topic-timeline").iter("article", class_="event")
    for ev in events:
        tags = {resolve(path, a.get("href"))[0] for a in ev.find("ul", class_="tags").iter("a")}
        assert f"en/topics/{topic}/index.html" in tags, ev.get("id")
    quotes = page.find("section", aria_labelledby="topic-quotes").iter("li")
    assert quotes
    for li in quotes:
        (doc_id,) = {resolve(path, a.get("href"))[0].split("/")[2] for a in li.find("p", class_="meta").iter("a")
                     if "/documents/" in resolve(path, a.get("href"))[0]}
        assert doc_id in members and shows(li.find("blockquote").text(), [q["text"] for q in docs[doc_id]["quotes"]])
    ranked = page.find("section", aria_labelledby="topic-entities").find("ol").iter("li")
    counts = [int(re.search(r"\((\d+) ", li.text()).group(1)) for li in ranked]
    assert counts and counts == sorted(counts, reverse=True)
    mentions = {}
    for d in members:
        for e in {e for key in ("people", "places", "organizations") for e in docs[d].get(key) or []}:
            mentions[e] = mentions.get(e, 0) + 1
    top = resolve(path, ranked[0].find("a").get("href"))[0].split("/")[2]
    assert counts[0] == mentions[top] == max(mentions.values())


def all_of(site, path: str, section: str, tag: str, shown: int = 5) -> tuple[list[Element], str | None]:
    """The items of an entity page's section: those it shows, or, where it shows the latest few and
    links to all, every item of the list it links to, page after page by rel=next."""
    page = site.page(path).find("main")
    part = page.find("section", aria_labelledby=section)
    more = (part.iter("p", class_="more") or [None])[0]
    if more is None:
        return [(path, x) for x in part.iter(tag)], None
    assert len(part.iter(tag)) == shown
    at = resolve(path, more.find("a").get("href"))[0]
    found = []
    while at:
        doc = site.page(at)
        main = doc.find("main")
        found.extend((at, x) for x in main.find("ul").iter(tag)) if tag == "li" else found.extend(
            (at, x) for x in main.iter(tag))
        nxt = [a for a in main.iter("a") if a.get("rel") == "next"]
        at = resolve(at, nxt[0].get("href"))[0] if nxt else None
    return found, more.find("a").text()


def test_entity_page_lists_quotes_and_documents(site, docs):
    path = "en/entities/ilham-aliyev/index.html"
    page = site.page(path).find("main")
    assert page.find("h1").text() == "Ilham Aliyev"
    expected = [squash(q["text"]) for front in docs.values() for q in front.get("quotes") or [] if q.get("speaker") == "ilham-aliyev"]
    naming = {d for d, front in docs.items()
              if "ilham-aliyev" in front.get("people", []) or any(q.get("speaker") == "ilham-aliyev" for q in front.get("quotes") or [])}
    # The page gives its counts, and the latest five of a longer list with a link to all of it.
    counts = page.find("p", class_="counts").text()
    assert f"{len(naming)} document" in counts and f"{len(expected)} quote" in counts
    quotes, link = all_of(site, path, "e-quotes", "blockquote")
    # A list shows a long quote's opening words; each entry links to the paragraph that holds all of it.
    assert sorted(shows(b.text(), expected) for _, b in quotes) == sorted(expected) and quotes
    cut = [(at, b) for at, b in quotes if squash(b.text()) not in expected]
    assert cut, "the seeds hold quotes longer than a list shows"
    for at, b in cut:
        target, anchor = resolve(at, b.parent.find("p", class_="meta").find("a").get("href"))
        paragraph = next(p for p in site.page(target).find("div", class_="text").iter("p") if p.get("id") == anchor)
        assert shows(b.text(), [q.text() for q in paragraph.iter("q")]), (at, anchor)
    assert link is None or link == f"See all {len(expected)}"
    listed, _ = all_of(site, path, "e-docs", "li")
    assert {resolve(at, li.find("a").get("href"))[0] for at, li in listed} == {doc_page("en", d) for d in naming}


# ---------------------------------------------------------------- machine-readable files

def test_atom_feeds(site, docs):
    for lang in LANGS:
        feed = ET.parse(site.root / lang / "feed.xml").getroot()
        assert feed.tag == f"{ATOM}feed" and feed.get("{http://www.w3.org/XML/1998/namespace}lang") == lang
        entries = feed.findall(f"{ATOM}entry")
        assert len(entries) == len([d for d in docs.values() if d.get("date")])
        for entry in entries:
            (link,) = entry.findall(f"{ATOM}link[@rel='alternate']")
            target = site.url_to_file(link.get("href"))
            assert target and target.startswith(f"{lang}/documents/") and (site.root / target).is_file()
            assert entry.findtext(f"{ATOM}id") == link.get("href")
            assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z", entry.findtext(f"{ATOM}updated"))
        self_link = feed.find(f"{ATOM}link[@rel='self']").get("href")
        assert site.url_to_file(self_link) == f"{lang}/feed.xml"


def test_a_sitemap_past_fifty_thousand_pages_is_an_index_of_sitemaps():
    from site_builder import exports
    from site_builder.config import Config

    config = Config(title={k: "T" for k in LANGS}, languages=tuple(LANGS), default_language="en",
                    base_url="https://example.org/r/", cname=None, publisher="P")
    paths = [f"en/documents/d{i:06d}/index.html" for i in range(exports.SITEMAP_URLS + 1)]
    files = exports.sitemaps(config, paths)
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap.xml"]
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == f"{SITEMAP}sitemapindex"
    assert [x.text for x in index.iter(f"{SITEMAP}loc")] == ["https://example.org/r/sitemap-1.xml",
                                                             "https://example.org/r/sitemap-2.xml"]
    listed = [x.text for name in ("sitemap-1.xml", "sitemap-2.xml") for x in ET.fromstring(files[name]).iter(f"{SITEMAP}loc")]
    assert len(ET.fromstring(files["sitemap-1.xml"]).findall(f"{SITEMAP}url")) == exports.SITEMAP_URLS
    assert listed == [f"https://example.org/r/{p[:-len('index.html')]}" for p in sorted(paths)]
    assert list(exports.sitemaps(config, paths[:10])) == ["sitemap.xml"]


def test_sitemap_and_robots(site):
    locs = [loc.text for loc in ET.parse(site.root / "sitemap.xml").getroot().iter(f"{SITEMAP}loc")]
    assert locs and all(loc.startswith(BASE) for loc in locs)
    files = [site.url_to_file(loc) for loc in locs]
    assert [f for f in files if not (site.root / f).is_file()] == []
    assert set(files) == {p for lang in LANGS for p in site.lang_pages(lang)}
    robots = (site.root / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {BASE}sitemap.xml" in robots.splitlines()


def test_github_pages_files(site):
    assert (site.root / ".nojekyll").is_file()
    assert not (site.root / "CNAME").exists()
    assert [b.get("href") for b in site.page("404.html").iter("base")] == ["/REPO/"]


def test_cname_is_written_when_configured(run_cli, tmp_path):
    config = (ROOT / "site.yaml").read_text(encoding="utf-8")
    assert "\ncname: null\n" in config
    (tmp_path / "site.yaml").write_text(config.replace("\ncname: null\n", "\ncname: record.example.org\n"), encoding="utf-8")
    run_build(run_cli, tmp_path / "output", "--config", str(tmp_path / "site.yaml"))
    assert (tmp_path / "output" / "CNAME").read_text(encoding="utf-8") == "record.example.org\n"


def test_every_footer_leads_to_the_data_files_listed_once_on_the_home_page(site, docs):
    import posixpath

    for lang in ("en", "ru"):
        for rel in (f"{lang}/index.html", doc_page(lang, next(iter(docs))), f"{lang}/timeline/index.html"):
            footer = site.page(rel).find("footer")
            hrefs = [a.attrs["href"] for a in footer.iter("a")]
            assert [h for h in hrefs if "#" in h] and all("data/" not in h for h in hrefs), (rel, hrefs)
            target, _, fragment = next(h for h in hrefs if "#" in h).partition("#")
            assert resolve(rel, target)[0] == f"{lang}/index.html"
            assert fragment == "open-data"
        section = site.page(f"{lang}/index.html").find("section", **{"aria-labelledby": "open-data"})
        listed = {posixpath.normpath(posixpath.join(lang, a.attrs["href"])) for a in section.iter("a")}
        assert {"data/documents.json", "data/documents.csv", "data/timeline.json", "data/timeline.csv"} <= listed
        assert all((site.root / x).is_file() for x in listed), listed


def test_data_files(site, docs, timeline):
    documents = json.loads((site.root / "data/documents.json").read_text(encoding="utf-8"))["documents"]
    assert sorted(d["id"] for d in documents) == sorted(docs)
    for record in documents:
        front = docs[record["id"]]
        for key in ("people", "places", "organizations"):
            assert [e["id"] for e in record[key]] == (front.get(key) or [])
            assert all(e["name"] for e in record[key])
    names = {e["id"]: e["name"] for d in documents for e in d["people"]}
    assert names["ilham-aliyev"] == "Ilham Aliyev" and names["kassym-jomart-tokayev"] == "Kassym-Jomart Tokayev"
    events = json.loads((site.root / "data/timeline.json").read_text(encoding="utf-8"))["events"]
    assert [e["id"] for e in events] == [e["id"] for e in sorted(timeline, key=lambda e: (e["date"], e["id"]))]
    for name, records in (("documents", documents), ("timeline", events)):
        rows = list(csv.DictReader(io.StringIO((site.root / f"data/{name}.csv").read_text(encoding="utf-8"), newline="")))
        assert [r["id"] for r in rows] == [r["id"] for r in records]
        assert [r["date"] for r in rows] == [r["date"] or "" for r in records]
    rows = list(csv.DictReader(io.StringIO((site.root / "data/documents.csv").read_text(encoding="utf-8"), newline="")))
    assert [r["related"].split(";") if r["related"] else [] for r in rows] == [d["related"] for d in documents]
    assert [r["date_evidence"] for r in rows] == [d["date_evidence"] or "" for d in documents]


def test_data_files_give_related_accounts_both_ways(run_cli, tmp_path):
    """An entry ingested before the other account of its event does not name it; the export does."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    entry = tmp_path / "content" / "documents" / "003-3fa965019c280142.md"
    text = entry.read_text(encoding="utf-8")
    assert "\nrelated:\n- 001-7d84094cef418d8d\n" in text
    entry.write_text(text.replace("\nrelated:\n- 001-7d84094cef418d8d\n", "\nrelated: []\n"), encoding="utf-8")
    run_build(run_cli, tmp_path / "output", "--content", str(tmp_path / "content"))
    documents = json.loads((tmp_path / "output" / "data/documents.json").read_text(encoding="utf-8"))["documents"]
    related = {d["id"]: d["related"] for d in documents}
    assert related["003-3fa965019c280142"] == ["001-7d84094cef418d8d"]
    assert related["001-7d84094cef418d8d"] == ["003-3fa965019c280142"]
    assert related["000-52c20af9d2dead56"] == []


# ---------------------------------------------------------------- safety

UNSAFE_TITLE = 'The "quoted" <script>alert(1)</script> title <b>bold</b>'
UNSAFE_ENTRY = f"""---
id: unsafe
title: '{UNSAFE_TITLE}'
date: '2023-05-01'
date_precision: day
language: en
outlet: <i>Outlet</i>
topics: [energy]
people: [ilham-aliyev]
quotes:
- speaker: ilham-aliyev
  text: <script>alert(3)</script> said
  paragraph: 2
seed: unsafe.txt
---

Plain <script>alert(1)</script> and <img src=x onerror="alert(2)"> and <a href="javascript:alert(4)">a link</a>.

He: <script>alert(3)</script> said, see [this](javascript:alert(5)) and [that](JaVaScRiPt:alert(6)) and <https://example.org/ok>.

An iframe <iframe src="javascript:alert(7)"></iframe> and <style>body{{display:none}}</style>.
"""


def small_site_with(tmp_path: Path, name: str, entry: str) -> tuple[Path, Path]:
    """(content, seeds): copies of the small fixture site's, plus one entry `name`.md."""
    content, seeds = tmp_path / "content", tmp_path / "seeds"
    shutil.copytree(FIXTURES / "site_small" / "content", content)
    shutil.copytree(FIXTURES / "site_small" / "seeds", seeds)
    (content / "documents" / f"{name}.md").write_text(entry, encoding="utf-8")
    return content, seeds


def test_unsafe_text_is_escaped_everywhere(run_cli, tmp_path):
    content, seeds = small_site_with(tmp_path, "unsafe", UNSAFE_ENTRY)
    (seeds / "unsafe.txt").write_text(UNSAFE_ENTRY, encoding="utf-8")
    run_build(run_cli, tmp_path / "output", "--content", str(content), "--seeds", str(seeds),
              "--config", str(FIXTURES / "site_small" / "site.yaml"))
    built = Built(tmp_path / "output", "https://example.github.io/small/")
    for path in built.html:
        page = built.page(path)
        # The only scripts are the templates': JSON-LD data, or the site's own files.
        for s in page.iter("script"):
            if s.get("type") == "application/ld+json":
                json.loads(s.text())
            else:
                assert s.text().strip() == "" and (built.root / resolve(path, s.get("src"))[0]).is_file(), (path, s.attrs)
        for tag in ("img", "iframe", "style", "b", "i"):
            assert page.iter(tag) == [], (path, tag)
        for el in page.iter():
            assert not [a for a in el.attrs if a.startswith("on")], (path, el.tag, el.attrs)
            for attr in ("href", "src"):
                assert not (el.get(attr) or "").strip().lower().startswith("javascript:"), (path, el.attrs)
    page = built.page("en/documents/unsafe/index.html")
    assert page.find("h1").text() == UNSAFE_TITLE
    assert meta(page, "citation_title") == [UNSAFE_TITLE] and meta(page, "og:title", "property") == [UNSAFE_TITLE]
    assert json_ld(page)[0]["headline"] == UNSAFE_TITLE
    text = page.find("div", class_="text")
    assert "<script>alert(1)</script>" in text.find("p", id="p-1").text()
    assert [q.text() for q in text.iter("q")] == ["<script>alert(3)</script> said"]
    assert [a.get("href") for a in text.iter("a") if "pnum" not in a.get("class", "")] == ["https://example.org/ok"]
    feed = ET.parse(built.root / "en" / "feed.xml").getroot()
    assert UNSAFE_TITLE in [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert check_links(built) == []


def test_a_missing_seed_is_a_warning_and_is_not_linked(run_cli, tmp_path):
    entry = (FIXTURES / "site_small" / "content" / "documents" / "en-cable-2024.md").read_text(encoding="utf-8")
    entry = entry.replace("id: en-cable-2024", "id: no-seed").replace("seed: en-cable-2024.txt", "seed: gone.txt")
    content, seeds = small_site_with(tmp_path, "no-seed", entry)
    code, out, err = run_cli(["build", "--quiet", "--content", "content", "--seeds", "seeds", "--output", "output",
                              "--config", FIXTURES / "site_small" / "site.yaml", "--templates", ROOT / "templates",
                              "--static", ROOT / "static"], cwd=tmp_path)
    assert (code, err) == (0, "warning: content/documents/no-seed.md: seed seeds/gone.txt not found; raw text not published\n")
    built = Built(tmp_path / "output", "https://example.github.io/small/")
    assert built.page("en/documents/no-seed/index.html").iter("a", type="text/plain") == []
    assert check_links(built) == []


# ---------------------------------------------------------------- reproducible, portable

# Pagefind's search bundle: written by a third-party tool, whose filter and metadata files still change
# from one run to the next on the same input (https://github.com/Pagefind/pagefind/issues/638).
SEARCH_BUNDLE = "pagefind/"


def tree(root: Path, skip: tuple[str, ...] = ()) -> dict[str, bytes]:
    files = {p.relative_to(root).as_posix(): p for p in sorted(root.rglob("*")) if p.is_file()}
    return {name: p.read_bytes() for name, p in files.items() if not name.startswith(skip)}


@pytest.fixture(scope="module")
def site_again(run_cli, tmp_path_factory) -> Built:
    """A second build of the same content, into another folder."""
    out = tmp_path_factory.mktemp("again") / "output"
    run_build(run_cli, out, "--base-url", BASE)
    return Built(out, BASE)


def test_two_builds_are_byte_identical(site, site_again):
    first, second = tree(site.root, skip=(SEARCH_BUNDLE,)), tree(site_again.root, skip=(SEARCH_BUNDLE,))
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


def test_two_builds_have_the_same_search_bundle(site, site_again):
    """Pagefind alone orders filters differently on each run (Pagefind issue #638): search.canonicalize."""
    first = {n: b for n, b in tree(site.root).items() if n.startswith(SEARCH_BUNDLE)}
    second = {n: b for n, b in tree(site_again.root).items() if n.startswith(SEARCH_BUNDLE)}
    assert first == second


def test_one_search_index_for_every_language(site, corpus):
    """One bundle at the site's root, of one record per document and per event; no page is read for it."""
    from site_builder import search

    bundles = sorted(p.parent.relative_to(site.root).as_posix() for p in site.root.rglob("pagefind-entry.json"))
    assert bundles == ["pagefind"]
    entry = json.loads((site.root / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert list(entry["languages"]) == [search.INDEX_LANGUAGE]
    assert entry["languages"][search.INDEX_LANGUAGE]["page_count"] == len(corpus.documents) + len(corpus.events)
    assert [f for f in site.html if "data-pagefind" in (site.root / f).read_text(encoding="utf-8")] == []
    # Every language's search page loads that bundle.
    for lang in ("en", "ru", "kk", "az"):
        form = site.page(f"{lang}/search/index.html").find("form", id="search-form")
        assert resolve(f"{lang}/search/index.html", form.attrs["data-bundle"])[0] == "pagefind/pagefind.js"


def test_search_records_are_the_documents_and_events(corpus):
    """Routes below the language folder (no list page among them), the text with its folded forms, id filters."""
    from site_builder import config as site_config
    from site_builder import search
    from site_builder.pages import Site

    records = search.records(Site(corpus, site_config.load(ROOT / "site.yaml", BASE)))
    assert [r["url"] for r in records] == ([f"documents/{d.id}/" for d in corpus.documents]
                                           + [f"timeline/{ev.date[:4]}/#event-{ev.id}" for ev in corpus.events])
    kk = next(d for d in corpus.documents if d.language == "kk" and any("Әлиев" in p for p in d.paragraphs))
    record = records[corpus.documents.index(kk)]
    words = record["content"].split()
    terms = int(record["meta"]["terms"])
    paras = [int(n) for n in record["meta"]["paras"].split()]
    assert len(paras) == len(kk.paragraphs)
    # Each paragraph starts at its word: search.js leads a result to #p-N.
    for n, start in enumerate(paras):
        first = kk.plain_paragraphs()[n].split()[:3]
        assert words[start:start + len(first)] == first
    # Әлиев is found by Алиев (folded), and by the other spellings of the entity named.
    assert "Алиев" in words[terms:] and "Алиев" not in words[:terms]
    assert "Aliyev" in " ".join(words[terms:])
    assert record["filters"]["language"] == ["kk"] and record["filters"]["topic"] == list(kk.topics)
    assert record["meta"]["title"] == kk.title and record["meta"]["lang"] == "kk"


def test_links_are_the_same_at_a_domain_root(site, run_cli, tmp_path):
    run_build(run_cli, tmp_path / "root", "--base-url", "https://example.org/")
    at_root = Built(tmp_path / "root", "https://example.org/")
    assert at_root.html == site.html
    for path in site.html:
        if path == "404.html":
            continue
        relative = lambda b: [v for _, _, v in links(b.page(path)) if not re.match(r"^[a-z]+:|^/", v)]  # noqa: E731
        assert relative(at_root) == relative(site), path
    assert [b.get("href") for b in at_root.page("404.html").iter("base")] == ["/"]
    assert check_links(at_root) == []
    assert all(loc.text.startswith("https://example.org/")
               for loc in ET.parse(at_root.root / "sitemap.xml").getroot().iter(f"{SITEMAP}loc"))


# ---------------------------------------------------------------- golden output

def first_difference(expected: dict[str, bytes], actual: dict[str, bytes]) -> str:
    """A readable account of how two trees differ: the files only in one, and a diff of the first changed file."""
    lines = []
    missing, extra = sorted(set(expected) - set(actual)), sorted(set(actual) - set(expected))
    if missing:
        lines.append(f"not built any more: {', '.join(missing)}")
    if extra:
        lines.append(f"new files: {', '.join(extra)}")
    changed = [name for name in sorted(set(expected) & set(actual)) if expected[name] != actual[name]]
    if changed:
        name = changed[0]
        lines.append(f"{len(changed)} files differ ({', '.join(changed[:10])}{' …' if len(changed) > 10 else ''}); "
                     f"first: {name}")
        try:
            a, b = expected[name].decode("utf-8"), actual[name].decode("utf-8")
            lines.extend(difflib.unified_diff(a.splitlines(), b.splitlines(), f"golden/{name}", f"built/{name}",
                                              lineterm="", n=2))
        except UnicodeDecodeError:
            lines.append(f"(binary: {len(expected[name])} bytes expected, {len(actual[name])} built)")
    lines.append("If the change is intended: SITE_BUILDER_UPDATE_GOLDEN=1 python -m pytest tests/test_build.py -k golden")
    return "\n".join(lines)


def test_golden_site_small(run_cli, tmp_path):
    fixture = FIXTURES / "site_small"
    # Relative paths from the fixture folder, so that nothing about this machine can reach the output.
    code, out, err = run_cli(["build", "--quiet", "--content", "content", "--seeds", "seeds", "--config", "site.yaml",
                              "--static", "static", "--templates", ROOT / "templates", "--output", tmp_path / "out"],
                             cwd=fixture)
    assert (code, err) == (0, ""), err
    # The golden tree pins what site_builder writes; Pagefind's bundle is neither that nor stable.
    actual = tree(tmp_path / "out", skip=(SEARCH_BUNDLE,))
    golden = GOLDEN / "site_small"
    if UPDATE_GOLDEN:
        shutil.rmtree(golden, ignore_errors=True)
        for name, data in actual.items():
            (golden / name).parent.mkdir(parents=True, exist_ok=True)
            (golden / name).write_bytes(data)
        pytest.skip(f"rewrote {golden.relative_to(ROOT)}: review the diff")
    assert golden.is_dir(), "no golden tree yet: run with SITE_BUILDER_UPDATE_GOLDEN=1"
    expected = tree(golden)
    if expected != actual:
        pytest.fail(first_difference(expected, actual), pytrace=False)


def test_a_copy_read_from_disk_spells_out_index_html(run_cli, tmp_path):
    # directory_urls: false links every page by its file, so that the site works opened from a folder.
    config = tmp_path / "site.yaml"
    config.write_text((FIXTURES / "site_small" / "site.yaml").read_text(encoding="utf-8") + "directory_urls: false\n",
                      encoding="utf-8")
    run_build(run_cli, tmp_path / "output", "--content", str(FIXTURES / "site_small" / "content"),
              "--seeds", str(FIXTURES / "site_small" / "seeds"), "--config", str(config))
    built = Built(tmp_path / "output", "https://example.github.io/small/")
    local = [href for path in built.html if path != "404.html" for _, _, href in links(built.page(path))
             if not href.startswith(("http:", "https:", "mailto:", "#", "data:"))]
    assert local and not [h for h in local if h.partition("#")[0].endswith("/")]
    assert all((built.root / resolve(path, href)[0]).is_file() for path in built.html if path != "404.html"
               for _, _, href in links(built.page(path))
               if not href.startswith(("http:", "https:", "mailto:", "#", "data:")))
    # and by default every page is linked by its folder, as a web server serves it.
    run_build(run_cli, tmp_path / "folders", "--content", str(FIXTURES / "site_small" / "content"),
              "--seeds", str(FIXTURES / "site_small" / "seeds"), "--config", str(FIXTURES / "site_small" / "site.yaml"))
    home = Built(tmp_path / "folders", "https://example.github.io/small/").page("en/index.html")
    assert [a.get("href") for a in home.find("nav", class_="site-nav").iter("a")][:2] == ["timeline/", "documents/"]
