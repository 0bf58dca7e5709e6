"""Find names from the knowledge base in running text, across case endings and look-alike letters."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

# Latin and Cyrillic capitals that look the same are folded to one letter, so that a name
# typed with a stray Latin "A" or "О" inside a Cyrillic word is still found (and vice versa).
_LOOKALIKE = str.maketrans({
    "A": "А", "B": "В", "C": "С", "E": "Е", "H": "Н", "K": "К", "M": "М", "O": "О", "P": "Р",
    "T": "Т", "X": "Х", "Y": "У", "I": "І", "a": "а", "c": "с", "e": "е", "k": "к", "o": "о", "p": "р",
    "x": "х", "y": "у", "i": "і", "Ё": "Е", "ё": "е", "İ": "і", "Ј": "J",
    # The lower case of B, H, M, T too: a capital folds to the Cyrillic letter, so its small letter must
    # as well, or "Ticarət", "Mədəniyyəti", "Transit" at a sentence's start miss "ticarət", "mədəniyyət".
    "b": "в", "h": "н", "m": "м", "t": "т",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2212": "-",
    "\u00a0": " ", "\u2019": "'", "\u02bc": "'",
    # Quotation marks of every style are one mark: «Respublika» qəzeti is “Respublika” qəzeti.
    "«": '"', "»": '"', "“": '"', "”": '"', "„": '"',
})

# After the look-alike fold, lower-casing these gives one character, so offsets stay put.
_LETTERS = r"[^\W\d_]"
# How many letters of case ending a word may carry (Kazakh stacks suffixes: Астанадағы).
MAX_ENDING = 7
# A Russian noun's last vowel changes with its case (Астана → Астане), and so does an
# adjective's two-letter ending (Каспийское → Каспийского): neither is part of the stem.
_CHANGING_ENDINGS = "аяйьеоиы"
_ADJECTIVE_ENDINGS = ("ий", "ый", "ой", "ая", "яя", "ое", "ее", "ые", "ие")


def fold(text: str) -> str:
    """Lower-case `text` and fold look-alike letters; the result has the same length and offsets."""
    out = text.translate(_LOOKALIKE)
    low = out.lower()
    if len(low) == len(out):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in out)


@dataclass(frozen=True)
class Match:
    """One name found in a text."""

    start: int
    end: int
    key: str
    """What was found: an entity id, or any key the caller gave the phrase."""
    text: str
    """The words as they stand in the text."""


def _token_pattern(token: str) -> str:
    letters_only = token.isalpha()
    if not letters_only:
        # Abbreviations with dots (Day.Az), numbers: exact, with an optional hyphenated ending (ООН-ға).
        return re.escape(fold(token)) + rf"(?:-{_LETTERS}{{1,{MAX_ENDING}}})?"
    if token.isupper() and len(token) > 1:
        # The ending must be hyphenated (ООН-ға, BMT-nin): folded to lower case, an
        # abbreviation is the start of many words (ОТГ → отгрузка, ШОС → шоссе, SCO → score).
        return re.escape(fold(token)) + rf"(?:-{_LETTERS}{{1,{MAX_ENDING}}})?"
    stem = fold(token)
    if len(stem) >= 5 and stem.endswith(_ADJECTIVE_ENDINGS):
        stem = stem[:-2]
    elif len(stem) >= 4 and stem[-1] in _CHANGING_ENDINGS:
        stem = stem[:-1]
    return re.escape(stem) + rf"{_LETTERS}{{0,{MAX_ENDING}}}(?:'s)?"


def phrase_pattern(phrase: str) -> str:
    """A regex (over folded text) for `phrase` with case endings on each word."""
    tokens = re.split(r"[\s\-]+", fold(phrase).strip()) if phrase.strip() else []
    # Case endings are judged on the original spelling (upper case marks an abbreviation).
    originals = re.split(r"[\s\-\u2010-\u2014]+", phrase.translate(_LOOKALIKE).strip())
    if len(originals) != len(tokens):
        originals = tokens
    parts = [_token_pattern(o) for o in originals if o]
    return r"(?<![\w])" + r"[\s\-]+".join(parts) + r"(?![\w])"


class Matcher:
    """Finds the longest known phrase at each word of a text; built once, used for many texts."""

    def __init__(self, phrases: Iterable[tuple[str, str]]):
        """`phrases` are (phrase, key) pairs; a phrase given twice keeps its first key for `find`
        and all its keys for `find_all`."""
        index: dict[str, list[tuple[int, re.Pattern, list[str]]]] = {}
        seen: dict[str, list[str]] = {}
        for phrase, key in phrases:
            folded = fold(phrase).strip()
            if not folded:
                continue
            if folded in seen:
                if key not in seen[folded]:
                    seen[folded].append(key)
                continue
            seen[folded] = keys = [key]
            pattern = re.compile(phrase_pattern(phrase))
            first = re.split(r"[\s\-.]+", folded)[0]
            index.setdefault(first[:3], []).append((len(folded), pattern, keys))
        for candidates in index.values():
            candidates.sort(key=lambda c: -c[0])
        self._index = index

    def find_all(self, text: str) -> list[Match]:
        """Every phrase found at every word of `text`, with every key it was given (overlaps allowed)."""
        folded = fold(text)
        found: list[Match] = []
        for word in re.finditer(r"\w+", folded):
            for _, pattern, keys in self._index.get(word.group()[:3], ()):
                m = pattern.match(folded, word.start())
                if m:
                    found.extend(Match(m.start(), m.end(), key, text[m.start():m.end()]) for key in keys)
        return found

    def find(self, text: str) -> list[Match]:
        """Non-overlapping matches in `text`, left to right, the longest phrase winning at each place."""
        folded = fold(text)
        found: list[Match] = []
        pos = 0
        for word in re.finditer(r"\w+", folded):
            if word.start() < pos:
                continue
            candidates = self._index.get(word.group()[:3], ())
            for n, (_, pattern, keys) in enumerate(candidates):
                m = pattern.match(folded, word.start())
                if m:
                    # The same words may also be a shorter phrase written out whole, with no ending:
                    # "Nazarbaev" is the phrase Nazarbaev, not Nazarbaeva less its "a".
                    size = m.end() - m.start()
                    for length, other, other_keys in candidates[n + 1:]:
                        if length < size:
                            break
                        if length == size and (o := other.match(folded, word.start())) and o.end() == m.end():
                            keys = other_keys
                            break
                    found.append(Match(m.start(), m.end(), keys[0], text[m.start():m.end()]))
                    pos = m.end()
                    break
        return found
