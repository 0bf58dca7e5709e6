"""Find quotations in a text and who said them."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

# Verbs of saying, as the beginnings of words (their endings vary): a quotation is attributed by the
# short clause beside it that holds one — after it («…», – сказал X / "…," X said / «…», – деді X /
# “…”, – deyə X vurğulayıb) or before it, up to a colon (X заявил журналистам: «…» / X bildirib ki, …: “…”).
_VERBS = (
    # Russian
    "сказал", "заявил", "подчеркнул", "отметил", "предложил", "добавил", "указал", "резюмировал", "констатировал",
    "считает", "уверен", "пояснил", "сообщил", "заметил", "признал", "рассказал", "ответил", "говорит",
    "говорится", "уточнил", "напомнил", "выразил", "акцентировал", "убежден", "цитирует", "подытожил", "заключил",
    "прокомментировал", "поделился", "признался", "продолжил", "обратил внимание", "заверил",
    # Kazakh, Cyrillic and Latin
    "деді", "деп", "айтты", "айтады", "дейді", "мәлімдеді", "мәлімдейді", "атап өтеді", "атап өтті", "атап көрсетті", "қосты", "түйіндеді", "түсіндірді",
    "санайды", "сенімді", "айтып берді", "айтып өтті", "мәлім етті", "жеткізді", "атап айтты", "dedi", "dedı", "dep", "aıtty", "aytty", "málimdedi", "atap ótti", "atap ötti",
    # Azerbaijani, Latin and Cyrillic
    "bildirib", "bildirdi", "qeyd edib", "qeyd etdi", "vurğulayıb", "vurğuladı", "deyib", "deyə", "söyləyib",
    "söylədi", "əlavə edib", "bəyan edib", "билдириб", "билдирди", "гејд едиб", "вурғулајыб", "дејиб", "дејә",
    "демишдир", "сөјләјиб", "әлавә едиб", "бәјан едиб", "гејд етди", "məlumat verib", "məlumat verdi",
    "açıqlayıb", "diqqətə çatdırıb", "xatırladıb", "xatırlatdı", "əlavə etdi", "bildirmiş", "qeyd etmiş",
    "vurğulamış", "söyləmiş",
    # … and in the present, as commentators are quoted: "İqtisadçı Asif İbrahimov bildirir ki, …:"
    "bildirir", "deyir", "qeyd edir", "vurğulayır", "söyləyir", "hesab edir",
    # English
    "said", "says", "stated", "noted", "added", "stressed", "told", "explained", "emphasi", "underlined",
    "remarked", "declared", "pointed out", "assured", "mentioned", "commented", "highlighted", "recalled",
    "concluded", "affirmed", "reiterated", "observed", "continued", "replied", "announced",
)
# (the Kazakh particle "деп", "dep" is a word of its own: "deputatı" is no verb of saying)
_VERB = re.compile(r"(?<![^\W\d_])(?:(?:деп|dep)(?![^\W\d_])|(?!деп|dep)(?:" + "|".join(
    re.escape(v).replace(r"\ ", r"\s+") for v in _VERBS) + r")\w*)", re.I)
# What the attribution clause may go on with that names no speaker: "…, according to the press service".
_CLAUSE_TAIL = re.compile(r",\s*(?:according to|citing|со ссылкой|передает|передаёт|сообщает|хабарлайды|"
                          r"xəbər verir|informs|reports)\b.*$|\s+(?:according to|со ссылкой на)\b.*$", re.I)
_PARTICLES = re.compile(r"(?<![^\W\d_])(?:деп|deyə|дејә|dep|ki|ки|that|журналистам|reporters|journalists|"
                        r"jurnalistlərə|журналистерге|тілшілерге)(?![^\W\d_])", re.I)
# "According to Leyla Mammadova, the museum's director, "…"", "По словам Фарида Гусейнова, «…»",
# "Нурлан Сейітовтың сөзінше, «…»", "Nazirin sözlərinə görə, “…”".
_ACCORDING = re.compile(r"(?:^|\s)(?:according to|по словам)\s+(?P<who>[^,]+)|(?P<who_after>[^,]+?)\s+"
                        r"(?:\w+\s+)?(?:сөзінше|пікірінше|sözlərinə görə|fikrincə)\s*$|"
                        # "Onun fikrincə, …:", "Оның пікірінше, …:", "По его мнению, …:"
                        r"^(?:по\s+)?(?P<who_start>\w+)\s+(?:сөзінше|пікірінше|sözlərinə görə|fikrincə|мнению)\s*,",
                        re.I)
_SENTENCE_END = re.compile(r"[.!?…](?=\s|$)")
# Who speaks before a colon that ends the paragraph: "Президент Азербайджана Ильхам Алиев сказал:".
_SAYS_COLON = re.compile(r"(?P<who>.{2,160}?)\s+(?:сказал|заявил|отметил|подчеркнул|said|stated|noted|деді|айтты|"
                         r"атап өтті|мәлімдеді|dedi|bildirdi|bildirib|qeyd edib|qeyd etdi|vurğulayıb|deyib|söyləyib)\w*\s*:\s*$", re.I)
# A quotation, a colon, and who said it, at a line's start: "«Товарооборот вырос в пять раз с 2020 года»: Токаев
# прибыл в Азербайджан" (a headline), "“Bu, bizim hədiyyəmizdir”: Tokayev Füzulidə".
_QUOTE_COLON = re.compile(r"^\s*[«“\"„](?P<text>[^«»“”\"„]{10,300})[»”\"“]\s*:\s*"
                          r"(?P<who>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ][^\W\d_]+(?:[ -][A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ][^\W\d_]+)?)")
# A person's name (and role) alone on a line before what they say: "Эльдар Исмаил, президент фонда «Деде Горгуд»:",
# "Statement by President Nursultan Nazarbayev:" in a transcript.
_NAME_COLON = re.compile(r"^\s*(?i:(?:statement|speech|remarks|address|выступление|заявление|речь)\s+(?:by\s+)?"
                         r"(?:(?:the\s+)?(?:president|prime minister)\s+|(?:президента|премьер-министра)\s+)?)?(?P<who>[A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ][^\W\d_]+(?:[ -][A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ][^\W\d_.]+){1,2})"
                         r"(?:,[^:.!?]{0,120})?:\s*$")
# The sentence after a quotation that says who said it: "«…». Об этом заявил X", "«…». Бұл туралы X айтты",
# "“…” Report xəbər verir ki, bunu X deyib", "“…” This was stated by X".
_THIS_WAS_SAID = re.compile(r"^\s*(?:(?:[«\"“]?[\w.-]+[»\"”]?\s+xəbər verir ki,|(?:как\s+)?передает\s+[\w.-]+,)\s*)?"
                            r"(?:об этом|бұл туралы|бұны|мұны|bunu|bu barədə|bu sözləri|this was (?:stated|said|noted) by)\s+",
                            re.I)
# A paragraph ending "…, – Касым-Жомарт Токаев": the whole paragraph is the named person's words.
_TRAILING_NAME = re.compile(r"^(?P<text>.{20,}?)[,.!?…]?\s+[-–—]\s*(?P<who>[^–—.,:;!?«»\"]{3,60})$")
_LEADING_DASH = re.compile(r"^[-–—]\s*")
# A line of dialogue without quotation marks: "– Біз … біледі, – деді Азер Мәмедов."
_DASHED_SPEECH = re.compile(r"^[-–—]\s*(?P<text>\S.{10,}?[,.!?…])\s+[-–—]\s*(?P<attr>[^–—]{2,100})$")
# Speech a dash and a clause of saying close inside a paragraph that does not open with a dash:
# "Сапар нәтижелі өтті. Біз … дамытамыз, – деп жазды Тоқаев." (the comma, ! or ? before the dash tells it
# from the dash of "Бұл – маңызды қадам").
_FULL_NAME = re.compile(r"[A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ][^\W\d_]+(?:-[^\W\d_]+)?\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ][^\W\d_]+")
# An outlet's formula of report, which a dash may also set off: "– деп хабарлайды Kazinform тілшісі".
_OUTLET_FORMULA = re.compile(r"хабарла\w*|передает|передаёт|сообщает|xəbər ver\w*|reports|informs|тілшісі|корреспондент", re.I)
_CLOSING_DASH = re.compile(r"(?P<punct>[,!?…])\s+[-–—]\s*(?P<attr>[^–—.!?«»\"“”]{2,100}?)\s*(?:[.!?…](?=\s|$)|$)")
_PAIRS = {"«": "»", "“": "”", "„": "“", '"': '"', "‘": "’", "'": "'"}
# Single quotation marks are also apostrophes ("Kazakhstan's", "Qur’an"): they open only before a
# capital at a word's start, and close only after the punctuation that ends the quoted words.
_SINGLE = ("'", "‘")
_QUOTE_MARKS = "«»“”„\""
# An attribution clause longer than this many words is a sentence of its own, not "X said".
_CLAUSE_WORDS = 14


@dataclass(frozen=True)
class FoundQuote:
    speaker: str | None
    """Entity id of the speaker; None when the words of attribution name nobody we know."""
    text: str
    """The quoted words, verbatim from the paragraph."""
    paragraph: int
    """1-based paragraph number."""
    attribution: str
    """The words that name the speaker, as the text has them."""


Resolver = Callable[[str, int, int], str | None]
"""(words naming the speaker, 0-based paragraph, offset in it) -> person id, None when unknown, or NOT_SPOKEN.
Only people named before the offset of that paragraph (or in the paragraphs before it) can be the one a
pronoun or a bare role ("– сказал посол") stands for: not those in the quotation, nor those it speaks of."""

NOT_SPOKEN = "-"
"""What a resolver returns when the words name an outlet reporting, not a person speaking."""


# "On oil, he said:": a pronoun after the last comma is the subject, not the words before it.
PRONOUNS = frozenset(("он", "она", "ол", "he", "she", "o", "о", "they", "они", "олар", "onlar",
                      # … and their genitives, before "sözlərinə görə", "пікірінше", "мнению"
                      "onun", "оның", "его", "ее", "её", "his", "her"))
# A paragraph that opens as speech does: a dialogue dash or a quotation mark.
_OPENS_SPEECH = re.compile(r"\s*[-–—«“\"„]")
# Words that give a name, not speech, to what stands in quotation marks before them.
_NAMING = re.compile(r"(?<![^\W\d_])(?:деп\s+ата(?!п)\w*|назва\w*|называ\w*|adlandır\w*|called|dubbed)(?![^\W\d_])", re.I)
_SUFFIX_AFTER = re.compile(r"['’-]?[a-zəıöüğşçа-яәіңғүұқөһ]{1,5}(?![^\W\d_])")


def _quoted_spans(paragraphs: tuple[str, ...]) -> list[tuple[int, int, int, int]]:
    """(first paragraph, start, last paragraph, end) of each top-level quotation, across paragraphs.

    A quotation left open at a paragraph's end goes on into the next; when that paragraph opens with
    the same mark (each paragraph of a long quotation reopening it, only the last one closing), the
    mark is no quotation inside it. One that nested another in its paragraph and is left open there
    ended where the nested one did: Russian collapses «АО «НК «КТЖ»» into one closing mark."""
    spans = []
    opening: tuple[int, int, str] | None = None
    depth = 0
    for pi, text in enumerate(paragraphs):
        ci = 0
        if opening is not None and text.lstrip()[:1] == opening[2]:
            ci = len(text) - len(text.lstrip()) + 1  # the reopening mark is no nesting
        collapse = -1  # where a nested quotation closed, in this paragraph
        while ci < len(text):
            ch = text[ci]
            if opening is None:
                if ch in _SINGLE and not ((ci == 0 or not text[ci - 1].isalnum()) and text[ci + 1:ci + 2].isupper()):
                    pass
                elif ch in _PAIRS and not (ch == '"' and ci > 0 and text[ci - 1].isalnum()):
                    opening, depth, collapse = (pi, ci, ch), 1, -1
            else:
                open_ch = opening[2]
                close_ch = _PAIRS[open_ch]
                if open_ch in _SINGLE and ch == close_ch and text[ci - 1:ci] not in tuple(",.!?…"):
                    pass
                elif ch == close_ch and (open_ch != '"' or ci + 1 == len(text) or not text[ci + 1].isalnum()
                                         # a case ending after the mark: "Akorda"ya, "Report"un
                                         or _SUFFIX_AFTER.match(text, ci + 1)):
                    depth -= 1
                    if depth == 0:
                        spans.append((opening[0], opening[1], pi, ci))
                        opening = None
                    elif depth == 1 and collapse == -1:
                        collapse = ci
                elif ch == open_ch and open_ch != close_ch:
                    depth += 1
            ci += 1
            if ci == len(text) and opening is not None and collapse != -1 and opening[0] == pi:
                # Left open after a nested quotation closed: both closed there; read on after it.
                spans.append((opening[0], opening[1], pi, collapse))
                opening, ci, collapse = None, collapse + 1, -1
    if opening is not None and len(paragraphs[opening[0]]) - opening[1] > 20:
        # Never closed (a page cut short, a mark dropped in copying): the quotation ends with its paragraph.
        spans.append((opening[0], opening[1], opening[0], len(paragraphs[opening[0]])))
    return spans


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W\d_][\w'’.-]*", text)


def _speaker_of(clause: str, verb: re.Match) -> str:
    """The words of an attribution clause that name the speaker: the clause without its verbs and
    particles, cut where it goes on about something else ("…, adding that", "…, according to …")."""
    cut = clause.find(",", verb.end())
    if cut != -1:
        clause = clause[:cut]
    clause = _CLAUSE_TAIL.sub("", clause)
    return " ".join(_PARTICLES.sub(" ", _VERB.sub(" ", clause)).split()).strip(" ,–—-")


# "…," Azeri news site ABC.az quoted Fuad Allahverdiyev, AzerTelecom's general director, as saying: the one
# quoted is the speaker, not the outlet that quotes.
_QUOTED_AS = re.compile(r"(?<![^\W\d_])quoted\s+(?P<who>[^,]+?)(?:\s*,[^,]{1,100},)?\s+as\s+say", re.I)


def _after(quoted: str, text: str) -> tuple[str, str, bool] | None:
    """(attribution, speaker words, whether they must name a person) of the clause right after a
    quotation, if it is "X said"-like."""
    lead = re.match(r"\s*(?P<comma>,)?\s*(?P<dash>[-–—])?\s*", text)
    rest = text[lead.end():]
    if not rest:
        return None
    # "«…». Он добавил, что …" starts a sentence of its own; "“…?” he asked" and «…», – сказал он do not.
    if not (lead.group("comma") or lead.group("dash")) and quoted.rstrip()[-1:] == "." and not rest[:1].islower():
        return None
    stop = len(rest)
    if end := _SENTENCE_END.search(rest):
        stop = end.start()
    clause = rest[:stop].strip(" ,")
    if (quoted_as := _QUOTED_AS.search(clause)) and quoted_as.start() < 80:
        return clause, quoted_as.group("who").strip(), False
    verb = _VERB.search(clause)
    if not verb:
        # "“…” – Aigul Sarsenova, chair of the association": a dash and a name, no verb.
        if lead.group("dash") and clause:
            return clause, clause.split(",")[0].strip(), True
        return None
    return (clause, _speaker_of(clause, verb), False) if _short(clause, verb) else None


def _short(clause: str, verb: re.Match) -> bool:
    """Whether a clause with a verb of saying is "X said", not a sentence of its own: the verb early and
    few words ("said Vugar Mammadli, head of the department …": what follows the name's comma is not counted)."""
    comma = clause.find(",", verb.end())
    return len(_words(clause[:verb.start()])) <= 9 and len(_words(clause[:comma if comma != -1 else None])) <= _CLAUSE_WORDS


# Talking to the correspondent: "тілшісімен әңгімелесіп", "в беседе с корреспондентом", "müxbirinə müsahibəsində",
# "told our correspondent" (the outlet's name may stand before it: "turkystan.kz тілшісімен").
_INTERVIEW = re.compile(r"(?:[\w.-]+\s+)?(?:тілшісімен\s+(?:әңгімелес|сұхбаттас)\w*|тілшісіне\s+(?:берген\s+)?сұхбат\w*|"
                        r"в\s+беседе\s+с\s+корреспондент\w*|рассказал\w*\s+корреспонденту|müxbirinə\s+(?:verdiyi\s+)?"
                        r"müsahibə\w*|müxbiri\s+ilə\s+söhbət\w*|told\s+(?:our|the|a)\s+correspondent)", re.I)


_THAT_END = re.compile(r"(?<![^\W\d_])(?:что|that)$", re.I)


def _before(text: str) -> tuple[str, str, bool] | None:
    """(attribution, speaker words, False) of the clause a quotation follows: "X заявил журналистам: «…»",
    "X bildirib ki, …: “…”", "X said, "…"": the sentence so far, holding a verb of saying early on."""
    s = text.rstrip()
    # "Фарид Шафиев заявил, что «…»", "he said that “…”": a conjunction after the verb opens the words as a colon does
    s = _THAT_END.sub(",", s)
    if not s.endswith((":", ",")):
        return None
    start = 0
    for end in _SENTENCE_END.finditer(s):
        start = end.end()
    clause = s[start:].strip(" ,:")
    if according := _ACCORDING.search(clause):
        return clause, according.group("who") or according.group("who_after") or according.group("who_start") or "", False
    verb = _VERB.search(clause)
    # "Открывая мероприятие в театре …, вице-министр … Нурлан Абдрахманов заявил": the subject is the
    # part after the last comma before the verb.
    subject = clause[:verb.start()].rsplit(",", 1)[-1] if verb else ""
    if not verb or len(_words(subject)) > 16:
        return None
    # "O, birinci teplovozun gəldiyini bildirib:": with no name after the last comma, the subject is the
    # sentence's first words, before its first comma (a pronoun, a name).
    head = clause[:verb.start()].split(",", 1)[0]
    if "," in clause[:verb.start()] and not re.search(r"(?<![^\W\d_])[^\W\d_]*[A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ]", subject) \
            and len(_words(head)) <= 4 and subject.strip().casefold() not in PRONOUNS:
        subject = head
    return clause, " ".join(subject.split()).strip(" ,–—-"), False


def _said_after(text: str) -> tuple[str, str, bool] | None:
    """(attribution, speaker words, False) of a sentence right after a quotation that names who said it
    ("Об этом заявил заместитель министра Талгат Ластаев.", "Bunu səfir Alim Bayel deyib.")."""
    m = _THIS_WAS_SAID.match(text)
    if not m:
        return None
    end = _SENTENCE_END.search(text, m.end())
    clause = text[m.end():end.start() if end else None].strip()
    verb = _VERB.search(clause)
    if not verb or len(_words(clause)) > 24:
        return None
    who = " ".join(_PARTICLES.sub(" ", _VERB.sub(" ", _CLAUSE_TAIL.sub("", clause))).split()).strip(" ,–—-")
    return text[:end.start() if end else None].strip(), who, False


def _closing_dash(text: str) -> tuple[str, str, int, str] | None:
    """(speech, speaker words, offset of the attribution, attribution) of a paragraph whose speech a dash
    and a short clause of saying close, with no dash before it. The speech starts after the last sentence
    before it that tells of the speaker (names them, or holds a verb of saying: "Тоқаев Бакуге барды.",
    "Президент атап өтті."), or at the paragraph's start."""
    for m in _CLOSING_DASH.finditer(text):
        attr = m.group("attr").strip()
        verb = _VERB.search(attr)
        if not verb or verb.start() > 40 or not _short(attr, verb):
            continue
        if _OUTLET_FORMULA.search(attr):
            continue  # "…, – деп хабарлайды агенттік тілшісі": an outlet reporting, no speech
        speech = text[:m.start("punct")]
        who = _speaker_of(attr, verb)
        stems = [w[:5].lower() for w in _words(who) if w[:1].isupper()]
        start = prev = 0
        for end in _SENTENCE_END.finditer(speech):
            sentence = speech[prev:end.end()]
            prev = end.end()
            low = sentence.lower()
            # With a pronoun or no name after the verb, a sentence that names someone in full
            # ("Қасым-Жомарт Тоқаев Бакуге барды.") tells of the speaker, and the speech is after it.
            if _VERB.search(low) or any(x in low for x in stems) or (not stems and _FULL_NAME.search(sentence)):
                start = prev
        said = speech[start:].strip()
        # The speaker is named before the speech, not in it: its start is the resolver's limit.
        return (said, who, start, attr) if len(_words(said)) >= 4 else None
    return None


def _speech_like(quoted: str) -> bool:
    """Words a person says, not a name in quotation marks ("Azərbaycan Dəmir Yolları" QSC)."""
    return len(_words(quoted)) >= 5 or quoted.rstrip()[-1:] in ".!?…"


def find(paragraphs: tuple[str, ...], resolve: Resolver, person_names: Callable[[str], str | None]) -> list[FoundQuote]:
    """Quotations with their speakers, in text order.

    `resolve` turns attribution words into a speaker; `person_names` says whether a short
    phrase is just a known person's name (for paragraphs ending in "– Name").
    """
    quotes: list[FoundQuote] = []
    claimed: set[int] = set()
    spans = _quoted_spans(paragraphs)
    # (a paragraph that holds a quotation of its own is no attribution of the next)
    # (… a name in quotation marks, «Гарабах» бірлестігі, is none)
    quoted_paragraphs = {pi for a, i, b, j in spans for pi in range(a, b + 1)
                         if a != b or _speech_like(paragraphs[a][i + 1:j])}
    previous: tuple[int, int, str | None] | None = None  # (paragraph, end, speaker) of the last quotation taken
    for p0, start, p1, end in spans:
        quoted = "\n".join(paragraphs[pi][start + 1 if pi == p0 else 0:end if pi == p1 else None]
                           for pi in range(p0, p1 + 1))
        lead_in = paragraphs[p0][:start]
        # Speech a verb of saying and a colon open is speech however short: "… bildirib: “Gözləyirik”."
        colon = lead_in.rstrip().endswith(":") and _before(lead_in) is not None
        after = _after(quoted, paragraphs[p1][end + 1:])
        if not after and not paragraphs[p1][end + 1:].strip() and p1 + 1 < len(paragraphs) \
                and paragraphs[p1 + 1][:1].islower() and len(_words(paragraphs[p1 + 1])) <= 12:
            # “…,” / "said President Tokayev." — the clause of saying put on a line of its own
            after = _after(quoted, " " + paragraphs[p1 + 1])
        # … and so is speech a clause with a verb of saying closes: "“Biz on sənəd imzalayacağıq”, – deyə X".
        # (after a comma or a dash: «Азеренержи» Фуад Алекперов отметил … names a company, then a speaker)
        closed = re.match(r"\s*(?:,|[-–—])", paragraphs[p1][end + 1:]) is not None or quoted.rstrip().endswith(",")
        if not _speech_like(quoted) and not colon and not (closed and after and not after[2] and after[1]):
            continue
        if after and not after[1]:
            # "Айгүл Нұрмағамбетова: «…» деді.": the verb after, the speaker before a colon.
            named = re.search(r"(?:^|[.!?]\s)([^.!?:]{2,80}):\s*$", paragraphs[p0][:start])
            if named:
                after = (after[0], named.group(1).strip(), after[2])
        found = after or _before(lead_in)
        if not found and lead_in.rstrip().endswith(".") and _VERB.search(lead_in.rstrip()[-30:]):
            # "Səfir Lətif Qəndilov agentliyə məlumat verib. “…”": the sentence before, ending in a verb of
            # saying, names who says what follows.
            found = _before(lead_in.rstrip()[:-1] + ":")
        at_paragraph, limit = p0, start
        if not found and not lead_in.strip() and p0 > 0 and paragraphs[p0 - 1].rstrip().endswith(":"):
            # "Politoloq Elxan Şahinoğlu qeyd edib:" closing the paragraph before the quotation
            found = _before(paragraphs[p0 - 1])
            at_paragraph, limit = p0 - 1, len(paragraphs[p0 - 1])
        elif not found and not lead_in.strip() and p0 > 0 and paragraphs[p0 - 1].rstrip().endswith(".") \
                and _VERB.search(paragraphs[p0 - 1].rstrip()[-30:]) and p0 - 1 not in quoted_paragraphs:
            # "… Елшісі Әлім Байел айтып берді." closing the paragraph before: its subject says what follows
            found = _before(paragraphs[p0 - 1].rstrip()[:-1] + ":")
            at_paragraph, limit = p0 - 1, len(paragraphs[p0 - 1])
        elif not found and not lead_in.strip() and p0 > 0 and p0 - 1 not in quoted_paragraphs \
                and (talk := _INTERVIEW.search(paragraphs[p0 - 1])):
            # "… төрайымы Рамила Мустафаева turkystan.kz тілшісімен әңгімелесіп, …" in the paragraph before: the
            # one who talks to the correspondent says what follows
            head = paragraphs[p0 - 1][:talk.start()]
            sentence = re.split(r"(?<=[.!?])\s+", head)[-1]
            who = sentence.rsplit(",", 1)[-1]
            found = (" ".join((sentence + paragraphs[p0 - 1][talk.start():talk.end()]).split()), " ".join(who.split()), False)
            at_paragraph, limit = p0 - 1, talk.start()
        elif not found:
            # the sentence after it says who said it, in its paragraph or at the start of the next
            rest = paragraphs[p1][end + 1:].lstrip(" .")
            if rest.strip():
                found = _said_after(rest)
                at_paragraph, limit = p1, len(paragraphs[p1])
            elif p1 + 1 < len(paragraphs):
                found = _said_after(paragraphs[p1 + 1])
                at_paragraph, limit = p1 + 1, len(paragraphs[p1 + 1])
            after = found
        between = paragraphs[p0][previous[1] + 1:start] if previous and previous[0] == p0 else ""
        if not found and between and _VERB.search(between) and len(_SENTENCE_END.findall(between.strip())) <= 1:
            # «…», Nazarbayev said on state television on March 1. «When we have …»: the sentence that
            # attributed the quotation before, and no other, stands between: the same speaker goes on.
            found, after = (between.strip(" ."), "", False), None
            speaker = previous[2]
        elif not found or (after and _NAMING.search(found[0])):
            continue  # Бакуді «Каспий өңірінің інжу-маржаны» … деп атады: a name given, not words said
        else:
            speaker = None
        attribution, who, strict = found
        if not after and at_paragraph == p0:
            at = lead_in.rfind(who) if who else -1
            limit = at + len(who) if at != -1 else start
        speaker = speaker or resolve(who, at_paragraph, limit)
        if speaker == NOT_SPOKEN or (strict and speaker is None):
            continue
        for pi in range(p0, p1 + 1):
            text = paragraphs[pi]
            a = start + 1 if pi == p0 else 0
            b = end if pi == p1 else len(text)
            piece = text[a:b].strip()
            if pi != p0:
                piece = piece.lstrip(_QUOTE_MARKS).lstrip()
            if piece:
                quotes.append(FoundQuote(speaker, piece, pi + 1, attribution))
                claimed.add(pi)
        previous = (p1, end, speaker)
    for pi, text in enumerate(paragraphs):
        if pi in claimed or not (m := _DASHED_SPEECH.match(text.strip())):
            continue
        attr = m.group("attr").rstrip(" .")
        verb = _VERB.search(attr)
        if not verb or not _short(attr, verb):
            continue
        speaker = resolve(_speaker_of(attr, verb), pi, 0)
        if speaker != NOT_SPOKEN:
            quotes.append(FoundQuote(speaker, m.group("text").rstrip(" ,").strip(), pi + 1, attr))
            claimed.add(pi)
    for pi, text in enumerate(paragraphs):
        if pi in claimed or _LEADING_DASH.match(text.strip()) or any(c in text for c in _QUOTE_MARKS):
            continue
        found = _closing_dash(text)
        if found and (speaker := resolve(found[1], pi, found[2])) != NOT_SPOKEN:
            quotes.append(FoundQuote(speaker, found[0], pi + 1, found[3]))
            claimed.add(pi)
    for pi, text in enumerate(paragraphs):
        if pi in claimed:
            continue
        m = _TRAILING_NAME.match(text)
        if m and (speaker := person_names(m.group("who"))):
            quotes.append(FoundQuote(speaker, m.group("text").strip(), pi + 1, m.group("who").strip()))
            claimed.add(pi)
    for pi, text in enumerate(paragraphs):
        m = _SAYS_COLON.match(text)
        if not m and pi + 1 < len(paragraphs) and _OPENS_SPEECH.match(paragraphs[pi + 1]):
            # "Эльдар Исмаил, президент фонда «Деде Горгуд»:" over an answer that opens with a dash
            m = _NAME_COLON.match(text)
        if not m or pi + 1 >= len(paragraphs):
            continue
        speaker = resolve(m.group("who"), pi, len(text))
        if speaker is None or speaker == NOT_SPOKEN:
            continue
        # The speech runs to the end of the text, or to the next paragraph that is not speech; after a bare
        # "Name, role:" label, to the next label or the first paragraph that opens with no dash or mark.
        labelled = not _SAYS_COLON.match(text)
        for qi in range(pi + 1, len(paragraphs)):
            if qi in claimed or _SAYS_COLON.match(paragraphs[qi]) or _NAME_COLON.match(paragraphs[qi]) or (
                    labelled and not _OPENS_SPEECH.match(paragraphs[qi])):
                break
            piece = _LEADING_DASH.sub("", paragraphs[qi]).strip()
            quotes.append(FoundQuote(speaker, piece, qi + 1, m.group(0).strip()))
            claimed.add(qi)
    for pi, text in enumerate(paragraphs):
        # A headline that quotes and then names the speaker: "«Товарооборот вырос в пять раз»: Токаев …"
        m = _QUOTE_COLON.match(text)
        if pi in claimed or not m or not _speech_like(m.group("text")) or any(
                q.text == m.group("text").strip() for q in quotes):
            continue  # (a headline the page gives twice is one quotation)
        speaker = resolve(m.group("who"), pi, m.start("who"))
        if speaker and speaker != NOT_SPOKEN:
            quotes.append(FoundQuote(speaker, m.group("text").strip(), pi + 1, m.group("who")))
            claimed.add(pi)
    quotes.sort(key=lambda q: q.paragraph)
    return quotes
