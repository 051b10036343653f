"""Tests for betweenpowers.checks.questions: numbers, option letters, text and exact values, through evaluate()."""

from __future__ import annotations

import decimal
import fractions
import math

import numpy as np
import pandas as pd
import pytest

from betweenpowers import checks
from betweenpowers.checks import (
    ChoiceQuestion,
    ExpectedValueError,
    NumberQuestion,
    Outcome,
    Question,
    TextQuestion,
    ValueQuestion,
)
from betweenpowers.checks import registry as checks_registry
from betweenpowers.checks.questions import compute_expected


def single_value_questions() -> list[Question]:
    """One test question of each single-value kind (ids ``t_...``, never in the real answer key)."""
    return [
        NumberQuestion(id="t_number", prompt="A share", expected=lambda: 0.4523, hint="Use totals."),
        ChoiceQuestion(
            id="t_choice",
            options={"a": "China", "b": "Russia", "c": "European Union"},
            expected=lambda: "b",
            option_hints={"a": "China is the second-largest partner."},
            hint="Look at the 2022 column.",
        ),
        TextQuestion(id="t_text", min_words=8, solution_notebook="solutions/01_trade.ipynb"),
        ValueQuestion(id="t_iso", expected=lambda: "KAZ", hint="Three letters."),
        ValueQuestion(id="t_iso_strict", expected=lambda: "KAZ", ignore_case=False),
        ValueQuestion(id="t_year", expected=lambda: np.int64(2014)),
    ]


@pytest.fixture
def empty_registry(monkeypatch):
    """An empty registry; the real answer key is not loaded."""
    monkeypatch.setattr(checks_registry, "_REGISTRY", {})
    monkeypatch.setattr(checks_registry, "_DEFINED_IN", {})
    monkeypatch.setattr(checks_registry, "_answer_key_loaded", True)


@pytest.fixture
def registry(empty_registry):
    """A fresh registry holding the test questions."""
    checks.register(*single_value_questions())


def outcome(qid: str, answer: object) -> Outcome:
    return checks.evaluate(qid, answer).outcome


# ---------------------------------------------------------------------------
# NumberQuestion
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "answer",
    [0.4523, 0.45232, np.float64(0.4523), np.float32(0.4523), np.array(0.4523), fractions.Fraction(4523, 10000)],
    ids=repr,
)
def test_number_correct(registry, answer):
    assert outcome("t_number", answer) is Outcome.CORRECT


def test_number_accepts_ints_and_numpy_ints(empty_registry):
    checks.register(NumberQuestion(id="count", expected=lambda: np.int64(17)))
    assert outcome("count", 17) is Outcome.CORRECT
    assert outcome("count", np.int32(17)) is Outcome.CORRECT
    assert outcome("count", np.array(17)) is Outcome.CORRECT
    assert outcome("count", 170) is Outcome.INCORRECT


def test_number_percentage_mixup_gets_specific_hint(registry):
    too_large = checks.evaluate("t_number", 45.23)
    assert too_large.outcome is Outcome.CLOSE
    assert too_large.message.startswith("Close, but not quite")
    assert "100 times too large" in too_large.message and "divide by 100" in too_large.message
    # a rounded percentage still gets the same hint
    assert "100 times too large" in checks.evaluate("t_number", 45).message
    too_small = checks.evaluate("t_number", 0.004523)
    assert too_small.outcome is Outcome.CLOSE
    assert "multiply by 100" in too_small.message


def test_number_close_band_and_sign(registry):
    close = checks.evaluate("t_number", 0.46)
    assert close.outcome is Outcome.CLOSE
    assert "within 5%" in close.message
    assert close.message.endswith("Hint: Use totals.")
    sign = checks.evaluate("t_number", -0.4523)
    assert sign.outcome is Outcome.CLOSE
    assert "sign" in sign.message


def test_number_incorrect_shows_hint_and_not_the_answer(registry):
    feedback = checks.evaluate("t_number", 0.9)
    assert feedback.outcome is Outcome.INCORRECT
    assert feedback.message == "Not quite: that is not the expected value.\nHint: Use totals."
    assert "0.4523" not in feedback.message


@pytest.mark.parametrize("answer", [True, False, np.bool_(True)], ids=repr)
def test_number_rejects_bools(registry, answer):
    feedback = checks.evaluate("t_number", answer)
    assert feedback.outcome is Outcome.WRONG_TYPE
    assert "bool" in feedback.message


def test_number_wrong_type_messages(registry):
    text = checks.evaluate("t_number", "0.4523")
    assert text.outcome is Outcome.WRONG_TYPE
    assert text.message.startswith("Wrong type: expected a number (int or float), got a str.")
    assert "remove the quotes" in text.message
    series = checks.evaluate("t_number", pd.Series([0.4523]))
    assert series.outcome is Outcome.WRONG_TYPE
    assert ".item()" in series.message
    longer = checks.evaluate("t_number", np.array([0.1, 0.2]))
    assert longer.outcome is Outcome.WRONG_TYPE
    assert "single value" in longer.message
    assert outcome("t_number", 1 + 2j) is Outcome.WRONG_TYPE
    assert outcome("t_number", decimal.Decimal("0.4523")) is Outcome.WRONG_TYPE


@pytest.mark.parametrize(
    ("answer", "words"),
    [(math.nan, "NaN"), (np.nan, "NaN"), (math.inf, "infinite"), (-math.inf, "infinite"), (10**400, "infinite"),
     (-(10**400), "infinite")],
    ids=repr,
)
def test_number_nan_inf_and_huge_ints(registry, answer, words):
    feedback = checks.evaluate("t_number", answer)
    assert feedback.outcome is Outcome.INCORRECT
    assert words in feedback.message


def test_number_tolerances_are_configurable(empty_registry):
    checks.register(NumberQuestion(id="loose", expected=lambda: 100.0, rel_tol=0.01, close_rel=0.2))
    assert outcome("loose", 100.9) is Outcome.CORRECT
    assert outcome("loose", 115) is Outcome.CLOSE
    assert outcome("loose", 130) is Outcome.INCORRECT


def test_number_zero_expected(empty_registry):
    checks.register(NumberQuestion(id="zero", expected=lambda: 0.0))
    assert outcome("zero", 0) is Outcome.CORRECT
    assert outcome("zero", -0.0) is Outcome.CORRECT
    assert outcome("zero", 1e-6) is Outcome.INCORRECT


# ---------------------------------------------------------------------------
# ChoiceQuestion
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("answer", ["b", "B", " b ", "(b)", "(B)", "b)", "b.", np.str_("b")], ids=repr)
def test_choice_accepts_letter_variants(registry, answer):
    assert outcome("t_choice", answer) is Outcome.CORRECT


def test_choice_wrong_letter_uses_option_hint(registry):
    feedback = checks.evaluate("t_choice", "a")
    assert feedback.outcome is Outcome.INCORRECT
    assert feedback.message.startswith("Not quite")
    assert "China is the second-largest partner." in feedback.message
    fallback = checks.evaluate("t_choice", "c")
    assert fallback.outcome is Outcome.INCORRECT
    assert "Look at the 2022 column." in fallback.message


@pytest.mark.parametrize("answer", ["d", "bb", "a or b", "yes"], ids=repr)
def test_choice_unknown_letter_lists_letters(registry, answer):
    feedback = checks.evaluate("t_choice", answer)
    assert feedback.outcome is Outcome.WRONG_TYPE
    assert '"a", "b" or "c"' in feedback.message


def test_choice_option_text_instead_of_letter(registry):
    feedback = checks.evaluate("t_choice", "russia")
    assert feedback.outcome is Outcome.WRONG_TYPE
    assert 'e.g. "b"' in feedback.message


@pytest.mark.parametrize("answer", [2, 1.0, ["b"], {"b"}, True], ids=repr)
def test_choice_non_string(registry, answer):
    feedback = checks.evaluate("t_choice", answer)
    assert feedback.outcome is Outcome.WRONG_TYPE
    assert '"a", "b" or "c"' in feedback.message


def test_choice_definition_errors():
    with pytest.raises(ValueError):
        ChoiceQuestion(id="x", options={"a": "1", "A": "2"}, expected=lambda: "a")
    with pytest.raises(ValueError):
        ChoiceQuestion(id="x", options={"a": "1"}, expected=lambda: "a", option_hints={"z": "?"})


# ---------------------------------------------------------------------------
# TextQuestion
# ---------------------------------------------------------------------------


def test_text_long_enough_is_recorded(registry):
    feedback = checks.evaluate("t_text", "China's share rose steadily while Russia's share fell after 2014.")
    assert feedback.outcome is Outcome.CORRECT
    assert feedback.message.startswith("Thanks — answer recorded (10 words)")
    assert "solutions/01_trade.ipynb" in feedback.message


def test_text_too_short(registry):
    feedback = checks.evaluate("t_text", "China rose.")
    assert feedback.outcome is Outcome.NOT_ANSWERED
    assert "2 words" in feedback.message and "at least 8 words" in feedback.message


@pytest.mark.parametrize("answer", [42, ["a"] * 20, b"bytes " * 20], ids=type)
def test_text_wrong_type(registry, answer):
    feedback = checks.evaluate("t_text", answer)
    assert feedback.outcome is Outcome.WRONG_TYPE
    assert feedback.message.startswith("Wrong type: expected your answer as text")


# ---------------------------------------------------------------------------
# ValueQuestion
# ---------------------------------------------------------------------------


def test_value_strings(registry):
    assert outcome("t_iso", "KAZ") is Outcome.CORRECT
    assert outcome("t_iso", " kaz ") is Outcome.CORRECT
    assert outcome("t_iso_strict", "KAZ") is Outcome.CORRECT
    strict = checks.evaluate("t_iso_strict", "kaz")
    assert strict.outcome is Outcome.CLOSE
    assert "capital" in strict.message
    wrong = checks.evaluate("t_iso", "RUS")
    assert wrong.outcome is Outcome.INCORRECT
    assert wrong.message.endswith("Hint: Three letters.")
    assert outcome("t_iso", 398) is Outcome.WRONG_TYPE
    assert ".item()" in checks.evaluate("t_iso", pd.Series(["KAZ"])).message


@pytest.mark.parametrize("answer", [2014, np.int64(2014), 2014.0, np.float64(2014.0), np.array(2014)], ids=repr)
def test_value_year_correct(registry, answer):
    assert outcome("t_year", answer) is Outcome.CORRECT


def test_value_year_problems(registry):
    assert outcome("t_year", 2015) is Outcome.INCORRECT
    quoted = checks.evaluate("t_year", "2014")
    assert quoted.outcome is Outcome.WRONG_TYPE
    assert quoted.message.startswith("Wrong type: expected a whole number (int), got a str.")
    assert quoted.message.count("remove the quotes") == 1
    assert outcome("t_year", 2014.5) is Outcome.WRONG_TYPE
    assert outcome("t_year", True) is Outcome.WRONG_TYPE
    assert outcome("t_year", 10**400) is Outcome.INCORRECT


# ---------------------------------------------------------------------------
# Definitions and the answer key's side
# ---------------------------------------------------------------------------


def test_question_definition_errors():
    with pytest.raises(TypeError, match="callable"):
        NumberQuestion(id="x", expected=0.45)
    with pytest.raises(ValueError):
        NumberQuestion(id="", expected=lambda: 1.0)
    with pytest.raises(ValueError):
        NumberQuestion(id="x", expected=lambda: 1.0, rel_tol=-1)
    with pytest.raises(ValueError):
        TextQuestion(id="x", min_words=0)
    # TableQuestion's definition errors are in test_checks_tables.py


@pytest.mark.parametrize("tolerance", ["rel_tol", "abs_tol", "close_rel"])
@pytest.mark.parametrize("bad", [-0.1, True, "0.1", None], ids=repr)
def test_every_tolerance_is_checked(tolerance, bad):
    with pytest.raises(ValueError, match=tolerance):
        NumberQuestion(id="x", expected=lambda: 1.0, **{tolerance: bad})


def test_more_definition_errors():
    with pytest.raises(ValueError, match="non-empty string"):
        NumberQuestion(id=3, expected=lambda: 1.0)
    with pytest.raises(ValueError, match="distinct"):
        ChoiceQuestion(id="x", options={}, expected=lambda: "a")
    with pytest.raises(ValueError, match="min_words"):
        TextQuestion(id="x", min_words=True)
    with pytest.raises(TypeError, match="callable"):
        ValueQuestion(id="x", expected="KAZ")
    with pytest.raises(NotImplementedError):
        checks.Question(id="x").grade(1)


def test_expected_value_problems_raise_expected_value_error():
    with pytest.raises(ExpectedValueError, match=r"'x' \(ZeroDivisionError: division by zero\)"):
        compute_expected(NumberQuestion(id="x", expected=lambda: 1 / 0))
    with pytest.raises(ExpectedValueError, match="finite number"):
        NumberQuestion(id="x", expected=lambda: math.nan).grade(0.5)
    with pytest.raises(ExpectedValueError, match="str or an int"):
        ValueQuestion(id="x", expected=lambda: 2014.0).grade(2014)
    with pytest.raises(ExpectedValueError, match="str or an int"):
        ValueQuestion(id="x", expected=lambda: True).grade(1)


def test_questions_are_frozen_and_compared_by_value():
    question = ValueQuestion(id="x", expected=str.upper)
    with pytest.raises(AttributeError):
        question.id = "y"
    assert question == ValueQuestion(id="x", expected=str.upper)


def test_grading_a_present_answer_directly():
    number = single_value_questions()[0]
    assert number.grade(0.4523).message == "Correct! Well done."
    assert number.grade(pd.Series([0.4523])).outcome is Outcome.WRONG_TYPE
    # Question.grade sees only present answers: missing ones are handled by grade()/evaluate()
    assert number.grade("...").outcome is Outcome.WRONG_TYPE


def test_figure_question_names_what_a_figure_lacks_and_accepts_a_complete_one():
    from betweenpowers import data
    from betweenpowers.checks import FigureQuestion
    from betweenpowers.plots import finish, new_figure

    question = FigureQuestion(id="demo.fig", level="extend")
    fig, ax = new_figure()
    ax.plot([2020, 2021], [20.0, 25.0])
    good = finish(fig, ax, title="China's share of Kazakhstan's trade, 2020-2021", xlabel="Year",
                  ylabel="Share of total trade, %", source=data.source_line("trade_dots"),
                  alt="Line chart of China's share of Kazakhstan's total trade, from 20% in 2020 to 25% in 2021.")
    assert question.grade(good).outcome is Outcome.CORRECT
    fig, ax = new_figure()
    ax.plot([1, 2], [3, 4])
    bare = finish(fig, ax, title="Trade", xlabel="", ylabel="y", source="my own numbers", alt="A line.")
    message = question.grade(bare).message
    for lack in ("title is too short", "x axis has no label", "names a unit", "source line is missing",
                 "alt text has 2 words"):
        assert lack in message, lack
    assert question.grade(3).outcome is Outcome.WRONG_TYPE
