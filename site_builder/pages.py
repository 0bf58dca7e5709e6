"""Pages: what each page of the site shows, as plain data for the templates, in every interface language."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import partial
from typing import Any, Callable, NamedTuple

from site_builder import charts, i18n, markup, matching
from site_builder.config import Config
from site_builder.content import Corpus, Document, Event
from site_builder.knowledge import Entity

DOC_SORTS = ("date", "title", "language", "outlet")
LATEST = 6
KEY_QUOTES = 6
TOP_ENTITIES = 10
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
    """Which page of its kind: a document, topic or entity id, a sort order; None if the kind has one page."""
    lang: str
    make: Callable[[], Page]


def route_path(lang: str, route: str) -> str:
    return f"{lang}/{route}index.html"


def pick(texts: dict[str, str], lang: str) -> dict[str, str]:
    """The text in `lang`, or in the best fallback language: {'text': …, 'lang': …}."""
    for candidate in FALLBACK[lang] + tuple(texts):
        if texts.get(candidate):
            return {"text": texts[candidate], "lang": candidate}
    return {"text": "", "lang": lang}


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
        # Views shown on many pages are made once per language and shared (never modified).
        self._memo: dict[tuple, Any] = {}

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
            "summary": summary or "", "route": f"documents/{d.id}/",
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
        }

    # ------------------------------------------------------------ pages

    def pages(self) -> list[Page]:
        return [spec.make() for spec in self.plan()]

    def plan(self) -> list[PageSpec]:
        """Every page, in build order, not yet made: a caller can make a subset, or spread them over processes."""
        out: list[PageSpec] = []

        def add(kind: str, lang: str, *args: Any, key: str | None = None) -> None:
            out.append(PageSpec(kind, key, lang, partial(getattr(self, kind), *args)))

        for lang in self.config.languages:
            add("home", lang, lang)
            add("timeline", lang, lang)
            for sort in DOC_SORTS:
                add("document_index", lang, lang, sort, key=sort)
            document = self.document
            out.extend(PageSpec("document", d.id, lang, partial(document, d, lang)) for d in self.corpus.documents)
            add("topic_index", lang, lang)
            for t in self.k.topics:
                add("topic", lang, t.id, lang, key=t.id)
            add("entity_index", lang, lang)
            for e in self.entities:
                add("entity", lang, e, lang, key=e.id)
            add("search", lang, lang)
        return out

    def filter_options(self, lang: str) -> dict:
        """The values the timeline and document filters offer, in display order."""
        return self._memoized(("filters", lang), partial(self._filter_options, lang))

    def _filter_options(self, lang: str) -> dict:
        docs = self.corpus.documents
        years = sorted({d.date[:4] for d in docs if d.date} | {ev.date[:4] for ev in self.corpus.events}, reverse=True)
        entities = sorted((self.entity_link(e.id, lang) for e in self.entities),
                          key=lambda x: (markup.collation_key(x["name"]), x["id"]))
        languages = sorted({d.language for d in docs})
        return {"topics": [self.topic_link(t.id, lang) for t in self.k.topics], "years": years,
                "languages": [{"id": x, "name": i18n.TEXT_LANGUAGE_NAMES[lang][x]} for x in languages],
                "entities": entities}

    def search(self, lang: str) -> Page:
        # The index is one for every language and its filters hold ids: the page names them.
        options = self.filter_options(lang)
        return Page("search/", lang, "search.html", {"labels": {"topic": options["topics"],
                                                                "language": options["languages"]}})

    def _years_chart(self, items: list[tuple[str, tuple[str, ...]]], lang: str, title_key: str,
                     by_topic: bool = True) -> dict:
        """Documents or events per year: all of them, then (`by_topic`) a panel per topic."""
        s = i18n.strings(lang)
        names = {t.id: pick(t.name, lang)["text"] for t in self.k.topics}
        what = "documents" if title_key.startswith("chart_docs") else "events"
        keys = [t.id for t in self.k.topics] if by_topic else []
        chart = charts.small_multiples(items, keys, names, s[title_key], s, s[f"unit_{what}"])
        return {**chart, "note": s[f"chart_note_{what}"] if by_topic else ""}

    def home(self, lang: str) -> Page:
        events = list(self.corpus.events)
        latest = [self.event_view(ev, lang) for ev in reversed(events[-LATEST:])]
        topic_counts = Counter(t for d in self.corpus.documents for t in d.topics)
        hubs = [{**self.topic_link(t.id, lang), "count": topic_counts[t.id], "intro": pick(t.intro, lang)}
                for t in self.k.topics]
        counts = {"documents": len(self.corpus.documents), "events": len(events),
                  "entities": len(self.entities), "languages": len({d.language for d in self.corpus.documents})}
        chart = self._years_chart([(ev.date[:4], ev.topics) for ev in events], lang, "chart_title")
        doc_chart = self._years_chart([(d.date[:4], d.topics) for d in self.corpus.documents if d.date], lang,
                                      "chart_docs_title")
        return Page("", lang, "home.html", {"latest": latest, "hubs": hubs, "counts": counts, "chart": chart,
                                            "doc_chart": doc_chart})

    def timeline(self, lang: str) -> Page:
        years: dict[str, list[dict]] = {}
        for ev in self.corpus.events:
            years.setdefault(ev.date[:4], []).append(self.event_view(ev, lang))
        chart = self._years_chart([(ev.date[:4], ev.topics) for ev in self.corpus.events], lang, "chart_title")
        return Page("timeline/", lang, "timeline.html",
                    {"years": [{"year": y, "events": evs} for y, evs in years.items()], "chart": chart,
                     "filters": self.filter_options(lang), "strip": self._strip(lang)})

    def _strip(self, lang: str) -> dict:
        """The timeline strip of every event, with its legend of topic colours."""
        s = i18n.strings(lang)
        views = [self.event_view(ev, lang) for ev in self.corpus.events]
        colour = charts.colours([t.id for t in self.k.topics])
        strip = charts.timeline_strip(
            [{"id": v["id"], "date": v["date"]["iso"], "precision": v["date"]["precision"],
              "topics": [t["id"] for t in v["topics"]], "title": v["title"]["text"], "title_lang": v["title"]["lang"],
              "date_text": v["date"]["text"]} for v in views], colour, s["strip_label"], lang)
        used = {t for ev in self.corpus.events for t in ev.topics}
        legend = [{"name": pick(t.name, lang)["text"], "swatch": charts.swatch(colour[t.id])}
                  for t in self.k.topics if t.id in used]
        return {**strip, "legend": legend}

    def document_index(self, lang: str, sort: str) -> Page:
        rows = [self.doc_summary(d, lang) for d in self.corpus.documents]
        keys = {
            "date": lambda r: (r["date"]["iso"] == "", r["date"]["iso"], r["id"]),
            "title": lambda r: (markup.collation_key(r["title"]), r["id"]),
            "language": lambda r: (r["language_name"], r["date"]["iso"], r["id"]),
            "outlet": lambda r: (r["outlet"] == "", markup.collation_key(r["outlet"]), r["date"]["iso"], r["id"]),
        }
        rows.sort(key=keys[sort])
        route = "documents/" if sort == "date" else f"documents/by-{sort}/"
        sorts = [{"key": k, "route": "documents/" if k == "date" else f"documents/by-{k}/"} for k in DOC_SORTS]
        return Page(route, lang, "documents.html", {"rows": rows, "sort": sort, "sorts": sorts,
                                                    "filters": self.filter_options(lang)})

    def document(self, d: Document, lang: str) -> Page:
        same = [self.doc_summary(self.docs[x], lang) for x in self.same_event[d.id] if x in self.docs]
        quotes_by_para: dict[int, list] = defaultdict(list)
        for q in d.quotes:
            if q.paragraph:
                quotes_by_para[q.paragraph].append(q)
        paragraphs = []
        for n, source in enumerate(d.paragraphs, start=1):
            marks = [(q.text, self.entity_link(q.speaker, lang)["name"] if q.speaker else "") for q in quotes_by_para[n]]
            paragraphs.append({"n": n, "html": markup.paragraph_html(source, marks), "leftover": n in d.leftovers})
        quotes = [{"speaker": self.entity_link(q.speaker, lang) if q.speaker else None, "text": q.text,
                   "paragraph": q.paragraph} for q in d.quotes]
        events = [self.event_view(ev, lang) for ev in self.events_of_doc[d.id]]
        ctx = {
            "doc": self.doc_summary(d, lang),
            "date_evidence": d.date_evidence or "",
            "outlet_cites": d.outlet_cites or "",
            "people": [self.entity_link(e, lang) for e in d.people],
            "places": [self.entity_link(e, lang) for e in d.places],
            "organizations": [self.entity_link(e, lang) for e in d.organizations],
            "paragraphs": paragraphs, "quotes": quotes, "same_event": same, "events": events,
            "seed": {"name": d.seed, "sha256": d.seed_sha256 or ""},
            "citation": {"csl": f"data/cite/{d.id}.json", "bib": f"data/cite/{d.id}.bib"},
        }
        return Page(f"documents/{d.id}/", lang, "document.html", ctx)

    def topic_index(self, lang: str) -> Page:
        counts = Counter(t for d in self.corpus.documents for t in d.topics)
        topics = [{**self.topic_link(t.id, lang), "count": counts[t.id], "intro": pick(t.intro, lang)}
                  for t in self.k.topics]
        return Page("topics/", lang, "topics.html", {"topics": topics})

    def topic(self, tid: str, lang: str) -> Page:
        t = self.topics[tid]
        docs = [d for d in self.corpus.documents if tid in d.topics]
        shown = self._events_shown()[0][tid]
        events = [self.event_view(ev, lang) for ev in shown]
        mentioned = Counter(e for d in docs for e in dict.fromkeys(d.entities) if e in self.entity_ids)
        top = [{**self.entity_link(e, lang), "count": n}
               for e, n in sorted(mentioned.items(), key=lambda x: (-x[1], x[0]))[:TOP_ENTITIES]]
        quotes = [{"speaker": self.entity_link(q.speaker, lang), "text": q.text, "paragraph": q.paragraph,
                   "doc": self.doc_summary(d, lang)} for d, q in self.key_quotes(tid)]
        # On a topic's page every item is on the topic: one panel each, no panels of other topics.
        chart = self._years_chart([(d.date[:4], ()) for d in docs if d.date], lang, "chart_docs_year", False)
        event_chart = self._years_chart([(ev.date[:4], ()) for ev in shown], lang, "chart_events_year", False)
        entity_chart = charts.bars([(x["name"], x["count"]) for x in top], i18n.strings(lang)["most_mentioned"])
        ctx = {"topic": {**self.topic_link(tid, lang), "intro": pick(t.intro, lang)},
               "events": events, "documents": [self.doc_summary(d, lang) for d in reversed(docs)],
               "quotes": quotes, "top_entities": top, "chart": chart, "event_chart": event_chart,
               "entity_chart": entity_chart}
        return Page(f"topics/{tid}/", lang, "topic.html", ctx)

    def key_quotes(self, tid: str) -> list[tuple[Document, Any]]:
        """The quotes about topic `tid`: their own words carry the topic's evidence (a keyword, or a
        word the entry's topic_evidence gives), most evidence first, newest first, one per document."""
        return self._memoized(("key quotes", tid), partial(self._key_quotes, tid))

    def _key_quotes(self, tid: str) -> list[tuple[Document, Any]]:
        found = []
        for d in reversed(self.corpus.documents):
            if tid not in d.topics:
                continue
            evidence = (d.extra.get("topic_evidence") or {}).get(tid) or []
            words = {" ".join(matching.fold(w).split()) for w in evidence if isinstance(w, str) and w.strip()}
            best = None
            for q in d.quotes:
                if not q.speaker:
                    continue
                text = " ".join(matching.fold(q.text).split())
                hits = {w for w in words if w in text}
                hits |= {m.key for m in self._topic_words().find(q.text) if m.key.split("\t")[0] == tid}
                if hits and (best is None or len(hits) > best[0]):
                    best = (len(hits), q)
            if best:
                found.append((best[0], len(found), d, best[1]))
        found.sort(key=lambda x: (-x[0], x[1]))
        return [(d, q) for _, _, d, q in found[:KEY_QUOTES]]

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

    def entity_index(self, lang: str) -> Page:
        groups = []
        for etype, key in (("person", "people"), ("place", "places"), ("organization", "organizations")):
            items = [{**self.entity_link(e.id, lang), "count": len(self.docs_of_entity[e.id])}
                     for e in self.entities if e.type == etype]
            items.sort(key=lambda x: (markup.collation_key(x["name"]), x["id"]))
            groups.append({"type": etype, "label_key": key, "entries": items})
        return Page("entities/", lang, "entities.html", {"groups": groups})

    def entity(self, e: Entity, lang: str) -> Page:
        docs = self.docs_of_entity[e.id]
        events = [self.event_view(ev, lang) for ev in self._events_shown()[1][e.id]]
        quotes = [{"text": q.text, "paragraph": q.paragraph, "doc": self.doc_summary(d, lang)}
                  for d, q in self.quotes_of[e.id]]
        other_names = sorted({n for n in e.name.values()} - {pick(e.name, lang)["text"]})
        ctx = {"entity": {**self.entity_link(e.id, lang), "type": e.type, "kind": e.kind,
                          "description": pick(e.description, lang), "other_names": other_names},
               "documents": [self.doc_summary(d, lang) for d in reversed(docs)],
               "quotes": quotes, "events": events}
        return Page(f"entities/{e.id}/", lang, "entity.html", ctx)
