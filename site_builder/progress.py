"""Progress of a long command: a bar per phase on a terminal, one plain line per phase elsewhere, a summary at the end.

    phases = Phases("build")
    with phases.phase("render", total=len(specs), unit="pages") as bar:
        for spec in specs:
            ...
            bar.update()
    phases.count(pages=n, files=m, bytes=b)
    phases.finish()      # build: 1,206 pages, 2,431 files, 14,203,112 bytes in 9.8 s (load 0.4 s, render 3.1 s, …)

Everything goes to stderr (stdout keeps the command's own result lines). A quiet Phases
prints nothing; errors are the command line's to print, not this module's.
"""

from __future__ import annotations

import os
import sys
import time
from contextlib import contextmanager
from typing import Iterator, TextIO

from tqdm import tqdm


class _Bar(tqdm):
    # No monitor thread: the build forks render workers while a bar is open, and a process
    # that forks should have no other thread.
    monitor_interval = 0


def number(n: int) -> str:
    """An integer with thousands separators, whatever the locale: 14,203,112."""
    return f"{n:,}"


def seconds(s: float) -> str:
    return f"{s:.1f} s"


class Phase:
    """What a phase's work reports to as it goes."""

    def __init__(self, bar: tqdm | None, unit: str):
        self._bar = bar
        self.unit = unit
        self.done = 0
        """Items done so far (pages rendered, texts annotated …)."""

    def update(self, n: int = 1) -> None:
        self.done += n
        if self._bar is not None:
            self._bar.update(n)

    def tick(self) -> None:
        """Show that work without counted items (an indexer running) is still going: the elapsed time moves."""
        if self._bar is not None:
            self._bar.refresh()


class Phases:
    """The phases of one command, timed, with the figures of its summary."""

    def __init__(self, command: str, stream: TextIO | None = None, quiet: bool = False, bars: bool | None = None):
        self.command = command
        self.stream = stream if stream is not None else sys.stderr
        self.quiet = quiet
        self.bars = _is_terminal(self.stream) if bars is None else bars
        """Bars that redraw themselves (a terminal), or else one line when each phase ends (a CI log)."""
        self.timings: list[tuple[str, float]] = []
        self.figures: dict[str, int] = {}
        self._start = time.perf_counter()

    @contextmanager
    def phase(self, name: str, total: int | None = None, unit: str = "") -> Iterator[Phase]:
        """Time the work of the `with` block; a phase that raises is timed but not reported done."""
        bar = None
        if self.bars and not self.quiet:
            # A terminal that tells no size (0 columns) gets 80 by 24, not an empty line.
            width = _columns(self.stream)
            bar = _Bar(total=total, desc=f"{self.command}: {name}", unit=f" {unit}" if unit else "it",
                       file=self.stream, leave=True, dynamic_ncols=bool(width), ncols=None if width else 80, nrows=None if width else 24,
                       mininterval=0.2, bar_format=None if unit else "{desc}: {elapsed}")
        handle = Phase(bar, unit)
        start = time.perf_counter()
        try:
            yield handle
        finally:
            took = time.perf_counter() - start
            self.timings.append((name, took))
            if bar is not None:
                bar.close()
        if not self.bars and not self.quiet:
            done = f" {number(handle.done)} {unit}" if unit else ""
            self._print(f"{self.command}: {name}{done} in {seconds(took)}")

    def count(self, **figures: int) -> None:
        """Add to the summary's figures (pages=…, files=…, bytes=…), shown in the order first given."""
        for key, n in figures.items():
            self.figures[key] = self.figures.get(key, 0) + n

    def summary(self) -> str:
        figures = ", ".join(f"{number(n)} {key}" for key, n in self.figures.items())
        each = ", ".join(f"{name} {seconds(s)}" for name, s in self.timings)
        total = time.perf_counter() - self._start
        return f"{self.command}: {figures or 'done'} in {seconds(total)}" + (f" ({each})" if each else "")

    def finish(self) -> None:
        """Print the summary line (unless quiet)."""
        if not self.quiet:
            self._print(self.summary())

    def _print(self, line: str) -> None:
        print(line, file=self.stream, flush=True)


def silent() -> Phases:
    """Phases that print nothing (serve's rebuilds, the library called from code)."""
    return Phases("", quiet=True, bars=False)


def _columns(stream: TextIO) -> int:
    try:
        return os.get_terminal_size(stream.fileno()).columns
    except (AttributeError, ValueError, OSError):
        return 0


def _is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
