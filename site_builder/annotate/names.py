"""People's names across scripts and cases: base forms, Latin transliteration, one key per person."""

from __future__ import annotations

import re
import unicodedata

# Russian and Kazakh Cyrillic, Azerbaijani Cyrillic and Latin, to plain Latin (Рашад → Rashad, Rəşad → Rashad).
_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "ә": "a", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ұ": "u", "ү": "u",
    "һ": "h", "і": "i", "ј": "y", "ҹ": "j", "ҝ": "g",
}
_AZ_LATIN = {"ə": "a", "ş": "sh", "ç": "ch", "c": "j", "x": "kh", "ğ": "gh", "ı": "i", "ö": "o", "ü": "u",
             "j": "zh", "q": "g"}
_KK_LATIN = {"á": "a", "ǵ": "g", "ń": "ng", "ó": "o", "ú": "u", "ý": "u", "ı": "i", "ş": "sh", "ç": "ch",
             "ä": "a", "ū": "u", "ñ": "ng", "ğ": "g"}

_NO_BASE = {"ə": "a", "ı": "i", "ł": "l", "ø": "o", "ß": "ss", "đ": "d"}


def latin(name: str, language: str = "") -> str:
    """A plain Latin spelling of a name: Рашад Набиев → Rashad Nabiev, Rəşad Nəbiyev → Rashad Nabiyev."""
    out = []
    table = _AZ_LATIN if language == "az" else _KK_LATIN if language == "kk" else {}
    for ch in unicodedata.normalize("NFC", name):
        low = ch.lower()
        rep = _CYRILLIC.get(low) if low in _CYRILLIC else table.get(low)
        if rep is None:
            # (ə and ı have no plain letter inside them: an Azerbaijani name in an English text keeps its vowels)
            rep = _NO_BASE.get(low) or "".join(c for c in unicodedata.normalize("NFKD", low) if not unicodedata.combining(c))
        if ch != low and rep:
            rep = rep[0].upper() + rep[1:]
        out.append(rep)
    return "".join(out)


def key(name: str, language: str = "") -> str:
    """One key for a name in any script or spelling: Rashad Nabiyev, Рашад Набиев, Rəşad Nəbiyev → rashadnabiev."""
    s = latin(name, language).lower()
    for a, b in (("shch", "sh"), ("yev", "ev"), ("iev", "ev"), ("ye", "e"), ("yo", "o"), ("kh", "h"), ("x", "h"),
                 ("zh", "j"), ("dzh", "j"), ("gh", "g"), ("q", "k"), ("ts", "c"), ("iy", "i"), ("y", "i"), ("w", "v")):
        s = s.replace(a, b)
    s = re.sub(r"[^a-z]", "", s)
    return re.sub(r"(.)\1+", r"\1", s)


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", latin(name).lower()).strip("-")[:60].strip("-")


# Case endings a Kazakh or Azerbaijani name takes on its last word only (Бақаевпен, Nəbiyevin).
_KK_SUFFIX = re.compile(r"(?<=[а-яәғқңөұүһі])(ның|нің|дың|дің|тың|тің|ға|ге|қа|ке|ны|ні|ды|ді|ты|ті|да|де|та|те|"
                        r"дан|ден|тан|тен|нан|нен|мен|бен|пен|ов|а|е|ы|і|қа|ға|ның|тың)$")
_KK_SURNAME = re.compile(r"^(.+?(?:ов|ев|ёв|ин|ын|ова|ева|ина|ұлы|улы|қызы|кызы|бек|бай|ұлы))"
                         r"(ның|нің|дың|дің|тың|тің|ға|ге|қа|ке|ны|ні|ды|ді|ты|ті|ты|да|де|та|те|дан|ден|тан|тен|нан|нен|"
                         r"мен|бен|пен|ға|ке|"
                         # the plural that closes a list of names ("Айдана Сарманова мен Анаргүл Кабиевалар кірді")
                         r"лар|лер|тар|тер)$")
# Latin Kazakh (2017, 2018, 2021): Nabıevpen, Madıevtiń, Bektenovqa, Dali'evke.
_KK_LATIN_SURNAME = re.compile(r"^(.+?(?:ov|ev|ova|eva|in|yn|ina|uly|ұly|qyzy|bek|bai|bay))"
                               r"(nyń|niń|dyń|diń|tyń|tiń|nyñ|niñ|dyñ|diñ|tyñ|tiñ|nyn'|nin'|dyn'|din'|tyn'|tin'|"
                               r"ǵa|ge|qa|ke|ğa|g'a|ny|ni|dy|di|ty|ti|da|de|ta|te|dan|den|tan|ten|nan|nen|"
                               r"men|ben|pen)$")
# What may follow an apostrophe as a case ending of a name (Nəbiyev'in, Tokayev'e); the apostrophe of a
# Kazakh letter of 2017 (Dali'ev, A'itenov) is no such break.
_APOSTROPHE_ENDING = re.compile(r"^(un|ün|in|ın|nun|nün|nin|nın|a|ə|e|ya|yə|ye|la|lə|le|ilə|da|də|de|ta|te|dan|dən|"
                                r"den|ten|dakı|dəki|u|ü|i|ı|nu|nü|nı|ni|yla|ylə|s|ge|ke|qa|ǵa|ğa|ny|ni|tyń|nyń|"
                                r"niń|tiń|dyń|diń|men|pen|ben)$")
_AZ_SURNAME = re.compile(r"^(.+?(?:ov|ev|yev|ova|eva|yeva|li|lı|lu|lü|zadə|zade|oğlu|qızı|bəyli|ski|yan|ян|ов|ев|"
                         r"ова|ева|ли))['’]?(un|ün|in|ın|nun|nün|nin|nın|ə|ya|yə|la|lə|ilə|da|də|dan|dən|dakı|dəki|"
                         r"u|ü|i|ı|nu|nü|nı|ni|yla|ylə|ну|ин|ун|ә|ја|јә|ла|лә|да|дә)$")


def base_turkic(name: str, language: str, seen_last_words: set[str]) -> str:
    """The base form of a Kazakh or Azerbaijani name: the case ending of its last word removed."""
    words = name.split()
    last = words[-1]
    if "'" in last or "’" in last:
        head, _, tail = last.rpartition("'" if "'" in last else "’")
        if _APOSTROPHE_ENDING.match(tail.lower()):
            words[-1] = head
            return " ".join(words)
        if language == "kk" and (m := _KK_LATIN_SURNAME.match(last)):
            words[-1] = m.group(1)
        return " ".join(words)
    for other in seen_last_words:
        if other != last and last.startswith(other) and len(last) - len(other) <= 4:
            words[-1] = other
            return " ".join(words)
    pattern = _KK_SURNAME if language == "kk" else _AZ_SURNAME
    m = pattern.match(last)
    if not m and language == "kk":
        m = _KK_LATIN_SURNAME.match(last)
    if m:
        words[-1] = m.group(1)
    elif (stem := _foreign_stem(last, language)) is not None:
        words[-1] = stem
    return " ".join(words)


_VOWELS = "аәеёиоөуұүыіэюяaəeiıoöuü"
_BACK, _ROUND = set("аоұыяёaıou"), set("oöuü")
# Kazakh case endings a foreign surname takes (Кавелашвилимен, Эрдоғанның, Трамппен, Путинге), each with
# the letters it may follow: "v" a vowel, else the stem's last consonants. The accusative and the
# locative only after a vowel: a native name may end like them after a consonant (Тілеуберді, Аманда).
_KK_FOREIGN = (("мен", "vмнңлрйу"), ("бен", "бвгғджз"), ("пен", "вкқпстфхцчшщ"),
               ("ның", "vмнң"), ("нің", "vмнң"), ("дың", "илрйужзбвгд"), ("дің", "илрйужзбвгд"),
               ("тың", "вкқпстфхцчшщ"), ("тің", "вкқпстфхцчшщ"), ("ға", "vмнңлрйужзбвгд"),
               ("ге", "vмнңлрйужзбвгд"), ("қа", "вкқпстфхцчшщ"), ("ке", "вкқпстфхцчшщ"),
               ("ны", "v"), ("ні", "v"), ("ды", "и"), ("ді", "и"))
# Azerbaijani endings after a vowel (Kavelaşvilinin, Lukaşenkoya); after a consonant a native name may
# end like them (Ramin, Aqşin), so those are left to the surname shapes.
_AZ_FOREIGN = ("nın", "nin", "nun", "nün", "ya", "yə", "nı", "ni", "nu", "nü", "yla", "ylə")


def _harmonic(stem: str, ending: str) -> bool:
    """Whether the ending's vowel agrees with the stem's last vowel: front or back, and in Azerbaijani
    rounded or not (и, у and ю go either way; мен, бен, пен have no harmony)."""
    vowel = next((c for c in reversed(stem.lower()) if c in _VOWELS), "")
    mark = next((c for c in ending if c in _VOWELS), "")
    if ending in ("мен", "бен", "пен") or vowel in "иую":
        return True
    if (vowel in _BACK) != (mark in _BACK):
        return False
    return mark not in _ROUND or vowel in _ROUND


def _foreign_stem(word: str, language: str) -> str | None:
    """The stem of a surname of no Turkic shape with a case ending, or None (Кавелашвилимен → Кавелашвили)."""
    if language == "kk":
        for ending, after in _KK_FOREIGN:
            stem = word[:-len(ending)]
            if word.endswith(ending) and len(stem) >= 4 and _harmonic(stem, ending):
                last = stem[-1].lower()
                if (last in _VOWELS and "v" in after) or last in after.replace("v", ""):
                    return stem
    elif language == "az":
        for ending in _AZ_FOREIGN:
            stem = word[:-len(ending)]
            if word.endswith(ending) and len(stem) >= 5 and stem[-1].lower() in _VOWELS and _harmonic(stem, ending):
                return stem
    return None


def base_english(name: str) -> str:
    return re.sub(r"['’]s$", "", name)
