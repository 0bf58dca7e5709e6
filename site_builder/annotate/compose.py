"""Compose the recognizers into one annotation of a seed: language, layout and title, date, outlet,
people, places and organizations, quotes, topics and the known events it speaks of."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from site_builder.annotate import dates, language, quotes as quoting, scripts, titles
from site_builder.annotate import names as _names
from site_builder.annotate.events import EventReader
from site_builder.annotate.offices import OfficeReader, allowed
from site_builder.annotate.outlets import OutletReader
from site_builder.annotate.people import NOT_NAMES, Person, PeopleReader
from site_builder.annotate.topics import TopicReader
from site_builder.knowledge import Knowledge
from site_builder.matching import Match, Matcher, fold
from site_builder.seeds import Seed

# A capitalised word before a surname that is a title, not a first name ("President Aliyev").
_ROLE_WORD = re.compile(r"(президент\w*|премьер\w*|министр\w*|председател\w*|посол|глав\w+|господин\w*|г-н|"
                        r"елші\w*|төраға\w*|мырза|president|prime|minister|ambassador|mr|mrs|ms|dr|prezident\w*|"
                        r"nazir\w*|səfir\w*|cənab\w*|xanım|bəy|lider\w*|leader|елбасы|head|chairman|speaker|спикер\w*)", re.I)
# The two countries the whole record is about: naming them on every document says nothing.
SUBJECT_COUNTRIES = ("kazakhstan", "azerbaijan")
_ROLES = (
    (re.compile(r"(президент|глав|лидер)\w*\s+(казахстан|республики казахстан)|казахстанск\w+\s+(государств|лидер)|"
                r"қазақстан\s+президент|kazakh(?:stan'?s?|stani)?\s+president|president of kazakhstan|qazaxıstan\s+prezident|"
                r"qazaxıstan\s+lider|kazakh\s+leader|қазақстан\s+көшбасшы|қазақстан\s+басшы|qazaxıstan\s+(?:dövlətinin\s+)?başçı|kazakh(?:stani)?\s+head of state|head of the kazakh state",
                re.I), "kz"),
    (re.compile(r"(президент|глав|лидер)\w*\s+(азербайджан|азербайджанской)|азербайджанск\w+\s+(государств|лидер)|"
                r"әзербайжан\s+президент|azerbaijan(?:'?s?|i)\s+president|president of azerbaijan|azərbaycan\s+prezident|"
                r"azərbaycan\s+lider|azerbaijani\s+leader|әзербайжан\s+көшбасшы|әзірбайжан\s+(?:көшбасшы|басшы|президент)|әзербайжан\s+басшы|azərbaycan\s+(?:dövlətinin\s+)?başçı|azerbaijani\s+head of state|head of the azerbaijani state",
                re.I), "az"),
    (re.compile(r"^(глава (нашего )?государства|президент\w*|мемлекет(іміздің)? басшысы|head of (our )?state|the president|"
                r"dövlət başçısı|dövlətimizin başçısı|prezident)\b", re.I), "head"),
    (re.compile(r"политолог|эксперт|аналитик|саясаттанушы|сарапшы|analyst|expert|politoloq|ekspert", re.I), "expert"),
    # A pronoun, or a role named without the name ("– сказал посол", "– деді вице-министр",
    # "– deyə nazir müavini vurğulayıb"): the person the text named last before the quotation.
    (re.compile(r"^(он|она|ол|he|she|o|о|onun|оның|его|ее|её|his|her)\b|^(?:the\s+|this\s+)?(?:[^\W\d_]+\s+){0,2}?(?:вице-|vitse-|зам|deputy\s+|vice\s+)?"
                r"(?:министр|посол|председател|руководител|глав|директор|губернатор|аким|спикер|депутат|"
                r"министрі|елші|төраға|басшы|әкім|директоры|орынбасар|кеңесші|заместител|советник|премьер|"
                r"nazir|səfir|sədr|rəhbər|direktor|deputat|müavin|müşavir|baş nazir|назир|сәфир|сәдр|"
                r"minister|ambassador|chair|head|director|governor|official|spokes|envoy|diplomat|mp|adviser|advisor|premier|"
                r"secretary)\w*$", re.I), "any"),
)

_PRONOUNS = frozenset(fold(w) for w in quoting.PRONOUNS)
# The head of either country named with the country: "Президент(ом) Азербайджана", "President of Kazakhstan",
# "Kazakh President".
_QUALIFIED_HEAD = {
    "kz": re.compile(r"(?:президент|глав)\w*\s+(?:республики\s+)?казахстана|president of (?:the republic of )?kazakhstan|"
                     r"kazakh(?:stani?|stan's)? president", re.I),
    "az": re.compile(r"(?:президент|глав)\w*\s+(?:республики\s+)?азербайджана|president of (?:the republic of )?azerbaijan|"
                     r"azerbaijan(?:i|'s)? president", re.I),
}


def _stem(word: str) -> str:
    """A word without the case ending it may carry in the text: "Гасымовты" holds "Гасымов"."""
    return word[:max(4, len(word) - 2)]


@dataclass(frozen=True)
class Annotation:
    """What ingest finds in one seed, before it is written as a content entry."""

    seed: Seed
    title: str
    title_source: str
    """headline | first-sentence"""
    date: dates.DocDate
    date_range: tuple[str, str | None, str] | None
    """For a text with no date: (from, to, evidence) the offices it names with their holders allow."""
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
    new_people: tuple[Person, ...]
    """People the knowledge base lacks, suggested as entities."""
    lead: int
    """1-based number of the first paragraph of the story (after a headline and web leftovers)."""


def detect_language(text: str) -> str:
    return language.detect(text)


class Annotator:
    """Annotates seeds with one knowledge base; build once, use for many seeds."""

    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        self.entities = Matcher((name, e.id) for e in knowledge.entities for name in e.all_names)
        self.events = EventReader(knowledge)
        self.offices = OfficeReader(knowledge)
        self.outlets = OutletReader(knowledge)
        self.people = PeopleReader(knowledge)
        self.topics = TopicReader(knowledge)

    def annotate(self, seed: Seed) -> Annotation:
        paragraphs = seed.paragraphs
        layout = titles.read(paragraphs, self.outlets.is_name)
        skip = frozenset(layout.leftovers)
        story = layout.story
        text = "\n".join(p for i, p in enumerate(paragraphs) if i not in skip)
        lang = language.detect(text or "\n".join(paragraphs))
        text_all = "\n".join(paragraphs)
        # Kazakh in Latin letters, Azerbaijani in Cyrillic: matched in the script the knowledge writes them in.
        convert = scripts.converter(paragraphs, lang)
        seen = tuple(convert(p) for p in paragraphs)
        seen_all = "\n".join(seen)
        matches = [[Match(m.start, m.end, m.key, p[m.start:m.end]) for m in self._plausible_people(q, self.entities.find(q), seen_all)]
                   for p, q in zip(paragraphs, seen)]
        ents = self.knowledge.entity
        event_hits, event_words, event_anywhere, named = self.events.read(seen, skip, originals=paragraphs)
        lead = range(story, min(story + 2, len(paragraphs)))
        # A known event dates a report only when the report's headline or lead speaks of it.
        heads = set(lead) | ({layout.headline} if layout.headline is not None else set())
        # … and not as last year's news ("Былтыр Тоқаев Әзербайжанға мемлекеттік сапармен барған еді").
        reported = {k: v for k, v in event_hits.items()
                    if any(not dates.in_the_past(seen[i]) and not dates.in_reported_speech(paragraphs[i], event_words[k])
                           and not dates.after_the_event(seen[i], event_words[k])
                           and not dates.in_a_quotation(seen[i], event_words[k])
                           for i in set(event_anywhere[k]) & heads)
                    and not all(dates.in_the_past(seen[i]) for i in v)}
        bounds_found = self.offices.bounds(seen, matches, skip, originals=paragraphs)
        bounds = allowed(bounds_found)
        date = dates.infer(seed.header_date, paragraphs, lead, self.knowledge, event_hits, event_words, reported,
                           story=story, skip=skip, bounds=bounds, named_events=named)
        date_range = None
        if not date.date and bounds:
            date_range = (bounds[0], bounds[1], "; ".join(dict.fromkeys(b.evidence for b in bounds_found)))
        event_hits = self.events.plausible(event_hits, event_words, date)
        dateline, _ = titles.strip_dateline(paragraphs[story]) if story < len(paragraphs) else ("", "")
        outlets = self.outlets.read(paragraphs, skip, story, dateline)
        topics, evidence = self.topics.read(seen, matches, layout.headline, story, skip, originals=paragraphs,
                                            language=lang)
        people, new_people = self.people.read(paragraphs, lang, skip, matches)
        by_type: dict[str, list[str]] = {"place": [], "organization": []}
        for i, para in enumerate(matches):
            if i in skip:
                continue
            for m in para:
                e = ents(m.key)
                if e and e.type in by_type and m.key not in by_type[e.type] and m.key not in SUBJECT_COUNTRIES:
                    by_type[e.type].append(m.key)
        found_quotes = tuple(quoting.find(paragraphs, self._resolver(paragraphs, matches, new_people, convert, lang),
                                          self._person_named))
        for q in found_quotes:
            if q.speaker and q.speaker not in people:
                people.append(q.speaker)
        return Annotation(
            seed=seed, title=layout.title, title_source=layout.title_source, date=date, date_range=date_range,
            language=lang, outlet=outlets.outlet, outlet_cites=outlets.cites, topics=topics, topic_evidence=evidence,
            people=tuple(people), places=tuple(by_type["place"]),
            organizations=tuple(by_type["organization"]), quotes=found_quotes,
            events={k: tuple(sorted({i + 1 for i in v})) for k, v in event_hits.items()},
            leftovers=tuple(i + 1 for i in layout.leftovers), new_people=tuple(new_people), lead=story + 1)

    _not_first = frozenset(fold(w) for w in (
        "и", "с", "в", "на", "по", "о", "а", "ал", "мен", "және", "бен", "пен", "and", "with", "the", "və", "ilə",
        "казахстан", "азербайджан", "қазақстан", "әзербайжан", "kazakhstan", "azerbaijan", "qazaxıstan", "azərbaycan")) | NOT_NAMES

    def _is_place(self, word: str) -> bool:
        found = self.entities.find(word)
        return any(m.start == 0 and (e := self.knowledge.entity(m.key)) and e.type == "place" for m in found)

    @staticmethod
    def _first_names(text: str, surname: str) -> list[str]:
        """Capitalised words written right before `surname` (in any case ending) in the text."""
        stem = re.escape(surname.rstrip("аяуеоыиюьйaeiouəıü")[:max(4, len(surname) - 3)])
        # On the same line: a heading above ("Главная » Политика") is not a first name.
        return [m.group(1) for m in re.finditer(rf"([^\W\d_][\w'’-]+)[ \t\u00a0]+{stem}\w*", text)
                if m.group(1)[:1].isupper() and not _ROLE_WORD.fullmatch(m.group(1))]

    def _plausible_people(self, text: str, found: list[Match], text_all: str = "") -> list[Match]:
        """Drop a known person matched by surname alone where the text names someone else: "Timur Ospanov"
        is not Marat Ospanov, and "Мамедов" is not "Мами" with an ending."""
        out = []
        for m in found:
            e = self.knowledge.entity(m.key)
            if e and e.type == "person" and m.text[:1].islower():
                continue  # the four languages write a name with a capital: "школьники" is not Школьник
            if e and e.type == "person" and " " not in m.text.strip() and "-" not in m.text:
                before = text[:m.start].rstrip()
                prev = re.search(r"([^\W\d_][\w'’-]*)$", before)
                own = {fold(w) for n in e.all_names for w in n.split()}
                own |= {_names.key(w) for n in e.all_names for w in n.split()}
                # … nor is a place before it, in any case ("Астанада Әлиев", "Bakıda Əliyev").
                if prev and prev.group(1)[:1].isupper() and fold(prev.group(1)) not in own \
                        and _names.key(prev.group(1)) not in own and not self._is_place(prev.group(1)) \
                        and not _ROLE_WORD.fullmatch(prev.group(1)) and fold(prev.group(1)) not in self._not_first:
                    continue
                singles = [fold(n) for n in e.all_names if " " not in n.strip()]
                word = fold(m.text)
                # A short surname must stand whole: "Мами" is not the start of "Мамедли".
                stems = [n for n in singles if word.startswith(n if len(n) <= 4 else n[:len(n) - 1])]
                if not stems or len(word) - max(len(n) for n in stems) > 4:
                    continue
                # "Timur Ospanov" named in the text: a later "Ospanov" is him, not a known Ospanov.
                if any(fold(first) not in own and _names.key(first) not in own and fold(first) not in self._not_first
                       and not self._is_place(first) for first in self._first_names(text_all, m.text)):
                    continue
            out.append(m)
        return out

    def _people_before(self, matches: list[list[Match]], paragraph: int, want) -> str | None:
        """The first person meeting `want` in the quote's paragraph, else in the nearest one before it."""
        for i in range(paragraph, -1, -1):
            for m in matches[i]:
                e = self.knowledge.entity(m.key)
                if e and e.type == "person" and want(e):
                    return e.id
        return None

    def _resolver(self, paragraphs: tuple[str, ...], matches: list[list[Match]], new_people: list[Person], seen,
                  language: str = ""):
        """`seen` writes a phrase of the text in the script the knowledge matches (Cyrillic Azerbaijani, Latin Kazakh)."""
        mentioned = Counter(m.key for para in matches for m in para)
        new_by_word = {}
        for person in new_people:
            for w in person.name.split():
                for k in (_names.key(w, person.language), _names.key(w)):
                    new_by_word.setdefault(k, person.id)
        text_all = "\n".join(seen(p) for p in paragraphs)

        # A Russian or English text is at home in the country whose head it leaves unqualified: "Глава государства
        # провел встречу с Президентом Азербайджана" is a Kazakh text, and its bare "Президент" is Tokayev.
        home = {"kk": "kz", "az": "az"}.get(language)
        if not home:
            qualified = {c for c, pattern in _QUALIFIED_HEAD.items() if pattern.search(text_all)}
            home = {"kz": "az", "az": "kz"}[qualified.pop()] if len(qualified) == 1 else None

        def head_of(country: str) -> str | None:
            heads = [e for e in self.knowledge.entities if e.type == "person" and e.kind == "head-of-state"
                     and e.country == country and mentioned[e.id]]
            return max(heads, key=lambda e: (mentioned[e.id], e.id)).id if heads else None

        def resolve(who: str, paragraph: int, limit: int) -> str | None:
            who = who.strip(" '‘’\"«»“”„,–—-")  # "' the minister" after a quotation in single marks
            words = re.findall(r"[^\W\d_][\w'’-]*", who)
            if not words:
                # "… Президенті Ильхам Әлиев «Қазақстан … айналды», деді": the verb names nobody, so the
                # speaker is the person the sentence names last before the quotation.
                sentence_start = max(paragraphs[paragraph].rfind(". ", 0, limit) + 1, 0)
                named = [m for m in matches[paragraph] if sentence_start <= m.start < limit
                         and (e := self.knowledge.entity(m.key)) and e.type == "person"]
                return named[-1].key if named else None
            for w in reversed(words):
                if w[:1].isupper() and (pid := next((new_by_word[k] for k in (_names.key(w), _names.key(w, "az"))
                                                     if k in new_by_word), None)):
                    return pid
            # "nazirliyin rəsmisi Fərid Məmmədov": a known Məmmədov is not him.
            found = self.entities.find(seen(who))
            for m in self._plausible_people(seen(who), found, text_all):
                e = self.knowledge.entity(m.key)
                if e and e.type == "person":
                    return e.id
                if e and e.type in ("outlet", "organization"):
                    return quoting.NOT_SPOKEN
            # "…," Bektenov said: a known person's surname alone, the text having named him in full
            # (also in a case that is another person's name: "По словам Назарбаева" after Нурсултан Назарбаев).
            for m in found + self.entities.find_all(seen(who)):
                e = self.knowledge.entity(m.key)
                if e and e.type == "person" and mentioned[e.id]:
                    return e.id
            for pattern, role in _ROLES:
                if not pattern.search(who):
                    continue
                if role in ("kz", "az"):
                    return head_of(role)
                if role == "head":
                    # "– деді Президент", "deyə dövlət başçısı": a Kazakh text's own president, an
                    # Azerbaijani text's, when the text names him; else the head of state named last.
                    return (home and head_of(home)) or self._people_before(
                        matches, paragraph, lambda e: e.kind == "head-of-state")
                if role == "expert":
                    # A known expert, else the nearest person the knowledge did not hold (a head of state
                    # named nearer is not "the expert").
                    if known := self._people_before(matches, paragraph, lambda e: e.kind == "expert"):
                        return known
                    return next((x.id for i in range(paragraph, -1, -1) for x in reversed(new_people)
                                 if i + 1 in x.paragraphs), None)
                def before_quote(i: int) -> str:
                    return paragraphs[i] if i != paragraph else paragraphs[i][:limit]

                # "– сказал вице-премьер": the nearest new person the text gave that role.
                pronoun = len(words) == 1 and fold(words[0]) in _PRONOUNS
                role_word = fold(words[-1]) if words and not pronoun else ""
                if len(role_word) >= 4 or (len(role_word) >= 2 and role_word.isalpha()):
                    for i in range(paragraph, -1, -1):
                        for x in reversed(new_people):
                            # a short role ("the MP") as a word of the role, a longer one by its stem
                            if i + 1 in x.paragraphs and x.role and (
                                    _stem(role_word) in fold(x.role) if len(role_word) >= 4
                                    else role_word in fold(x.role).split()) \
                                    and _stem(x.name.split()[-1]) in before_quote(i):
                                return x.id
                # "– отметил он": the person mentioned first in the nearest paragraph that names one
                # (before the quotation, in its own paragraph): the subject the pronoun goes back to.
                for i in range(paragraph, -1, -1):
                    text = before_quote(i)
                    named_at = [(at, x.id) for x in new_people if (at := text.find(_stem(x.name.split()[-1]))) != -1]
                    named_at += [(m.start, e.id) for m in matches[i] if m.start < len(text)
                                 and (e := self.knowledge.entity(m.key)) and e.type == "person"]
                    if named_at:
                        # The one a verb of saying follows is the subject ("After his talks with
                        # Nazarbaev, Aliyev told a press conference …"); else the first named.
                        speaking = [(at, pid) for at, pid in named_at
                                    if (v := quoting._VERB.search(text, at, at + 40))
                                    and not re.search(r"[,.!?;]", text[at:v.start()])]
                        return min(speaking or named_at)[1]
                return None
            return None

        return resolve

    def _person_named(self, phrase: str) -> str | None:
        found = self.entities.find(phrase)
        if len(found) == 1 and len(found[0].text) >= len(phrase.strip()) - 2:
            e = self.knowledge.entity(found[0].key)
            if e and e.type == "person":
                return e.id
        return None

