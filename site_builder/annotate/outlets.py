"""The outlet that reports a text, as the text names it, told apart from those it cites."""

from __future__ import annotations

import re
from dataclasses import dataclass

from site_builder.knowledge import Knowledge
from site_builder.matching import Matcher

_CITING_BEFORE = re.compile(
    r"(со ссылкой на|ссылаясь на|по данным|по информации|согласно|со слов|цитирует|"
    r"citing|according to|quoted by|cites|cited by|сказал|заявил|рассказал|сообщил|told|said to|in an interview with|"
    r"в интервью|интервью|to the|"
    r"сілтеме жасап|istinadən)\s*(?:the\s+)?(?:агентств\w*|издани\w*|сайт\w*|газет\w*|портал\w*|пресс-служб\w*|"
    r"информационн\w+ агентств\w*|агенттіг\w*|news agency|agency|website|agentliy\w*|sayt\w*)?\s*[«\"“]?\s*$", re.I)
_CITING_AFTER = re.compile(r"^[»\"”]?\W{0,2}\w{0,4}\s*(сілтеме|istinad|-?[yı]?[ıiuü]n?\s*məlumatına\s+görə|məlumatına|"
                           r"агенттігіне берген|açıqlama|müsahibə|"
                           r"\w*\s*мәліметінше|\w*\s*хабарлауынша)", re.I)
# Told to an outlet ("сказал Trend политолог", "told Report", "Metbuat.az-a … bildirilib"): the outlet is
# whom the text cites when another reports it, and the reporter when none does (its own interview).
_TOLD_BEFORE = re.compile(r"(?:сказал|заявил|рассказал|сообщил|сказала|заявила|рассказала|сообщила|told|said to|"
                          r"in an interview with|в интервью|интервью)\s*(?:the\s+)?(?:агентств\w*|издани\w*|"
                          r"news agency|agency)?\s*[«\"“]?\s*$", re.I)
_TOLD_AFTER = re.compile(r"^[^.!?]{0,120}?\b(?:bildiri\w*|məlumat veril\w*|deyib|söyləyib|"
                         r"açıqlama verib|xəbər veril\w*|müsahibə\w*)", re.I)
_SPECIALLY_FOR = re.compile(r"(?:специально для|эксклюзивно для|exclusively for|specially for|xüsusi olaraq|"
                            r"арнайы)\s*[«\"“]?\s*$", re.I)
_REPORTING_BEFORE = re.compile(
    r"(передает|передаёт|сообщает|пишет|информирует|хабарлайды|жазады|хабарлады|reports|reported|writes|informs|"
    r"xəbər verir|reporter|корреспондент\w*|тілшісі|müxbiri|special correspondent)\s*(?:the\s+)?"
    r"(?:агентство|издание|сайт|портал|агенттігі|news agency|agency|correspondent of|agentliyi)?\s*[«\"“]?\s*$", re.I)
_REPORTING_AFTER = re.compile(
    r"^[»\"”]?\W{0,2}\w{0,4}\s*(xəbər verir|xəbər verib|məlumat verir|хабарлайды|хабарлады|передает|сообщает|"
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
_SENTENCE_VERB = re.compile(r"(xəbər verir|xəbər verib|reports|сообщает|передает|хабарлайды)", re.I)


class OutletReader:
    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        pairs = [(name, e.id) for e in knowledge.entities if e.type == "outlet" for name in e.all_names]
        pairs += [(name, oid) for oid, short in SHORT_NAMES.items() if knowledge.entity(oid) for name in short]
        self.names = Matcher(pairs)
        self.short = {name.casefold() for short in SHORT_NAMES.values() for name in short}
        self.spellings: dict[str, set[str]] = {}
        for name, oid in pairs:
            self.spellings.setdefault(oid, set()).add(name.casefold())

    def is_name(self, line: str) -> bool:
        """Whether `line` is nothing but an outlet's name ("The Astana Times", "Report"), as a masthead is."""
        return any(line[:m.start].strip(" «»\"'").casefold() in {"", "the"} and not line[m.end:].strip(" «»\"'")
                   for m in self.names.find(line))

    def read(self, paragraphs: tuple[str, ...], leftovers: frozenset[int], story: int, dateline: str) -> Outlets:
        reporters: list[str] = []
        cited: list[str] = []
        told: list[str] = []
        for i, p in enumerate(paragraphs):
            for m in self.names.find(p):
                word = re.split(r"[-'’]", m.text)[0]
                if word.casefold() in self.short and not word[:1].isupper():
                    continue
                if word.casefold() in {"apa", "апа"} and not word.isupper():
                    continue
                # A Latin name runs into a longer word only in another word ("reporters", "Trendy"): the
                # languages that add endings to a Latin name set them off ("Trend-ə", "Report'a").
                text = m.text.casefold()
                if re.fullmatch(r"[A-Za-z .-]+", m.text) and not any(
                        text.startswith(n) and not text[len(n):len(n) + 1].isalpha() for n in self.spellings[m.key]):
                    continue
                before = re.split(r"[.!?;]\s", p[max(0, m.start - 60):m.start])[-1]
                after = p[m.end:m.end + 40]
                if _SPECIALLY_FOR.search(before):
                    reporters.insert(0, m.key)
                elif _TOLD_BEFORE.search(before) or (
                        (re.search(r"-(?:a|ə|ya|yə|na|nə)$", m.text) or re.match(r"-(?:a|ə|ya|yə|na|nə)\b", after))
                        and _TOLD_AFTER.match(p[m.end:m.end + 140])):
                    told.append(m.key)
                    cited.append(m.key)
                elif _CITING_BEFORE.search(before) or _CITING_AFTER.match(after):
                    cited.append(m.key)
                elif (i in leftovers or (i == story and m.end <= len(dateline) + 2)
                      # a byline or signature line at the top or the foot: "Айгүл СЕЙІЛОВА, «Egemen Qazaqstan»"
                      or (len(p) <= 80 and (i <= story or i >= len(paragraphs) - 2) and not re.search(r"[.!?]\s", p))
                      or (m.start > 0 and p[m.start - 1] in "/(" and p[m.end:m.end + 1] in "/)")
                      or _REPORTING_BEFORE.search(before) or _REPORTING_AFTER.match(after)
                      or re.search(r"[-–—]\s*$", before) and re.match(r"^\W*$", after[:2])
                      or (not before.strip(" «\"“") and _SENTENCE_VERB.search(re.split(r"[.!?]\s", after)[0]))):
                    reporters.append(m.key)
        name = lambda eid: self.knowledge.entity(eid).name["en"]  # noqa: E731
        main = reporters[0] if reporters else (told[0] if told else None)
        cites = next((c for c in cited if c != main), None)
        return Outlets(name(main) if main else None, name(cites) if cites else None)
