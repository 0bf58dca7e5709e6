"""Fuzzing: generated front matter, seeds and timelines fed to `check`, `ingest` and `build`.

The property: exit 0, or exit 1 with every error line naming a file of the project (and a line
where one applies) — never a traceback, a hang, a file written outside its folder, or a
half-written entry. The examples are derandomized and bounded so the suite stays quick;
SITE_BUILDER_FUZZ_EXAMPLES=2000 python -m pytest tests/test_fuzz.py runs a longer search.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import shutil
import signal
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, example, given, settings
from hypothesis import strategies as st

from site_builder import cli
from site_builder import content as ct
from site_builder import yamlio
from site_builder.errors import UserError

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "site_small"
LONG_RUN = int(os.environ.get("SITE_BUILDER_FUZZ_EXAMPLES", "0"))
HANG_SECONDS = 60 if LONG_RUN else 30


def fuzz(examples: int):
    """Fixed seed, `examples` examples (more under SITE_BUILDER_FUZZ_EXAMPLES), no time limit per example."""
    # No shrinking: a failure prints its example as generated (reproduce it with @example).
    return settings(max_examples=LONG_RUN or examples, derandomize=True, deadline=None, database=None,
                    phases=(Phase.explicit, Phase.generate), suppress_health_check=list(HealthCheck),
                    print_blob=True)


# ---------------------------------------------------------------- running the command line

ERROR_LINE = re.compile(r"^(?:error: )?(?P<path>[^:\n]+?)(?::(?P<line>\d+))?: \S")


class Hang(Exception):
    pass


def _alarm(signum, frame):
    raise Hang(f"no answer after {HANG_SECONDS} s")


def run(args: list[str], cwd: Path) -> tuple[int, str, str]:
    """`site-builder *args` in-process in `cwd`: (exit code, stdout, stderr). An exception escapes."""
    out, err = io.StringIO(), io.StringIO()
    previous = os.getcwd()
    os.chdir(cwd)
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(HANG_SECONDS)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = cli.main([str(a) for a in args])
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)
        os.chdir(previous)
    return code, out.getvalue(), err.getvalue()


def files_of(root: Path) -> set[str]:
    return {str(p.relative_to(root)) for p in root.rglob("*") if p.is_file() or p.is_symlink()}


def assert_clean(code: int, out: str, err: str, project: Path, command: str, written: tuple[str, ...] = ()) -> None:
    """The property, for one run of `command` in `project`."""
    assert "Traceback" not in out + err, err
    assert code in (0, 1), f"{command}: exit {code}\n{out}\n{err}"
    if code == 1:
        lines = [line for line in (err + out).splitlines()
                 if line.startswith("error: ") or (command == "check" and not line.startswith(("check:", "warning:")))]
        assert lines, f"{command}: exit 1 without an error line\n{out}\n{err}"
        for line in lines:
            m = ERROR_LINE.match(line)
            assert m, f"{command}: not a 'file[:line]: message' line: {line!r}"
            path = project / m.group("path")
            assert path.exists() and path.resolve().is_relative_to(project.resolve()), \
                f"{command}: names no file of the project: {line!r}"


def entries_whole(content: Path) -> None:
    """No temporary file left, every entry complete: front matter closed, text ending with a newline."""
    docs = content / ct.DOCUMENTS
    if not docs.is_dir():
        return
    leftovers = [p.name for p in docs.iterdir() if p.name.endswith(".tmp")]
    assert not leftovers, leftovers
    for path in docs.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        assert text.endswith("\n") and text.count("\n---\n") >= 1, f"{path.name} is not whole"


@contextlib.contextmanager
def project_copy():
    """A fresh copy of the small fixture site in a sandbox folder; yields (sandbox, project)."""
    sandbox = Path(tempfile.mkdtemp(prefix="fuzz-"))
    try:
        project = sandbox / "site"
        shutil.copytree(FIXTURE, project)
        shutil.copytree(ROOT / "templates", project / "templates")
        (sandbox / "outside").mkdir()
        yield sandbox, project
    finally:
        shutil.rmtree(sandbox, ignore_errors=True)


def check_and_build(sandbox: Path, project: Path, build: bool = True) -> None:
    """`check`, then `build` when check passed: both clean, nothing written but output/."""
    before = files_of(sandbox)
    code, out, err = run(["check"], project)
    assert_clean(code, out, err, project, "check")
    assert files_of(sandbox) == before, "check wrote files"
    if code == 0 and build:
        code, out, err = run(["build"], project)
        assert_clean(code, out, err, project, "build")
        # A content problem check did not see is a build failure only if the templates fail on it.
        if code == 0:
            assert (project / "output" / "index.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
        # Beside output/, the parse cache (site_builder.cache).
        extra = {p for p in files_of(sandbox) - before if not p.startswith(("site/output/", "site/.site-builder-cache/"))}
        assert not extra, f"build wrote outside output/: {sorted(extra)[:5]}"
        assert not [p for p in os.listdir(project) if p.startswith(".output")], "staging folder left behind"


# ---------------------------------------------------------------- values

SPECIAL_TEXT = [
    "", " ", "\x00", "a\x00b", "\x01\x02\x1b[31m", "\u200b\u200e\u202e", "\ufeff", "Бакуге сапар — Əliyev ğ ş",
    "Қазақстан Әзірбайжан 中文 עברית العربية 🇰🇿", "<script>alert(1)</script>", "{{ 7 * 7 }}{% raw %}",
    "../../../etc/passwd", "C:\\Windows", "---", "- a\n- b", "\n\n\n", "x" * 10_000, "ẞ" * 3000,
    "2022-02-30", "2022-13", "9999-12-31", "0000", "-1", "nan", "NULL", "~", "yes", "on", "&amp;", "</script>",
]
TEXT = st.one_of(
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
    st.sampled_from(SPECIAL_TEXT),
)
SCALARS = st.one_of(
    st.none(), st.booleans(), TEXT,
    st.integers(min_value=-(10 ** 40), max_value=10 ** 40),
    st.floats(allow_nan=True, allow_infinity=True),
)
YAML_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4),
                            st.dictionaries(st.one_of(TEXT, st.integers(), st.booleans()), inner, max_size=4)),
    max_leaves=12,
)
KEYS = st.one_of(st.sampled_from(ct.FRONT_KEYS), st.sampled_from(["tpoics", "reviewed", "date_range", "Title"]), TEXT)


def _dump(data) -> str:
    return yamlio.dump(data)


# Whole front matters written by hand: what a generated value cannot produce.
RAW_FRONT = [
    # An alias bomb: nine levels of nine aliases expand to 387 million strings.
    "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))
    + "title: *i\n",
    "title: " + "[" * 5000 + "]" * 5000 + "\n",
    "title: " + "{a: " * 3000 + "x" + "}" * 3000 + "\n",
    "title: !!python/object/apply:os.system ['touch /tmp/pwned']\n",
    "topics: !!set {energy: null}\n",
    "title: !!binary aGVsbG8=\n",
    "title: !custom x\n",
    "? [a, b]\n: c\n",
    "title: x\ntitle: y\n",
    "<<: {title: merged}\n",
    "title: 'unclosed\n",
    "\t- tab\n",
    "date: 2022-08-24T10:00:00Z\ndate_precision: day\n",
    "date: 2022-08-24 10:00:00\n",
    "quotes: [{speaker: [a], text: x}]\n",
    "quotes: [{speaker: {a: 1}, text: x, paragraph: 1}]\n",
    "leftovers: [true]\n",
    "quotes: [{speaker: ilham-aliyev, text: Green, paragraph: 1.5}]\n",
    "language: [en]\n",
    "topics: [[energy]]\n",
    "id: [x]\n",
]


def _front_and_body(path: Path) -> tuple[dict, str]:
    front, _, body, _ = ct.split_entry(path.read_text(encoding="utf-8"), path)
    return dict(front), body


@st.composite
def entries(draw) -> str:
    """The text of an entry file: the fixture's entry with some fields changed, or a raw front matter."""
    front, body = _front_and_body(FIXTURE / "content" / "documents" / "en-cable-2024.md")
    if draw(st.integers(0, 5)) == 0:
        raw = draw(st.one_of(st.sampled_from(RAW_FRONT), TEXT))
        head = _dump({k: v for k, v in front.items() if k not in yamlio.parse(raw, "x")}) \
            if _is_mapping(raw) else ""
        return f"---\n{head}{raw}\n---\n\n{body}"
    for _ in range(draw(st.integers(1, 3))):
        key = draw(KEYS)
        if draw(st.integers(0, 4)) == 0:
            front.pop(key, None)
        else:
            front[key] = draw(YAML_VALUES)
    if draw(st.integers(0, 6)) == 0:
        body = draw(st.one_of(TEXT, st.sampled_from(["", "x" * 1_000_000, "Баку\n\n" * 2000])))
    return f"---\n{_dump(front)}---\n\n{body}\n"


def _is_mapping(raw: str) -> bool:
    try:
        return isinstance(yamlio.parse(raw, "x"), dict)
    except UserError:
        return False


# ---------------------------------------------------------------- front matter

@pytest.mark.parametrize("raw", RAW_FRONT, ids=range(len(RAW_FRONT)))
def test_hand_written_front_matter_is_checked_cleanly(raw):
    front, body = _front_and_body(FIXTURE / "content" / "documents" / "en-cable-2024.md")
    with project_copy() as (sandbox, project):
        keep = _dump({k: v for k, v in front.items() if not _is_mapping(raw) or k not in yamlio.parse(raw, "x")})
        (project / "content/documents/en-cable-2024.md").write_text(f"---\n{keep}{raw}---\n\n{body}", encoding="utf-8")
        check_and_build(sandbox, project)
    assert not Path("/tmp/pwned").exists()


@fuzz(50)
@given(text=entries())
def test_generated_front_matter_gives_success_or_user_errors(text):
    with project_copy() as (sandbox, project):
        (project / "content/documents/en-cable-2024.md").write_text(text, encoding="utf-8")
        check_and_build(sandbox, project, build=False)


@fuzz(6)
@given(text=entries())
def test_generated_front_matter_builds_or_is_refused(text):
    with project_copy() as (sandbox, project):
        (project / "content/documents/en-cable-2024.md").write_text(text, encoding="utf-8")
        check_and_build(sandbox, project, build=True)


# ---------------------------------------------------------------- timeline

@st.composite
def timelines(draw) -> str:
    data = yaml.safe_load((FIXTURE / "content" / "timeline.yaml").read_text(encoding="utf-8"))
    choice = draw(st.integers(0, 5))
    if choice == 0:
        return draw(st.one_of(TEXT, st.sampled_from(RAW_FRONT)))
    if choice == 1:
        data = {"events": draw(YAML_VALUES)}
    else:
        for _ in range(draw(st.integers(1, 3))):
            event = draw(st.sampled_from(data["events"]))
            key = draw(st.one_of(st.sampled_from(sorted(event)), TEXT))
            if key == "sources" and draw(st.booleans()):
                event["sources"] = [{"document": draw(st.one_of(TEXT, st.sampled_from(["ru-visit-2022"]))),
                                     "paragraphs": draw(YAML_VALUES)}]
            else:
                event[key] = draw(YAML_VALUES)
    return _dump(data)


@fuzz(25)
@given(text=timelines())
def test_generated_timeline_gives_success_or_user_errors(text):
    with project_copy() as (sandbox, project):
        (project / "content/timeline.yaml").write_text(text, encoding="utf-8")
        check_and_build(sandbox, project, build=False)
        # ingest adds a new seed's events to it, or refuses to touch it.
        shutil.copyfile(project / "seeds/ru-visit-2022.txt", project / "seeds/ru-copy.txt")
        (project / "seeds/ru-copy.txt").write_text(
            (project / "seeds/ru-visit-2022.txt").read_text(encoding="utf-8") + "\nЕщё строка.\n", encoding="utf-8")
        before = (project / "content/timeline.yaml").read_bytes()
        code, out, err = run(["ingest"], project)
        assert_clean(code, out, err, project, "ingest")
        if code == 1:
            assert (project / "content/timeline.yaml").read_bytes() == before


# ---------------------------------------------------------------- seeds

MARKS = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff", b"\xef\xbb\xbf\xef\xbb\xbf"]
CODECS = ["utf-8", "utf-16-le", "utf-16-be", "utf-32", "cp1251", "koi8_r", "latin-1", "cp866"]
SEED_TEXT = st.lists(st.one_of(TEXT, st.sampled_from([
    " date 2022-08-24", " date 2022-02-30", "date 99999", "Астана, 24 августа. Касым-Жомарт Токаев прибыл в Баку.",
    "Бакуге сапар – нәтижелі сапар болды", "İlham Əliyev Qazaxıstana səfər edib.", "“Quoted words,” he said.",
])), min_size=0, max_size=8).map("\n".join)


@st.composite
def seed_bytes(draw) -> bytes:
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(st.binary(max_size=400))
    text = draw(SEED_TEXT)
    codec = draw(st.sampled_from(CODECS))
    data = text.encode(codec, errors="replace")
    if kind == 2:
        data = draw(st.sampled_from(MARKS)) + data
    if kind == 3 and draw(st.integers(0, 3)) == 0:
        data = data + b"\n" + draw(st.sampled_from(["a", "Ә", " ", "я "])).encode("utf-8") * 1_000_000
    return data


def ingest_clean(sandbox: Path, project: Path) -> None:
    before = files_of(sandbox)
    code, out, err = run(["ingest"], project)
    assert_clean(code, out, err, project, "ingest")
    extra = {p for p in files_of(sandbox) - before if not p.startswith("site/content/")}
    assert not extra, f"ingest wrote outside content/: {sorted(extra)[:5]}"
    entries_whole(project / "content")
    # What ingest wrote, check accepts: the editor can build right away.
    code, out, err = run(["check"], project)
    assert_clean(code, out, err, project, "check")
    assert code == 0, f"ingest wrote content that check refuses:\n{out}"


@fuzz(30)
@given(data=seed_bytes())
@example(data=b"\xef\xbb\xbf" + "Баку ".encode("utf-8") * 200_000)
@example(data=("Астана. " + "Токаев " * 150_000 + "\n") .encode("utf-8"))
@example(data=b"\xff\xfe" + "Қазақстан Әзірбайжан\n".encode("utf-16-le"))
@example(data=b"\r\r\r" + "\u2028x\u2029y\x85z\x0b\x0c".encode("utf-8"))
def test_generated_seed_gives_success_or_user_errors(data):
    with project_copy() as (sandbox, project):
        (project / "seeds" / "new-seed.txt").write_bytes(data)
        ingest_clean(sandbox, project)
