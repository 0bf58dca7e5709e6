"""Topics a text is about, from keywords and entities weighed by where they stand and how often."""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import NamedTuple

from site_builder.knowledge import Knowledge
from site_builder.matching import Match, Matcher, fold

HEADLINE, LEAD, BODY = 2.0, 2.0, 1.0
# A paragraph of background ("Напомним, …", "Recall that …", "Xatırladaq ki …", "Айта кетейік, …") tells
# what happened before, not what the text reports: its evidence counts this much.
BACKGROUND = 0.5
# Words that run through texts of every kind (agreement, talks, meeting) count this much.
WEAK = 0.5
# A field named in a list of three or more ("cooperation in trade, transport, energy and culture",
# "саяси, сауда-экономикалық, көлік-логистика және мәдени-гуманитарлық салалар") is the agenda of a
# meeting, not its subject: each counts this much, and never as a headline's or lead's word.
LISTED = 0.25
# Sentences a topic must be named in, unless its headline or lead names it: a sentence counts as its
# strongest word there (a weak word half, a listed one a quarter, in background half as much), so weak,
# listed or background words alone are a passing mention.
MENTIONS = 1
# A topic with little evidence (below ENOUGH) and far weaker than the text's main one is a passing
# mention ("… as well as energy").
RELATIVE = 0.4
GENERAL = "politics"
# Evidence this strong makes a topic whatever else the text is about (a long text has several), when
# it stands in ENOUGH_SENTENCES sentences or is stronger still: three words in a sentence or two are a
# detail (a port, a tanker and a railway in a text about oil exports are how the oil goes).
ENOUGH = 3.0
ENOUGH_SENTENCES = 3
# … but not diplomacy, which runs through every bilateral text: the visit a culture-days text recalls in its lead
# is no topic of its own unless its evidence reaches this share of the main topic's. (The fields a summit report
# names in a paragraph each stay its topics: the editor counts them.)
GENERAL_SCALE = 0.7


_ENGLISH_ENDINGS = ("", "s", "es", "ed", "d", "ing", "'s", "’s", "er", "ers", "al")


def _english_form(keyword: str, text: str) -> bool:
    """Whether `text` is `keyword` with an English inflection, not a longer word that starts like it."""
    last, word = keyword.split()[-1].lower(), text.split()[-1].lower() if text.split() else ""
    stem = last[:-1] if last.endswith("e") else last
    # ("-al" makes adjectives of longer words, cultural, educational; "portal" is no port)
    return any(word in (last + e, stem + e) for e in _ENGLISH_ENDINGS if e != "al" or len(last) >= 5) \
        or word.startswith(last + "-")


# A keyword that names an office's portfolio ("Energy Minister", "Minister of Digital Development and
# Transport", "Nəqliyyat Nazirliyindən", "көлік министрі", "министр экономики") says who speaks, not what
# the text is about: it counts this much.
PORTFOLIO = 0.25
_OFFICE_AFTER = re.compile(r"^[\w'’-]*(?:\s+(?:and|və|и|және|мен|,)?\s*[\w'’-]+){0,3}?\s+(?:vice-|deputy\s+)?"
                           r"(minister|ministry|министр|министерств|министрлі|mınıstr|ministr|nazir)\w*", re.I)
_OFFICE_BEFORE = re.compile(r"(minister|ministry|министр\w*|министерств\w*|nazirliy\w*)\s+(?:of\s+(?:the\s+)?)?"
                            r"(?:[\w'’-]+,?\s+){0,4}$", re.I)


def _portfolio(text: str, start: int, end: int) -> bool:
    """Whether the keyword at text[start:end] is part of the name of an office or ministry."""
    sentence_start = max(text.rfind(c, 0, start) for c in ".!?;:«»\"“”()")
    before = text[max(sentence_start + 1, start - 60):start]
    return bool(_OFFICE_AFTER.match(text[start:start + 60]) or _OFFICE_BEFORE.search(before))


# A keyword that is a name: a first name before a surname (Səfər Əbiyev, Сапар Исқақов) or a surname made
# of it (Сапаров, Səfərov). Say "visit" in Azerbaijani or Kazakh and you name many a man.
_SURNAME = r"[\w'’-]*(?:ov|ev|yev|iyev|ova|eva|yeva|zadə|zade|li|lı|lu|lü|oğlu|ов|ев|ова|ева|јев|ұлы|қызы|улы|кызы|заде|оглу)"
_SURNAME_AFTER = re.compile(r"\s+[^\W\d_]" + _SURNAME + r"[^\W\d_]{0,5}\b")
_SURNAME_WORD = re.compile(r"(?:ov|ev|yev|ova|eva|ов|ев|ова|ева|јев)[аыуe]?\w{0,3}$")


def _name(text: str, start: int, end: int) -> bool:
    """Whether the capitalised keyword at text[start:end] is a person's first name or surname."""
    word = text[start:end]
    if not word[:1].isupper() or " " in word.strip():
        return False
    return bool(_SURNAME_WORD.search(word) or _SURNAME_AFTER.match(text, end))


def _mask(text: str, spans) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


# Kazakh and Azerbaijani voice a stem's last consonant before a vowel ending (көмек → көмегі, мектеп →
# мектебі, uşaq → uşağı, kömək → köməyi): a keyword is also looked for with that letter.
_VOICED = {"kk": {"к": "г", "қ": "ғ", "п": "б"}, "az": {"k": "y", "q": "ğ"}}
# Kazakh in Latin letters writes a loanword's э as e, я as ıa (ия as ııa), ю as ıý, ц as s: read back
# letter for letter into Cyrillic ("energetıka" → енергетика), it misses the keyword's spelling unless
# the keyword is looked for that way too.
_LATIN_READ = (("ия", "иа"), ("я", "иа"), ("ю", "иу"), ("э", "е"), ("ц", "с"), ("ь", ""))
# Plain u is ұ in the Latin alphabets of 2017 and 2018 (scripts.py reads it so), but loanwords are often
# written with u for у (turızm, ındustrıa): read back as ұ, a у of the keyword is looked for as ұ too.
_LATIN_U = ("у", "ұ")


def _variants(keyword: str, lang: str) -> tuple[str, ...]:
    """Other spellings of `keyword` a text of `lang` may use: its voiced stem, its Latin reading."""
    out = [keyword]
    voiced = _VOICED.get(lang, {})
    words = keyword.split()
    if voiced and len(words[-1]) >= 4 and words[-1][-1] in voiced:
        out.append(" ".join(words[:-1] + [words[-1][:-1] + voiced[words[-1][-1]]]))
    if lang == "kk":
        low = keyword.lower()
        for a, b in _LATIN_READ:
            low = low.replace(a, b)
        out += [low, low.replace(*_LATIN_U)]
    return tuple(dict.fromkeys(out))


class _Evidence(NamedTuple):
    start: int
    end: int
    topic: str
    strength: float
    entity: bool


# Between two fields of a list: punctuation, a conjunction, at most one other word ("trade, transport,
# digitalization and energy").
_CONJUNCTIONS = frozenset(fold(w) for w in (
    "and", "or", "as", "well", "also", "of", "və", "ilə", "həmçinin", "eləcə", "də", "habelə", "и", "или", "а",
    "также", "в", "сфере", "сферах", "және", "мен", "бен", "пен", "сондай", "ақ", "да", "де", "салаларда"))


def _list_gap(gap: str) -> bool:
    if len(gap) > 40 or re.search(r"[.!?:;«»\"“”()]", gap):
        return False
    words = re.findall(r"[^\W\d_]+", gap)
    others = [w for w in words if fold(w) not in _CONJUNCTIONS]
    return len(others) <= 1 and (bool(re.search(r"[,/\-–—]", gap)) or len(others) < len(words))


def _listed(items: list[_Evidence], text: str) -> set[int]:
    """Indices of the evidence that stands in a list of three or more topics."""
    listed: set[int] = set()
    run = [0] if items else []
    for i in range(1, len(items) + 1):
        if i < len(items) and _list_gap(text[items[i - 1].end:items[i].start]):
            run.append(i)
            continue
        if len({items[j].topic for j in run}) >= 3:
            listed.update(run)
        run = [i]
    return listed


_SENTENCE_END = re.compile(r"[.!?…]+[»\"”’)]*(?=\s+\S)")


class TopicReader:
    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        phrases: list[tuple[str, str, str]] = []
        for t in knowledge.topics:
            for words, weight in ((t.keywords, 1), (t.weak_keywords, WEAK)):
                phrases += [(lang, v, f"{t.id}\t{lang}\t{kw}\t{weight}")
                            for lang, kws in words.items() for kw in kws for v in _variants(kw, lang)]
        # One matcher per language, so that a word two languages share (film, festival) is found as each's.
        self.words = {lang: Matcher((v, key) for lg, v, key in phrases if lg == lang) for lang in {p[0] for p in phrases}}
        self.any_words = Matcher((v, key) for _, v, key in phrases)
        self.ignore = Matcher((p, "") for p in knowledge.topic_ignore)
        self.background = tuple(fold(p) for p in knowledge.topic_background)
        self.venues = Matcher((v, "") for v in knowledge.topic_venues)
        self.entity_topics: dict[str, list[str]] = {}
        for t in knowledge.topics:
            for eid in t.entities:
                self.entity_topics.setdefault(eid, []).append(t.id)

    def _keywords(self, text: str, language: str | None = None):
        """(topic, weight, match) for each keyword of `text`, phrases that are no evidence left out; with
        `language`, only that language's keywords (a Kazakh "сапар" is no evidence in the Russian "Сапаров")."""
        text = _mask(text, ((m.start, m.end) for m in self.ignore.find(text)))
        for m in self.words.get(language or "", self.any_words).find(text):
            tid, lang, kw, weight = m.key.split("\t")
            if lang == "en" and not _english_form(kw, m.text):
                continue  # "port" is not "portal", "trade" is not "trademark"
            if lang != "en" and _name(text, m.start, m.end):
                continue
            yield tid, float(weight), m

    def _is_background(self, paragraph: str) -> bool:
        start = fold(paragraph.lstrip(" \t–—-«\"“"))
        return any(start.startswith(b) and not start[len(b):len(b) + 1].isalpha() for b in self.background)

    def _evidence(self, text: str, entities: list[Match], language: str | None) -> list[_Evidence]:
        masked = list(text)
        found = []
        for m in entities:
            masked[m.start:m.end] = " " * (m.end - m.start)
            found += [_Evidence(m.start, m.end, tid, 1.0, True) for tid in self.entity_topics.get(m.key, ())]
        masked_text = "".join(masked)
        for tid, strength, m in self._keywords(masked_text, language):
            if tid != GENERAL and _portfolio(masked_text, m.start, m.end):
                strength = min(strength, PORTFOLIO)
            found.append(_Evidence(m.start, m.end, tid, strength, False))
        return sorted(found, key=lambda e: (e.start, e.end))

    def _qualified_venue(self, paragraphs, items) -> bool:
        """Whether the text's exhibition or fair is once qualified by another field's word ("təhsil sərgisi",
        "выставка образования"): then it is an event of that field, in every paragraph."""
        for p, found in zip(paragraphs, items):
            for v in self.venues.find(p):
                own = {e.topic for e in found if e.start < v.end and v.start < e.end}
                for e in found:
                    if e.topic in own or (e.start < v.end and v.start < e.end):
                        continue
                    gap = p[e.end:v.start] if e.end <= v.start else p[v.end:e.start]
                    if not gap.strip(" -–") and len(gap) <= 2:
                        return True
        return False

    def _drop_venues(self, paragraph: str, items: list[_Evidence]) -> list[_Evidence]:
        spans = [(v.start, v.end) for v in self.venues.find(paragraph)]
        return [e for e in items if e.entity or not any(a < e.end and e.start < b for a, b in spans)]

    def read(self, paragraphs: tuple[str, ...], matches: list[list[Match]], headline: int | None, story: int,
             skip: frozenset[int], originals=None, language: str | None = None,
             ) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
        scores: Counter = Counter()
        # How many sentences name the topic, each by its strongest word there.
        mentions: Counter = Counter()
        prominent: set[str] = set()
        evidence: dict[str, list[str]] = {}
        per_paragraph = [[] if i in skip else self._evidence(p, para, language)
                         for i, (p, para) in enumerate(zip(paragraphs, matches))]
        if self._qualified_venue(paragraphs, per_paragraph):
            per_paragraph = [self._drop_venues(p, items) for p, items in zip(paragraphs, per_paragraph)]
        for i, p in enumerate(paragraphs):
            if i in skip:
                continue
            weight = HEADLINE if i == headline else LEAD if i == story else BODY
            background = weight == BODY and self._is_background(p)
            if background:
                weight = BODY * BACKGROUND
            items = per_paragraph[i]
            listed = _listed(items, p)
            ends = [m.end() for m in _SENTENCE_END.finditer(p)]
            sentence: dict[str, dict[int, float]] = {}
            for k, e in enumerate(items):
                strength = min(e.strength, LISTED) if k in listed else e.strength
                n = bisect.bisect_right(ends, e.start)
                in_sentence = sentence.setdefault(e.topic, {})
                in_sentence[n] = max(in_sentence.get(n, 0.0), strength * (BACKGROUND if background else 1))
                # A named project or body is more than a passing word.
                scores[e.topic] += (2 if e.entity else 1) * strength * weight
                if weight > BODY and strength >= 1:
                    prominent.add(e.topic)
                evidence.setdefault(e.topic, []).append((originals or paragraphs)[i][e.start:e.end])
            for tid, found in sentence.items():
                mentions[tid] += sum(found.values())
        # The heads of two states named together in the headline or the lead ("… as Aliyev meets Tokayev in Astana")
        # are a meeting of the two: evidence of politics as strong as a headline's two words.
        for i in sorted({headline, story} - {None}):
            if i < len(matches) and i not in skip and len({e.country for m in matches[i] if (e := self.knowledge.entity(m.key))
                                                           and e.type == "person" and e.kind == "head-of-state"}) >= 2:
                scores[GENERAL] += HEADLINE * 2
                mentions[GENERAL] += 1
                prominent.add(GENERAL)
                evidence.setdefault(GENERAL, []).extend(
                    (originals or paragraphs)[i][m.start:m.end] for m in matches[i]
                    if (e := self.knowledge.entity(m.key)) and e.kind == "head-of-state")
                break
        # Diplomatic words (visit, talks, agreement) run through every bilateral text: the scale a
        # passing topic is judged against is the strongest of the others.
        top = max((v for k, v in scores.items() if k != GENERAL), default=0)

        def chosen_(tid: str) -> bool:
            if scores[tid] < self.knowledge.topic_threshold:
                return False
            # Weak, listed or background words alone are a passing mention.
            if tid not in prominent and mentions[tid] < MENTIONS:
                return False
            enough = scores[tid] > ENOUGH and (tid != GENERAL or scores[tid] >= GENERAL_SCALE * top)
            return scores[tid] >= RELATIVE * top or enough or (
                scores[tid] >= ENOUGH and mentions[tid] >= ENOUGH_SENTENCES)

        chosen = tuple(t.id for t in self.knowledge.topics if chosen_(t.id))
        if not chosen:
            # Every text is about something: with no topic beyond a passing mention, the strongest one
            # with evidence enough.
            best = max(scores, key=lambda t: (scores[t], t != GENERAL), default=None)
            if best and scores[best] >= self.knowledge.topic_threshold:
                chosen = (best,)
        return chosen, {t: tuple(dict.fromkeys(evidence[t])) for t in chosen}
