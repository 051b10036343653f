"""Friendly feedback on exercise answers.

In an exercise notebook a learner writes an answer and calls :func:`check`::

    answer_01_2 = ...            # the learner replaces the ``...``
    check("01_2", answer_01_2)

:func:`check` prints one or two lines of plain text and never raises,
whatever it is given.  The grading itself is done by the pure function
:func:`evaluate`, which returns a :class:`Feedback` (an :class:`Outcome` and
the message), so tests can assert on outcomes instead of parsing text.

Every message starts with a marker word:

=================  =====================================================
Outcome            Message starts with
=================  =====================================================
CORRECT            ``Correct`` (text questions: ``Thanks — answer recorded``)
NOT_ANSWERED       ``Not answered yet``
WRONG_TYPE         ``Wrong type`` (or ``Sorry, the checker could not read``)
CLOSE              ``Close, but not quite``
INCORRECT          ``Not quite``
UNKNOWN_QUESTION   ``Unknown question``
=================  =====================================================

``None``, ``...`` (Ellipsis) and strings that are empty or just ``"..."`` all
mean "not answered yet".

Question kinds
--------------
:class:`NumberQuestion`, :class:`ChoiceQuestion`, :class:`TextQuestion`,
:class:`TableQuestion` and :class:`ValueQuestion`.  All are keyword-only
dataclasses with an ``id``, a short ``prompt`` summary and a ``hint``.  The
auto-graded kinds take ``expected``, a zero-argument callable that computes
the expected answer from the data tables when the answer is checked, so no
number is ever typed into a lesson.

The answer key
--------------
Questions are registered with :func:`register`.  The lessons' answer key
lives in :mod:`betweenpowers.answer_key`, which calls :func:`register` when it
is imported; this module imports it lazily the first time a question is looked
up.  Registering the same id twice with a different definition raises
``ValueError``; registering an identical definition again (for example when the
answer key is re-imported) is allowed.
"""

from __future__ import annotations

import enum
import importlib
import math
import numbers
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields

import numpy as np
import pandas as pd

__all__ = [
    "ChoiceQuestion",
    "ExpectedValueError",
    "Feedback",
    "NumberQuestion",
    "Outcome",
    "Question",
    "TableQuestion",
    "TextQuestion",
    "ValueQuestion",
    "check",
    "evaluate",
    "get_question",
    "grade",
    "is_missing",
    "register",
    "registered_ids",
]

ANSWER_KEY_MODULE = "betweenpowers.answer_key"

NOT_ANSWERED_MESSAGE = "Not answered yet: replace the `...` with your answer."


# ---------------------------------------------------------------------------
# Outcomes and feedback
# ---------------------------------------------------------------------------


class Outcome(enum.Enum):
    """The verdict on one answer."""

    CORRECT = "correct"
    NOT_ANSWERED = "not answered"
    WRONG_TYPE = "wrong type"
    CLOSE = "close"
    INCORRECT = "incorrect"
    UNKNOWN_QUESTION = "unknown question"


@dataclass(frozen=True)
class Feedback:
    """An outcome together with the message shown to the learner."""

    outcome: Outcome
    message: str

    @property
    def correct(self) -> bool:
        """True when the answer was accepted."""
        return self.outcome is Outcome.CORRECT

    def __str__(self) -> str:
        return self.message


class ExpectedValueError(RuntimeError):
    """The answer key could not compute (or returned an unusable) expected answer.

    This is a problem with the course materials, never with the learner's
    answer, so :func:`grade` lets it propagate and :func:`check` reports it
    with an apology.
    """


def _with_hint(message: str, hint: str) -> str:
    """Append ``hint`` as a second line when there is one."""
    return f"{message}\nHint: {hint}" if hint else message


def _first_line(exc: BaseException) -> str:
    """The first line of an exception's message (at most 200 characters), or ""."""
    try:
        text = str(exc).strip()
    except Exception:
        return ""
    return text.splitlines()[0][:200] if text else ""


def _exception_summary(exc: BaseException) -> str:
    """``"ValueError: first line of the message"``, never raising itself."""
    name = type(exc).__name__
    first_line = _first_line(exc)
    return f"{name}: {first_line}" if first_line else name


def describe(value: object) -> str:
    """Describe the type of ``value`` for a message, e.g. ``"a str"``.

    Only the type is inspected, never ``repr(value)``, so this is safe for
    objects whose ``__repr__`` raises.
    """
    if isinstance(value, type):
        return f"a class ({getattr(value, '__name__', '?')}) rather than a value"
    if value is pd.NA or value is pd.NaT:
        return "a missing value (pandas NA)"
    if isinstance(value, pd.DataFrame):
        return f"a pandas DataFrame with shape {value.shape}"
    if isinstance(value, pd.Series):
        return f"a pandas Series of length {len(value)}"
    if isinstance(value, np.ndarray):
        return f"a numpy array of shape {value.shape}"
    name = type(value).__name__
    article = "an" if name[:1].lower() in ("a", "e", "i", "o", "u") else "a"
    return f"{article} {name}"


def _single_value_tip(value: object) -> str:
    """Extra advice when a container was given where one value was expected."""
    if isinstance(value, (pd.Series, pd.DataFrame, np.ndarray)):
        if value.size == 1:
            return " It holds a single value: take it out with `.item()`."
        return " The question asks for a single value, not a collection of values."
    if isinstance(value, (list, tuple, set, dict)):
        return " The question asks for a single value, not a collection of values."
    return ""


def is_missing(answer: object) -> bool:
    """True for answers that mean "not answered yet".

    These are ``None``, ``...`` and strings that are blank or just ``"..."``.
    """
    if answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, str):
        return answer.strip() in ("", "...", "…")
    return False


# ---------------------------------------------------------------------------
# Reading numbers
# ---------------------------------------------------------------------------


def _looks_like_number(text: str) -> bool:
    """True if ``text`` (a str) would parse as a float."""
    try:
        float(text.replace(",", "").replace("%", ""))
    except ValueError:
        return False
    return True


def _read_number(answer: object) -> tuple[float | None, str]:
    """Convert a numeric answer to float.

    Returns ``(value, "")`` on success, where ``value`` may be NaN or
    infinite (integers too large for a float become infinite), or
    ``(None, message)`` with a "Wrong type" message.
    """
    if isinstance(answer, np.ndarray) and answer.ndim == 0:
        answer = answer[()]
    if isinstance(answer, (bool, np.bool_)):
        return None, "Wrong type: expected a number (int or float), got a bool (True/False)."
    if isinstance(answer, numbers.Real):
        try:
            return float(answer), ""
        except OverflowError:
            return (math.inf if answer > 0 else -math.inf), ""
    message = f"Wrong type: expected a number (int or float), got {describe(answer)}."
    if isinstance(answer, str) and _looks_like_number(answer):
        message += " It looks like a number in quotes: remove the quotes."
    return None, message + _single_value_tip(answer)


def _expected_number(raw: object, question_id: str) -> float:
    """Convert the answer key's value to a finite float or raise ExpectedValueError."""
    value, problem = _read_number(raw)
    if value is None or not math.isfinite(value):
        raise ExpectedValueError(
            f"the answer key for question {question_id!r} did not give a finite number "
            f"(it gave {describe(raw)})"
        )
    return value


def _compute_expected(question: Question) -> object:
    """Call the question's ``expected`` callable, wrapping any failure."""
    try:
        return question.expected()  # type: ignore[attr-defined]
    except Exception as exc:
        raise ExpectedValueError(
            f"the answer key could not compute the expected answer for question "
            f"{question.id!r} ({_exception_summary(exc)})"
        ) from exc


# ---------------------------------------------------------------------------
# Question kinds
# ---------------------------------------------------------------------------


def _require_callable(expected: object, question_id: str) -> None:
    """Developer check: ``expected`` must be a zero-argument callable."""
    if not callable(expected):
        raise TypeError(
            f"question {question_id!r}: `expected` must be a zero-argument callable "
            "(e.g. `lambda: compute_share(...)`), not a value"
        )


def _require_tolerance(value: float, name: str, question_id: str) -> None:
    """Developer check: tolerances are non-negative numbers."""
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or value < 0:
        raise ValueError(f"question {question_id!r}: `{name}` must be a number >= 0")


def _require_tolerances(question: object) -> None:
    """Developer check of a question's rel_tol, abs_tol and close_rel."""
    for name in ("rel_tol", "abs_tol", "close_rel"):
        _require_tolerance(getattr(question, name), name, question.id)


@dataclass(frozen=True, kw_only=True)
class Question:
    """Fields shared by every question kind.

    ``id`` is what learners pass to :func:`check` (e.g. ``"01_2"``),
    ``prompt`` a one-line summary of the question for maintainers, and
    ``hint`` a nudge shown after a wrong or close answer.
    """

    id: str
    prompt: str = ""
    hint: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id.strip():
            raise ValueError("a question id must be a non-empty string")

    def grade(self, answer: object) -> Feedback:
        """Judge an answer that is present (not ``None`` or ``...``)."""
        raise NotImplementedError


@dataclass(frozen=True, kw_only=True)
class NumberQuestion(Question):
    """A single number, compared with tolerances.

    Correct when within ``rel_tol`` (relative) or ``abs_tol`` (absolute) of
    the expected value; CLOSE when within ``close_rel`` (relative), or when
    the answer is 100 times too large or too small (a percentage given for a
    share or the other way round), or has the right size but the wrong sign.
    """

    expected: Callable[[], object]
    rel_tol: float = 1e-3
    abs_tol: float = 1e-9
    close_rel: float = 0.05

    def __post_init__(self) -> None:
        super().__post_init__()
        _require_callable(self.expected, self.id)
        _require_tolerances(self)

    def grade(self, answer: object) -> Feedback:
        """Judge a numeric answer."""
        value, problem = _read_number(answer)
        if value is None:
            return Feedback(Outcome.WRONG_TYPE, problem)
        if math.isnan(value):
            return Feedback(
                Outcome.INCORRECT,
                "Not quite: your answer is NaN ('not a number'). This usually means "
                "missing values or a division by zero crept into the calculation.",
            )
        if math.isinf(value):
            return Feedback(
                Outcome.INCORRECT,
                "Not quite: your answer is infinite (or far too large to be right). "
                "Check for a division by zero.",
            )
        expected = _expected_number(_compute_expected(self), self.id)
        return self._judge(value, expected)

    def _judge(self, value: float, expected: float) -> Feedback:
        """Compare two finite floats."""
        if math.isclose(value, expected, rel_tol=self.rel_tol, abs_tol=self.abs_tol):
            return Feedback(Outcome.CORRECT, "Correct! Well done.")
        wide = max(self.rel_tol, self.close_rel)
        if expected != 0 and math.isclose(value / 100, expected, rel_tol=wide, abs_tol=self.abs_tol):
            return Feedback(
                Outcome.CLOSE,
                _with_hint(
                    "Close, but not quite: your answer is 100 times too large. It looks like "
                    "a percentage (such as 45), but the question asks for a share (such as "
                    "0.45): divide by 100.",
                    self.hint,
                ),
            )
        if expected != 0 and math.isclose(value * 100, expected, rel_tol=wide, abs_tol=self.abs_tol):
            return Feedback(
                Outcome.CLOSE,
                _with_hint(
                    "Close, but not quite: your answer is 100 times too small. It looks like "
                    "a share (such as 0.45), but the question asks for a percentage (such "
                    "as 45): multiply by 100.",
                    self.hint,
                ),
            )
        if expected != 0 and math.isclose(-value, expected, rel_tol=self.rel_tol, abs_tol=self.abs_tol):
            return Feedback(
                Outcome.CLOSE,
                _with_hint(
                    "Close, but not quite: the size is right but the sign is the wrong way "
                    "round. Check the order of the subtraction.",
                    self.hint,
                ),
            )
        if math.isclose(value, expected, rel_tol=self.close_rel, abs_tol=self.abs_tol):
            return Feedback(
                Outcome.CLOSE,
                _with_hint(
                    f"Close, but not quite: your answer is within {self.close_rel:.0%} of the "
                    "expected value. Check rounding and which rows or years you included.",
                    self.hint,
                ),
            )
        return Feedback(
            Outcome.INCORRECT, _with_hint("Not quite: that is not the expected value.", self.hint)
        )


def _normalise_letter(text: str) -> str:
    """``" (B) "`` -> ``"b"``: strip spaces, brackets and a final full stop."""
    return text.strip().strip("()[]. ").strip().lower()


def _list_letters(letters: Sequence[str]) -> str:
    """``["a", "b", "c"]`` -> ``'"a", "b" or "c"'``."""
    quoted = [f'"{letter}"' for letter in letters]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]


@dataclass(frozen=True, kw_only=True)
class ChoiceQuestion(Question):
    """Multiple choice: ``options`` maps letters to option texts.

    ``expected`` returns the correct letter.  Answers such as ``"b"``,
    ``"B"``, ``" b "`` and ``"(b)"`` are accepted.  ``option_hints`` maps a
    wrong letter to a hint specific to that option.
    """

    options: Mapping[str, str]
    expected: Callable[[], object]
    option_hints: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__post_init__()
        _require_callable(self.expected, self.id)
        letters = [_normalise_letter(str(key)) for key in self.options]
        if not letters or "" in letters or len(set(letters)) != len(letters):
            raise ValueError(f"question {self.id!r}: options need distinct, non-empty letters")
        unknown = {_normalise_letter(str(key)) for key in self.option_hints} - set(letters)
        if unknown:
            raise ValueError(f"question {self.id!r}: option_hints for unknown letters {sorted(unknown)}")

    def letters(self) -> list[str]:
        """The option letters, normalised to lower case, in the given order."""
        return [_normalise_letter(str(key)) for key in self.options]

    def _option_hint(self, letter: str) -> str:
        """The hint for a wrong ``letter``, falling back to the general hint."""
        for key, hint in self.option_hints.items():
            if _normalise_letter(str(key)) == letter:
                return hint
        return self.hint

    def grade(self, answer: object) -> Feedback:
        """Judge a letter."""
        letters = self.letters()
        if not isinstance(answer, str):
            return Feedback(
                Outcome.WRONG_TYPE,
                f"Wrong type: expected one of the letters {_list_letters(letters)} as a "
                f"string in quotes, got {describe(answer)}.",
            )
        choice = _normalise_letter(answer)
        if choice not in letters:
            for key, text in self.options.items():
                if answer.strip().casefold() == str(text).strip().casefold():
                    letter = _normalise_letter(str(key))
                    return Feedback(
                        Outcome.WRONG_TYPE,
                        f'Wrong type: that is the text of option {letter}; answer with its '
                        f'letter only, e.g. "{letter}".',
                    )
            return Feedback(
                Outcome.WRONG_TYPE,
                f"Wrong type: that is not one of the options; answer with one of the "
                f"letters {_list_letters(letters)}.",
            )
        raw = _compute_expected(self)
        expected = _normalise_letter(raw) if isinstance(raw, str) else None
        if expected not in letters:
            raise ExpectedValueError(
                f"the answer key for question {self.id!r} did not give one of the option letters"
            )
        if choice == expected:
            return Feedback(Outcome.CORRECT, "Correct! Well done.")
        return Feedback(
            Outcome.INCORRECT,
            _with_hint(f"Not quite: option {choice} is not the best answer.", self._option_hint(choice)),
        )


@dataclass(frozen=True, kw_only=True)
class TextQuestion(Question):
    """An interpretation question: a written answer that is not auto-graded.

    Any string of at least ``min_words`` words is accepted (outcome
    CORRECT) with a pointer to the model answer and rubric in
    ``solution_notebook`` (e.g. ``"solutions/01_trade.ipynb"``).
    """

    min_words: int = 20
    solution_notebook: str = ""

    def __post_init__(self) -> None:
        super().__post_init__()
        if isinstance(self.min_words, bool) or not isinstance(self.min_words, int) or self.min_words < 1:
            raise ValueError(f"question {self.id!r}: min_words must be a positive int")

    def grade(self, answer: object) -> Feedback:
        """Accept any long-enough text."""
        if not isinstance(answer, str):
            return Feedback(
                Outcome.WRONG_TYPE,
                f"Wrong type: expected your answer as text in quotes (a str), got {describe(answer)}.",
            )
        n_words = len(answer.split())
        if n_words < self.min_words:
            return Feedback(
                Outcome.NOT_ANSWERED,
                f"Not answered yet: your answer is too short ({n_words} word{'' if n_words == 1 else 's'}). "
                f"Please write at least {self.min_words} words in full sentences.",
            )
        where = self.solution_notebook or "the solutions notebook"
        return Feedback(
            Outcome.CORRECT,
            f"Thanks — answer recorded ({n_words} words). Compare it with the model "
            f"answer and rubric in {where}.",
        )


def _read_integer(answer: object) -> tuple[int | None, str]:
    """Convert a whole-number answer to int, or return a "Wrong type" message.

    Floats with no fractional part (``2014.0``) are accepted, since pandas
    often stores years as floats.
    """
    value, problem = _read_number(answer)
    if value is None:
        return None, problem.replace("a number (int or float)", "a whole number (int)")
    if isinstance(answer, np.ndarray):
        answer = answer[()]
    if isinstance(answer, numbers.Integral):
        return int(answer), ""
    if math.isfinite(value) and value.is_integer():
        return int(value), ""
    return None, f"Wrong type: expected a whole number (int), got {describe(answer)} with a fractional part."


@dataclass(frozen=True, kw_only=True)
class ValueQuestion(Question):
    """An exact value: a string (e.g. an ISO3 code) or an int (e.g. a year).

    Strings are compared after stripping spaces, ignoring case when
    ``ignore_case`` is true (the default).
    """

    expected: Callable[[], object]
    ignore_case: bool = True

    def __post_init__(self) -> None:
        super().__post_init__()
        _require_callable(self.expected, self.id)

    def grade(self, answer: object) -> Feedback:
        """Judge an exact value."""
        expected = _compute_expected(self)
        if isinstance(expected, str):
            return self._grade_text(answer, expected)
        if isinstance(expected, (numbers.Integral, np.integer)) and not isinstance(expected, (bool, np.bool_)):
            return self._grade_integer(answer, int(expected))
        raise ExpectedValueError(
            f"the answer key for question {self.id!r} gave {describe(expected)}; expected a str or an int"
        )

    def _grade_text(self, answer: object, expected: str) -> Feedback:
        """Compare strings."""
        if not isinstance(answer, str):
            return Feedback(
                Outcome.WRONG_TYPE,
                f"Wrong type: expected text in quotes (a str), got {describe(answer)}."
                + _single_value_tip(answer),
            )
        given, wanted = answer.strip(), expected.strip()
        if given == wanted or (self.ignore_case and given.casefold() == wanted.casefold()):
            return Feedback(Outcome.CORRECT, "Correct! Well done.")
        if given.casefold() == wanted.casefold():
            return Feedback(Outcome.CLOSE, "Close, but not quite: check the capital letters.")
        return Feedback(
            Outcome.INCORRECT, _with_hint("Not quite: that is not the expected value.", self.hint)
        )

    def _grade_integer(self, answer: object, expected: int) -> Feedback:
        """Compare whole numbers."""
        value, problem = _read_integer(answer)
        if value is None:
            return Feedback(Outcome.WRONG_TYPE, problem)
        if value == expected:
            return Feedback(Outcome.CORRECT, "Correct! Well done.")
        return Feedback(
            Outcome.INCORRECT, _with_hint("Not quite: that is not the expected value.", self.hint)
        )


# ---------------------------------------------------------------------------
# Tables
# ---------------------------------------------------------------------------


def _quoted(labels: Sequence[object], limit: int = 5) -> str:
    """``["a", 2]`` -> ``"'a', '2'"`` (at most ``limit`` labels)."""
    shown = ", ".join(f"'{label}'" for label in list(labels)[:limit])
    return shown + (", …" if len(labels) > limit else "")


def _is_numeric(series: pd.Series) -> bool:
    """True for numeric (including boolean) columns."""
    return bool(pd.api.types.is_numeric_dtype(series.dtype))


def _same_cell(a: object, b: object) -> bool:
    """Equality of two table cells, treating two missing values as equal."""
    a_missing, b_missing = bool(pd.isna(a)), bool(pd.isna(b))
    if a_missing or b_missing:
        return a_missing and b_missing
    return bool(a == b)


def _has_default_index(frame: pd.DataFrame | pd.Series) -> bool:
    """True for an unnamed 0..n-1 RangeIndex (what pandas gives by default)."""
    index = frame.index
    return isinstance(index, pd.RangeIndex) and index.name is None and index.start == 0 and index.step == 1


@dataclass(frozen=True, kw_only=True)
class TableQuestion(Question):
    """A pandas DataFrame or Series, compared column by column.

    ``expected`` returns the expected DataFrame or Series.  Checks, in order:
    the type, the required ``columns`` (default: all expected columns; extra
    columns are an error unless ``allow_extra_columns``), the number of rows,
    the row labels, and the values (numbers within ``rel_tol``/``abs_tol``;
    CLOSE within ``close_rel`` or when off by a factor of 100).

    Row labels (the index) are compared only when ``check_index`` is true and
    the expected table has a real index (not the default 0, 1, 2, …);
    otherwise rows are compared by position.  With ``ignore_row_order`` the
    rows are sorted (by index, or by the compared columns when the index is
    not compared) before comparing.
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
        _require_callable(self.expected, self.id)
        _require_tolerances(self)
        if self.columns is not None and isinstance(self.columns, str):
            raise TypeError(f"question {self.id!r}: `columns` must be a tuple of names, not a str")

    def _fail(self, outcome: Outcome, message: str) -> Feedback:
        """Feedback with the question's hint appended."""
        return Feedback(outcome, _with_hint(message, self.hint))

    def grade(self, answer: object) -> Feedback:
        """Judge a table."""
        expected = _compute_expected(self)
        if isinstance(expected, pd.DataFrame):
            if not isinstance(answer, pd.DataFrame):
                tip = ""
                if isinstance(answer, pd.Series):
                    tip = ' Use `.to_frame()`, or select columns with double brackets: df[["a", "b"]].'
                return Feedback(
                    Outcome.WRONG_TYPE,
                    f"Wrong type: expected a pandas DataFrame (a table), got {describe(answer)}.{tip}",
                )
            return self._grade_frame(answer, expected)
        if isinstance(expected, pd.Series):
            if not isinstance(answer, pd.Series):
                tip = ""
                if isinstance(answer, pd.DataFrame) and answer.shape[1] == 1:
                    tip = ' Select its single column with single brackets: df["name"].'
                return Feedback(
                    Outcome.WRONG_TYPE,
                    f"Wrong type: expected a pandas Series (one column), got {describe(answer)}.{tip}",
                )
            return self._compare(answer.to_frame(name=0), expected.to_frame(name=0), [0], series=True)
        raise ExpectedValueError(
            f"the answer key for question {self.id!r} gave {describe(expected)}; expected a DataFrame or Series"
        )

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

    def _grade_frame(self, answer: pd.DataFrame, expected: pd.DataFrame) -> Feedback:
        """Check the columns of a DataFrame answer, then compare."""
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
                return self._fail(
                    Outcome.CLOSE,
                    f"Close, but not quite: your {noun} has the right rows, but in a different "
                    "order. Sort it as the question asks.",
                )
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
                return self._fail(
                    Outcome.CLOSE,
                    f"Close, but not quite: your {noun} has the right rows, but in a different "
                    "order. Sort it as the question asks.",
                )
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
        return Feedback(Outcome.CORRECT, "Correct! Well done.")

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


# ---------------------------------------------------------------------------
# Registry
# ---------------------------------------------------------------------------

_REGISTRY: dict[str, Question] = {}
_answer_key_loaded = False


def _callable_key(func: object) -> object:
    """What identifies a callable when comparing two question definitions.

    Functions (including lambdas) are compared by module, qualified name,
    code and defaults, so re-importing the answer key gives an equal key;
    other callables are compared as they are.
    """
    code = getattr(func, "__code__", None)
    if code is None:
        return func
    return (
        getattr(func, "__module__", None),
        getattr(func, "__qualname__", None),
        code,
        getattr(func, "__defaults__", None),
    )


def same_definition(first: Question, second: Question) -> bool:
    """True if two questions have the same kind and the same field values."""
    if type(first) is not type(second):
        return False
    for item in fields(first):
        a, b = getattr(first, item.name), getattr(second, item.name)
        if callable(a) or callable(b):
            if _callable_key(a) != _callable_key(b):
                return False
        elif a != b:
            return False
    return True


def register(*questions: Question) -> None:
    """Add questions to the registry.

    Raises ``TypeError`` for something that is not a question and
    ``ValueError`` if an id is already registered with a different definition.
    """
    for question in questions:
        if not isinstance(question, Question):
            raise TypeError(f"register() takes questions, got {describe(question)}")
        existing = _REGISTRY.get(question.id)
        if existing is not None and not same_definition(existing, question):
            raise ValueError(f"question id {question.id!r} is already registered with a different definition")
        _REGISTRY[question.id] = question


def _load_answer_key() -> None:
    """Import the lessons' answer key once, if it exists."""
    global _answer_key_loaded
    if _answer_key_loaded:
        return
    try:
        importlib.import_module(ANSWER_KEY_MODULE)
    except ModuleNotFoundError as exc:
        if exc.name != ANSWER_KEY_MODULE:
            raise
    _answer_key_loaded = True


def get_question(question_id: str) -> Question:
    """Return the registered question with this id (``KeyError`` if unknown)."""
    _load_answer_key()
    if isinstance(question_id, str) and question_id in _REGISTRY:
        return _REGISTRY[question_id]
    raise KeyError(f"no question registered with id {question_id!r}")


def registered_ids() -> list[str]:
    """All registered question ids, sorted."""
    _load_answer_key()
    return sorted(_REGISTRY)


# ---------------------------------------------------------------------------
# Grading and printing
# ---------------------------------------------------------------------------


def grade(question: Question, answer: object) -> Feedback:
    """Judge ``answer`` against ``question``.

    Missing answers give NOT_ANSWERED.  If the answer breaks the grading
    (for example an object whose comparison raises), the outcome is
    WRONG_TYPE with a "Sorry, the checker could not read this answer"
    message.  Only :class:`ExpectedValueError` (a problem with the answer
    key) propagates.
    """
    try:
        if is_missing(answer):
            return Feedback(Outcome.NOT_ANSWERED, NOT_ANSWERED_MESSAGE)
        return question.grade(answer)
    except ExpectedValueError:
        raise
    except Exception as exc:
        return Feedback(
            Outcome.WRONG_TYPE,
            f"Sorry, the checker could not read this answer: {describe(answer)} "
            f"raised {_exception_summary(exc)}.",
        )


def evaluate(question_id: str, answer: object) -> Feedback:
    """Judge ``answer`` to the registered question ``question_id``."""
    try:
        question = get_question(question_id)
    except KeyError:
        if isinstance(question_id, str):
            shown = repr(question_id[:40])
        else:
            shown = f"(the id should be text in quotes, got {describe(question_id)})"
        return Feedback(
            Outcome.UNKNOWN_QUESTION,
            f"Unknown question: there is no exercise {shown}. Check the first argument of check(...).",
        )
    return grade(question, answer)


def check(question_id: str, answer: object) -> None:
    """Print short, kind feedback on ``answer``; never raises."""
    try:
        message = evaluate(question_id, answer).message
    except ExpectedValueError as exc:
        message = (
            f"Sorry, the checker could not work out the expected answer: {_first_line(exc)}. "
            "This is a problem with the course materials, not with your answer."
        )
    except Exception as exc:
        message = f"Sorry, the checker could not read this answer: {_exception_summary(exc)}."
    try:
        print(message)
    except Exception:
        pass
