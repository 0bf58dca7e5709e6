"""Atomic file writes: a reader never sees a half-written file or output folder."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path


def write_text(path: Path, text: str) -> None:
    """Write `text` as UTF-8 with LF endings, replacing `path` in one step."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def replace_dir(staging: Path, target: Path) -> None:
    """Put the finished `staging` folder in place of `target`.

    The old target is renamed aside first and removed only after the new one is in place,
    so an interruption leaves either the old or the new tree, never a mixture.
    Files in the target named in KEEP (such as output/.gitkeep) are carried over.
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
        os.replace(target, old)
    os.replace(staging, target)
    if old.exists():
        shutil.rmtree(old)


KEEP = (".gitkeep",)
