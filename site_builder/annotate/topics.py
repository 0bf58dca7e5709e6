"""Topics a text is about, from keywords and entities weighed by where they stand and how often."""

from __future__ import annotations

from collections import Counter

from site_builder.knowledge import Knowledge
from site_builder.matching import Match, Matcher

HEADLINE, LEAD, BODY = 2.0, 1.5, 1.0
# A topic far weaker than the text's main one is a passing mention ("… as well as energy").
RELATIVE = 0.2
GENERAL = "politics"


class TopicReader:
    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        self.words = Matcher(
            (kw, f"{t.id}\t{kw}") for t in knowledge.topics for words in t.keywords.values() for kw in words)
        self.entity_topics: dict[str, list[str]] = {}
        for t in knowledge.topics:
            for eid in t.entities:
                self.entity_topics.setdefault(eid, []).append(t.id)

    def read(self, paragraphs: tuple[str, ...], matches: list[list[Match]], headline: int | None, story: int,
             skip: frozenset[int]) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
        scores: Counter = Counter()
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
                    evidence.setdefault(tid, []).append(m.text)
            for m in self.words.find("".join(masked)):
                tid = m.key.split("\t")[0]
                scores[tid] += weight
                evidence.setdefault(tid, []).append(m.text)
        # Diplomatic words (visit, talks, agreement) run through every bilateral text: the scale a
        # passing topic is judged against is the strongest of the others.
        top = max((v for k, v in scores.items() if k != GENERAL), default=0)
        chosen = tuple(t.id for t in self.knowledge.topics
                       if scores[t.id] >= self.knowledge.topic_threshold and scores[t.id] >= RELATIVE * top)
        return chosen, {t: tuple(dict.fromkeys(evidence[t])) for t in chosen}
