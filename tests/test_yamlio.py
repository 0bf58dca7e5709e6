"""yamlio.parse reads with libyaml where it can, and gives exactly what PyYAML's own loader gives.

libyaml accepts a few texts PyYAML refuses, and reads a few otherwise; each such case is here,
with a pile of tricky ones, and a seeded random differential run: for every text, parse() must
give the values (with every line number) or the error line that the pure loader gives.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from site_builder import content as ct
from site_builder import yamlio
from site_builder.errors import UserError

ROOT = Path(__file__).resolve().parent.parent
needs_libyaml = pytest.mark.skipif(yamlio._CLoader is None, reason="PyYAML built without libyaml")


def shape(value):
    """A value with the line numbers it carries, comparable with ==."""
    if isinstance(value, yamlio.LineDict):
        return ("map", value.line, [(shape(k), shape(v), value.key_lines[k]) for k, v in value.items()])
    if isinstance(value, yamlio.LineList):
        return ("seq", value.line, [shape(v) for v in value], list(value.item_lines))
    if isinstance(value, float) and value != value:
        return "nan"
    return (type(value).__name__, value)


def pure(text: str, first_line: int = 1):
    """What today's loader (PyYAML's pure Python one) makes of `text`: values, or the error line."""
    try:
        return shape(yamlio._parse_pure(text, "f.yaml", first_line))
    except UserError as e:
        return ("error", str(e))


def parsed(text: str, first_line: int = 1):
    try:
        return shape(yamlio.parse(text, "f.yaml", first_line))
    except UserError as e:
        return ("error", str(e))


def fast(text: str):
    """libyaml's reading of `text`, or None where parse() leaves it to the pure loader."""
    value = yamlio._fast(text)
    return None if value is yamlio._PURE else shape(value)


# Texts libyaml reads and PyYAML refuses or reads otherwise: parse() must leave each to PyYAML.
LIBYAML_DIFFERS = [
    "a:\tb", "a: b\t", "a:\t\n  b", "[a,\tb]", "{a:\tb}", "a: [\tb]",  # a tab between tokens
    "[a?b]", "{a?b: c}", "[x, a?]", "k: {.\u00a0x?|2}",                  # '?' in a plain scalar of a flow collection
    "[!!str,a]", "a: !",                                                 # tags: ended by ',', and empty
    "|#", "|-#", ">+#x", "|2#\n  text", "a: >#\n  text",                 # a comment glued to a block scalar header
]

TRICKY = [
    "a: b\r\nc: d", "a: b\rc: d", "a: b\x85c: d", "a: b\u2028c: d", "a: b\u2029c", "\ufeffa: b", "a: \ufeffb",
    "%YAML 1.1\n---\na: b", "%YAML 1.2\n---\na: b", "%YAML 2.0\n---\na: b", "%FOO bar\n---\na",
    "%TAG !e! tag:e.com,2000:\n---\na: !e!x b", "[a, ?b]", "[? a]", "[? a : b]", "{? a}", "? a\n: b", "? [a]\n: b",
    "[a:b]", "{a:b}", "{a:1}", '{"a":b}', "['a':b]", "[http://x.y]", "{a: b:c}", "[a: b]", "[:a]", "[-a]",
    "a: :b", "a: -b", "a: ?b", "- -a", "-a: b", "?a: b", ":a: b", "a: b?", "title: Что дальше? [1]",
    '"\\x41"', '"\\u0041"', '"\\U00000041"', '"\\/"', "\"\\'\"", '"\\N\\_\\L\\P\\e\\0\\a\\b\\v\\f\\ "', '"\\\tx"',
    '"a\\\n  b"', '"\\ud800"', '"\\U0010FFFF"', '"\\x"', '"\\q"',
    "a: |2\n   x", "a: |-\n  x\n\n", "a: |+\n  x\n\n", "a: >\n  x\n\n  y", "a: |\n  \n    \n  text",
    "a: |\n     \n  text", "a: >\n\n\n  text", "a: |1\n  x", "a: |10\n x", "a: |0\n x", "a: |\n x\n  y\n z", "a: | #c\n x",
    "a: b #c", "a: b#c", "a: 'b''c'", "a: 'b\n  c'", "a: \"b\n\n  c\"", "a: b\n  c\n\n  d", "a: b\n# c\n  d",
    "&a [*a]", "a: &x 1\nb: &x 2", "a: *x", "a: &x [1]\nb: *x", "&a a: b", "[&a a, *a]", "a: &x\nb: *x",
    "a: !!str 1", "a: !<tag:yaml.org,2002:str> 1", "a: !!str%20 1", "a: !foo b", "a: !!binary aGVsbG8=",
    "a: ! b", "a: !!int '1'", "a: !!float 1", "!!map {a: b}", "a: !!null ''", "a: !!python/object:os.system x",
    "a: 2022-08-24", "a: 2022-08-24T10:00:00", "a: 1_000", "a: 0x1F", "a: 0o17", "a: 017", "a: 1:20", "a: .inf",
    "a: .nan", "a: yes", "a: ~", "a: =", "a: <<", "<<: {a: 1}\nb: 2", "<<: [{a: 1}, {b: 2}]", "<<: *x", "<<: 1",
    "a: b\n...\n", "a: b\n---\nc: d", "---\na: b", "--- a", "a: ---", "a: ...", "...\n", "--- |\n x",
    "a: " + "x" * 2000, "k" * 1023 + ": v", "k" * 1024 + ": v", "k" * 1025 + ": v", "й" * 1024 + ": v",
    "й" * 600 + ": v", "й" * 1030 + ": v", '"' + "k" * 1030 + '": v', "[" + "a" * 1030 + ": b]",
    "a:\n- b\n- c", "a:\n  - b\n - c", "- a\n  - b", "a: b\n b: c", "a:\n  b: c\n d: e", "  a: b\nc: d", "a: b\n  - c",
    "{a: b\n}", "{a\n: b}", "[a\n]", "[a,\nb]", "{a: [b, {c: d}]}", "[a, b,]", "[,a]", "{a: b,}", "{,}", "[a b]",
    "{a b: c}", "{a: b c}", "{a, b}", "[a, b]: c", "{a: 1}: c", "a: 1\na: 2", "1: a\n1.0: b", "? [a]\n: b",
    "a: 'b'c", 'a: "b"c', "a: 'b' #c", "a: [b] c", "a: {b: c} d", "- [a]\n- {b: c}", "'a': b", '"a": b', "'a'\n: b",
    "a:b", "a: b: c", "a: b:", ": b", "a:", "a: \n", "- ", "-", "?", ":", "[", "]", "{", "}", "#", "", " ", "\n\n",
    "'", '"', "a: 'open", 'a: "open\n\nb: c', "a: @b", "a: `b", "a: %b", "a: |b", "a: >b", "a: b|", "a: *", "a: &",
    "a: ,b", "a: [b, ,c]", "a: 'x' 'y'", "a: \"x\\\"y\"", "a\u3000: b", "a: b\u00a0c", "a: \u00a0b", "\u00a0a: b",
    "a:\u00a0b", "- \u00a0", "a: b\n\x0c", "a: \x7f", "a: \x1f", "a: \x00", "a: \ud800", "a: \U0001F600",
    "[" * 99 + "]" * 99, "[" * 100 + "]" * 100, "[" * 101 + "]" * 101, "{a: " * 101 + "}" * 101,
    "".join(f"{' ' * 2 * i}k{i}:\n" for i in range(102)) + " " * 204 + "x",
    "a: &a [x, x, x, x, x, x, x, x, x]\n" + "".join(f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
                                                    for p, c in zip("abcdefg", "bcdefgh")),
]


@needs_libyaml
@pytest.mark.parametrize("text", LIBYAML_DIFFERS)
def test_what_libyaml_reads_otherwise_is_left_to_pyyaml(text):
    assert fast(text) is None
    assert parsed(text) == pure(text)


@pytest.mark.parametrize("text", LIBYAML_DIFFERS + TRICKY)
def test_tricky_texts_read_as_pyyaml_reads_them(text):
    assert parsed(text) == pure(text)
    assert parsed(text, first_line=7) == pure(text, first_line=7)


def test_error_lines_are_pyyaml_s():
    assert parsed("a: b\n  c: d\n", first_line=2) == (
        "error", "f.yaml:3: YAML: mapping values are not allowed here")
    assert parsed("a: 'open\nb: c\n") == (
        "error", "f.yaml:1: YAML: found unexpected end of stream while scanning a quoted scalar")
    assert parsed("a:\tb") == (
        "error", "f.yaml:1: YAML: found character '\\t' that cannot start any token while scanning for the next token")


# Pieces of YAML syntax, put together at random: most of what they make is refused, which is
# the point (an error must be PyYAML's), and what libyaml reads must be what PyYAML reads.
PIECES = ["a", "b", "й", "1", " ", "  ", "\n", "\n", "\n  ", ":", ": ", "- ", "-", "?", "? ", "[", "]", "{", "}", ",",
          ", ", "#", " #", "'", '"', "\\", "\\n", "\\x4", "\\u00e9", "\\/", "&a ", "*a", "&b ", "*b", "!", "!!str ",
          "!a ", "|", ">", "|-", "|2", ">+", "%", "@", "`", "---", "...", "0x1", "~", "\t", "\r", "\ufeff", "\u2028",
          "<<", "<<: ", ".", "=", "2022-01-01", "null", "yes", "1.5", "\u00a0", "é", "\x01"]
VALUES = ["a", "'q'", '"d\\n"', "[a, b]", "{a: b}", "|", "|-", ">", "&x a", "*x", "[]", "{}", "", "1", "~", "2022-08",
          "'a''b'", '"\\u0041\\/"', "a b", "a: b", "[a, [b, {c: d}]]", "? x", "- x", "a?", "[a?]"]
KEYS = ["a", "b", "id", "k k", '"q"', "й", "<<", "? k"]


def _random_text(rnd: random.Random) -> str:
    if rnd.random() < 0.5:
        return "".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 25)))
    lines = []
    for _ in range(rnd.randint(1, 12)):
        indent = " " * rnd.choice([0, 0, 0, 1, 2, 2, 4, 6])
        kind = rnd.random()
        if kind < 0.4:
            lines.append(indent + rnd.choice(KEYS) + rnd.choice([": ", ":"]) + rnd.choice(VALUES))
        elif kind < 0.6:
            lines.append(indent + "- " + rnd.choice(VALUES))
        else:
            lines.append(indent + "".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 6))))
    return "\n".join(lines) + rnd.choice(["", "\n"])


@pytest.mark.parametrize("seed", range(4))
def test_random_texts_read_as_pyyaml_reads_them(seed):
    rnd = random.Random(seed)
    for _ in range(2500):
        text = _random_text(rnd)
        assert parsed(text) == pure(text), repr(text)


@needs_libyaml
def test_entries_as_ingest_writes_them_are_read_by_libyaml():
    """The fast path is the common one: every entry and file of the fixture sites goes through libyaml."""
    files = sorted((ROOT / "tests" / "fixtures").rglob("content/**/*.md")) + sorted(
        (ROOT / "tests" / "fixtures").rglob("content/*.yaml"))
    assert len(files) > 5
    for path in files:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".md":
            lines = text.split("\n")
            end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
            text = "\n".join(lines[1:end])
        assert fast(text) is not None, path
        assert fast(text) == pure(text), path


def test_without_libyaml_everything_is_read_by_pyyaml(monkeypatch):
    monkeypatch.setattr(yamlio, "_CLoader", None)
    text = "a: [1, b]\nc:\n  d: 2022-08-24\n"
    assert yamlio._fast(text) is yamlio._PURE
    assert parsed(text) == pure(text)
    doc = ROOT / "tests" / "fixtures" / "site_small" / "content" / "documents"
    assert any(ct._document(p, *_knowledge()) for p in sorted(doc.glob("*.md"))[:1])


def _knowledge():
    from site_builder import knowledge as kb

    knowledge, _ = kb.read(ROOT / "tests" / "fixtures" / "site_small" / "content")
    return knowledge, []
