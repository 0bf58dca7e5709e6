"""Known events of the chronology a text speaks of: every trigger group of the event must match."""

from __future__ import annotations

import re
from collections import Counter

from site_builder.annotate import dates
from site_builder.knowledge import Knowledge
from site_builder.matching import Matcher, fold, phrase_pattern

GAP = " … "


# A visit "to Azerbaijan" is written as well "to Baku": a trigger naming one of the two countries also
# matches with its capital in its place (the same language's spelling).
_CAPITALS = {"Азербайджан": ("Баку",), "Әзербайжан": ("Баку",), "Azerbaijan": ("Baku",), "Azərbaycan": ("Bakı",),
             "Казахстан": ("Астана", "Нур-Султан"), "Қазақстан": ("Астана", "Нұр-Сұлтан"),
             "Kazakhstan": ("Astana", "Nur-Sultan"), "Qazaxıstan": ("Astana", "Nur-Sultan")}


def _with_capitals(phrase: str) -> list[str]:
    out = [phrase]
    words = phrase.split(" ")
    for i, w in enumerate(words):
        for capital in _CAPITALS.get(w, ()):
            out.append(" ".join(words[:i] + [capital] + words[i + 1:]))
    return out


class EventReader:
    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        triggers = [(variant, f"{ev.id}\t{gi}") for ev in knowledge.events for gi, group in enumerate(ev.triggers)
                    for phrase in group for variant in _with_capitals(phrase)]
        self.triggers = Matcher((p, k) for p, k in triggers if GAP not in p)
        # "официальный визит … Азербайджан": the parts in this order within one sentence. Each is tried
        # only where its first part stands (found with one matcher for all of them).
        self.gapped = [(re.compile(r"[^.!?…]{0,200}?".join(phrase_pattern(part) for part in p.split(GAP))), k)
                       for p, k in triggers if GAP in p]
        self.first_parts = Matcher((p.split(GAP)[0], str(n)) for n, (p, _) in enumerate(
            (p, k) for p, k in triggers if GAP in p))

    def read(self, paragraphs: tuple[str, ...], skip: frozenset[int] = frozenset(), originals=None):
        """(cited paragraphs, matched words, all paragraphs hit, paragraphs naming the event (its first group)),
        each by event id, 0-based."""
        groups: dict[str, dict[int, list[tuple[int, str]]]] = {}
        for i, p in enumerate(paragraphs):
            if i in skip:
                continue
            orig = (originals or paragraphs)[i]
            found = [(m.key, orig[m.start:m.end]) for m in self.triggers.find_all(p)]
            if self.gapped:
                folded = fold(p)
                done: set[int] = set()
                for hit in self.first_parts.find_all(p):
                    n = int(hit.key)
                    if n in done:
                        continue
                    pattern, key = self.gapped[n]
                    if m := pattern.match(folded, hit.start):
                        found.append((key, orig[m.start():m.end()]))
                        done.add(n)
            for key, text in found:
                event_id, group = key.split("\t")
                groups.setdefault(event_id, {}).setdefault(int(group), []).append((i, text))
        hits: dict[str, list[int]] = {}
        words: dict[str, list[str]] = {}
        anywhere: dict[str, list[int]] = {}
        named: dict[str, list[int]] = {}
        for ev in self.knowledge.events:
            found = groups.get(ev.id, {})
            if 0 in found:
                named[ev.id] = sorted({i for i, _ in found[0]})
            if len(found) == len(ev.triggers):
                # Cite the paragraphs where most of the event's trigger groups meet.
                per_para = Counter(i for g in found.values() for i in {i for i, _ in g})
                best = max(per_para.values())
                hits[ev.id] = sorted(i for i, n in per_para.items() if n == best)
                words[ev.id] = [w for g in sorted(found) for _, w in found[g][:1]]
                anywhere[ev.id] = sorted(per_para)
        return hits, words, anywhere, named

    def plausible(self, hits: dict[str, list[int]], words: dict[str, list[str]],
                  date: dates.DocDate) -> dict[str, list[int]]:
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
            months = dates.relative_months(" ".join(words[ev.id]), year)
            if months and not any(ev.date.startswith(m) or m.startswith(ev.date) for m in months):
                continue
            out[ev.id] = hits[ev.id]
        return out
