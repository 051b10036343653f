"""The registry of questions, and grading an answer to a registered question.

The registry is a plain dict from question id to question, filled by importing the answer key: each module
``betweenpowers.answer_key.lessonNN`` calls :func:`register` when it is imported, and this module imports the
answer key (:data:`ANSWER_KEY_MODULE`) lazily, the first time a question is looked up. The rules:

* :func:`register` stores each question under its ``id`` and records the module that registered it (the caller's
  module, or the ``module`` argument), which is the module that defines the question.
* Registering an id again from the **same** module replaces the entry. This is what happens when a module is
  imported again (``importlib.reload``, a notebook cell run twice): the new definition wins, nothing is compared.
* Registering an id that a **different** module already defines raises ``ValueError`` naming both modules (two
  answer-key modules cannot both define ``"03.2"``), and so does the same id twice in one call. A call that raises
  registers none of its questions.
* Anything that is not a :class:`~betweenpowers.checks.Question` raises ``TypeError``.

>>> question = get_question("03.2")
>>> type(question).__name__
'NumberQuestion'
>>> "03.2" in registered_ids()
True
>>> register(question, module="betweenpowers.answer_key.lesson03")  # lesson03 imported again: replaced
>>> register(question, module="betweenpowers.answer_key.lesson04")
Traceback (most recent call last):
...
ValueError: question id '03.2' is defined in two modules: betweenpowers.answer_key.lesson03 and \
betweenpowers.answer_key.lesson04 (question ids must be unique)

Grading: :func:`grade` judges an answer to a question, :func:`evaluate` to a registered id, and :func:`check` prints
the message:

>>> evaluate("03.2", ...).outcome
<Outcome.NOT_ANSWERED: 'not answered'>
>>> check("03.2", "0.45")
Wrong type: expected a number (int or float), got a str. It looks like a number in quotes: remove the quotes.
>>> check("03_2", 0.45)
Unknown question: there is no exercise '03_2'. Check the first argument of check(...).
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterable

from betweenpowers.checks.feedback import (
    NOT_ANSWERED_MESSAGE,
    ExpectedValueError,
    Feedback,
    Outcome,
    exception_summary,
    first_line,
)
from betweenpowers.checks.parsing import describe, is_missing
from betweenpowers.checks.questions import Question

__all__ = [
    "ANSWER_KEY_MODULE",
    "check",
    "evaluate",
    "get_question",
    "grade",
    "register",
    "registered_ids",
]

#: The package whose import registers the lessons' questions.
ANSWER_KEY_MODULE = "betweenpowers.answer_key"

#: Question id -> question.
_REGISTRY: dict[str, Question] = {}
#: Question id -> name of the module that registered (defines) it.
_DEFINED_IN: dict[str, str] = {}
#: Whether :data:`ANSWER_KEY_MODULE` has been imported (or found absent).
_answer_key_loaded = False


# ---------------------------------------------------------------------------
# Registering
# ---------------------------------------------------------------------------


def _caller_module(depth: int) -> str:
    """The ``__name__`` of the module ``depth`` frames up the stack (``"__main__"`` if it has none)."""
    return str(sys._getframe(depth + 1).f_globals.get("__name__", "__main__"))


def _defining_module(question_id: str) -> str | None:
    """The module that registered ``question_id``, or None if it is not registered (or its origin is unknown)."""
    return _DEFINED_IN.get(question_id) if question_id in _REGISTRY else None


def _registration_problem(questions: Iterable[object], module: str) -> Exception | None:
    """The error a call ``register(*questions)`` from ``module`` should raise, or None if it may go ahead.

    >>> question = get_question("03.2")
    >>> _registration_problem([question], "betweenpowers.answer_key.lesson03") is None
    True
    >>> _registration_problem([question, question], "betweenpowers.answer_key.lesson03")
    ValueError("question id '03.2' appears twice in one call to register()")
    >>> _registration_problem(["03.2"], "betweenpowers.answer_key.lesson03")
    TypeError('register() takes questions, got a str')
    """
    seen: set[str] = set()
    for question in questions:
        if not isinstance(question, Question):
            return TypeError(f"register() takes questions, got {describe(question)}")
        if question.id in seen:
            return ValueError(f"question id {question.id!r} appears twice in one call to register()")
        seen.add(question.id)
        defined_in = _defining_module(question.id)
        if defined_in is not None and defined_in != module:
            return ValueError(
                f"question id {question.id!r} is defined in two modules: {defined_in} and {module} "
                "(question ids must be unique)"
            )
    return None


def register(*questions: Question, module: str | None = None) -> None:
    """Add questions to the registry, as defined by ``module`` (default: the calling module's ``__name__``).

    An id already registered by the same module is replaced; one registered by another module raises
    ``ValueError`` naming both modules; something that is not a question raises ``TypeError``. Nothing is
    registered when it raises. See the module docstring for an example.
    """
    defined_in = module if module is not None else _caller_module(1)
    problem = _registration_problem(questions, defined_in)
    if problem is not None:
        raise problem
    for question in questions:
        _REGISTRY[question.id] = question
        _DEFINED_IN[question.id] = defined_in


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
    """Return the registered question with this id (``KeyError`` if unknown).

    >>> get_question("03.4").letters()
    ['a', 'b', 'c', 'd']
    >>> get_question("03_4")
    Traceback (most recent call last):
    ...
    KeyError: "no question registered with id '03_4'"
    """
    _load_answer_key()
    if isinstance(question_id, str) and question_id in _REGISTRY:
        return _REGISTRY[question_id]
    raise KeyError(f"no question registered with id {question_id!r}")


def registered_ids() -> list[str]:
    """All registered question ids, sorted.

    >>> registered_ids()[:3]
    ['00.1', '00.2', '00.3']
    """
    _load_answer_key()
    return sorted(_REGISTRY)


# ---------------------------------------------------------------------------
# Grading and printing
# ---------------------------------------------------------------------------


def grade(question: Question, answer: object) -> Feedback:
    """Judge ``answer`` against ``question``.

    Missing answers give NOT_ANSWERED. If the answer breaks the grading (for example an object whose comparison
    raises), the outcome is WRONG_TYPE with a "Sorry, the checker could not read this answer" message. Only
    :class:`~betweenpowers.checks.ExpectedValueError` (a problem with the answer key) propagates.

    >>> question = get_question("03.2")
    >>> print(grade(question, "   "))
    Not answered yet: replace the `...` with your answer.
    >>> class Strange(float):
    ...     def __float__(self):
    ...         raise RuntimeError("no float")
    >>> print(grade(question, Strange(0.5)))
    Sorry, the checker could not read this answer: a Strange raised RuntimeError: no float.
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
            f"Sorry, the checker could not read this answer: {describe(answer)} raised {exception_summary(exc)}.",
        )


def evaluate(question_id: str, answer: object) -> Feedback:
    """Judge ``answer`` to the registered question ``question_id``.

    >>> print(evaluate("03.4", "z"))
    Wrong type: that is not one of the options; answer with one of the letters "a", "b", "c" or "d".
    >>> print(evaluate(3.2, 0.45))  # doctest: +NORMALIZE_WHITESPACE
    Unknown question: there is no exercise (the id should be text in quotes, got a float).
    Check the first argument of check(...).
    """
    try:
        question = get_question(question_id)
    except KeyError:
        return Feedback(
            Outcome.UNKNOWN_QUESTION,
            f"Unknown question: there is no exercise {_shown_id(question_id)}. Check the first argument of check(...).",
        )
    return grade(question, answer)


def _shown_id(question_id: object) -> str:
    """How an unknown id is shown: quoted (at most 40 characters), or a note that it should be text.

    >>> print(_shown_id("03_2"))
    '03_2'
    >>> print(_shown_id(None))
    (the id should be text in quotes, got a NoneType)
    """
    if isinstance(question_id, str):
        return repr(question_id[:40])
    return f"(the id should be text in quotes, got {describe(question_id)})"


def check(question_id: str, answer: object) -> None:
    """Print short, kind feedback on ``answer``; never raises.

    >>> answer_03_2 = ...  # the learner replaces the ``...``
    >>> check("03.2", answer_03_2)
    Not answered yet: replace the `...` with your answer.
    """
    try:
        message = evaluate(question_id, answer).message
    except ExpectedValueError as exc:
        message = (
            f"Sorry, the checker could not work out the expected answer: {first_line(exc)}. "
            "This is a problem with the course materials, not with your answer."
        )
    except Exception as exc:
        message = f"Sorry, the checker could not read this answer: {exception_summary(exc)}."
    try:
        print(message)
    except Exception:
        pass
