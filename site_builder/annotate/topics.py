"""Topics a text is about, from keywords and entities weighed by where they stand and how often."""

from __future__ import annotations

import re
from collections import Counter

from site_builder.knowledge import Knowledge
from site_builder.matching import Match, Matcher

HEADLINE, LEAD, BODY = 2.0, 2.0, 1.0
# Words that run through texts of every kind (agreement, talks, meeting) count this much.
WEAK = 0.5
# A topic with little evidence (below ENOUGH) and far weaker than the text's main one is a passing
# mention ("… as well as energy").
RELATIVE = 0.5
GENERAL = "politics"
# Evidence this strong makes a topic whatever else the text is about (a long text has several).
ENOUGH = 3.0


_ENGLISH_ENDINGS = ("", "s", "es", "ed", "d", "ing", "'s", "’s", "er", "ers", "al")


def _english_form(keyword: str, text: str) -> bool:
    """Whether `text` is `keyword` with an English inflection, not a longer word that starts like it."""
    last, word = keyword.split()[-1].lower(), text.split()[-1].lower() if text.split() else ""
    stem = last[:-1] if last.endswith("e") else last
    return any(word in (last + e, stem + e) for e in _ENGLISH_ENDINGS) or word.startswith(last + "-")


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


def _mask(text: str, spans) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


class TopicReader:
    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        self.words = Matcher(
            [(kw, f"{t.id}\t{lang}\t{kw}\t1") for t in knowledge.topics for lang, words in t.keywords.items() for kw in words]
            + [(kw, f"{t.id}\t{lang}\t{kw}\t{WEAK}") for t in knowledge.topics
               for lang, words in t.weak_keywords.items() for kw in words])
        self.ignore = Matcher((p, "") for p in knowledge.topic_ignore)
        self.entity_topics: dict[str, list[str]] = {}
        for t in knowledge.topics:
            for eid in t.entities:
                self.entity_topics.setdefault(eid, []).append(t.id)

    def _keywords(self, text: str):
        """(topic, weight, match) for each keyword of `text`, phrases that are no evidence left out."""
        text = _mask(text, ((m.start, m.end) for m in self.ignore.find(text)))
        for m in self.words.find(text):
            tid, lang, kw, weight = m.key.split("\t")
            if lang == "en" and not _english_form(kw, m.text):
                continue  # "port" is not "portal", "trade" is not "trademark"
            yield tid, float(weight), m

    def read(self, paragraphs: tuple[str, ...], matches: list[list[Match]], headline: int | None, story: int,
             skip: frozenset[int], originals=None) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
        scores: Counter = Counter()
        places: Counter = Counter()
        prominent: set[str] = set()
        evidence: dict[str, list[str]] = {}
        for i, (p, para) in enumerate(zip(paragraphs, matches)):
            if i in skip:
                continue
            weight = HEADLINE if i == headline else LEAD if i == story else BODY
            masked = list(p)
            for m in para:
                masked[m.start:m.end] = " " * (m.end - m.start)
                for tid in self.entity_topics.get(m.key, ()):
                    scores[tid] += 2 * weight
                    places[tid] += 2  # a named project or body is more than a passing word
                    if weight > BODY:
                        prominent.add(tid)
                    evidence.setdefault(tid, []).append(m.text)
            masked_text = "".join(masked)
            for tid, strength, m in self._keywords(masked_text):
                if tid != GENERAL and _portfolio(masked_text, m.start, m.end):
                    strength = min(strength, PORTFOLIO)
                scores[tid] += strength * weight
                places[tid] += strength
                if weight > BODY and strength >= 1:
                    prominent.add(tid)
                evidence.setdefault(tid, []).append((originals or paragraphs)[i][m.start:m.end])
        # Diplomatic words (visit, talks, agreement) run through every bilateral text: the scale a
        # passing topic is judged against is the strongest of the others.
        top = max((v for k, v in scores.items() if k != GENERAL), default=0)

        def chosen_(tid: str) -> bool:
            if scores[tid] < self.knowledge.topic_threshold:
                return False
            # One word once in the body is a passing mention.
            if tid not in prominent and places[tid] < 2:
                return False
            return scores[tid] >= RELATIVE * top or scores[tid] >= ENOUGH

        chosen = tuple(t.id for t in self.knowledge.topics if chosen_(t.id))
        return chosen, {t: tuple(dict.fromkeys(evidence[t])) for t in chosen}
