"""Date a text: its header, explicit dates, anniversaries counted from known dates, known events."""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from site_builder.knowledge import Knowledge

# Month stems in the four languages and their scripts (Russian stems cover every case ending;
# Kazakh in Cyrillic and in the Latin alphabets of 2017–2021; Azerbaijani in Latin and Cyrillic).
_MONTHS = {
    1: ("қаң(?=[.,])", "январ", "янв\\.", "қаңтар", "qańtar", "qantar", "qangtar", "qañtar", "qan'tar", "yanvar", "јанвар", "january", "jan\\b"),
    2: ("ақп(?=[.,])", "феврал", "фев\\.", "ақпан", "aqpan", "fevral", "феврал", "february", "feb\\b"),
    3: ("нау(?=[.,])", "март", "мар\\.", "наурыз", "naýryz", "nauryz", "nay'ryz", "mart", "march", "mar\\b"),
    4: ("сәу(?=[.,])", "апрел", "апр\\.", "сәуір", "sáýir", "sauir", "sәuir", "sәýir", "säuır", "sa'y'ir", "say'ir", "aprel", "april", "apr\\b"),
    5: ("мам(?=[.,])", "ма[йяе]", "мамыр", "mamyr", "may", "мај"),
    6: ("мау(?=[.,])", "июн", "маусым", "maýsym", "mausym", "may'sym", "iyun", "ијун", "june", "jun\\b"),
    7: ("шіл(?=[.,])", "июл", "шілде", "shilde", "şılde", "iyul", "ијул", "july", "jul\\b"),
    8: ("там(?=[.,])", "август", "авг\\.", "тамыз", "tamyz", "avqust", "august", "aug\\b"),
    9: ("қыр(?=[.,])", "сентябр", "сент?\\.", "қыркүйек", "qyrk[úuüý][iıy]ek", "qyrky'i'ek", "qyrky'iek", "sentyabr", "сентјабр", "september", "sept?\\b"),
    10: ("қаз(?=[.,])", "октябр", "окт\\.", "қазан", "qazan", "oktyabr", "октјабр", "october", "oct\\b"),
    11: ("қар(?=[.,])", "ноябр", "нояб?\\.", "қараша", "qarasha", "qaraşa", "noyabr", "нојабр", "november", "nov\\b"),
    12: ("жел(?=[.,])", "декабр", "дек\\.", "желтоқсан", "jeltoqsan", "dekabr", "december", "dec\\b"),
}
_MONTH = "(?P<month>" + "|".join(stem for stems in _MONTHS.values() for stem in stems) + r")\w*"
_DAY = r"(?P<day>[0-3]?\d)"
# "24–26 сентября 2024 года", "2024 jylghy 24-26 qyrkýiek": a run of days, dated by its first.
_RANGE = r"(?:\s*[-–]\s*[0-3]?\d)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# Weekdays in the four languages, Monday = 0 as in datetime.
_WEEKDAY_NUMBERS = ((0, "понедельник|дүйсенбі|bazar ertəsi|monday"), (1, "вторник|сейсенбі|çərşənbə axşamı|tuesday"),
                    (2, "сред[ау]|сәрсенбі|çərşənbə|wednesday"), (3, "четверг|бейсенбі|cümə axşamı|thursday"),
                    (4, "пятниц[ау]|жұма|cümə|friday"), (5, "суббот[ау]|сенбі|şənbə|saturday"),
                    (6, "воскресенье|жексенбі|bazar|sunday"))
# Longest first: "çərşənbə axşamı" (Tuesday) before "çərşənbə" (Wednesday).
_WEEKDAYS = "(?:" + "|".join(sorted((w for _, words in _WEEKDAY_NUMBERS for w in words.split("|")),
                                    key=lambda w: (-len(w), w))) + ")"
WEEKDAYS = _WEEKDAYS
# A year standing alone, not inside a date or a range: "в 2022 году", "2008-ci il".
_A_YEAR = re.compile(r"(?<![\d.,/-])((?:19|20)\d\d)(?!\d)")


def _weekday_number(word: str) -> int:
    """0 for Monday … 6 for Sunday, of a weekday `_WEEKDAYS` matched."""
    return next(n for n, words in _WEEKDAY_NUMBERS if re.fullmatch(words, word, re.I))
# "2025-ci il", "2025-ci ilin", old Cyrillic "1997-ҹи илин".
_AZ_IL = r"-?(?:ci|cü|cu|cı|ҹи|ҹы|ҹу|ҹү)\s+(?:il|ил)(?:in|ин)?"
_YEAR_WORD = r"(?:\s*(?:г\.|года?|году|жылғы|жылы|jylǵy|jylg'y|jyly|-?(?:ci|cü|cu|cı)\s+il\w*|il\w*))?"
_FULL_DATES = (
    # 5 марта 2024, 05 Сәуір, 2017, 5 сент. 2019, 4 dekabr 2023-cü il, 25 May 2005
    re.compile(rf"(?<![\d.])\b{_DAY}{_RANGE}\s+{_MONTH}\.?,?\s+{_YEAR}(?!\d)", re.I),
    # Sept. 5, 2019, March 14, 2024
    re.compile(rf"\b{_MONTH}\.?\s+{_DAY}(?:st|nd|rd|th)?,?\s+{_YEAR}(?!\d)", re.I),
    # 2023 жылғы 4 желтоқсан, 2025-ci ilin 21 oktyabrı
    re.compile(rf"{_YEAR}\s*(?:жылғы|жылдың|jylǵy|jylgy|jylghy|jylg'y|jyldyń|jyldyng|jyldyn'|{_AZ_IL})\s+{_DAY}{_RANGE}\s+{_MONTH}", re.I),
    # 2025-ci il oktyabrın 21-də
    re.compile(rf"{_YEAR}\s*{_AZ_IL}\s+{_MONTH}\s+{_DAY}(?:-?(?:də|da|i|ı|u|ü))?(?!\d)", re.I),
    # 12.03.2024, 12/03/2024, 2024-03-12, 2024.03.12
    re.compile(r"(?<![\d.:/])(?P<day>[0-3]?\d)[./](?P<monthnum>[01]?\d)[./](?P<year>(?:19|20)\d\d)(?![\d])"),
    re.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)[-.](?P<monthnum>[01]\d)[-.](?P<day>[0-3]\d)(?![\d])"),
)
_MONTH_YEAR = (
    re.compile(rf"(?<![\d\w]){_MONTH}\.?,?\s+{_YEAR}(?!\d)", re.I),
    re.compile(rf"{_YEAR}\s*(?:жылғы|жылдың|jylǵy|jylgy|jylghy|jylg'y|jyldyń|jyldyng|jyldyn'|{_AZ_IL})\s+{_MONTH}", re.I),
)
# A day and month with no year: datelines ("БАКУ, 5 марта – Trend."), timestamps ("8 Тамыз 17:05").
_DAY_MONTH = (
    re.compile(rf"(?<![\d.])\b{_DAY}{_RANGE}\s+{_MONTH}\.?(?!\w)(?![.,]?\s*(?:19|20)\d\d)", re.I),
    re.compile(rf"\b{_MONTH}\.?\s+{_DAY}(?:st|nd|rd|th)?\b(?!,?\s*(?:19|20)\d\d)(?![.:]\d)", re.I),
    re.compile(rf"\b{_MONTH}\s+{_DAY}-(?:də|da|dək|i|ı|u|ü|ci|cü|cı|cu)\b", re.I),
)
_TIME = r"(?:\s*(?:[\[(|,]|в|saat|at)?\s*\d{1,2}[:.]\d\d(?::\d\d)?\s*[\])]?)"
# A line that is only a date (a publication or timestamp line): "Дата: 24 августа 2022 в 19:55",
# "- 14 oktyabr, 2025", "25 May 2005 [08:55]", "Әлем • 05 Сәуір, 2017", "8 Тамыз 17:05".
_STAMP_LABEL = (r"(?:(?:дата|опубликовано|обновлено|жарияланды|жарияланған уақыты|published|updated|posted|"
                r"tarix|yayımlanıb|yenilənib|дата публикации)\s*:?\s*)")
_STAMP_LINE = re.compile(
    rf"^\s*(?:[-–—•|]\s*)?(?:[^\W\d_][\w .-]{{0,30}}?\s*[•|»/]\s*)?{_STAMP_LABEL}?(?P<date>.{{4,40}}?)"
    rf"{_TIME}?\s*(?:[|•]\s*[^\d]{{0,30}})?\s*$", re.I)
_Y = r"((?:19|20)\d\d)"
# Reported speech before a year: the year belongs to what is said, not to the report.
# An outlet's own formula of report ("Metbuat.az … xəbər verir ki, …") is no reported speech.
# Words that put what a sentence tells in the past ("Былтыр Тоқаев Әзербайжанға сапармен барған еді"):
# an event told so is background, not what the text reports, so it cannot date the text.
_PAST = re.compile(r"(?<![^\W\d_])(?:былтыр\w*|өткен жыл\w*|в прошлом году|прошлогодн\w*|годом ранее|"
                   r"last year|a year ago|ötən il\w*|keçən il\w*|bıltyr\w*|ótken jyl\w*)(?![^\W\d_])", re.I)


def in_the_past(paragraph: str) -> bool:
    """Whether the paragraph tells of last year's events ("былтыр", "в прошлом году", "ötən il")."""
    return bool(_PAST.search(paragraph))


# An event the text tells what came after ("Осенью 1996 года после официального визита президента Назарбаева в
# Баку …", "after the state visit", "səfərdən sonra", "сапардан кейін"): background, not what it reports.
_AFTER_BEFORE = re.compile(r"(?<![^\W\d_])(?:после|вслед за|after|following|since|с момента)\s+(?:[^\W\d_]+\s+){0,2}$", re.I)
_AFTER_AFTER = re.compile(r"^[^\W\d_]*\s+(?:sonra|кейін|соң|бері|bəri|keıin|keyin)(?![^\W\d_])", re.I)


_AFTER_INSIDE = re.compile(r"(?<![^\W\d_])(?:после|after|following)\s", re.I)


def after_the_event(paragraph: str, words) -> bool:
    """Whether the paragraph names the event (by any of `words`) only as what came before what it tells."""
    found = sorted((m.start(), m.end()) for w in words if w for m in re.finditer(re.escape(w), paragraph))
    # (a trigger's words may run over the marker itself: "1996 года после официального визита")
    return any(_AFTER_BEFORE.search(paragraph[max(0, a - 40):a]) or _AFTER_AFTER.match(paragraph[b:b + 30])
               or _AFTER_INSIDE.search(paragraph[a:b]) for a, b in found)


def in_a_quotation(paragraph: str, words) -> bool:
    """Whether the paragraph names the event (by the first of `words` it holds) inside a quotation: an expert's
    “Türk Şurasının sədrliyi Azərbaycandadır …” is what someone said, not what the text reports."""
    at = min((i for w in words if w and (i := paragraph.find(w)) != -1), default=-1)
    if at == -1:
        return False
    before = paragraph[:at]
    return before.count("«") > before.count("»") or before.count("“") > before.count("”") or before.count('"') % 2 == 1


# A sentence that reports what someone said in a speech or an interview: an event it names is the
# speaker's subject, not the text's ("Өз сөзінде Елші … Тоқаевтың сапарын атап өтті").
_SPEECH_OPENING = re.compile(r"^\W*(?:өз сөзінде|сөзінде|оның айтуынша|в своем выступлении|в своём выступлении|"
                             r"по его словам|по ее словам|по её словам|in (?:his|her) (?:speech|remarks)|"
                             r"according to (?:him|her)|çıxışında|öz çıxışında|onun sözlərinə görə|чыхышында|өз чыхышында|"
                             r"онун сөзләринә ҝөрә|ol sózinde|óz sózinde|onyń aıtýynsha)\b", re.I)


def in_reported_speech(paragraph: str, words) -> bool:
    """Whether every sentence of the paragraph that holds one of `words` reports someone's speech."""
    # sentences split where a stop ends one, not after an initial ("Ә. Байел")
    sentences = re.split(r"(?<=[.!?…])(?<!\s[^\W\d_]\.)\s+", paragraph)
    held = [s for s in sentences if any(w and w in s for w in words)]
    return bool(held) and all(_SPEECH_OPENING.search(s.strip()) for s in held)


_REPORT_FORMULA = re.compile(r"(?:xəbər|məlumat)\s+verir\w*\s+ki\b", re.I)
_REPORTED = re.compile(r",\s*(?:что|чтобы|как)\b|\bthat\b|\bki\b|\bдеп\b|(?:сказал|заявил|отметил|напомнил|said|noted|recalled)\w*\s*:", re.I)
# The verb of the report after what is said: "…, that Kazakhstan was formed, MP X said at the meeting on
# March 29, 2019": a date after it is the day of the saying, not one in what is said.
_SAID = re.compile(r"(?<![^\W\d_])(?:said|told|stated|noted|stressed|added|announced|declared|сказал\w*|заявил\w*|"
                   r"отметил\w*|подчеркнул\w*|сообщил\w*|деді|делінген|атап өтті|мәлімдеді|айтты|dedi|deyib|"
                   r"bildirib|qeyd edib|söyləyib|vurğulayıb)(?![^\W\d_])", re.I)


def _in_speech(sentence: str) -> bool:
    """Whether the end of `sentence` (the words before a date) stands inside reported speech."""
    sentence = _REPORT_FORMULA.sub(" ", sentence[-400:])  # a sentence's last words: bounded work a reading
    marks = list(_REPORTED.finditer(sentence))
    return bool(marks) and not _SAID.search(sentence[marks[-1].end():])
# … and a part of a year the figures reported are for: "2022 жылдың бірінші тоқсанында", "in the first half of
# 2022" (a fourth quarter or a whole year's results come out the year after, so they date nothing).
_PART = r"(?:перв|втор|трет|бірінші|екінші|үшінші|birinci|ikinci|üçüncü|first|second|third)\w*"
_YEAR_ONLY = re.compile(
    rf"(?:в\s+{_Y}\s+году|{_Y}\s+жылы|in\s+{_Y}(?![-–\d])|{_Y}-?(?:ci|cü|cu|cı)\s+ildə|"
    rf"(?:в|за)\s+{_PART}\s+(?:квартал|полугоди)\w*\s+{_Y}\s+года|{_Y}\s+жылдың\s+{_PART}\s+(?:тоқсан|жартыжылдығ)\w*|"
    rf"{_Y}-?(?:ci|cü|cu|cı)\s+ilin\s+{_PART}\s+(?:rüb|yarımil)\w*|(?:in|during|for)\s+the\s+{_PART}\s+(?:quarter|half)\s+of\s+{_Y})",
    re.I)

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
    # Azerbaijani: "martın 14-də, cümə axşamı", "Oktyabrın 8-də, çərşənbə günü"
    re.compile(rf"\b{_MONTH}\s+{_DAY}-?(?:də|da|i|ı|u|ü)?,?\s+(?P<weekday>{_WEEKDAYS})", re.I),
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
    confidence: str = "high"
    """low: read from indirect evidence (a year guessed from the years the text names, a weekday,
    a known event, a date further in the text): the editor should look."""


NO_DATE = DocDate(None, None, None)


def _month_number(word: str) -> int:
    # Turkish-style capitals: "İyun".lower() is "i̇yun" (with a combining dot), "IYUN" is "ıyun" to some.
    word = word.replace("İ", "i").replace("I", "i").lower().replace("\u0307", "")
    for number, stems in _MONTHS.items():
        if any(re.match(stem.split("(?=")[0], word) for stem in stems):  # (an abbreviation's stop is not in `word`)
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
    try:
        month = int(groups["monthnum"]) if groups.get("monthnum") else _month_number(groups["month"])
    except ValueError:
        return None
    day = int(groups["day"]) if with_day else None
    return _iso(int(groups["year"]), month, day)


def _readings(text: str, with_day: bool = True):
    """Every full date (or, with_day=False, month and year) written in `text`: (iso, match)."""
    out = []
    for pattern in (_FULL_DATES if with_day else _MONTH_YEAR):
        for m in pattern.finditer(text):
            if iso := _match_date(m, with_day):
                out.append((m.start(), iso, m))
    out.sort(key=lambda r: r[0])
    # One reading per place: "12.03.2024" is not also "2024-…" read from its tail.
    kept, end = [], -1
    for start, iso, m in out:
        if start >= end:
            kept.append((iso, m))
            end = m.end()
    return kept


# A library's reference to the paper a text was printed in, with the issue's day: "Respublika.-2016.-6
# oktyabr.-№219.-S.4.", "Бакинский рабочий.- 2005.- 12 мая.- С. 3.", "Egemen Qazaqstan. – 2017. – 5 сәуір. – №65."
_REFERENCE = re.compile(r"^\s*(?P<paper>[^\n.]{2,60}?)\.\s*[-–—]\s*" + _YEAR + r"\s*\.\s*[-–—]\s*" + _DAY + r"\s+" + _MONTH)


def library_reference(text: str) -> tuple[str, str | None, str] | None:
    """(paper, its issue's date or None, the words of the date) of a library's reference line."""
    m = _REFERENCE.match(text) if len(text) <= 160 else None
    if not m:
        return None
    return m.group("paper").strip(), _match_date(m, True), m.group(0)[m.start("year") - m.start():].strip()


def _day_month(text: str):
    """The first day and month written with no year: (month, day, match)."""
    best = None
    for pattern in _DAY_MONTH:
        m = pattern.search(text)
        if m and (best is None or m.start() < best.start()):
            best = m
    if best is None:
        return None
    month, day = _month_number(best.group("month")), int(best.group("day"))
    if not 1 <= day <= 31:
        return None
    return month, day, best


_GLUED_CLOCK = re.compile(r"(?<!\d)(\d{1,2}:\d\d)(?=[0-3]?\d\s+[^\W\d_]{3})")


def stamp(text: str) -> tuple[str | None, tuple[int, int] | None, str] | None:
    """A publication or timestamp line: (full date or None, (month, day) when the line has no year, words)."""
    if len(text) > 90:
        return None
    # a clock run into the day by a page's markup: "21:2011 Avqust, 2024" is 21:20, 11 Avqust 2024
    text = _GLUED_CLOCK.sub(r"\1 ", text)
    full = _readings(text)
    if full:
        iso, m = full[0]
        rest = text[:m.start()] + " " + text[m.end():]
        dm = None
    else:
        found = _day_month(text)
        if not found:
            return None
        month, day, m = found
        rest = text[:m.start()] + " " + text[m.end():]
        iso, dm = None, (month, day)
    rest = re.sub(r"\d{1,2}[:.]\d\d(?::\d\d)?|\b(в|saat|at|г\.|года|жыл\w*|il\w*|ил\w*|-?(?:ci|cı|cu|cü|ҹи|ҹы|ҹу|ҹү)|"
                  r"[|•»/\[\]()–—,:-])\b|[|•»«/\[\]()–—,:-]", " ",
                  re.sub(_STAMP_LABEL, " ", rest, flags=re.I), flags=re.I)
    words = [w for w in rest.split() if not w.isdigit()]
    if len(words) > 3 or (dm and len(words) > 2):
        return None
    return iso, dm, m.group(0)


# A headline that ends with where and when it was said: "Речь Гейдара Алиева … - Президентский дворец,
# 16 сентября 1996 года", "… сөйлеген сөзі - Президент Сарайы, 16 қыркүйек 1996-жыл".
_TAIL = re.compile(r"\s[-–—]\s+(?P<tail>[^-–—.!?]{0,60}?\d[^–—!?]{0,40})$")


def headline_tail(text: str) -> tuple[int, str, str] | None:
    """(where the tail starts, its date, the date's words) of a headline ending in a place and a full date."""
    m = _TAIL.search(text.strip())
    if not m:
        return None
    tail = m.group("tail")
    found = _readings(tail)
    if len(found) != 1:
        return None
    iso, d = found[0]
    rest = re.sub(r"^(?:г\.|года?|-?жыл\w*|il\w*|-?(?:ci|cü|cu|cı)\s+il\w*)\s*", "", tail[d.end():].strip(" .,-"), flags=re.I)
    before = tail[:d.start()].strip(" ,")
    if rest.strip(" .") or len(before.split()) > 5:
        return None
    return m.start(), iso, d.group(0)


_CLOCK = re.compile(rf"^\W*{_WEEKDAYS}\b|\b{_WEEKDAYS}\W*$", re.I)


_WEEKDAY_LINE = re.compile(rf"^\W*{_WEEKDAYS}\W*(?:\d{{1,2}}:\d\d)?\W*$", re.I)


def _is_clock(paragraphs: tuple[str, ...], i: int, story: int) -> bool:
    """A line above the story that gives only today's weekday and date, without a time, or today's date over
    a line of the weekday and the time ("15 March 2025" / "Saturday, 00:28"): a site's clock."""
    line = paragraphs[i]
    return i < min(story, 3) and (
        bool(_CLOCK.search(line.strip())) and not re.search(r"(?<![\d.])\d{1,2}:\d\d", line)
        or i + 1 < len(paragraphs) and bool(_WEEKDAY_LINE.match(paragraphs[i + 1])))


def _pick_year(month: int, day: int, years: list[int], weekday: int | None, bounds) -> int | None:
    """The year a day and month without one fall in: the one named year (within the office bounds) that fits."""
    fits = [y for y in years if _iso(y, month, day) and within(f"{y:04d}-{month:02d}-{day:02d}", bounds)
            and (weekday is None or datetime.date(y, month, day).weekday() == weekday)]
    if weekday is not None and not fits and bounds:
        lo, hi = int(bounds[0][:4]), int(bounds[1][:4]) if bounds[1] else _THIS_YEAR_NUMBER()
        fits = [y for y in range(lo, hi + 1) if _iso(y, month, day) and within(f"{y:04d}-{month:02d}-{day:02d}", bounds)
                and datetime.date(y, month, day).weekday() == weekday]
        return fits[0] if len(fits) == 1 else None
    return max(fits) if fits else None


def _THIS_YEAR_NUMBER() -> int:
    """The latest year a text can be from: a holder still in office (a term with no end) bounds it by today."""
    return datetime.date.today().year


def within(iso: str, bounds) -> bool:
    """Whether a date (at any precision) can fall within (from, to) bounds; no bounds: always."""
    if not bounds:
        return True
    lo, hi = bounds
    return (not lo or iso >= lo[:len(iso)]) and (not hi or iso[:len(hi)] <= hi)


_HISTORY = re.compile(r"\b(в\s+\d{4}\s+году|ещё|еще|ранее|бұрын|earlier|ago|назад|бері|since|с\s+\d{4})\b", re.I)


# Words that put a year back in history: "сонау 2004 жылы", "ещё в 1998 году", "back in 2004", "hələ 1998-ci ildə".
_BACK_THEN = re.compile(r"(?<![^\W\d_])(?:сонау|ещ[её]|as early as|back|hələ|hele|sonaý)\s+(?:в\s+|in\s+)?$", re.I)


# Words of founding: the year something was founded or declared is its history, not the text's
# ("СПЕКА 1997 жылы … құрылған ұйым", "Алғаш 2016 жылы мереке ретінде жарияланған бұл күні", "созданная в 1997
# году", "1997-ci ildə yaradılmış", "founded in 1997").
_FOUNDED = re.compile(
    r"(?<![^\W\d_])(?:созда\w*н|основа\w*н|учрежд[её]н|учрежден|образова\w*н|провозглаш[её]н|объявлен\w*|"
    r"құрыл(?:ған|ды)|құрған|негізі қаланған|негізін қалаған|жарияланған|"
    r"yaradıl(?:mış|an|ıb|dı)|təsis (?:edil|olun)\w*|qurul(?:muş|an)|elan (?:edil|olun)(?:miş|muş|an)|"
    r"founded|established|set up|created|declared)\w*", re.I)


def _founded(paragraph: str, m: re.Match) -> bool:
    """Whether the year matched at `m` is, by the words of its own clause, the year something was founded."""
    start = max(paragraph.rfind(c, 0, m.start()) for c in ".!?;") + 1
    ends = [e for e in (paragraph.find(c, m.end()) for c in ".!?;,") if e >= 0]
    clause = paragraph[max(start, m.start() - 40):min(ends, default=len(paragraph))]
    return bool(_FOUNDED.search(clause))


def _quoted(before: str) -> bool:
    """Whether a paragraph's words `before` a date leave a quotation open: the date is in what someone says."""
    straight = before.count('"')
    return (sum(before.count(c) for c in "«“„") > sum(before.count(c) for c in "»”")) or straight % 2 == 1


# The day something takes effect ("с 1 января 2023 года", "from 1 January", "1 yanvar 2023-cü ildən etibarən",
# "2023 жылғы 1 қаңтардан бастап"): a term of an agreement, not the day of the report.
_FROM_BEFORE = re.compile(r"(?<![^\W\d_])(?:с|со|from|as of|starting|effective)\s+(?:\d{1,2}\s+)?$", re.I)
_FROM_AFTER = re.compile(r"^[\w-]*\s*(?:года?\s+)?(?:etibarən|başlayaraq|бастап|onwards)", re.I)


def _from_on(paragraph: str, m: re.Match) -> bool:
    return bool(_FROM_BEFORE.search(paragraph[max(0, m.start() - 12):m.start()])
                or _FROM_AFTER.match(paragraph[m.end():m.end() + 30]))


# The date of a document the text refers to: "the Treaty … dated May 24, 2005", "Договор от 24 мая 2005 года",
# "24 may 2005-ci il tarixli Müqavilə".
_DATED_BEFORE = re.compile(r"(?<![^\W\d_])(?:dated|от)\s+(?:\d{1,2}\s+|[^\W\d_]+\.?\s+)?$", re.I)
_DATED_AFTER = re.compile(r"^[\w-]*\s*(?:il\s+)?tarixli\b", re.I)


def _a_source(paragraph: str, m: re.Match) -> bool:
    """Whether the date at `m` is a source's, in brackets after its name: "(Kontinent, March 30, 2004)"."""
    return bool(re.search(r"\(\s*[^()\d]{2,50},\s*$", paragraph[max(0, m.start() - 54):m.start()])
                and re.match(r"\s*\)", paragraph[m.end():]))


def _of_a_document(paragraph: str, m: re.Match) -> bool:
    return bool(_DATED_BEFORE.search(paragraph[max(0, m.start() - 16):m.start()])
                or _DATED_AFTER.match(paragraph[m.end():m.end() + 20]))


def _not_the_reports(paragraph: str, m: re.Match) -> bool:
    """Whether the date at `m` is, by the words around it, not the day of a report: in a quotation, the day a
    term begins, a source's."""
    return _quoted(paragraph[:m.start()]) or _from_on(paragraph, m) or _a_source(paragraph, m)


def chronology(paragraph: str) -> bool:
    """Whether the paragraph runs through the dates or years of three years or more: history, every date of it
    ("30 avqust 1992 … 9 yanvar 1993 … 1 mart 2004 … 6 sentyabr 2008-ci il tarixindən", "сонау 2004 жылы … 2007 жылы
    … 2008 жылы")."""
    years = {iso[:4] for iso, _ in _readings(paragraph)}
    years |= set(_A_YEAR.findall(paragraph))
    return len(years) >= 3


def explicit(paragraphs: tuple[str, ...], lead: range) -> DocDate | None:
    """The first explicit date in the lead paragraphs, at the precision written."""
    # The lead's first paragraph tells its event by day and month ("made a landmark trip to Baku on May 25"): a
    # date of another month after it is another event's ("visited Kazakhstan in March 2004").
    first = lead[0] if len(lead) else None
    told = _day_month(paragraphs[first]) if first is not None and not _readings(paragraphs[first]) else None
    for with_day, precision in ((True, "day"), (False, "month")):
        for i in lead:
            if chronology(paragraphs[i]):
                continue
            for iso, m in _readings(paragraphs[i], with_day):
                if told and i != first and int(iso[5:7]) != told[0]:
                    continue
                sentence = paragraphs[i][:m.start()].rsplit(".", 1)[-1]
                if _in_speech(sentence) or _not_the_reports(paragraphs[i], m):
                    continue  # what someone said, or the day a term begins ("from 1 January 2023")
                return DocDate(iso, precision, m.group(0), (i + 1,))
    for i in lead:
        if chronology(paragraphs[i]):
            continue
        for m in _YEAR_ONLY.finditer(paragraphs[i]):
            sentence = paragraphs[i][:m.start()].rsplit(".", 1)[-1]
            if _in_speech(sentence):
                continue  # "Токаев сказал, что в 2022 году …": a year in what someone says, not the text's
            year = next(g for g in m.groups() if g)
            if _BACK_THEN.search(sentence[-20:]):
                continue  # "Қос құраманың алғашқы таныстығы сонау 2004 жылы …": history, not the text's year
            if int(year) in _contrasted_years(paragraphs[i]):
                continue  # "In 2022, trade … An upward trend continued this year": the year before this one
            if _founded(paragraphs[i], m):
                continue  # "СПЕКА 1997 жылы Қазақстанның бастамасымен құрылған ұйым": the organisation's history
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
            weekday = _weekday_number(m.group("weekday"))
            month, day = _month_number(m.group("month")), int(m.group("day"))
            fits = [y for y in years if _iso(y, month, day) and datetime.date(y, month, day).weekday() == weekday]
            if len(fits) == 1:
                return DocDate(_iso(fits[0], month, day), "day", m.group(0), (i + 1,))
    return None


# The number of years stands alone: "2004-cü ildə" is a year ("in 2004"), not four years.
_JUBILEE = re.compile(
    r"(?<![\d.,/])(?P<years>\d{1,3})\s*(?:-?\s*(?:лет(?:ие|ия|ию|нем|него|ней)?\w*|жыл(?:дығы|дық|дығына|дығын)?\w*|"
    r"(?:st|nd|rd|th)?\s*anniversary|years?|-?(?:ci|cü|cu|cı)\s+il\w*|il(?:liy|lik)\w*))", re.I)
# Words for the year the text is written in: "в августе текущего года", "this year", "биылғы", "bu il".
_CURRENT = re.compile(r"(?<![^\W\d_])(?:текущ\w+ год\w*|нынешн\w+ год\w*|это\w* год\w*|this year|биыл\w*|"
                      r"осы жыл\w*|bu il\w*|cari il\w*)(?![^\W\d_])", re.I)
_THIS_YEAR = re.compile(r"в этом году|в текущем году|нынешн\w+ год|биыл|осы жылы|this year|bu il|cari il", re.I)


def anniversary(paragraphs: tuple[str, ...], knowledge: Knowledge, phrase_hits: dict[str, list[int]],
                named=None) -> DocDate | None:
    """'30 years of diplomatic relations … in three days': count from a known event's date.

    `named` (event id -> paragraphs where the event's name, its first trigger group, stands) lets
    "в этом году исполняется 30 лет дипломатическим отношениям" count without the other triggers.
    """
    for event in knowledge.events:
        if not event.anniversary or event.date_precision != "day":
            continue
        where = sorted(set(phrase_hits.get(event.id, ())) | set((named or {}).get(event.id, ())))
        base = datetime.date.fromisoformat(event.date)
        for i in where:
            text = paragraphs[i]
            for years in _JUBILEE.finditer(text):
                n_years = int(years.group("years"))
                if not 1 <= n_years <= 60:
                    continue
                try:
                    jubilee = base.replace(year=base.year + n_years)
                except ValueError:
                    continue
                sentence = next((s.group(0).strip() for s in _SENTENCE.finditer(text)
                                 if years.start() >= s.start() and years.end() <= s.end()), years.group(0))
                for j in range(i, min(i + 2, len(paragraphs))):
                    for pattern in _DAYS_LATER:
                        later = pattern.search(paragraphs[j])
                        if later:
                            n = later.group("n").lower()
                            days = int(n) if n.isdigit() else _NUMBERS[n]
                            day = jubilee - datetime.timedelta(days=days)
                            evidence = f"{sentence} … {later.group(0)}"
                            return DocDate(day.isoformat(), "day", evidence, tuple(sorted({i + 1, j + 1})))
                if i in (phrase_hits.get(event.id) or ()) or _THIS_YEAR.search(sentence) or re.search(
                        r"исполн|отмеча|празд|атап өт|тойла|qeyd ed|celebrat|mark", sentence, re.I):
                    return DocDate(str(jubilee.year), "year", sentence, (i + 1,))
    return None


# Relative words in the lead, counted back from the date the text is published.
_RELATIVE_DAYS = ((re.compile(r"\b(позавчера|алдыңғы күні|srağagün|the day before yesterday)\b", re.I), -2),
                  (re.compile(r"\b(вчера|вчерашн\w+|кеше|кешегі|dünən|yesterday)\b", re.I), -1),
                  (re.compile(r"\b(сегодня|бүгін|bu gün|bugün|today)\b", re.I), 0))
_WEEKDAY_ALONE = re.compile(rf"(?:\bв|\bво|\bon|^|\s)\s*(?P<weekday>{_WEEKDAYS})(?:\s+(?:күні|günü))?(?!\s*,?\s*\d)", re.I)


def _shift(base: DocDate, paragraphs: tuple[str, ...], story: int) -> DocDate:
    """A publication date moved to the day the lead says it happened ("вчера", "в понедельник")."""
    if base.precision != "day" or story >= len(paragraphs):
        return base
    first = _SENTENCE.match(paragraphs[story])
    sentence = first.group(0) if first else paragraphs[story]
    published = datetime.date.fromisoformat(base.date)
    for pattern, days in _RELATIVE_DAYS:
        m = pattern.search(sentence)
        if m:
            if days == 0:
                return base
            day = published + datetime.timedelta(days=days)
            return DocDate(day.isoformat(), "day", f"{m.group(0)} ({base.evidence})",
                           tuple(sorted({*base.paragraphs, story + 1})))
    m = _WEEKDAY_ALONE.search(sentence)
    if m:
        weekday = _weekday_number(m.group("weekday"))
        back = (published.weekday() - weekday) % 7
        day = published - datetime.timedelta(days=back)
        return DocDate(day.isoformat(), "day", f"{m.group(0).strip()} ({base.evidence})",
                       tuple(sorted({*base.paragraphs, story + 1})))
    return base


def _named_years(paragraphs: tuple[str, ...]) -> list[int]:
    """Years the text names, leaving out those it looks forward to ("до 2030 года", "by 2030") and years of founding."""
    years = []
    for p in paragraphs:
        for m in _A_YEAR.finditer(p):
            before = p[max(0, m.start() - 12):m.start()].lower()
            after = p[m.end():m.end() + 14].lower()
            if re.search(r"(до|к|by|until|through|till)\s*$", before) or re.match(
                    r"\s*(жылға дейін|-?(?:ci|cü|cu|cı)\s+ilə\s+qədər|-?[yi]?ə qədər|-?[yi]?a qədər|годы|жылдар)", after):
                continue
            if _founded(p, m):
                continue  # "Алғаш 2016 жылы мереке ретінде жарияланған бұл күні": the holiday's history
            years.append(int(m.group(1)))
    return sorted(set(years))


# What sets a year against this one: a trend "this year" continues from it, or a comparison with it.
_CONTINUES = re.compile(r"\b(?:continu\w*|продолж\w+|сохраня\w+|жалғас\w*|davam\w*)", re.I)
_COMPARED_WITH = re.compile(r"(?:compared (?:to|with)|than(?: in)?|по сравнению с|чем в|против|"
                            r"салыстырғанда|ilə müqayisədə|nisbətən)\s*(?:the same period (?:of|in) )?$", re.I)


# A dateline of a city and a day: "BAKI, 26 mar —", "АСТАНА, 12 наурыз -", "Baku, March 5 –".
_CITY_DATELINE = re.compile(r"^[A-ZА-ЯЁƏÇĞİÖŞÜӘҒҚҢӨҰҮҺІ][\w'-]+,\s*(?:\d{1,2}\s+\w+\.?|\w+\.?\s+\d{1,2})(?:,?\s*\d{4})?\s*[-–—]\s")


def _contrasted_years(text: str) -> set[int]:
    """Years a paragraph sets against "this year": those of the sentence before a trend this year continues
    ("In 2022, trade … reached $460 million. An upward trend continued this year") and those it compares
    this year with ("… this year, 40 % more than in 2022")."""
    out: set[int] = set()
    for paragraph in text.split("\n"):
        if not _CURRENT.search(paragraph):
            continue
        sentences = re.split(r"(?<=[.!?])\s+", paragraph)
        for k, sentence in enumerate(sentences):
            if not _CURRENT.search(sentence):
                continue
            if _CONTINUES.search(sentence) and k:
                out |= {int(y) for y in _A_YEAR.findall(sentences[k - 1])}
            out |= {int(m.group(1)) for m in _A_YEAR.finditer(sentence) if _COMPARED_WITH.search(sentence[:m.start()])}
    return out


def _first_day(iso: str) -> datetime.date:
    parts = [int(x) for x in iso.split("-")]
    return datetime.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def _later_named(event, knowledge: Knowledge, event_hits: dict[str, list[int]]) -> bool:
    """Whether the text names another known event (not a day years are counted from) that began more than two
    months after `event` ended: the text is of that time or later."""
    end = _first_day(event.date) + datetime.timedelta(days=60 if len(event.date) == 10 else 400 if len(event.date) == 4 else 90)
    return any(other.id != event.id and not other.anniversary and _first_day(other.date) > end
               for other in knowledge.events if other.id in event_hits)


def infer(header_date: str | None, paragraphs: tuple[str, ...], lead: range, knowledge: Knowledge,
          event_hits: dict[str, list[int]], event_words: dict[str, list[str]],
          reported: dict[str, list[int]], story: int = 0, skip: frozenset[int] = frozenset(),
          bounds=None, named_events=None) -> DocDate:
    """The document's date, trying the strongest evidence first.

    `event_hits` maps known-event ids whose triggers all match the text to the 0-based
    paragraphs they match in; `event_words` to the words matched; `reported` holds those
    of them that the lead of the text speaks of. `story` is the first paragraph of the story
    (after headline and web leftovers), `skip` the paragraphs that are not story (leftovers),
    `bounds` the (from, to) the offices named with their holders allow.
    """
    if header_date:
        precision = ("year", "month", "day")[header_date.count("-")]
        if precision == "month":
            # "date 2022-08" over a lead that says "26 avqust 2022-ci il": the header's month, to the day.
            for i in lead:
                for iso, m in _readings(paragraphs[i]):
                    if iso.startswith(header_date + "-"):
                        return DocDate(iso, "day", m.group(0), (i + 1,))
        return DocDate(header_date, precision, "header", ())
    # The issue of the paper a library's reference gives ("Respublika.-2016.-6 oktyabr.-№219.-S.4."): the day
    # it was printed, whatever day the story looks ahead to.
    for i in sorted(skip):
        if (ref := library_reference(paragraphs[i])) and ref[1]:
            return DocDate(ref[1], "day", ref[2], (i + 1,))
    # Publication and timestamp lines, anywhere in the text; the first with a year wins …
    stamps = [(i, st) for i, p in enumerate(paragraphs) if (i in skip or i < story or len(p) <= 60) and (st := stamp(p))]
    # … but not the site's clock at the top of the page ("Сенбі, 23 Қараша 2024": the day it was saved)
    # over the story's own stamp, with its time ("24 Қараша, 2023 сағат 16:21").
    clock = {i for i, (iso, _, _) in stamps if iso and _is_clock(paragraphs, i, story)}
    if any(iso and i not in clock for i, (iso, _, _) in stamps):
        stamps = [(i, st) for i, st in stamps if i not in clock]
    for i, (iso, _, words) in stamps:
        if iso:
            return _shift(DocDate(iso, "day", words, (i + 1,)), paragraphs, story)
    for i in range(min(story, len(paragraphs))):
        if i not in skip and (tail := headline_tail(paragraphs[i])):
            return _shift(DocDate(tail[1], "day", tail[2], (i + 1,)), paragraphs, story)
    # A byline above the story with the day it was published: "By Aida Nurlanova in Nation on 26 August 2022".
    for i in sorted(skip):
        if i < story and len(paragraphs[i]) <= 160 and (found := _readings(paragraphs[i])):
            return _shift(DocDate(found[0][0], "day", found[0][1].group(0), (i + 1,)), paragraphs, story)
    # A dateline at the head of the story: "ASTANA, March 14, 2024 —", "БАКУ, 5 марта – Trend."
    head = paragraphs[story][:90] if story < len(paragraphs) else ""
    dash = re.search(r"\s[-–—]\s|\)\s*[-–—]|/\s*[-–—]|[.:]\s", head)
    dateline = head[:dash.end()] if dash else ""
    if not _readings(dateline) and not _day_month(dateline):
        # … or a few paragraphs on, under a lead or a caption: "BAKI, 26 mar — Sputnik. Bu gün …"
        for j in range(story + 1, min(story + 6, len(paragraphs))):
            if j not in skip and (m := _CITY_DATELINE.match(paragraphs[j])) and (_readings(m.group(0)) or _day_month(m.group(0))):
                dateline, story = m.group(0), j
                break
    full = _readings(dateline)
    if full:
        return _shift(DocDate(full[0][0], "day", full[0][1].group(0), (story + 1,)), paragraphs, story)
    named = _named_years(paragraphs)
    partial = [(i, dm, words) for i, (iso, dm, words) in stamps if dm]
    if dateline and (dm := _day_month(dateline)):
        partial.insert(0, (story, (dm[0], dm[1]), dm[2].group(0)))
    for i, (month, day), words in partial:
        weekday = None
        wm = re.search(_WEEKDAYS, paragraphs[i], re.I)
        if wm:
            weekday = _weekday_number(wm.group(0))
        # "АСТАНА, 12 наурыз - Sputnik." under a caption stamped "12.03.2024": the year of that same day
        same_day = {int(iso[:4]) for p in paragraphs for iso, _ in _readings(p) if iso[5:] == f"{month:02d}-{day:02d}"}
        year = same_day.pop() if len(same_day) == 1 else _pick_year(month, day, named, weekday, bounds)
        if not year:
            # "АСТАНА, 20 октября. /ТАСС/." over a lead about a known event of 20–21 October 2025: that year.
            years = sorted({int(ev.date[:4]) for ev in knowledge.events if ev.id in reported and len(ev.date) >= 7
                            and int(ev.date[5:7]) == month and (len(ev.date) == 7 or abs(int(ev.date[8:10]) - day) <= 3)
                            and within(f"{ev.date[:4]}-{month:02d}-{day:02d}", bounds)})
            year = years[0] if len(years) == 1 else None
        if not year and bounds and not named:
            # "8 Тамыз 17:05" over a lead that names a holder in office: the years of the term, and the
            # weekday the lead gives ("сейсенбі күні") where the term has more than one.
            lo, hi = int(bounds[0][:4]), int(bounds[1][:4]) if bounds[1] else _THIS_YEAR_NUMBER()
            years = [y for y in range(lo, hi + 1) if _iso(y, month, day) and within(f"{y:04d}-{month:02d}-{day:02d}", bounds)]
            lead_day = re.search(_WEEKDAYS, paragraphs[story], re.I) if weekday is None and story < len(paragraphs) else None
            if len(years) > 1 and lead_day:
                wd = _weekday_number(lead_day.group(0))
                years = [y for y in years if datetime.date(y, month, day).weekday() == wd]
            year = years[0] if len(years) == 1 else None
        if year:
            found = _shift(DocDate(_iso(year, month, day), "day", words, (i + 1,)), paragraphs, story)
            return DocDate(found.date, found.precision, found.evidence, found.paragraphs, confidence="low")
    # "İlham Əliyev martın 11-də … Ali Dövlətlərarası Şuranın birinci iclasında deyib": a day and month in the
    # lead, in the sentence that names a known event the text reports on that day: the event's year.
    for i in lead:
        if i >= len(paragraphs) or _readings(paragraphs[i]) or not (dm := _day_month(paragraphs[i])):
            continue
        month, day, m = dm
        # (not a day years are counted from: "сегодня, 16 декабря, … 29-летие Независимости" is no day of 1991)
        years = {int(ev.date[:4]) for ev in knowledge.events if not ev.anniversary and ev.id in reported
                 and i in event_hits.get(ev.id, ())
                 and len(ev.date) == 10 and int(ev.date[5:7]) == month and abs(int(ev.date[8:10]) - day) <= 1
                 and within(ev.date, bounds)}
        if len(years) == 1 and (iso := _iso(years.pop(), month, day)):
            return DocDate(iso, "day", m.group(0), (i + 1,), confidence="low")
    found = explicit(paragraphs, lead)
    jubilee = anniversary(paragraphs, knowledge, event_hits, named_events)
    # "Биыл … 30 жыл толады" beside "1992 жылғы 27 тамызда": the date written is the event counted from.
    if not found or (jubilee and found.date[:4] < jubilee.date[:4]):
        found = jubilee or found
        # "И сегодня, 16 декабря, Казахстан празднует 29-летие Независимости": today's day and month in the
        # sentence that counts the years is that day of the anniversary's year.
        if found is jubilee and jubilee and _RELATIVE_DAYS[-1][0].search(jubilee.evidence) and not _readings(
                jubilee.evidence) and (dm := _day_month(jubilee.evidence)):
            if iso := _iso(int(jubilee.date), dm[0], dm[1]):
                found = DocDate(iso, "day", jubilee.evidence, jubilee.paragraphs, confidence=jubilee.confidence)
    if found and found.precision != "year" and not within(found.date, bounds):
        found = None
    if not found or found.precision != "day":
        # The years the text names narrow a weekday's date; with none, the office bounds or the record's years.
        if named:
            years = range(named[0], named[-1] + 1)
        elif bounds:
            years = range(int(bounds[0][:4]), (int(bounds[1][:4]) if bounds[1] else _THIS_YEAR_NUMBER()) + 1)
        else:
            years = range(1991, _THIS_YEAR_NUMBER() + 1)
        by_weekday = weekday_date(paragraphs, lead, years)
        if by_weekday and within(by_weekday.date, bounds):
            return DocDate(by_weekday.date, "day", by_weekday.evidence, by_weekday.paragraphs,
                           confidence="high" if named else "low")
    if found and found.precision == "day":
        return found
    # A day and month the dateline or a stamp gives rule out a known event of another month.
    months_written = {month for _, (month, _), _ in partial}
    for event in knowledge.events:
        if months_written and (len(event.date) < 7 or int(event.date[5:7]) not in months_written):
            continue
        # … and the year the text gives itself rules out a known event of another ("в год 25-летия …
        # отношений", 2017, over "в 2015 году посетил Астану"): that event is history here.
        if found and found.precision == "year" and event.date[:4] != found.date:
            continue
        # (… nor an event before another the text names: a text that names the Shusha Declaration of 2021 is
        # no report of the Turkic Council's summit of 2019)
        if event.dates_reports and event.id in reported and not _later_named(event, knowledge, event_hits):
            words = " … ".join(dict.fromkeys(event_words[event.id]))
            return DocDate(event.date, event.date_precision, words,
                           tuple(sorted({i + 1 for i in event_hits[event.id]})), event.id, confidence="low")
    # "13 сентября из порта Актау была отгружена …" in the lead, in a text that speaks of "this year"
    # ("в августе текущего года") and names years: the latest of them that the offices allow.
    # A year set against "this year" is another ("In 2022, trade grew … An upward trend continued this
    # year"); a year the text counts an anniversary to ("the 100th anniversary this year") is this one.
    story_text = "\n".join(p for i, p in enumerate(paragraphs) if i not in skip)
    candidates = sorted(set(named) - _contrasted_years(story_text) | ({int(found.date)} if found and found.precision == "year" else set()))
    if (not found or found.precision == "year") and candidates and _CURRENT.search(story_text):
        for i in lead:
            if i >= len(paragraphs) or _readings(paragraphs[i]) or not (dm := _day_month(paragraphs[i])):
                continue
            month, day, m = dm
            if _in_speech(paragraphs[i][:m.start()].rsplit(".", 1)[-1]):
                continue
            # … and the weekday the lead gives ("on Thursday") must be that day's
            said = re.search(_WEEKDAYS, paragraphs[i], re.I)
            weekday = _weekday_number(said.group(0)) if said else None
            fits = [y for y in candidates if (iso := _iso(y, month, day)) and within(iso, bounds)
                    and (not found or found.date == str(y))
                    and (weekday is None or datetime.date(y, month, day).weekday() == weekday)]
            if fits:
                return DocDate(_iso(max(fits), month, day), "day", m.group(0), (i + 1,), confidence="low")
    if found:
        return found
    # A full date further in the story, outside quoted speech and history (a date of a year before
    # the latest the text names is history: "1992 жылғы 27 тамызда орнатылған").
    latest = max(named, default=0)
    for i in range(story, len(paragraphs)):
        if i in skip:
            continue
        if chronology(paragraphs[i]):
            continue
        for iso, m in _readings(paragraphs[i]):
            sentence = paragraphs[i][:m.start()].rsplit(".", 1)[-1]
            # (deeper in the story, a document's date is history too: "the Treaty … dated May 24, 2005")
            if (not _in_speech(sentence) and not _not_the_reports(paragraphs[i], m) and not _of_a_document(paragraphs[i], m)
                    and within(iso, bounds) and int(iso[:4]) >= latest):
                return DocDate(iso, "day", m.group(0), (i + 1,), confidence="low")
    # "Былтыр Президент Әзербайжанға мемлекеттік сапармен барған еді" beside a known visit of 2024:
    # the text is of the year after (to the year only; the day is nowhere written).
    after: dict[int, tuple[str, int, str]] = {}
    for event in knowledge.events:
        for i in event_hits.get(event.id, ()):
            sentence = next((x for x in re.split(r"(?<=[.!?])\s+", paragraphs[i]) if _PAST.search(x)), "")
            if sentence and any(w in sentence for w in event_words.get(event.id, ())[:1]):
                after.setdefault(int(event.date[:4]) + 1, (_PAST.search(sentence).group(0), i, event.id))
    if len(after) == 1:
        (year, (word, i, eid)), = after.items()
        if within(f"{year:04d}", bounds) and year <= _THIS_YEAR_NUMBER():
            evidence = " … ".join([word, *dict.fromkeys(event_words[eid])])
            return DocDate(f"{year:04d}", "year", evidence, (i + 1,), confidence="low")
    return NO_DATE
