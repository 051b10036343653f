"""Friendly feedback on exercise answers.

In an exercise notebook a learner writes an answer and calls :func:`check` with the question's id, ``"NN.k"``
(lesson NN, question k):

>>> from betweenpowers.checks import check
>>> answer_03_2 = ...  # the learner replaces the ``...``
>>> check("03.2", answer_03_2)
Not answered yet: replace the `...` with your answer.
>>> answer_03_2 = "0.45"
>>> check("03.2", answer_03_2)
Wrong type: expected a number (int or float), got a str. It looks like a number in quotes: remove the quotes.
>>> check("03_2", 0.45)
Unknown question: there is no exercise '03_2'. Check the first argument of check(...).

:func:`check` prints one or two lines of plain text and never raises, whatever it is given. The grading itself is
done by the pure function :func:`evaluate`, which returns a :class:`Feedback` (an :class:`Outcome` and the message),
so tests can assert on outcomes instead of parsing text:

>>> feedback = evaluate("03.4", "(z)")
>>> feedback.outcome
<Outcome.WRONG_TYPE: 'wrong type'>
>>> feedback.correct
False

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

``None``, ``...`` (Ellipsis) and strings that are empty or just ``"..."`` all mean "not answered yet".

Feedback diagnoses and never reveals: a message names the typical mistake it recognises (a filter forgotten, a unit
off by 1,000, a row label where a value is asked, a name where a code is asked) and the form an answer should take,
but never shows the expected value:

>>> check("02.2", "Germany")
Wrong type: the question asks for a three-letter code such as "DEU" (Germany), not a name.

The package, one module per concern:

* :mod:`~betweenpowers.checks.feedback`: :class:`Outcome`, :class:`Feedback`, :class:`ExpectedValueError` and the
  message helpers;
* :mod:`~betweenpowers.checks.parsing`: reading numbers, whole numbers and option letters from answers,
  :func:`is_missing` and :func:`describe`;
* :mod:`~betweenpowers.checks.questions`: :class:`Question` and the kinds :class:`NumberQuestion`,
  :class:`ChoiceQuestion`, :class:`TextQuestion`, :class:`ValueQuestion` and :class:`FigureQuestion` (the form of a
  student's figure);
* :mod:`~betweenpowers.checks.tables`: :class:`TableQuestion` and its comparison engine;
* :mod:`~betweenpowers.checks.mistakes`: the typical mistakes a message names (declared by the answer key, or
  generic: units, rounding, row labels, the form of codes) and the precision a number is accepted at;
* :mod:`~betweenpowers.checks.registry`: :func:`register`, :func:`get_question`, :func:`registered_ids`,
  :func:`grade`, :func:`evaluate` and :func:`check`.

Question kinds are keyword-only dataclasses with an ``id``, a short ``prompt`` summary and a ``hint``. The
auto-graded kinds take ``expected``, a zero-argument callable that computes the expected answer from the data tables
when the answer is checked, so no number is ever typed into a lesson.

The answer key: questions are registered with :func:`register`. The lessons' answer key lives in
:mod:`betweenpowers.answer_key`, whose ``lessonNN`` modules call :func:`register` when they are imported; the
registry imports it lazily the first time a question is looked up. Registering an id again from the same module
(the module re-imported) replaces the entry; an id registered by two different modules is a ``ValueError`` naming
both (see :mod:`~betweenpowers.checks.registry`).
"""

from __future__ import annotations

from betweenpowers.checks.feedback import NOT_ANSWERED_MESSAGE, ExpectedValueError, Feedback, Outcome
from betweenpowers.checks.parsing import describe, is_missing
from betweenpowers.checks.questions import (
    ChoiceQuestion,
    FigureQuestion,
    NumberQuestion,
    Question,
    TextQuestion,
    ValueQuestion,
)
from betweenpowers.checks.registry import (
    ANSWER_KEY_MODULE,
    check,
    evaluate,
    get_question,
    grade,
    register,
    registered_ids,
)
from betweenpowers.checks.tables import TableQuestion

__all__ = [
    "ANSWER_KEY_MODULE",
    "NOT_ANSWERED_MESSAGE",
    "ChoiceQuestion",
    "ExpectedValueError",
    "Feedback",
    "FigureQuestion",
    "NumberQuestion",
    "Outcome",
    "Question",
    "TableQuestion",
    "TextQuestion",
    "ValueQuestion",
    "check",
    "describe",
    "evaluate",
    "get_question",
    "grade",
    "is_missing",
    "register",
    "registered_ids",
]
