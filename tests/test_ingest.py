"""Ingest of the five real seeds, field by field, against what a careful reader finds (/work/shared/seeds/README.md);
re-ingest never touches the editor's work; dating, language and unknown names on small texts."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
import yaml

from site_builder import content as ct
from site_builder import knowledge
from site_builder.ingest import ingest

# ---------------------------------------------------------------- the five seeds

# Sets where order carries no meaning; every item checked against the text it comes from.
EXPECTED = {
    "000_52c20af9d2dead56": dict(
        title="Поблагодарив Ильхама Алиева за традиционное гостеприимство и организацию первого Саммита СПЕКА, Касым-Жомарт Токаев…",  # the first sentence, cut at a word
        id="000-52c20af9d2dead56", date="2023-11-24", date_precision="day", language="ru",
        outlet=None, outlet_cites=None,
        topics={"politics", "transport", "energy", "culture"},
        people={"kassym-jomart-tokayev", "ilham-aliyev"},
        # Баку; Каспийского региона, Каспийское море; волоконно-оптической линии связи по дну Каспия;
        # Транскаспийского международного транспортного маршрута
        places={"baku", "caspian-sea", "caspian-fibre-optic-line", "middle-corridor"},
        # Саммита СПЕКА; Совета безопасности ООН; Высшего межгосударственного совета
        organizations={"speca", "un-security-council", "supreme-interstate-council"},
        # whole paragraphs closed by "– Касым-Жомарт Токаев" / "– Ильхам Алиев", no quotation marks
        quotes=[("kassym-jomart-tokayev", 4), ("ilham-aliyev", 6)],
        related=[], leftovers=[],
        date_words=["СПЕКА"],
    ),
    "001_7d84094cef418d8d": dict(
        title="Программу официального визита президента Казахстана Касым-Жомарт Токаева в Азербайджан продолжили переговоры глав…",  # the first sentence, cut at a word
        id="001-7d84094cef418d8d", date="2022-08-24", date_precision="day", language="ru",
        outlet="Akorda", outlet_cites=None,
        topics={"politics", "economy", "transport", "culture"},
        people={"kassym-jomart-tokayev", "ilham-aliyev", "akhmet-baitursynov"},
        # Баку; Карабаха; a street of Сумгаита named after Ахмет Байтурсынов
        places={"baku", "karabakh", "sumgait"},
        # "центра творческого развития детей" — Kazakhstan's gift, built in Karabakh
        organizations={"kurmangazy-childrens-centre"},
        # «…», – сказал глава казахстанского государства / – сказал глава государства / – предложил
        # Касым-Жомарт Токаев; – подчеркнул президент Азербайджана / – сказал Ильхам Алиев (twice)
        quotes=[("kassym-jomart-tokayev", 5), ("kassym-jomart-tokayev", 7), ("kassym-jomart-tokayev", 9),
                ("ilham-aliyev", 12), ("ilham-aliyev", 14), ("ilham-aliyev", 16)],
        related=["003-3fa965019c280142"], leftovers=[],
        date_words=["официального визита", "Декларация"],
    ),
    "002_2756a6254414e1e0": dict(
        title="21 октября в Астане с участием Президента Азербайджанской Республики Ильхама Алиева и Президента Республики Казахстан…",  # the first sentence, cut at a word
        id="002-2756a6254414e1e0", date="2025-10-21", date_precision="day", language="ru",
        outlet="Day.Az", outlet_cites="AZERTAC",
        topics={"politics", "transport", "economy", "energy", "culture", "humanitarian"},
        people={"kassym-jomart-tokayev", "ilham-aliyev", "donald-trump"},
        # Астане; Южного Кавказа; Арменией; США; Вашингтоне; Срединному коридору; Зангезурского коридора;
        # Карабахского региона; электрического кабеля по дну Каспия
        places={"astana", "south-caucasus", "armenia", "united-states", "washington", "middle-corridor",
                "zangezur-corridor", "karabakh", "caspian-power-cable"},
        organizations={"supreme-interstate-council", "intergovernmental-commission", "joint-investment-fund",
                       "kurmangazy-childrens-centre"},
        # "Президент Азербайджана Ильхам Алиев сказал:" and the speech to the end, opening "-Спасибо"
        quotes=[("ilham-aliyev", n) for n in range(4, 18)],
        related=["004-1659845da75dbc7f"], leftovers=[],
        date_words=None,
    ),
    "003_3fa965019c280142": dict(
        title="Бакуге сапар – нәтижелі сапар болды",  # the headline line
        id="003-3fa965019c280142", date="2022-08-24", date_precision="day", language="kk",
        outlet="Kazinform", outlet_cites="Akorda",
        topics={"politics", "culture", "transport"},
        people={"kassym-jomart-tokayev", "ilham-aliyev"},
        # Бакуге, БАКУ, Бакуға; "еліміздің астанасында саммит" (the CICA summit, Astana, October 2022)
        places={"baku", "astana"},
        # БҰҰ Қауіпсіздік Кеңесінің; Біріккен Ұлттар Ұйымы; ЕҚЫҰ; Түрік мемлекеттерінің ұйымы;
        # Азиядағы өзара іс-қимыл және сенім шаралары жөніндегі кеңес
        organizations={"un-security-council", "un", "osce", "organization-of-turkic-states", "cica"},
        # one «…» over paragraphs 3–9, closed by "» деп мәлімдеді Қасым-Жомарт Тоқаев"
        quotes=[("kassym-jomart-tokayev", n) for n in range(3, 10)],
        related=["001-7d84094cef418d8d"], leftovers=[10],
        date_words=["30 жыл", "үш күннен кейін"],
    ),
    "004_1659845da75dbc7f": dict(
        title="Государственный визит Президента Ильхама Алиева в Казахстан является важным событием с точки зрения дальнейшего…",  # the first sentence, cut at a word
        id="004-1659845da75dbc7f", date="2025-10-21", date_precision="day", language="ru",
        outlet="Day.Az", outlet_cites="Trend",
        topics={"politics", "transport", "economy", "energy", "culture"},
        people={"kassym-jomart-tokayev", "ilham-aliyev", "azer-garayev"},
        # Средний коридор; Зангезурский коридор; Карабаха; электрического кабеля по дну Каспия; Баку и Астана
        places={"middle-corridor", "zangezur-corridor", "karabakh", "caspian-power-cable", "baku", "astana"},
        organizations={"joint-investment-fund", "kurmangazy-childrens-centre", "supreme-interstate-council",
                       "organization-of-turkic-states"},
        # "…", - сказал политолог (twice, the first over two paragraphs); - подчеркнул он (A.Гараев)
        quotes=[("azer-garayev", 3), ("azer-garayev", 4), ("azer-garayev", 5), ("azer-garayev", 6)],
        related=["002-2756a6254414e1e0"], leftovers=[],
        date_words=None,
    ),
}
SEEDS = sorted(EXPECTED)
HEADER = re.compile(r"\A\s*date\s+\d{4}-\d{2}-\d{2}[ \t]*")


@pytest.fixture(scope="module")
def curated(tmp_path_factory, repo_root) -> Path:
    """The real seeds ingested once, for the tests that only read."""
    root = tmp_path_factory.mktemp("curated")
    report = ingest(repo_root / "seeds", root / "content")
    assert ([str(p) for p in report.problems], [str(w) for w in report.warnings]) == ([], [])
    assert sorted(report.added) == sorted(e["id"] for e in EXPECTED.values())
    return root / "content"


def read_entry(path: Path) -> tuple[dict, tuple[str, ...]]:
    """(front matter, plain paragraphs) of an entry file."""
    front, _, body, _ = ct.split_entry(path.read_text(encoding="utf-8"), path)
    return front, tuple(ct.unescape(p) for p in ct.body_paragraphs(body))


def entry(content: Path, stem: str) -> tuple[dict, tuple[str, ...]]:
    return read_entry(content / ct.DOCUMENTS / f"{EXPECTED[stem]['id']}.md")


def seed_lines(repo_root: Path, stem: str) -> list[str]:
    """The seed's non-empty lines, stripped, date header taken off: what the body must hold."""
    text = (repo_root / "seeds" / f"{stem}.txt").read_bytes().decode("utf-8-sig")
    text = HEADER.sub("", text)
    return [line.strip() for line in text.splitlines() if line.strip()]


def test_one_entry_per_seed(curated):
    assert sorted(p.name for p in (curated / ct.DOCUMENTS).iterdir()) == sorted(
        f"{e['id']}.md" for e in EXPECTED.values())


@pytest.mark.parametrize("stem", SEEDS)
@pytest.mark.parametrize("key", ["id", "title", "date", "date_precision", "language", "outlet", "outlet_cites",
                                 "related", "leftovers"])
def test_field(curated, stem, key):
    front, _ = entry(curated, stem)
    assert front[key] == EXPECTED[stem][key]


@pytest.mark.parametrize("stem", SEEDS)
def test_the_committed_content_agrees_with_a_careful_reader(repo_root, stem):
    """The repository's content/ is the reviewed ingest: the same annotations, whatever was curated since."""
    front, _ = entry(repo_root / "content", stem)
    expected = EXPECTED[stem]
    for key in ("id", "title", "date", "date_precision", "language", "outlet", "outlet_cites", "related", "leftovers"):
        assert front[key] == expected[key], key
    for key in ("topics", "people", "places", "organizations"):
        assert set(front[key]) == expected[key], key
    assert [(q["speaker"], q["paragraph"]) for q in front["quotes"]] == expected["quotes"]
    # Every topic rests on evidence quoted from the text.
    _, paragraphs = entry(repo_root / "content", stem)
    text = " ".join(" ".join(paragraphs).lower().split())
    assert set(front["topic_evidence"]) == set(front["topics"])
    for topic, words in front["topic_evidence"].items():
        assert words and all(" ".join(w.lower().split()) in text for w in words), topic


@pytest.mark.parametrize("stem", SEEDS)
@pytest.mark.parametrize("key", ["topics", "people", "places", "organizations"])
def test_id_set(curated, stem, key):
    front, _ = entry(curated, stem)
    assert len(front[key]) == len(set(front[key])), "listed twice"
    assert set(front[key]) == EXPECTED[stem][key]


def test_everything_the_readme_names_is_found(curated):
    found = {key: set() for key in ("people", "places", "organizations")}
    for stem in SEEDS:
        front, _ = entry(curated, stem)
        for key in found:
            found[key] |= set(front[key])
    assert found["people"] >= {"kassym-jomart-tokayev", "ilham-aliyev", "akhmet-baitursynov", "donald-trump",
                               "azer-garayev"}
    assert found["places"] >= {"baku", "astana", "sumgait", "karabakh", "caspian-sea", "washington", "armenia",
                               "south-caucasus", "middle-corridor", "zangezur-corridor", "caspian-power-cable",
                               "caspian-fibre-optic-line"}
    assert found["organizations"] >= {"speca", "un-security-council", "osce", "organization-of-turkic-states", "cica",
                                      "supreme-interstate-council", "joint-investment-fund",
                                      "kurmangazy-childrens-centre"}


def test_the_two_countries_are_not_listed_as_places(curated):
    for stem in SEEDS:
        front, _ = entry(curated, stem)
        assert not {"kazakhstan", "azerbaijan"} & set(front["places"])


@pytest.mark.parametrize("stem", SEEDS)
def test_date_evidence(curated, stem):
    front, paragraphs = entry(curated, stem)
    words = EXPECTED[stem]["date_words"]
    if words is None:
        assert front["date_evidence"] == "header"
        return
    evidence = front["date_evidence"]
    for word in words:
        assert word in evidence
    # Evidence is quoted from the text: each piece stands in it as written.
    for piece in evidence.split(" … "):
        assert any(piece in p for p in paragraphs), piece


@pytest.mark.parametrize("stem", SEEDS)
def test_quotes(curated, stem):
    front, paragraphs = entry(curated, stem)
    assert [(q["speaker"], q["paragraph"]) for q in front["quotes"]] == EXPECTED[stem]["quotes"]
    for q in front["quotes"]:
        assert q["text"] in paragraphs[q["paragraph"] - 1]
        # The words only: no quotation marks, no dash of attribution at either end.
        assert q["text"] == q["text"].strip(" «»\"“”„-–—,")


def test_quotes_leave_out_the_attribution(curated):
    front, _ = entry(curated, "000_52c20af9d2dead56")
    assert front["quotes"][0]["text"].endswith("по широкому спектру вопросов взаимодействия двух стран")
    assert front["quotes"][1]["text"].endswith("это отражает дух и характер отношений между нашими народами")
    front, _ = entry(curated, "002_2756a6254414e1e0")
    assert front["quotes"][0]["text"] == "Спасибо, уважаемый Касым-Жомарт Кемелевич, дорогие друзья."
    front, _ = entry(curated, "003_3fa965019c280142")
    assert front["quotes"][0]["text"].startswith("Ең алдымен, керемет қала Бакуға")
    assert front["quotes"][-1]["text"].endswith("жемісті жұмысы үшін алғыс айтқым келеді")


def test_headline_dateline_and_leftovers_of_the_kazakh_text(curated):
    front, paragraphs = entry(curated, "003_3fa965019c280142")
    assert front["title"] == "Бакуге сапар – нәтижелі сапар болды"
    assert paragraphs[1].startswith("БАКУ. ")
    assert paragraphs[front["leftovers"][0] - 1] == "Пікір қалдырыңыз"


@pytest.mark.parametrize("stem", SEEDS)
def test_body_is_the_seed_word_for_word(curated, repo_root, stem):
    _, paragraphs = entry(curated, stem)
    assert list(paragraphs) == seed_lines(repo_root, stem)


@pytest.mark.parametrize("stem", SEEDS)
def test_seed_and_its_checksum(curated, repo_root, stem):
    front, _ = entry(curated, stem)
    data = (repo_root / "seeds" / f"{stem}.txt").read_bytes()
    assert (front["seed"], front["seed_sha256"], front["seed_encoding"]) == (
        f"{stem}.txt", hashlib.sha256(data).hexdigest(), "utf-8")


def test_the_seeds_name_nobody_the_knowledge_lacks(curated):
    """Every person the five seeds name is in the knowledge base: ingest suggests no one."""
    assert "suggested: true" not in (curated / "entities.yaml").read_text(encoding="utf-8")


def test_entries_load_as_checked_content(curated):
    corpus = ct.load(curated)
    assert [d.id for d in corpus.documents] == [
        "001-7d84094cef418d8d", "003-3fa965019c280142", "000-52c20af9d2dead56",
        "002-2756a6254414e1e0", "004-1659845da75dbc7f"]


# ---------------------------------------------------------------- timeline

# (event, date, precision, {document: cited paragraphs}) in timeline order
TIMELINE_FACTS = {  # place and topics of each event
    "kz-az-diplomatic-relations-1992": (None, ["politics"]),
    "tokayev-official-visit-azerbaijan-2022": ("baku", ["politics"]),
    "speca-summit-baku-2023": ("baku", ["politics"]),
    "caspian-power-cable-agreement-2024": (None, ["energy"]),
    "washington-summit-2025": ("washington", ["politics", "security"]),
    "supreme-interstate-council-astana-2025": ("astana", ["politics"]),
}
TIMELINE = [
    ("kz-az-diplomatic-relations-1992", "1992-08-27", "day", {"003-3fa965019c280142": [5]}),
    ("tokayev-official-visit-azerbaijan-2022", "2022-08-24", "day",
     {"001-7d84094cef418d8d": [1, 18], "003-3fa965019c280142": [2, 3, 6, 9]}),
    ("speca-summit-baku-2023", "2023-11-24", "day", {"000-52c20af9d2dead56": [1, 5]}),
    ("caspian-power-cable-agreement-2024", "2024-11", "month", {"002-2756a6254414e1e0": [15]}),
    ("washington-summit-2025", "2025-08-08", "day", {"002-2756a6254414e1e0": [10]}),
    ("supreme-interstate-council-astana-2025", "2025-10-21", "day",
     {"002-2756a6254414e1e0": [1], "004-1659845da75dbc7f": [1, 5, 6]}),
]


def timeline(content: Path) -> list[dict]:
    return yaml.safe_load((content / ct.TIMELINE).read_text(encoding="utf-8"))["events"]


def test_timeline_events(curated):
    got = [(e["id"], e["date"], e["date_precision"], {s["document"]: s["paragraphs"] for s in e["sources"]})
           for e in timeline(curated)]
    assert got == TIMELINE
    for e in timeline(curated):
        assert e["documents"] == [s["document"] for s in e["sources"]]
        assert (e["place"], e["topics"]) == TIMELINE_FACTS[e["id"]], e["id"]
        # Titles in all four languages, summaries in English and Russian at least.
        assert set(e["title"]) == {"en", "ru", "kk", "az"} and all(e["title"].values())
        assert {"en", "ru"} <= set(e["summary"]) and all(e["summary"].values())


@pytest.mark.parametrize("date, documents", [
    ("2022-08-24", ["001-7d84094cef418d8d", "003-3fa965019c280142"]),
    ("2025-10-21", ["002-2756a6254414e1e0", "004-1659845da75dbc7f"]),
])
def test_two_accounts_share_one_event(curated, date, documents):
    events = [e for e in timeline(curated) if e["date"] == date]
    assert [sorted(e["documents"]) for e in events] == [documents]


def test_each_document_reports_the_event_of_its_own_date(curated):
    events = timeline(curated)
    for stem in SEEDS:
        front, paragraphs = entry(curated, stem)
        own = [e for e in events if front["id"] in e["documents"] and e["date"] == front["date"]]
        assert len(own) == 1
        cited = [n for e in events for s in e["sources"] if s["document"] == front["id"] for n in s["paragraphs"]]
        assert cited and all(1 <= n <= len(paragraphs) for n in cited)


# ---------------------------------------------------------------- re-ingest

def snapshot(content: Path) -> dict[str, bytes]:
    return {str(p.relative_to(content)): p.read_bytes() for p in sorted(content.rglob("*")) if p.is_file()}


def test_ingest_twice_gives_the_same_bytes(fresh_content, run_cli):
    before = snapshot(fresh_content)

    code, stdout, stderr = run_cli(["ingest", "--quiet", "--seeds", "seeds", "--content", "content"], fresh_content.parent)

    assert (code, stdout, stderr) == (0, "ingest: 0 added, 5 unchanged, 0 changed and kept, 0 refused -> content/\n", "")
    assert snapshot(fresh_content) == before


def test_hand_edits_survive_a_second_ingest(fresh_content):
    path = fresh_content / ct.DOCUMENTS / "001-7d84094cef418d8d.md"
    front, _, body, _ = ct.split_entry(path.read_text(encoding="utf-8"), path)
    front["title"] = "Токаев в Баку: переговоры и Декларация"
    front["topics"].remove("economy")
    path.write_text(ct.format_entry(front, ct.body_paragraphs(body)), encoding="utf-8")
    before = snapshot(fresh_content)

    report = ingest(fresh_content.parent / "seeds", fresh_content)

    assert (report.added, report.changed, len(report.unchanged)) == ([], [], 5)
    assert snapshot(fresh_content) == before
    front, _ = read_entry(path)
    assert front["title"] == "Токаев в Баку: переговоры и Декларация"
    assert front["topics"] == ["politics", "transport", "culture"]


def test_new_seed_joins_while_old_entries_stay(tmp_path, repo_root):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for stem in SEEDS[:4]:
        shutil.copyfile(repo_root / "seeds" / f"{stem}.txt", seeds / f"{stem}.txt")
    content = tmp_path / "content"
    ingest(seeds, content)
    before = snapshot(content)
    shutil.copyfile(repo_root / "seeds" / "004_1659845da75dbc7f.txt", seeds / "004_1659845da75dbc7f.txt")

    report = ingest(seeds, content)

    assert (report.added, len(report.unchanged), report.problems) == (["004-1659845da75dbc7f"], 4, [])
    after = snapshot(content)
    assert {k: v for k, v in after.items() if k.startswith("documents/") and "004-" not in k} == {
        k: v for k, v in before.items() if k.startswith("documents/")}
    front, _ = entry(content, "004_1659845da75dbc7f")
    assert front["related"] == ["002-2756a6254414e1e0"]
    event = next(e for e in timeline(content) if e["id"] == "supreme-interstate-council-astana-2025")
    assert event["documents"] == ["002-2756a6254414e1e0", "004-1659845da75dbc7f"]
    assert {s["document"]: s["paragraphs"] for s in event["sources"]} == TIMELINE[-1][3]
    # Events already there keep what they had.
    old = {e["id"]: e for e in yaml.safe_load(before[ct.TIMELINE])["events"]}
    for e in timeline(content):
        if e["id"] in old and e["id"] != event["id"]:
            assert e == old[e["id"]]


def test_changed_seed_is_reported_and_its_entry_kept(fresh_content, run_cli):
    seed = fresh_content.parent / "seeds" / "000_52c20af9d2dead56.txt"
    seed.write_bytes(seed.read_bytes() + "Дополнение редакции.\n".encode("utf-8"))
    before = snapshot(fresh_content)

    code, stdout, stderr = run_cli(["ingest", "--quiet", "--seeds", "seeds", "--content", "content"], fresh_content.parent)

    assert code == 0
    assert stdout == "ingest: 0 added, 4 unchanged, 1 changed and kept, 0 refused -> content/\n"
    assert stderr.splitlines() == [
        "warning: seeds/000_52c20af9d2dead56.txt: text changed since it was ingested; "
        "documents/000-52c20af9d2dead56.md kept as it is (delete that entry to ingest the new text)"]
    assert snapshot(fresh_content) == before


def test_empty_content_folder_gets_the_knowledge_files(tmp_path, repo_root):
    report = ingest(repo_root / "seeds", tmp_path / "content")

    assert sorted(p.name for p in report.defaults_written) == [
        "calendar.yaml", "entities.yaml", "offices.yaml", "outlets.yaml", "topics.yaml"]
    for name in knowledge.KNOWLEDGE_FILES:
        assert (tmp_path / "content" / name).read_text(encoding="utf-8") == knowledge.default_text(name)


def test_the_projects_content_holds_the_built_in_knowledge(repo_root):
    # A new text saved into this project's seeds/ is read with what the annotator knows today: the
    # knowledge files of content/ (which ingest never overwrites) are kept equal to the built-in ones.
    for name in knowledge.KNOWLEDGE_FILES:
        assert (repo_root / "content" / name).read_text(encoding="utf-8") == knowledge.default_text(name), name


def test_knowledge_files_of_the_editor_are_kept(tmp_path, repo_root):
    content = tmp_path / "content"
    content.mkdir()
    edited = knowledge.default_text("topics.yaml") + "# edited by hand\n"
    (content / "topics.yaml").write_text(edited, encoding="utf-8")

    report = ingest(repo_root / "seeds", content)

    assert sorted(p.name for p in report.defaults_written) == [
        "calendar.yaml", "entities.yaml", "offices.yaml", "outlets.yaml"]
    assert (content / "topics.yaml").read_text(encoding="utf-8") == edited


# ---------------------------------------------------------------- small texts: dates, language, names

SAMPLES = {
    "nodate": "Президент Казахстана Касым-Жомарт Токаев провел переговоры с президентом Азербайджана Ильхамом "
              "Алиевым.\nСтороны обсудили транспорт и энергетику.\n",
    "month": "В октябре 2025 года в Астане прошли переговоры Токаева и Алиева.\n"
             "Стороны обсудили торговлю и инвестиции.\n",
    "year": "В 2024 году Казахстан и Азербайджан увеличили товарооборот.\nОб этом сообщили в правительстве.\n",
    "ru-day": "12 марта 2024 года Касым-Жомарт Токаев провел телефонный разговор с Ильхамом Алиевым.\n"
              "Стороны обсудили Средний коридор.\n",
    "numeric": "Встреча состоялась 12.03.2024 в Баку.\nСтороны обсудили Средний коридор.\n",
    "en": "On 12 March 2024, President Kassym-Jomart Tokayev met President Ilham Aliyev in Baku.\n"
          "The leaders discussed trade, transport and energy cooperation.\n",
    "kk": "2024 жылғы 12 наурызда Қасым-Жомарт Тоқаев Ильхам Әлиевпен телефон арқылы сөйлесті.\n"
          "Тараптар Орта дәлізді дамыту мәселесін талқылады.\n",
    "az": "12 mart 2024-cü il tarixində Prezident İlham Əliyev Bakıda Qazaxıstan Prezidenti Kasım-Jomart "
          "Tokayevi qəbul edib.\nGörüşdə iqtisadi əməkdaşlıq, nəqliyyat və enerji məsələləri müzakirə olunub.\n",
    "year-in-speech": "Касым-Жомарт Токаев напомнил, что в 2022 году товарооборот вырос на треть.\n"
                      "Стороны обсудили Средний коридор.\n",
    "az-day": "2025-ci il oktyabrın 21-də Astanada Qazaxıstan ilə Azərbaycan arasında Ali Dövlətlərarası Şuranın "
              "ikinci iclası keçirilib.\nTərəflər nəqliyyat və enerji əməkdaşlığını müzakirə ediblər.\n",
    "petrov": "Президент Казахстана Касым-Жомарт Токаев встретился в Баку с Ильхамом Алиевым 5 мая 2024 года.\n"
              "В переговорах участвовал министр Иван Петров.\n",
    "dateline-year": "БАКУ, 5 марта – Trend. Азербайджан и Казахстан обсудили транзит грузов.\n"
                     "По итогам 2024 года товарооборот вырос на треть.\n",
    "said-before": "5 мая 2024 года в Баку состоялись переговоры. Президент Азербайджана Ильхам Алиев отметил: "
                   "«Казахстан и Азербайджан – братские страны». Стороны обсудили Средний коридор.\n"
                   "At the briefing Kassym-Jomart Tokayev said: \"We will build the Middle Corridor together\".\n",
    "weekday": "В среду, 24 августа, Касым-Жомарт Токаев провел переговоры с Ильхамом Алиевым в Баку.\n"
               "Стороны подписали программу сотрудничества на 2022 год.\n",
    "cable-2025": " date 2025-03-01\nКазахстан и Азербайджан обсудили энергетику. В ноябре прошлого года было подписано "
                  "соглашение о строительстве электрического кабеля по дну Каспия.\n",
    "cable-2024": " date 2024-12-10\nКазахстан и Азербайджан обсудили энергетику и связь. В ноябре прошлого года было "
                  "подписано соглашение о строительстве электрического кабеля по дну Каспия.\n",
    "cable-2019": " date 2019-05-01\nКазахстан и Азербайджан обсудили энергетическое сотрудничество. В ноябре прошлого года было подписано "
                  "соглашение о строительстве электрического кабеля по дну Каспия.\n",
    "foreign": "Президент Казахстана Касым-Жомарт Токаев встретился в Баку с Ильхамом Алиевым 5 мая 2024 года.\n"
               "Ранее президент Франции Эммануэль Макрон обсуждал Средний коридор. Антониу Гутерриш заявил, что "
               "поддерживает проект.\n"
               "Встречу с премьер-министром Индии Нарендрой Моди отложили. Стороны посетили Каспийское море.\n",
    "foreign-en": "On 5 May 2024 President Kassym-Jomart Tokayev met President Ilham Aliyev in Baku.\n"
                  "Earlier, President Joe Biden discussed the Middle Corridor. Olaf Scholz said he supports it.\n"
                  "The Middle Corridor crosses the Caspian Sea.\n",
}


@pytest.fixture(scope="module")
def samples(tmp_path_factory):
    """The sample texts ingested together: (content folder, warnings as (seed file, message))."""
    root = tmp_path_factory.mktemp("samples")
    (root / "seeds").mkdir()
    for name, text in SAMPLES.items():
        (root / "seeds" / f"{name}.txt").write_text(text, encoding="utf-8")
    report = ingest(root / "seeds", root / "content")
    assert report.problems == []
    return root / "content", [(Path(w.path).name, w.message) for w in report.warnings]


def sample(samples, name: str) -> dict:
    content, _ = samples
    front, _ = read_entry(content / ct.DOCUMENTS / f"{name}.md")
    return front


@pytest.mark.parametrize("name, date, precision, evidence", [
    ("nodate", None, None, "no date found in the text"),
    ("month", "2025-10", "month", "октябре 2025"),
    ("year", "2024", "year", "В 2024 году"),
    ("ru-day", "2024-03-12", "day", "12 марта 2024"),
    ("numeric", "2024-03-12", "day", "12.03.2024"),
    ("en", "2024-03-12", "day", "12 March 2024"),
    ("kk", "2024-03-12", "day", "2024 жылғы 12 наурызда"),
    ("az", "2024-03-12", "day", "12 mart 2024"),
    ("az-day", "2025-10-21", "day", "2025-ci il oktyabrın 21-də"),
    ("year-in-speech", None, None, "no date found in the text"),
])
def test_date_of_a_text(samples, name, date, precision, evidence):
    front = sample(samples, name)
    assert (front["date"], front["date_precision"], front["date_evidence"]) == (date, precision, evidence)


def test_undated_text_is_a_warning(samples):
    _, warnings = samples
    assert [w for w in warnings if "date" in w[1]] == [
        # "Президент Казахстана Касым-Жомарт Токаев": the text is of his term (from 20 March 2019).
        ("nodate.txt", "no date found in the text (the offices it names allow 2019-03-20 to now); "
                       "set date and date_precision by hand"),
        ("year-in-speech.txt", "no date found in the text; set date and date_precision by hand")]


def test_an_undated_text_records_the_range_its_offices_allow(samples):
    front = sample(samples, "nodate")
    assert front["date"] is None
    assert front["date_range"]["from"] == "2019-03-20" and front["date_range"]["to"] is None
    assert "Президент Казахстана Касым-Жомарт Токаев" in front["date_range"]["evidence"]


@pytest.mark.parametrize("name, language", [
    ("nodate", "ru"), ("en", "en"), ("kk", "kk"), ("az", "az"), ("year", "ru")])
def test_language_of_a_text(samples, name, language):
    assert sample(samples, name)["language"] == language


@pytest.mark.parametrize("name", ["en", "az"])
def test_latin_script_texts_name_the_same_people(samples, name):
    front = sample(samples, name)
    assert (set(front["people"]), front["places"]) == ({"kassym-jomart-tokayev", "ilham-aliyev"}, ["baku"])


def suggested(content) -> dict[str, dict]:
    data = yaml.safe_load((content / "entities.yaml").read_text(encoding="utf-8"))
    return {e["id"]: e for e in data["entities"] if e.get("suggested")}


def test_unknown_person_is_suggested(samples):
    """A person the knowledge lacks is listed in the document's people and suggested in entities.yaml,
    with the name's base form, a Latin spelling, the role the text gives and the document."""
    content, _ = samples
    front = sample(samples, "petrov")
    assert set(front["people"]) == {"kassym-jomart-tokayev", "ilham-aliyev", "ivan-petrov"}
    entity = suggested(content)["ivan-petrov"]
    assert entity["name"] == {"ru": "Иван Петров", "en": "Ivan Petrov"}
    assert entity["description"] == {"ru": "министр"}
    assert entity["documents"] == ["petrov"]
    assert ct.load(content).documents  # the suggested people make the entries check


@pytest.mark.parametrize("name, expected", [
    ("foreign", {"emmanuel-makron": "Эммануэль Макрон", "antoniu-guterrish": "Антониу Гутерриш",
                 "narendra-modi": "Нарендра Моди"}),
    ("foreign-en", {"joe-biden": "Joe Biden", "olaf-scholz": "Olaf Scholz"}),
])
def test_unknown_people_of_any_origin_are_suggested(samples, name, expected):
    """A title before the name or a verb of speech after it tells a person, whatever the name's form;
    a Russian name in another case ("с Нарендрой Моди") is suggested in its base form."""
    content, _ = samples
    front = sample(samples, name)
    assert set(front["people"]) == {"kassym-jomart-tokayev", "ilham-aliyev", *expected}
    found = suggested(content)
    lang = "en" if name.endswith("-en") else "ru"
    assert {i: found[i]["name"][lang] for i in expected} == expected


def test_a_quotation_introduced_before_its_marks_has_its_speaker(samples):
    front = sample(samples, "said-before")
    assert front["quotes"] == [
        {"speaker": "ilham-aliyev", "text": "Казахстан и Азербайджан – братские страны", "paragraph": 1},
        {"speaker": "kassym-jomart-tokayev", "text": "We will build the Middle Corridor together", "paragraph": 2},
    ]


def test_a_weekday_and_a_day_date_the_text_in_the_year_it_names(samples):
    front = sample(samples, "weekday")
    assert (front["date"], front["date_precision"], front["date_evidence"]) == ("2022-08-24", "day", "среду, 24 августа")


# 2024: a year before, so the month is November 2023; 2019: five years before the agreement.
@pytest.mark.parametrize("name, expected", [("cable-2025", True), ("cable-2024", False), ("cable-2019", False)])
def test_last_year_is_counted_from_the_text_s_own_date(samples, name, expected):
    """"В ноябре прошлого года" in a 2025 text is November 2024, the cable agreement; in a 2019 text it is not."""
    content, _ = samples
    events = yaml.safe_load((content / "timeline.yaml").read_text(encoding="utf-8"))["events"]
    cable = [e for e in events if e["id"] == "caspian-power-cable-agreement-2024"]
    assert (bool(cable) and name in cable[0]["documents"]) == expected


def test_a_year_read_from_elsewhere_in_the_text_is_marked_low_confidence(samples):
    """"БАКУ, 5 марта – Trend." with 2024 named further on: 5 March 2024, for the editor to confirm."""
    front = sample(samples, "dateline-year")
    assert (front["date"], front["date_precision"], front["date_confidence"]) == ("2024-03-05", "day", "low")
    assert front["outlet"] == "Trend"
    assert "date_confidence" not in sample(samples, "ru-day")


def test_the_command_line_says_how_many_people_it_suggested(tmp_path, monkeypatch, capsys):
    from site_builder.cli import main

    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "a.txt").write_text(
        "5 мая 2024 года в Баку министр транспорта Иван Петров встретился с коллегами.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["ingest"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == ("ingest: 1 people suggested in content/entities.yaml "
                       "(confirm or delete them; `site-builder review` lists them)")
