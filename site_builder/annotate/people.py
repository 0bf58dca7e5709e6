"""People a text names: those the knowledge base holds, and new ones (a named-entity model for Russian,
rules for Kazakh, Azerbaijani and English), each in its base form, with the role the text gives."""

from __future__ import annotations

import re
from dataclasses import dataclass

from site_builder.annotate import names, ner, scripts
from site_builder.knowledge import Knowledge
from site_builder.matching import Match, fold

# Latin Kazakh letters of 2018 and 2021 (Ämırjan, Ázerbaıjan, Nūrlan) as well.
_UPPER = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜЈҸÄÁÓÚÝǴŃŪÑ"
_LOWER = "a-zа-яёәғқңөұүһіəçğıöşüјҹäáóúýǵńūñ'’"
_NAME_WORD = rf"[{_UPPER}][{_LOWER}]+(?:-[{_UPPER}][{_LOWER}]+)?"
_CANDIDATE = re.compile(rf"(?<![\w.-])(?:{_NAME_WORD})(?:\s+{_NAME_WORD}){{1,9}}(?![\w-])")
# Two capitalised words together (every pair, overlapping): where a Russian name may stand.
_PAIR = re.compile(rf"(?<![\w-])(?=({_NAME_WORD}\s+{_NAME_WORD}))")
# Capitalised words of names of ministries, companies and offices, not of people.
_ORG_WORDS = frozenset(fold(w) for w in (
    "ministry minister situations emergency emergencies resources mineral natural affairs foreign internal development "
    "digital transport energy economy economic trade integration national company railways railway state committee "
    "agency council chamber fund bank authority office department service industry infrastructure culture education "
    "health finance justice defence defense agriculture ecology communications information innovation "
    "nazirliyi nazirlik komitəsi şirkəti dövlət milli agentliyi xidməti fondu bankı "
    "министрлігі комитеті компаниясы қоры агенттігі").split())
# Surname endings, by the language of the text (an Azerbaijani "Ширкәтинин" is a company's, not -ин).
_SURNAMES = {
    "kk": re.compile(r"(ов|ев|ёв|ин|ова|ева|ина|ұлы|улы|қызы|кызы|бек|бай|оғлу|оглу|оглы|заде|ли|ov|ev|ova|eva|uly|kyzy|"
                     r"qyzy|ııev|ıev|oglu|ogly|zade|"
                     # neighbours' surnames: Armenian, Georgian, Ukrainian
                     r"ян|янц|швили|дзе|енко|yan|ian|shvili|dze|enko)$"),
    "az": re.compile(r"(ov|ev|yev|ova|eva|yeva|oğlu|qızı|li|lı|lu|lü|zadə|zade|ов|ев|јев|ова|ева|ли|задә|оғлу|"
                     r"yan|yants|şvili|shvili|dze|enko|ян|швили|дзе|енко)$"),
    "en": re.compile(r"(ov|ev|yev|ova|eva|yeva|oglu|ogly|uly|ulu|kyzy|qizi|gizi|li|ly|zade|zada|shvili|yan|enko|uk|ich|ovich|"
                     r"evich|in|ina|sky|skiy|bek|bayev|bayeva)$"),
}
# Words before a name that say who the person is; their phrase becomes the description.
_ROLE_WORDS = (
    r"академик\w*|akademik\w*|academician|министр\w*|заместител\w*|вице-\w+|посол|посла|послом|глав[аыеу]|председател\w*|президент\w*|директор\w*|"
    r"руководител\w*|аким\w*|губернатор\w*|советник\w*|спикер\w*|депутат\w*|генеральн\w+|мэр\w*|ректор\w*|"
    r"представител\w*|сенатор\w*|эксперт\w*|политолог\w*|аналитик\w*|атташе|консул\w*|канцлер\w*|"
    r"министрі\w*|орынбасар\w*|елші\w*|әкім\w*|төраға\w*|басшы\w*|директоры\w*|депутаты\w*|сарапшы\w*|"
    r"саясаттанушы\w*|өкіл\w*|кеңесші\w*|"
    r"minister|deputy|ambassador|head|chairman|chairwoman|chair|president|director|governor|mayor|adviser|advisor|"
    r"speaker|spokesman|spokeswoman|spokesperson|ceo|chief|envoy|secretary|expert|analyst|professor|rector|consul|chancellor|"
    r"nazir\w*|müavin\w*|səfir\w*|sədr\w*|rəhbər\w*|prezident\w*|direktor\w*|deputat\w*|ekspert\w*|politoloq\w*|"
    r"nümayəndə\w*|icraçı\w*|başçı\w*|konsul\w*|kansler\w*|"
    # the arts, letters and sport: "the poet Abay Kunanbayulu", "тренер Гурбан Гурбанов", "şair Səməd Vurğun"
    r"coach|poet|writer|composer|singer|painter|scholar|historian|тренер\w*|поэт\w*|писател\w*|композитор\w*|"
    r"художник\w*|историк\w*|ақын\w*|şair\w*|bəstəkar\w*|rəssam\w*")
_ROLE = re.compile(rf"({_ROLE_WORDS})\b", re.I)
_ROLE_AFTER = re.compile(r"^\s*,\s*(?:the\s+|an?\s+|[A-Z][\w-]*['’]s\s+)?(?:[\w-]+\s+){0,2}?(?:" + _ROLE_WORDS +
                         r"|undersecretary|official|representative|coordinator)\b", re.I)
_SPEECH_AFTER = re.compile(
    r"^\s*,?\s*(заявил|сказал|отметил|подчеркнул|сообщил|добавил|считает|пояснил|рассказал|said|says|told|stated|"
    r"noted|added|stressed|explained|деді|атап өтті|мәлімдеді|айтты|хабарлады|dedi|bildirib|qeyd edib|vurğulayıb|deyib)",
    re.I)
# A name that names a place, body or prize after a person ("Heydar Aliyev International Airport",
# "Nazarbayev University", "аэропорт имени Гейдара Алиева", "Heydər Əliyev adına", "Абай атындағы") is not
# a mention of the person.
_NAMED_AFTER_AFTER = re.compile(
    r"^['’]?s?[”\"»]?\s+(international\s+airport|airport|institute|university|foundation|fund|center|centre|avenue|street|"
    r"prospect|palace|museum|park|order|prize|award|stadium|square|hall|school|library|theatre|theater|academy|"
    r"mosque|boulevard|adına|fond\w*|mərkəz(?!i\s+Asiya)\w*|beynəlxalq\s+hava\s+limanı|hava\s+limanı|"
    r"(?:beynəlxalq\s+)?aeroport\w*|(?:халықаралық\s+)?әуежай\w*|prospekt\w*|"
    r"küçə\w*|orden\w*|mükafat\w*|saray\w*|muzey\w*|park\w*|universitet\w*|institut\w*|атындағы|орталығ\w*|қоры\w*|даңғылы|көшесі|"
    r"университеті|институты|орден\w*|сыйлығы|әуежайы|"
    # a room of a university or a library so named: "the Heydar Aliyev classroom", "Heydər Əliyev kabineti"
    r"classroom|auditorium|reading\s+room|room|cabinet|corner|kabinet\w*|auditoriya\w*|guşə\w*|"
    r"кабинеті\w*|аудиториясы\w*|бұрышы\w*|"
    # a ship or a works named after a person: "the President Heydar Aliyev tanker", "Heydər Əliyev tankeri"
    # (in Azerbaijani and Kazakh with the possessive ending that ties the name to the thing: "gəmisinin", not "паромның")
    r"tanker|ship|vessel|ferry|terminal|oil\s+field|field|bridge|tankeri\w*|gəmisi\w*|bərəsi\w*|terminalı\w*|"
    r"körpüsü\w*|yatağı\w*|танкері\w*|кемесі\w*|паромы\w*)\b", re.I)
_NAMED_AFTER_BEFORE = re.compile(r"(имени|им\.|named\s+after|named\s+for)\s*$", re.I)


# Before a known person's name in the genitive: "в Центре Гейдара Алиева", "мавзолей Ходжи Ахмеда Ясави".
# (Not for a new name: "руководитель отдела центра Эльхан Рустамов" names a person.)
_NAMED_AFTER_NOUN = re.compile(r"(центр|фонд|мавзоле|аэропорт|проспект|улиц|музе|дворц|дворец|преми|орден|"
                               r"университет|институт|библиотек|мечет|стадион|академи|танкер|судн|паром|теплоход|"
                               r"корабл)\w*\s+[«\"“]?(?:Президент\s+)?$", re.I)


# A roster: a plural label, a colon, and names apart by commas ("Hakimlər: Ali Palabıyık, Ceyhun Sesigüzel,
# Kerem Ersoy", "Referees: …", "Төрешілер: …"); each is a person, whatever the shape of the surname.
_ROSTER = re.compile(r"(?:^|[.!?;]\s+)[^\W\d_]*(?:lar|lər|лар|лер|дар|дер|тар|тер|s)\s*:\s*(?P<list>[^.!?:;]{5,300})")
_ROSTER_ITEM = re.compile(r"^[A-ZА-ЯЁƏÇĞİÖŞÜӘҒҚҢӨҰҮҺІ][^\W\d_'’-]*['’-]?[^\W\d_]*"
                          r"(?:\s+[A-ZА-ЯЁƏÇĞİÖŞÜӘҒҚҢӨҰҮҺІ][^\W\d_'’-]*['’-]?[^\W\d_]*){1,2}$")


def _in_roster(text: str, start: int, end: int) -> bool:
    for m in _ROSTER.finditer(text):
        if m.start("list") <= start and end <= m.end("list"):
            items = [x.strip() for x in re.split(r",|\s(?:və|and|мен|және)\s", m.group("list")) if x.strip()]
            return len(items) >= 2 and all(_ROSTER_ITEM.match(x) for x in items)
    return False


def _named_after(text: str, start: int, end: int) -> bool:
    return bool(_NAMED_AFTER_AFTER.match(text[end:end + 40]) or _NAMED_AFTER_BEFORE.search(text[max(0, start - 30):start]))


_CREDIT_BEFORE = re.compile(r"(фото|photo|foto|сурет|видео|video|автор|author|müəllif|©)(?:\s+(?:credit|by))?\s*[:/]?\s*$",
                            re.I)
# A plural with its ending is a common noun, never a name: "Mədəniyyət Günləri", "Мәдениет күндері".
# (with a possessive and a case ending too: "Mədəniyyət Günlərinin", "Мәдениет күндерінің")
_PLURAL = {"az": re.compile(r"(?:lar|lər)(?:ı|i)?(?:n|nın|nin|na|nə|nda|ndə|ndan|ndən|ın|in|a|ə|da|də|dan|dən)?$", re.I),
           "kk": re.compile(r"(?:лар|лер|дар|дер|тар|тер)(?:ы|і|ын|ін|ға|ге|да|де|ды|ді|ының|інің|ына|іне|ында|інде|"
                            r"ындағы|індегі|ның|нің)$", re.I)}
# "By Aygul Mammadova" at a line's start is a byline; "signed by Colonel General Elchin Guliyev", "the operetta
# by Uzeyir Hajibeyli" name a person.
_BYLINE = re.compile(r"^\s*by\s*:?\s*$", re.I)


def _credit(text: str, start: int) -> bool:
    return bool(_CREDIT_BEFORE.search(text[max(0, start - 20):start]) or _BYLINE.match(text[:start]))
# Capitalised words that start sentences or name things, not people.
NOT_NAMES = _NOT_NAMES = frozenset(fold(w) for w in (
    "как вы мы он она они это этот так также когда если где там вот все сегодня вчера ранее "
    "ол олар біз сіз бұл осы мұнда бүгін кеше as he she we they it you this that when if there today earlier "
    "biz siz onlar bu həmçinin dünən the in on at of and for with by from mr ms mrs dr "
    # words that open a sentence before a surname ("Yəni Tokayev …", "Вчера Токаев …", "Бірақ Тоқаев …")
    "однако затем тогда позже потом впрочем кроме поэтому теперь сейчас кстати "
    "бірақ яғни алайда сондай-ақ сонымен кейін бұдан содан енді сонда "
    "yəni amma lakin hətta sonra daha artıq indi bəli belə ona görə buna "
    "then yesterday later also now thus so still yet indeed "
    "республика республики республикасы республикасының respublikası republic президент президенті prezident president "
    "министр министрі nazir minister министерство ministry nazirliyi министрлігі "
    "государственный мемлекеттік dövlət state national национальный ұлттық milli "
    "казахстан қазақстан qazaxıstan kazakhstan азербайджан әзербайжан azərbaycan azerbaijan "
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь "
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday "
    "what why how who whom where which while after before during since although but yet also both our their his "
    "her its all many some according meanwhile however speaking addressing welcoming "
    "газахыстан азәрбајҹан бакы президенти республикасы "
    # words of named days, weeks and gatherings ("Constitution Day", "День Республики", "Novruz bayramı")
    "day days week festival forum день дня неделя фестиваль форум күні апталығы фестивалі форумы "
    "günü həftəsi festivalı forumu bayramı").split())


# A role noun of those known by one name (writers, poets, singers; a chairman of a union) and the name,
# followed by a comma, a conjunction, the end of the sentence or a speech verb.
_SINGLE_NAME = re.compile(
    rf"(?P<role>(?:жазушы\w*|ақын\w*|writer|poet|yazıçı\w*|şair\w*|јазычы\w*|шаир\w*|писател\w*|поэт\w*|"
    rf"sədri|сәдри|төрағасы|председатель|әнші\w*|singer|xanəndə\w*|ханәндә\w*|певец|певица))\s+"
    rf"(?P<name>[{_UPPER}][{_LOWER}]{{2,}})(?![\w'’-])(?=\s*(?:[,.;:]|және\s|мен\s|и\s|və\s|and\s|$|демишдир|деді|dedi|"
    rf"сказал|said|deyib))")


# Case endings of Kazakh and Azerbaijani nouns (dative, locative, ablative, genitive, accusative) that a
# word before a name in the nominative does not share with it.
_CASE_ENDING = {
    "kk": re.compile(r"(?:ге|ке|ға|қа|да|де|та|те|дан|ден|тан|тен|нан|нен|ның|нің|дың|дің|тың|тің|ны|ні|ды|ді|ты|ті|"
                     r"ga|ge|qa|ke|ǵa|da|de|ta|te|dan|den|nan|nen|nyń|niń|dyń|diń|ny|ni)$"),
    "az": re.compile(r"(?:nda|ndə|da|də|dan|dən|ya|yə|nın|nin|nun|nün|ну|нда|ндә|да|дә|дан|дән|ја|јә|нын|нин)$"),
}


@dataclass(frozen=True)
class Person:
    """A person the knowledge base does not hold yet, as one text names them."""

    id: str
    name: str
    """Base form, in the text's script."""
    latin: str
    language: str
    role: str | None
    paragraphs: tuple[int, ...]
    """1-based."""


# A name written surname first, then the given name and the father's: "Ахметов Берік Бақытжанұлы",
# "Маммадов Эльмар Рагим оглы", "Məmmədov Elmar Rəhim oğlu" (lists of officials, university pages).
_UP = "A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ"
_LO = "a-zа-яёәғқңөұүһіəçğıöşüı"
_SURNAME_FIRST = re.compile(
    rf"(?<![\w-])[{_UP}][{_LO}]+(?:ов|ев|ёв|ин|ова|ева|ёва|ина|ский|ская|ov|ev|ova|eva|yev|yeva|zadə|заде|li|lı)"
    rf"\s+[{_UP}][{_LO}]+\s+(?:[{_UP}][{_LO}]+(?:ұлы|улы|қызы|кызы|ович|евич|овна|евна|ична|oğlu|qızı|ovich|ovna)"
    rf"[{_LO}]{{0,6}}|[{_UP}][{_LO}]+\s+(?:оглы|оғлы|кызы|қызы|oğlu|qızı|ogly|kyzy)[{_LO}]{{0,6}})(?![\w-])")
# Nouns of bodies, places and things, which no name of a person holds: "Akademik Musiqili Teatrının",
# "Administrasiyası Dəftərxanasının" (a run of them is the name of the body, not of a person).
_BODY_STEMS = tuple(fold(w) for w in (
    "teatr театр muzey музей universitet университет institut институт akademiya академия filarmoniya "
    "филармония administrasiya администрац dəftərxana mərkəz орталығ komitə nazirliy министерств министрлі "
    "fakültə факультет kafedra кафедр ansambl ансамбл orkestr оркестр stadion стадион festival фестивал "
    "parlament парламент məclis мәжіліс senat сенат "
    "assosiasiya ассоциац birliy şirkət компани zavod завод məktəb мектеб лицей litsey".split()))
# The lower-case noun of a body after a capitalised word that begins its name ("Filologiya fakültəsi").
_BODY_AFTER = re.compile(r"\s+(?:fakültə|universitet|institut|nazirliy|şöbə|mərkəz|akademiya|факультет|университет|"
                         r"институт|министерств|академи|орталығ|институты|faculty|university|institute|department|"
                         r"ministry|academy|centre|center)\w*", re.I)
# A noun of one who does a thing, by its suffix: "İqtisadçı" (economist), "Сарапшы" (expert), "Саясаттанушы".
_AGENT = re.compile(r"[^\W\d_]{3,}(?:çı|çi|çu|çü|шы|ші)(?:sı|si|su|sü|сы|сі)?", re.I)


def _is_role(word: str) -> bool:
    """A role word, also hyphenated ("Премьер-Министрі", "Vice-President"), or a noun of one who does a thing."""
    return bool(_ROLE.fullmatch(word) or _AGENT.fullmatch(word)) or (
        "-" in word and any(_ROLE.fullmatch(w) for w in word.split("-") if w))


def _role_before(text: str, start: int) -> str | None:
    before = text[max(0, start - 120):start]
    clause = re.split(r"[.!?;:«»\"“”()]|,\s", before)[-1]
    # The first role word whose phrase up to the name is short enough: "ANAMA Chairman Vugar Suleymanov said
    # at a ceremony attended by Kazakhstan's Ambassador to Azerbaijan" gives "Ambassador to Azerbaijan".
    # "baş məşqçisi Robert Prosineçki": a noun of one who does a thing right before the name
    last = re.search(r"([^\W\d_]+)\s*$", clause)
    if last and _AGENT.fullmatch(last.group(1)) and not _ROLE.search(clause):
        return " ".join(clause[max(0, last.start() - 30):].split()[-2:])
    for m in _ROLE.finditer(clause):
        phrase = clause[m.start():].strip(" ,–—-")
        if 0 < len(phrase.split()) <= 12:
            # "müşavir Darxan Kuşerbayev və ikinci katib [Tlek Kapışov]": another's role and name come first;
            # this one's role is what follows the last "and" after that name.
            parts = re.split(r"\s(?:və|и|а также|және|мен|and)\s", phrase)
            return parts[-1] if len(parts) > 1 and _CAPITALISED_PAIR.search(parts[-2]) else phrase
    return None


# Two capitalised words in a row: a name, in a role phrase that runs over another's name.
_CAPITALISED_PAIR = re.compile(r"(?<!\w)[A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ][^\W\d_]+\s+[A-ZА-ЯЁӘҒҚҢӨҰҮҺІƏÇĞİÖŞÜ][^\W\d_]+")


def _same_person(a: str, b: str) -> bool:
    """Two name keys that differ only in the case endings of their words (erlanakbarov, erlanaakbarova), or
    in the e that one spelling writes ə, a key's a (tlekkapishov, tlakkapishov: "Tlek" and "Tlək Kapışov")."""
    if a == b or (len(a) == len(b) >= 8 and a.replace("e", "a") == b.replace("e", "a")
                  and sum(x != y for x, y in zip(a, b)) == 1):
        return True
    n = min(len(a), len(b))
    return n >= 8 and a[:n - 3] == b[:n - 3] and abs(len(a) - len(b)) <= 3 and _prefix(a, b) >= n - 4


def _prefix(a: str, b: str) -> int:
    i = 0
    while i < min(len(a), len(b)) and a[i] == b[i]:
        i += 1
    return i


class PeopleReader:
    def __init__(self, knowledge: Knowledge):
        self.knowledge = knowledge
        self.by_key: dict[str, str] = {}
        self.blocked: set[str] = set()
        for e in knowledge.entities:
            for n in e.all_names:
                if e.type == "person" and len(n.split()) >= 2:
                    self.by_key.setdefault(names.key(n), e.id)
                    self.by_key.setdefault(names.key(n, "az"), e.id)
                elif e.type != "person":
                    self.blocked.update(fold(w) for w in n.split())
        self.blocked_stems = tuple(sorted({w[:-1] if len(w) > 4 else w for w in self.blocked if len(w) >= 4}))

    def _with_ending(self, m: Match) -> bool:
        e = self.knowledge.entity(m.key)
        written = fold(m.text)
        return bool(e) and not any(written.startswith(fold(n)) and written[len(fold(n)):][:1] in ("", " ", "'", "’", "-")
                                   for n in e.all_names)

    def read(self, paragraphs: tuple[str, ...], language: str, skip: frozenset[int],
             matches: list[list[Match]]) -> tuple[list[str], list[Person]]:
        """(ids of people found, in order of first mention; the new people among them)."""
        found: list[str] = []
        new: dict[str, Person] = {}
        entity = self.knowledge.entity
        # Names written surname first stand whole; a known surname inside one is another person's only
        # where the given name is that person's too.
        firsts = {i: [(m.start(), m.end()) for m in _SURNAME_FIRST.finditer(p)] if language in ("kk", "az") else []
                  for i, p in enumerate(paragraphs)}
        for i, (p, para) in enumerate(zip(paragraphs, matches)):
            if i in skip:
                continue
            for m in para:
                e = entity(m.key)
                if any(a <= m.start < b for a, b in firsts[i]):
                    continue
                if e and e.type == "person" and not _credit(p, m.start) \
                        and not _named_after(p, m.start, m.end) \
                        and not _NAMED_AFTER_NOUN.search(p[max(0, m.start - 20):m.start]):
                    if m.key not in found:
                        found.append(m.key)
        spans = []
        # The model reads only the paragraphs where two capitalised words stand together outside known names.
        model: dict[int, list[tuple[int, int]]] = {}
        if language == "ru":
            wanted = [i for i, p in enumerate(paragraphs) if i not in skip and any(
                not any(x.start <= m.start(1) < x.end for x in matches[i]) for m in _PAIR.finditer(p))]
            model = dict(zip(wanted, ner.people_in([paragraphs[i] for i in wanted])))
        for i, p in enumerate(paragraphs):
            if i in skip:
                continue
            # English adds no case endings to names: a known name matched with one ("Chingis" as "China")
            # is another word, and does not cut a name.
            taken = [(m.start, m.end) for m in matches[i] if not (language == "en" and self._with_ending(m))]
            if language == "ru":
                cands = model.get(i, [])
            else:
                cands = [(m.start(), m.end()) for m in _CANDIDATE.finditer(p)]
            people_taken = [(m.start, m.end) for m in matches[i]
                            if (e := self.knowledge.entity(m.key)) and e.type == "person"
                            and not any(a <= m.start < b for a, b in firsts[i])] + firsts[i]
            # "Əminə Kosbayeva Prezident İlham Əliyevin …": a new name runs into a known one; it ends there.
            # "Tokayev Mixeil Kavelaşvili ilə görüşüb": a known name before a new one; the new one starts after it.
            segments = []
            for a, b in cands:
                for x, y in sorted(people_taken):
                    if y <= a or x >= b:
                        continue
                    if x > a:
                        segments.append((a, x))
                    a = max(a, y)
                if a < b:
                    segments.append((a, b))
            for a, b in segments:
                # "Azerbaijan Nurlan Zhaksybekov": a known place or organisation before the name is cut off.
                for x, y in sorted(taken):
                    if x <= a < y or (a <= x < b and y < b):
                        # "Prezident Gürcüstan Prezidenti Mixeil Kavelaşvili": only role words stand before it
                        # … or one word, too few for a name ("Шараға Әзербайжандағы Елшісі Әлім Байел")
                        if x <= a + 1 or all(_is_role(w) or fold(w) in _NOT_NAMES for w in p[a:x].split()) \
                                or (len(p[a:x].split()) < 2 and len(p[y:b].split()) >= 2):
                            a = y
                        else:
                            b = min(b, x)
                while a < b and not p[a].isalpha():
                    a += 1
                if b - a >= 5:
                    spans.append((i, a, b))
        last_words = {paragraphs[i][a:b].split()[-1] for i, a, b in spans}
        # Latin Kazakh words are compared with the knowledge's places in Cyrillic ("Bakýde" is Бакуде).
        alphabet = scripts.kazakh_latin_alphabet(" ".join(paragraphs)) if language == "kk" else None

        def cyrillic(word: str) -> str:
            return scripts.to_cyrillic_kazakh(word, alphabet) if alphabet else word
        # Every word of the text as written: a capitalised word also written in lower case is a common noun.
        words_written = " " + " ".join(re.findall(r"[^\W\d_]+", " ".join(paragraphs))) + " "
        for i, a, b in spans:
            p = paragraphs[i]
            text = p[a:b].strip(" -–—")
            words = text.split()
            role = _role_before(p, a)
            # "Министр цифрового развития Рашад Набиев": the role words are not the name.
            while words and (fold(words[0]) in _NOT_NAMES or _is_role(words[0]) or fold(words[0]) in _ORG_WORDS):
                if _is_role(words[0]):
                    role = role or words[0]
                words.pop(0)
            # "Əminə Kosbayeva Prezident [İlham Əliyev]": a role or title after the name is not part of it.
            while len(words) > 2 and (fold(words[-1]) in _NOT_NAMES or _is_role(words[-1])):
                words.pop()
            # "Словакия Президенті Петер Пеллегрини": a role inside the run; the name is what follows it.
            inner = [k for k, w in enumerate(words[:-2]) if _is_role(w)]
            if inner:
                role = role if role and len(role.split()) <= 4 else words[inner[-1]]
                words = words[inner[-1] + 1:]
            # "Фридрих Мерцпен Берлинде": a Kazakh or Azerbaijani name's case ending is on its last word.
            if language in ("kk", "az"):
                ended = next((k for k, w in enumerate(words[1:-1], 1)
                              if names.base_turkic(w, language, set()) != w), None)
                if ended is not None:
                    words = words[:ended + 1]
            # "Tlek Kapışov Filologiya fakültəsinin": a word that begins the name of a body is not part of the name.
            if len(words) > 2 and _BODY_AFTER.match(p[b:b + 30]):
                words.pop()
            # "Aygerim Tulegenova Bakıda": a place after the name is not part of it.
            while len(words) > 2 and any(fold(words[-1]).startswith(b) or fold(cyrillic(words[-1])).startswith(b)
                                         for b in self.blocked_stems):
                words.pop()
            # "Minister of Trade and Integration Aidar Baimenov": the last words of the role are not the name;
            # nor is a capitalised word the text also writes in lower case (a common noun).
            while len(words) > 2 and (fold(words[0]) in _ORG_WORDS or f" {words[0].lower()} " in words_written):
                words.pop(0)
            # "Кеңеске Бауыржан Сейітов қатысты": a sentence's first word in a case the name is not in.
            if len(words) >= 3 and _CASE_ENDING.get(language) and _CASE_ENDING[language].search(words[0]) \
                    and not _CASE_ENDING[language].search(words[-1]) and re.search(r"(^|[.!?:»\"])\s*$", p[:a]):
                words.pop(0)
            # "Vüsal Həsənzadə Mədəniyyət Günləri": a plural that closes the run is a noun phrase after the name
            # (with its possessive ending, the word before it is its modifier).
            if language in _PLURAL and len(words) > 2 and _PLURAL[language].search(words[-1]):
                words = words[:-2] if re.search(r"(?:ı|i|ы|і)$", words[-1]) and len(words) > 3 else words[:-1]
            # "Фуад Рауф оглы Мурадов": a patronymic of the Azerbaijani kind inside the name keeps it whole
            patronymic = len(words) == 4 and re.fullmatch(r"оглы|кызы|oğlu|qızı|ogly|oglu|kyzy|gizi|оғлу|гызы", words[2], re.I)
            if len(words) > 3 and not patronymic:
                words = words[-2:]
            if len(words) >= 3 and re.search(r"\b(of|and|for|и|по|мен|və|üzrə)\s+$", p[max(0, a - 6):a]):
                words = words[-2:]
            if len(words) < 2 or len(words) > 4:
                continue
            # ("Ali" is the Azerbaijani "supreme" too, but not in a roster: "Hakimlər: Ali Palabıyık, …")
            if any(fold(w) in _NOT_NAMES or fold(w) in self.blocked or w.isupper() for w in words) and not (
                    _in_roster(p, a, b) and not any(w.isupper() or fold(w) in self.blocked for w in words)):
                continue
            if any(fold(w).startswith(_BODY_STEMS) for w in words):
                continue
            # "General Director", "Deputy Chairman": a name does not end in a role word
            # "Ağalar Atamoğlanov Anım Gününə": a named day after the name ("Müstəqillik Günü") is not part of it
            if language == "az" and words and re.fullmatch(r"günü|gününə|günündə|gününün|gününü", words[-1].lower()):
                words = words[:-2]
                if len(words) < 2:
                    continue
            # (a given name that ends like a plural, before a surname, is a name: "Ağalar Atamoğlanov")
            surname_last = bool(_SURNAMES.get(language, _SURNAMES["en"]).search(words[-1].lower()))
            if _is_role(words[-1]) or (language in _PLURAL and any(
                    _PLURAL[language].search(w) for k, w in enumerate(words) if not (k == 0 and surname_last))):
                continue

            if _credit(p, a):
                continue
            if any(_NAMED_AFTER_AFTER.match(" " + w) for w in words[1:]) or _named_after(p, a, b):
                continue
            if language != "ru":
                shape = _SURNAMES.get(language, _SURNAMES["en"])
                surname = any(shape.search(w.lower().rstrip("'’")) for w in words[1:]) or \
                    any(shape.search(names.base_turkic(w, language, set()).lower()) for w in words[1:])
                speech = _SPEECH_AFTER.match(p[b:b + 40])
                # "Giorgi Chanturia, president of GIOC", "Yurdakul Yigitguden, Turkey's undersecretary of …"
                role_after = _ROLE_AFTER.match(p[b:b + 60])
                if not (surname or role or speech or role_after or _in_roster(p, a, b)):
                    continue
                if language in ("kk", "az"):
                    base = names.base_turkic(" ".join(words), language, last_words)
                else:
                    base = names.base_english(" ".join(words))
            else:
                # The case of a preposition or a role noun right before the name ("с", "министра") is the name's.
                prev = re.search(r"([^\W\d_]+)\s*$", p[:a])
                hint = prev and (len(prev.group(1)) <= 3 or _ROLE.fullmatch(prev.group(1)))
                case = ner.case_before(prev.group(1)) if hint else None
                # A verb in the past right after the name has it for its subject: the nominative, and the
                # verb's gender is the person's ("Амина Косбаева сказала" is not Амин Косбаев's).
                verb = re.match(r" [а-яё]{3,}(л|ла)(?![а-яё])", p[b:b + 40])
                gender = None
                if verb and not case:
                    case, gender = "nomn", ("femn" if verb.group(1) == "ла" else "masc")
                elif not case and not p[:a].strip() and _ROLE_AFTER.match(p[b:b + 60]):
                    # "Сеадет Гаджиева, представитель министерства …:" opening its line: a name with its role
                    # after a comma is in the nominative, as written
                    case, gender = "nomn", ("femn" if re.search(r"(ова|ева|ёва|ина|ая)$", words[-1]) else "masc")
                base = ner.base_russian(" ".join(words), case, gender)
                # "мавзолей Ходжи Ахмеда Ясави": a name in the genitive after a place or body is its namesake.
                if base != " ".join(words) and _NAMED_AFTER_NOUN.search(p[max(0, a - 20):a]):
                    continue
            k = names.key(base, language)
            known = self.by_key.get(k)
            if known:
                if _NAMED_AFTER_NOUN.search(p[max(0, a - 20):a]):
                    continue
                if known not in found:
                    found.append(known)
                continue
            close = next((x for x in new if _same_person(x, k)), None)
            if close is not None and close != k:
                old = new[close]
                if len(base) < len(old.name):  # the nominative is usually the shortest form
                    new[k] = Person(old.id, base, names.latin(base, language), language, old.role or role,
                                    tuple(sorted({*old.paragraphs, i + 1})))
                    del new[close]
                    continue
                k = close
            self._add(new, found, k, base, language, role, i)
        for i, spans_first in firsts.items():
            if i in skip:
                continue
            for a, b in spans_first:
                p = paragraphs[i]
                if _credit(p, a):
                    continue
                base = names.base_turkic(p[a:b], language, set())
                surname, given = base.split()[:2]
                known = self.by_key.get(names.key(f"{given} {surname}", language))
                if known:
                    if known not in found:
                        found.append(known)
                    continue
                self._add(new, found, names.key(base, language), base, language, _role_before(p, a), i)
        self._single_names(paragraphs, language, skip, matches, found, new, words_written)
        return found, list(new.values())

    def _add(self, new: dict[str, Person], found: list[str], k: str, base: str, language: str,
             role: str | None, i: int) -> None:
        """Record the new person of key `k` named in paragraph `i`, or one more paragraph of one already found."""
        if k in new:
            old = new[k]
            new[k] = Person(old.id, old.name, old.latin, old.language, old.role or role,
                            tuple(sorted({*old.paragraphs, i + 1})))
            return
        latin = names.latin(base, language)
        pid = names.slug(latin) or f"person-{k[:20]}"
        if pid == "page" or self.knowledge.entity(pid) or any(x.id == pid for x in new.values()):
            pid = f"{pid}-{language}"
        new[k] = Person(pid, base, latin, language, role, (i + 1,))
        found.append(pid)

    def _single_names(self, paragraphs, language, skip, matches, found, new, words_written) -> None:
        """A person known by one name (the writer Anar, a pen-name) right after the word for what they
        are: "халық жазушысы Анар, …", "Yazıçılar Birliyinin sədri Анар, …". Not a surname of someone the
        text names in full, not a place or body, never written in lower case."""
        words_of_people = {names.key(w, language) for pid in found for w in pid.split("-")}
        words_of_people |= {names.key(w, language) for x in new.values() for w in x.name.split()}
        for pid in found:
            e = self.knowledge.entity(pid)
            if e:
                words_of_people |= {names.key(w, language) for n in e.all_names for w in n.split()}
        for i, p in enumerate(paragraphs):
            if i in skip:
                continue
            for m in _SINGLE_NAME.finditer(p):
                word, start = m.group("name"), m.start("name")
                if any(x.start <= start < x.end for x in matches[i]) or fold(word) in _NOT_NAMES \
                        or fold(word) in self.blocked or _is_role(word) or f" {word.lower()} " in words_written:
                    continue
                shape = _SURNAMES.get(language, _SURNAMES["en"])
                k = names.key(word, language)
                if shape.search(word.lower()) or k in words_of_people or len(word) < 3:
                    continue
                if k in new:
                    continue
                pid = names.slug(names.latin(word, language)) or f"person-{k[:20]}"
                if self.knowledge.entity(pid) or any(x.id == pid for x in new.values()):
                    pid = f"{pid}-{language}"
                new[k] = Person(pid, word, names.latin(word, language), language, m.group("role"), (i + 1,))
                found.append(pid)
                words_of_people.add(k)
