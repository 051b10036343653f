"""Tables: :class:`TableQuestion` and its comparison engine for pandas DataFrames and Series.

A table answer is checked in order: its type, its columns (missing, extra, duplicated, or the expected index left
as a column), its number of rows, its row labels (the index) and finally its values, column by column (numbers
within tolerances, CLOSE within ``close_rel`` or when off by a factor of 100; other values exactly, two missing
values counting as equal). The first problem found decides the feedback, and expected values are never shown.

The table below is made up for the examples (the real questions are in :mod:`betweenpowers.answer_key`):

>>> shares = pd.DataFrame({"year": [2019, 2020], "share": [0.4, 0.45]}).set_index("year")
>>> question = TableQuestion(id="demo.6", expected=lambda: shares.copy(), hint="Filter first.")
>>> print(question.grade(shares.copy()))
Correct! Well done.
>>> print(question.grade(shares.reset_index()))
Not quite: 'year' should be the index (row labels), not a column: try `.set_index('year')`.
Hint: Filter first.
>>> print(question.grade(shares * 100))  # doctest: +NORMALIZE_WHITESPACE
Close, but not quite: the values in column 'share' are 100 times too large. They look like percentages (such as 45),
but shares (such as 0.45) are expected: divide by 100.
Hint: Filter first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from betweenpowers.checks.feedback import CORRECT_MESSAGE, ExpectedValueError, Feedback, Outcome, with_hint
from betweenpowers.checks.parsing import describe
from betweenpowers.checks.questions import Question, compute_expected, require_callable, require_tolerances

__all__ = ["TableQuestion"]

SAME_ROWS_OTHER_ORDER = (
    "Close, but not quite: your {noun} has the right rows, but in a different order. Sort it as the question asks."
)


def _quoted(labels: Sequence[object], limit: int = 5) -> str:
    """``["a", 2]`` -> ``"'a', '2'"`` (at most ``limit`` labels).

    >>> print(_quoted(["a", 2]))
    'a', '2'
    >>> print(_quoted(range(2000, 2010)))
    '2000', '2001', '2002', '2003', '2004', …
    """
    shown = ", ".join(f"'{label}'" for label in list(labels)[:limit])
    return shown + (", …" if len(labels) > limit else "")


def _is_numeric(series: pd.Series) -> bool:
    """True for numeric (including boolean) columns.

    >>> _is_numeric(pd.Series([0.4, None])), _is_numeric(pd.Series([True])), _is_numeric(pd.Series(["0.4"]))
    (True, True, False)
    """
    return bool(pd.api.types.is_numeric_dtype(series.dtype))


def _same_cell(a: object, b: object) -> bool:
    """Equality of two table cells, treating two missing values as equal.

    >>> _same_cell("KAZ", "KAZ"), _same_cell(None, np.nan), _same_cell(None, "KAZ")
    (True, True, False)
    """
    a_missing, b_missing = bool(pd.isna(a)), bool(pd.isna(b))
    if a_missing or b_missing:
        return a_missing and b_missing
    return bool(a == b)


def _has_default_index(frame: pd.DataFrame | pd.Series) -> bool:
    """True for an unnamed 0..n-1 RangeIndex (what pandas gives by default).

    >>> _has_default_index(pd.DataFrame({"share": [0.4, 0.5]}))
    True
    >>> _has_default_index(pd.DataFrame({"share": [0.4, 0.5]}, index=[2019, 2020]))
    False
    """
    index = frame.index
    return isinstance(index, pd.RangeIndex) and index.name is None and index.start == 0 and index.step == 1


@dataclass(frozen=True, kw_only=True)
class TableQuestion(Question):
    """A pandas DataFrame or Series, compared column by column.

    ``expected`` returns the expected DataFrame or Series. Checks, in order: the type, the required ``columns``
    (default: all expected columns; extra columns are an error unless ``allow_extra_columns``), the number of rows,
    the row labels, and the values (numbers within ``rel_tol``/``abs_tol``; CLOSE within ``close_rel`` or when off
    by a factor of 100).

    Row labels (the index) are compared only when ``check_index`` is true and the expected table has a real index
    (not the default 0, 1, 2, …); otherwise rows are compared by position. With ``ignore_row_order`` the rows are
    sorted (by index, or by the compared columns when the index is not compared) before comparing.

    >>> shares = pd.Series([0.4, 0.45, 0.5], index=pd.Index([2019, 2020, 2021], name="year"), name="share")
    >>> question = TableQuestion(id="demo.7", expected=lambda: shares.copy())
    >>> print(question.grade(shares.iloc[[2, 0, 1]]))
    Close, but not quite: your Series has the right rows, but in a different order. Sort it as the question asks.
    >>> print(question.grade(shares.iloc[:2]))  # doctest: +NORMALIZE_WHITESPACE
    Not quite: your Series has 2 rows, but 3 are expected (expected shape (3,), yours (2,)).
    Check your filtering.
    >>> print(question.grade(shares.to_frame()))
    Wrong type: expected a pandas Series (one column), got a pandas DataFrame with shape (3, 1). Select its single \
column with single brackets: df["name"].
    >>> unordered = TableQuestion(id="demo.8", expected=lambda: shares.copy(), ignore_row_order=True)
    >>> print(unordered.grade(shares.iloc[[2, 0, 1]]))
    Correct! Well done.
    """

    expected: Callable[[], object]
    columns: tuple[str, ...] | None = None
    allow_extra_columns: bool = False
    check_index: bool = True
    ignore_row_order: bool = False
    rel_tol: float = 1e-6
    abs_tol: float = 1e-9
    close_rel: float = 0.05

    def __post_init__(self) -> None:
        super().__post_init__()
        require_callable(self.expected, self.id)
        require_tolerances(self)
        if self.columns is not None and isinstance(self.columns, str):
            raise TypeError(f"question {self.id!r}: `columns` must be a tuple of names, not a str")

    def _fail(self, outcome: Outcome, message: str) -> Feedback:
        """Feedback with the question's hint appended."""
        return Feedback(outcome, with_hint(message, self.hint))

    def grade(self, answer: object) -> Feedback:
        """Judge a table."""
        expected = compute_expected(self)
        if isinstance(expected, pd.DataFrame):
            return self._grade_frame(answer, expected)
        if isinstance(expected, pd.Series):
            return self._grade_series(answer, expected)
        raise ExpectedValueError(
            f"the answer key for question {self.id!r} gave {describe(expected)}; expected a DataFrame or Series"
        )

    def _grade_series(self, answer: object, expected: pd.Series) -> Feedback:
        """Check that a Series answer is a Series, then compare it as a one-column table."""
        if not isinstance(answer, pd.Series):
            tip = ""
            if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
                tip = ' Select its single column with single brackets: df["name"].'
            return Feedback(
                Outcome.WRONG_TYPE,
                f"Wrong type: expected a pandas Series (one column), got {describe(answer)}.{tip}",
            )
        return self._compare(answer.to_frame(name=0), expected.to_frame(name=0), [0], series=True)

    def _index_in_columns(self, answer: pd.DataFrame, expected: pd.DataFrame) -> Feedback | None:
        """Feedback if the expected index was left as ordinary column(s) of the answer."""
        if not self.check_index or _has_default_index(expected) or not _has_default_index(answer):
            return None
        names = [name for name in expected.index.names if name is not None]
        if not names or not all(name in answer.columns for name in names):
            return None
        target = names[0] if len(names) == 1 else names
        return self._fail(
            Outcome.INCORRECT,
            f"Not quite: {_quoted(names)} should be the index (row labels), not a column: "
            f"try `.set_index({target!r})`.",
        )

    def _grade_frame(self, answer: object, expected: pd.DataFrame) -> Feedback:
        """Check that a DataFrame answer is a DataFrame, then its columns, then compare."""
        if not isinstance(answer, pd.DataFrame):
            tip = ""
            if isinstance(answer, pd.Series):
                tip = ' Use `.to_frame()`, or select columns with double brackets: df[["a", "b"]].'
            return Feedback(
                Outcome.WRONG_TYPE,
                f"Wrong type: expected a pandas DataFrame (a table), got {describe(answer)}.{tip}",
            )
        index_problem = self._index_in_columns(answer, expected)
        if index_problem is not None:
            return index_problem
        if answer.columns.has_duplicates:
            duplicated = answer.columns[answer.columns.duplicated()].unique()
            return self._fail(
                Outcome.INCORRECT,
                f"Not quite: your table has duplicate column names ({_quoted(duplicated)}).",
            )
        required = list(self.columns) if self.columns is not None else list(expected.columns)
        missing = [column for column in required if column not in answer.columns]
        if missing:
            message = f"Not quite: your table is missing the column(s) {_quoted(missing)}."
            in_index = [column for column in missing if column in answer.index.names]
            if in_index:
                message += f" {_quoted(in_index)} is in your index: use `.reset_index()`."
            return self._fail(Outcome.INCORRECT, message)
        extra = [column for column in answer.columns if column not in required]
        if extra and not self.allow_extra_columns:
            return self._fail(
                Outcome.INCORRECT,
                f"Not quite: your table has extra column(s) {_quoted(extra)}; keep only "
                f"{_quoted(required, limit=10)}.",
            )
        return self._compare(answer, expected, required, series=False)

    def _compare(
        self, answer: pd.DataFrame, expected: pd.DataFrame, columns: list, *, series: bool
    ) -> Feedback:
        """Compare rows, row labels and values of two DataFrames."""
        noun = "Series" if series else "table"
        if len(answer) != len(expected):
            expected_shape = (len(expected),) if series else expected[columns].shape
            your_shape = (len(answer),) if series else answer.shape
            return self._fail(
                Outcome.INCORRECT,
                f"Not quite: your {noun} has {len(answer)} rows, but {len(expected)} are expected "
                f"(expected shape {expected_shape}, yours {your_shape}). Check your filtering.",
            )
        answer, expected = answer[columns], expected[columns]
        if self.check_index and not _has_default_index(expected):
            if self.ignore_row_order:
                answer, expected = answer.sort_index(), expected.sort_index()
            if not answer.index.equals(expected.index):
                return self._index_feedback(answer, expected, columns, noun)
            return self._compare_values(answer, expected, columns, noun)
        if self.ignore_row_order:
            answer = answer.sort_values(by=columns)
            expected = expected.sort_values(by=columns)
        answer = answer.reset_index(drop=True)
        expected = expected.reset_index(drop=True)
        feedback = self._compare_values(answer, expected, columns, noun)
        if not feedback.correct and not self.ignore_row_order:
            if self._same_rows_in_other_order(answer, expected, columns, noun):
                return self._fail(Outcome.CLOSE, SAME_ROWS_OTHER_ORDER.format(noun=noun))
        return feedback

    def _same_rows_in_other_order(
        self, answer: pd.DataFrame, expected: pd.DataFrame, columns: list, noun: str
    ) -> bool:
        """True if sorting both tables by their values makes them equal."""
        try:
            answer = answer.sort_values(by=columns).reset_index(drop=True)
            expected = expected.sort_values(by=columns).reset_index(drop=True)
        except TypeError:  # values that cannot be sorted
            return False
        return self._compare_values(answer, expected, columns, noun).correct

    def _index_feedback(
        self, answer: pd.DataFrame, expected: pd.DataFrame, columns: list, noun: str
    ) -> Feedback:
        """Explain how the row labels differ (without revealing expected labels)."""
        same_labels = (
            not answer.index.has_duplicates
            and not expected.index.has_duplicates
            and set(answer.index) == set(expected.index)
        )
        if same_labels:
            reordered = answer.loc[expected.index]
            values_match = self._compare_values(reordered, expected, columns, noun).correct
            if values_match:
                return self._fail(Outcome.CLOSE, SAME_ROWS_OTHER_ORDER.format(noun=noun))
            return self._compare_values(reordered, expected, columns, noun)
        unexpected = [label for label in answer.index if label not in expected.index]
        expected_as_text = {str(label) for label in expected.index}
        if unexpected and all(str(label) in expected_as_text for label in unexpected):
            return self._fail(
                Outcome.INCORRECT,
                f"Not quite: the row labels (index) of your {noun} look right but have the "
                "wrong type, e.g. text '2020' instead of the number 2020.",
            )
        shown = f" Unexpected labels in yours: {_quoted(unexpected)}." if unexpected else ""
        return self._fail(
            Outcome.INCORRECT,
            f"Not quite: the row labels (index) of your {noun} differ from the expected ones.{shown}",
        )

    def _compare_values(
        self, answer: pd.DataFrame, expected: pd.DataFrame, columns: list, noun: str
    ) -> Feedback:
        """Compare aligned columns; the first differing column decides the feedback."""
        closeness: list[str] = []
        for column in columns:
            where = "your Series" if noun == "Series" else f"column '{column}'"
            outcome, message = self._compare_column(answer[column], expected[column], where)
            if outcome is Outcome.INCORRECT:
                return self._fail(outcome, message)
            if outcome is Outcome.CLOSE:
                closeness.append(message)
        if closeness:
            return self._fail(Outcome.CLOSE, closeness[0])
        return Feedback(Outcome.CORRECT, CORRECT_MESSAGE)

    def _compare_column(
        self, answer: pd.Series, expected: pd.Series, where: str
    ) -> tuple[Outcome, str]:
        """Compare two aligned columns: CORRECT, CLOSE or INCORRECT with a message."""
        if _is_numeric(expected):
            if not _is_numeric(answer):
                return Outcome.INCORRECT, (
                    f"Not quite: {where} should contain numbers, but yours has "
                    f"{answer.dtype} values. Did numbers get stored as text?"
                )
            given = answer.to_numpy(dtype=float, na_value=np.nan)
            wanted = expected.to_numpy(dtype=float, na_value=np.nan)
            ok = np.isclose(given, wanted, rtol=self.rel_tol, atol=self.abs_tol, equal_nan=True)
            if ok.all():
                return Outcome.CORRECT, ""
            return self._numeric_difference(given, wanted, ok, answer.index, where)
        same = [_same_cell(a, b) for a, b in zip(answer.tolist(), expected.tolist())]
        if all(same):
            return Outcome.CORRECT, ""
        first = same.index(False)
        return Outcome.INCORRECT, (
            f"Not quite: the values in {where} differ from the expected ones in "
            f"{same.count(False)} of {len(same)} rows (the first is at row '{answer.index[first]}')."
        )

    def _numeric_difference(
        self, given: np.ndarray, wanted: np.ndarray, ok: np.ndarray, index: pd.Index, where: str
    ) -> tuple[Outcome, str]:
        """Explain how two numeric columns differ."""
        wide = max(self.rel_tol, self.close_rel)
        nonzero = bool(np.any(wanted[~np.isnan(wanted)] != 0))
        if nonzero and np.isclose(given / 100, wanted, rtol=wide, atol=self.abs_tol, equal_nan=True).all():
            return Outcome.CLOSE, (
                f"Close, but not quite: the values in {where} are 100 times too large. They look "
                "like percentages (such as 45), but shares (such as 0.45) are expected: divide by 100."
            )
        if nonzero and np.isclose(given * 100, wanted, rtol=wide, atol=self.abs_tol, equal_nan=True).all():
            return Outcome.CLOSE, (
                f"Close, but not quite: the values in {where} are 100 times too small. They look "
                "like shares (such as 0.45), but percentages (such as 45) are expected: multiply by 100."
            )
        if np.isclose(given, wanted, rtol=self.close_rel, atol=self.abs_tol, equal_nan=True).all():
            return Outcome.CLOSE, (
                f"Close, but not quite: the values in {where} are within {self.close_rel:.0%} of the "
                "expected ones. Check rounding and which rows you included."
            )
        first = int(np.flatnonzero(~ok)[0])
        yours = given[first]
        return Outcome.INCORRECT, (
            f"Not quite: the values in {where} differ from the expected ones in {int((~ok).sum())} "
            f"of {len(ok)} rows (the first is at row '{index[first]}', where yours is {yours:.6g})."
        )
