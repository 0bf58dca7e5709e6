"""One script per language for matching: Kazakh in Latin letters (the apostrophe alphabet of 2017, the
acute alphabet of 2018, the alphabet of 2021) read as Cyrillic, Azerbaijani in Cyrillic (1939–1991) read
as Latin, so that offsets stay put: a letter for a letter, and where two Latin letters stand for one
Cyrillic letter (sh, ch, a', o'…), the word keeps its length with a filler letter at its end, which the
matcher takes for part of a case ending."""

from __future__ import annotations

import re

# Kazakh Latin (2021: ä ğ ı ñ ö ū ü ş ç) to Kazakh Cyrillic, one letter for one:
# y is ы, ı is і, i is и (й after a vowel: Äzerbaijan → Әзербайжан), u is у, ū is ұ.
_KK_2021 = {"a": "а", "ä": "ә", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "ğ": "ғ", "h": "х", "i": "и",
            "ı": "і", "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "ñ": "ң", "o": "о", "ö": "ө", "p": "п",
            "q": "қ", "r": "р", "s": "с", "ş": "ш", "t": "т", "u": "у", "ū": "ұ", "ü": "ү", "v": "в", "y": "ы",
            "z": "з", "ç": "ч", "w": "у", "c": "ц", "x": "х",
            # letters of the 2018 alphabet met in a 2021 text
            "á": "ә", "ǵ": "ғ", "ń": "ң", "ó": "ө", "ú": "ү", "ý": "у"}
# The acute alphabet of 2018: ı is и (й after a vowel), i is і, u is ұ, ú is ү, ý is у; sh is ш, ch is ч.
_KK_2018 = dict(_KK_2021, **{"i": "і", "ı": "и", "u": "ұ", "ú": "ү", "ý": "у"})
# The apostrophe alphabet of 2017 (a' o' u' y' g' n' i' s' c'), sh and ch as well: plain letters as in 2018.
_KK_2017 = dict(_KK_2018)
_KK_APOSTROPHE = {"a": "ә", "o": "ө", "u": "ү", "y": "у", "g": "ғ", "n": "ң", "i": "и", "s": "ш", "c": "ч"}
_KK_DIGRAPH = {"sh": "ш", "ch": "ч"}
# Stands in for the second letter of a pair, at the end of the word: a letter no Kazakh name ends in.
FILLER = "ъ"
# Azerbaijani Cyrillic to Latin, one letter for one.
_AZ = {"а": "a", "б": "b", "в": "v", "г": "q", "ғ": "ğ", "д": "d", "е": "e", "ә": "ə", "ж": "j", "з": "z",
       "и": "i", "ы": "ı", "ј": "y", "к": "k", "ҝ": "g", "л": "l", "м": "m", "н": "n", "о": "o", "ө": "ö",
       "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ү": "ü", "ф": "f", "х": "x", "һ": "h", "ч": "ç",
       "ҹ": "c", "ш": "ş", "й": "y", "ц": "s", "э": "e"}


def _table(mapping: dict[str, str]) -> dict[int, str]:
    table = {ord(k): v for k, v in mapping.items()}
    table.update({ord(k.upper()): v.upper() for k, v in mapping.items() if len(k.upper()) == 1})
    return table


_KK_TABLES = {"2021": _table(_KK_2021), "2018": _table(_KK_2018), "2017": _table(_KK_2017)}
# Capital I stands for и (Ilham) as often as for і: и, as the capital İ of i.
_KK_TABLES["2021"].update({ord("I"): "И", ord("İ"): "И"})
_KK_TABLES["2018"].update({ord("I"): "И", ord("İ"): "И"})
_KK_TABLES["2017"].update({ord("I"): "И", ord("İ"): "И"})
_AZ_TABLE = _table(_AZ)
_SHORT_I = re.compile(r"([аәеоөұүыіуАӘЕОӨҰҮЫІУ])([иИ])")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_ACUTE = re.compile(r"[áǵńóúýÁǴŃÓÚÝ]")
_NEW = re.compile(r"[äğñöūüşçÄĞÑÖŪÜŞÇ]")
_WORD = re.compile(r"[^\W\d_](?:[\w'’]*\w)?['’]?")


def kazakh_latin_alphabet(text: str) -> str:
    """2017 (apostrophes), 2018 (acute accents) or 2021, by the letters the text uses."""
    apostrophes = len(re.findall(r"[a-zA-Z][aougnicyAOUGNICY]['’][a-z]", text))
    acute, new = len(_ACUTE.findall(text)), len(_NEW.findall(text))
    if apostrophes >= 2 and apostrophes > acute and apostrophes > new:
        return "2017"
    return "2018" if acute > new else "2021"


def _kazakh_word(word: str, alphabet: str) -> str:
    table = _KK_TABLES[alphabet]
    out, i, pairs = [], 0, 0
    while i < len(word):
        ch, nxt = word[i], word[i + 1:i + 2]
        low = ch.lower()
        if nxt in ("'", "’") and alphabet == "2017" and low in _KK_APOSTROPHE:
            rep = _KK_APOSTROPHE[low]
            out.append(rep.upper() if ch.isupper() else rep)
            i, pairs = i + 2, pairs + 1
            continue
        if alphabet != "2021" and (low + nxt.lower()) in _KK_DIGRAPH:
            rep = _KK_DIGRAPH[low + nxt.lower()]
            out.append(rep.upper() if ch.isupper() else rep)
            i, pairs = i + 2, pairs + 1
            continue
        out.append(ch.translate(table))
        i += 1
    return "".join(out) + FILLER * pairs


def to_cyrillic_kazakh(paragraph: str, alphabet: str) -> str:
    """A Latin Kazakh paragraph in Cyrillic letters, of the same length."""
    if alphabet == "2021":
        converted = paragraph.translate(_KK_TABLES["2021"])
    else:
        converted = _WORD.sub(lambda m: _kazakh_word(m.group(), alphabet), paragraph)
    return _SHORT_I.sub(lambda m: m.group(1) + ("Й" if m.group(2) == "И" else "й"), converted)


def for_matching(paragraphs: tuple[str, ...], language: str) -> tuple[str, ...]:
    """The paragraphs in the script the knowledge base writes the language in (same lengths)."""
    return tuple(map(converter(paragraphs, language), paragraphs))


def _same(text: str) -> str:
    return text


def converter(paragraphs: tuple[str, ...], language: str):
    """What turns a piece of these paragraphs into the script the knowledge base writes the language in
    (the script and alphabet are those of the whole text, not of the piece)."""
    text = "".join(paragraphs)
    latin, cyrillic = len(_LATIN.findall(text)), len(_CYRILLIC.findall(text))
    if language == "kk" and latin > cyrillic:
        alphabet = kazakh_latin_alphabet(text)
        return lambda piece: to_cyrillic_kazakh(piece, alphabet)
    if language == "az" and cyrillic > latin:
        return lambda piece: piece.translate(_AZ_TABLE)
    return _same
