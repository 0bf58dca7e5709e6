"""The one error type for user mistakes: a file, a line and a message."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the user's input, printed as `path:line: message`."""

    path: str
    """The file the problem is in, as the user would type it."""
    line: int | None
    """1-based line number in that file, when the problem sits on one line."""
    message: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {self.message}"


class UserError(Exception):
    """A mistake in the user's input or command; the CLI prints each problem on one line."""

    def __init__(self, problems: Problem | list[Problem] | tuple[Problem, ...]):
        if isinstance(problems, Problem):
            problems = [problems]
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


def problem(path: str | Path, message: str, line: int | None = None) -> Problem:
    """Make a Problem whose path is shown relative to the working directory when it can be."""
    return Problem(display_path(path), line, message)


def display_path(path: str | Path) -> str:
    p = Path(path)
    try:
        return str(p.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(p)
