"""Check: validate the configuration and content/ as a build would, without building; every problem at once."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from site_builder import config as site_config
from site_builder import content as ct
from site_builder.errors import Problem, UserError


@dataclass(frozen=True)
class CheckResult:
    problems: tuple[Problem, ...]
    documents: int
    """Documents checked (0 when the content could not be read at all)."""
    events: int

    @property
    def files(self) -> int:
        """How many files the problems are in."""
        return len({p.path for p in self.problems})


def check(content: Path, config: Path, cache: ct.LoadCache | None = None) -> CheckResult:
    """Every problem a build would refuse: the site configuration's, then content's (content.load's checks).

    `cache` lets a caller (review) read the entries again afterwards without parsing them twice.
    """
    problems: list[Problem] = []
    try:
        site_config.load(config)
    except UserError as e:
        problems.extend(e.problems)
    documents = events = 0
    cache = cache or ct.LoadCache()
    cache.prefetch(content, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)
    try:
        corpus = ct.load(content, cache)
    except UserError as e:
        problems.extend(e.problems)
    else:
        documents, events = len(corpus.documents), len(corpus.events)
    return CheckResult(tuple(problems), documents, events)
