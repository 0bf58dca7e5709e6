"""Atomic file writes: a reader never sees a half-written file or output folder."""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import tempfile
from pathlib import Path


def write_text(path: Path, text: str) -> None:
    """Write `text` as UTF-8 with LF endings, replacing `path` in one step."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes, sync: bool = True) -> None:
    """Replace `path` with `data` in one step; with `sync`, on the disk before it replaces it (the
    editor's files). Without, a crash of the machine may lose it (what is made again anyway)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            if sync:
                f.flush()
                os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def replace_dir(staging: Path, target: Path) -> None:
    """Put the finished `staging` folder in place of `target`.

    Where the system can (Linux's renameat2 RENAME_EXCHANGE), the two are exchanged in one step
    and the old tree, now at `staging`, is removed: there is no moment without a target, even
    for a build killed with kill -9. Elsewhere the old target is renamed aside first and removed
    only after the new one is in place, so an interruption leaves either the old or the new tree,
    never a mixture. Files in the target named in KEEP (such as output/.gitkeep) are carried over.
    """
    target = target.resolve()
    old = target.with_name(f".{target.name}.old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        for name in KEEP:
            kept = target / name
            if kept.exists() and not (staging / name).exists():
                shutil.copy2(kept, staging / name)
        if target.is_dir() and _exchange(staging, target):
            shutil.rmtree(staging)
            return
        os.replace(target, old)
    os.replace(staging, target)
    if old.exists():
        shutil.rmtree(old)


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def _load_renameat2():
    try:
        f = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # pragma: no cover - not glibc 2.28 or later
        return None
    f.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    f.restype = ctypes.c_int
    return f


_RENAMEAT2 = _load_renameat2()


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step; False when the system or the file system cannot (nothing done)."""
    if _RENAMEAT2 is None:
        return False
    if _RENAMEAT2(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP):
        return False
    raise OSError(code, os.strerror(code), str(b))


KEEP = (".gitkeep",)
