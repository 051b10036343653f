"""Fixtures shared by the unit tests of one topic in two modules (a measure and its explorer)."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable

import pandas as pd
import pytest

from betweenpowers import checks
from betweenpowers.measures import exposure


@pytest.fixture(scope="module")
def annual(trade: pd.DataFrame, macro: pd.DataFrame) -> pd.DataFrame:
    """Lesson 07's annual exposure table (measures.exposure.annual_exposure_table)."""
    return exposure.annual_exposure_table(trade, macro)


@pytest.fixture(scope="module")
def inputs(trade: pd.DataFrame, macro: pd.DataFrame) -> pd.DataFrame:
    """The inputs of lesson 07's teaching model (measures.exposure.model_inputs)."""
    return exposure.model_inputs(trade, macro)


def _cached(func: Callable[[], object]) -> Callable[[], object]:
    """The answer key's callable, computed once; each call gets a deep copy (grading may not mutate it)."""
    value = func()
    return lambda: copy.deepcopy(value)


@pytest.fixture(scope="module")
def real_answer_key() -> dict[str, checks.Question]:
    """Every question of the real answer key, with its expected answer and typical mistakes computed once
    (test_checks_fuzz.py and test_checks_mistakes.py grade many answers to each)."""
    questions = {}
    for qid in checks.registered_ids():
        question = checks.get_question(qid)
        if callable(getattr(question, "expected", None)):
            question = dataclasses.replace(question, expected=_cached(question.expected))
        if getattr(question, "mistakes", None):
            question = dataclasses.replace(
                question, mistakes={text: _cached(compute) for text, compute in question.mistakes.items()})
        questions[qid] = question
    return questions
