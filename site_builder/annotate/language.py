"""Recognize a text's language from its letters: ru, kk or az in Cyrillic, kk, az or en in Latin, kk in the Arabic
script of the Kazakhs of China and the diaspora."""

from __future__ import annotations

import re

# Letters only Kazakh Cyrillic has (Azerbaijani Cyrillic shares ә, ғ, ө, ү, һ with it).
_KK_CYRILLIC = set("қңұі")
_SHARED_CYRILLIC = set("әғөүһ")
# Letters only Azerbaijani Cyrillic (1939–1991) has.
_AZ_CYRILLIC = set("ҹјҝ")
_AZ_LATIN = set("əğış")
# The Kazakh Latin alphabets of 2017–2021 (acute accents of 2018, ä ū ñ of 2021).
_KK_LATIN = set("áǵńóúýūñä")
_KK_LATIN_WORDS = re.compile(r"\b(qazaqstan\w*|jáne|ja'ne|jyl\w*|memleket\w*|prezıdent\w*|respýblıka\w*|respy'blika\w*|"
                             r"úshin|u'shin|boıynsha|boi'ynsha|turaly|týraly)(?!\w)")
# The apostrophe alphabet of 2017: a letter marked with an apostrophe inside a word (A'zerbai'jan, ja'ne).
_KK_APOSTROPHE = re.compile(r"(?<=[a-z])[aougni]['’](?!(?:t|s|ll|re|ve|d)\b)(?=[a-z])")
_AZ_LATIN_WORDS = re.compile(r"\b(və|ilə|üçün|qazaxıstan\w*|azərbaycan\w*|olan|bildirib|edib)\b")
# English words of every sentence: an English text that names Azerbaijanis in their letters ("Rəşad Nəbiyev") is English.
_EN_WORDS = re.compile(r"\b(the|and|of|to|in|with|for|is|was|on|that|will|has|by)\b")


# Letters of the Kazakh Arabic alphabet no Arabic or Persian text uses: the front-vowel mark ٴ, ە, ۋ, ڭ, ۇ, ۆ.
_KK_ARABIC = set("\u0674\u06d5\u06cb\u06ad\u06c7\u06c6")
_ARABIC = re.compile("[\u0600-\u06ff]")


def detect(text: str) -> str:
    """ru, kk, az or en."""
    letters = [c for c in text.lower() if c.isalpha()]
    if not letters:
        return "en"
    arabic = _ARABIC.findall(text)
    if len(arabic) >= len(letters) / 2 and sum(c in _KK_ARABIC for c in arabic) >= max(3, len(arabic) * 0.02):
        return "kk"
    cyrillic = [c for c in letters if "\u0400" <= c <= "\u04ff"]
    if len(cyrillic) >= len(letters) / 2:
        kazakh = sum(c in _KK_CYRILLIC for c in cyrillic)
        azeri = sum(c in _AZ_CYRILLIC for c in cyrillic)
        shared = sum(c in _SHARED_CYRILLIC for c in cyrillic)
        if azeri >= 2 and azeri >= kazakh:
            return "az"
        if kazakh + shared >= max(3, len(cyrillic) * 0.01):
            return "kk" if kazakh >= azeri else "az"
        return "ru"
    lowered = text.lower()
    schwa = lowered.count("ə")
    kk_marks = sum(c in _KK_LATIN for c in letters) + 3 * len(_KK_LATIN_WORDS.findall(lowered)) \
        + 2 * len(_KK_APOSTROPHE.findall(lowered))
    az_marks = schwa * 2 + sum(c in _AZ_LATIN for c in letters) + 3 * len(_AZ_LATIN_WORDS.findall(lowered))
    if kk_marks >= max(4, len(letters) * 0.004) and kk_marks > schwa * 2:
        return "kk"
    english = len(_EN_WORDS.findall(lowered))
    if english >= max(3, len(lowered.split()) * 0.08) and english > 3 * len(_AZ_LATIN_WORDS.findall(lowered)):
        return "en"
    return "az" if az_marks >= max(3, len(letters) * 0.005) else "en"
