"""The parse cache: what earlier builds read from content files, on disk, keyed by the files' bytes.

One pickle file, `.site-builder-cache/content.pickle` beside the output folder (never inside it,
so never published). It holds, for each entry file, the sha256 of its bytes and the Document and
problems read from them, and for each other YAML file (the timeline) the values read from its
bytes. A record serves only the same bytes of the same path, read against the same knowledge
files, by the same code: the file as a whole is keyed by a digest of site_builder's own files
(the code and its built-in knowledge), Python's and PyYAML's versions and the working folder
(problems name paths relative to it). Anything else — a record of other bytes, a file made by
other code, a file that is unreadable, truncated or not a pickle — is not used: the file is read
again, and the cache rewritten. Delete the folder to clear it; `--no-cache` builds without it.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sys
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from site_builder.files import write_bytes

FOLDER = ".site-builder-cache"
FILE = "content.pickle"
SCHEMA = 1
"""Raised when what a record holds changes shape without the code's digest changing."""


def folder_for(output: Path) -> Path:
    """Where the cache of a build into `output` lives: beside it."""
    return output.resolve().parent / FOLDER


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@lru_cache(maxsize=1)
def code_key() -> str:
    """What every record depends on besides its file: site_builder's files and the versions under it."""
    h = hashlib.sha256(f"{SCHEMA}\0{sys.version}\0{yaml.__version__}\0{yaml.__with_libyaml__}\0".encode())
    package = Path(__file__).resolve().parent
    for path in sorted(package.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(str(path.relative_to(package)).encode() + b"\0" + path.read_bytes() + b"\0")
    return h.hexdigest()


@contextlib.contextmanager
def _no_gc():
    """Without the cycle collector: unpickling 10,000 documents is five times faster when it does
    not walk every object made so far again and again (none of them is garbage yet)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


class Store:
    """The records of one cache file: read once, looked up by path and digest, written back whole."""

    def __init__(self, folder: Path):
        self.path = folder / FILE
        self.reads = 0
        """Records served (for tests and benchmarks)."""
        self._header = {"code": code_key(), "cwd": os.getcwd()}
        self._documents: dict[str, tuple] = {}
        self._yaml: dict[str, tuple] = {}
        self._changed = False
        try:
            with open(self.path, "rb") as f, _no_gc():
                stored = pickle.load(f)
            if stored["header"] == self._header:
                self._documents, self._yaml = dict(stored["documents"]), dict(stored["yaml"])
        except Exception:  # absent, unreadable, truncated, not ours: start empty, rewrite it on save
            self._changed = True

    def document(self, path: Path, data_digest: str, knowledge: str) -> tuple[Any, tuple] | None:
        """(Document, problems) read before from these bytes against this knowledge, or None."""
        hit = self._documents.get(str(path))
        if hit is None or hit[0] != data_digest or hit[1] != knowledge:
            return None
        self.reads += 1
        return hit[2], hit[3]

    def put_document(self, path: Path, data_digest: str, knowledge: str, doc: Any, problems: tuple) -> None:
        self._documents[str(path)] = (data_digest, knowledge, doc, problems)
        self._changed = True

    def yaml(self, path: Path, data_digest: str) -> tuple[bool, Any]:
        hit = self._yaml.get(str(path))
        if hit is None or hit[0] != data_digest:
            return False, None
        self.reads += 1
        return True, hit[1]

    def put_yaml(self, path: Path, data_digest: str, value: Any) -> None:
        self._yaml[str(path)] = (data_digest, value)
        self._changed = True

    def save(self, documents: set[str], yaml_files: set[str]) -> None:
        """Write the records of these paths (those of files gone are dropped), atomically; never fails."""
        kept_docs = {k: v for k, v in self._documents.items() if k in documents}
        kept_yaml = {k: v for k, v in self._yaml.items() if k in yaml_files}
        if not self._changed and kept_docs.keys() == self._documents.keys() and kept_yaml.keys() == self._yaml.keys():
            return
        self._documents, self._yaml = kept_docs, kept_yaml
        try:
            with _no_gc():
                data = pickle.dumps({"header": self._header, "documents": kept_docs, "yaml": kept_yaml},
                                    protocol=pickle.HIGHEST_PROTOCOL)
            write_bytes(self.path, data)
            if not (self.path.parent / ".gitignore").exists():
                # Never committed, whatever the project's own .gitignore says.
                write_bytes(self.path.parent / ".gitignore", b"*\n")
            self._changed = False
        except (OSError, pickle.PicklingError, RecursionError, TypeError):
            # A cache that cannot be written costs time next run, nothing else.
            pass
