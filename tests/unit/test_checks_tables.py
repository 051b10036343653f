"""Tests for betweenpowers.checks.tables: TableQuestion and its comparison engine, through evaluate()."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from betweenpowers import checks
from betweenpowers.checks import ExpectedValueError, Outcome, Question, TableQuestion
from betweenpowers.checks import registry as checks_registry


def _shares_table() -> pd.DataFrame:
    return pd.DataFrame(
        {"year": [2019, 2020, 2021], "partner": ["CHN", "RUS", "CHN"], "share": [0.4, 0.45, 0.5]}
    ).set_index("year")


def table_questions() -> list[Question]:
    """The test table questions (ids ``t_...``, never in the real answer key)."""
    return [
        TableQuestion(id="t_table", expected=_shares_table, hint="Filter first."),
        TableQuestion(id="t_unordered", expected=_shares_table, ignore_row_order=True),
        TableQuestion(id="t_no_index", expected=_shares_table, check_index=False),
        TableQuestion(id="t_series", expected=lambda: _shares_table()["share"], hint="One column only."),
    ]


@pytest.fixture
def empty_registry(monkeypatch):
    """An empty registry; the real answer key is not loaded."""
    monkeypatch.setattr(checks_registry, "_REGISTRY", {})
    monkeypatch.setattr(checks_registry, "_DEFINED_IN", {})
    monkeypatch.setattr(checks_registry, "_answer_key_loaded", True)


@pytest.fixture
def registry(empty_registry):
    """A fresh registry holding the test table questions."""
    checks.register(*table_questions())


def outcome(qid: str, answer: object) -> Outcome:
    return checks.evaluate(qid, answer).outcome


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


def test_table_extra_columns_can_be_allowed(empty_registry):
    checks.register(
        TableQuestion(id="subset", expected=_shares_table, columns=("share",), allow_extra_columns=True)
    )
    assert outcome("subset", _shares_table().assign(value=1)) is Outcome.CORRECT
    assert outcome("subset", _shares_table().assign(share=0)) is Outcome.INCORRECT


def test_table_index_left_as_column(registry):
    feedback = checks.evaluate("t_table", _shares_table().reset_index())
    assert feedback.outcome is Outcome.INCORRECT
    assert ".set_index('year')" in feedback.message


def test_table_index_should_be_a_column(empty_registry):
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


def test_table_without_index_or_order(empty_registry):
    checks.register(TableQuestion(id="bag", expected=_shares_table, check_index=False, ignore_row_order=True))
    assert outcome("bag", _shares_table().iloc[::-1].reset_index(drop=True)) is Outcome.CORRECT
    assert outcome("bag", _shares_table().assign(share=[0.4, 0.5, 0.45])) is Outcome.INCORRECT


def test_table_missing_values_compare_equal(empty_registry):
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
# Definitions and answer key problems
# ---------------------------------------------------------------------------


def test_table_definition_errors():
    with pytest.raises(TypeError):
        TableQuestion(id="x", expected=_shares_table, columns="share")
    with pytest.raises(TypeError, match="callable"):
        TableQuestion(id="x", expected=_shares_table())
    with pytest.raises(ValueError, match="close_rel"):
        TableQuestion(id="x", expected=_shares_table, close_rel=-1)


def test_table_answer_key_must_give_a_table():
    with pytest.raises(ExpectedValueError, match="DataFrame or Series"):
        TableQuestion(id="x", expected=lambda: [[0.4]]).grade(_shares_table())


def test_table_messages_are_exact(registry):
    """The full text of a few table messages (learners' notebooks store them)."""
    shuffled = checks.evaluate("t_table", _shares_table().iloc[[2, 0, 1]])
    assert shuffled.message == (
        "Close, but not quite: your table has the right rows, but in a different order. Sort it as the question "
        "asks.\nHint: Filter first."
    )
    changed = _shares_table()
    changed.loc[2020, "share"] = 0.9
    assert checks.evaluate("t_table", changed).message == (
        "Not quite: the values in column 'share' differ from the expected ones in 1 of 3 rows (the first is at "
        "row '2020', where yours is 0.9).\nHint: Filter first."
    )
    assert checks.evaluate("t_series", _shares_table()["share"] / 100).message == (
        "Close, but not quite: the values in your Series are 100 times too small. They look like shares (such as "
        "0.45), but percentages (such as 45) are expected: multiply by 100.\nHint: One column only."
    )


def test_table_cells_that_cannot_be_sorted(empty_registry):
    """Mixed str/int cells cannot be sorted: a row-order check must not crash, the answer is just INCORRECT."""
    frame = pd.DataFrame({"code": ["a", 1, "b"]})
    checks.register(TableQuestion(id="mixed", expected=lambda: frame.copy()))
    with pytest.raises(TypeError):
        frame.sort_values(by="code")
    feedback = checks.evaluate("mixed", pd.DataFrame({"code": ["b", 1, "a"]}))
    assert feedback.outcome is Outcome.INCORRECT
    assert "column 'code'" in feedback.message and "2 of 3 rows" in feedback.message
    assert outcome("mixed", frame.copy()) is Outcome.CORRECT
