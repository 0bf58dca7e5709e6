"""Shared fixtures: the repository, the command line in a subprocess, a freshly ingested content folder."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# `pytest` (unlike `python -m pytest`) does not put the working directory on sys.path,
# and the package is not necessarily installed.
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture(scope="session")
def repo_root() -> Path:
    """The repository: its seeds/ are read, never written."""
    return ROOT


@pytest.fixture(scope="session")
def run_cli():
    """run_cli(args, cwd) -> (exit code, stdout, stderr) of `python -m site_builder *args` run in `cwd`
    (after the command `prefix`, if given: setpriv, say)."""

    def run(args: list[str], cwd: Path, prefix: tuple[str, ...] = ()) -> tuple[int, str, str]:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
               "PYTHONIOENCODING": "utf-8"}
        done = subprocess.run([*prefix, sys.executable, "-m", "site_builder", *map(str, args)], cwd=cwd, env=env,
                              capture_output=True, text=True, encoding="utf-8", timeout=120)
        return done.returncode, done.stdout, done.stderr

    return run


@pytest.fixture
def fresh_content(tmp_path: Path) -> Path:
    """tmp_path/"content" ingested from a copy of the real seeds in tmp_path/"seeds"."""
    from site_builder.ingest import ingest

    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        shutil.copyfile(path, seeds / path.name)
    report = ingest(seeds, tmp_path / "content")
    assert [str(p) for p in report.problems] == []
    return tmp_path / "content"
