"""Read raw seed texts: decode them, find the date header, split paragraphs."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from site_builder.errors import Problem, UserError, problem

SEED_SUFFIXES = (".txt",)

# ` date 2025-10-21` at the very start; the text may go on on the same line.
HEADER = re.compile(r"\A[ \t]*date[ \t]+(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?=\s|$)[ \t]*")

# A paragraph longer than this is not one (a text saved without its line breaks, or not a text):
# annotating it would take minutes.
MAX_PARAGRAPH = 50_000

# Single-byte Cyrillic encodings an editor's tools commonly save Russian or Kazakh in.
CYRILLIC_LEGACY = ("cp1251", "koi8_r", "koi8_u", "cp866", "mac_cyrillic", "iso8859_5")


@dataclass(frozen=True)
class Seed:
    """One raw text as the editor saved it, decoded."""

    path: Path
    name: str
    """File name, e.g. `000_52c20af9d2dead56.txt`."""
    sha256: str
    """Hex digest of the file's bytes, so the original stays verifiable."""
    encoding: str
    """`utf-8`, or the legacy encoding it was converted from."""
    header_date: str | None
    """The date of a leading ` date YYYY-MM-DD` header, as written."""
    paragraphs: tuple[str, ...]
    """Non-empty lines of the text after the header, stripped: the text's paragraphs."""

    @property
    def stem(self) -> str:
        return self.path.stem


def list_seeds(folder: Path) -> list[Path]:
    """The seed files of `folder`, sorted by name."""
    if not folder.exists():
        raise UserError(problem(folder, "seed folder does not exist"))
    if not folder.is_dir():
        raise UserError(problem(folder, "not a folder"))
    try:
        entries = sorted(folder.iterdir())
    except PermissionError:
        raise UserError(problem(folder, "cannot read the seed folder (permission denied)")) from None
    return [p for p in entries if p.is_file() and p.suffix.lower() in SEED_SUFFIXES and not p.name.startswith(".")]


def hidden_seeds(folder: Path) -> list[Path]:
    """Seed-like files `list_seeds` leaves out because their names start with a dot."""
    try:
        return sorted(p for p in folder.iterdir() if p.name.startswith(".") and p.suffix.lower() in SEED_SUFFIXES
                      and not p.name.startswith(".#") and p.is_file())
    except OSError:
        return []


def read_seed(path: Path) -> Seed:
    """Decode one seed file, or raise UserError saying clearly why it cannot be used."""
    try:
        data = path.read_bytes()
    except OSError as e:
        raise UserError(problem(path, f"cannot read file ({e.strerror})")) from None
    text, encoding = decode(path, data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    header_date = None
    m = HEADER.match(text)
    if m:
        header_date = "-".join(g for g in m.groups() if g)
        _check_header(path, m)
        text = text[m.end():]
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_PARAGRAPH:
            raise UserError(problem(path, f"a line of {len(line):,} characters: longer than any paragraph of a text "
                                          f"({MAX_PARAGRAPH:,} at most); save the text with its line breaks", number))
    paragraphs = _unwrap(lines) or tuple(line.strip() for line in lines if line.strip())
    # A picture copied as Markdown inside a line ("…отношений![]() В Мангистауском регионе…") ran a headline,
    # the picture and the story into one line: each is a paragraph of its own (the picture a leftover).
    if any("![" in p for p in paragraphs):
        paragraphs = tuple(part.strip() for p in paragraphs for part in _MD_IMAGE.split(p) if part.strip())
    if not paragraphs:
        raise UserError(problem(path, "the text is empty" + (" after its date header" if m else "")))
    return Seed(path, path.name, hashlib.sha256(data).hexdigest(), encoding, header_date, paragraphs)


# A text saved hard-wrapped (from a mail, a digest, a PDF): its paragraphs apart by blank lines, each broken
# into lines of a width at most this long …
WRAP_WIDTH = 100
# … and of these lines (all but each paragraph's last) at least this share filling most of the width.
WRAP_SHARE = 0.8


def _unwrap(lines: list[str]) -> tuple[str, ...] | None:
    """The paragraphs of a hard-wrapped text, each made one line again; None for a text saved a paragraph a
    line (most are: their lines run long, and a blank line, if any, stands between every two)."""
    blocks: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            blocks[-1].append(line.strip())
        elif blocks[-1]:
            blocks.append([])
    blocks = [b for b in blocks if b]
    if len(blocks) == 1:
        return _unwrap_unspaced(blocks[0])
    inner = [line for b in blocks if len(b) > 1 for line in b[:-1]]
    if len(blocks) < 2 or len(inner) < 3 or max(len(line) for b in blocks for line in b) > WRAP_WIDTH:
        return None
    if sum(40 <= len(line) for line in inner) < WRAP_SHARE * len(inner):
        return None
    joined = []
    for b in blocks:
        text = b[0]
        for line in b[1:]:
            text += line if text.endswith("-") else " " + line
        joined.append(text)
    return tuple(joined)


_MD_IMAGE = re.compile(r"(!\[[^\]\n]{0,200}\]\([^)\s]{0,500}\))")
# A line that ends a sentence: a stop, maybe closed by a quotation mark or a bracket.
_SENTENCE_END = re.compile(r"[.!?…:][»\"”’)]*$")
# The last word of a line that goes on in the next: a conjunction, a preposition, an article.
_OPEN_END = re.compile(r"(?<!\S)(?:və|ilə|ya|həm|и|а|в|во|на|с|со|к|о|об|по|для|из|от|мен|пен|бен|және|men|pen|ben|"
                       r"jáne|and|or|of|the|in|on|for|with|to|at|a|an|by|from)$", re.I)
# A line that opens speech or a list item starts a paragraph of its own.
_OPENS = re.compile(r"^[«“\"„–—-]")


def _unwrap_unspaced(lines: list[str]) -> tuple[str, ...] | None:
    """The paragraphs of a hard-wrapped text saved with no blank lines: most of its lines fill the width and
    end inside a sentence (a text saved a paragraph a line ends nearly every line with a stop); a paragraph
    ends at a line that ends a sentence well short of the width, or before a line that opens speech."""
    if len(lines) < 8:
        return None
    width = sorted(len(line) for line in lines)[int(len(lines) * 0.9)]
    # The lines above the first that fills the width (a headline, a section, a date) stand alone, unless one
    # ends in a word no line of a headline ends in ("… are being held in" / "Kazakhstan. As part …").
    top = next((k for k, line in enumerate(lines) if len(line) >= 0.85 * width), 0)
    body = lines[top:]
    filled = [line for line in body if 40 <= len(line) <= WRAP_WIDTH]
    if len(body) < 6 or len(filled) < WRAP_SHARE * len(body) or sum(len(line) > WRAP_WIDTH for line in body) > len(body) * 0.05:
        return None
    if sum(bool(_SENTENCE_END.search(line)) for line in body) > 0.5 * len(body):
        return None
    joined, text = [], ""
    for k, line in enumerate(lines):
        if k < top and not text and not _OPEN_END.search(line) and not _SENTENCE_END.search(line):
            joined.append(line)
            continue
        if text and _OPENS.match(line):
            joined.append(text)
            text = ""
        text = line if not text else text + (line if text.endswith("-") else " " + line)
        if _SENTENCE_END.search(line) and len(line) < 0.85 * width:
            joined.append(text)
            text = ""
    if text:
        joined.append(text)
    return tuple(joined)


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """Text and encoding of `data`: UTF-8 (with or without BOM), UTF-16 with BOM, or a legacy Cyrillic code page."""
    if not data.strip():
        raise UserError(problem(path, "the file is empty"))
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise UserError(problem(path, "starts with a UTF-16 mark but is not valid UTF-16")) from None
    if b"\x00" in data:
        raise UserError(problem(path, "binary file, not text (contains NUL bytes)"))
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        return _decode_legacy(path, data, e)
    if _control_ratio(text) > 0.01:
        raise UserError(problem(path, "binary file, not text (control characters)"))
    return text, "utf-8"


def _guess_legacy(data: bytes) -> tuple[str | None, str]:
    from charset_normalizer import from_bytes

    best = from_bytes(data, cp_isolation=list(CYRILLIC_LEGACY)).best()
    if best is None:
        return None, ""
    return str(best), best.encoding


def _decode_legacy(path: Path, data: bytes, err: UnicodeDecodeError) -> tuple[str, str]:
    text, encoding = _guess_legacy(data)
    line = data.count(b"\n", 0, err.start) + 1
    if text is None or _cyrillic_ratio(text) < 0.5 or _control_ratio(text) > 0.01:
        raise UserError(problem(
            path, f"not UTF-8 (byte 0x{data[err.start]:02x}) and not a Cyrillic code page; save it as UTF-8", line))
    return text, encoding


def _letters(text: str) -> list[str]:
    return [c for c in text if c.isalpha()]


def _cyrillic_ratio(text: str) -> float:
    letters = _letters(text)
    return sum("\u0400" <= c <= "\u04ff" for c in letters) / len(letters) if letters else 0.0


_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _control_ratio(text: str) -> float:
    return len(_CONTROLS.findall(text)) / max(len(text), 1)


def _check_header(path: Path, m: re.Match) -> None:
    import datetime

    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        datetime.date(year, month or 1, day or 1)
    except ValueError:
        raise UserError(problem(path, f"impossible date in header: {m.group(0).strip()!r}", 1)) from None


def read_all(folder: Path) -> tuple[list[Seed], list[Problem]]:
    """Every readable seed in `folder` and the problems of those that are not."""
    seeds, problems = [], []
    by_text: dict[tuple[str, ...], Seed] = {}
    for path in list_seeds(folder):
        try:
            seed = read_seed(path)
        except UserError as e:
            problems.extend(e.problems)
            continue
        twin = by_text.get(seed.paragraphs)
        if twin is not None:
            problems.append(problem(path, f"same text as {twin.name}; not ingested twice"))
            continue
        by_text[seed.paragraphs] = seed
        seeds.append(seed)
    return seeds, problems
