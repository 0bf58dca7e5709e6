"""Offices named with their holders ("President Nazarbayev", "Премьер-Министр Олжас Бектенов"):
the dates the text can have, from the holders' terms."""

from __future__ import annotations

import re
from dataclasses import dataclass

from site_builder.knowledge import Knowledge
from site_builder.matching import Match, Matcher

# "former President", "экс-премьер", "бывший министр", "Первый Президент": not the office held then.
_FORMER = re.compile(r"(бывш\w*|экс-?|former|ex-|сабық|бұрынғы|keçmiş|sabiq|перв\w+|тұңғыш|first|ilk|birinci|"
                     r"покойн\w*|марқұм|late|mərhum|ұлт көшбасшысы|ümummilli)\s*$", re.I)
WINDOW = 70


@dataclass(frozen=True)
class Bound:
    person: str
    office: str
    start: str
    end: str | None
    evidence: str
    paragraph: int
    """1-based."""


class OfficeReader:
    """Built once per knowledge base."""

    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        self.terms = Matcher((term, office.id) for office in knowledge.offices for term in office.terms)
        self.holders: dict[tuple[str, str], list] = {}
        for office in knowledge.offices:
            for term in office.holders:
                self.holders.setdefault((office.id, term.person), []).append(term)

    def bounds(self, paragraphs: tuple[str, ...], people: list[list[Match]], skip=frozenset(), originals=None) -> list[Bound]:
        """Each holder named right after (or before) a word for an office they held: their term there."""
        found: list[Bound] = []
        if not self.holders:
            return found
        for i, (p, matches) in enumerate(zip(paragraphs, people)):
            if i in skip:
                continue
            for m in matches:
                start = max(0, m.start - WINDOW)
                before = p[start:m.start]
                before = re.split(r"[.!?;«»\"“”]\s*", before)[-1]
                offset = m.start - len(before)
                for t in self.terms.find(before):
                    terms = self.holders.get((t.key, m.key))
                    if not terms or _FORMER.search(before[:t.start]):
                        continue
                    # The office word must stand close to the name: at most a country between them.
                    between = before[t.end:]
                    if len(between.split()) > 4:
                        continue
                    lo = min(x.start for x in terms)
                    hi = None if any(x.end is None for x in terms) else max(x.end for x in terms)
                    found.append(Bound(m.key, t.key, lo, hi, (originals or paragraphs)[i][offset + t.start:m.end], i + 1))
                    break
        return found


def allowed(bounds: list[Bound]) -> tuple[str, str | None] | None:
    """The dates every bound allows, (from, to); None when there are none or they contradict each other
    (a text that looks back at earlier holders)."""
    if not bounds:
        return None
    lo = max(b.start for b in bounds)
    ends = [b.end for b in bounds if b.end]
    hi = min(ends) if ends else None
    if hi and hi[:len(lo)] < lo[:len(hi)]:
        return None
    return lo, hi
