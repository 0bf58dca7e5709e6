"""Staging folders: locked while the process that made them lives, removed by the next build when it died.

A build renders into `.<output>-staging-XXXX/site/` beside the output and swaps `site/` in
place of the output when everything succeeded; serve makes each search index in
`.<output>-search-XXXX/site/` and swaps it in place of the output's `pagefind/`. A staging
folder also holds `build.lock`: the process that made it holds an flock on it for the folder's
whole lifetime (its render workers, its forked indexer and the Pagefind child inherit nothing
that outlives it: they are killed with it, see die_with_parent) and writes its pid in it for a
person looking. A build or serve killed with kill -9 leaves its staging folder behind, unlocked;
the next build (serve starts with one) removes every staging folder of either kind whose lock
nobody holds, and never one whose build or serve is still running.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import shutil
import signal
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

LOCK = "build.lock"
SITE = "site"
# A staging folder without a lock file is one a build made a moment ago and has not locked
# yet (a few microseconds), or one left by a build of before locks: old enough, it is stale.
UNLOCKED_GRACE_S = 60.0


BUILD = "staging"
SEARCH = "search"
KINDS = (BUILD, SEARCH)
"""What a staging folder is for, in its name: a full build's, or one of serve's search indexes."""


def prefix(output: Path, kind: str = BUILD) -> str:
    return f".{output.name}-{kind}-"


@dataclass
class Staging:
    """One staging folder: its maker writes into `site`; `close()` removes what is left and unlocks."""

    root: Path
    site: Path
    _fd: int

    @classmethod
    def create(cls, output: Path, kind: str = BUILD) -> "Staging":
        """Remove the staging folders dead builds and serves left beside `output`, then make and lock a
        new one of `kind`."""
        parent = output.resolve().parent
        remove_stale(output)
        root = Path(tempfile.mkdtemp(prefix=prefix(output, kind), dir=parent))
        try:
            # Locked before it has its name: a lock file that exists is a held one while its build lives.
            fd = os.open(root / f".{LOCK}.new", os.O_CREAT | os.O_EXCL | os.O_RDWR, 0o644)
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            os.write(fd, f"{os.getpid()}\n".encode())
            os.rename(root / f".{LOCK}.new", root / LOCK)
            # Like the folder mkdtemp makes, which was the output folder before there was a lock beside it.
            (root / SITE).mkdir(mode=0o700)
        except BaseException:
            shutil.rmtree(root, ignore_errors=True)
            raise
        return cls(root, root / SITE, fd)

    def close(self) -> None:
        # Removed while still locked: no other build can find it half-removed and unlocked.
        shutil.rmtree(self.root, ignore_errors=True)
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1


def remove_stale(output: Path) -> list[Path]:
    """Remove the staging folders (of every kind) beside `output` that no living process holds; the
    folders removed."""
    parent = output.resolve().parent
    removed = []
    starts = tuple(prefix(output, kind) for kind in KINDS)
    try:
        candidates = sorted(p for p in parent.iterdir() if p.name.startswith(starts) and p.is_dir()
                            and not p.is_symlink())
    except OSError:
        return removed
    for folder in candidates:
        try:
            fd = os.open(folder / LOCK, os.O_RDWR)
        except FileNotFoundError:
            try:
                age = time.time() - folder.stat().st_mtime
            except OSError:
                continue
            if age > UNLOCKED_GRACE_S:
                shutil.rmtree(folder, ignore_errors=True)
                removed.append(folder)
            continue
        except OSError:
            continue
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                continue  # a build or serve is running there
            shutil.rmtree(folder, ignore_errors=True)
            removed.append(folder)
        finally:
            os.close(fd)
    return removed


def holder(folder: Path) -> int | None:
    """The pid written in a staging folder's lock file (for a message; the lock itself is what counts)."""
    try:
        return int((folder / LOCK).read_text(encoding="ascii").strip())
    except (OSError, ValueError):
        return None


_PR_SET_PDEATHSIG = 1


def _load_prctl():
    try:
        prctl = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):  # pragma: no cover - not Linux
        return None
    prctl.argtypes = [ctypes.c_int, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong, ctypes.c_ulong]
    prctl.restype = ctypes.c_int
    return prctl


# Looked up in the parent: a child between fork and exec should do as little as it can.
_PRCTL = _load_prctl()


def die_with_parent(parent: int) -> None:
    """In a child process just forked from `parent`: be killed when it dies (a build killed with kill -9
    must not leave its render workers or Pagefind running, writing into its staging folder, holding its lock).

    Linux's PR_SET_PDEATHSIG, kept across exec (Pagefind's Python launcher execs the binary). The
    signal comes when the thread that forked the child ends: builds fork from the thread that waits.
    """
    if _PRCTL is not None:
        _PRCTL(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if os.getppid() != parent:
        # The parent died before the request was made: no signal will come.
        os.kill(os.getpid(), signal.SIGKILL)
