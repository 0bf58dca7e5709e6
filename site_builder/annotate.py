"""Annotate one seed: title, date, language, outlet, topics, entities, quotes, events mentioned."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from site_builder import dating, quoting
from site_builder.knowledge import Entity, Knowledge
from site_builder.matching import Match, Matcher, fold, phrase_pattern
from site_builder.seeds import Seed

GAP = " … "
# The two countries the whole record is about: naming them on every document says nothing.
SUBJECT_COUNTRIES = ("kazakhstan", "azerbaijan")
# Lines a web page leaves at the end of a copied article.
WEB_LEFTOVERS = (
    "пікір қалдырыңыз", "пікірлер", "бөлісу", "оставить комментарий", "комментарии", "поделиться",
    "читайте также", "leave a comment", "share", "comments", "read more", "şərh yaz", "paylaş",
)
_KK_LETTERS = set("әғқңөұүһі")
_AZ_LETTERS = set("əğış")
_REPORTING = re.compile(
    r"передает|передаёт|сообщает|со ссылкой|по данным|пресс-служб|хабарлайды|сілтеме|хабарлады|reports|reported|"
    r"according to|citing|xəbər verir|istinadən|məlumat verir|как передает", re.I)
_CITING = re.compile(r"со ссылкой на|ссылаясь на|сілтеме|citing|istinadən|об этом сказал|told", re.I)
# Roles by which texts name a speaker: (pattern, country of the head of state, or "expert"/"any").
_ROLES = (
    (re.compile(r"(президент|глав|лидер)\w*\s+(казахстан|республики казахстан)|казахстанск\w+\s+(государств|лидер)|"
                r"қазақстан\s+президент|kazakhstan'?s?\s+president|president of kazakhstan|qazaxıstan\s+prezident", re.I), "kz"),
    (re.compile(r"(президент|глав|лидер)\w*\s+(азербайджан|азербайджанской)|азербайджанск\w+\s+(государств|лидер)|"
                r"әзербайжан\s+президент|azerbaijan'?s?\s+president|president of azerbaijan|azərbaycan\s+prezident", re.I), "az"),
    (re.compile(r"^(глава государства|президент\w*|мемлекет басшысы|head of state|the president|dövlət başçısı|prezident)\b", re.I), "head"),
    (re.compile(r"политолог|эксперт|аналитик|саясаттанушы|сарапшы|analyst|expert|politoloq|ekspert", re.I), "expert"),
    (re.compile(r"^(он|она|ол|he|she|o)\b", re.I), "any"),
)
_NAME_WORD = r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ][a-zа-яёәғқңөұүһіəçğıöşü]+(?:-[A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ][a-zа-яёәғқңөұүһіəçğıöşü]+)?"
_SURNAME = re.compile(
    r"(ов|ев|ёв|ин|ын|ский|цкий|ова|ева|ина|ская|ұлы|улы|қызы|кызы|yev|yeva|ov|ova|oğlu|qızı|li|lı|ly|shvili|yan|ян)"
    r"(а|у|ым|ом|е|ой|ым|тің|тың|дің|дың|ке|қа|ға|ге|ның|нің|in|ın|un|ün|nın|nin)?$")
_PERSON_LIKE = re.compile(rf"(?<![\w.])(?:[A-ZА-ЯЁ]\.\s?)?{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}")
# A name that is not Slavic or Turkic in form (Джо Байден, Emmanuel Macron) is a person's when a
# title stands before it or a verb of speech after it, in the same sentence.
_TITLE_BEFORE = re.compile(
    r"(президент\w*|премьер-министр\w*|министр\w*|канцлер\w*|госсекретар\w*|генсек\w*|генеральн\w+ секретар\w*|"
    r"посол|посл[аоу]\w*|король|корол\w+|эмир\w*|председател\w*|спикер\w*|"
    r"президенті\w*|премьер-министрі\w*|министрі\w*|төраға\w*|елші\w*|"
    r"president|prime minister|minister|secretary(?:-general)?|chancellor|ambassador|king|emir|chairman|speaker|"
    r"prezident\w*|baş nazir\w*|nazir\w*|səfir\w*|sədr\w*)"
    r"(?:\s+[A-ZА-ЯЁƏ][\w-]*){0,2}\s*$", re.I)
_SPEECH_AFTER = re.compile(
    r"^\s*,?\s*(заявил|сказал|отметил|подчеркнул|сообщил|добавил|считает|said|says|told|stated|noted|added|"
    r"деді|атап өтті|мәлімдеді|айтты|dedi|bildirib|qeyd edib|vurğulayıb)", re.I)
# Capitalised words that start sentences, not names ("Как Вы отметили", "As He said").
_NOT_NAMES = frozenset(
    "как вы мы он она они оно это этот так также когда если где там вот все сегодня вчера ранее "
    "ол олар біз сіз сен бұл осы мұнда бүгін as he she we they it you this that when if there today earlier "
    "biz siz onlar bu həmçinin bu gün".split())


@dataclass(frozen=True)
class Annotation:
    """What ingest finds in one seed, before it is written as a content entry."""

    seed: Seed
    title: str
    date: dating.DocDate
    language: str
    outlet: str | None
    outlet_cites: str | None
    topics: tuple[str, ...]
    topic_evidence: dict[str, tuple[str, ...]]
    people: tuple[str, ...]
    places: tuple[str, ...]
    organizations: tuple[str, ...]
    quotes: tuple[quoting.FoundQuote, ...]
    events: dict[str, tuple[int, ...]]
    """Known events the text mentions -> 1-based paragraphs that mention them."""
    leftovers: tuple[int, ...]
    unmatched_names: tuple[str, ...]
    lead: int
    """1-based number of the first paragraph of the story (after a headline)."""


def detect_language(text: str) -> str:
    """ru, kk, az or en from the letters of the text."""
    letters = [c for c in text.lower() if c.isalpha()]
    cyrillic = [c for c in letters if "\u0400" <= c <= "\u04ff"]
    if len(cyrillic) >= len(letters) / 2:
        kazakh = sum(c in _KK_LETTERS for c in cyrillic)
        return "kk" if kazakh >= max(3, len(cyrillic) * 0.01) else "ru"
    azeri = sum(c in _AZ_LETTERS or c == "ç" for c in letters)
    return "az" if azeri >= max(3, len(letters) * 0.005) else "en"


def _is_headline(paragraphs: tuple[str, ...]) -> bool:
    first = paragraphs[0]
    return len(paragraphs) > 1 and len(first) <= 140 and not re.search(r"[.!?…:;,»\"”]$", first)


def make_title(paragraphs: tuple[str, ...], headline: bool, limit: int = 120) -> str:
    """The headline, or the text's first sentence shortened at a word to `limit` characters."""
    if headline:
        return paragraphs[0]
    first = paragraphs[0]
    m = re.match(r"(.+?[.!?…])(?:\s|$)", first)
    sentence = (m.group(1) if m else first).rstrip(".")
    if len(sentence) <= limit:
        return sentence
    cut = sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:–- ")
    return cut + "…"


class Annotator:
    """Annotates seeds with one knowledge base; build once, use for many seeds."""

    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        self.entities = Matcher((name, e.id) for e in knowledge.entities for name in e.all_names)
        self.topic_words = Matcher(
            (kw, f"{t.id}\t{kw}") for t in knowledge.topics for words in t.keywords.values() for kw in words)
        triggers = [(phrase, f"{ev.id}\t{gi}") for ev in knowledge.events for gi, group in enumerate(ev.triggers)
                    for phrase in group]
        self.triggers = Matcher((p, k) for p, k in triggers if GAP not in p)
        # "официальный визит … Азербайджан": the parts in this order within one sentence.
        self.gapped = [(re.compile(r"[^.!?…]{0,200}?".join(phrase_pattern(part) for part in p.split(GAP))), k)
                       for p, k in triggers if GAP in p]
        self._entity_topics: dict[str, list[str]] = {}
        for t in knowledge.topics:
            for eid in t.entities:
                self._entity_topics.setdefault(eid, []).append(t.id)
        self._single_names = {fold(n).strip() for e in knowledge.entities if e.type == "person" for n in e.all_names}

    def annotate(self, seed: Seed) -> Annotation:
        paragraphs = seed.paragraphs
        headline = _is_headline(paragraphs)
        lead_start = 1 if headline else 0
        text = "\n".join(paragraphs)
        language = detect_language(text)
        matches = [self.entities.find(p) for p in paragraphs]
        ents = self.knowledge.entity
        event_hits, event_words, event_anywhere = self._events(paragraphs)
        lead = range(lead_start, min(lead_start + 2, len(paragraphs)))
        # A known event dates a report only when the report's lead speaks of it.
        reported = {k: v for k, v in event_hits.items() if set(event_anywhere[k]) & set(lead)}
        date = dating.infer(seed.header_date, paragraphs, lead, self.knowledge, event_hits, event_words, reported)
        event_hits = self._plausible(event_hits, event_words, date)
        outlet, cites = self._outlet(paragraphs, matches)
        topics, evidence = self._topics(paragraphs, matches)
        by_type: dict[str, list[str]] = {"person": [], "place": [], "organization": []}
        for para in matches:
            for m in para:
                e = ents(m.key)
                if e and e.type in by_type and m.key not in by_type[e.type] and m.key not in SUBJECT_COUNTRIES:
                    by_type[e.type].append(m.key)
        quotes = tuple(quoting.find(paragraphs, self._resolver(paragraphs, matches), self._person_named))
        for q in quotes:
            if q.speaker and q.speaker not in by_type["person"]:
                by_type["person"].append(q.speaker)
        leftovers = tuple(i + 1 for i, p in enumerate(paragraphs)
                          if i == len(paragraphs) - 1 and fold(p).strip(" .!") in WEB_LEFTOVERS)
        return Annotation(
            seed=seed, title=make_title(paragraphs, headline), date=date, language=language,
            outlet=outlet, outlet_cites=cites, topics=topics, topic_evidence=evidence,
            people=tuple(by_type["person"]), places=tuple(by_type["place"]),
            organizations=tuple(by_type["organization"]), quotes=quotes,
            events={k: tuple(sorted({i + 1 for i in v})) for k, v in event_hits.items()},
            leftovers=leftovers, unmatched_names=self._unmatched(paragraphs, matches), lead=lead_start + 1)

    def _plausible(self, hits: dict[str, list[int]], words: dict[str, list[str]],
                   date: dating.DocDate) -> dict[str, list[int]]:
        """The known events a text of `date` can mean: none dated more than a year after the text
        (it would be another event of the same name), and where the triggers count months from
        the text's year ("в ноябре прошлого года"), only an event of that month."""
        if not date.date:
            return hits
        year = int(date.date[:4])
        out = {}
        for ev in self.knowledge.events:
            if ev.id not in hits or int(ev.date[:4]) > year + 1:
                continue
            months = dating.relative_months(" ".join(words[ev.id]), year)
            if months and not any(ev.date.startswith(m) or m.startswith(ev.date) for m in months):
                continue
            out[ev.id] = hits[ev.id]
        return out

    def _events(self, paragraphs: tuple[str, ...]) -> tuple[dict[str, list[int]], dict[str, list[str]], dict[str, list[int]]]:
        """Known events whose every trigger group matches: (cited paragraphs, matched words, all paragraphs hit)."""
        groups: dict[str, dict[int, list[tuple[int, str]]]] = {}
        for i, p in enumerate(paragraphs):
            found = [(m.key, m.text) for m in self.triggers.find(p)]
            folded = fold(p) if self.gapped else ""
            found += [(key, p[m.start():m.end()]) for pattern, key in self.gapped if (m := pattern.search(folded))]
            for key, text in found:
                event_id, group = key.split("\t")
                groups.setdefault(event_id, {}).setdefault(int(group), []).append((i, text))
        hits: dict[str, list[int]] = {}
        words: dict[str, list[str]] = {}
        anywhere: dict[str, list[int]] = {}
        for ev in self.knowledge.events:
            found = groups.get(ev.id, {})
            if len(found) == len(ev.triggers):
                # Cite the paragraphs where most of the event's trigger groups meet.
                per_para = Counter(i for g in found.values() for i in {i for i, _ in g})
                best = max(per_para.values())
                hits[ev.id] = sorted(i for i, n in per_para.items() if n == best)
                words[ev.id] = [w for g in sorted(found) for _, w in found[g][:1]]
                anywhere[ev.id] = sorted(per_para)
        return hits, words, anywhere

    def _outlet(self, paragraphs: tuple[str, ...], matches: list[list[Match]]) -> tuple[str | None, str | None]:
        outlets: list[tuple[str, bool]] = []
        for p, para in zip(paragraphs, matches):
            for m in para:
                e = self.knowledge.entity(m.key)
                if not e or e.type != "outlet":
                    continue
                sentence_start = max(p.rfind(". ", 0, m.start), p.rfind("\n", 0, m.start)) + 1
                sentence_end = p.find(". ", m.end)
                sentence = p[sentence_start:sentence_end if sentence_end >= 0 else len(p)]
                if _REPORTING.search(sentence):
                    before = p[sentence_start:m.start]
                    outlets.append((e.name["en"], bool(_CITING.search(before))))
        if not outlets:
            return None, None
        main = next((name for name, cited in outlets if not cited), outlets[0][0])
        cited = next((name for name, _ in outlets if name != main), None)
        return main, cited

    def _topics(self, paragraphs: tuple[str, ...], matches: list[list[Match]]) -> tuple[tuple[str, ...], dict]:
        scores: Counter = Counter()
        evidence: dict[str, list[str]] = {}
        for p, para in zip(paragraphs, matches):
            masked = list(p)
            for m in para:
                masked[m.start:m.end] = " " * (m.end - m.start)
                for tid in self._entity_topics.get(m.key, ()):
                    scores[tid] += 2
                    evidence.setdefault(tid, []).append(m.text)
            for m in self.topic_words.find("".join(masked)):
                tid = m.key.split("\t")[0]
                scores[tid] += 1
                evidence.setdefault(tid, []).append(m.text)
        chosen = tuple(t.id for t in self.knowledge.topics if scores[t.id] >= self.knowledge.topic_threshold)
        return chosen, {t: tuple(dict.fromkeys(evidence[t])) for t in chosen}

    def _people_before(self, matches: list[list[Match]], paragraph: int, want) -> str | None:
        """The first person meeting `want` in the quote's paragraph, else in the nearest one before it."""
        for i in range(paragraph, -1, -1):
            for m in matches[i]:
                e = self.knowledge.entity(m.key)
                if e and e.type == "person" and want(e):
                    return e.id
        return None

    def _resolver(self, paragraphs: tuple[str, ...], matches: list[list[Match]]):
        mentioned = Counter(m.key for para in matches for m in para)

        def head_of(country: str) -> str | None:
            heads = [e for e in self.knowledge.entities if e.type == "person" and e.kind == "head-of-state"
                     and e.country == country and mentioned[e.id]]
            return max(heads, key=lambda e: (mentioned[e.id], e.id)).id if heads else None

        def resolve(who: str, paragraph: int) -> str | None:
            for m in self.entities.find(who):
                e = self.knowledge.entity(m.key)
                if e and e.type == "person":
                    return e.id
                if e and e.type in ("outlet", "organization"):
                    return quoting.NOT_SPOKEN
            for pattern, role in _ROLES:
                if not pattern.search(who):
                    continue
                if role in ("kz", "az"):
                    return head_of(role)
                if role == "head":
                    return self._people_before(matches, paragraph, lambda e: e.kind == "head-of-state")
                if role == "expert":
                    return self._people_before(matches, paragraph, lambda e: e.kind == "expert")
                return self._people_before(matches, paragraph, lambda e: True)
            return None

        return resolve

    def _person_named(self, phrase: str) -> str | None:
        found = self.entities.find(phrase)
        if len(found) == 1 and len(found[0].text) >= len(phrase.strip()) - 2:
            e = self.knowledge.entity(found[0].key)
            if e and e.type == "person":
                return e.id
        return None

    def _unmatched(self, paragraphs: tuple[str, ...], matches: list[list[Match]]) -> tuple[str, ...]:
        """Names that look like people's but are not in the knowledge base: suggestions for the editor."""
        out: list[str] = []
        for p, para in zip(paragraphs, matches):
            for m in _PERSON_LIKE.finditer(p):
                if any(not (x.end <= m.start() or x.start >= m.end()) for x in para):
                    continue
                if m.start() > 0 and p[m.start() - 1] in "«\"“„":
                    continue  # a title or an award in quotation marks, not a person
                words = m.group(0).replace(".", ". ").split()
                before = re.split(r"[.!?…]\s", p[max(0, m.start() - 80):m.start()])[-1]
                # "President Joe Biden", "президент Франции Эммануэль Макрон": the title is not the name.
                while len(words) > 2 and _TITLE_BEFORE.search(f"{before} {words[0]}"):
                    before += f" {words.pop(0)}"
                looks_like = any(_SURNAME.search(w.lower()) and len(w) > 3 for w in words[-2:])
                if not looks_like and (any(w.lower() in _NOT_NAMES for w in words) or not (
                        _TITLE_BEFORE.search(before) or _SPEECH_AFTER.match(p[m.end():m.end() + 40]))):
                    continue
                name = m.group(0)[m.group(0).find(words[0]):]  # as written, from the first word kept
                if name not in out:
                    out.append(name)
        return tuple(out)
