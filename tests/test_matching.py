"""The matcher finds names of the real knowledge base across case endings, scripts and look-alike letters."""

from __future__ import annotations

import pytest

from site_builder import knowledge, matching
from site_builder.annotate import Annotator


@pytest.fixture(scope="module")
def entities(tmp_path_factory) -> matching.Matcher:
    """The entity matcher of the built-in knowledge base (an empty content folder falls back to it)."""
    return Annotator(knowledge.load(tmp_path_factory.mktemp("empty"))).entities


def found(matcher: matching.Matcher, text: str) -> list[tuple[str, str]]:
    return [(m.key, m.text) for m in matcher.find(text)]


# (text, the one entity it names) — the whole text is the name.
INFLECTED = [
    # Russian case endings
    ("Ильхама Алиева", "ilham-aliyev"),
    ("Ильхаму Алиеву", "ilham-aliyev"),
    ("Ильхамом Алиевым", "ilham-aliyev"),
    ("Токаевым", "kassym-jomart-tokayev"),
    ("Касым-Жомарта Токаева", "kassym-jomart-tokayev"),
    ("Астане", "astana"),
    ("Астаной", "astana"),
    ("Баку", "baku"),
    ("Сумгаита", "sumgait"),
    ("Каспийского моря", "caspian-sea"),
    ("Совета безопасности ООН", "un-security-council"),
    ("Высшего межгосударственного совета", "supreme-interstate-council"),
    # Kazakh suffixes (і is U+0456)
    ("Әлиевтің", "ilham-aliyev"),
    ("Әлиевке", "ilham-aliyev"),
    ("Ильхам Гейдарұлы Әлиевке", "ilham-aliyev"),
    ("Тоқаевтың", "kassym-jomart-tokayev"),
    ("Бакуге", "baku"),
    ("Бакуға", "baku"),
    ("Бакуда", "baku"),
    ("Астанада", "astana"),
    ("Астанадағы", "astana"),
    ("ЕҚЫҰ-ға", "osce"),
    ("Біріккен Ұлттар Ұйымы Қауіпсіздік Кеңесінің", "un-security-council"),
    # Azerbaijani
    ("Bakıda", "baku"),
    ("Bakıya", "baku"),
    ("Əliyevin", "ilham-aliyev"),
    ("İlham Əliyev", "ilham-aliyev"),
    ("Tokayevi", "kassym-jomart-tokayev"),
    ("Astanada", "astana"),
    ("BMT-nin", "un"),
    # English
    ("Aliyev's", "ilham-aliyev"),
    ("Kassym-Jomart Tokayev", "kassym-jomart-tokayev"),
]


@pytest.mark.parametrize("text, key", INFLECTED, ids=[t for t, _ in INFLECTED])
def test_inflected_name_is_found_whole(entities, text, key):
    assert found(entities, text) == [(key, text)]


LOOKALIKES = [
    ("Aлиев", "ilham-aliyev"),             # Latin A
    ("Ильхам Aлиев", "ilham-aliyev"),
    ("Тokaев", "kassym-jomart-tokayev"),   # Latin o, k, a
    ("TОКАЕВ", "kassym-jomart-tokayev"),   # Latin T in capitals
    ("Бaку", "baku"),                      # Latin a
    ("Aстанe", "astana"),                  # Latin A and e
    ("Tоkayev", "kassym-jomart-tokayev"),  # Cyrillic о in a Latin word
    ("Ilham Аliyev", "ilham-aliyev"),      # Cyrillic А in a Latin word
    ("Касым–Жомарт Токаев", "kassym-jomart-tokayev"),  # en dash for the hyphen
]


@pytest.mark.parametrize("text, key", LOOKALIKES, ids=[t for t, _ in LOOKALIKES])
def test_lookalike_letters_from_the_other_script(entities, text, key):
    assert found(entities, text) == [(key, text)]


def test_fold_keeps_offsets():
    text = "Aлиев и Тokaев — İlham Əliyev, Ёлка"
    assert len(matching.fold(text)) == len(text)


LONGEST = [
    ("Совет безопасности ООН", [("un-security-council", "Совет безопасности ООН")]),
    ("резолюциями Совета безопасности ООН и Генассамблеи ООН",
     [("un-security-council", "Совета безопасности ООН"), ("un", "ООН")]),
    ("Высшего межгосударственного совета Азербайджан-Казахстан",
     [("supreme-interstate-council", "Высшего межгосударственного совета Азербайджан-Казахстан")]),
    ("Ильхам Гейдарұлы Әлиевтің", [("ilham-aliyev", "Ильхам Гейдарұлы Әлиевтің")]),
    ("Бакинского морского порта", [("baku-port", "Бакинского морского порта")]),
]


@pytest.mark.parametrize("text, expected", LONGEST, ids=[t for t, _ in LONGEST])
def test_longest_alias_wins(entities, text, expected):
    assert found(entities, text) == expected


NOT_NAMES = [
    "арасындағы",         # Kazakh "between": holds "ара", "сын" …
    "собаку",             # holds "баку"
    "Бакытжан Сапаргалиев",  # a first name that starts like Baku, not Baku
    "отгрузка нефти",     # starts like ОТГ (Organization of Turkic States)
    "реконструкция шоссе",  # starts like ШОС (SCO)
    "the scope and score of the usage",  # start like SCO and USA
    "мастана",
    "Малиева",
    "президенты встретились",
]


@pytest.mark.parametrize("text", NOT_NAMES)
def test_no_match_inside_or_at_the_start_of_other_words(entities, text):
    assert found(entities, text) == []


def test_matches_in_running_text_are_left_to_right_and_verbatim(entities):
    text = "Токаев и Ильхам Алиев встретились в Астане; Бакуге сапар, Aлиевке алғыс."
    assert found(entities, text) == [
        ("kassym-jomart-tokayev", "Токаев"), ("ilham-aliyev", "Ильхам Алиев"), ("astana", "Астане"),
        ("baku", "Бакуге"), ("ilham-aliyev", "Aлиевке"),
    ]
    for m in entities.find(text):
        assert text[m.start:m.end] == m.text
