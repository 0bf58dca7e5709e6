"""Pages: what each page of the site shows, as plain data for the templates, in every interface language."""

from __future__ import annotations

import bisect
import copy
import dataclasses
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import partial
from typing import Any, Callable, Iterable, NamedTuple

import markupsafe

from site_builder import charts, i18n, markup, matching
from site_builder.config import Config
from site_builder.content import Corpus, Document, Event, sort_key
from site_builder.knowledge import Entity

DOC_SORTS = ("date", "title", "language", "outlet")
LATEST = 6
KEY_QUOTES = 6
TOP_ENTITIES = 10
# Every list is cut into pages of this many items, at stable addresses (…/page/2/), so that no
# page grows with the record: a phone on a slow link gets a page of tens of kilobytes.
ROWS_PER_PAGE = 200
"""Rows of the document index."""
PER_PAGE = 100
"""Items of a list whose items are long: quotes, the full events of a year page, an event's sources."""
LINES_PER_PAGE = 200
"""Documents or events of a list that gives each one line (topic, entity, year, outlet): a page of a
hundred lines is still a few tens of kilobytes, and the pages' own weight (head, navigation) halves."""
ENTITIES_PER_PAGE = 300
"""Names of the index of people, places and organizations."""
SHOWN = 5
"""The latest events, documents and quotes an entity's page (and a topic's hub) shows before linking to all."""
SOURCES_SHOWN = 5
"""Sources an event lists outside its own year page."""
SOURCES_ON_YEAR = 20
"""Sources an event lists on its year page; an event with more has pages of its own that list them all
(timeline/events/<id>/), so that a year page stays light however widely an event was reported."""
RELATED_SHOWN = 5
"""Other accounts a document's page lists."""
TIMELINE_ALL = 100
"""Up to this many events, the timeline's overview lists them all (besides the year pages)."""
STRIP_MAX = 600
"""Above this many events a strip shows no marks but the years."""
FILTER_ENTITIES = 150
"""The entity filter offers the names most documents give (a select of 10,000 names helps no one)."""
# Kinds of page that are about one document, topic or entity: a rebuild after an edit makes
# again only those of the documents, topics and entities it affects.
TITLE_ORDERED = frozenset({"document_index"})
"""The lists whose order rests on what lists show (titles): the others' pages show the same items
after an edit of that alone (Site.with_listed_documents)."""
FAMILY = {"document": "document", "topic": "topic", "topic_events": "topic", "entity": "entity",
          "entity_documents": "entity", "entity_events": "entity", "entity_quotes": "entity"}
# When a text is missing in the interface language, the next language that readers of it
# most often also read.
FALLBACK = {"en": ("en", "ru"), "ru": ("ru", "en"), "kk": ("kk", "ru", "en"), "az": ("az", "en", "ru")}


@dataclass(frozen=True)
class Page:
    """One HTML page to render."""

    route: str
    """Language-independent address below the language folder: '', 'documents/x/' …"""
    lang: str
    template: str
    context: dict[str, Any]

    @property
    def path(self) -> str:
        return f"{self.lang}/{self.route}index.html"


class PageSpec(NamedTuple):
    """One page before it is made: which Site method makes it, for what, in which language.

    (A named tuple, not a dataclass: a site of 10,000 documents plans 40,000 of them on every rebuild.)
    """

    kind: str
    """The Site method that makes it: 'document', 'topic', 'entity', 'home' …"""
    key: str | None
    """Which page of its kind: a document, topic or entity id, a sort order, with '/N' from its
    second page on; None if the kind has one page."""
    lang: str
    make: Callable[[], Page]
    about: str | None = None
    """The document, topic or entity a page of FAMILY is about."""
    items: Callable[[], tuple[str, ...]] | None = None
    """The ids of what one page of a list shows (documents, events and their sources), in order:
    a rebuild makes the page again only if they, or one of them, changed. None: every rebuild that
    touches its kind of page makes it."""


def route_path(lang: str, route: str) -> str:
    return f"{lang}/{route}index.html"


def page_route(route: str, n: int) -> str:
    """The address of page `n` of the list at `route`: the list's own for the first."""
    return route if n == 1 else f"{route}page/{n}/"


def page_count(total: int, per: int) -> int:
    return max(1, -(-total // per))


def pager(route: str, n: int, total: int, per: int) -> dict:
    """Where page `n` of a list of `total` items is among its pages, for the pager and rel=prev/next."""
    pages = page_count(total, per)
    near = {1, pages, *range(max(1, n - 2), min(pages, n + 2) + 1)}
    links: list[dict] = []
    for i in sorted(near):
        if links and i - links[-1]["n"] > 1:
            links.append({"n": None, "route": None, "current": False})  # a gap: …
        links.append({"n": i, "route": page_route(route, i), "current": i == n})
    return {"n": n, "pages": pages, "total": total, "first": min(total, (n - 1) * per + 1), "last": min(total, n * per),
            "prev": page_route(route, n - 1) if n > 1 else None,
            "next": page_route(route, n + 1) if n < pages else None, "links": links}


def paged(items: list, n: int, per: int) -> list:
    return items[(n - 1) * per:n * per]


ROW_ID = "row"
"""The `ids` of a list of rows (doc_summary): each row's "id"."""


def _page_items(listed: Callable[[], list], n: int, per: int,
                ids: Callable[[Any], tuple[str, ...]] | str | None) -> tuple[str, ...]:
    """The ids of what page `n` of a list shows, with the number of pages (a new last page changes every pager);
    `ids` gives an item's, None its id alone, ROW_ID a row's."""
    items = listed()
    shown = paged(items, n, per)
    # (Run for every page of every list on each rebuild after an edit: comprehensions, not a generator.)
    if ids is None:
        found = [x.id for x in shown]
    elif ids == ROW_ID:
        found = [x["id"] for x in shown]
    else:
        found = [i for x in shown for i in ids(x)]
    return (str(page_count(len(items), per)), *found)


class _Once:
    """A call made once: the second and later give what the first gave (PageSpec.items, shared by languages)."""

    __slots__ = ("make", "value")

    def __init__(self, make: Callable[[], tuple[str, ...]]):
        self.make: Callable[[], tuple[str, ...]] | None = make
        self.value: tuple[str, ...] = ()

    def __call__(self) -> tuple[str, ...]:
        if self.make is not None:
            self.value, self.make = self.make(), None
        return self.value


def _with_sources(ev: Event) -> tuple[str, ...]:
    """An event as a list shows it: with its sources, whose titles are on the page too."""
    return (ev.id, *ev.documents, *(s.document for s in ev.sources))


def year_route(year: str) -> str:
    """The timeline's page of a year; events without a date have theirs ('timeline/undated/')."""
    return f"timeline/{year or 'undated'}/"


def _below(folder: str, route: str, index: str = "index.html") -> str:
    """The link from a page at `folder` to `route` below it ('timeline/', 'timeline/2024/#e' → '2024/index.html#e',
    or '2024/#e' when `index` is '')."""
    target, _, fragment = route.partition("#")
    rel = target[len(folder):] + index
    return rel + (f"#{fragment}" if fragment else "")


def _slugs(names: list[str]) -> dict[str, str]:
    """An address for each name, unique among them, in the order given."""
    out: dict[str, str] = {}
    used = {"page"}
    for name in names:
        base = markup.slug(name, 60) or "outlet"
        slug, i = base, 2
        while slug in used:
            slug, i = f"{base}-{i}", i + 1
        used.add(slug)
        out[name] = slug
    return out


def pick(texts: dict[str, str], lang: str) -> dict[str, str]:
    """The text in `lang`, or in the best fallback language: {'text': …, 'lang': …}."""
    for candidate in FALLBACK[lang] + tuple(texts):
        if texts.get(candidate):
            return {"text": texts[candidate], "lang": candidate}
    return {"text": "", "lang": lang}


_ROW_KEYS: dict[str, Callable[[dict], tuple]] = {
    "date": lambda r: (r["date"]["iso"] == "", r["date"]["iso"], r["id"]),
    "title": lambda r: (markup.collation_key(r["title"]), r["id"]),
    "language": lambda r: (r["language_name"], r["date"]["iso"], r["id"]),
    "outlet": lambda r: (r["outlet"] == "", markup.collation_key(r["outlet"]), r["date"]["iso"], r["id"]),
}
"""The orders of the documents table (DOC_SORTS), each a key of a row (doc_summary)."""
INSERT_ROWS = 200
"""Up to how many changed documents a sorted table is made from the one before an edit."""


_INDEX_VIEWS = frozenset({"events shown", "topic counts", "filters", "mentioned"})
"""Views made from a site's indexes alone (no title, no summary): the same after an edit of those."""


class Site:
    """Turns the corpus into pages; indexes are built once and shared by every language."""

    def __init__(self, corpus: Corpus, config: Config):
        self.corpus, self.config = corpus, config
        self.k = corpus.knowledge
        self.docs = {d.id: d for d in corpus.documents}
        self.topics = {t.id: t for t in self.k.topics}
        self.events_of_doc: dict[str, list[Event]] = defaultdict(list)
        for ev in corpus.events:
            for d in dict.fromkeys([*ev.documents, *(s.document for s in ev.sources)]):
                self.events_of_doc[d].append(ev)
        self.docs_of_entity: dict[str, list[Document]] = defaultdict(list)
        self.quotes_of: dict[str, list[tuple[Document, Any]]] = defaultdict(list)
        for d in corpus.documents:
            for eid in dict.fromkeys(d.entities + tuple(q.speaker for q in d.quotes if q.speaker)):
                self.docs_of_entity[eid].append(d)
            for q in d.quotes:
                if q.speaker:
                    self.quotes_of[q.speaker].append((d, q))
        # Entities get a page when some document names them (outlets are shown as text).
        self.entities = [e for e in self.k.entities if e.id in self.docs_of_entity and e.type != "outlet"]
        self.entity_ids = {e.id for e in self.entities}
        self.same_event: dict[str, list[str]] = defaultdict(list)
        # Each list keeps its order; the sets beside them make the membership tests O(1), since an
        # event reported by k documents would otherwise cost k³ (a few hundred is common).
        seen: dict[str, set[str]] = defaultdict(set)

        def add(d: str, x: str) -> None:
            if x not in seen[d]:
                seen[d].add(x)
                self.same_event[d].append(x)

        for ev in corpus.events:
            members = list(ev.documents)
            for d in members:
                for x in members:
                    if x != d:
                        add(d, x)
        for d in corpus.documents:
            for r in d.related:
                add(d.id, r)
                add(r, d.id)
        # The timeline: a page (or pages) per year; where each event is.
        self.events_by_year: dict[str, list[Event]] = {}
        for ev in corpus.events:
            self.events_by_year.setdefault(ev.date[:4], []).append(ev)
        self.event_routes: dict[str, str] = {}
        for year, evs in self.events_by_year.items():
            for i, ev in enumerate(evs):
                self.event_routes[ev.id] = page_route(year_route(year), i // PER_PAGE + 1) + f"#event-{ev.id}"
        # An event with more sources than its year page lists has its own pages of sources.
        self.source_ids: dict[str, list[str]] = {
            ev.id: [x for x in dict.fromkeys([*(s.document for s in ev.sources), *ev.documents]) if x in self.docs]
            for ev in corpus.events}
        self.events = {ev.id: ev for ev in corpus.events}
        self.sources_routes = {eid: f"timeline/events/{eid}/" for eid, ids in self.source_ids.items()
                               if len(ids) > SOURCES_ON_YEAR}
        self.outlets: dict[str, list[Document]] = defaultdict(list)
        self.docs_by_year: dict[str, list[Document]] = defaultdict(list)
        for d in corpus.documents:
            if d.outlet:
                self.outlets[d.outlet].append(d)
            if d.date:
                self.docs_by_year[d.date[:4]].append(d)
        self.outlet_slugs = _slugs(sorted(self.outlets))
        # Views shown on many pages are made once per language and shared (never modified).
        self._memo: dict[tuple, Any] = {}
        # What this site chose, with what it rests on, for the site after an edit (carry_over).
        self._carry: dict[tuple, Any] = {}
        self._carried: dict[tuple, Any] = {}
        # The views of the site before an edit (its sorted rows), and the documents the edit changed (carry_over).
        self._previous: dict[tuple, Any] = {}
        self._unsame: set[str] = set()
        # The keys of _carried right for this site unchecked: what the site before an edit that left
        # every index as it was chose or checked (with_listed_documents).
        self._trusted: frozenset[tuple] = frozenset()

    def with_documents(self, docs: Iterable[Document]) -> Site:
        """This site with these documents in place of those of the same ids.

        Everything else (lists, indexes, the entities that have pages) is this site's: its own pages
        are right at once (serve writes them first, Builder._preview), and the whole site is right
        when the documents changed only in what their own pages show (Builder._body_update).
        """
        new = {d.id: d for d in docs}
        site = copy.copy(self)
        site.docs = {**self.docs, **new}
        site.corpus = dataclasses.replace(self.corpus, documents=tuple(new.get(d.id, d) for d in self.corpus.documents))
        site._memo = {}
        # Its tables: this site's, with the new documents' rows put where they now go.
        site._previous, site._unsame = self._memo, set(new)
        return site

    def with_listed_documents(self, docs: Iterable[Document]) -> Site:
        """This site with these documents in place of those of the same ids, where they changed only in
        what lists show of them (their titles, summaries, bodies: nothing an index or a count rests on).

        What a Site() of the new corpus would hold, made from this one: its indexes with the new
        documents in their lists, its views taken over where carry_over takes them, and those an
        index alone gives (which events each topic and entity shows, the filters' options, the counts).
        """
        new = {d.id: d for d in docs}
        site = self.with_documents(new.values())
        order = lambda d: (sort_key(d.date), d.id)  # noqa: E731  (the corpus's: Corpus.documents)

        def replaced(listed: list, doc: Callable[[Any], Document], put: Callable[[Any, Document], Any]) -> list:
            """`listed` (in the corpus's order, as Site() lists them) with the new documents in place of
            theirs, found where that order puts them (a person's 17,000 quotes are not looked through)."""
            out = list(listed)
            for d in new.values():
                i = bisect.bisect_left(out, order(d), key=lambda x: order(doc(x)))
                while i < len(out) and doc(out[i]).id == d.id:
                    out[i] = put(out[i], d)
                    i += 1
            return out

        def swap(listed: list[Document]) -> list[Document]:
            return replaced(listed, lambda x: x, lambda x, d: d)

        def swap_any(listed: list[Document]) -> list[Document]:
            return [new.get(d.id, d) for d in listed]

        site.docs_of_entity = defaultdict(list, self.docs_of_entity)
        site.quotes_of = defaultdict(list, self.quotes_of)
        site.outlets = defaultdict(list, self.outlets)
        site.docs_by_year = defaultdict(list, self.docs_by_year)
        for d in new.values():
            for eid in dict.fromkeys(d.entities + tuple(q.speaker for q in d.quotes if q.speaker)):
                site.docs_of_entity[eid] = swap(self.docs_of_entity[eid])
            for speaker in {q.speaker for q in d.quotes if q.speaker}:
                # (Their quotes are the same: a quote is not what lists alone show.)
                site.quotes_of[speaker] = replaced(self.quotes_of[speaker], lambda x: x[0], lambda x, d: (d, x[1]))
            if d.outlet:
                site.outlets[d.outlet] = swap(self.outlets[d.outlet])
            if d.date:
                site.docs_by_year[d.date[:4]] = swap(self.docs_by_year[d.date[:4]])
        site._memo, site._carry, site._carried = {}, {}, {}
        site._previous, site._unsame = {}, set()
        site.carry_over(self)
        # What this site chose from its indexes alone is what it would choose again: checking what
        # each choice rests on (every document's dates, topics, quotes) is the dear part of a hub.
        # (A document's topic evidence is in its extra fields: when that changed, all is checked.)
        if all(d.extra == self.docs[d.id].extra for d in new.values()):
            site._trusted = self._trusted | self._carry.keys()
        else:
            site._trusted = frozenset()
        # Its lists of documents: this site's, with the new documents in the lists that hold them.
        topics = {t for d in new.values() for t in d.topics}
        outlets = {d.outlet for d in new.values()}
        named = {eid for d in new.values() for eid in (*d.entities, *(q.speaker for q in d.quotes))}
        holds = {"topic docs": topics, "outlet docs": outlets, "entity docs": named}
        for key, view in self._memo.items():
            if key[0] in _INDEX_VIEWS:
                site._memo[key] = view
            elif key[0] in holds:
                site._memo[key] = swap_any(view) if key[1] in holds[key[0]] else view
        return site

    # ------------------------------------------------------------ small views

    def entity_link(self, eid: str, lang: str) -> dict:
        e = self.k.entity(eid)
        name = pick(e.name, lang) if e else {"text": eid, "lang": "en"}
        route = f"entities/{eid}/" if eid in self.entity_ids else None
        return {"id": eid, "name": name["text"], "name_lang": name["lang"], "route": route}

    def topic_link(self, tid: str, lang: str) -> dict:
        t = self.topics[tid]
        return {"id": tid, "name": pick(t.name, lang)["text"], "route": f"topics/{tid}/"}

    def _memoized(self, key: tuple, make: Callable[[], Any]) -> Any:
        try:
            return self._memo[key]
        except KeyError:
            value = self._memo[key] = make()
            return value

    def date_view(self, date: str | None, precision: str | None, lang: str) -> dict:
        return self._memoized(("date", date, precision, lang), partial(self._date_view, date, precision, lang))

    def _date_view(self, date: str | None, precision: str | None, lang: str) -> dict:
        return {"text": i18n.format_partial_date(date, precision, lang), "iso": date or "",
                "precision": precision or "", "year": date[:4] if date else ""}

    def text_language(self, d: Document) -> str:
        """The interface language whose page of `d` gives its whole text: the text's own, else the default."""
        return d.language if d.language in self.config.languages else self.config.default_language

    def text_page(self, d: Document) -> str:
        """The site path of the page with the whole text of `d` (paragraph links lead there: 'ru/documents/x/')."""
        return f"{self.text_language(d)}/documents/{d.id}/"

    def doc_summary(self, d: Document, lang: str) -> dict:
        return self._memoized(("doc", d.id, lang), partial(self._doc_summary, d, lang))

    def _doc_summary(self, d: Document, lang: str) -> dict:
        # The editor's translation of the title into the interface language comes first; the original
        # title is then shown beside it (original_title), marked with the text's language.
        translated = d.title_translations.get(lang) if lang != d.language else None
        summary = d.summary.get(lang)
        return {
            "id": d.id, "title": translated or d.title, "title_lang": lang if translated else d.language,
            "original_title": d.title if translated else "", "original_lang": d.language,
            "summary": summary or "", "route": f"documents/{d.id}/", "text_page": self.text_page(d),
            "date": self.date_view(d.date, d.date_precision, lang),
            "language": d.language, "language_name": i18n.TEXT_LANGUAGE_NAMES[lang][d.language],
            "outlet": d.outlet or "", "topics": [self.topic_link(t, lang) for t in d.topics],
            "entities": [e for e in d.entities], "year": d.date[:4] if d.date else "",
        }

    def event_view(self, ev: Event, lang: str) -> dict:
        return self._memoized(("event", ev.id, lang), partial(self._event_view, ev, lang))

    def _event_view(self, ev: Event, lang: str) -> dict:
        place = self.entity_link(ev.place, lang) if ev.place else None
        sources = []
        for s in ev.sources:
            d = self.docs.get(s.document)
            if d:
                sources.append({**self.doc_summary(d, lang), "paragraphs": list(s.paragraphs)})
        cited = {s.document for s in ev.sources}
        for doc_id in ev.documents:
            if doc_id not in cited and doc_id in self.docs:
                sources.append({**self.doc_summary(self.docs[doc_id], lang), "paragraphs": []})
        docs = [self.docs[s["id"]] for s in sources]
        return {
            "id": ev.id, "title": pick(ev.title, lang), "summary": pick(ev.summary, lang),
            "date": self.date_view(ev.date, ev.date_precision, lang), "place": place,
            "topics": [self.topic_link(t, lang) for t in ev.topics], "sources": sources,
            "year": ev.date[:4], "languages": sorted({d.language for d in docs}),
            "entities": sorted({e for d in docs for e in d.entities}),
            "route": self.event_routes[ev.id], "shown": SOURCES_SHOWN,
            "sources_route": self.sources_routes.get(ev.id), "on_year": SOURCES_ON_YEAR,
        }

    # ------------------------------------------------------------ pages

    def pages(self) -> list[Page]:
        return [spec.make() for spec in self.plan()]

    def document_spec(self, d: Document, lang: str) -> PageSpec:
        """The page of one document in one language, as plan() lists it (serve makes it first after an edit)."""
        return PageSpec("document", d.id, lang, partial(self.document, d, lang), d.id)

    def plan(self, documents: Callable[[str], bool] | None = None,
             subjects: Callable[[str, str], bool] | None = None, lists: bool = True) -> list[PageSpec]:
        """Every page, in build order, not yet made: a caller can make a subset, or spread them over processes.

        With `documents`, the pages of only the documents whose id it accepts (a rebuild after an edit
        needs a few of 40,000: every document has its pages, whether planned or not); with `subjects`,
        of only the topics and entities it accepts (its family, 'topic' or 'entity', and id); without
        `lists`, none of the other pages but those of TITLE_ORDERED lists."""
        out: list[PageSpec] = []

        def planned(kind: str) -> bool:
            return lists or kind in FAMILY or kind in TITLE_ORDERED

        # What a page shows is the same in every language but where a list is sorted by its words
        # (the documents table): it is found once for all of them.
        shared: dict[tuple, _Once] = {}

        def add(kind: str, lang: str, *args: Any, key: str | None = None, about: str | None = None,
                items: Callable[[], tuple[str, ...]] | None = None) -> None:
            if planned(kind):
                out.append(PageSpec(kind, key, lang, partial(getattr(self, kind), *args), about, items))

        def once(key: tuple, items: Callable[[], tuple[str, ...]]) -> _Once:
            found = shared.get(key)
            if found is None:
                found = shared[key] = _Once(items)
            return found

        def add_pages(kind: str, lang: str, listed: Callable[[], list], per: int, name: str, *args: Any,
                      about: str | None = None, ids: Callable[[Any], tuple[str, ...]] | str | None = None,
                      more_on_first: bool = False, by_language: bool = False) -> None:
            """The pages of a list of the items `listed` gives (each shown as `ids` tells); a first page
            that shows more than its items (`more_on_first`) is made again whenever its kind is. A list
            `by_language` has its own items in each language."""
            if not planned(kind):
                return
            for n in range(1, page_count(len(listed()), per) + 1):
                items = None if more_on_first and n == 1 else once(
                    (kind, name, n, lang if by_language else None), partial(_page_items, listed, n, per, ids))
                add(kind, lang, *args, n, lang, key=f"{name}/{n}", about=about, items=items)

        docs = self.corpus.documents
        with_sources = _with_sources
        for lang in self.config.languages:
            add("home", lang, lang)
            add("timeline", lang, lang)
            for year in self.events_by_year:
                add_pages("timeline_year", lang, partial(self.events_by_year.get, year), PER_PAGE, year, year,
                          ids=with_sources)
            for sort in DOC_SORTS:
                add_pages("document_index", lang, partial(self._sorted_rows, lang, sort), ROWS_PER_PAGE, sort, sort,
                          ids=ROW_ID, by_language=True)
            out.extend(self.document_spec(d, lang) for d in docs if documents is None or documents(d.id))
            add("outlet_index", lang, lang)
            for outlet in self.outlets:
                add_pages("outlet", lang, partial(self.outlet_docs, outlet), LINES_PER_PAGE, self.outlet_slugs[outlet], outlet)
            for year in self.docs_by_year:
                add_pages("year", lang, partial(self.docs_by_year.get, year), LINES_PER_PAGE, year, year)
            for eid in self.sources_routes:
                # Its pages show the event as well as their sources: an edit of either makes them again.
                add_pages("event_sources", lang, partial(self.source_ids.get, eid), PER_PAGE, eid, eid,
                          ids=lambda x, eid=eid: (eid, x))
            add("topic_index", lang, lang)
            for t in self.k.topics:
                if subjects is not None and not subjects("topic", t.id):
                    continue
                # The hub's first page shows its events, quotes and charts as well.
                add_pages("topic", lang, partial(self.topic_docs, t.id), LINES_PER_PAGE, t.id, t.id, about=t.id,
                          more_on_first=True)
                shown = self.topic_events_shown(t.id)
                if len(shown) > SHOWN:
                    add_pages("topic_events", lang, partial(self.topic_events_shown, t.id), LINES_PER_PAGE, t.id, t.id,
                              about=t.id, ids=with_sources)
            add_pages("entity_index", lang, lambda: self.entities, ENTITIES_PER_PAGE, "all",
                      ids=lambda e: (e.id, str(len(self.docs_of_entity[e.id]))))
            for e in self.entities:
                if subjects is not None and not subjects("entity", e.id):
                    continue
                add("entity", lang, e, lang, key=e.id, about=e.id,
                    items=once(("entity", e.id), partial(self._entity_items, e.id)))
                counts = self.entity_lists(e.id)
                if counts["documents"] > SHOWN:
                    add_pages("entity_documents", lang, partial(self.entity_docs, e.id), LINES_PER_PAGE, e.id, e,
                              about=e.id)
                if counts["events"] > SHOWN:
                    add_pages("entity_events", lang, partial(self.entity_events_shown, e.id), LINES_PER_PAGE, e.id, e,
                              about=e.id, ids=with_sources)
                if counts["quotes"] > SHOWN:
                    add_pages("entity_quotes", lang, partial(self.quotes_of.get, e.id), PER_PAGE, e.id, e, about=e.id,
                              ids=lambda x: (x[0].id, x[1].text))
            add("search", lang, lang)
        return out

    def outlet_docs(self, outlet: str) -> list[Document]:
        """An outlet's documents, newest first."""
        return self._memoized(("outlet docs", outlet), lambda: list(reversed(self.outlets[outlet])))

    def entity_docs(self, eid: str) -> list[Document]:
        """The documents naming an entity, newest first."""
        return self._memoized(("entity docs", eid), lambda: list(reversed(self.docs_of_entity[eid])))

    def topic_events_shown(self, tid: str) -> list[Event]:
        """The events a topic's pages show, in timeline order."""
        return self._events_shown()[0][tid]

    def entity_events_shown(self, eid: str) -> list[Event]:
        """The events an entity's pages show, in timeline order."""
        return self._events_shown()[1][eid]

    def entity_lists(self, eid: str) -> dict[str, int]:
        """How many documents, events and quotes an entity's page has to show."""
        return {"documents": len(self.docs_of_entity[eid]), "events": len(self.entity_events_shown(eid)),
                "quotes": len(self.quotes_of[eid])}

    def topic_docs(self, tid: str) -> list[Document]:
        """The documents of a topic, newest first."""
        return self._memoized(("topic docs", tid),
                              lambda: [d for d in reversed(self.corpus.documents) if tid in d.topics])

    def filter_options(self, lang: str) -> dict:
        """The values the timeline and document filters offer, in display order."""
        return self._memoized(("filters", lang), partial(self._filter_options, lang))

    def _filter_options(self, lang: str) -> dict:
        docs = self.corpus.documents
        years = sorted({d.date[:4] for d in docs if d.date} | {ev.date[:4] for ev in self.corpus.events if ev.date},
                       reverse=True)
        named = sorted(self.entities, key=lambda e: (-len(self.docs_of_entity[e.id]), e.id))[:FILTER_ENTITIES]
        entities = sorted((self.entity_link(e.id, lang) for e in named),
                          key=lambda x: (markup.collation_key(x["name"]), x["id"]))
        languages = sorted({d.language for d in docs})
        return {"topics": [self.topic_link(t.id, lang) for t in self.k.topics], "years": years,
                "languages": [{"id": x, "name": i18n.TEXT_LANGUAGE_NAMES[lang][x]} for x in languages],
                "entities": entities}

    def filter_index_files(self, what: str, encode: Callable[[Any], str]) -> dict[str, str]:
        """filter_indexes as files: {site path: text `encode` makes of it}. The events' are the ones made
        before an edit when every event shows as it did (carry_over): a document's edit leaves them so."""
        def make() -> dict[str, str]:
            return {f"data/index/{what}{'.' + lang if lang else ''}.json": encode(part)
                    for lang, part in self.filter_indexes(what).items()}

        if what != "events":
            return make()
        # What the events' index shows of their documents: languages and entities (_event_view).
        docs = self.docs

        def shown() -> tuple:
            return tuple(tuple((d.language, d.entities) for x in self.source_ids[ev.id] if (d := docs.get(x)))
                         for ev in self.corpus.events)

        return self._carried_value(("filter index", what, encode), lambda: (
            self.k, self.config, frozenset(self.entity_ids), self.corpus.events, self.event_routes, shown()), make)

    def filter_indexes(self, what: str) -> dict[str, dict]:
        """What the filters need to list the whole record without its pages: {'': the shared part
        (data/index/<what>.json), lang: that language's part (data/index/<what>.<lang>.json)}.

        The shared part holds the items in date (documents) or timeline (events) order, each as the
        site's default language shows it. Documents: [id, title, title's language, date, language,
        outlet, topics, entities]; events: [id, title, title's language, date, place, topics,
        languages, entities, address]. A date is a number into the shared "dates" ([ISO date,
        precision]); a place an entity id. A language's part holds what differs in that language: the
        names of topics, text languages and places, the dates as written ("dates", in the order of
        the shared list), the titles that differ ({item number: [title, language]}), and, for
        documents, the row order of each other sort. The script puts each item together as the page's
        language shows it. Each item is written once, not once per language.
        """
        cfg = self.config
        default = cfg.default_language
        dates: dict[tuple[str | None, str | None], int] = {}

        def date_ix(iso: str | None, precision: str | None) -> int:
            return dates.setdefault((iso, precision), len(dates))

        topics = lambda lang: {t.id: self.topic_link(t.id, lang)["name"] for t in self.k.topics}  # noqa: E731
        parts: dict[str, dict] = {lang: {"topics": topics(lang), "titles": {}} for lang in cfg.languages}
        if what == "documents":
            rows = {lang: self._sorted_rows(lang, "date") for lang in cfg.languages}
            position = {r["id"]: i for i, r in enumerate(rows[default])}
            by_id = {lang: {r["id"]: r for r in rs} for lang, rs in rows.items()}
            items = []
            for i, r in enumerate(rows[default]):
                d = self.docs[r["id"]]
                items.append([r["id"], r["title"], r["title_lang"], date_ix(d.date, d.date_precision),
                              r["language"], r["outlet"], [t["id"] for t in r["topics"]], r["entities"]])
                for lang in cfg.languages:
                    other = by_id[lang][r["id"]]
                    if (other["title"], other["title_lang"]) != (r["title"], r["title_lang"]):
                        parts[lang]["titles"][str(i)] = [other["title"], other["title_lang"]]
            for lang in cfg.languages:
                parts[lang]["languages"] = dict(i18n.TEXT_LANGUAGE_NAMES[lang])
                parts[lang]["order"] = {sort: [position[r["id"]] for r in self._sorted_rows(lang, sort)]
                                        for sort in DOC_SORTS if sort != "date"}
        else:
            items = []
            places: set[str] = set()
            for i, ev in enumerate(self.corpus.events):
                v = self.event_view(ev, default)
                if ev.place and v["place"]:
                    places.add(ev.place)
                items.append([v["id"], v["title"]["text"], v["title"]["lang"], date_ix(ev.date, ev.date_precision),
                              ev.place if v["place"] else "", [t["id"] for t in v["topics"]], v["languages"],
                              v["entities"], v["route"]])
                for lang in cfg.languages:
                    title = pick(ev.title, lang)
                    if (title["text"], title["lang"]) != (v["title"]["text"], v["title"]["lang"]):
                        parts[lang]["titles"][str(i)] = [title["text"], title["lang"]]
            for lang in cfg.languages:
                parts[lang]["places"] = {p: self.entity_link(p, lang)["name"] for p in sorted(places)}
        for lang in cfg.languages:
            parts[lang]["dates"] = [self.date_view(iso, precision, lang)["text"] for iso, precision in dates]
        return {"": {"dates": [[iso or "", precision or ""] for iso, precision in dates], "items": items}, **parts}

    def search(self, lang: str) -> Page:
        # The index is one for every language and its filters hold ids: the page names them.
        options = self.filter_options(lang)
        return Page("search/", lang, "search.html", {"labels": {"topic": options["topics"],
                                                                "language": options["languages"]}})

    def _years_chart(self, items: Callable[[], list[tuple[str, tuple[str, ...]]]], lang: str, title_key: str,
                     by_topic: bool = True, scope: str = "") -> dict:
        """Documents or events per year: all of them, then (`by_topic`) a panel per topic. (`items`
        gives the (year, topics) counted, only when the chart is not the one made before.)"""
        s = i18n.strings(lang)
        names = {t.id: pick(t.name, lang)["text"] for t in self.k.topics}
        what = "documents" if title_key.startswith("chart_docs") else "events"
        keys = [t.id for t in self.k.topics] if by_topic else []
        # Counting 10,000 items is the dear part of a home or hub page: after an edit that leaves the
        # years and topics as they were (a title's), the chart drawn before it is taken over.
        def counted() -> tuple:
            return self._memoized(("chart items", title_key, by_topic, scope), lambda: tuple(items()))

        chart = self._carried_value(("chart", lang, title_key, by_topic, scope),
                                    lambda: (counted(), tuple(keys), tuple(names.items())),
                                    lambda: charts.small_multiples(list(counted()), keys, names, s[title_key], s,
                                                                   s[f"unit_{what}"]))
        return {**chart, "note": s[f"chart_note_{what}"] if by_topic else ""}

    def _carried_value(self, key: tuple, rests_on: Callable[[], Any], make: Callable[[], Any]) -> Any:
        """What `make` gives, or what the site before an edit made for `key` from the same `rests_on()`
        (carry_over), or unchecked where that is known to be the same (_trusted)."""
        known = self._carried.get(key)
        if known is not None and key in self._trusted:
            self._carry[key] = known
            return known[1]
        basis = rests_on()
        value = known[1] if known is not None and known[0] == basis else make()
        self._carry[key] = (basis, value)
        return value

    def _topic_counts(self) -> Counter:
        """How many documents each topic has."""
        return self._memoized(("topic counts",), lambda: Counter(t for d in self.corpus.documents for t in d.topics))

    def home(self, lang: str) -> Page:
        events = list(self.corpus.events)
        latest = [self.event_view(ev, lang) for ev in reversed(events[-LATEST:])]
        topic_counts = self._topic_counts()
        hubs = [{**self.topic_link(t.id, lang), "count": topic_counts[t.id], "intro": pick(t.intro, lang)}
                for t in self.k.topics]
        counts = {"documents": len(self.corpus.documents), "events": len(events),
                  "entities": len(self.entities), "languages": len({d.language for d in self.corpus.documents})}
        chart = self._years_chart(lambda: [(ev.date[:4], ev.topics) for ev in events], lang, "chart_title")
        doc_chart = self._years_chart(lambda: [(d.date[:4], d.topics) for d in self.corpus.documents if d.date],
                                      lang, "chart_docs_title")
        return Page("", lang, "home.html", {"latest": latest, "hubs": hubs, "counts": counts, "chart": chart,
                                            "doc_chart": doc_chart})

    def timeline(self, lang: str) -> Page:
        """The overview: the chart, the strip, the years with their pages; every event too while they are few."""
        events = self.corpus.events
        everything = len(events) <= TIMELINE_ALL
        undated = i18n.strings(lang)["undated"]
        years = [{"year": y, "label": y or undated, "count": len(evs), "route": year_route(y),
                  "events": [self.event_view(ev, lang) for ev in evs] if everything else []}
                 for y, evs in self.events_by_year.items()]
        chart = self._years_chart(lambda: [(ev.date[:4], ev.topics) for ev in events], lang, "chart_title")
        return Page("timeline/", lang, "timeline.html",
                    {"years": years, "everything": everything, "chart": chart,
                     "filters": self.filter_options(lang), "strip": self._strip(lang, everything),
                     "index": "events"})

    def timeline_year(self, year: str, n: int, lang: str) -> Page:
        evs = self.events_by_year[year]
        route = year_route(year)
        years = list(self.events_by_year)
        i = years.index(year)
        undated = i18n.strings(lang)["undated"]
        near = {"prev": year_route(years[i - 1]) if i else None, "prev_year": (years[i - 1] or undated) if i else "",
                "next": year_route(years[i + 1]) if i + 1 < len(years) else None,
                "next_year": (years[i + 1] or undated) if i + 1 < len(years) else ""}
        return Page(page_route(route, n), lang, "timeline_year.html",
                    {"year": year, "year_label": year or undated, "events": [self.event_view(ev, lang) for ev in paged(evs, n, PER_PAGE)],
                     "pager": pager(route, n, len(evs), PER_PAGE), "years": near})

    def _strip(self, lang: str, here: bool) -> dict:
        """The timeline strip of every event, with its legend of topic colours; its marks lead to the
        events on this page (`here`) or on their year's pages."""
        s = i18n.strings(lang)
        events = self.corpus.events
        colour = charts.colours([t.id for t in self.k.topics])
        views = [self.event_view(ev, lang) for ev in events] if len(events) <= STRIP_MAX else []
        index = self.config.folder_page

        def mark(e: dict) -> str:
            if here:
                return f"#event-{e['id']}"
            return _below("timeline/", self.event_routes[e["id"]], index)

        def year(y: int) -> str:
            return f"#y-{y}" if here else f"{y}/{index}"

        strip = charts.timeline_strip(
            [{"id": v["id"], "date": v["date"]["iso"], "precision": v["date"]["precision"],
              "topics": [t["id"] for t in v["topics"]], "title": v["title"]["text"], "title_lang": v["title"]["lang"],
              "date_text": v["date"]["text"]} for v in views], colour, s["strip_label"], lang, mark, year)
        used = {t for ev in events for t in ev.topics} if views else set()
        legend = [{"name": pick(t.name, lang)["text"], "swatch": charts.swatch(colour[t.id])}
                  for t in self.k.topics if t.id in used]
        return {**strip, "legend": legend}

    def _sorted_rows(self, lang: str, sort: str) -> list[dict]:
        return self._memoized(("rows", lang, sort), partial(self._sort_rows, lang, sort))

    def _sort_rows(self, lang: str, sort: str) -> list[dict]:
        # Each key ends with the id: the order is total, the same however the rows come to it.
        key = _ROW_KEYS[sort]
        previous = self._previous.get(("rows", lang, sort))
        if previous is not None and len(self._unsame) <= INSERT_ROWS:
            # After an edit of a few documents, the rows before it with theirs taken out and put in
            # again where they now go: the rows of the other documents are the same (carry_over).
            rows = list(previous)
            for i in sorted(self._unsame):
                # (Found where their key puts them; by a look at every row if a row is not its view.)
                old = self._previous.get(("doc", i, lang))
                j = bisect.bisect_left(rows, key(old), key=key) if old is not None else len(rows)
                if j < len(rows) and rows[j] is old:
                    del rows[j]
                else:
                    rows = [r for r in rows if r["id"] != i]
            for i in sorted(self._unsame & self.docs.keys()):
                bisect.insort(rows, self.doc_summary(self.docs[i], lang), key=key)
            return rows
        rows = [self.doc_summary(d, lang) for d in self.corpus.documents]
        rows.sort(key=key)
        return rows

    def document_index(self, sort: str, n: int, lang: str) -> Page:
        rows = self._sorted_rows(lang, sort)
        route = "documents/" if sort == "date" else f"documents/by-{sort}/"
        sorts = [{"key": k, "route": "documents/" if k == "date" else f"documents/by-{k}/"} for k in DOC_SORTS]
        return Page(page_route(route, n), lang, "documents.html",
                    {"rows": paged(rows, n, ROWS_PER_PAGE), "sort": sort, "sorts": sorts,
                     "filters": self.filter_options(lang), "pager": pager(route, n, len(rows), ROWS_PER_PAGE),
                     "index": "documents"})

    def _doc_list(self, route: str, docs: list[Document], n: int, lang: str, heading: str, **extra: Any) -> Page:
        """A paginated list of documents (a year's, an outlet's, a topic's or an entity's)."""
        return Page(page_route(route, n), lang, "list.html",
                    {"heading": heading, "what": "documents", "back": extra.pop("back", None), "subject": None,
                     "items": [self.doc_summary(d, lang) for d in paged(docs, n, LINES_PER_PAGE)],
                     "pager": pager(route, n, len(docs), LINES_PER_PAGE), **extra})

    def event_sources(self, eid: str, n: int, lang: str) -> Page:
        """The pages of every source of a widely reported event, with the paragraphs each cites."""
        view = self.event_view(self.events[eid], lang)
        route = self.sources_routes[eid]
        cited = {s["id"]: s for s in view["sources"]}
        ids = self.source_ids[eid]
        return Page(page_route(route, n), lang, "list.html",
                    {"heading": i18n.strings(lang)["sources"], "what": "sources", "subject": view["title"],
                     "back": {"route": view["route"], "text": view["title"]["text"], "lang": view["title"]["lang"]},
                     "event": view, "items": [cited[x] for x in paged(ids, n, PER_PAGE)],
                     "pager": pager(route, n, len(ids), PER_PAGE)})

    def outlet_index(self, lang: str) -> Page:
        outlets = [{"name": o, "count": len(docs), "route": f"outlets/{self.outlet_slugs[o]}/"}
                   for o, docs in self.outlets.items()]
        outlets.sort(key=lambda x: (markup.collation_key(x["name"]), x["name"]))
        years = [{"year": y, "count": len(docs), "route": f"years/{y}/"}
                 for y, docs in sorted(self.docs_by_year.items(), reverse=True)]
        return Page("outlets/", lang, "outlets.html", {"outlets": outlets, "years": years})

    def outlet(self, outlet: str, n: int, lang: str) -> Page:
        docs = self.outlet_docs(outlet)
        heading = i18n.strings(lang)["documents_of_outlet"].replace("{outlet}", outlet)
        return self._doc_list(f"outlets/{self.outlet_slugs[outlet]}/", docs, n, lang, heading,
                              back={"route": "outlets/", "text": i18n.strings(lang)["outlets"], "lang": lang})

    def year(self, year: str, n: int, lang: str) -> Page:
        docs = self.docs_by_year[year]
        heading = i18n.strings(lang)["documents_of_year"].replace("{year}", year)
        return self._doc_list(f"years/{year}/", docs, n, lang, heading, back={"route": "outlets/", "text": i18n.strings(lang)["by_year"], "lang": lang})

    def document(self, d: Document, lang: str) -> Page:
        others = [x for x in self.same_event[d.id] if x in self.docs]
        same = [self.doc_summary(self.docs[x], lang) for x in others[:RELATED_SHOWN]]
        quotes_by_para: dict[int, list] = defaultdict(list)
        for q in d.quotes:
            if q.paragraph:
                quotes_by_para[q.paragraph].append(q)
        # The whole text is given once, on the page in its own language (text_language); the pages in
        # the other interface languages give its opening paragraph and lead there.
        full = self.text_language(d) == lang
        made: dict[int, dict] = {}

        def paragraph(n: int) -> dict:
            # (Made only where shown, or where a quote is looked for: a page without the text needs few.)
            if n not in made:
                marks = [(q.text, self.entity_link(q.speaker, lang)["name"] if q.speaker else "")
                         for q in quotes_by_para[n]]
                made[n] = {"n": n, "html": markup.paragraph_html(d.paragraphs[n - 1], marks),
                           "leftover": n in d.leftovers}
            return made[n]

        numbers = range(1, len(d.paragraphs) + 1)
        paragraphs = [paragraph(n) for n in numbers] if full else []
        # The opening: the first paragraph that is not a leftover of the web page (else the first).
        opening = next((n for n in numbers if n not in d.leftovers), 1 if d.paragraphs else None)
        lead = paragraph(opening) if opening and not full else None
        # A quote marked in its paragraph is listed by its speaker and paragraph, not given twice.
        quotes = [{"speaker": self.entity_link(q.speaker, lang) if q.speaker else None, "text": q.text,
                   "paragraph": q.paragraph,
                   "marked": bool(q.paragraph and q.text and 0 < q.paragraph <= len(d.paragraphs)
                                  and str(markupsafe.escape(q.text)) in paragraph(q.paragraph)["html"])}
                  for q in d.quotes]
        events = [self.event_view(ev, lang) for ev in self.events_of_doc[d.id]]
        ctx = {
            "doc": self.doc_summary(d, lang),
            "date_evidence": d.date_evidence or "",
            "outlet_cites": d.outlet_cites or "",
            "people": [self.entity_link(e, lang) for e in d.people],
            "places": [self.entity_link(e, lang) for e in d.places],
            "organizations": [self.entity_link(e, lang) for e in d.organizations],
            "paragraphs": paragraphs, "full": full, "lead": lead,
            "paragraph_count": len(d.paragraphs),
            "text_language": self.text_language(d),
            "quotes": quotes, "same_event": same, "events": events,
            "more_related": len(others) - len(same),
            "seed": {"name": d.seed, "sha256": d.seed_sha256 or ""},
            "citation": {"csl": f"data/cite/{d.id}.json", "bib": f"data/cite/{d.id}.bib"},
        }
        return Page(f"documents/{d.id}/", lang, "document.html", ctx)

    def topic_index(self, lang: str) -> Page:
        counts = self._topic_counts()
        topics = [{**self.topic_link(t.id, lang), "count": counts[t.id], "intro": pick(t.intro, lang)}
                  for t in self.k.topics]
        return Page("topics/", lang, "topics.html", {"topics": topics})

    def topic(self, tid: str, n: int, lang: str) -> Page:
        """A topic's hub: its charts, latest events, key quotes and most named, then its documents, a page
        at a time (the pages after the first list only documents)."""
        t = self.topics[tid]
        docs = self.topic_docs(tid)
        route = f"topics/{tid}/"
        ctx: dict[str, Any] = {
            "topic": {**self.topic_link(tid, lang), "intro": pick(t.intro, lang)},
            "documents": [self.doc_summary(d, lang) for d in paged(docs, n, LINES_PER_PAGE)],
            "pager": pager(route, n, len(docs), LINES_PER_PAGE)}
        if n == 1:
            shown = self.topic_events_shown(tid)
            mentioned = self._mentioned(tid, docs)
            top = [{**self.entity_link(e, lang), "count": c}
                   for e, c in sorted(mentioned.items(), key=lambda x: (-x[1], x[0]))[:TOP_ENTITIES]]
            quotes = [{"speaker": self.entity_link(q.speaker, lang), "text": q.text, "paragraph": q.paragraph,
                       "doc": self.doc_summary(d, lang)} for d, q in self.key_quotes(tid)]
            # On a topic's page every item is on the topic: one panel each, no panels of other topics.
            chart = self._years_chart(lambda: [(d.date[:4], ()) for d in docs if d.date], lang, "chart_docs_year",
                                      False, tid)
            event_chart = self._years_chart(lambda: [(ev.date[:4], ()) for ev in shown], lang, "chart_events_year",
                                            False, tid)
            entity_chart = charts.bars([(x["name"], x["count"]) for x in top], i18n.strings(lang)["most_mentioned"])
            ctx.update({"events": [self.event_view(ev, lang) for ev in shown[-SHOWN:]],
                        "events_total": len(shown), "events_route": f"{route}events/" if len(shown) > SHOWN else None,
                        "quotes": quotes, "top_entities": top, "chart": chart, "event_chart": event_chart,
                        "entity_chart": entity_chart})
        return Page(page_route(route, n), lang, "topic.html", ctx)

    def _mentioned(self, tid: str, docs: list[Document]) -> Counter:
        """How many of a topic's documents name each entity that has a page."""
        def count() -> Counter:
            return Counter(e for d in docs for e in dict.fromkeys(d.entities) if e in self.entity_ids)

        return self._memoized(("mentioned", tid), lambda: self._carried_value(
            ("mentioned", tid), lambda: (tuple((d.id, d.entities) for d in docs), frozenset(self.entity_ids)), count))

    def topic_events(self, tid: str, n: int, lang: str) -> Page:
        shown = self.topic_events_shown(tid)
        route = f"topics/{tid}/events/"
        name = pick(self.topics[tid].name, lang)["text"]
        return Page(page_route(route, n), lang, "list.html",
                    {"heading": f'{i18n.strings(lang)["topic_timeline"]}: {name}', "what": "events",
                     "back": {"route": f"topics/{tid}/", "text": name, "lang": lang}, "subject": None,
                     "items": [self.event_view(ev, lang) for ev in paged(shown, n, LINES_PER_PAGE)],
                     "pager": pager(route, n, len(shown), LINES_PER_PAGE)})

    def key_quotes(self, tid: str) -> list[tuple[Document, Any]]:
        """The quotes about topic `tid`: their own words carry the topic's evidence (a keyword, or a
        word the entry's topic_evidence gives), most evidence first, newest first, one per document."""
        return self._memoized(("key quotes", tid), partial(self._key_quotes, tid))

    def _key_quotes(self, tid: str) -> list[tuple[Document, Any]]:
        # Finding the topic's words in every quote of its documents is the dearest part of a hub:
        # a site made after an edit takes the choice its predecessor made when what it rests on
        # (the documents of the topic, their quotes and evidence) is the same (carry_over).
        chosen = self._carried_value(
            ("key quotes", tid),
            lambda: tuple((d.id, d.quotes, (d.extra.get("topic_evidence") or {}).get(tid)) for d in self.topic_docs(tid)),
            lambda: self._choose_key_quotes(tid, self.topic_docs(tid)))
        return [(self.docs[i], self.docs[i].quotes[j]) for i, j in chosen]

    def carry_over(self, previous: Site) -> None:
        """Take what `previous` (the site before an edit, with the same knowledge) chose that this site
        would choose again from the same inputs; each use checks that the inputs are the same.

        The views of what the edit left as it was are taken over too (the same objects, so that the
        lines rendered from them are known, render.LineCache): a date's; a document's whose entry is the
        same; an event's whose entry, sources, address and places are."""
        self._carried = {**previous._carried, **previous._carry}
        if previous.k != self.k or previous.config != self.config:
            return
        same_docs = {i for i, d in self.docs.items() if previous.docs.get(i) is d}
        same_entities = previous.entity_ids == self.entity_ids
        # The documents in one site and not the same in the other.
        unsame = self._unsame = (self.docs.keys() | previous.docs.keys()) - same_docs
        self._previous = previous._memo
        same_event: dict[str, bool] = {}  # (each event has a view per language: judged once)

        def event_same(eid: str) -> bool:
            ev, before = self.events.get(eid), previous.events.get(eid)
            return (ev is not None and (before is ev or before == ev)
                    and unsame.isdisjoint(ev.documents) and unsame.isdisjoint(s.document for s in ev.sources)
                    and previous.event_routes.get(eid) == self.event_routes.get(eid)
                    and previous.sources_routes.get(eid) == self.sources_routes.get(eid))

        memo = self._memo
        for key, view in previous._memo.items():
            kind = key[0]
            if kind == "doc":
                if key[1] not in unsame:
                    memo[key] = view
            elif kind == "event":
                if same_entities:
                    eid = key[1]
                    same = same_event.get(eid)
                    if same is None:
                        same = same_event[eid] = event_same(eid)
                    if same:
                        memo[key] = view
            elif kind == "date":
                memo[key] = view

    def take_carry(self) -> dict[tuple, Any]:
        """What this site chose since the last call (a render process sends it to the build, keep_carry)."""
        taken, self._carry = self._carry, {}
        self._carried = {**self._carried, **taken} if taken else self._carried
        return taken

    def keep_carry(self, chosen: dict[tuple, Any]) -> None:
        """Take what a render process chose for this site, for the site after the next edit (carry_over)."""
        self._carry.update(chosen)

    def _choose_key_quotes(self, tid: str, docs: list[Document]) -> list[tuple[str, int]]:
        """(document id, quote number) of the key quotes of `tid` among `docs` (newest first)."""
        found = []
        for d in docs:
            evidence = (d.extra.get("topic_evidence") or {}).get(tid) or []
            # Each document's best quote is carried over on its own: after an edit, only the edited
            # documents' quotes are searched again.
            rests_on = (d.quotes, evidence)
            known = self._carried.get(("key quote", tid, d.id))
            if known is not None and known[0] == rests_on:
                best = known[1]
            else:
                best = self._best_quote(tid, d, evidence)
            self._carry[("key quote", tid, d.id)] = (rests_on, best)
            if best:
                found.append((best[0], len(found), d.id, best[1]))
        found.sort(key=lambda x: (-x[0], x[1]))
        return [(i, j) for _, _, i, j in found[:KEY_QUOTES]]

    def _best_quote(self, tid: str, d: Document, evidence: list) -> tuple[int, int] | None:
        """(evidence found, quote number) of the quote of `d` with the most evidence of `tid`."""
        words = {" ".join(matching.fold(w).split()) for w in evidence if isinstance(w, str) and w.strip()}
        best = None
        for j, q in enumerate(d.quotes):
            if not q.speaker:
                continue
            text = " ".join(matching.fold(q.text).split())
            hits = {w for w in words if w in text}
            hits |= {m.key for m in self._topic_words().find(q.text) if m.key.split("\t")[0] == tid}
            if hits and (best is None or len(hits) > best[0]):
                best = (len(hits), j)
        return best

    def _topic_words(self) -> matching.Matcher:
        return self._memoized(("topic words",), lambda: matching.Matcher(
            (kw, f"{t.id}\t{kw}") for t in self.k.topics for words in t.keywords.values() for kw in words))

    def _events_shown(self) -> tuple[dict[str, list[Event]], dict[str, list[Event]]]:
        """The events a topic's page shows (those of the topic) and those an
        entity's page shows (at its place, or reported by a document naming it), in timeline order."""
        return self._memoized(("events shown",), self._index_events_shown)

    def _index_events_shown(self) -> tuple[dict[str, list[Event]], dict[str, list[Event]]]:
        by_topic: dict[str, list[Event]] = defaultdict(list)
        by_entity: dict[str, list[Event]] = defaultdict(list)
        for ev in self.corpus.events:
            topics, entities = self.showing(ev)
            for t in topics:
                by_topic[t].append(ev)
            for e in entities:
                by_entity[e].append(ev)
        return by_topic, by_entity

    def showing(self, ev: Event) -> tuple[tuple[str, ...], tuple[str, ...]]:
        """The topics and the entities whose pages show `ev` (a rebuild after a change re-renders them).

        A topic's page shows the events of that topic only, not every event a document on it reports.
        """
        docs = [self.docs[x] for x in dict.fromkeys(ev.documents) if x in self.docs]
        topics = dict.fromkeys(ev.topics)
        named = (e for d in docs for e in d.entities + tuple(q.speaker for q in d.quotes if q.speaker))
        entities = dict.fromkeys(e for e in (ev.place, *named) if e)
        return tuple(topics), tuple(entities)

    def entity_index(self, n: int, lang: str) -> Page:
        """People, then places, then organizations, by name, a page of ENTITIES_PER_PAGE at a time."""
        order = {"person": 0, "place": 1, "organization": 2}
        entries = sorted(({**self.entity_link(e.id, lang), "count": len(self.docs_of_entity[e.id]), "type": e.type}
                          for e in self.entities if e.type in order),
                         key=lambda x: (order[x["type"]], markup.collation_key(x["name"]), x["id"]))
        page = paged(entries, n, ENTITIES_PER_PAGE)
        groups = []
        for etype, key in (("person", "people"), ("place", "places"), ("organization", "organizations")):
            items = [x for x in page if x["type"] == etype]
            if items or len(entries) <= ENTITIES_PER_PAGE:
                groups.append({"type": etype, "label_key": key, "entries": items})
        return Page(page_route("entities/", n), lang, "entities.html",
                    {"groups": groups, "pager": pager("entities/", n, len(entries), ENTITIES_PER_PAGE)})

    def entity(self, e: Entity, lang: str) -> Page:
        """An entity's page: who or what it is, how often the record names it, the latest few of its
        quotes, documents and events, and links to all of them."""
        route = f"entities/{e.id}/"
        docs = self.docs_of_entity[e.id]
        evs = self.entity_events_shown(e.id)
        quotes = self.quotes_of[e.id]
        other_names = sorted({n for n in e.name.values()} - {pick(e.name, lang)["text"]})
        counts = self.entity_lists(e.id)
        ctx = {"entity": {**self.entity_link(e.id, lang), "type": e.type, "kind": e.kind,
                          "description": pick(e.description, lang), "other_names": other_names},
               "documents": [self.doc_summary(d, lang) for d in list(reversed(docs))[:SHOWN]],
               "quotes": [self._quote_view(d, q, lang) for d, q in quotes[-SHOWN:]],
               "events": [self.event_view(ev, lang) for ev in evs[-SHOWN:]],
               "counts": counts,
               "all": {k: f"{route}{k}/" if total > SHOWN else None for k, total in counts.items()}}
        return Page(route, lang, "entity.html", ctx)

    def _entity_items(self, eid: str) -> tuple[str, ...]:
        """What an entity's page shows (PageSpec.items): its counts, then its latest documents, quotes
        and events, as entity() picks them."""
        counts = self.entity_lists(eid)
        docs = self.docs_of_entity[eid][-SHOWN:]
        quotes = self.quotes_of[eid][-SHOWN:]
        evs = self.entity_events_shown(eid)[-SHOWN:]
        return (str(counts["documents"]), str(counts["events"]), str(counts["quotes"]), *(d.id for d in docs),
                "", *(f"{d.id}/{q.paragraph}" for d, q in quotes), "", *(i for ev in evs for i in _with_sources(ev)))

    def _quote_view(self, d: Document, q: Any, lang: str) -> dict:
        return {"text": q.text, "paragraph": q.paragraph, "doc": self.doc_summary(d, lang)}

    def _entity_list(self, e: Entity, what: str, items: list, n: int, lang: str, view: Callable) -> Page:
        route = f"entities/{e.id}/{what}/"
        name = pick(e.name, lang)
        heading = {"documents": "mentioned_in", "events": "events_with", "quotes": "their_quotes"}[what]
        size = PER_PAGE if what == "quotes" else LINES_PER_PAGE
        return Page(page_route(route, n), lang, "list.html",
                    {"heading": i18n.strings(lang)[heading], "what": what, "subject": name,
                     "back": {"route": f"entities/{e.id}/", "text": name["text"], "lang": name["lang"]},
                     "items": [view(x) for x in paged(items, n, size)],
                     "pager": pager(route, n, len(items), size)})

    def entity_documents(self, e: Entity, n: int, lang: str) -> Page:
        docs = self.entity_docs(e.id)
        return self._entity_list(e, "documents", docs, n, lang, lambda d: self.doc_summary(d, lang))

    def entity_events(self, e: Entity, n: int, lang: str) -> Page:
        evs = self.entity_events_shown(e.id)
        return self._entity_list(e, "events", evs, n, lang, lambda ev: self.event_view(ev, lang))

    def entity_quotes(self, e: Entity, n: int, lang: str) -> Page:
        quotes = self.quotes_of[e.id]
        return self._entity_list(e, "quotes", quotes, n, lang, lambda x: self._quote_view(x[0], x[1], lang))
