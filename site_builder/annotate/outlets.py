"""The outlet that reports a text, as the text names it, told apart from those it cites."""

from __future__ import annotations

import re
from dataclasses import dataclass

from site_builder.annotate import dates
from site_builder.annotate.titles import NOTICE, PUBLICATION, strip_dateline
from site_builder.knowledge import Knowledge
from site_builder.matching import Matcher

_CITING_BEFORE = re.compile(
    r"(со ссылкой на|ссылаясь на|по данным|по информации|согласно|со слов|цитирует|"
    r"citing|according to|quoted by|cites|cited by|сказал|заявил|рассказал|сообщил|told|said to|in an interview with|"
    r"в интервью|интервью|to the|published in|in an article in|"
    r"сілтеме жасап|istinadən)\s*(?:the\s+)?(?:агентств\w*|издани\w*|сайт\w*|газет\w*|портал\w*|пресс-служб\w*|"
    r"информационн\w+ агентств\w*|агенттіг\w*|news agency|agency|website|agentliy\w*|sayt\w*|"
    r"press service of(?: the)?|press office of(?: the)?|пресс-служб\w* \w+)?\s*[«\"“]?\s*$", re.I)
_CITING_AFTER = re.compile(r"^[»\"”]?\W{0,2}\w{0,4}\s*(сілтеме|istinad|-?[yı]?[ıiuü]n?\s*məlumatına\s+görə|məlumatına|"
                           r"агенттігіне берген|açıqlama|müsahibə|dərc olun|çap olun|опубликова|жарияланған|"
                           r"\w*\s*мәліметінше|\w*\s*хабарлауынша|quoted\b|цитирует)", re.I)
# Told to an outlet ("сказал Trend политолог", "told Report", "Metbuat.az-a … bildirilib"): the outlet is
# whom the text cites when another reports it, and the reporter when none does (its own interview).
_TOLD_BEFORE = re.compile(r"(?:сказал|заявил|рассказал|сообщил|сказала|заявила|рассказала|сообщила|told|said to|"
                          r"in an (?:exclusive )?interview with|interview to|в интервью|интервью|корреспонденту|"
                          r"told (?:the\s+)?correspondent of)\s*(?:the\s+)?(?:агентств\w*|издани\w*|"
                          r"news agency|agency)?\s*[«\"“]?\s*$", re.I)
_TOLD_AFTER = re.compile(r"^[^.!?]{0,120}?\b(?:bildiri\w*|məlumat veril\w*|verilən (?:xəbər|məlumat)\w*|deyib|söyləyib|"
                         r"açıqlama verib|xəbər veril\w*|müsahibə\w*)", re.I)
# … or told to it named with its kind in the dative: "… "Qazaxıstan-Seqodnya" agentliyinə məlumat verib".
_TOLD_KIND = re.compile(r"^[»\"”]?\s*(?:agentliyinə|saytına|qəzetinə|portalına|telekanalına|агенттігіне|сайтына|газетіне|"
                        r"порталына|телеарнасына)\s+(?:[^.!?]{0,60}?\s)?(?:bildir|məlumat ver|dey|söylə|açıqlama|müsahibə|"
                        r"айт|мәлімде|хабарла|сұхбат)", re.I)
_ABOUT_THIS = re.compile(r"(?:об этом|bu barədə|bu haqda|бұл туралы)\s*[«\"“]?\s*$", re.I)
# A newsroom the knowledge lacks, named as the one the text was made for: "in an exclusive interview for the Azeri
# Observer Magazine", "AZERI OBSERVER STAFF WRITER".
_MADE_FOR = re.compile(r"(?:interview|article|commentary|op-ed)\s+(?:specially\s+|exclusively\s+)?for\s+(?:the\s+)?"
                       r"(?P<name>[A-Z][\w.-]+(?:\s+(?!Magazine|Newspaper|Journal)[A-Z][\w.-]+){0,3})")
_STAFF = re.compile(r"^(?P<name>[A-ZƏ][A-ZƏ.'’-]+(?:\s+[A-ZƏ][A-ZƏ.'’-]+){0,3})\s+STAFF\s+(?:WRITER|REPORTER|CORRESPONDENT)\s*$")
_SPECIALLY_FOR = re.compile(r"(?:специально для|эксклюзивно для|exclusively for|specially for|xüsusi olaraq|"
                            r"арнайы)\s*[«\"“]?\s*$", re.I)
_REPORTING_BEFORE = re.compile(
    r"(передает|передаёт|сообщает|пишет|информирует|хабарлайды|жазады|хабарлады|reports|reported|writes|informs|"
    r"xəbər verir|reporter|корреспондент\w*|тілшісі|müxbiri|special correspondent)\s*(?:the\s+)?"
    # "передает казахстанское бюро Report", "сообщает информационное агентство"
    r"(?:(?:[\w-]+\s+){0,2}?(?:агентств\w*|издани\w*|сайт\w*|портал\w*|бюро|корреспондент\w*|агенттігі|"
    r"news agency|agency|bureau|correspondent of|agentliyi))?\s*[«\"“]?\s*$", re.I)
_REPORTING_AFTER = re.compile(
    r"^[»\"”]?\W{0,2}\w{0,4}\s*(?:[\w-]+\s+)?(bürosu|бюросы|(?:агенттігі|agentliyi)(?=\s*(?:[.,;)]|$|\w+\s+(?:хабарла|тілшісі|"
    r"сілтеме|xəbər|müxbiri)))|xəbər verir|xəbər verib|"
    r"məlumat verir|bildirir\s+ki|yazır\s+ki|хабарлайды|хабарлады|передает|сообщает|"
    r"reports|reported|informs|news agency (reports|cites|informs)|agency reports|cites|тілшісі|müxbiri|correspondent)", re.I)


@dataclass(frozen=True)
class Outlets:
    outlet: str | None
    """Display name of the outlet that reports the text."""
    cites: str | None
    """Display name of an outlet the text cites."""


# Short names that are ordinary words in some language ("APA" is Kazakh "ара" once look-alike letters
# are folded, "Report" is an English word): found only when written with their capitals.
SHORT_NAMES = {"apa": ("APA", "АПА"), "report-az": ("Report",), "turan": ("Turan", "Туран"), "trend": ("Trend",)}
_SENTENCE_VERB = re.compile(r"(xəbər verir|xəbər verib|bildirir ki|yazır ki|reports|сообщает|передает|хабарлайды)", re.I)
# Told to an outlet's correspondent: "Trend-in Astanaya ezam olunmuş xüsusi müxbirinə", "Report-un müxbirinə".
_TOLD_CORRESPONDENT = re.compile(r"^-?(?:in|ın|un|ün|nin|nın|nun|nün)\s+(?:[^\s.!?]+\s+){0,4}?müxbir\w*(?:ə|a)\b", re.I)
# A site the knowledge lacks, named by its address ("Avrasiya.net xəbər verir", "www.RIA24.az"): an outlet
# where the text names it as the reporter, as it does the known ones.
_SITE = re.compile(r"(?<![\w@./-])(?:www\.)?([A-Za-zÀ-ɏ][\w-]{1,30})\.(az|kz|ru|com|net|org|info|news|media|tv|uz|kg|tj|tm|biz|"
                   r"online|press|ge|tr|ua|by|lt|eu|uk|de|fr)"
                   r"(?!\w|\.\w|/\w)", re.I)
# … or by a name of its own make ("QazMonitor reports", "сообщает TrendCapital", "KZ-today correspondent
# reports"), written as no word of a language is.
_CAMEL = re.compile(r"(?<![\w.-])([A-Z][a-z]+[A-Z][A-Za-z]+|[A-Z]{2,}-[a-z]+)"
                    r"(?=\s+(?:(?:correspondent|reporter)\s+)?(?:reports|reported|informs|writes)\b)"
                    r"|(?:сообщает|передает|передаёт|пишет|хабарлайды|xəbər verir)\s+([A-Z][a-z]+[A-Z][A-Za-z]+)(?=\s*[,;]|\s*\.(?!\w)|$)")
# Addresses that are no newsroom: social networks, mail, search, a government's domain.
_NOT_OUTLETS = frozenset(("gov", "facebook", "instagram", "twitter", "x", "youtube", "telegram", "tiktok", "vk", "ok",
                          "linkedin", "whatsapp", "google", "gmail", "mail", "yandex", "threads", "wikipedia"))
# An outlet the knowledge lacks, named with its kind after the reporting verb: "сообщает телеканал «МИР 24»",
# "передает агентство «Казинформ»", "деп хабарлайды «Ақжайық» газеті", "«Xalq» qəzeti xəbər verir".
_KIND_RU = r"(?:телеканал|телекомпания|(?:информационное\s+)?агентство|газета|издание|портал|сайт|радио\w*|журнал)"
_KIND_KK = r"(?:телеарнасы|агенттігі|газеті|порталы|сайты|радиосы|журналы)"
_KIND_AZ = r"(?:telekanalı|agentliyi|qəzeti|portalı|saytı|radiosu|jurnalı)"
_KIND_NAMED = (
    re.compile(rf"(?:сообщает|передает|передаёт|пишет|информирует)\s+{_KIND_RU}\s+«(?P<name>[^»]{{2,40}})»", re.I),
    # without its kind only a short name that closes the sentence: "…, сообщает «24KZ»."
    re.compile(r"(?:сообщает|передает|передаёт)\s+«(?P<name>[A-ZА-ЯЁ0-9][^»\s]*(?:\s[^»\s]+){0,2})»(?=\s*[.;]|\s*$)"),
    re.compile(rf"(?:сообщает|передает|передаёт|пишет|информирует)\s+{_KIND_RU}\s+[\"“](?P<name>[^\"”]{{2,40}})[\"”]", re.I),
    # "Как передает Взгляд, …": one capitalised word after the verb in the present, before a comma, is a newsroom
    # (a ministry or a service so named is not: "Как сообщает Минобороны, …")
    re.compile(r"(?:[Кк]ак\s+)(?:сообщает|передает|передаёт|пишет)\s+(?P<name>(?!Мин|МИД|Пресс|Акимат|Ведомств|Департамент|"
               r"Управлени|Комитет|Агентств|Правительств|Посольств)[А-ЯЁ][а-яё]{2,20})(?=\s*,)"),
    re.compile(rf"хабарлайды\s+[«\"“](?P<name>[^»\"”]{{2,40}})[»\"”]\s+{_KIND_KK}", re.I),
    re.compile(rf"[«\"“](?P<name>[^»\"”]{{2,40}})[»\"”]\s+{_KIND_AZ}\s+xəbər verir", re.I),
    # "Bu barədə SİA Qazaxıstan Nəqliyyat Nazirliyinin məlumatına istinadən xəbər verir": a newsroom's letters as
    # the subject of the formula, reporting straight or citing (a ministry so named reports itself, uncited)
    re.compile(r"(?:Bu barədə|Bu haqda)\s+(?P<name>[A-ZƏÇĞİÖŞÜ]{2,8})(?=\s+(?:[^.!?]{0,100}?\sistinad[əe]n\s+)?xəbər verir)"),
)
# "как ранее сообщает …", "со ссылкой на …": what the text passes on, not its reporter.
_PASSED_ON = re.compile(r"(ранее|прежде|со ссылкой на|according to)\W*\w*\W*$", re.I)
_SOURCE_BEFORE = re.compile(r"(?:источник|mənbə|дереккөз|source|kaynak|šaltinis|джерело|źródło|quelle)\s*:\s*$", re.I)
# "According to Idman.Biz, citing AZERTAC", "По данным X, со ссылкой на Y": the one who passes it on reports.
_PASSING_ON = re.compile(r"^[»\"”]?\W{0,2}\w{0,4}\s*,\s*(?:citing|со ссылкой на|ссылаясь на|[^,.]{0,40}\s(?:istinadən|сілтеме жасап))", re.I)
_ACCORDING_BEFORE = re.compile(r"(?:according to|по данным|по информации|согласно)\s*[«\"“]?\s*$", re.I)
# A body's press service, which the text passes on: "сообщает пресс-служба Akorda.kz", "Ақорданың баспасөз
# қызметі хабарлады", "Prezidentin mətbuat xidməti bildirib", "the press service of Akorda reports".
_PRESS_BEFORE = re.compile(r"(?:пресс-служб\w*|press service of(?: the)?|press office of(?: the)?)\s*[«\"“]?\s*$", re.I)
_PRESS_AFTER = re.compile(r"^[»\"”]?\S{0,6}\s+(?:баспасөз қызмет\w*|пресс-служб\w*|mətbuat xidmət\w*|press service|press office)", re.I)
# A newsroom named with its kind on a service line of its own: "Azərbaycan servisi/Aran Agentliyi".
_AGENCY_LINE = re.compile(r"^(?:[^/]{0,40}/\s*)?(?P<name>[A-ZƏÇĞİÖŞÜА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+(?:\s[A-ZƏÇĞİÖŞÜА-ЯЁӘҒҚҢӨҰҮҺІ][\w-]+){0,2}"
                          r"\s(?:İnformasiya\s)?(?:Agentliyi|agentliyi|News\sAgency|Information\sAgency|Agency|агенттігі|"
                          r"Агенттігі))\s*$")


def _edition_of(family: str, edition: str) -> bool:
    """Whether `edition` is an edition of the outlet `family` ("Sputnik Azerbaijan" of "Sputnik")."""
    return edition.casefold().startswith(family.casefold() + " ")


def _unbracket(after: str) -> str:
    """The words after a name without an aside in brackets: '"ya (Qazaxıstan Prezident Administrasiyası) istinadən'."""
    return re.sub(r"^([»\"”]?\W{0,2}\w{0,4})\s*\([^()]{0,80}\)", r"\1", after)


def _site_name(name: str, tld: str) -> str:
    """The display name of a site written by its address: "QAZİLER.AZ" is Qaziler.az, "RIA24.az" and
    "Idman.Biz" stay as written."""
    if name.isupper() and sum(c.isalpha() for c in name) > 5:
        name = name[0] + name[1:].replace("İ", "i").replace("I", "ı" if "İ" in name else "i").lower()
    return f"{name}.{tld.lower() if tld.isupper() or name.islower() else tld}"


def _passes_on(before: str, after: str) -> bool:
    """Whether a name stands in "According to X, citing Y": X passes on what Y said, and reports the text."""
    return bool(_ACCORDING_BEFORE.search(before) and _PASSING_ON.match(after))


def _source_line(paragraphs: tuple[str, ...], i: int, before: str) -> bool:
    """Whether a name stands after a "Source:" label, on its line or on the line before ("Šaltinis:" / "gazeta.kz")."""
    return bool(_SOURCE_BEFORE.search(before) or (not before.strip() and i > 0 and _SOURCE_BEFORE.match(paragraphs[i - 1].strip())))


class OutletReader:
    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        pairs = [(name, e.id) for e in knowledge.entities if e.type == "outlet" for name in e.all_names]
        pairs += [(name, oid) for oid, short in SHORT_NAMES.items() if knowledge.entity(oid) for name in short]
        self.names = Matcher(pairs)
        self.short = {name.casefold() for short in SHORT_NAMES.values() for name in short}
        self.places = Matcher([(name, e.id) for e in knowledge.entities if e.type == "place" for name in e.all_names])
        self.spellings: dict[str, set[str]] = {}
        for name, oid in pairs:
            self.spellings.setdefault(oid, set()).add(name.casefold())

    def is_name(self, line: str) -> bool:
        """Whether `line` is nothing but an outlet's name ("The Astana Times", "Report"), as a masthead is."""
        return any(line[:m.start].strip(" «»\"'").casefold() in {"", "the"} and not line[m.end:].strip(" «»\"'")
                   for m in self.names.find(line))

    def read(self, paragraphs: tuple[str, ...], leftovers: frozenset[int], story: int, dateline: str) -> Outlets:
        # A reporter is named by a formula ("передает Kazinform", "Metbuat.az … xəbər verir", a dateline)
        # or only by where its name stands (a masthead, a byline, a signature): the formula wins.
        reporters: list[tuple[int, str]] = []  # (0 formula | 1 place, outlet id)
        cited: list[str] = []
        told: list[str] = []
        credits: list[str] = []
        unknown: list[tuple[int, int, int, str]] = []  # (paragraph, 0 formula | 1 place, offset, name)
        unknown_cited: list[str] = []
        for i, p in enumerate(paragraphs[:story + 6]):
            made = _MADE_FOR.search(p) or _STAFF.match(p.strip())
            if made and not self.names.find(made.group("name")):
                name = made.group("name")
                unknown.append((i, 0, made.start("name"), name.title() if name.isupper() else name))
        for i, p in enumerate(paragraphs):
            if (i <= story + 1 or i >= len(paragraphs) - 2) and len(p) <= 80 and (line := _AGENCY_LINE.match(p.strip())) \
                    and not self.names.find(line.group("name")):
                unknown.append((i, 0, 0, line.group("name")))
            found = [m for m in self.names.find(p) if not self._runs_on(m)]
            known = [(m.start, m.end) for m in found]
            for pattern in _KIND_NAMED:
                for m in pattern.finditer(p):
                    # "как ранее сообщает …", "со ссылкой на …": what it passes on, not its reporter
                    if _PASSED_ON.search(p[max(0, m.start() - 25):m.start()]):
                        continue
                    if not any(a < m.end("name") and m.start("name") < b for a, b in known):
                        unknown.append((i, 0, m.start("name"), m.group("name").strip()))
            for m in _SITE.finditer(p):
                if any(a < m.end() and m.start() < b for a, b in known) or m.group(1).casefold() in _NOT_OUTLETS:
                    continue
                before = re.split(r"[.!?;]\s", p[max(0, m.start() - 60):m.start()])[-1]
                after = p[m.end():m.end() + 40]
                sentence_after = re.split(r"[.!?]\s", p[m.end():m.end() + 160])[0]
                if _passes_on(before, p[m.end():m.end() + 80]):
                    if not self._deep(paragraphs, leftovers, story, i):
                        unknown.append((i, 0, m.start(), _site_name(m.group(1), m.group(2))))
                    continue
                if _CITING_BEFORE.search(before) or _CITING_AFTER.match(_unbracket(p[m.end():m.end() + 140])) \
                        or _source_line(paragraphs, i, before):
                    unknown_cited.append(_site_name(m.group(1), m.group(2)))
                    continue
                # "Mədəniyyət Nazirliyindən Sfera.az-a bildirilib ki, …": told to the site, its own story
                told_site = re.match(r"-(?:a|ə|ya|yə|na|nə)\b", after) and _TOLD_AFTER.match(p[m.end():m.end() + 140])
                if _REPORTING_BEFORE.search(before) or _REPORTING_AFTER.match(after) or told_site or (
                        # "Bu barədə İnterpress.az “Kaztransoil” şirkətinin … istinadən xəbər verir"
                        _ABOUT_THIS.search(before) and _SENTENCE_VERB.search(sentence_after)) or (
                        not before.strip(" «\"“©") and _SENTENCE_VERB.search(sentence_after)):
                    if not self._deep(paragraphs, leftovers, story, i):
                        unknown.append((i, 0, m.start(), _site_name(m.group(1), m.group(2))))
                elif (not before.strip(" «\"“©") and len(p) <= 80 and (i <= story or i >= len(paragraphs) - 2)
                      # "При использовании материалов гиперссылка на Zakon.kz обязательна": the site's own notice
                      or i in leftovers and NOTICE.search(p)):
                    unknown.append((i, 1, m.start(), _site_name(m.group(1), m.group(2))))
            unknown += [(i, 0, m.start(m.lastindex), m.group(m.lastindex)) for m in _CAMEL.finditer(p)
                        if not any(a < m.end() and m.start() < b for a, b in known)
                        and not self._deep(paragraphs, leftovers, story, i)]
            for m in found:
                word = re.split(r"[-'’]", m.text)[0]
                if word.casefold() in self.short and not word[:1].isupper():
                    continue
                if word.casefold() in {"apa", "апа"} and not word.isupper():
                    continue
                before = re.split(r"[.!?;]\s", p[max(0, m.start - 60):m.start])[-1]
                after = p[m.end:m.end + 40]
                sentence_after = re.split(r"[.!?]\s", p[m.end:m.end + 160])[0]
                if _SPECIALLY_FOR.search(before):
                    reporters.insert(0, (0, m.key))
                elif (_PRESS_BEFORE.search(before) or _PRESS_AFTER.match(after) or _PRESS_AFTER.match(" " + m.text.split(" ", 1)[-1])) \
                        and not re.search(r"(?:фото|photo|foto|сурет|видео|video)\W*$", before, re.I):  # (not a picture's credit)
                    cited.append(m.key)
                elif _TOLD_BEFORE.search(before) or _TOLD_CORRESPONDENT.match(p[m.end:m.end + 80]) or _TOLD_KIND.match(after + p[m.end + 40:m.end + 120]) or (
                        # (the dative after a hyphen or the closing quotation mark: "Report-a", "\"Report\"a")
                        (re.search(r"-(?:a|ə|ya|yə|na|nə)$", m.text) or re.match(r"(?:-|[\"”»’']-?)(?:a|ə|ya|yə|na|nə)\b", after))
                        and _TOLD_AFTER.match(p[m.end:m.end + 140])):
                    told.append(m.key)
                    cited.append(m.key)
                elif _passes_on(before, p[m.end:m.end + 80]) \
                        and not self._deep(paragraphs, leftovers, story, i):
                    reporters.append((0, m.key))
                elif _CITING_BEFORE.search(before) or _CITING_AFTER.match(_unbracket(p[m.end:m.end + 140])) \
                        or _source_line(paragraphs, i, before):
                    cited.append(m.key)
                elif (m.start > 0 and p[m.start - 1] in "/(" and p[m.end:m.end + 1] in "/)"
                      and i > story and all(j in leftovers for j in range(i + 1, len(paragraphs)))):
                    # "/AZERTAC/" under the story: the agency the text came from, the outlet when none other is
                    credits.append(m.key)
                elif ((i == story and m.end <= len(dateline) + 2)
                      # "BAKU. April 19. KAZINFORM "…": an agency in capitals at the head of the story
                      or (i == story and m.start <= 40 and m.text.isupper() and len(m.text) >= 4)
                      or _REPORTING_BEFORE.search(before) or _REPORTING_AFTER.match(after)
                      or re.search(r"[-–—]\s*$", before) and re.match(r"^\W*$", after[:2])
                      or (not before.strip(" «\"“") and _SENTENCE_VERB.search(sentence_after))):
                    if self._deep(paragraphs, leftovers, story, i):
                        # "…, Day.az reports" under a quotation deep in the story: the source of that passage
                        cited.append(m.key)
                    else:
                        reporters.append((0, m.key))
                elif (i in leftovers
                      # a byline or signature line at the top or the foot: "Айгүл СЕЙІЛОВА, «Egemen Qazaqstan»"
                      or (len(p) <= 80 and (i <= story or i >= len(paragraphs) - 2) and not re.search(r"[.!?]\s", p))
                      or (m.start > 0 and p[m.start - 1] in "/(" and p[m.end:m.end + 1] in "/)")):
                    reporters.append((1, m.key))
        # A library's reference names the paper that printed the text: "Respublika.-2016.-6 oktyabr.-№219.-S.4."
        for i in sorted(leftovers):
            if (ref := dates.library_reference(paragraphs[i])) and not self._deep(paragraphs, leftovers, story, i):
                known_paper = [m for m in self.names.find(ref[0]) if m.start == 0 and m.end >= len(ref[0]) - 1]
                if known_paper:
                    reporters.insert(0, (0, known_paper[0].key))
                else:
                    unknown.append((i, 0, 0, ref[0]))
                break
        # A journal names itself in its issue line: "Publication: Monitor Volume: 3 Issue: 115".
        for i in range(min(story + 1, len(paragraphs))):
            if (issue := PUBLICATION.match(paragraphs[i].strip())) and not self.names.find(issue.group("name")):
                unknown.append((i, 0, 0, issue.group("name")))
        # A dateline that ends in a name in capitals the knowledge lacks: "Алматы, NEGE. …" (under a lead too).
        for i in range(story, min(story + 2, len(paragraphs))):
            head = strip_dateline(paragraphs[i])[0].strip()
            # … or that is such a name of two or three words, one of them a newsroom's ("BAYRAQDAR MEDİA – …";
            # "NEW YORK –" is a place)
            last = re.search(r"[,.]\s*([A-ZА-ЯЁӘҒҚҢӨҰҮҺІ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІ0-9.-]{2,24})\W*$", head) or re.fullmatch(
                r"([A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ][A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ0-9.-]+(?:\s[A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ0-9.-]+){0,2}"
                r"\s(?:MEDIA|MEDİA|NEWS|TV|INFO|PRESS|AGENCY|ONLINE|TIMES|POST|МЕДИА|НЬЮС|ИНФО|ТВ))\W*", head)
            if last and not self.names.find(last.group(1)) and not self.places.find(last.group(1)):
                unknown.append((i, 0, last.start(1), last.group(1).rstrip(".-")))
                break
        name = lambda eid: self.knowledge.entity(eid).name["en"]  # noqa: E731
        best = min(reporters, key=lambda r: r[0]) if reporters else None  # the first by formula, else by place
        main = best[1] if best else (told[0] if told else None)
        main_by_place = bool(best) and best[0] == 1
        if main is None and credits:
            main = credits[0]
        cites = next((c for c in cited + credits if c != main), None)
        # Another outlet the text names with a formula is one it passes on ("…, передает Интерфакс").
        if cites is None:
            cites = next((key for rank, key in reporters if rank == 0 and key != main), None)
        # A site the knowledge lacks reports the text when no known outlet does, when it names itself
        # as the reporter before the known one it passes on ("Müstəqil.az xəbər verir ki, … Metbuat.az xəbər verir"),
        # or when it names itself with a formula and the known one only stands in the page's furniture.
        first = min(unknown, key=lambda u: (u[0], u[2])) if unknown else None
        formula = min((u for u in unknown if u[1] == 0), key=lambda u: (u[0], u[2]), default=None)
        def outlets(outlet: str | None, cited: str | None) -> Outlets:
            # a site the knowledge lacks, cited ("according to gazeta.kz", "Source: …"), when no known one is
            return Outlets(outlet, cited or next((c for c in unknown_cited if c.casefold() != (outlet or "").casefold()), None))

        if formula and main_by_place:
            return outlets(formula[3], name(cites) if cites else None)
        if formula and best is None and main in told:
            # "Azərbaycan servisi/Aran Agentliyi" over "… "Qazaxıstan-Seqodnya" agentliyinə məlumat verib": the
            # newsroom that names itself reports what was told to another
            return outlets(formula[3], name(main))
        if first and (main is None or (first[0] <= self._first(paragraphs, main) and main not in told)):
            if main is not None and cites is None:
                cites = main
            return outlets(first[3], name(cites) if cites else None)
        # "BAKI, 26 mar — Sputnik." on a page of Sputnik Azərbaycan: the agency's own edition, which it does not cite.
        if main and cites and _edition_of(name(cites), name(main)):
            cites = None
        return outlets(name(main) if main else None, name(cites) if cites else None)

    def _runs_on(self, m) -> bool:
        """Whether a Latin name runs into a longer word, as only in another word ("reporters", "Trendy",
        "TrendCapital"): the languages that add endings to a Latin name set them off ("Trend-ə", "Report'a")."""
        text = m.text.casefold()
        return bool(re.fullmatch(r"[A-Za-z .-]+", m.text)) and not any(
            text.startswith(n) and not text[len(n):len(n) + 1].isalpha() for n in self.spellings[m.key])

    @staticmethod
    def _deep(paragraphs: tuple[str, ...], leftovers: frozenset[int], story: int, i: int) -> bool:
        """Whether paragraph `i` stands deep in the story: after its first three paragraphs and before
        its last, where a reporting formula names the source of one passage, not the text's reporter
        (who is named in the lead, the dateline or the signature)."""
        # counted in paragraphs of prose, which stray lines of a page's furniture are not
        body = [j for j in range(story, len(paragraphs)) if j not in leftovers]
        prose = [j for j in body if len(paragraphs[j]) > 80]
        return i in prose and prose.index(i) >= 3 and i != body[-1]

    def _first(self, paragraphs: tuple[str, ...], oid: str) -> int:
        """The paragraph that first names the outlet `oid`."""
        return next((i for i, p in enumerate(paragraphs) if any(m.key == oid for m in self.names.find(p))), len(paragraphs))
