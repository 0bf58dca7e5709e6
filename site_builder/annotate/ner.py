"""Russian named-entity recognition with Natasha (Slovnet's news model, shipped in its wheel), loaded
once per process, and base forms of Russian names with its morphology dictionary."""

from __future__ import annotations

import re

import functools


@functools.lru_cache(maxsize=1)
def _model():
    from natasha import Doc, MorphVocab, NewsEmbedding, NewsNERTagger, Segmenter

    embedding = NewsEmbedding()
    return Doc, Segmenter(), NewsNERTagger(embedding), MorphVocab()


def people(text: str) -> list[tuple[int, int]]:
    """(start, end) of each person's name the model finds in Russian `text`."""
    return people_in([text])[0]


def people_in(paragraphs: list[str]) -> list[list[tuple[int, int]]]:
    """people() for several paragraphs at once: one pass of the model over them all."""
    if not paragraphs:
        return []
    doc_type, segmenter, tagger, _ = _model()
    joined = "\n".join(paragraphs)
    doc = doc_type(joined)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    starts, pos = [], 0
    for p in paragraphs:
        starts.append(pos)
        pos += len(p) + 1
    out: list[list[tuple[int, int]]] = [[] for _ in paragraphs]
    for s in doc.spans:
        if s.type != "PER":
            continue
        i = max(k for k, st in enumerate(starts) if st <= s.start)
        end = min(s.stop, starts[i] + len(paragraphs[i]))
        out[i].append((s.start - starts[i], end - starts[i]))
    return out


def _morph():
    return _model()[3]


_ENDINGS = {("gent", "masc"): ("а", "я"), ("datv", "masc"): ("у", "ю"), ("accs", "masc"): ("а", "я"),
            ("ablt", "masc"): ("ом", "ем", "ём"), ("loct", "masc"): ("е",), ("gent", "femn"): ("ы", "и"),
            ("datv", "femn"): ("е",), ("ablt", "femn"): ("ой", "ей")}
_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


# The case a preposition or a role noun before a name puts it in ("с Маратом", "министра Ерлана").
_PREPOSITION_CASE = {"с": "ablt", "со": "ablt", "перед": "ablt", "между": "ablt", "у": "gent", "для": "gent",
                     "от": "gent", "до": "gent", "без": "gent", "к": "datv", "по": "datv", "о": "loct", "об": "loct",
                     "при": "loct"}


def case_before(word: str) -> str | None:
    """The case `word` (the one right before a name) governs or agrees in, when it tells one."""
    low = word.lower()
    if low in _PREPOSITION_CASE:
        return _PREPOSITION_CASE[low]
    parses = _morph().parse(low)
    nouns = [p for p in parses if p.tag.POS == "NOUN" and p.tag.number == "sing"]
    cases = {p.tag.case for p in nouns}
    if nouns and not any(p.tag.case == "nomn" for p in parses) and (len(cases) == 1 or cases == {"gent", "accs"}):
        return "gent" if "gent" in cases else nouns[0].tag.case
    return None


_PATRONYMIC = re.compile(r"(?:улы|ұлы|кызы|қызы|^оглы|^оғлы|^гызы)$", re.I)


def base_russian(name: str, hint: str | None = None, gender_hint: str | None = None) -> str:
    """Рашадом Набиевым → Рашад Набиев; Мехрибан Алиевой → Мехрибан Алиева; Касым-Жомарта Токаева →
    Касым-Жомарт Токаев: the case and gender most of the name's words agree on, put in the nominative."""
    morph = _morph()
    words = name.split()
    # A surname in -овым, -евым, -иным is in the instrumental whatever the given name shows ("Фуад Рауф оглы
    # Мурадовым": a given name the dictionary lacks looks nominative).
    if hint is None and len(words) >= 2 and re.search(r"(?:ов|ев|ёв|ин)ым$", words[-1]):
        hint, gender_hint = "ablt", gender_hint or "masc"
    # A Kazakh surname of the patronymic kind (Рамазанулы, Нурланкызы) is not declined in Russian; it tells
    # the gender, and the case is the first name's alone ("с Бауыржаном Ахметулы").
    fixed = [bool(_PATRONYMIC.search(w)) for w in words]
    if any(fixed):
        gender_hint = gender_hint or ("femn" if any(re.search(r"[кқ]ызы$", w, re.I) for w in words) else "masc")
        if all(fixed):
            return name
        rest = base_russian(" ".join(w for w, f in zip(words, fixed) if not f), hint, gender_hint).split()
        return " ".join(w if f else rest.pop(0) for w, f in zip(words, fixed))
    parts = [w.split("-") for w in words]
    flat = [x for w in parts for x in w]
    parses = [[p for p in morph.parse(x) if {"Name", "Surn", "Patr"} & p.tag.grammemes] or morph.parse(x)[:2]
              for x in flat]
    best, best_score = ("nomn", None), -1
    for case in ((hint,) if hint in _CASES else _CASES):
        for gender in ((gender_hint,) if gender_hint in ("masc", "femn") else ("masc", "femn")):
            score = sum(max((p.score + 1 for p in ps if p.tag.case == case and p.tag.gender in (gender, None)
                             and p.tag.number != "plur"), default=0)
                        for ps in parses)
            if score > best_score:
                best, best_score = (case, gender), score
    case, gender = best
    out, k = [], 0
    for w in parts:
        pieces = []
        for x in w:
            ps = parses[k]
            k += 1
            chosen = next((p for p in ps if p.tag.case == case and p.tag.gender in (gender, None)
                           and p.tag.number != "plur"), None)
            if case == "nomn":
                pieces.append(x)
                continue
            if chosen is None:
                # A first name the dictionary lacks takes the case the rest of the name shows.
                ending = _ENDINGS.get((case, gender), ())
                cut = next((len(e) for e in ending if x.lower().endswith(e) and len(x) - len(e) >= 3), 0)
                pieces.append(x[:-cut] + ("а" if gender == "femn" and cut else "") if cut else x)
                continue
            from pymorphy2.analyzer import Parse

            form = Parse.inflect(chosen, {"nomn"})
            text = form.word if form else x
            pieces.append(text[:1].upper() + text[1:] if x[:1].isupper() else text)
        out.append("-".join(pieces))
    return " ".join(out)
