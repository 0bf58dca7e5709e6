"""A build killed with kill -9: the previous output stays byte for byte, and the next build removes the
staging folder it left (never a live build's), its render workers and Pagefind dying with it. The same for
serve killed while it makes a search index: its indexer and Pagefind die with it, the output stays as it
served it, and the next build or serve removes the search staging folder it left (never a live serve's).

The record is the small fixture site with 300 more documents (copies of one entry under other ids and
titles), so that a build takes some seconds and can be killed while it renders or while Pagefind runs.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

import pytest

from sites import add_copies, small_site

from site_builder import search
from site_builder.staging import LOCK, SEARCH, Staging, holder, prefix, remove_stale

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "tests" / "fixtures" / "site_small"
COPIES = 300


def big_site(root: Path) -> Path:
    """The small fixture site with COPIES more documents, in `root`."""
    add_copies(small_site(root), COPIES, width=3)
    return root


def build_command(*options: str) -> list[str]:
    return [sys.executable, "-m", "site_builder", "build", "--quiet", *options]


def env(**more: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
            "PYTHONIOENCODING": "utf-8", **more}


def run_build(site: Path, *options: str) -> str:
    done = subprocess.run(build_command(*options), cwd=site, env=env(), capture_output=True, text=True, timeout=600)
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    return done.stdout


def tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def staging_folders(site: Path, kind: str = "staging") -> list[Path]:
    return sorted(p for p in site.iterdir() if p.name.startswith(prefix(site / "output", kind)))


def serve_command() -> list[str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return [sys.executable, "-m", "site_builder", "serve", "--port", str(port)]


def descendants(pid: int) -> set[int]:
    """The processes `pid` started, and theirs (Linux's /proc/PID/task/TID/children)."""
    found: set[int] = set()
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            tasks = os.listdir(f"/proc/{p}/task")
        except OSError:
            continue
        for tid in tasks:
            try:
                children = Path(f"/proc/{p}/task/{tid}/children").read_text().split()
            except OSError:
                continue
            for c in map(int, children):
                if c not in found:
                    found.add(c)
                    todo.append(c)
    return found


def command_line(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return ""


def alive(pid: int) -> bool:
    """Whether `pid` runs (a zombie waiting for its reaper does not)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state not in ("Z", "X")


def ended(children: set[int]) -> None:
    """Wait a moment for the processes a killed parent started to end; kill any left, and fail."""
    try:
        wait_for("the killed process's children to end", lambda: not any(alive(c) for c in children), 3)
    except AssertionError:
        for c in children:
            if alive(c):
                os.kill(c, signal.SIGKILL)
        raise


def wait_for(what: str, condition, timeout: float):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.02)
    raise AssertionError(f"timed out waiting for {what}")


@contextmanager
def building(site: Path, *options: str, environment: dict[str, str] | None = None) -> Iterator[subprocess.Popen]:
    """A build of `site` running in the background, killed on the way out if it still runs."""
    process = subprocess.Popen(build_command(*options), cwd=site, env=env(**(environment or {})),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


def indexing(site: Path, process: subprocess.Popen, processes: int = 1) -> Path:
    """The staging folder of the build `process`, once it runs Pagefind (in `processes` processes)."""
    wait_for(f"Pagefind running ({processes})", lambda: sum("pagefind" in command_line(c)
                                                           for c in descendants(process.pid)) >= processes, 300)
    return staging_folders(site)[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, dict[str, bytes], str]:
    """A big site built once: (its folder, its output's files, the build's stdout)."""
    site = big_site(tmp_path_factory.mktemp("crash"))
    stdout = run_build(site)
    return site, tree(site / "output"), stdout


def rendering(site: Path):
    """The staging folder, once it holds some pages of the documents."""
    for folder in staging_folders(site):
        pages = folder / "site" / "en" / "documents"
        if pages.is_dir() and len(os.listdir(pages)) > 20:
            return folder
    return None


@pytest.mark.parametrize("moment", ["render", "search index", "search index in parts"])
def test_killed_build_leaves_the_output_and_the_next_build_removes_its_staging(built, moment):
    site, before, stdout = built
    # Built whole (a build from the last one's snapshot of an unchanged site writes nothing to kill);
    # its search index in parts (small ones: two Pagefind processes) the third time.
    parts = {search.PART_CHARS_VARIABLE: "20000"} if moment.endswith("in parts") else {}
    with building(site, "--no-cache", environment=parts) as process:
        if moment == "render":
            staging = wait_for("pages in the staging folder", lambda: rendering(site), 300)
        else:
            staging = indexing(site, process, 2 if parts else 1)
        children = descendants(process.pid)
        assert children, "the build started no process to kill with it"
        assert holder(staging) == process.pid
        process.send_signal(signal.SIGKILL)
        process.wait(30)

    # Its render workers, or Pagefind, die with it instead of writing on into the staging folder.
    ended(children)
    assert staging_folders(site) == [staging] and (staging / LOCK).exists()
    assert tree(site / "output") == before, "the killed build changed the output"

    assert run_build(site, "--no-cache") == stdout
    assert staging_folders(site) == [], "the killed build's staging folder is still there"
    assert not (site / ".output.old").exists()
    assert tree(site / "output") == before, "the next build is not the whole site"


def test_a_killed_build_from_the_last_one_leaves_the_output_it_linked_from(tmp_path):
    """A build after an edit hard-links the last output into its staging folder; killed while it
    indexes, the output keeps every byte, and the next build finishes the edit."""
    site = big_site(tmp_path)
    run_build(site)
    before = tree(site / "output")
    entry = site / "content" / "documents" / "copy-007.md"
    entry.write_text(entry.read_text(encoding="utf-8").replace("Power cable report number 7", "Edited report"),
                     encoding="utf-8")
    with building(site) as process:
        staging = indexing(site, process)
        # It started from the last output: its pages are the output's files, linked.
        linked = staging / "site" / "en" / "documents" / "copy-100" / "index.html"
        assert linked.stat().st_ino == (site / "output" / "en" / "documents" / "copy-100" / "index.html").stat().st_ino
        children = descendants(process.pid)
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    ended(children)
    assert tree(site / "output") == before, "the killed build changed the output"
    assert "made again" in run_build(site)
    assert staging_folders(site) == []
    assert "Edited report" in (site / "output" / "en" / "documents" / "copy-007" / "index.html").read_text(
        encoding="utf-8")


def test_a_live_build_s_staging_folder_is_kept(tmp_path):
    output = tmp_path / "output"
    live = Staging.create(output)
    try:
        # A dead build's folder: a lock file nobody holds.
        dead = tmp_path / f"{prefix(output)}dead"
        (dead / "site").mkdir(parents=True)
        (dead / LOCK).write_text("999999999\n")
        # One made an instant ago by a build that has not locked it yet, and one from before locks.
        young = tmp_path / f"{prefix(output)}young"
        young.mkdir()
        old = tmp_path / f"{prefix(output)}old"
        (old / "site").mkdir(parents=True)
        os.utime(old, (time.time() - 3600, time.time() - 3600))
        # Another output's staging folder is not this build's business.
        other = tmp_path / f"{prefix(tmp_path / 'elsewhere')}x"
        other.mkdir()

        assert remove_stale(output) == [dead, old]
        assert live.root.is_dir() and holder(live.root) == os.getpid()
        assert young.is_dir() and other.is_dir()
        assert not dead.exists() and not old.exists()
    finally:
        live.close()
    assert not live.root.exists()
    assert remove_stale(output) == []


def test_a_second_build_beside_a_live_one_keeps_its_staging_folder(tmp_path):
    """The next build's clean-up, in another process, leaves a live build's folder alone."""
    output = tmp_path / "output"
    live = Staging.create(output)
    try:
        code = ("import sys; from pathlib import Path; from site_builder.staging import remove_stale; "
                "print(len(remove_stale(Path(sys.argv[1]))))")
        done = subprocess.run([sys.executable, "-c", code, str(output)], env=env(), capture_output=True, text=True,
                              timeout=60)
        assert (done.returncode, done.stdout) == (0, "0\n"), done.stderr
        assert live.root.is_dir()
    finally:
        live.close()


def test_the_output_is_exchanged_for_the_new_one_in_one_step(tmp_path, monkeypatch):
    """No moment without an output: the old tree is never renamed aside (a kill -9 there left no output/)."""
    from site_builder import files

    if files._RENAMEAT2 is None:
        pytest.skip("no renameat2 in this C library")
    target, staging = tmp_path / "output", tmp_path / ".output-staging-x" / "site"
    target.mkdir()
    (target / "old.html").write_text("old\n")
    (target / ".gitkeep").write_text("")
    staging.mkdir(parents=True)
    (staging / "new.html").write_text("new\n")

    def no_rename(*args):
        raise AssertionError(f"renamed in two steps: {args}")

    monkeypatch.setattr(files.os, "replace", no_rename)
    files.replace_dir(staging, target)
    assert sorted(p.name for p in target.iterdir()) == [".gitkeep", "new.html"]
    assert not staging.exists() and not (tmp_path / ".output.old").exists()


def test_without_an_exchange_the_output_is_replaced_all_the_same(tmp_path, monkeypatch):
    from site_builder import files

    monkeypatch.setattr(files, "_RENAMEAT2", None)
    target, staging = tmp_path / "output", tmp_path / "staging"
    target.mkdir()
    (target / "old.html").write_text("old\n")
    staging.mkdir()
    (staging / "new.html").write_text("new\n")
    files.replace_dir(staging, target)
    assert [p.name for p in target.iterdir()] == ["new.html"]
    assert not staging.exists() and not (tmp_path / ".output.old").exists()


def pagefind_under(pid: int) -> bool:
    return any("pagefind" in command_line(c) for c in descendants(pid))


@pytest.mark.parametrize("after", ["build", "serve"])
def test_killed_serve_leaves_the_output_and_the_next_run_removes_its_search_staging(built, tmp_path, after):
    """Serve killed while Pagefind makes its search index, then the next build or serve."""
    origin, before, stdout = built
    site = tmp_path / "site"
    shutil.copytree(origin, site, symlinks=True)
    process = subprocess.Popen(serve_command(), cwd=site, env=env(), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        # Serve's own build indexes nothing: Pagefind under it is its background indexer at work.
        wait_for("serve's indexer running Pagefind", lambda: pagefind_under(process.pid), 300)
        [staging] = staging_folders(site, SEARCH)
        assert holder(staging) == process.pid
        # Another build's clean-up leaves a live serve's folder alone.
        assert remove_stale(site / "output") == [] and staging.is_dir()
        children = descendants(process.pid)
        served = tree(site / "output")
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()

    # The indexer and its Pagefind die with serve instead of writing on into the staging folder.
    ended(children)
    assert not list(staging.rglob("pagefind.js")), "the indexer wrote on after serve was killed"
    assert staging_folders(site, SEARCH) == [staging] and (staging / LOCK).exists()
    assert tree(site / "output") == served, "the killed serve changed the output"
    assert not (site / "output" / ".pagefind.old").exists()

    if after == "build":
        assert run_build(site) == stdout
        assert tree(site / "output") == before, "the next build is not the whole site"
    else:
        process = subprocess.Popen(serve_command(), cwd=site, env=env(), stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE, text=True,
                                   preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))  # (test_serve)
        try:
            # It removes the folder as it starts (its first build), then indexes in a folder of its own.
            wait_for("the next serve to remove the folder", lambda: not staging.exists() or process.poll() is not None,
                     300)
            assert process.poll() is None, process.stderr.read()
        finally:
            process.send_signal(signal.SIGINT)
            try:
                _, err = process.communicate(timeout=60)
            except subprocess.TimeoutExpired:
                process.kill()
                _, err = process.communicate()
        assert process.returncode == 0, err
        assert "Traceback" not in err, err
    assert not staging.exists(), "the killed serve's search staging folder is still there"
    assert staging_folders(site, SEARCH) == [] and staging_folders(site) == []
    assert (site / "output" / "pagefind" / "pagefind.js").is_file()
    assert not (site / ".output.old").exists() and not (site / "output" / ".pagefind.old").exists()


def test_a_live_serve_s_search_staging_folder_is_kept(tmp_path):
    """The next build's clean-up, in another process, removes a dead serve's search folder, never a live one's."""
    output = tmp_path / "output"
    live = Staging.create(output, SEARCH)
    try:
        assert live.root.name.startswith(".output-search-") and live.site.is_dir()
        dead = tmp_path / f"{prefix(output, SEARCH)}dead"
        (dead / "site").mkdir(parents=True)
        (dead / LOCK).write_text("999999999\n")
        # From a serve of before locks: no lock file, and old.
        old = tmp_path / f"{prefix(output, SEARCH)}old"
        old.mkdir()
        os.utime(old, (time.time() - 3600, time.time() - 3600))
        code = ("import sys; from pathlib import Path; from site_builder.staging import remove_stale; "
                "print(*[p.name for p in remove_stale(Path(sys.argv[1]))])")
        done = subprocess.run([sys.executable, "-c", code, str(output)], env=env(), capture_output=True, text=True,
                              timeout=60)
        assert (done.returncode, done.stdout) == (0, f"{dead.name} {old.name}\n"), done.stderr
        assert live.root.is_dir() and holder(live.root) == os.getpid()
        assert not dead.exists() and not old.exists()
    finally:
        live.close()
    assert not live.root.exists()


def test_a_killed_ingest_takes_its_workers_with_it(tmp_path):
    """Ingest's worker processes would otherwise wait for work forever, each holding a language model."""
    if (os.cpu_count() or 1) < 2:
        pytest.skip("ingest annotates in one process on one CPU")
    shutil.copytree(SMALL / "seeds", tmp_path / "seeds")
    # Workers from the first new text on, instead of from 64: three texts are enough.
    code = ("import sys; import site_builder.ingest as ingest; ingest.PARALLEL_FROM = 1; "
            "from site_builder.cli import main; sys.exit(main(['ingest', '--quiet']))")
    process = subprocess.Popen([sys.executable, "-c", code], cwd=tmp_path, env=env(), stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
    try:
        children = wait_for("ingest's workers", lambda: descendants(process.pid), 120)
        process.send_signal(signal.SIGKILL)
        process.wait(30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    ended(children)
