"""The development set (tests/fixtures/annotation): 64 texts written after real articles of the region's
outlets, 16 per language, with their expected annotations. Each text is a test for what must always hold
(its language, no invented day, its seed kept word for word); the set as a whole must stay at or above
the figures the README gives (benchmarks/annotation_score.py prints them)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

import annotation_score as score  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "annotation"
EXPECTED = score.expected_of(sorted(FIXTURES.glob("expected*.yaml")))


@pytest.fixture(scope="module")
def rows():
    return {r["name"]: r for r in score.compare(FIXTURES, EXPECTED)}


def test_the_set_has_every_language():
    by_language = {}
    for name, want in EXPECTED.items():
        by_language.setdefault(want["language"], []).append(name)
        assert (FIXTURES / f"{name}.txt").exists(), name
    assert {lang: len(v) >= 15 for lang, v in by_language.items()} == {"ru": True, "kk": True, "az": True, "en": True}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_language(rows, name):
    assert rows[name]["language"], rows[name]["got"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_no_invented_day(rows, name):
    """A day only where the text gives one: never a day for a text dated to a month, a year or nothing."""
    assert not rows[name]["invented_day"], (rows[name]["got"]["date"], rows[name]["want"]["date"])


@pytest.mark.parametrize("name", sorted(n for n, w in EXPECTED.items() if w.get("date") is None))
def test_undated_texts_stay_undated_or_bounded(rows, name):
    assert rows[name]["got"]["date"] in (None, *[str(y) for y in range(1991, 2031)])


# The floor: the figures of the development set when this was written (README, "Annotation quality").
FLOOR = {"language": 1.0, "date": 0.9, "title": 0.85, "outlet": 0.9, "outlet_cites": 0.95,
         "topic_f1": 0.8, "people_recall": 0.9, "people_precision": 0.9}


@pytest.mark.parametrize("field", sorted(FLOOR))
def test_the_set_stays_at_its_figures(rows, field):
    totals = score.totals(list(rows.values()))
    assert totals[field] >= FLOOR[field], f"{field}: {totals[field]:.3f} < {FLOOR[field]}"


def test_no_invented_days_at_all(rows):
    assert score.totals(list(rows.values()))["invented_days"] == 0
