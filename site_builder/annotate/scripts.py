"""One script per language for matching: Kazakh in Latin letters (2018 and 2021 alphabets) read as
Cyrillic, Azerbaijani in Cyrillic (1939–1991) read as Latin, letter for letter so that offsets stay put."""

from __future__ import annotations

import re

# Kazakh Latin (2021: ä ğ ı ñ ö ū ü ş ç; 2018: á ǵ ń ó ú ý ı) to Kazakh Cyrillic, one letter for one:
# y is ы, ı is і, i is и (й after a vowel: Äzerbaijan → Әзербайжан).
_KK = {"a": "а", "ä": "ә", "á": "ә", "b": "б", "d": "д", "e": "е", "f": "ф", "g": "г", "ğ": "ғ", "ǵ": "ғ",
       "h": "х", "i": "и", "ı": "і", "j": "ж", "k": "к", "l": "л", "m": "м", "n": "н", "ñ": "ң", "ń": "ң",
       "o": "о", "ö": "ө", "ó": "ө", "p": "п", "q": "қ", "r": "р", "s": "с", "ş": "ш", "t": "т", "u": "у",
       "ū": "ұ", "ú": "ұ", "ü": "ү", "v": "в", "y": "ы", "ý": "у", "z": "з", "ç": "ч", "w": "у", "c": "ц",
       "x": "х"}
# Azerbaijani Cyrillic to Latin, one letter for one.
_AZ = {"а": "a", "б": "b", "в": "v", "г": "q", "ғ": "ğ", "д": "d", "е": "e", "ә": "ə", "ж": "j", "з": "z",
       "и": "i", "ы": "ı", "ј": "y", "к": "k", "ҝ": "g", "л": "l", "м": "m", "н": "n", "о": "o", "ө": "ö",
       "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ү": "ü", "ф": "f", "х": "x", "һ": "h", "ч": "ç",
       "ҹ": "c", "ш": "ş", "й": "y", "ц": "s", "э": "e"}


def _table(mapping: dict[str, str]) -> dict[int, str]:
    table = {ord(k): v for k, v in mapping.items()}
    table.update({ord(k.upper()): v.upper() for k, v in mapping.items() if len(k.upper()) == 1})
    return table


_KK_TABLE = _table(_KK)
# Capital I stands for и (Ilham) as often as for і: и, as the capital İ of i.
_KK_TABLE.update({ord("I"): "И", ord("İ"): "И"})
_AZ_TABLE = _table(_AZ)
_SHORT_I = re.compile(r"([аәеоөұүыіуАӘЕОӨҰҮЫІУ])([иИ])")
_LATIN = re.compile(r"[a-zA-Z\u00c0-\u024f]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def for_matching(paragraphs: tuple[str, ...], language: str) -> tuple[str, ...]:
    """The paragraphs in the script the knowledge base writes the language in (same lengths)."""
    text = "".join(paragraphs)
    latin, cyrillic = len(_LATIN.findall(text)), len(_CYRILLIC.findall(text))
    if language == "kk" and latin > cyrillic:
        return tuple(_SHORT_I.sub(lambda m: m.group(1) + ("Й" if m.group(2) == "И" else "й"), p.translate(_KK_TABLE))
                     for p in paragraphs)
    if language == "az" and cyrillic > latin:
        return tuple(p.translate(_AZ_TABLE) for p in paragraphs)
    return paragraphs
