"""Machine-readable files: Atom feeds, sitemap, robots.txt, JSON and CSV data, citations."""

from __future__ import annotations

import csv
import io
import json
import xml.etree.ElementTree as ET

from site_builder import i18n
from site_builder.config import Config
from site_builder.content import Corpus, Document
from site_builder.pages import pick

ATOM = "http://www.w3.org/2005/Atom"
XHTML = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEED_SIZE = 50


def _timestamp(date: str) -> str:
    parts = (date.split("-") + ["01", "01"])[:3]
    return f"{parts[0]}-{parts[1]}-{parts[2]}T00:00:00Z"


def _xml(root: ET.Element) -> str:
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def permalink(config: Config, lang: str, route: str) -> str:
    return f"{config.base_url}{lang}/{route}"


def atom_feed(corpus: Corpus, config: Config, lang: str) -> str:
    """The newest dated documents as an Atom feed for one interface language."""
    ET.register_namespace("", ATOM)
    ET.register_namespace("xhtml", XHTML)
    s = i18n.strings(lang)
    docs = [d for d in corpus.documents if d.date][-FEED_SIZE:][::-1]
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": lang})
    ET.SubElement(feed, f"{{{ATOM}}}title").text = config.title[lang]
    ET.SubElement(feed, f"{{{ATOM}}}subtitle").text = s["about"]
    ET.SubElement(feed, f"{{{ATOM}}}id").text = permalink(config, lang, "")
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "self", "type": "application/atom+xml",
                                             "href": f"{config.base_url}{lang}/feed.xml"})
    ET.SubElement(feed, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html",
                                             "href": permalink(config, lang, "")})
    ET.SubElement(feed, f"{{{ATOM}}}updated").text = _timestamp(docs[0].date) if docs else "1970-01-01T00:00:00Z"
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    ET.SubElement(author, f"{{{ATOM}}}name").text = config.publisher
    topic_names = {t.id: pick(t.name, lang)["text"] for t in corpus.knowledge.topics}
    for d in docs:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        translated = d.title_translations.get(lang) if lang != d.language else None
        if translated:
            # The editor's translation, then the original marked with its language (an XHTML title).
            title = ET.SubElement(entry, f"{{{ATOM}}}title", {"type": "xhtml", XML_LANG: lang})
            div = ET.SubElement(title, f"{{{XHTML}}}div")
            ET.SubElement(div, f"{{{XHTML}}}span").text = translated
            div[-1].tail = " — "
            ET.SubElement(div, f"{{{XHTML}}}span", {XML_LANG: d.language}).text = d.title
            div[-1].tail = f" ({s['title_translated']})"
        else:
            title = ET.SubElement(entry, f"{{{ATOM}}}title", {XML_LANG: d.language})
            title.text = d.title
        url = permalink(config, lang, f"documents/{d.id}/")
        ET.SubElement(entry, f"{{{ATOM}}}id").text = url
        ET.SubElement(entry, f"{{{ATOM}}}link", {"rel": "alternate", "type": "text/html", "href": url})
        ET.SubElement(entry, f"{{{ATOM}}}updated").text = _timestamp(d.date)
        if d.summary.get(lang):
            summary = ET.SubElement(entry, f"{{{ATOM}}}summary", {XML_LANG: lang})
            summary.text = f"{d.summary[lang]} ({s['editor_summary']})"
        else:
            summary = ET.SubElement(entry, f"{{{ATOM}}}summary", {XML_LANG: d.language})
            summary.text = d.plain_paragraphs()[0][:400]
        for t in d.topics:
            ET.SubElement(entry, f"{{{ATOM}}}category", {"term": t, "label": topic_names[t]})
    return _xml(feed)


SITEMAP_URLS = 50_000
"""The most URLs one sitemap file may list (sitemaps.org); past it, sitemap.xml is an index of files."""


def sitemaps(config: Config, paths: list[str]) -> dict[str, str]:
    """sitemap.xml listing every page; past SITEMAP_URLS pages, sitemap.xml is a sitemap index
    naming sitemap-1.xml, sitemap-2.xml …, each listing up to SITEMAP_URLS of them."""
    ns = "http://www.sitemaps.org/schemas/sitemap/0.9"
    ET.register_namespace("", ns)
    paths = sorted(paths)
    chunks = [paths[i:i + SITEMAP_URLS] for i in range(0, len(paths), SITEMAP_URLS)] or [[]]

    def urlset(chunk: list[str]) -> str:
        root = ET.Element(f"{{{ns}}}urlset")
        for path in chunk:
            url = ET.SubElement(root, f"{{{ns}}}url")
            loc = path[: -len("index.html")] if path.endswith("index.html") else path
            ET.SubElement(url, f"{{{ns}}}loc").text = config.base_url + loc
        return _xml(root)

    if len(chunks) == 1:
        return {"sitemap.xml": urlset(chunks[0])}
    files = {f"sitemap-{i}.xml": urlset(chunk) for i, chunk in enumerate(chunks, start=1)}
    index = ET.Element(f"{{{ns}}}sitemapindex")
    for name in files:
        ET.SubElement(ET.SubElement(index, f"{{{ns}}}sitemap"), f"{{{ns}}}loc").text = config.base_url + name
    return {"sitemap.xml": _xml(index), **files}


def robots(config: Config) -> str:
    return f"User-agent: *\nAllow: /\n\nSitemap: {config.base_url}sitemap.xml\n"


def _entity_refs(corpus: Corpus, ids: tuple[str, ...]) -> list[dict]:
    out = []
    for eid in ids:
        e = corpus.knowledge.entity(eid)
        out.append({"id": eid, "name": e.name.get("en", eid) if e else eid})
    return out


def document_record(corpus: Corpus, config: Config, d: Document, named_by: tuple[str, ...] = ()) -> dict:
    """Everything known about one document, with entity ids and their English names.

    `related` holds the entry's own list, then the documents whose entries name this one: an
    entry ingested before another account of its event does not list the later one itself.
    """
    speakers = {q.speaker: None for q in d.quotes if q.speaker}
    names = {r["id"]: r["name"] for r in _entity_refs(corpus, tuple(speakers))}
    return {
        "id": d.id, "title": d.title, "date": d.date, "date_precision": d.date_precision,
        "date_evidence": d.date_evidence, "language": d.language, "outlet": d.outlet,
        "outlet_cites": d.outlet_cites, "topics": list(d.topics),
        "people": _entity_refs(corpus, d.people), "places": _entity_refs(corpus, d.places),
        "organizations": _entity_refs(corpus, d.organizations),
        "quotes": [{"speaker": {"id": q.speaker, "name": names.get(q.speaker)} if q.speaker else None,
                    "text": q.text, "paragraph": q.paragraph} for q in d.quotes],
        "title_translations": d.title_translations, "summary": d.summary,
        "related": list(dict.fromkeys([*d.related, *named_by])), "seed": d.seed, "seed_sha256": d.seed_sha256,
        "url": permalink(config, config.default_language, f"documents/{d.id}/"),
        # The text itself is the raw seed beside the data (published byte for byte), not repeated here.
        "text_url": f"{config.base_url}seeds/{d.seed}",
    }


def event_record(corpus: Corpus, config: Config, ev) -> dict:
    return {
        "id": ev.id, "date": ev.date, "date_precision": ev.date_precision, "title": ev.title,
        "summary": ev.summary, "place": _entity_refs(corpus, (ev.place,))[0] if ev.place else None,
        "topics": list(ev.topics), "documents": list(ev.documents),
        "sources": [{"document": s.document, "paragraphs": list(s.paragraphs)} for s in ev.sources],
    }


def _json(data) -> str:
    return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def _record_line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def _lines_json(key: str, lines: list[str]) -> str:
    """{key: records}, one record a line: a large export stays readable and diffable line by line,
    without the indentation that would make it a third larger."""
    return "{" + json.dumps(key) + ":[\n" + ",\n".join(lines) + ("\n" if lines else "") + "]}\n"


def compact_json(data) -> str:
    """JSON for scripts to fetch: no spaces, one line."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def _csv(header: list[str], rows: list[str]) -> str:
    """A CSV file of its header and rows (each a line _csv_row made)."""
    return _csv_row(header) + "".join(rows)


def _csv_row(row: list) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(row)
    return buf.getvalue()


def data_files(corpus: Corpus, config: Config, made: dict | None = None) -> dict[str, str]:
    """data/documents.json, data/timeline.json and their CSV twins.

    `made` keeps each record's line and row for the next call (serve's, after an edit): a record is
    made again only when its document or event, the knowledge or the configuration changed.
    """
    made = {} if made is None else made
    if made.get("from") != (corpus.knowledge, config):
        made.clear()
        made["from"] = (corpus.knowledge, config)
    named_by: dict[str, list[str]] = {}
    for d in corpus.documents:
        for r in d.related:
            named_by.setdefault(r, []).append(d.id)
    ids = lambda refs: ";".join(r["id"] for r in refs)  # noqa: E731
    doc_lines, doc_rows = [], []
    for d in corpus.documents:
        by = tuple(named_by.get(d.id, ()))
        known = made.get(("document", d.id))
        if known is None or known[0] is not d or known[1] != by:
            r = document_record(corpus, config, d, by)
            row = [r["id"], r["title"], r["date"] or "", r["date_precision"] or "", r["date_evidence"] or "",
                   r["language"], r["outlet"] or "", r["outlet_cites"] or "", ";".join(r["topics"]), ids(r["people"]),
                   ids(r["places"]), ids(r["organizations"]), len(r["quotes"]), ";".join(r["related"]), r["seed"],
                   r["seed_sha256"] or "", r["url"]]
            known = made[("document", d.id)] = (d, by, _record_line(r), _csv_row(row))
        doc_lines.append(known[2])
        doc_rows.append(known[3])
    event_lines, event_rows = [], []
    for ev in corpus.events:
        known = made.get(("event", ev.id))
        if known is None or known[0] is not ev:
            e = event_record(corpus, config, ev)
            row = [e["id"], e["date"], e["date_precision"], e["title"].get("en", ""), e["title"].get("ru", ""),
                   e["place"]["id"] if e["place"] else "", ";".join(e["topics"]), ";".join(e["documents"])]
            known = made[("event", ev.id)] = (ev, _record_line(e), _csv_row(row))
        event_lines.append(known[1])
        event_rows.append(known[2])
    return {
        "data/documents.json": _lines_json("documents", doc_lines),
        "data/timeline.json": _lines_json("events", event_lines),
        "data/documents.csv": _csv(
            ["id", "title", "date", "date_precision", "date_evidence", "language", "outlet", "outlet_cites", "topics",
             "people", "places", "organizations", "quotes", "related", "seed", "seed_sha256", "url"], doc_rows),
        "data/timeline.csv": _csv(
            ["id", "date", "date_precision", "title_en", "title_ru", "place", "topics", "documents"], event_rows),
    }


def csl_json(corpus: Corpus, config: Config, d: Document) -> str:
    item = {"id": d.id, "type": "article-newspaper" if d.outlet else "document", "title": d.title,
            "language": d.language, "URL": permalink(config, config.default_language, f"documents/{d.id}/"),
            "publisher": config.publisher}
    if d.outlet:
        item["container-title"] = d.outlet
    if d.date:
        item["issued"] = {"date-parts": [[int(p) for p in d.date.split("-")]]}
    return _json([item])


_BIB_SPECIAL = str.maketrans({"{": r"\{", "}": r"\}", "\\": r"\textbackslash{}", "%": r"\%", "&": r"\&",
                              "$": r"\$", "#": r"\#", "_": r"\_", "~": r"\textasciitilde{}", "^": r"\^{}"})


def bibtex(corpus: Corpus, config: Config, d: Document) -> str:
    fields = [("title", "{" + d.title.translate(_BIB_SPECIAL) + "}")]
    if d.outlet:
        fields.append(("howpublished", d.outlet.translate(_BIB_SPECIAL)))
    if d.date:
        fields.append(("year", d.date[:4]))
        if d.date_precision in ("month", "day"):
            fields.append(("month", str(int(d.date[5:7]))))
        if d.date_precision == "day":
            fields.append(("day", str(int(d.date[8:10]))))
    fields += [("language", {"ru": "russian", "kk": "kazakh", "az": "azerbaijani", "en": "english"}[d.language]),
               ("url", permalink(config, config.default_language, f"documents/{d.id}/")),
               ("publisher", config.publisher.translate(_BIB_SPECIAL))]
    key = d.id.replace("-", "_")
    body = ",\n".join(f"  {k} = {{{v}}}" for k, v in fields)
    return f"@misc{{{key},\n{body}\n}}\n"
