"""The question kinds: :class:`Question` and the single-value kinds (numbers, option letters, text, exact values).

All are keyword-only frozen dataclasses with an ``id`` (``"NN.k"``: lesson NN, question k, e.g. ``"03.2"``), a short
``prompt`` summary for maintainers and a ``hint`` shown after a wrong or close answer. The auto-graded kinds take
``expected``, a zero-argument callable that computes the expected answer from the data tables when an answer is
checked, so no number is ever typed into a lesson. Tables are in :mod:`betweenpowers.checks.tables`.

A question judges an answer that is present with :meth:`Question.grade`; missing answers and answers that break the
grading are handled by :func:`betweenpowers.checks.grade`. The questions below are made up for the examples (their
ids are not registered; the real ones are in :mod:`betweenpowers.answer_key`):

>>> share = NumberQuestion(id="demo.1", expected=lambda: 0.4523, hint="Use totals.")
>>> print(share.grade(0.4523))
Correct! Well done.
>>> share.grade(45.23).outcome
<Outcome.CLOSE: 'close'>
>>> print(share.grade(0.9))
Not quite: that is not the expected value.
Hint: Use totals.
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

import numpy as np

from betweenpowers.checks.feedback import (
    CORRECT_MESSAGE,
    ExpectedValueError,
    Feedback,
    Outcome,
    exception_summary,
    with_hint,
)
from betweenpowers.checks.parsing import (
    describe,
    list_letters,
    normalise_letter,
    read_integer,
    read_number,
    single_value_tip,
)

__all__ = [
    "ChoiceQuestion",
    "NumberQuestion",
    "Question",
    "TextQuestion",
    "ValueQuestion",
    "compute_expected",
    "require_callable",
    "require_tolerances",
]

NOT_EXPECTED = "Not quite: that is not the expected value."


# ---------------------------------------------------------------------------
# The answer key's side: expected answers and definition checks
# ---------------------------------------------------------------------------


def compute_expected(question: Question) -> object:
    """Call the question's ``expected`` callable, wrapping any failure in :class:`ExpectedValueError`.

    >>> compute_expected(NumberQuestion(id="demo.1", expected=lambda: 1 / 0))
    Traceback (most recent call last):
    ...
    betweenpowers.checks.feedback.ExpectedValueError: the answer key could not compute the expected answer for \
question 'demo.1' (ZeroDivisionError: division by zero)
    """
    try:
        return question.expected()  # type: ignore[attr-defined]
    except Exception as exc:
        raise ExpectedValueError(
            f"the answer key could not compute the expected answer for question "
            f"{question.id!r} ({exception_summary(exc)})"
        ) from exc


def expected_number(raw: object, question_id: str) -> float:
    """Convert the answer key's value to a finite float or raise :class:`ExpectedValueError`.

    >>> expected_number(np.float64(0.25), "demo.1")
    0.25
    >>> expected_number("0.25", "demo.1")
    Traceback (most recent call last):
    ...
    betweenpowers.checks.feedback.ExpectedValueError: the answer key for question 'demo.1' did not give a finite \
number (it gave a str)
    """
    value, _ = read_number(raw)
    if value is None or not math.isfinite(value):
        raise ExpectedValueError(
            f"the answer key for question {question_id!r} did not give a finite number "
            f"(it gave {describe(raw)})"
        )
    return value


def require_callable(expected: object, question_id: str) -> None:
    """Developer check: ``expected`` must be a zero-argument callable.

    >>> require_callable(0.45, "demo.1")
    Traceback (most recent call last):
    ...
    TypeError: question 'demo.1': `expected` must be a zero-argument callable (e.g. `lambda: compute_share(...)`), \
not a value
    """
    if not callable(expected):
        raise TypeError(
            f"question {question_id!r}: `expected` must be a zero-argument callable "
            "(e.g. `lambda: compute_share(...)`), not a value"
        )


def require_tolerance(value: float, name: str, question_id: str) -> None:
    """Developer check: tolerances are non-negative numbers (not bools).

    >>> require_tolerance(-1, "rel_tol", "demo.1")
    Traceback (most recent call last):
    ...
    ValueError: question 'demo.1': `rel_tol` must be a number >= 0
    """
    if isinstance(value, bool) or not isinstance(value, numbers.Real) or value < 0:
        raise ValueError(f"question {question_id!r}: `{name}` must be a number >= 0")


def require_tolerances(question: Question) -> None:
    """Developer check of a question's ``rel_tol``, ``abs_tol`` and ``close_rel``."""
    for name in ("rel_tol", "abs_tol", "close_rel"):
        require_tolerance(getattr(question, name), name, question.id)


# ---------------------------------------------------------------------------
# Question kinds
# ---------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Question:
    """Fields shared by every question kind.

    ``id`` is what learners pass to :func:`~betweenpowers.checks.check` (``"NN.k"``, e.g. ``"03.2"``), ``prompt``
    a one-line summary of the question for maintainers, and ``hint`` a nudge shown after a wrong or close answer.

    >>> Question(id=" ")
    Traceback (most recent call last):
    ...
    ValueError: a question id must be a non-empty string
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

    Correct when within ``rel_tol`` (relative) or ``abs_tol`` (absolute) of the expected value; CLOSE when within
    ``close_rel`` (relative), or when the answer is 100 times too large or too small (a percentage given for a share
    or the other way round), or has the right size but the wrong sign.

    >>> share = NumberQuestion(id="demo.1", expected=lambda: 0.4523, hint="Use totals.")
    >>> print(share.grade(45.23))  # doctest: +NORMALIZE_WHITESPACE
    Close, but not quite: your answer is 100 times too large. It looks like a percentage (such as 45),
    but the question asks for a share (such as 0.45): divide by 100.
    Hint: Use totals.
    >>> print(share.grade(-0.4523).message.splitlines()[0])
    Close, but not quite: the size is right but the sign is the wrong way round. Check the order of the subtraction.
    >>> print(share.grade("0.4523"))
    Wrong type: expected a number (int or float), got a str. It looks like a number in quotes: remove the quotes.
    """

    expected: Callable[[], object]
    rel_tol: float = 1e-3
    abs_tol: float = 1e-9
    close_rel: float = 0.05

    def __post_init__(self) -> None:
        super().__post_init__()
        require_callable(self.expected, self.id)
        require_tolerances(self)

    def grade(self, answer: object) -> Feedback:
        """Judge a numeric answer."""
        value, problem = read_number(answer)
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
        expected = expected_number(compute_expected(self), self.id)
        return self._judge(value, expected)

    def _judge(self, value: float, expected: float) -> Feedback:
        """Compare two finite floats."""
        if math.isclose(value, expected, rel_tol=self.rel_tol, abs_tol=self.abs_tol):
            return Feedback(Outcome.CORRECT, CORRECT_MESSAGE)
        wide = max(self.rel_tol, self.close_rel)
        if expected != 0 and math.isclose(value / 100, expected, rel_tol=wide, abs_tol=self.abs_tol):
            return self._close(
                "Close, but not quite: your answer is 100 times too large. It looks like "
                "a percentage (such as 45), but the question asks for a share (such as "
                "0.45): divide by 100."
            )
        if expected != 0 and math.isclose(value * 100, expected, rel_tol=wide, abs_tol=self.abs_tol):
            return self._close(
                "Close, but not quite: your answer is 100 times too small. It looks like "
                "a share (such as 0.45), but the question asks for a percentage (such "
                "as 45): multiply by 100."
            )
        if expected != 0 and math.isclose(-value, expected, rel_tol=self.rel_tol, abs_tol=self.abs_tol):
            return self._close(
                "Close, but not quite: the size is right but the sign is the wrong way "
                "round. Check the order of the subtraction."
            )
        if math.isclose(value, expected, rel_tol=self.close_rel, abs_tol=self.abs_tol):
            return self._close(
                f"Close, but not quite: your answer is within {self.close_rel:.0%} of the "
                "expected value. Check rounding and which rows or years you included."
            )
        return Feedback(Outcome.INCORRECT, with_hint(NOT_EXPECTED, self.hint))

    def _close(self, message: str) -> Feedback:
        """CLOSE feedback with the question's hint appended."""
        return Feedback(Outcome.CLOSE, with_hint(message, self.hint))


@dataclass(frozen=True, kw_only=True)
class ChoiceQuestion(Question):
    """Multiple choice: ``options`` maps letters to option texts.

    ``expected`` returns the correct letter. Answers such as ``"b"``, ``"B"``, ``" b "`` and ``"(b)"`` are accepted.
    ``option_hints`` maps a wrong letter to a hint specific to that option.

    >>> partner = ChoiceQuestion(
    ...     id="demo.2",
    ...     options={"a": "China", "b": "Russia", "c": "European Union"},
    ...     expected=lambda: "b",
    ...     option_hints={"a": "China is the second-largest partner."},
    ... )
    >>> print(partner.grade("(B)"))
    Correct! Well done.
    >>> print(partner.grade("a"))
    Not quite: option a is not the best answer.
    Hint: China is the second-largest partner.
    >>> print(partner.grade("Russia"))
    Wrong type: that is the text of option b; answer with its letter only, e.g. "b".
    >>> print(partner.grade("d"))
    Wrong type: that is not one of the options; answer with one of the letters "a", "b" or "c".
    """

    options: Mapping[str, str]
    expected: Callable[[], object]
    option_hints: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__post_init__()
        require_callable(self.expected, self.id)
        letters = [normalise_letter(str(key)) for key in self.options]
        if not letters or "" in letters or len(set(letters)) != len(letters):
            raise ValueError(f"question {self.id!r}: options need distinct, non-empty letters")
        unknown = {normalise_letter(str(key)) for key in self.option_hints} - set(letters)
        if unknown:
            raise ValueError(f"question {self.id!r}: option_hints for unknown letters {sorted(unknown)}")

    def letters(self) -> list[str]:
        """The option letters, normalised to lower case, in the given order."""
        return [normalise_letter(str(key)) for key in self.options]

    def _option_hint(self, letter: str) -> str:
        """The hint for a wrong ``letter``, falling back to the general hint."""
        for key, hint in self.option_hints.items():
            if normalise_letter(str(key)) == letter:
                return hint
        return self.hint

    def grade(self, answer: object) -> Feedback:
        """Judge a letter."""
        letters = self.letters()
        if not isinstance(answer, str):
            return Feedback(
                Outcome.WRONG_TYPE,
                f"Wrong type: expected one of the letters {list_letters(letters)} as a "
                f"string in quotes, got {describe(answer)}.",
            )
        choice = normalise_letter(answer)
        if choice not in letters:
            return self._not_a_letter(answer, letters)
        raw = compute_expected(self)
        expected = normalise_letter(raw) if isinstance(raw, str) else None
        if expected not in letters:
            raise ExpectedValueError(
                f"the answer key for question {self.id!r} did not give one of the option letters"
            )
        if choice == expected:
            return Feedback(Outcome.CORRECT, CORRECT_MESSAGE)
        return Feedback(
            Outcome.INCORRECT,
            with_hint(f"Not quite: option {choice} is not the best answer.", self._option_hint(choice)),
        )

    def _not_a_letter(self, answer: str, letters: list[str]) -> Feedback:
        """WRONG_TYPE feedback for a string that is not an option letter (perhaps the text of an option)."""
        for key, text in self.options.items():
            if answer.strip().casefold() == str(text).strip().casefold():
                letter = normalise_letter(str(key))
                return Feedback(
                    Outcome.WRONG_TYPE,
                    f'Wrong type: that is the text of option {letter}; answer with its '
                    f'letter only, e.g. "{letter}".',
                )
        return Feedback(
            Outcome.WRONG_TYPE,
            f"Wrong type: that is not one of the options; answer with one of the "
            f"letters {list_letters(letters)}.",
        )


@dataclass(frozen=True, kw_only=True)
class TextQuestion(Question):
    """An interpretation question: a written answer that is not auto-graded.

    Any string of at least ``min_words`` words is accepted (outcome CORRECT) with a pointer to the model answer and
    rubric in ``solution_notebook`` (e.g. ``"solutions/03_voting_vectors.ipynb"``).

    >>> essay = TextQuestion(id="demo.3", min_words=8, solution_notebook="solutions/03_voting_vectors.ipynb")
    >>> print(essay.grade("Kazakhstan votes with Russia less often."))
    Not answered yet: your answer is too short (6 words). Please write at least 8 words in full sentences.
    >>> print(essay.grade("Kazakhstan votes with Russia less often after 2014, mostly on human rights."))
    Thanks — answer recorded (12 words). Compare it with the model answer and rubric in \
solutions/03_voting_vectors.ipynb.
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


@dataclass(frozen=True, kw_only=True)
class ValueQuestion(Question):
    """An exact value: a string (e.g. an ISO3 code) or an int (e.g. a year).

    Strings are compared after stripping spaces, ignoring case when ``ignore_case`` is true (the default). Whole
    numbers may be given as floats with no fractional part (``2014.0``).

    >>> country = ValueQuestion(id="demo.4", expected=lambda: "KAZ", ignore_case=False)
    >>> print(country.grade(" KAZ "))
    Correct! Well done.
    >>> print(country.grade("kaz"))
    Close, but not quite: check the capital letters.
    >>> year = ValueQuestion(id="demo.5", expected=lambda: 2014)
    >>> print(year.grade(2014.0))
    Correct! Well done.
    >>> print(year.grade(2014.5))
    Wrong type: expected a whole number (int), got a float with a fractional part.
    """

    expected: Callable[[], object]
    ignore_case: bool = True

    def __post_init__(self) -> None:
        super().__post_init__()
        require_callable(self.expected, self.id)

    def grade(self, answer: object) -> Feedback:
        """Judge an exact value."""
        expected = compute_expected(self)
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
                f"Wrong type: expected text in quotes (a str), got {describe(answer)}." + single_value_tip(answer),
            )
        given, wanted = answer.strip(), expected.strip()
        if given == wanted or (self.ignore_case and given.casefold() == wanted.casefold()):
            return Feedback(Outcome.CORRECT, CORRECT_MESSAGE)
        if given.casefold() == wanted.casefold():
            return Feedback(Outcome.CLOSE, "Close, but not quite: check the capital letters.")
        return Feedback(Outcome.INCORRECT, with_hint(NOT_EXPECTED, self.hint))

    def _grade_integer(self, answer: object, expected: int) -> Feedback:
        """Compare whole numbers."""
        value, problem = read_integer(answer)
        if value is None:
            return Feedback(Outcome.WRONG_TYPE, problem)
        if value == expected:
            return Feedback(Outcome.CORRECT, CORRECT_MESSAGE)
        return Feedback(Outcome.INCORRECT, with_hint(NOT_EXPECTED, self.hint))
