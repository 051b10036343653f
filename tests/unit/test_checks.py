"""Tests for betweenpowers.checks: every question kind, every outcome, and a fuzz."""

from __future__ import annotations

import datetime
import decimal
import fractions
import importlib
import math
import sys
import textwrap

import numpy as np
import pandas as pd
import pytest
from hostile_answers import BoolRaises, EqRaises, FloatRaises, ReprRaises

from betweenpowers import checks
from betweenpowers.checks import (
    ChoiceQuestion,
    ExpectedValueError,
    Feedback,
    NumberQuestion,
    Outcome,
    TableQuestion,
    TextQuestion,
    ValueQuestion,
)

MARKERS = (
    "Correct",
    "Thanks",
    "Not answered yet",
    "Wrong type",
    "Close, but not quite",
    "Not quite",
    "Unknown question",
    "Sorry, the checker",
)


def _shares_table() -> pd.DataFrame:
    return pd.DataFrame(
        {"year": [2019, 2020, 2021], "partner": ["CHN", "RUS", "CHN"], "share": [0.4, 0.45, 0.5]}
    ).set_index("year")


def _questions() -> list[checks.Question]:
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
        TableQuestion(id="t_table", expected=_shares_table, hint="Filter first."),
        TableQuestion(id="t_unordered", expected=_shares_table, ignore_row_order=True),
        TableQuestion(id="t_no_index", expected=_shares_table, check_index=False),
        TableQuestion(
            id="t_series", expected=lambda: _shares_table()["share"], hint="One column only."
        ),
    ]


@pytest.fixture
def registry(monkeypatch):
    """A fresh registry holding the test questions (the real answer key is not loaded)."""
    monkeypatch.setattr(checks, "_REGISTRY", {})
    monkeypatch.setattr(checks, "_answer_key_loaded", True)
    checks.register(*_questions())
    return checks._REGISTRY


def outcome(qid: str, answer: object) -> Outcome:
    return checks.evaluate(qid, answer).outcome


# ---------------------------------------------------------------------------
# Not answered / unknown
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("qid", [q.id for q in _questions()])
@pytest.mark.parametrize("answer", [None, ..., "", "   ", "..."], ids=repr)
def test_missing_answers_are_not_answered(registry, qid, answer):
    feedback = checks.evaluate(qid, answer)
    assert feedback.outcome is Outcome.NOT_ANSWERED
    assert feedback.message.startswith("Not answered yet")


def test_not_answered_message_mentions_the_ellipsis(registry):
    assert checks.evaluate("t_number", ...).message == "Not answered yet: replace the `...` with your answer."


def test_missing_answer_does_not_compute_expected(monkeypatch):
    calls = []
    monkeypatch.setattr(checks, "_REGISTRY", {})
    monkeypatch.setattr(checks, "_answer_key_loaded", True)
    checks.register(NumberQuestion(id="lazy", expected=lambda: calls.append(1) or 1.0))
    assert calls == []  # registering does not compute
    assert outcome("lazy", ...) is Outcome.NOT_ANSWERED
    assert calls == []
    assert outcome("lazy", 1.0) is Outcome.CORRECT
    assert calls == [1]


@pytest.mark.parametrize("qid", ["nope", "T_NUMBER", 3, None, ["t_number"]], ids=repr)
def test_unknown_question(registry, qid):
    feedback = checks.evaluate(qid, 1.0)
    assert feedback.outcome is Outcome.UNKNOWN_QUESTION
    assert feedback.message.startswith("Unknown question")


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


def test_number_accepts_ints_and_numpy_ints(monkeypatch):
    monkeypatch.setattr(checks, "_REGISTRY", {})
    monkeypatch.setattr(checks, "_answer_key_loaded", True)
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


def test_number_tolerances_are_configurable(monkeypatch):
    monkeypatch.setattr(checks, "_REGISTRY", {})
    monkeypatch.setattr(checks, "_answer_key_loaded", True)
    checks.register(NumberQuestion(id="loose", expected=lambda: 100.0, rel_tol=0.01, close_rel=0.2))
    assert outcome("loose", 100.9) is Outcome.CORRECT
    assert outcome("loose", 115) is Outcome.CLOSE
    assert outcome("loose", 130) is Outcome.INCORRECT


def test_number_zero_expected(monkeypatch):
    monkeypatch.setattr(checks, "_REGISTRY", {})
    monkeypatch.setattr(checks, "_answer_key_loaded", True)
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
# TableQuestion
# ---------------------------------------------------------------------------


def test_table_correct_including_numeric_tolerance(registry):
    assert outcome("t_table", _shares_table()) is Outcome.CORRECT
    nudged = _shares_table()
    nudged["share"] += 1e-12
    assert outcome("t_table", nudged) is Outcome.CORRECT


def test_table_wrong_type(registry):
    series = checks.evaluate("t_table", _shares_table()["share"])
    assert series.outcome is Outcome.WRONG_TYPE
    assert "expected a pandas DataFrame" in series.message and ".to_frame()" in series.message
    assert outcome("t_table", [[0.4, 0.45]]) is Outcome.WRONG_TYPE
    assert outcome("t_table", _shares_table().to_numpy()) is Outcome.WRONG_TYPE


def test_table_missing_and_extra_columns(registry):
    missing = checks.evaluate("t_table", _shares_table().drop(columns="share"))
    assert missing.outcome is Outcome.INCORRECT
    assert "missing the column(s) 'share'" in missing.message
    assert missing.message.endswith("Hint: Filter first.")
    extra = checks.evaluate("t_table", _shares_table().assign(value=1))
    assert extra.outcome is Outcome.INCORRECT
    assert "extra column(s) 'value'" in extra.message
    duplicated = pd.concat([_shares_table(), _shares_table()[["share"]]], axis=1)
    assert "duplicate column names" in checks.evaluate("t_table", duplicated).message


def test_table_extra_columns_can_be_allowed(monkeypatch):
    monkeypatch.setattr(checks, "_REGISTRY", {})
    monkeypatch.setattr(checks, "_answer_key_loaded", True)
    checks.register(
        TableQuestion(id="subset", expected=_shares_table, columns=("share",), allow_extra_columns=True)
    )
    assert outcome("subset", _shares_table().assign(value=1)) is Outcome.CORRECT
    assert outcome("subset", _shares_table().assign(share=0)) is Outcome.INCORRECT


def test_table_index_left_as_column(registry):
    feedback = checks.evaluate("t_table", _shares_table().reset_index())
    assert feedback.outcome is Outcome.INCORRECT
    assert ".set_index('year')" in feedback.message


def test_table_index_should_be_a_column(monkeypatch):
    monkeypatch.setattr(checks, "_REGISTRY", {})
    monkeypatch.setattr(checks, "_answer_key_loaded", True)
    checks.register(TableQuestion(id="flat", expected=lambda: _shares_table().reset_index()))
    feedback = checks.evaluate("flat", _shares_table())
    assert feedback.outcome is Outcome.INCORRECT
    assert "missing the column(s) 'year'" in feedback.message and ".reset_index()" in feedback.message
    # with a default 0..n-1 expected index, the answer's row labels do not matter
    filtered = _shares_table().reset_index()
    filtered.index = [3, 7, 9]
    assert outcome("flat", filtered) is Outcome.CORRECT


def test_table_index_as_text(registry):
    table = _shares_table()
    table.index = table.index.astype(str)
    feedback = checks.evaluate("t_table", table)
    assert feedback.outcome is Outcome.INCORRECT
    assert "wrong type" in feedback.message


def test_table_wrong_row_labels(registry):
    table = _shares_table().rename(index={2021: 2022})
    feedback = checks.evaluate("t_table", table)
    assert feedback.outcome is Outcome.INCORRECT
    assert "row labels" in feedback.message and "'2022'" in feedback.message


def test_table_wrong_shape_names_expected_shape(registry):
    feedback = checks.evaluate("t_table", _shares_table().iloc[:2])
    assert feedback.outcome is Outcome.INCORRECT
    assert "2 rows, but 3 are expected" in feedback.message
    assert "expected shape (3, 2)" in feedback.message


def test_table_values_differ(registry):
    table = _shares_table()
    table.loc[2020, "share"] = 0.9
    feedback = checks.evaluate("t_table", table)
    assert feedback.outcome is Outcome.INCORRECT
    assert "column 'share'" in feedback.message and "1 of 3 rows" in feedback.message
    assert "'2020'" in feedback.message
    text = _shares_table()
    text.loc[2021, "partner"] = "KAZ"
    feedback = checks.evaluate("t_table", text)
    assert feedback.outcome is Outcome.INCORRECT
    assert "column 'partner'" in feedback.message


def test_table_numbers_stored_as_text(registry):
    table = _shares_table().astype({"share": str})
    feedback = checks.evaluate("t_table", table)
    assert feedback.outcome is Outcome.INCORRECT
    assert "should contain numbers" in feedback.message


def test_table_percentages_instead_of_shares(registry):
    table = _shares_table().assign(share=lambda df: df["share"] * 100)
    feedback = checks.evaluate("t_table", table)
    assert feedback.outcome is Outcome.CLOSE
    assert "100 times too large" in feedback.message


def test_table_values_close(registry):
    table = _shares_table().assign(share=lambda df: df["share"] * 1.02)
    assert outcome("t_table", table) is Outcome.CLOSE


def test_table_row_order(registry):
    shuffled = _shares_table().iloc[[2, 0, 1]]
    feedback = checks.evaluate("t_table", shuffled)
    assert feedback.outcome is Outcome.CLOSE
    assert "different order" in feedback.message
    assert outcome("t_unordered", shuffled) is Outcome.CORRECT


def test_table_without_index_check(registry):
    assert outcome("t_no_index", _shares_table().reset_index(drop=True)) is Outcome.CORRECT
    reversed_rows = checks.evaluate("t_no_index", _shares_table().reset_index(drop=True).iloc[::-1])
    assert reversed_rows.outcome is Outcome.CLOSE
    assert "different order" in reversed_rows.message
    wrong = _shares_table().reset_index(drop=True).assign(share=[0.4, 0.5, 0.45])
    assert outcome("t_no_index", wrong) is Outcome.INCORRECT


def test_table_without_index_or_order(monkeypatch):
    monkeypatch.setattr(checks, "_REGISTRY", {})
    monkeypatch.setattr(checks, "_answer_key_loaded", True)
    checks.register(TableQuestion(id="bag", expected=_shares_table, check_index=False, ignore_row_order=True))
    assert outcome("bag", _shares_table().iloc[::-1].reset_index(drop=True)) is Outcome.CORRECT
    assert outcome("bag", _shares_table().assign(share=[0.4, 0.5, 0.45])) is Outcome.INCORRECT


def test_table_missing_values_compare_equal(monkeypatch):
    monkeypatch.setattr(checks, "_REGISTRY", {})
    monkeypatch.setattr(checks, "_answer_key_loaded", True)
    frame = pd.DataFrame({"x": [1.0, np.nan], "name": ["a", None]})
    checks.register(TableQuestion(id="nan", expected=lambda: frame.copy()))
    assert outcome("nan", frame.copy()) is Outcome.CORRECT
    assert outcome("nan", frame.fillna({"x": 0.0})) is Outcome.INCORRECT


def test_series_question(registry):
    assert outcome("t_series", _shares_table()["share"]) is Outcome.CORRECT
    assert outcome("t_series", _shares_table()["share"].rename("other")) is Outcome.CORRECT
    frame = checks.evaluate("t_series", _shares_table()[["share"]])
    assert frame.outcome is Outcome.WRONG_TYPE
    assert 'df["name"]' in frame.message
    wrong = checks.evaluate("t_series", _shares_table()["share"] * 2)
    assert wrong.outcome is Outcome.INCORRECT
    assert "your Series" in wrong.message


# ---------------------------------------------------------------------------
# Answer key problems, registry
# ---------------------------------------------------------------------------


def test_broken_answer_key_is_reported_kindly(monkeypatch, capsys):
    monkeypatch.setattr(checks, "_REGISTRY", {})
    monkeypatch.setattr(checks, "_answer_key_loaded", True)

    def broken() -> float:
        raise FileNotFoundError("data/trade.csv")

    checks.register(
        NumberQuestion(id="broken", expected=broken),
        NumberQuestion(id="not_a_number", expected=lambda: "0.45"),
        ChoiceQuestion(id="bad_letter", options={"a": "x"}, expected=lambda: "z"),
    )
    with pytest.raises(ExpectedValueError, match="broken"):
        checks.evaluate("broken", 0.5)
    with pytest.raises(ExpectedValueError):
        checks.evaluate("not_a_number", 0.5)
    with pytest.raises(ExpectedValueError):
        checks.evaluate("bad_letter", "a")
    assert outcome("broken", ...) is Outcome.NOT_ANSWERED
    checks.check("broken", 0.5)
    out = capsys.readouterr().out
    assert out.startswith("Sorry, the checker could not work out the expected answer")
    assert "not with your answer" in out


def test_register_rejects_conflicting_definitions(registry):
    with pytest.raises(ValueError, match="t_number"):
        checks.register(NumberQuestion(id="t_number", expected=lambda: 1.0))
    with pytest.raises(TypeError):
        checks.register("t_other")


def test_register_accepts_identical_definitions(registry):
    question = checks.get_question("t_choice")
    checks.register(question)  # the same object
    source = "q = NumberQuestion(id='same', expected=lambda: 0.5, hint='h')"
    first: dict = {"NumberQuestion": NumberQuestion}
    second: dict = {"NumberQuestion": NumberQuestion}
    exec(source, first)
    exec(source, second)  # as when the answer key module is re-imported
    checks.register(first["q"])
    checks.register(second["q"])
    third: dict = {"NumberQuestion": NumberQuestion}
    exec(source.replace("0.5", "0.6"), third)
    with pytest.raises(ValueError):
        checks.register(third["q"])


def test_question_definition_errors():
    with pytest.raises(TypeError, match="callable"):
        NumberQuestion(id="x", expected=0.45)
    with pytest.raises(ValueError):
        NumberQuestion(id="", expected=lambda: 1.0)
    with pytest.raises(ValueError):
        NumberQuestion(id="x", expected=lambda: 1.0, rel_tol=-1)
    with pytest.raises(ValueError):
        TextQuestion(id="x", min_words=0)
    with pytest.raises(TypeError):
        TableQuestion(id="x", expected=_shares_table, columns="share")


def test_get_question_and_ids(registry):
    assert isinstance(checks.get_question("t_number"), NumberQuestion)
    assert "t_table" in checks.registered_ids()
    with pytest.raises(KeyError):
        checks.get_question("missing")


def test_answer_key_is_imported_lazily(monkeypatch, tmp_path):
    module = "bp_test_answer_key_module"
    (tmp_path / f"{module}.py").write_text(
        textwrap.dedent(
            """
            from betweenpowers.checks import ValueQuestion, register
            register(ValueQuestion(id="from_key", expected=lambda: "KAZ"))
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(checks, "_REGISTRY", {})
    monkeypatch.setattr(checks, "_answer_key_loaded", False)
    monkeypatch.setattr(checks, "ANSWER_KEY_MODULE", module)
    monkeypatch.delitem(sys.modules, module, raising=False)
    assert checks._REGISTRY == {}
    assert outcome("from_key", "kaz") is Outcome.CORRECT
    assert module in sys.modules


def test_missing_answer_key_module_is_fine(monkeypatch):
    monkeypatch.setattr(checks, "_REGISTRY", {})
    monkeypatch.setattr(checks, "_answer_key_loaded", False)
    monkeypatch.setattr(checks, "ANSWER_KEY_MODULE", "bp_no_such_answer_key_module")
    assert outcome("anything", 1) is Outcome.UNKNOWN_QUESTION


def test_real_answer_key_imports():
    importlib.import_module("betweenpowers.answer_key")
    assert all(isinstance(qid, str) for qid in checks.registered_ids())


# ---------------------------------------------------------------------------
# check() printing
# ---------------------------------------------------------------------------


def test_check_prints_the_feedback(registry, capsys):
    assert checks.check("t_number", 0.4523) is None
    assert capsys.readouterr().out == "Correct! Well done.\n"
    checks.check("t_number", 0.9)
    assert capsys.readouterr().out == "Not quite: that is not the expected value.\nHint: Use totals.\n"
    checks.check("t_number", ...)
    assert capsys.readouterr().out.startswith("Not answered yet")


def test_feedback_helpers():
    feedback = Feedback(Outcome.CORRECT, "Correct! Well done.")
    assert feedback.correct and str(feedback) == "Correct! Well done."
    assert not Feedback(Outcome.CLOSE, "Close").correct


# ---------------------------------------------------------------------------
# Fuzz: check() never raises and always prints a short, marked message
# ---------------------------------------------------------------------------










class FloatSubclassRaises(float):
    def __float__(self) -> float:
        raise RuntimeError("no float")


class StrSubclassRaises(str):
    def strip(self, *args: object) -> str:
        raise RuntimeError("no strip")

    def split(self, *args: object) -> list:
        raise RuntimeError("no split")


class IntSubclassBadCompare(int):
    def __gt__(self, other: object) -> bool:
        raise RuntimeError("no compare")


def _bad_answers() -> list[object]:
    return [
        math.nan,
        math.inf,
        -math.inf,
        10**400,
        -(10**400),
        "",
        "banana",
        "0.45",
        "(z)",
        "x" * 10_000,
        [],
        [1, 2, 3],
        [None],
        {},
        {"share": 0.45},
        set(),
        {1, 2},
        (0.45,),
        b"0.45",
        1 + 2j,
        decimal.Decimal("NaN"),
        datetime.date(2014, 1, 1),
        np.array([]),
        np.array([0.45]),
        np.array([[1, 2], [3, 4]]),
        np.zeros((2, 0, 3)),
        np.array(["a", "b"]),
        np.array(None, dtype=object),
        np.array([ReprRaises()], dtype=object),
        np.datetime64("2014-01-01"),
        pd.Series(dtype=float),
        pd.Series([1, 2, 3]),
        pd.Series(["a"]),
        pd.Series([ReprRaises(), EqRaises()]),
        pd.DataFrame(),
        pd.DataFrame({"wrong": [1, 2, 3]}),
        pd.DataFrame({"share": ["a", "b", "c"], "partner": [1, 2, 3]}),
        pd.DataFrame({"share": [EqRaises()] * 3, "partner": [EqRaises()] * 3}),
        pd.DataFrame({"share": [0.4, 0.45, 0.5], "partner": [[1], [2], [3]]}, index=[2019, 2020, 2021]),
        pd.DataFrame([[1, 2], [3, 4]], columns=pd.MultiIndex.from_tuples([("a", "b"), ("c", "d")])),
        pd.NA,
        pd.NaT,
        ReprRaises(),
        EqRaises(),
        FloatRaises(),
        BoolRaises(),
        FloatSubclassRaises(0.45),
        StrSubclassRaises("b"),
        IntSubclassBadCompare(10**400),
        object(),
        int,
        pd.DataFrame,
        ReprRaises,
        lambda: 0.45,
        (x for x in range(3)),
        math,
    ]


BAD_ANSWERS = _bad_answers()


@pytest.mark.parametrize("qid", [q.id for q in _questions()])
def test_fuzz_check_never_raises(registry, capsys, qid):
    for index, answer in enumerate(BAD_ANSWERS):
        checks.check(qid, answer)
        out = capsys.readouterr().out
        label = f"answer #{index} ({type(answer).__name__})"
        assert out.strip(), label
        assert len(out.strip().splitlines()) <= 2, label
        assert out.startswith(MARKERS), f"{label}: {out!r}"
        assert "Traceback" not in out, label


@pytest.mark.parametrize("qid", [q.id for q in _questions()])
def test_fuzz_bad_answers_are_never_accepted(registry, qid):
    for index, answer in enumerate(BAD_ANSWERS):
        feedback = checks.evaluate(qid, answer)
        label = f"answer #{index} ({type(answer).__name__}): {feedback.message!r}"
        assert feedback.outcome not in (Outcome.CORRECT, Outcome.UNKNOWN_QUESTION), label
        assert feedback.message.startswith(MARKERS), label


def test_fuzz_unknown_question_ids(registry, capsys):
    for qid in [None, ..., 3, ReprRaises(), EqRaises(), ["t_number"], {"a": 1}, StrSubclassRaises("x")]:
        checks.check(qid, 0.45)
        out = capsys.readouterr().out
        assert out.startswith(("Unknown question", "Sorry, the checker")), repr(out)


def test_check_survives_internal_errors(registry, capsys, monkeypatch):
    def explode(question_id: object, answer: object) -> Feedback:
        raise RuntimeError("boom")

    monkeypatch.setattr(checks, "evaluate", explode)
    checks.check("t_number", 0.45)
    assert capsys.readouterr().out == "Sorry, the checker could not read this answer: RuntimeError: boom.\n"
