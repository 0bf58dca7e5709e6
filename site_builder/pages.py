"""Pages: what each page of the site shows, as plain data for the templates, in every interface language."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Any

from site_builder import charts, i18n, markup
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
        for ev in corpus.events:
            members = list(ev.documents)
            for d in members:
                self.same_event[d].extend(x for x in members if x != d and x not in self.same_event[d])
        for d in corpus.documents:
            for r in d.related:
                if r not in self.same_event[d.id]:
                    self.same_event[d.id].append(r)
                if d.id not in self.same_event[r]:
                    self.same_event[r].append(d.id)

    # ------------------------------------------------------------ small views

    def entity_link(self, eid: str, lang: str) -> dict:
        e = self.k.entity(eid)
        name = pick(e.name, lang) if e else {"text": eid, "lang": "en"}
        route = f"entities/{eid}/" if eid in self.entity_ids else None
        return {"id": eid, "name": name["text"], "name_lang": name["lang"], "route": route}

    def topic_link(self, tid: str, lang: str) -> dict:
        t = self.topics[tid]
        return {"id": tid, "name": pick(t.name, lang)["text"], "route": f"topics/{tid}/"}

    def date_view(self, date: str | None, precision: str | None, lang: str) -> dict:
        return {"text": i18n.format_partial_date(date, precision, lang), "iso": date or "",
                "precision": precision or "", "year": date[:4] if date else ""}

    def doc_summary(self, d: Document, lang: str) -> dict:
        return {
            "id": d.id, "title": d.title, "title_lang": d.language, "route": f"documents/{d.id}/",
            "date": self.date_view(d.date, d.date_precision, lang),
            "language": d.language, "language_name": i18n.TEXT_LANGUAGE_NAMES[lang][d.language],
            "outlet": d.outlet or "", "topics": [self.topic_link(t, lang) for t in d.topics],
            "entities": [e for e in d.entities], "year": d.date[:4] if d.date else "",
        }

    def event_view(self, ev: Event, lang: str) -> dict:
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
        out: list[Page] = []
        for lang in self.config.languages:
            out.append(self.home(lang))
            out.append(self.timeline(lang))
            out.extend(self.document_index(lang, sort) for sort in DOC_SORTS)
            out.extend(self.document(d, lang) for d in self.corpus.documents)
            out.append(self.topic_index(lang))
            out.extend(self.topic(t.id, lang) for t in self.k.topics)
            out.append(self.entity_index(lang))
            out.extend(self.entity(e, lang) for e in self.entities)
        return out

    def _years_chart(self, items: list[tuple[str, tuple[str, ...]]], lang: str, title_key: str) -> dict:
        s = i18n.strings(lang)
        names = {t.id: pick(t.name, lang)["text"] for t in self.k.topics}
        return charts.stacked_years(items, [t.id for t in self.k.topics], names, s[title_key], s)

    def home(self, lang: str) -> Page:
        events = list(self.corpus.events)
        latest = [self.event_view(ev, lang) for ev in reversed(events[-LATEST:])]
        topic_counts = Counter(t for d in self.corpus.documents for t in d.topics)
        hubs = [{**self.topic_link(t.id, lang), "count": topic_counts[t.id], "intro": pick(t.intro, lang)}
                for t in self.k.topics]
        counts = {"documents": len(self.corpus.documents), "events": len(events),
                  "entities": len(self.entities), "languages": len({d.language for d in self.corpus.documents})}
        chart = self._years_chart([(ev.date[:4], ev.topics) for ev in events], lang, "chart_title")
        return Page("", lang, "home.html", {"latest": latest, "hubs": hubs, "counts": counts, "chart": chart})

    def timeline(self, lang: str) -> Page:
        years: dict[str, list[dict]] = {}
        for ev in self.corpus.events:
            years.setdefault(ev.date[:4], []).append(self.event_view(ev, lang))
        chart = self._years_chart([(ev.date[:4], ev.topics) for ev in self.corpus.events], lang, "chart_title")
        return Page("timeline/", lang, "timeline.html",
                    {"years": [{"year": y, "events": evs} for y, evs in years.items()], "chart": chart})

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
        return Page(route, lang, "documents.html", {"rows": rows, "sort": sort, "sorts": sorts})

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
        doc_ids = {d.id for d in docs}
        events = [self.event_view(ev, lang) for ev in self.corpus.events
                  if tid in ev.topics or doc_ids & set(ev.documents)]
        mentioned = Counter(e for d in docs for e in dict.fromkeys(d.entities) if e in self.entity_ids)
        top = [{**self.entity_link(e, lang), "count": n}
               for e, n in sorted(mentioned.items(), key=lambda x: (-x[1], x[0]))[:TOP_ENTITIES]]
        quotes, seen_docs = [], set()
        for d in reversed(docs):
            for q in d.quotes:
                if q.speaker and d.id not in seen_docs and len(quotes) < KEY_QUOTES:
                    quotes.append({"speaker": self.entity_link(q.speaker, lang), "text": q.text,
                                   "paragraph": q.paragraph, "doc": self.doc_summary(d, lang)})
                    seen_docs.add(d.id)
        chart = self._years_chart([(d.date[:4], (tid,)) for d in docs if d.date], lang, "chart_docs_title")
        entity_chart = charts.bars([(x["name"], x["count"]) for x in top], i18n.strings(lang)["most_mentioned"])
        ctx = {"topic": {**self.topic_link(tid, lang), "intro": pick(t.intro, lang)},
               "events": events, "documents": [self.doc_summary(d, lang) for d in reversed(docs)],
               "quotes": quotes, "top_entities": top, "chart": chart, "entity_chart": entity_chart}
        return Page(f"topics/{tid}/", lang, "topic.html", ctx)

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
        doc_ids = {d.id for d in docs}
        events = [self.event_view(ev, lang) for ev in self.corpus.events
                  if ev.place == e.id or doc_ids & set(ev.documents)]
        quotes = [{"text": q.text, "paragraph": q.paragraph, "doc": self.doc_summary(d, lang)}
                  for d, q in self.quotes_of[e.id]]
        other_names = sorted({n for n in e.name.values()} - {pick(e.name, lang)["text"]})
        ctx = {"entity": {**self.entity_link(e.id, lang), "type": e.type, "kind": e.kind,
                          "description": pick(e.description, lang), "other_names": other_names},
               "documents": [self.doc_summary(d, lang) for d in reversed(docs)],
               "quotes": quotes, "events": events}
        return Page(f"entities/{e.id}/", lang, "entity.html", ctx)
