"""`site-builder deploy`: the built site committed to gh-pages of a local bare remote, with real git."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
GIT_ENV = {"GIT_AUTHOR_NAME": "Editor", "GIT_AUTHOR_EMAIL": "editor@example.org", "GIT_COMMITTER_NAME": "Editor",
           "GIT_COMMITTER_EMAIL": "editor@example.org", "GIT_CONFIG_NOSYSTEM": "1"}

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="needs git")


def git(cwd: Path, *args: str) -> str:
    env = {k: v for k, v in os.environ.items() if not k.startswith("GIT_")}
    done = subprocess.run(["git", *args], cwd=cwd, env={**env, **GIT_ENV, "HOME": str(cwd)}, capture_output=True,
                          text=True, check=True)
    return done.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch) -> Path:
    """A git repository (branch main, one commit) holding the project's sources, with a bare remote `origin`."""
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    monkeypatch.setenv("HOME", str(tmp_path))
    work = tmp_path / "project"
    work.mkdir()
    for name in ("content", "templates", "static", "seeds"):
        shutil.copytree(ROOT / name, work / name)
    for name in ("site.yaml", ".gitignore"):
        shutil.copyfile(ROOT / name, work / name)
    git(work, "init", "-q", "-b", "main")
    git(work, "add", "-A")
    git(work, "commit", "-q", "-m", "Sources")
    remote = tmp_path / "remote.git"
    git(tmp_path, "init", "-q", "--bare", str(remote))
    git(work, "remote", "add", "origin", str(remote))
    return work


def remote_of(repo: Path) -> Path:
    return repo.parent / "remote.git"


def state(repo: Path) -> tuple[str, str, str, str]:
    """What deploy must leave alone: HEAD, the current branch, the status and the index."""
    return (git(repo, "rev-parse", "HEAD"), git(repo, "symbolic-ref", "HEAD"), git(repo, "status", "--porcelain"),
            git(repo, "ls-files", "-s"))


def test_deploy_commits_the_site_to_the_branch(repo: Path, run_cli) -> None:
    before = state(repo)
    source = before[0]
    code, out, err = run_cli(["deploy", "--base-url", "https://editor.github.io/record/"], repo)
    assert code == 0, err
    assert out.splitlines()[-1].startswith("deploy: gh-pages committed ")
    remote = remote_of(repo)
    files = git(remote, "ls-tree", "-r", "--name-only", "gh-pages").splitlines()
    for name in (".nojekyll", "index.html", "404.html", "sitemap.xml", "en/index.html",
                 "en/documents/001-7d84094cef418d8d/index.html", "static/style.css", ".site-builder"):
        assert name in files
    assert "site.yaml" not in files and "content/timeline.yaml" not in files
    assert git(remote, "log", "-1", "--format=%s", "gh-pages") == f"Deploy {source} from main"
    assert git(remote, "log", "--format=%P", "gh-pages") == ""  # a new branch starts with no parent
    sitemap = git(remote, "show", "gh-pages:sitemap.xml")
    assert "<loc>https://editor.github.io/record/en/</loc>" in sitemap
    # The working tree, the index and the current branch are as they were; the local branch is the remote's.
    assert state(repo) == before
    assert git(repo, "rev-parse", "gh-pages") == git(remote, "rev-parse", "gh-pages")
    # The published files are the built ones, byte for byte.
    built = (repo / "output/en/index.html").read_text(encoding="utf-8")
    assert git(remote, "show", "gh-pages:en/index.html") == built.strip()


def test_next_deploy_continues_the_branch(repo: Path, run_cli) -> None:
    assert run_cli(["deploy"], repo)[0] == 0
    first = git(remote_of(repo), "rev-parse", "gh-pages")
    config = repo / "site.yaml"
    config.write_text(config.read_text(encoding="utf-8").replace("publisher: ", "publisher: The "), encoding="utf-8")
    git(repo, "commit", "-q", "-am", "Publisher")
    source = git(repo, "rev-parse", "HEAD")
    code, _, err = run_cli(["deploy"], repo)
    assert code == 0, err
    remote = remote_of(repo)
    assert git(remote, "log", "--format=%P", "-1", "gh-pages") == first
    assert git(remote, "log", "-1", "--format=%s", "gh-pages") == f"Deploy {source} from main"
    # Deploying the same site again makes no empty commit. (Not a rebuild: Pagefind's index
    # differs from one build to the next.)
    code, out, _ = run_cli(["deploy", "--no-build"], repo)
    assert code == 0 and " unchanged at " in out
    assert git(remote, "rev-list", "--count", "gh-pages") == "2"


def test_refuses_uncommitted_changes_unless_forced(repo: Path, run_cli) -> None:
    entry = repo / "content/documents/001-7d84094cef418d8d.md"
    entry.write_text(entry.read_text(encoding="utf-8").replace("title: ", "title: Draft ", 1), encoding="utf-8")
    before = state(repo)
    code, out, err = run_cli(["deploy"], repo)
    assert code == 1
    assert err.splitlines() == ["error: .: uncommitted changes: commit them first, or deploy anyway with --force"]
    assert git(remote_of(repo), "branch", "--list") == ""
    assert not (repo / "output" / "index.html").exists()  # refused before building
    code, _, err = run_cli(["deploy", "--force"], repo)
    assert code == 0, err
    assert state(repo) == before  # the edit is still there, uncommitted
    page = git(remote_of(repo), "show", "gh-pages:en/documents/001-7d84094cef418d8d/index.html")
    assert "Draft " in page
    assert git(remote_of(repo), "log", "-1", "--format=%s", "gh-pages") == f"Deploy {before[0]} from main"


def test_untracked_files_count_as_uncommitted(repo: Path, run_cli) -> None:
    (repo / "notes.txt").write_text("to do\n", encoding="utf-8")
    code, _, err = run_cli(["deploy"], repo)
    assert code == 1 and "uncommitted changes" in err


def test_other_branch_and_remote_names(repo: Path, run_cli) -> None:
    git(repo, "remote", "rename", "origin", "pages")
    code, _, err = run_cli(["deploy", "--remote", "pages", "--branch", "site"], repo)
    assert code == 0, err
    assert "index.html" in git(remote_of(repo), "ls-tree", "--name-only", "site").splitlines()


def test_unknown_remote_is_one_line(repo: Path, run_cli) -> None:
    code, _, err = run_cli(["deploy", "--remote", "nowhere"], repo)
    assert code == 1
    assert err.splitlines() == ["error: .: no git remote named 'nowhere' (see `git remote -v`)"]


def test_no_build_publishes_the_existing_output_and_adds_nojekyll(repo: Path, run_cli, tmp_path: Path) -> None:
    assert run_cli(["build"], repo)[0] == 0
    (repo / "output" / ".nojekyll").unlink()
    code, _, err = run_cli(["deploy", "--no-build"], repo)
    assert code == 0, err
    assert not (repo / "output" / ".nojekyll").exists()  # the folder is published as it is, plus .nojekyll
    files = git(remote_of(repo), "ls-tree", "--name-only", "gh-pages").splitlines()
    assert ".nojekyll" in files
    empty = subprocess.run(["git", "hash-object", "--stdin"], input="", capture_output=True, text=True).stdout.strip()
    assert git(remote_of(repo), "rev-parse", "gh-pages:.nojekyll") == empty


def test_not_a_repository(tmp_path: Path, run_cli, monkeypatch) -> None:
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    code, _, err = run_cli(["deploy"], tmp_path)
    assert code == 1
    assert err.splitlines() == ["error: .: not inside a git repository"]


def test_refuses_to_deploy_onto_the_current_branch(repo: Path, run_cli) -> None:
    git(repo, "checkout", "-q", "-b", "gh-pages")
    code, _, err = run_cli(["deploy"], repo)
    assert code == 1
    assert err.splitlines() == ["error: .: you are on gh-pages: deploy from the branch of the sources"]
