"""Find quotations in a text and who said them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

# Verbs of saying that follow a quotation: «…», – сказал X / «…» деп мәлімдеді X / "…", said X.
_SAID_AFTER = re.compile(
    r"^\s*[,.]?\s*(?:[-–—]\s*(?P<ru>(?:сказал|заявил|подчеркнул|отметил|предложил|добавил|указал|"
    r"резюмировал|констатировал|считает|уверен)\w*\s+(?P<who_ru>[^.;:!?«»\"]{2,120}))"
    r"|деп\s+(?P<kk>(?:мәлімдеді|атап өтті|айтты|сөзін|қосты|ұсынды|түйіндеді|хабарлайды|жазады)\S*\s*"
    r"(?P<who_kk>[^.;:!?«»\"]{0,120}))"
    r"|[-–—]?\s*(?:deyə\s+)?(?P<who_az2>[^.;:!?«»\"]{2,80}?)\s+(?:bildirib|qeyd edib|vurğulayıb|deyib)"
    r"|,?\s*(?P<en>(?:said|says|stated|noted|added|stressed))\s+(?P<who_en>[^.;:!?«»\"]{2,120}))",
    re.I)
# Who speaks before a colon: "Президент Азербайджана Ильхам Алиев сказал:"
_SAYS_COLON = re.compile(r"(?P<who>.{2,160}?)\s+(?:сказал|заявил|отметил|said|stated|деді|айтты|dedi|bildirdi)\w*\s*:\s*$", re.I)
# Who speaks before a quotation in the same sentence: "Ильхам Алиев отметил: «…»".
_SAID_BEFORE = re.compile(
    r"(?P<who>[^.!?…«»\"]{2,160}?)\s+(?:сказал|заявил|отметил|подчеркнул|добавил|указал|said|stated|noted|added|"
    r"stressed|деді|айтты|атап өтті|мәлімдеді|dedi|bildirib|qeyd edib|vurğulayıb)\w*\s*:\s*$", re.I)
# A paragraph ending "…, – Касым-Жомарт Токаев": the whole paragraph is the named person's words.
_TRAILING_NAME = re.compile(r"^(?P<text>.{20,}?)[,.!?…]?\s+[-–—]\s*(?P<who>[^–—.,:;!?«»\"]{3,60})$")
_LEADING_DASH = re.compile(r"^[-–—]\s*")
_PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"'}


@dataclass(frozen=True)
class FoundQuote:
    speaker: str | None
    """Entity id of the speaker; None when the words of attribution name nobody we know."""
    text: str
    """The quoted words, verbatim from the paragraph."""
    paragraph: int
    """1-based paragraph number."""
    attribution: str
    """The words that name the speaker, as the text has them."""


Resolver = Callable[[str, int], str | None]
"""(words naming the speaker, 0-based paragraph) -> person id, None when unknown, or NOT_SPOKEN."""

NOT_SPOKEN = "-"
"""What a resolver returns when the words name an outlet reporting, not a person speaking."""


def _quoted_spans(paragraphs: tuple[str, ...]) -> list[tuple[int, int, int, int]]:
    """(first paragraph, start, last paragraph, end) of each top-level quotation, across paragraphs."""
    spans = []
    opening: tuple[int, int, str] | None = None
    depth = 0
    for pi, text in enumerate(paragraphs):
        for ci, ch in enumerate(text):
            if opening is None:
                if ch in _PAIRS and not (ch == '"' and ci > 0 and text[ci - 1].isalnum()):
                    opening, depth = (pi, ci, ch), 1
            else:
                open_ch = opening[2]
                close_ch = _PAIRS[open_ch]
                if ch == close_ch and (open_ch != '"' or ci + 1 == len(text) or not text[ci + 1].isalnum()):
                    depth -= 1
                    if depth == 0:
                        spans.append((opening[0], opening[1], pi, ci))
                        opening = None
                elif ch == open_ch and open_ch != close_ch:
                    depth += 1
    return spans


def find(paragraphs: tuple[str, ...], resolve: Resolver, person_names: Callable[[str], str | None]) -> list[FoundQuote]:
    """Quotations with their speakers, in text order.

    `resolve` turns attribution words into a speaker; `person_names` says whether a short
    phrase is just a known person's name (for paragraphs ending in "– Name").
    """
    quotes: list[FoundQuote] = []
    claimed: set[int] = set()
    for p0, start, p1, end in _quoted_spans(paragraphs):
        after = paragraphs[p1][end + 1:]
        m = _SAID_AFTER.match(after) or _SAID_BEFORE.search(paragraphs[p0][:start])
        if not m:
            continue
        who = next(g for g in (m.groupdict().get(k) for k in ("who_ru", "who_kk", "who_az2", "who_en", "who"))
                   if g is not None)
        speaker = resolve(who.strip(), p0)
        if speaker == NOT_SPOKEN:
            continue
        attribution = m.group(0).strip(" ,.")
        for pi in range(p0, p1 + 1):
            text = paragraphs[pi]
            a = start + 1 if pi == p0 else 0
            b = end if pi == p1 else len(text)
            piece = text[a:b].strip()
            if piece:
                quotes.append(FoundQuote(speaker, piece, pi + 1, attribution))
                claimed.add(pi)
    for pi, text in enumerate(paragraphs):
        if pi in claimed:
            continue
        m = _TRAILING_NAME.match(text)
        if m and (speaker := person_names(m.group("who"))):
            quotes.append(FoundQuote(speaker, m.group("text").strip(), pi + 1, m.group("who").strip()))
            claimed.add(pi)
    for pi, text in enumerate(paragraphs):
        m = _SAYS_COLON.match(text)
        if not m or pi + 1 >= len(paragraphs):
            continue
        speaker = resolve(m.group("who"), pi)
        if speaker is None or speaker == NOT_SPOKEN:
            continue
        # The speech runs to the end of the text, or to the next paragraph that is not speech.
        for qi in range(pi + 1, len(paragraphs)):
            if qi in claimed or _SAYS_COLON.match(paragraphs[qi]):
                break
            piece = _LEADING_DASH.sub("", paragraphs[qi]).strip()
            quotes.append(FoundQuote(speaker, piece, qi + 1, m.group(0).strip()))
            claimed.add(qi)
    quotes.sort(key=lambda q: q.paragraph)
    return quotes
