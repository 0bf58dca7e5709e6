"""Read YAML remembering where each key stands, and write it the same way every time."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml

from site_builder.errors import UserError, problem


# Bounds on what one file may hold: aliases can make a few lines stand for millions of values
# (a "billion laughs"), and deep nesting exhausts the stack of whatever walks the values.
MAX_DEPTH = 100
MAX_VALUES = 2_000_000

class LineDict(dict):
    """A YAML mapping that knows the line of each key (1-based)."""

    line: int = 0
    key_lines: dict


class LineList(list):
    """A YAML sequence that knows the line of each item (1-based)."""

    line: int = 0
    item_lines: list


class _Loader(yaml.SafeLoader):
    first_line = 1
    """The line of the file the text starts on (front matter starts on line 2)."""

    def fetch_flow_collection_start(self, TokenClass) -> None:
        # The scanner's work per token grows with the depth of [ and {: stop before it is slow.
        if self.flow_level >= MAX_DEPTH:
            raise yaml.scanner.ScannerError(None, None, f"nested more than {MAX_DEPTH} levels deep", self.get_mark())
        super().fetch_flow_collection_start(TokenClass)


def _mapping(loader: _Loader, node: yaml.MappingNode) -> LineDict:
    loader.flatten_mapping(node)
    out = LineDict()
    out.line = node.start_mark.line + loader.first_line
    out.key_lines = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(None, None, "a key must be a plain value", key_node.start_mark)
        if key in out:
            raise yaml.constructor.ConstructorError(None, None, f"duplicate key {key!r}", key_node.start_mark)
        out[key] = loader.construct_object(value_node, deep=True)
        out.key_lines[key] = key_node.start_mark.line + loader.first_line
    return out


def _sequence(loader: _Loader, node: yaml.SequenceNode) -> LineList:
    out = LineList(loader.construct_object(child, deep=True) for child in node.value)
    out.line = node.start_mark.line + loader.first_line
    out.item_lines = [child.start_mark.line + loader.first_line for child in node.value]
    return out


def _string(loader: _Loader, node: yaml.ScalarNode) -> str:
    return loader.construct_scalar(node)


# libyaml's parser (PyYAML's CParser) reads the same text about ten times faster than PyYAML's own;
# it builds the same nodes, which the same constructors turn into values. None when PyYAML was
# built without libyaml: then every text is read by _Loader.
_CLoader = None
if getattr(yaml, "__with_libyaml__", False):
    class _CLoader(yaml.CSafeLoader):  # type: ignore[no-redef]
        first_line = 1

for _loader in (_Loader, _CLoader):
    if _loader is not None:
        _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)
        _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG, _sequence)
        # Dates stay strings (2022-08-24), so that a month or a year alone reads the same way.
        _loader.add_constructor("tag:yaml.org,2002:timestamp", _string)

# What libyaml reads and PyYAML refuses or reads otherwise (tests/test_yamlio.py holds a case of
# each): a tab between tokens; a tag that a flow indicator ends ([!!str,a]) and the empty tag `!`;
# a comment right after a block scalar's header (|#); and '?' inside a plain scalar of a flow
# collection (_flow_question). Texts with line breaks other than \n, a byte order mark, a
# directive or a character PyYAML's reader refuses are left to PyYAML as well: its reader and
# scanner treat them their own way, and its error message is the one users know.
_PURE_ONLY = re.compile(r"[\t\r\x85\u2028\u2029\ufeff]|^%|(?:^|[\s\[\]{},])!|[|>][-+0-9]*#|"
                        + yaml.reader.Reader.NON_PRINTABLE.pattern, re.M)
_PURE = object()
"""What _fast() returns for a text only _Loader may read."""


def _fast(text: str, first_line: int = 1) -> Any:
    """The values of `text` as _Loader would read them, read by libyaml; _PURE when only _Loader may say.

    Only a text libyaml reads without any error, that _check_size accepts and that none of the
    differences above touches is libyaml's: for everything else (an error above all) _Loader
    reads it again, so every message, line and refusal stays PyYAML's own.
    """
    if _CLoader is None or _PURE_ONLY.search(text):
        return _PURE
    try:
        loader = _CLoader(text)
        loader.first_line = first_line
        try:
            node = loader.get_single_node()
            if node is None:
                return None
            # Without an alias no node is shared: then there are fewer values than twice the text's
            # characters, and only the depth needs a look (level by level, quicker than _check_size).
            if "*" in text or 2 * len(text) + 1 > MAX_VALUES:
                _check_size(node, "", 1)
            elif _deeper_than(node, MAX_DEPTH):
                return _PURE
            if "?" in text and ("[" in text or "{" in text) and _flow_question(node):
                return _PURE
            return loader.construct_document(node)
        finally:
            loader.dispose()
    except Exception:  # any refusal, whatever its type (a lone surrogate is a UnicodeEncodeError here)
        return _PURE


def _deeper_than(node: yaml.Node, depth: int) -> bool:
    """Whether a tree of nodes (no node shared) is nested more than `depth` levels deep."""
    level = [node]
    for _ in range(depth):
        below: list[yaml.Node] = []
        for n in level:
            if isinstance(n, yaml.MappingNode):
                for pair in n.value:
                    below.extend(pair)
            elif isinstance(n, yaml.SequenceNode):
                below.extend(n.value)
        if not below:
            return False
        level = below
    return True


def _flow_question(node: yaml.Node) -> bool:
    """Whether a plain scalar inside a flow collection holds '?' (PyYAML ends the scalar there, libyaml does not)."""
    seen: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(node, False)]
    while stack:
        n, in_flow = stack.pop()
        if id(n) in seen:
            continue
        seen.add(id(n))
        if isinstance(n, yaml.ScalarNode):
            if in_flow and not n.style and "?" in n.value:  # plain: None in PyYAML, "" in libyaml
                return True
            continue
        in_flow = in_flow or bool(n.flow_style)
        children = [c for pair in n.value for c in pair] if isinstance(n, yaml.MappingNode) else n.value
        stack.extend((c, in_flow) for c in children)
    return False



def _check_size(node: yaml.Node, path: Path | str, first_line: int) -> None:
    """Refuse a document nested deeper than MAX_DEPTH or standing for more than MAX_VALUES values."""
    sizes: dict[int, int] = {}
    stack: list[tuple[yaml.Node, int, bool]] = [(node, 1, False)]
    while stack:
        n, depth, done = stack.pop()
        if depth > MAX_DEPTH:
            raise UserError(problem(path, f"YAML: nested more than {MAX_DEPTH} levels deep",
                                    n.start_mark.line + first_line))
        if id(n) in sizes:
            continue
        children = [c for pair in n.value for c in pair] if isinstance(n, yaml.MappingNode) else (
            n.value if isinstance(n, yaml.SequenceNode) else [])
        if done:
            sizes[id(n)] = 1 + sum(sizes[id(c)] for c in children)
            if sizes[id(n)] > MAX_VALUES:
                raise UserError(problem(path, f"YAML: aliases make it stand for more than {MAX_VALUES:,} values",
                                        n.start_mark.line + first_line))
            continue
        stack.append((n, depth, True))
        stack.extend((c, depth + 1, False) for c in children if id(c) not in sizes)


def parse(text: str, path: Path | str, first_line: int = 1) -> Any:
    """Parse YAML `text` from `path`; a syntax error becomes a UserError at its line."""
    data = _fast(text, first_line)
    if data is _PURE:
        data = _parse_pure(text, path, first_line)
    return data


def _parse_pure(text: str, path: Path | str, first_line: int) -> Any:
    """Parse with PyYAML's own loader, which says what is wrong in the words and lines users know."""
    loader = None
    try:
        loader = _Loader(text)  # (its reader refuses control characters at once)
        loader.first_line = first_line
        node = loader.get_single_node()
        if node is not None:
            _check_size(node, path, first_line)
        data = loader.construct_document(node) if node is not None else None
    except yaml.reader.ReaderError as e:
        line = text.count("\n", 0, e.position) + first_line if isinstance(e.position, int) else None
        what = f"U+{e.character:04X}" if isinstance(e.character, int) else repr(e.character)
        raise UserError(problem(path, f"YAML: control character {what} is not allowed", line)) from None
    except RecursionError:
        raise UserError(problem(path, f"YAML: nested more than {MAX_DEPTH} levels deep")) from None
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        # An unclosed quote is noticed only at the end of the text: point at where it opened.
        if e.context_mark and str(e.problem).startswith("found unexpected end of stream"):
            mark = e.context_mark
        line = mark.line + first_line if mark else None
        message = " ".join(str(x) for x in (e.problem, e.context) if x) or "invalid YAML"
        raise UserError(problem(path, f"YAML: {message}", line)) from None
    except yaml.YAMLError as e:
        raise UserError(problem(path, f"YAML: {e}")) from None
    finally:
        if loader is not None:
            loader.dispose()
    return data


def load(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise UserError(problem(path, "not UTF-8 text")) from None
    except OSError as e:
        raise UserError(problem(path, f"cannot read file ({e.strerror})")) from None
    return parse(text, path)


# libyaml's emitter writes the same text as PyYAML's, four to five times faster (ingest of thousands of entries).
class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):  # type: ignore[misc]
    pass


def _str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "|" if "\n" in value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _str)
_Dumper.add_representer(LineDict, _Dumper.represent_dict)
_Dumper.add_representer(LineList, _Dumper.represent_list)


def dump(data: Any) -> str:
    """YAML text with keys in the order given, Unicode as is, and no line folding."""
    return yaml.dump(data, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=100000,
                     default_flow_style=False)


def line_of(data: Any, key: Any = None) -> int | None:
    """The line of `key` in a mapping (or of the mapping itself), when known."""
    if isinstance(data, LineDict):
        return data.key_lines.get(key, data.line) if key is not None else data.line
    if isinstance(data, LineList):
        if isinstance(key, int) and 0 <= key < len(data.item_lines):
            return data.item_lines[key]
        return data.line
    return None
