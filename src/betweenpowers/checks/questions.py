"""The question kinds: :class:`Question` and the single-value kinds (numbers, option letters, text, exact values).

All are keyword-only frozen dataclasses with an ``id`` (``"NN.k"``: lesson NN, question k, e.g. ``"03.2"``), a short
``prompt`` summary for maintainers and a ``hint`` shown after a wrong or close answer. The auto-graded kinds take
``expected``, a zero-argument callable that computes the expected answer from the data tables when an answer is
checked, so no number is ever typed into a lesson. Numbers and exact values also take ``mistakes``, the typical
mistakes the answer key can compute (see :mod:`betweenpowers.checks.mistakes`), and a number takes ``decimals``, the
precision its question asks for. Tables are in :mod:`betweenpowers.checks.tables`.

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
import re
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
from betweenpowers.checks.mistakes import (
    Mistakes,
    coarse_rounding,
    code_form_problem,
    first_named_mistake,
    label_tip_for_a_value,
    letter_with_text,
    require_mistakes,
    rounded_or_mistake,
    row_label_for_a_value,
    unit_mistake,
    value_tip_for_a_label,
    within_precision,
)
from betweenpowers.checks.parsing import (
    describe,
    list_letters,
    looks_like_number,
    normalise_letter,
    read_integer,
    read_number,
    single_value_tip,
)

__all__ = [
    "LEVELS",
    "ChoiceQuestion",
    "FigureQuestion",
    "NumberQuestion",
    "Question",
    "TextQuestion",
    "ValueQuestion",
    "compute_expected",
    "figure_problems",
    "require_callable",
    "require_tolerances",
]

NOT_EXPECTED = "Not quite: that is not the expected value."

#: The rungs of the exercise ladder (issue 11): see :class:`Question`.
LEVELS: tuple[str, ...] = ("reproduce", "transfer", "extend", "interpret", "predict")


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
    a one-line summary of the question for maintainers, ``hint`` a nudge shown after a wrong or close answer, and
    ``level`` its rung on the exercise ladder (:data:`LEVELS`): a *reproduce* question repeats a computation the lesson
    shows, a *transfer* question applies it to a case the lesson does not show (its answer must never be printed in
    the lesson), an *interpret* question asks for a written judgement, a *predict* question comes before an explorer.

    >>> Question(id=" ")
    Traceback (most recent call last):
    ...
    ValueError: a question id must be a non-empty string
    """

    id: str
    prompt: str = ""
    hint: str = ""
    level: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.id, str) or not self.id.strip():
            raise ValueError("a question id must be a non-empty string")
        if self.level and self.level not in LEVELS:
            raise ValueError(f"question {self.id!r}: level must be one of {LEVELS}, not {self.level!r}")

    def grade(self, answer: object) -> Feedback:
        """Judge an answer that is present (not ``None`` or ``...``)."""
        raise NotImplementedError


@dataclass(frozen=True, kw_only=True)
class NumberQuestion(Question):
    """A single number, compared with tolerances or to the precision the question asks for.

    Correct when within ``rel_tol`` (relative) or ``abs_tol`` (absolute) of the expected value, or, when the question
    states a precision of ``decimals`` decimals, within half a unit of the last of them (any correctly rounded answer).
    Otherwise the first of these that fits decides the feedback, which never shows the expected value:

    1. a typical mistake of ``mistakes`` (text -> a callable computing the answer the mistake gives): "Not quite"
       and the text (if the answer also has fewer decimals than asked and fits the expected value at that
       precision, the message says both);
    2. the answer rounded to fewer decimals than asked: CLOSE;
    3. a unit off by 100 (a percentage given for a share, or the other way round), 1,000 or 1,000,000: CLOSE;
    4. the right size with the wrong sign: CLOSE;
    5. a year (a row label, what ``idxmax()`` gives) where a value is asked: "Not quite" and what to use instead;
    6. within ``close_rel`` (relative): CLOSE; anything else: "Not quite" with the hint.

    >>> share = NumberQuestion(id="demo.1", expected=lambda: 0.4523, decimals=3, hint="Use totals.",
    ...                        mistakes={"that share counts the absent votes too: leave them out.": lambda: 0.41})
    >>> print(share.grade(0.452))
    Correct! Well done.
    >>> print(share.grade(0.41))
    Not quite: that share counts the absent votes too: leave them out.
    >>> print(share.grade(0.45))
    Close, but not quite: your answer looks rounded to 2 decimals; the question asks for 3.
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
    decimals: int | None = None
    mistakes: Mistakes = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__post_init__()
        require_callable(self.expected, self.id)
        require_tolerances(self)
        if self.decimals is not None and (
            isinstance(self.decimals, bool) or not isinstance(self.decimals, int) or not 0 <= self.decimals <= 12
        ):
            raise ValueError(f"question {self.id!r}: `decimals` must be None or a whole number from 0 to 12")
        require_mistakes(self.mistakes, self.id)

    def grade(self, answer: object) -> Feedback:
        """Judge a numeric answer."""
        value, problem = read_number(answer)
        if value is None:
            if isinstance(answer, str) and not looks_like_number(answer):
                problem += label_tip_for_a_value(answer)
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
        return self._judge(value, expected, answer)

    def agrees(self, value: float, target: float) -> bool:
        """True if ``value`` equals ``target`` within the tolerances or to the question's ``decimals``."""
        return within_precision(value, target, rel_tol=self.rel_tol, abs_tol=self.abs_tol, decimals=self.decimals)

    def _gives(self, value: float, expected: float) -> Callable[[object], bool]:
        """A test of whether a mistake's value is the answer ``value`` (and differs from the expected value).

        The answer may be the mistake's value rounded to the question's ``decimals``, if that precision shows the
        mistake's value at all (a value far below it, such as a unit error of 1,000,000, is matched relatively).
        """

        def matches(raw: object) -> bool:
            mistake, _ = read_number(raw)
            if mistake is None or not math.isfinite(mistake) or self.agrees(mistake, expected):
                return False
            if math.isclose(value, mistake, rel_tol=self.rel_tol, abs_tol=self.abs_tol):
                return True
            return self.decimals is not None and abs(mistake) >= 10.0**-self.decimals and self.agrees(value, mistake)

        return matches

    def _judge(self, value: float, expected: float, answer: object = None) -> Feedback:
        """Compare two finite floats (``answer`` is the learner's answer as given)."""
        if self.agrees(value, expected):
            return Feedback(Outcome.CORRECT, CORRECT_MESSAGE)
        named = first_named_mistake(self.mistakes, self._gives(value, expected))
        rounding = coarse_rounding(value, expected, decimals=self.decimals)
        if named is not None and rounding is not None and self.decimals is not None:
            return Feedback(Outcome.INCORRECT, rounded_or_mistake(named, self.decimals))
        if named is not None:
            return Feedback(Outcome.INCORRECT, f"Not quite: {named}")
        if rounding is not None:
            return Feedback(Outcome.CLOSE, rounding)
        unit = unit_mistake(value, expected, tolerance=max(self.rel_tol, self.close_rel), abs_tol=self.abs_tol)
        if unit is not None:
            return self._close(unit)
        if expected != 0 and self.agrees(-value, expected):
            return self._close(
                "Close, but not quite: the size is right but the sign is the wrong way "
                "round. Check the order of the subtraction."
            )
        label = row_label_for_a_value(answer, value, expected)
        if label is not None:
            return Feedback(Outcome.INCORRECT, label)
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
        letter = letter_with_text(answer, letters)
        if letter is not None:
            return Feedback(Outcome.WRONG_TYPE, f'Wrong type: answer with the letter only, e.g. "{letter}".')
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


#: An axis label names a unit when it has one of these (a per cent sign, a currency, a count or a scale).
AXIS_UNIT = re.compile(r"%|US\$|USD|\bbn\b|billion|million|\bTIV\b|0-1|0 to 1|\bshare\b|\bindex\b|\bevents?\b|"
                       r"\bnumber\b|\bcount\b|\byears?\b|per\b|\bvotes?\b|\bresolutions?\b|\bpoints?\b",
                       re.IGNORECASE)


def figure_problems(figure: object, min_alt_words: int = 12) -> list[str]:
    """What a finished figure lacks: a title, two axis labels, a unit in one of them, a source line made by
    :func:`betweenpowers.data.source_line`, alt text that describes it. An empty list for a complete figure.

    >>> from types import SimpleNamespace as Fig
    >>> figure_problems(Fig(png=b"", alt="A line", title="Trade", xlabel="", ylabel="Share, %", source="IMF"))[:2]
    ['the title is too short: say what is shown, for whom and when', 'the x axis has no label']
    """
    problems = []
    title, xlabel, ylabel = (str(getattr(figure, key, "") or "") for key in ("title", "xlabel", "ylabel"))
    if len(title.split()) < 3:
        problems.append("the title is too short: say what is shown, for whom and when")
    if not xlabel.strip():
        problems.append("the x axis has no label")
    if not ylabel.strip():
        problems.append("the y axis has no label")
    if (xlabel.strip() or ylabel.strip()) and not AXIS_UNIT.search(f"{xlabel} {ylabel}"):
        problems.append("no axis label names a unit (%, US$, million, a share 0-1, a number of events ...)")
    from betweenpowers.data import SOURCE_PREFIXES  # here: the checks load no data until a figure is checked

    if not str(getattr(figure, "source", "") or "").startswith(SOURCE_PREFIXES):
        problems.append("the source line is missing: pass source=data.source_line(\"<table>\") to finish(...)")
    alt_words = len(str(getattr(figure, "alt", "") or "").split())
    if alt_words < min_alt_words:
        plural = "s" * (alt_words != 1)
        problems.append(f"the alt text has {alt_words} word{plural}: describe what the figure shows, its axes and "
                        f"what stands out, in at least {min_alt_words} words")
    return problems


@dataclass(frozen=True, kw_only=True)
class FigureQuestion(Question):
    """An *extend* task: the student draws a figure with the package's helpers (``new_figure``, then ``finish``) and
    :func:`~betweenpowers.checks.check` looks at its form: title, axis labels with a unit, a source line and alt text
    (:func:`figure_problems`). What the figure shows is the student's choice; the solutions hold a model figure.
    """

    min_alt_words: int = 12
    hint: str = ("Draw with fig, ax = new_figure(), then assign what finish(fig, ax, title=..., xlabel=..., "
                 "ylabel=..., source=data.source_line(...), alt=...) returns.")

    def grade(self, answer: object) -> Feedback:
        """Name what the figure lacks, or accept it."""
        if not (hasattr(answer, "png") and hasattr(answer, "alt")):
            return Feedback(Outcome.WRONG_TYPE,
                            "Wrong type: expected the figure that finish(fig, ax, ...) returns, got "
                            f"{describe(answer)}. Assign it: figure = finish(fig, ax, title=..., ...).")
        problems = figure_problems(answer, self.min_alt_words)
        if problems:
            return Feedback(Outcome.INCORRECT, "Not quite: " + "; ".join(problems) + ".")
        return Feedback(Outcome.CORRECT, "Correct! The figure has a title, labelled axes with a unit, a source line "
                                         "and alt text. Compare what it shows with the model figure in the solutions.")


@dataclass(frozen=True, kw_only=True)
class ValueQuestion(Question):
    """An exact value: a string (e.g. an ISO3 code) or an int (e.g. a year).

    Strings are compared after stripping spaces, ignoring case when ``ignore_case`` is true (the default). Whole
    numbers may be given as floats with no fractional part (``2014.0``). ``mistakes`` maps what to tell the learner
    to a callable computing the value a typical mistake gives, as for :class:`NumberQuestion`. An answer that is not
    in the form of the expected code (a name for a three-letter code, spaces for underscores) is told the form, and a
    value given where a row label is asked is told to use ``idxmax()`` or ``idxmin()``.

    >>> country = ValueQuestion(id="demo.4", expected=lambda: "KAZ", ignore_case=False,
    ...                         mistakes={"that is the state with the lowest mean: use idxmax().": lambda: "TJK"})
    >>> print(country.grade(" KAZ "))
    Correct! Well done.
    >>> print(country.grade("kaz"))
    Close, but not quite: check the capital letters.
    >>> print(country.grade("TJK"))
    Not quite: that is the state with the lowest mean: use idxmax().
    >>> print(country.grade("Kazakhstan"))
    Wrong type: the question asks for a three-letter code such as "DEU" (Germany), not a name.
    >>> year = ValueQuestion(id="demo.5", expected=lambda: 2014)
    >>> print(year.grade(2014.0))
    Correct! Well done.
    >>> print(year.grade(2014.5))
    Wrong type: expected a whole number (int), got a float with a fractional part.
    >>> print(year.grade(-0.12))  # doctest: +NORMALIZE_WHITESPACE
    Wrong type: expected a whole number (int), got a float with a fractional part. It looks like a value, as
    .min() or .max() gives; the question asks for a row label (a year): use .idxmin() or .idxmax().
    """

    expected: Callable[[], object]
    ignore_case: bool = True
    mistakes: Mistakes = field(default_factory=dict)

    def __post_init__(self) -> None:
        super().__post_init__()
        require_callable(self.expected, self.id)
        require_mistakes(self.mistakes, self.id)

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

    def _same_text(self, given: str, wanted: object) -> bool:
        """String equality after stripping, ignoring case when the question does."""
        if not isinstance(wanted, str):
            return False
        given, wanted = given.strip(), wanted.strip()
        return given == wanted or (self.ignore_case and given.casefold() == wanted.casefold())

    def _named_mistake(self, matches: Callable[[object], bool]) -> Feedback | None:
        """"Not quite" feedback naming the first typical mistake that gives the answer, or None."""
        named = first_named_mistake(self.mistakes, matches)
        return None if named is None else Feedback(Outcome.INCORRECT, f"Not quite: {named}")

    def _grade_text(self, answer: object, expected: str) -> Feedback:
        """Compare strings."""
        if not isinstance(answer, str):
            return Feedback(
                Outcome.WRONG_TYPE,
                f"Wrong type: expected text in quotes (a str), got {describe(answer)}."
                + (single_value_tip(answer) or value_tip_for_a_label(answer, expected)),
            )
        if self._same_text(answer, expected):
            return Feedback(Outcome.CORRECT, CORRECT_MESSAGE)
        form = code_form_problem(answer, expected)
        if form is not None:
            return Feedback(Outcome.WRONG_TYPE, form)
        if answer.strip().casefold() == expected.strip().casefold():
            return Feedback(Outcome.CLOSE, "Close, but not quite: check the capital letters.")
        named = self._named_mistake(
            lambda value: self._same_text(answer, value) and not self._same_text(expected, value)
        )
        if named is not None:
            return named
        return Feedback(Outcome.INCORRECT, with_hint(NOT_EXPECTED, self.hint))

    def _grade_integer(self, answer: object, expected: int) -> Feedback:
        """Compare whole numbers."""
        value, problem = read_integer(answer)
        if value is None:
            return Feedback(Outcome.WRONG_TYPE, problem + value_tip_for_a_label(answer, expected))
        if value == expected:
            return Feedback(Outcome.CORRECT, CORRECT_MESSAGE)
        named = self._named_mistake(lambda other: _whole(other) == value and _whole(other) != expected)
        if named is not None:
            return named
        return Feedback(Outcome.INCORRECT, with_hint(NOT_EXPECTED, self.hint))


def _whole(value: object) -> int | None:
    """``value`` as an int, or None if it is not a whole number.

    >>> _whole(np.int64(6)), _whole(6.0), _whole("6")
    (6, 6, None)
    """
    number, _ = read_integer(value)
    return number
