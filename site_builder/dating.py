"""Date a text: its header, explicit dates, anniversaries counted from known dates, known events."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from site_builder.knowledge import Knowledge

# Month stems in the four languages (Russian ones cover every case ending).
_MONTHS = {
    1: ("январ", "қаңтар", "yanvar", "january", "jan"),
    2: ("феврал", "ақпан", "fevral", "february", "feb"),
    3: ("март", "наурыз", "mart", "march", "mar"),
    4: ("апрел", "сәуір", "aprel", "april", "apr"),
    5: ("ма[йяе]", "мамыр", "may"),
    6: ("июн", "маусым", "iyun", "june", "jun"),
    7: ("июл", "шілде", "iyul", "july", "jul"),
    8: ("август", "тамыз", "avqust", "august", "aug"),
    9: ("сентябр", "қыркүйек", "sentyabr", "september", "sep"),
    10: ("октябр", "қазан", "oktyabr", "october", "oct"),
    11: ("ноябр", "қараша", "noyabr", "november", "nov"),
    12: ("декабр", "желтоқсан", "dekabr", "december", "dec"),
}
_MONTH = "(?P<month>" + "|".join(stem for stems in _MONTHS.values() for stem in stems) + r")\w*"
_DAY = r"(?P<day>[0-3]?\d)"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# Weekdays in the four languages, Monday = 0 as in datetime.
_WEEKDAY_NUMBERS = ((0, "понедельник|дүйсенбі|bazar ertəsi|monday"), (1, "вторник|сейсенбі|çərşənbə axşamı|tuesday"),
                    (2, "сред[ау]|сәрсенбі|çərşənbə|wednesday"), (3, "четверг|бейсенбі|cümə axşamı|thursday"),
                    (4, "пятниц[ау]|жұма|cümə|friday"), (5, "суббот[ау]|сенбі|şənbə|saturday"),
                    (6, "воскресенье|жексенбі|bazar|sunday"))
# Longest first: "çərşənbə axşamı" (Tuesday) before "çərşənbə" (Wednesday).
_WEEKDAYS = "(?:" + "|".join(sorted((w for _, words in _WEEKDAY_NUMBERS for w in words.split("|")),
                                    key=lambda w: (-len(w), w))) + ")"
_FULL_DATES = (
    re.compile(rf"(?<!\d){_DAY}\s+{_MONTH}\s+{_YEAR}", re.I),
    re.compile(rf"{_MONTH}\s+{_DAY},?\s+{_YEAR}", re.I),
    re.compile(rf"{_YEAR}\s*(?:жылғы|-?(?:ci|cü|cu|cı)\s+il(?:in)?)\s+{_DAY}\s+{_MONTH}", re.I),
    # Azerbaijani: "2025-ci il oktyabrın 21-də", "2025-ci ilin 21 oktyabrında" (the line above).
    re.compile(rf"{_YEAR}\s*-?(?:ci|cü|cu|cı)\s+il(?:in)?\s+{_MONTH}\s+{_DAY}(?:-?(?:də|da|i|ı|u|ü))?(?!\d)", re.I),
    re.compile(r"(?<![\d.])(?P<day>[0-3]\d)\.(?P<monthnum>[01]\d)\.(?P<year>(?:19|20)\d\d)(?![\d])"),
    re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<monthnum>[01]\d)-(?P<day>[0-3]\d)(?![\d])"),
)
_MONTH_YEAR = (
    re.compile(rf"(?<![\d\w]){_MONTH}\s+{_YEAR}", re.I),
    re.compile(rf"{_YEAR}\s*(?:жылғы|-?(?:ci|cü|cu|cı)\s+il(?:in)?)\s+{_MONTH}", re.I),
)
_Y = r"((?:19|20)\d\d)"
# Reported speech before a year: the year belongs to what is said, not to the report.
_REPORTED = re.compile(r",\s*(?:что|чтобы|как)\b|\bthat\b|\bki\b|\bдеп\b|(?:сказал|заявил|отметил|напомнил|said|noted|recalled)\w*\s*:", re.I)
_YEAR_ONLY = re.compile(rf"(?:в\s+{_Y}\s+году|{_Y}\s+жылы|in\s+{_Y}(?![-–\d])|{_Y}-?(?:ci|cü|cu|cı)\s+ildə)", re.I)

_NUMBERS = {
    "один": 1, "одного": 1, "бір": 1, "one": 1, "bir": 1, "два": 2, "двух": 2, "екі": 2, "two": 2, "iki": 2,
    "три": 3, "трех": 3, "трёх": 3, "үш": 3, "three": 3, "üç": 3, "четыре": 4, "четырех": 4, "төрт": 4,
    "four": 4, "dörd": 4, "пять": 5, "пяти": 5, "бес": 5, "five": 5, "beş": 5, "шесть": 6, "шести": 6,
    "алты": 6, "six": 6, "altı": 6, "семь": 7, "семи": 7, "жеті": 7, "seven": 7, "yeddi": 7,
    "десять": 10, "десяти": 10, "он": 10, "ten": 10, "on": 10,
}
_NUM = r"(?P<n>\d{1,2}|" + "|".join(sorted(_NUMBERS, key=len, reverse=True)) + ")"
_YEARS_OF = re.compile(r"(?P<years>\d{1,3})[\s-]*(?:лет|летие|жыл\w*|years?|il\w*|-?th anniversary)", re.I)
_DAYS_LATER = (
    re.compile(rf"(?:через|спустя)\s+{_NUM}\s+(?:дн\w*|день)", re.I),
    re.compile(rf"{_NUM}\s+күн\w*\s+кейін", re.I),
    re.compile(rf"in\s+{_NUM}\s+days?", re.I),
    re.compile(rf"{_NUM}\s+gün\w*\s+sonra", re.I),
)
_SENTENCE = re.compile(r"[^.!?…]+[.!?…]*")
# "в ноябре прошлого года", "last November", "өткен жылдың қарашасында", "ötən ilin noyabrında":
# a month counted from the document's own year (-1 last year, 0 this year, +1 next year).
_RELATIVE_MONTH = tuple((re.compile(pattern.replace("MONTH", _MONTH), re.I), offset) for pattern, offset in (
    (r"MONTH\s+прошлого\s+года", -1), (r"last\s+MONTH", -1), (r"MONTH\s+of\s+last\s+year", -1),
    (r"(?:өткен|былтырғы)\s+жыл\w*\s+MONTH", -1), (r"былтыр\s+MONTH", -1), (r"(?:ötən|keçən)\s+il\w*\s+MONTH", -1),
    (r"MONTH\s+(?:этого|текущего|нынешнего)\s+года", 0), (r"MONTH\s+this\s+year", 0), (r"this\s+MONTH", 0),
    (r"(?:биылғы|осы\s+жылғы)\s+MONTH", 0), (r"(?:bu|cari)\s+il\w*\s+MONTH", 0),
    (r"MONTH\s+следующего\s+года", 1), (r"next\s+MONTH", 1), (r"келесі\s+жыл\w*\s+MONTH", 1),
    (r"gələn\s+il\w*\s+MONTH", 1),
))
# "в среду, 24 августа", "Wednesday, 24 August", "24 тамыз, сәрсенбі": the weekday tells the year.
_WEEKDAY_DATE = (
    re.compile(rf"(?P<weekday>{_WEEKDAYS}),?\s+{_DAY}\s+{_MONTH}(?!\s*,?\s*(?:19|20)\d\d)", re.I),
    re.compile(rf"(?P<weekday>{_WEEKDAYS}),?\s+{_MONTH}\s+{_DAY}(?![\d,]*\s*(?:19|20)\d\d)", re.I),
    re.compile(rf"(?<!\d){_DAY}\s+{_MONTH},?\s+(?:в\s+|во\s+)?(?P<weekday>{_WEEKDAYS})", re.I),
)


@dataclass(frozen=True)
class DocDate:
    """When a text was written or its event happened, and why we think so."""

    date: str | None
    """YYYY-MM-DD, YYYY-MM or YYYY; None when the text gives nothing to go on."""
    precision: str | None
    """day | month | year; None with no date."""
    evidence: str | None
    """`header`, or the words of the text that fix the date."""
    paragraphs: tuple[int, ...] = ()
    """1-based numbers of the paragraphs the evidence stands in."""
    event: str | None = None
    """The known event the date was taken from, if any."""


NO_DATE = DocDate(None, None, None)


def _month_number(word: str) -> int:
    word = word.lower()
    for number, stems in _MONTHS.items():
        if any(re.match(stem, word) for stem in stems):
            return number
    raise ValueError(word)


def _iso(year: int, month: int | None = None, day: int | None = None) -> str | None:
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        return None
    return "-".join([f"{year:04d}"] + ([f"{month:02d}"] if month else []) + ([f"{day:02d}"] if day else []))


def _match_date(m: re.Match, with_day: bool) -> str | None:
    groups = m.groupdict()
    month = int(groups["monthnum"]) if groups.get("monthnum") else _month_number(groups["month"])
    day = int(groups["day"]) if with_day else None
    return _iso(int(groups["year"]), month, day)


def explicit(paragraphs: tuple[str, ...], lead: range) -> DocDate | None:
    """The first explicit date in the lead paragraphs, at the precision written."""
    for patterns, with_day, precision in ((_FULL_DATES, True, "day"), (_MONTH_YEAR, False, "month")):
        for i in lead:
            for pattern in patterns:
                m = pattern.search(paragraphs[i])
                if m and (iso := _match_date(m, with_day)):
                    return DocDate(iso, precision, m.group(0), (i + 1,))
    for i in lead:
        for m in _YEAR_ONLY.finditer(paragraphs[i]):
            sentence = paragraphs[i][:m.start()].rsplit(".", 1)[-1]
            if _REPORTED.search(sentence):
                continue  # "Токаев сказал, что в 2022 году …": a year in what someone says, not the text's
            year = next(g for g in m.groups() if g)
            return DocDate(year, "year", m.group(0), (i + 1,))
    return None


def relative_months(text: str, year: int) -> list[str]:
    """The months (YYYY-MM) that phrases like "в ноябре прошлого года" name, for a document of `year`."""
    return [f"{year + offset:04d}-{_month_number(m.group('month')):02d}"
            for pattern, offset in _RELATIVE_MONTH for m in pattern.finditer(text)]


def weekday_date(paragraphs: tuple[str, ...], lead: range, years: range) -> DocDate | None:
    """A day and month with their weekday and no year: the one year of `years` (those the text
    names, or any) in which that day falls on that weekday."""
    for i in lead:
        for pattern in _WEEKDAY_DATE:
            m = pattern.search(paragraphs[i])
            if not m:
                continue
            weekday = next(n for n, words in _WEEKDAY_NUMBERS if re.fullmatch(words, m.group("weekday"), re.I))
            month, day = _month_number(m.group("month")), int(m.group("day"))
            fits = [y for y in years if _iso(y, month, day) and datetime.date(y, month, day).weekday() == weekday]
            if len(fits) == 1:
                return DocDate(_iso(fits[0], month, day), "day", m.group(0), (i + 1,))
    return None


def anniversary(paragraphs: tuple[str, ...], knowledge: Knowledge, phrase_hits: dict[str, list[int]]) -> DocDate | None:
    """'30 years of diplomatic relations … in three days': count from a known event's date."""
    for event in knowledge.events:
        if not event.anniversary or event.date_precision != "day" or event.id not in phrase_hits:
            continue
        base = datetime.date.fromisoformat(event.date)
        for i in sorted(set(phrase_hits[event.id])):
            text = paragraphs[i]
            years = _YEARS_OF.search(text)
            if not years:
                continue
            n_years = int(years.group("years"))
            try:
                jubilee = base.replace(year=base.year + n_years)
            except ValueError:
                continue
            sentence = next((s.group(0).strip() for s in _SENTENCE.finditer(text) if years.group(0) in s.group(0)), years.group(0))
            for j in range(i, min(i + 2, len(paragraphs))):
                for pattern in _DAYS_LATER:
                    later = pattern.search(paragraphs[j])
                    if later:
                        n = later.group("n").lower()
                        days = int(n) if n.isdigit() else _NUMBERS[n]
                        day = jubilee - datetime.timedelta(days=days)
                        evidence = f"{sentence} … {later.group(0)}"
                        return DocDate(day.isoformat(), "day", evidence, tuple(sorted({i + 1, j + 1})))
            return DocDate(str(jubilee.year), "year", sentence, (i + 1,))
    return None


def infer(header_date: str | None, paragraphs: tuple[str, ...], lead: range, knowledge: Knowledge,
          event_hits: dict[str, list[int]], event_words: dict[str, list[str]],
          reported: dict[str, list[int]]) -> DocDate:
    """The document's date, trying the strongest evidence first.

    `event_hits` maps known-event ids whose triggers all match the text to the 0-based
    paragraphs they match in; `event_words` to the words matched; `reported` holds those
    of them that the lead of the text speaks of.
    """
    if header_date:
        precision = ("year", "month", "day")[header_date.count("-")]
        return DocDate(header_date, precision, "header", ())
    found = explicit(paragraphs, lead) or anniversary(paragraphs, knowledge, event_hits)
    if not found or found.precision != "day":
        # The years the text names narrow a weekday's date; with none, the years of the record.
        named = sorted({int(y) for p in paragraphs for y in re.findall(r"(?<!\d)((?:19|20)\d\d)(?!\d)", p)})
        by_weekday = weekday_date(paragraphs, lead, range(named[0], named[-1] + 1) if named else range(1991, 2031))
        if by_weekday:
            return by_weekday
    if found and found.precision == "day":
        return found
    for event in knowledge.events:
        if event.dates_reports and event.id in reported:
            words = " … ".join(dict.fromkeys(event_words[event.id]))
            return DocDate(event.date, event.date_precision, words,
                           tuple(sorted({i + 1 for i in event_hits[event.id]})), event.id)
    return found or NO_DATE
