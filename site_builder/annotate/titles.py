"""Tell a text's web leftovers (breadcrumbs, labels, timestamps, counters, credits, prompts) from its
story, and find its headline, or with none its first sentence after the dateline."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from site_builder.annotate import dates

# The head of a list of other stories at a page's foot ("The most popular articles", "Oxşar xəbərlər",
# "Другие новости"): what follows it is their headlines, not this story.
_LIST_HEAD = re.compile(
    r"^(?:the\s+)?(?:most\s+(?:popular|read)(?:\s+(?:articles|news|stories))?|related\s+(?:news|articles|stories)|"
    r"more\s+news|other\s+news|latest\s+news|read\s+also|you\s+may\s+also\s+like|"
    r"читайте\s+также|другие\s+новости|похожие\s+новости|последние\s+новости|популярное|самое\s+читаемое|"
    r"по\s+теме|новости\s+по\s+теме|басқа\s+жаңалықтар|ұқсас\s+жаңалықтар|соңғы\s+жаңалықтар|тағы\s+оқыңыз|"
    r"oxşar\s+xəbərlər|digər\s+xəbərlər|son\s+xəbərlər|ən\s+çox\s+oxunan\w*|həmçinin\s+oxuyun)\W*$", re.I)
# Lines a web page leaves around a copied article, whole or as their start.
_PROMPTS = re.compile(
    r"^(популярные темы|читайте (также|еще|ещё)|хотите получать уведомления|получать уведомления|"
    r"(allow|enable|get) (push )?notifications|хабарландыру(лар)?ды алу|bildirişlər(i)? (al|aktiv)|print( this)?( page| article| version)?|версия для печати|"
    r"распечатать|печать|басып шығару|çap (et|versiyası)|смотрите также|поделиться|поделитесь|комментари\w*|оставить комментарий|"
    r"подписывайтесь|подпишитесь|теги|тэги|метки|источник|фото|видео|фотогалерея|реклама|"
    r"пікір\w*|бөлісу|бөлісіңіз|тегтер|тағы оқыңыз|оқи отырыңыз|сурет|фото|дереккөз|жазылыңыз|"
    r"share( this)?( article| story| on \w+)?|comments?|leave a comment|read (also|more)|related( news| articles)?|"
    r"follow us|subscribe|tags?|source|photo( credit)?|image|advertisement|most read|popular|trending|"
    r"şərh\w*|paylaş\w*|oxu(yun)? həmçinin|həmçinin oxuyun|teqlər|mənbə|foto|bizi izləyin|abunə olun|"
    r"ən çox oxunan|xəbər lenti|son xəbərlər|последние новости|лента новостей|соңғы жаңалықтар)\b", re.I)
_CREDIT = re.compile(r"^[(\[]?\s*(фото|photo|foto|сурет|видео|video|image|источник фото|фото автора)\b"
                     r"[\s:/©-]|^©|^(автор|авторы|author|by|müəllif|автордың|редактор|editor)\s*[:\s]", re.I)
_COUNTER = re.compile(
    r"^\W*(\d[\d\s.,]*\s*(рет көрсетілді|рет оқылды|просмотр\w*|views?|reads?|baxış\w*|oxunub|"
    r"мин(ут\w*)?\.?\s*(оқу|чтени|на чтение)|min(ute)?s?\.?\s*read|dəq(iqə)?\.?\s*oxu\w*|comments?|комментари\w*|пікір)\b|"
    r"(просмотров|views|baxış sayı|прочитано|көрілім|oxunma sayı)\s*:?\s*\d)", re.I)
NOTICE = re.compile(r"cookie|куки|иностранн\w+ агент|foreign agent|шетелдік агент|xarici agent|все права защищены|"
                     r"гиперсілтеме|гиперссылк|hyperlink|hiperlink|активная ссылка|active link|"
                     r"all rights reserved|barcha huquq|bütün hüquqlar|при использовании материалов|"
                     r"материалдарды пайдаланған|istifadə zamanı", re.I)
_BREADCRUMB = re.compile(r"\s(»|›|>|/|→|\\)(\s|$)|^(главная|басты бет|ana səhifə|home|news|новости|жаңалықтар|xəbərlər)\s*[»›>/|]", re.I)
# A site's own line under its name at the top of the page: "Official website of the President of …",
# "Пресс-служба Президента …", "Rəsmi internet saytı".
_MASTHEAD = re.compile(
    r"^(the )?official (web ?site|internet resource|portal)\b|^официальн\w+ (сайт|интернет-ресурс|портал)\b|"
    r"^пресс-служба\b|^ресми (сайт|интернет-ресурс|портал)\w*|\bресми сайты$|^баспасөз қызметі\b|\bбаспасөз қызметі$|"
    r"^rəsmi (internet )?(sayt|portal)\w*|\brəsmi (internet )?saytı$|^mətbuat xidməti\b|\bmətbuat xidməti$|^press service\b", re.I)
# An institution's name in capitals over its own site's pages: "AZƏRBAYCAN RESPUBLİKASI ELM VƏ TƏHSİL NAZİRLİYİ",
# "NEFT VƏ QAZ İNSTİTUTU", "МИНИСТЕРСТВО ИНОСТРАННЫХ ДЕЛ", "EMBASSY OF KAZAKHSTAN" (the name of the body first or last).
_INSTITUTION = re.compile(
    r"^(?:ministry|embassy|university|institute|academy|министерств\w*|посольств\w*|университет\w*|институт\w*|академи\w*)\b|"
    r"\b(?:ministry|embassy|university|institute|academy|nazirliyi|səfirliyi|universiteti|institutu|akademiyası|"
    r"министрлігі|елшілігі|университеті|институты|академиясы|министерство|посольство|университет|институт|академия)$",
    re.I)
_TICKER = re.compile(r"^(?:[A-Z]{3}\s*[-–:=/]?\s*\d[\d.,]*|[^\W\d_]+(?:\s[^\W\d_]+)?\s*[+-−]?\d{1,2}\s*°\s*[CF]?)\s*[↑↓▲▼%+-]?\s*$")
_BY_OUTLET = re.compile(r"^(?:[^\W\d_]+\s+){0,2}(?:by|от)\s+(?P<name>\S.*)$", re.I)
_BYLINE_OUTLET = re.compile(r"^[A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ][^\W\d_'’-]+(?:\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ][^\W\d_'’-]+){1,2}"
                            r"\s*[,|/–—-]?\s+(?P<name>\S[^,|]{1,40}?)\s*[|,]?\s*$")
# What follows an outlet's name in its masthead: "Report News Agency", "APA Information Agency".
_AGENCY = re.compile(r"\s+(news|information|press)?\s*agency$|\s+(информационное\s+)?агентство$|"
                     r"\s+(ақпарат(тық)?\s+)?агенттігі$|\s+(informasiya\s+)?agentliyi$", re.I)
# A library's reference to the paper a text was printed in: "Xalq qəzeti.-2017.-5 aprel.-69.-S.3.",
# "Бакинский рабочий.- 2005.- 12 мая.- С. 3.", "Egemen Qazaqstan. – 2017. – 5 сәуір. – №65."
_CITATION = re.compile(r"^[^\n]{2,80}?\.\s*[-–—]\s*(?:19|20)\d\d\s*\.\s*[-–—]\s*\S")
PUBLICATION = re.compile(r"^Publication:\s*(?P<name>[^:]{2,60}?)\s+Volume:\s*\d+(?:\s+Issue:\s*\d+)?\s*$", re.I)
_BULLET_LABEL = re.compile(r"^[^.!?]{1,40}\s[•|·]\s")
_HEADLINE_END = re.compile(r"[.,;:»\"”]$")
_WORD = re.compile(r"[^\W\d_]+")
# A dateline before the story: "АСТАНА. КАЗИНФОРМ –", "БАКУ, 5 марта – Trend.", "Bakı, 5 mart, AZƏRTAC.",
# "ASTANA, March 14, 2024 —", "Baku, Azerbaijan, March 5 (Trend) -", "АСТАНА /Trend/ -".
_DATELINE = re.compile(
    r"^(?P<head>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ][\w'’.-]*(?:[ -][A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ][\w'’.-]*){0,2}"
    r"(?:,\s*[\w .'’-]{1,40}?){0,3}(?:\s*/[^/]{2,30}/|\s*\([^()]{2,30}\))?)\s*(?:SEP)\s*"
    r"(?:(?P<tail>[\w.\s-]{2,30}?)(?P<end>[.,:]|\s[-–—])\s+)?", re.U)
# A dash ends a dateline before a full stop does ("Baku, Sept. 17, 2019 —").
# (a dash between two letters is a word's hyphen: "Премьер-Министрі" is no dateline's end)
_DATELINES = (re.compile(_DATELINE.pattern.replace("SEP", r"(?<!\w)[-–—]+|[-–—]+(?!\w)")), re.compile(_DATELINE.pattern.replace("SEP", r"\.\s|:\s")))


# What a site adds to a headline: a label for its pictures ("… мира ФОТО", "… başlayır - FOTO",
# "(видео)") and markup copied with the text ("<span style=…>").
_MEDIA_LABEL = re.compile(r"\s*(?:[-–—|+•]\s*)?[\[(]?\s*(?:фото|видео|foto|video|photo|фоторепортаж|"
                          r"фото\s*[+и/]\s*видео|видео\s*[+и/]\s*фото|foto\s*[+/]\s*video|infographic|инфографика)"
                          r"\s*[\])]?\s*$", re.I)
_TAG = re.compile(r"<[^<>]{1,200}>")


def clean_headline(text: str) -> str:
    """A headline without the site's picture label and copied markup."""
    text = " ".join(_TAG.sub(" ", text).split())
    bare = _MEDIA_LABEL.sub("", text).strip()
    return bare if len(_WORD.findall(bare)) >= 3 else text


@dataclass(frozen=True)
class Layout:
    """Where a text's parts stand: 0-based paragraph numbers."""

    leftovers: tuple[int, ...]
    headline: int | None
    story: int
    """The first paragraph of the story."""
    title: str
    title_source: str
    """headline | first-sentence"""


def is_leftover(text: str, position: int, count: int, outlet_name: Callable[[str], bool] = lambda _: False) -> bool:
    """Whether a paragraph is web chrome, not part of the story; `outlet_name` tells a line that is only
    the name of an outlet (its masthead at the top of the page)."""
    t = text.strip()
    words = _WORD.findall(t)
    if not words:
        return True  # only digits and signs: a page number, a separator, a counter
    if position < 4 and len(t) <= 100 and not re.search(r"[.!?:]$", t) and (
            _MASTHEAD.search(t) or outlet_name(_AGENCY.sub("", t).strip())
            or (len(words) >= 2 and _INSTITUTION.search(t) and all(w.isupper() or len(w) <= 3 for w in words))):
        return True
    # A kicker or a byline that names the outlet: "Review by Caliber.Az", "Khazar Akhundov Caliber.Az |",
    # "Айгүл Сейілова, Egemen Qazaqstan".
    if len(t) <= 80 and ((by := _BY_OUTLET.match(t)) and outlet_name(by.group("name").strip(" |,."))
                         or (named := _BYLINE_OUTLET.match(t)) and outlet_name(named.group("name").strip(" |,."))):
        return True
    # A line at the top that begins in lower case is a site's tagline or its sections ("политика, экономика").
    if position < 3 and t[:1].islower() and len(t) <= 80 and not re.search(r"[.!?]$", t):
        return True
    if _PROMPTS.match(t) and len(t) <= 80:
        return True
    if _CREDIT.match(t) and len(t) <= 160:
        return True
    # A picture's caption: "Бакинский Олимпийский стадион, фото из архива - Sputnik Azərbaycan"
    if len(t) <= 160 and not re.search(r"[.!?]$", t) and (
            re.search(r"\b(?:фото из архива|архивное фото|archive photo|file photo|arxiv fotosu)\b", t, re.I)
            or (m := re.search(r"\s[-–—]\s+([^-–—]{2,40})$", t)) and outlet_name(m.group(1).strip())):
        return True
    if _CITATION.match(t) and len(t) <= 160:
        return True
    # A journal's issue line ("Publication: Monitor Volume: 3 Issue: 115") and a picture's caption with its
    # credit ("… знакомятся с генпланом Физули © Official website of President of Azerbaijan Republic").
    if PUBLICATION.match(t) or (len(t) <= 250 and re.search(r"©\s*[^.!?©]{2,80}$", t)):
        return True
    if _COUNTER.match(t) and len(t) <= 60:
        return True
    # A site's ticker: exchange rates and the weather ("USD - 1.7010", "RUB - 0.026", "Bakı 28°C").
    if len(t) <= 40 and _TICKER.match(t):
        return True
    if NOTICE.search(t) and len(t) <= 400:
        return True
    if _BREADCRUMB.search(t) and len(t) <= 120 and len(re.split(r"\s(?:»|›|>|/|→)(?:\s|$)", t)) >= 2 \
            and not re.search(r"[.,;:]$", t):
        return True
    # A bar of tags or links: items apart by runs of spaces or bars, no sentence.
    if len(re.findall(r"\S(?:\s{3,}|\s\|\s)\S", t)) >= 2 and not re.search(r"[.!?]$", t):
        return True
    if dates.stamp(t) and len(words) <= 5:
        return True
    # A site's clock in any form: "Monday 25th of November 2024 05:44:49 PM"
    if len(t) <= 60 and re.match(rf"^\W*{dates.WEEKDAYS}\b.*\d{{1,2}}:\d\d(?::\d\d)?\s*(?:AM|PM)?\W*$", t, re.I):
        return True
    if _BULLET_LABEL.match(t) and len(t) <= 80:
        return True
    # A one- or two-word label at the very top or bottom ("Политика", "Business", "Trend").
    return len(words) <= 2 and len(t) <= 30 and (position < 3 or position >= count - 2) and not t.endswith((".", "!", "?"))


def strip_dateline(text: str) -> tuple[str, str]:
    """(dateline, rest) of a story's first paragraph; ("", text) when it has none."""
    if text[:1].isspace():
        pad = text[:len(text) - len(text.lstrip())]
        dateline, rest = strip_dateline(text.lstrip())
        return (pad + dateline, rest) if dateline else ("", text)
    m = next((m for pattern in _DATELINES if (m := pattern.match(text)) and len(m.group(0)) <= 90), None)
    if not m:
        return "", text
    head = m.group("head")
    first = head.split(",")[0].split("/")[0].split("(")[0].strip()
    has_date = bool(dates.stamp(head) or re.search(r"\d", head))
    marker = "/" in head or "(" in head or ". " in head or re.search(r",\s*[A-ZА-ЯЁ][A-ZА-ЯЁ0-9.-]{2,}$", head) or (
        m.group("tail") and len(m.group("tail").split()) <= 3 and m.group("end") != ":")
    capital = first.isupper() and len(first) > 2
    if not (capital or has_date or marker):
        return "", text
    if len(m.group(0)) > 90:
        return "", text
    end = m.end()
    # After "Bakı. Trend:" a tail ending in a comma is the story ("Azərbaycan, Qazaxıstan və …"), not an outlet.
    if m.group("tail") and m.group("end") in (",", ".", ":") and m.re is _DATELINES[1]:
        end = m.start("tail")
    # Further segments: "Алматы. 5 марта. ИНТЕРФАКС-КАЗАХСТАН – …"
    for _ in range(2):
        again = re.match(r"^(?:[A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏa-zа-яёәғқңөұүһіə.-]*(?:[ -][A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏ-]+)?|"
                         r"[0-3]?\d\s+\w+\.?)\s*([-–—.])\s+", text[end:])
        # a name in capitals, a day and month, or a name before a dash ("БАКУ. 21 қараша. ҚазАқпарат - …")
        if not (again and (again.group(0).split()[0].isupper() or re.match(r"\d", again.group(0))
                           or again.group(1) != "." and " " not in again.group(0).strip(" -–—"))
                and len(again.group(0)) <= 40):
            break
        end += again.end()
    return text[:end], text[end:]


# The outlet's formula closing a first sentence: "…, деп хабарлайды BAQ.KZ Ақордаға сілтеме жасап",
# "…, передает Kazinform", "…, APA xəbər verir", "…, Trend reports citing …": no words of the story.
_REPORTING_TAIL = re.compile(r"[,–—-]\s*(?:деп\s+)?(?:хабарлайды|жазады|передает|передаёт|сообщает|пишет|informs|reports|"
                             r"writes|[\w.«»\"“”-]+(?:\s+[\w.«»\"“”-]+){0,3}\s+(?:хабарлайды|xəbər verir|reports|informs))\b"
                             r"[^,]{0,80}$", re.I)


def _first_sentence(text: str, limit: int = 120) -> str:
    # (an initial is no sentence's end: "Әзербайжан Президенті И. Әлиевтің …")
    m = re.match(r"(.+?(?<!\s[A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ])[.!?…])(?:\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ«\"“]|$)", text)
    sentence = (m.group(1) if m else text).rstrip(".").strip()
    # The first sentence of a quotation that opens the story: “Qazaxıstanla … çox yaxşıdır. Ölkələr …”
    if sentence[:1] in "“«\"„" and not re.search("[”»\"“]", sentence[1:]):
        sentence = sentence[1:].strip()
    # The outlet's formula closing the sentence is left out, and the cut is marked as any shortening is.
    cut = _REPORTING_TAIL.search(sentence)
    if cut and len(_WORD.findall(sentence[:cut.start()])) >= 4 and cut.start() <= limit:
        return sentence[:cut.start()].rstrip(" ,–—-") + "…"
    if len(sentence) <= limit:
        return sentence
    return sentence[:limit].rsplit(" ", 1)[0].rstrip(",;:–- ") + "…"


# A site's section label, never a headline: "Новости", "Жаңалықтар", "Politics".
_SECTION = re.compile(r"^(?:главная|новости|политика|экономика|общество|культура|спорт|в мире|жаңалықтар|саясат|"
                      r"экономика|қоғам|мәдениет|xəbərlər|siyasət|iqtisadiyyat|cəmiyyət|mədəniyyət|idman|news|politics|"
                      r"economy|business|society|culture|sports?|world|home)\W*$", re.I)
_CRUMB_SPLIT = re.compile(r"\s(?:»|›|>|→)\s")
_HOME = re.compile(r"^(главная|басты бет|ana səhifə|home|main)$", re.I)


# The last word of a line that goes on in the next: a conjunction or a preposition.
_OPEN_END = re.compile(r"\s(?:və|ilə|ya|həm|и|а|в|во|на|с|со|к|о|об|по|для|из|от|мен|пен|бен|және|men|pen|ben|"
                       r"jáne|and|or|of|the|in|on|for|with|to|at|a)$", re.I)


def _headline_like(text: str) -> bool:
    # A short headline may have two parts, each with a capital: "Қазақстан мен Әзірбайжан. Тарихымыз бен
    # тағдырымыз ортақ"; a longer line with a sentence's stop inside is a paragraph of the story.
    stops = len(re.findall(r"[.!?…]\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ]", text))
    return len(text) <= 250 and not _HEADLINE_END.search(text) and (stops == 0 or stops == 1 and len(text) <= 100)


_MARKS = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "“": '"', "”": '"', "„": '"', "«": '"', "»": '"'})


def _same_line(text: str) -> str:
    """A line as compared with its repeat: spaces, apostrophes and quote marks made one, a breadcrumb's
    step number gone ("3. Kazakhstan, Azerbaijan sign …")."""
    return re.sub(r"^\d{1,2}\.\s+", "", " ".join(re.sub(r"^\s*(?:[»›>]\s*)+", "", text).translate(_MARKS).split()))


def _repeated_headline(paragraphs: tuple[str, ...], left: list[int]) -> int | None:
    """A line of at least three words that the top of the page gives twice (a site's heading, then the
    story's), before the story begins: the headline; what stands before it is the page's furniture."""
    top = [i for i in range(min(len(paragraphs), 12))]
    seen: dict[str, int] = {}
    for i in top:
        # a stamp given twice ("Bakı, 3 aprel 2017-ci il" under two signatures) is no headline; a breadcrumb
        # ending in it is its first giving ("» » ҚАЗАҚСТАН – ӘЗІРБАЙЖАН: КІМ МЫҚТЫ?")
        if i in left and not re.match(r"\s*[»›>]", paragraphs[i]):
            continue
        if i not in left and len(paragraphs[i]) > 100 and not _headline_like(paragraphs[i]):
            break  # the story has begun: a caption given twice under its photos is no headline
        t = _same_line(paragraphs[i])
        if len(_WORD.findall(t)) < 2 or not _headline_like(t) or _SECTION.match(t):
            continue
        # a line of two words given twice is the headline when the story follows it ("Баку сапары")
        if t in seen and (len(_WORD.findall(t)) >= 3 or _prose(paragraphs, i + 1)):
            return seen[t]
        seen.setdefault(t, i)
    return None


def _prose(paragraphs: tuple[str, ...], i: int) -> bool:
    """Whether paragraph i is a paragraph of a story: long, and ending as a sentence does, or running on."""
    return i < len(paragraphs) and len(paragraphs[i]) > 100 and not _headline_like(paragraphs[i])


def _short_headline(paragraphs: tuple[str, ...], left: list[int], first: int,
                    outlet_name: Callable[[str], bool]) -> int | None:
    """A headline of two words at the top, the story right under it ("Обоюдный интерес" over "Генеральный
    консул … пригласил …"): a site's section label is one word, or stands over a headline; a byline is a
    name of two capitals."""
    i = first - 1
    if i < 0 or i > 2 or i not in left or any(j not in left for j in range(i)) or not _prose(paragraphs, first):
        return None
    t = paragraphs[i].strip()
    words = _WORD.findall(t)
    if len(words) != 2 or not _headline_like(t) or not words[0][:1].isupper() or not words[1][:1].islower():
        return None
    if _SECTION.match(words[0]) or outlet_name(t) or dates.stamp(t):
        return None
    return i


def _crumb_headline(paragraphs: tuple[str, ...], left: list[int], outlet_name: Callable[[str], bool]) -> str | None:
    """The headline a breadcrumb ends with when the page gives it nowhere else: "Today.Az » Business »
    Kazakh culture days open in Baku" (its first step the site or its home page, its last a sentence's words)."""
    for i in left:
        if i > 3:
            break
        steps = [s.strip() for s in _CRUMB_SPLIT.split(paragraphs[i].strip())]
        if len(steps) >= 3 and (outlet_name(steps[0]) or _HOME.match(steps[0])) and len(_WORD.findall(steps[-1])) >= 4:
            return steps[-1]
    return None


def read(paragraphs: tuple[str, ...], outlet_name: Callable[[str], bool] = lambda _: False) -> Layout:
    count = len(paragraphs)
    # A run of chrome at the top (a ticker, a counter, a language switch) keeps the lines under it at the top:
    # each is judged as standing where it would without the run.
    left, kept = [], 0
    for i, p in enumerate(paragraphs):
        # (only the first lines have rules of their own: a line judged at position 4 or more is judged as it stands)
        if is_leftover(p, i, count, outlet_name) or (kept < i and kept < 4 and is_leftover(p, kept, count, outlet_name)):
            left.append(i)
        else:
            kept += 1
    # (a list of other stories under the second half of the page: its head and all after it)
    foot = next((i for i in range(max(count // 2, 2), count) if len(paragraphs[i]) <= 40
                 and _LIST_HEAD.match(paragraphs[i].strip())), None)
    if foot is not None:
        left = sorted(set(left) | set(range(foot, count)))
    repeated = _repeated_headline(paragraphs, left)
    heading = None
    if repeated is not None:
        same = lambda i: _same_line(paragraphs[i])  # noqa: E731
        again = next(i for i in range(repeated + 1, count) if same(i) == same(repeated))
        heading = paragraphs[repeated] if repeated not in left else None
        # The later of the two is the story's heading: what stands before it is the page's.
        left = sorted(set(left) | set(range(again)))
        repeated = again
    rest = [i for i in range(count) if i not in left]
    if not rest:  # nothing but chrome: keep the text whole
        left, rest = [], list(range(count))
    # Two heading lines, and the page's date under the second: the first is a bar of links or tags
    # ("Ильхам Алиев Путь к Победе … Саммит мира по Ближнему Востоку") above the story's headline.
    if (repeated is None and len(rest) > 2 and rest[1] == rest[0] + 1 and rest[0] < 3
            and _headline_like(paragraphs[rest[0]]) and _headline_like(paragraphs[rest[1]])
            and not dates.stamp(paragraphs[rest[0]]) and not strip_dateline(paragraphs[rest[1]])[0]
            and any(dates.stamp(paragraphs[j]) for j in range(rest[1] + 1, rest[2]))):
        left = sorted(set(left) | {rest[0]})
        rest = rest[1:]
    first = rest[0]
    # A headline of two words right above the page's date, over the story: "Посольский час" / "24.01.2020"
    # (one word there is the site's section: "Көлік" / "14.03.2024 18:35").
    if repeated is None and first >= 2 and first - 1 in left and first - 2 in left and dates.stamp(paragraphs[first - 1]) \
            and len(_WORD.findall(paragraphs[first - 1])) <= 5 and not _headline_like(paragraphs[first]) \
            and len(_WORD.findall(paragraphs[first - 2])) == 2 and _headline_like(paragraphs[first - 2]) \
            and not _SECTION.match(paragraphs[first - 2].strip()) and not outlet_name(paragraphs[first - 2].strip()):
        heading_at = first - 2
        left = [i for i in left if i != heading_at]
        return Layout(tuple(left), heading_at, first, clean_headline(paragraphs[heading_at]), "headline")
    if repeated is None and (short := _short_headline(paragraphs, left, first, outlet_name)) is not None:
        left = [i for i in left if i != short]
        return Layout(tuple(left), short, first, clean_headline(paragraphs[short]), "headline")
    # A headline wrapped after a word that cannot end one ("Azərbaycan və" / "Qazaxıstan strateji tərəfdaşdır"):
    # its first line, too short to be taken for a headline, begins it.
    if first and first - 1 in left and _OPEN_END.search(paragraphs[first - 1]) and _headline_like(paragraphs[first - 1]) \
            and len(_WORD.findall(paragraphs[first - 1])) <= 2 and not outlet_name(paragraphs[first - 1].strip()):
        first -= 1
        left = [i for i in left if i != first]
        rest = [first, *rest]
    text = paragraphs[first]
    dateline, _ = strip_dateline(text)
    # (a line the page gives twice is the headline, though it begins like a dateline: "Azərbaycan Qazaxıstan: …";
    # so is one that a name and a colon begin: "Alim Bayel: İstəyirik ki, …")
    named = re.match(r"[^\W\d_][^\W\d_'’-]*(?:\s+[^\W\d_][^\W\d_'’-]*){0,2}:\s", text) and not re.search(r"\d", dateline)
    # (… and so is a short line with no date in what looks like its dateline, over the story: "Казахстан —
    # Азербайджан. С тюркским акцентом"; a dateline's city is in capitals or the story runs on after it)
    paired = (dateline and not re.search(r"\d", dateline) and not dateline.split()[0].isupper() and len(text) <= 100
              and len(rest) > 1 and _prose(paragraphs, rest[1]))
    headline = len(rest) > 1 and (not dateline or first == repeated or named or paired) and _headline_like(text)
    if headline:
        # A headline wrapped onto a second line that goes on in lower case ("… siyasi kursu" / "üzrə davam …"),
        # or after a word that cannot end it.
        n = first + 1
        while ((n in left or _OPEN_END.search(text) and n == rest[1]) and n < count
               and (paragraphs[n][:1].islower() or _OPEN_END.search(text)) and len(paragraphs[n].split()) >= 2
               and len(text) + len(paragraphs[n]) <= 250
               and not re.search(r"[.!?:;,]$", text) and not re.search(r"[.!?]$", paragraphs[n])):
            text = f"{text} {paragraphs[n]}"
            n += 1
        if heading is not None and first == repeated and _same_line(heading) == _same_line(text) \
                and not re.match(r"\s*\d{1,2}\.\s", heading):
            text = heading  # the page's own heading, as typeset ("Children’s"), over its plainer repeat
            # (not a step of a numbered breadcrumb: "3. Kazakhstan, Azerbaijan Sign 14 Cooperation Documents")
        tail = dates.headline_tail(text)
        return Layout(tuple(left), first, rest[1], clean_headline(text[:tail[0]] if tail else text), "headline")
    _, body = strip_dateline(text)
    crumb = _crumb_headline(paragraphs, left, outlet_name)
    if crumb:
        return Layout(tuple(left), None, first, crumb, "headline")
    return Layout(tuple(left), None, first, _first_sentence(body or text), "first-sentence")
