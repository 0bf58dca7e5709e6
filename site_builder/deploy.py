"""Deploy: commit a built site to a branch (gh-pages) with git plumbing and push it, never touching the work tree."""

from __future__ import annotations

import os
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from site_builder.errors import UserError, problem

NOJEKYLL = ".nojekyll"
# Set by git hooks or by the user's shell; they would point the commands below at another repository.
_GIT_ENV = ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_PREFIX", "GIT_OBJECT_DIRECTORY")


@dataclass(frozen=True)
class DeployResult:
    commit: str
    """The new commit on the branch (or its tip, unchanged, when the site was the same)."""
    source: str
    """The commit of the sources the site was built from."""
    source_branch: str
    branch: str
    remote: str
    changed: bool
    """False when the branch already held exactly this site."""


class Git:
    """The git command line in one repository, with git's own message as the error."""

    def __init__(self, repo: Path):
        self.repo = repo
        self.env = {k: v for k, v in os.environ.items() if k not in _GIT_ENV}

    def run(self, *args: str, env: dict[str, str] | None = None, cwd: Path | None = None,
            check: bool = True, input: bytes | None = None) -> str:
        try:
            done = subprocess.run(["git", *args], cwd=cwd or self.repo, env={**self.env, **(env or {})},
                                  capture_output=True, input=input, check=False)
        except FileNotFoundError:
            raise UserError(problem("git", "git is not installed")) from None
        if check and done.returncode != 0:
            lines = done.stderr.decode("utf-8", "replace").strip().splitlines()
            errors = [ln for ln in lines if ln.startswith(("fatal:", "error:"))]
            detail = (errors or lines or [""])[-1]
            raise UserError(problem("git", f"git {args[0]} failed: {detail.removeprefix('fatal: ').strip()}"))
        return done.stdout.decode("utf-8", "replace").strip() if done.returncode == 0 else ""


def preflight(repo: Path, remote: str, branch: str, force: bool = False) -> tuple[Git, str, str]:
    """(git, source commit, current branch) of `repo`, or the reason not to deploy (before any build).

    Refuses uncommitted changes unless `force`, an unknown remote, and deploying onto the current branch.
    """
    git = Git(repo)
    if not git.run("rev-parse", "--is-inside-work-tree", check=False):
        raise UserError(problem(repo, "not inside a git repository"))
    if not force and git.run("status", "--porcelain"):
        raise UserError(problem(repo, "uncommitted changes: commit them first, or deploy anyway with --force"))
    source = git.run("rev-parse", "--verify", "-q", "HEAD", check=False)
    if not source:
        raise UserError(problem(repo, "the repository has no commit yet: commit the sources first"))
    current = git.run("symbolic-ref", "--short", "-q", "HEAD", check=False) or "detached HEAD"
    if current == branch:
        raise UserError(problem(repo, f"you are on {branch}: deploy from the branch of the sources"))
    if not git.run("remote", "get-url", remote, check=False):
        raise UserError(problem(repo, f"no git remote named {remote!r} (see `git remote -v`)"))
    git.run("check-ref-format", f"refs/heads/{branch}")
    return git, source, current


def deploy(repo: Path, site: Path, remote: str = "origin", branch: str = "gh-pages", force: bool = False,
           push: bool = True) -> DeployResult:
    """Commit the folder `site` as the whole tree of `branch` and push it to `remote`.

    The tree is made in a temporary index from the folder (GIT_INDEX_FILE), the commit with
    commit-tree (parent: the branch's tip, or none for a new branch) and the branch moved
    with update-ref: no checkout, so the working tree, the index and the current branch stay.
    """
    git, source, source_branch = preflight(repo, remote, branch, force)
    if not site.is_dir() or not any(site.iterdir()):
        raise UserError(problem(site, "no built site here (run site-builder build first)"))
    ref = f"refs/heads/{branch}"
    parent = git.run("rev-parse", "--verify", "-q", f"{ref}^{{commit}}", check=False)
    if not parent:
        # A fresh clone has no local branch yet: continue the remote's history rather than replace it.
        git.run("fetch", "-q", remote, f"+{ref}:refs/remotes/{remote}/{branch}", check=False)
        parent = git.run("rev-parse", "--verify", "-q", f"refs/remotes/{remote}/{branch}^{{commit}}", check=False)
    git_dir = git.run("rev-parse", "--absolute-git-dir")
    with tempfile.TemporaryDirectory(prefix="site-builder-deploy-") as tmp:
        env = {"GIT_INDEX_FILE": str(Path(tmp) / "index")}
        work = ["--git-dir", git_dir, "--work-tree", str(site.resolve())]
        git.run(*work, "read-tree", "--empty", env=env)
        # -f: the site is published whole, whatever ignore rules the user's git has.
        git.run(*work, "add", "--all", "--force", ".", env=env, cwd=site)
        if not (site / NOJEKYLL).exists():
            blob = git.run("hash-object", "-w", "--stdin", input=b"")
            git.run(*work, "update-index", "--add", "--cacheinfo", f"100644,{blob},{NOJEKYLL}", env=env)
        tree = git.run(*work, "write-tree", env=env)
    changed = not parent or git.run("rev-parse", f"{parent}^{{tree}}") != tree
    commit = parent
    if changed:
        message = f"Deploy {source} from {source_branch}"
        commit = git.run("commit-tree", tree, *(("-p", parent) if parent else ()), "-m", message)
        git.run("update-ref", "-m", f"site-builder deploy: {message}", ref, commit, parent)
    if push:
        git.run("push", "-q", remote, f"{ref}:{ref}")
    return DeployResult(commit, source, source_branch, branch, remote, changed)
