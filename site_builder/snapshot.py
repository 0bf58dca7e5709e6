"""What the last build made, kept beside the cache, so that the next build makes only what changed.

After each full build that succeeded, `.site-builder-cache/<output>.build.pickle` holds:
the key of everything every page depends on (site_builder's code, the configuration and the
base URL given, the templates, the static files, the knowledge files), the corpus the build
rendered, the site path of each page, the raw seeds' sizes and times, and a manifest of the
output it wrote (each file's size, time and inode). The next build of the same output uses it
only when the key is the same and the output is exactly the files of the manifest (so an output
touched by anything else — serve, a person, another build — is built whole again):

- nothing changed: nothing is written, the output is left as it is;
- some entries or seeds changed: the previous output is hard-linked into a staging folder, the
  pages and files the change affects (build.affected_by, as serve does after an edit) are
  written there (each file replaced, never written through a link), the search index made
  again only if a document or event changed, and the staging folder swapped in as a full build's.

Anything unreadable, truncated or made by other code is not used; `--no-cache` builds whole.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from site_builder import cache as parse_cache
from site_builder.files import write_bytes

SCHEMA = 1


def path_for(output: Path) -> Path:
    return parse_cache.folder_for(output) / f"{output.resolve().name}.build.pickle"


def _hash_tree(h: "hashlib._Hash", folder: Path) -> None:
    if folder.is_file():
        h.update(b"F" + folder.read_bytes() + b"\0")
        return
    if not folder.is_dir():
        h.update(b"-\0")
        return
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            h.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")


def key(*, output: Path, config: Path, base_url: str | None, templates: Path, static: Path, seeds: Path,
        knowledge: tuple[Path, ...]) -> str:
    """A digest of everything each page depends on besides the entries and the seeds."""
    h = hashlib.sha256(f"{SCHEMA}\0{parse_cache.code_key()}\0{base_url!r}\0{output.resolve()}\0"
                       f"{seeds.resolve()}\0{os.getcwd()}\0".encode())
    for part in (config, templates, static, *knowledge):
        h.update(str(part.resolve()).encode() + b"\0")
        _hash_tree(h, part)
    return h.hexdigest()


Manifest = dict[str, tuple[int, int, int]]


def manifest(root: Path) -> Manifest:
    """Every file below `root`: (size, mtime_ns, inode) by path relative to it."""
    found: Manifest = {}
    root_s = str(root)
    cut = len(root_s) + 1
    for folder, _, names in os.walk(root_s):
        for name in names:
            full = os.path.join(folder, name)
            st = os.lstat(full)
            found[full[cut:]] = (st.st_size, st.st_mtime_ns, st.st_ino)
    return found


def seed_stamps(seeds: Path, names: set[str]) -> dict[str, tuple[int, int] | None]:
    """(size, mtime_ns) of each raw seed by name (None: not a file)."""
    out: dict[str, tuple[int, int] | None] = {}
    for name in sorted(names):
        try:
            st = (seeds / name).stat()
            out[name] = (st.st_size, st.st_mtime_ns)
        except (OSError, ValueError):
            out[name] = None
    return out


@dataclass
class Snapshot:
    key: str
    corpus: Any
    paths: dict
    """Site path of every page, by (kind, key, lang) — Builder._paths."""
    seeds: dict[str, tuple[int, int] | None]
    output: Manifest = field(default_factory=dict)
    warnings: tuple[str, ...] = ()


def load(output: Path, want_key: str) -> Snapshot | None:
    """The snapshot of the last build into `output`, if it was made with `want_key` and the output is as it left it."""
    try:
        with open(path_for(output), "rb") as f, parse_cache._no_gc():
            snap = pickle.load(f)
    except Exception:  # absent, unreadable, truncated, not ours
        return None
    if not isinstance(snap, Snapshot) or snap.key != want_key:
        return None
    try:
        if manifest(output) != snap.output:
            return None
    except OSError:
        return None
    return snap


def save(output: Path, snap: Snapshot) -> None:
    """Write it atomically; a snapshot that cannot be written costs the next build time, nothing else."""
    path = path_for(output)
    try:
        with parse_cache._no_gc():
            data = pickle.dumps(snap, protocol=pickle.HIGHEST_PROTOCOL)
        write_bytes(path, data)
        if not (path.parent / ".gitignore").exists():
            write_bytes(path.parent / ".gitignore", b"*\n")
    except (OSError, pickle.PicklingError, RecursionError, TypeError, AttributeError):
        forget(output)


def forget(output: Path) -> None:
    try:
        path_for(output).unlink(missing_ok=True)
    except OSError:
        pass


def link_tree(src: Path, dst: Path) -> None:
    """Hard-link every file of `src` into the empty folder `dst`, with the same folders (OSError if it cannot)."""
    src_s, dst_s = str(src), str(dst)
    cut = len(src_s)
    for folder, dirs, names in os.walk(src_s):
        target = dst_s + folder[cut:]
        for d in dirs:
            os.mkdir(os.path.join(target, d))
        for name in names:
            os.link(os.path.join(folder, name), os.path.join(target, name), follow_symlinks=False)
