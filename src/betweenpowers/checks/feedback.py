"""Outcomes and feedback: the verdict on one answer and the text the learner sees.

Every message starts with a marker word that matches its :class:`Outcome` (see :mod:`betweenpowers.checks`). The
helpers here build the parts every question kind shares: a hint on a second line, and a one-line summary of an
exception that never raises itself.

>>> feedback = Feedback(Outcome.CLOSE, with_hint("Close, but not quite: check the rounding.", "Use totals."))
>>> feedback.correct
False
>>> print(feedback)
Close, but not quite: check the rounding.
Hint: Use totals.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass

__all__ = [
    "CORRECT_MESSAGE",
    "NOT_ANSWERED_MESSAGE",
    "ExpectedValueError",
    "Feedback",
    "Outcome",
    "exception_summary",
    "first_line",
    "with_hint",
]

#: What :func:`betweenpowers.checks.check` prints for a missing answer (``None``, ``...``, a blank string).
NOT_ANSWERED_MESSAGE = "Not answered yet: replace the `...` with your answer."

#: What every auto-graded question kind prints for an accepted answer.
CORRECT_MESSAGE = "Correct! Well done."


class Outcome(enum.Enum):
    """The verdict on one answer.

    >>> Outcome.NOT_ANSWERED
    <Outcome.NOT_ANSWERED: 'not answered'>
    """

    CORRECT = "correct"
    NOT_ANSWERED = "not answered"
    WRONG_TYPE = "wrong type"
    CLOSE = "close"
    INCORRECT = "incorrect"
    UNKNOWN_QUESTION = "unknown question"


@dataclass(frozen=True)
class Feedback:
    """An outcome together with the message shown to the learner.

    >>> feedback = Feedback(Outcome.CORRECT, CORRECT_MESSAGE)
    >>> feedback.correct, str(feedback)
    (True, 'Correct! Well done.')
    """

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

    This is a problem with the course materials, never with the learner's answer, so
    :func:`~betweenpowers.checks.grade` lets it propagate and :func:`~betweenpowers.checks.check` reports it with
    an apology.
    """


def with_hint(message: str, hint: str) -> str:
    """Append ``hint`` as a second line when there is one.

    >>> with_hint("Not quite: that is not the expected value.", "")
    'Not quite: that is not the expected value.'
    >>> print(with_hint("Not quite: that is not the expected value.", "Use totals."))
    Not quite: that is not the expected value.
    Hint: Use totals.
    """
    return f"{message}\nHint: {hint}" if hint else message


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message (at most 200 characters), or "".

    >>> first_line(ValueError("no data\\nfor 2014"))
    'no data'
    >>> first_line(KeyError())
    ''
    """
    try:
        text = str(exc).strip()
    except Exception:
        return ""
    return text.splitlines()[0][:200] if text else ""


def exception_summary(exc: BaseException) -> str:
    """``"ValueError: first line of the message"``, never raising itself.

    >>> exception_summary(ValueError("could not convert"))
    'ValueError: could not convert'
    >>> exception_summary(RuntimeError())
    'RuntimeError'
    """
    name = type(exc).__name__
    summary = first_line(exc)
    return f"{name}: {summary}" if summary else name
