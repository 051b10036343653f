"""Tests for betweenpowers.checks.feedback and betweenpowers.checks.parsing: outcomes, messages and reading answers."""

from __future__ import annotations

import decimal
import fractions
import math

import numpy as np
import pandas as pd
import pytest
from hostile_answers import ReprRaises

from betweenpowers.checks import Feedback, Outcome, describe, is_missing
from betweenpowers.checks.feedback import exception_summary, first_line, with_hint
from betweenpowers.checks.parsing import (
    list_letters,
    looks_like_number,
    normalise_letter,
    read_integer,
    read_number,
    single_value_tip,
)

# ---------------------------------------------------------------------------
# Feedback
# ---------------------------------------------------------------------------


def test_feedback_helpers():
    feedback = Feedback(Outcome.CORRECT, "Correct! Well done.")
    assert feedback.correct and str(feedback) == "Correct! Well done."
    assert not Feedback(Outcome.CLOSE, "Close").correct


def test_with_hint_adds_a_second_line_only_when_there_is_a_hint():
    assert with_hint("Not quite.", "") == "Not quite."
    assert with_hint("Not quite.", "Use totals.") == "Not quite.\nHint: Use totals."


def test_exception_summaries_never_raise():
    class StrRaises(Exception):
        def __str__(self) -> str:
            raise RuntimeError("no str")

    assert first_line(ValueError("first\nsecond")) == "first"
    assert first_line(ValueError("x" * 500)) == "x" * 200
    assert first_line(StrRaises()) == ""
    assert exception_summary(StrRaises()) == "StrRaises"
    assert exception_summary(KeyError("share")) == "KeyError: 'share'"


# ---------------------------------------------------------------------------
# Missing answers and descriptions
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("answer", [None, ..., "", "   ", "...", " ... ", "…"], ids=repr)
def test_is_missing(answer):
    assert is_missing(answer)


@pytest.mark.parametrize("answer", [0, 0.0, "0", "a", [], {}, math.nan, False, np.array([])], ids=repr)
def test_is_not_missing(answer):
    assert not is_missing(answer)


@pytest.mark.parametrize(
    ("value", "text"),
    [
        ("0.45", "a str"),
        (42, "an int"),
        (int, "a class (int) rather than a value"),
        (pd.NA, "a missing value (pandas NA)"),
        (pd.NaT, "a missing value (pandas NA)"),
        (pd.DataFrame({"a": [1, 2]}), "a pandas DataFrame with shape (2, 1)"),
        (pd.Series([1, 2, 3]), "a pandas Series of length 3"),
        (np.zeros((2, 3)), "a numpy array of shape (2, 3)"),
        (ReprRaises(), "a ReprRaises"),
    ],
    ids=lambda v: type(v).__name__,
)
def test_describe_names_the_type_never_the_value(value, text):
    assert describe(value) == text


def test_single_value_tip():
    assert ".item()" in single_value_tip(np.array([0.45]))
    assert "single value" in single_value_tip(pd.DataFrame({"a": [1, 2]}))
    assert "single value" in single_value_tip((0.45,))
    assert single_value_tip("0.45") == ""


# ---------------------------------------------------------------------------
# Numbers and whole numbers
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answer", "value"),
    [(0.25, 0.25), (np.float32(0.5), 0.5), (np.int64(17), 17.0), (np.array(3), 3.0), (fractions.Fraction(1, 4), 0.25)],
    ids=repr,
)
def test_read_number(answer, value):
    assert read_number(answer) == (value, "")


def test_read_number_special_values():
    assert math.isnan(read_number(math.nan)[0])
    assert read_number(10**400) == (math.inf, "")
    assert read_number(-(10**400)) == (-math.inf, "")


@pytest.mark.parametrize("answer", [True, np.bool_(False), "0.45", 1 + 2j, decimal.Decimal("0.45"), [0.45]], ids=repr)
def test_read_number_refuses_non_numbers(answer):
    value, message = read_number(answer)
    assert value is None
    assert message.startswith("Wrong type: expected a number (int or float), got ")


def test_read_number_messages():
    assert read_number("45%")[1].endswith("It looks like a number in quotes: remove the quotes.")
    assert "remove the quotes" not in read_number("KAZ")[1]
    assert read_number(True)[1] == "Wrong type: expected a number (int or float), got a bool (True/False)."
    assert looks_like_number("1,234.5") and not looks_like_number("KAZ")


@pytest.mark.parametrize("answer", [2014, np.int64(2014), 2014.0, np.float64(2014.0), np.array(2014)], ids=repr)
def test_read_integer(answer):
    assert read_integer(answer) == (2014, "")


def test_read_integer_refusals():
    assert read_integer(2014.5) == (
        None,
        "Wrong type: expected a whole number (int), got a float with a fractional part.",
    )
    value, message = read_integer("2014")
    assert value is None
    assert message.startswith("Wrong type: expected a whole number (int), got a str.")
    assert message.count("remove the quotes") == 1
    assert read_integer(math.inf)[0] is None
    assert read_integer(True)[0] is None


# ---------------------------------------------------------------------------
# Option letters
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["b", "B", " b ", "(b)", "(B)", "b)", "b.", "[b]"], ids=repr)
def test_normalise_letter(text):
    assert normalise_letter(text) == "b"


def test_list_letters():
    assert list_letters(["a"]) == '"a"'
    assert list_letters(["a", "b"]) == '"a" or "b"'
    assert list_letters(["a", "b", "c"]) == '"a", "b" or "c"'
