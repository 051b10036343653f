"""Typical mistakes: recognising the answer a typical mistake gives, and naming the mistake without the answer.

Two kinds of mistake are recognised:

* **named mistakes**, declared by the answer key in a question's ``mistakes``: a mapping from what to tell the learner
  to a zero-argument callable that computes, from the data, the answer the mistake gives (a filter forgotten, the
  wrong rule, the mean of yearly means, a row label instead of a value, ...). The text completes the sentence
  "Not quite: ..." and says what went wrong and what to do instead;
* **generic mistakes** that every question of a kind recognises by itself: a unit off by 100 (a percentage for a
  share), 1,000 or 1,000,000, an answer rounded to fewer decimals than the question asks, a year (a row label, what
  ``idxmax()`` gives) where a value is asked or a value where a row label is asked, a name where a code is asked, and
  spaces where a code has underscores.

A message names the mistake and the form the answer should take; it never contains the expected value. Named
mistakes are ``Not quite``; wrong units and too coarse rounding are ``Close, but not quite`` (the work is right);
a wrong form is ``Wrong type`` and is told whether or not the answer is right once its form is fixed.

>>> print(unit_mistake(4523.0, 4.523, tolerance=0.05))  # doctest: +NORMALIZE_WHITESPACE
Close, but not quite: your answer is 1,000 times too large. Check the units: a table in million US$ gives
billions once divided by 1,000.
>>> print(coarse_rounding(0.13, 0.13186, decimals=3))
Close, but not quite: your answer looks rounded to 2 decimals; the question asks for 3.
>>> print(code_form_problem("China", "CHN"))
Wrong type: the question asks for a three-letter code such as "DEU" (Germany), not a name.
>>> print(code_form_problem("hosted summit", "hosted_summit"))  # doctest: +NORMALIZE_WHITESPACE
Wrong type: write the code exactly as the table does: lower case, with underscores instead of spaces
(as in `agenda_setting`).
"""

from __future__ import annotations

import math
import numbers
import re
from collections.abc import Callable, Mapping

import numpy as np

__all__ = [
    "Mistakes",
    "code_form_problem",
    "coarse_rounding",
    "first_named_mistake",
    "label_tip_for_a_value",
    "letter_with_text",
    "require_mistakes",
    "row_label_for_a_value",
    "rounded_or_mistake",
    "unit_mistake",
    "value_tip_for_a_label",
    "within_precision",
]

#: What to tell the learner (completing "Not quite: ...") -> the answer the mistake gives, computed from the data.
Mistakes = Mapping[str, Callable[[], object]]

#: The factors a unit mistake multiplies by, and what to check for each.
UNIT_FACTORS: tuple[tuple[float, str, str, str], ...] = (
    (100.0, "100",
     "It looks like a percentage (such as 45), but the question asks for a share (such as 0.45): divide by 100.",
     "It looks like a share (such as 0.45), but the question asks for a percentage (such as 45): multiply by 100."),
    (1_000.0, "1,000",
     "Check the units: a table in million US$ gives billions once divided by 1,000.",
     "Check the units: billions are thousands of millions, so multiply by 1,000."),
    (1_000_000.0, "1,000,000",
     "Check the units: one of the columns may be in US$ and the other in million US$.",
     "Check the units: one of the columns may be in US$ and the other in million US$."),
)

#: Examples of a three-letter code, the first one that is not the expected answer is shown.
CODE_EXAMPLES = (("DEU", "Germany"), ("FRA", "France"))

#: An example of a code written with underscores (a value of the events table's ``mode``).
SNAKE_EXAMPLE = "agenda_setting"

ISO3 = re.compile(r"[A-Z]{3}")
SNAKE_CODE = re.compile(r"[a-z][a-z0-9]*(?:_[a-z0-9]+)*")
YEARS = range(1900, 2101)


def require_mistakes(mistakes: object, question_id: str) -> None:
    """Developer check: ``mistakes`` maps non-empty texts to zero-argument callables.

    >>> require_mistakes({"the filter is missing.": lambda: 0.5}, "demo.1")
    >>> require_mistakes({"the filter is missing.": 0.5}, "demo.1")
    Traceback (most recent call last):
    ...
    TypeError: question 'demo.1': each typical mistake maps a text to a zero-argument callable computing its value
    """
    if not isinstance(mistakes, Mapping):
        raise TypeError(f"question {question_id!r}: `mistakes` must be a mapping of texts to callables")
    for text, value in mistakes.items():
        if not isinstance(text, str) or not text.strip() or not callable(value):
            raise TypeError(
                f"question {question_id!r}: each typical mistake maps a text to a zero-argument callable "
                "computing its value"
            )


def within_precision(value: float, target: float, *, rel_tol: float, abs_tol: float, decimals: int | None) -> bool:
    """True if ``value`` equals ``target`` within the tolerances, or to ``decimals`` decimals.

    To ``decimals`` decimals means within half a unit of the last decimal, so any correctly rounded answer is
    accepted whichever way a half is rounded.

    >>> within_precision(0.132, 0.13186, rel_tol=1e-3, abs_tol=1e-9, decimals=3)
    True
    >>> within_precision(0.131, 0.13186, rel_tol=1e-3, abs_tol=1e-9, decimals=3)
    False
    >>> within_precision(2.83, 17 / 6, rel_tol=1e-3, abs_tol=1e-9, decimals=None)
    False
    """
    if math.isclose(value, target, rel_tol=rel_tol, abs_tol=abs_tol):
        return True
    if decimals is None:
        return False
    slack = 4 * math.ulp(max(abs(value), abs(target), 1.0))
    return abs(value - target) <= 0.5 * 10.0**-decimals + slack


def first_named_mistake(mistakes: Mistakes, matches: Callable[[object], bool]) -> str | None:
    """The text of the first mistake whose value ``matches`` the answer, or None.

    Values are computed one by one, only as far as needed. A mistake whose computation fails is skipped: a typical
    mistake is extra help, and never stops an answer from being graded.

    >>> first_named_mistake({"a": lambda: 1 / 0, "b": lambda: 2.0}, lambda value: value == 2.0)
    'b'
    """
    for text, compute in mistakes.items():
        try:
            if matches(compute()):
                return text
        except Exception:
            continue
    return None


def unit_mistake(value: float, expected: float, *, tolerance: float, abs_tol: float = 1e-9) -> str | None:
    """A "Close" message if ``value`` is ``expected`` times or divided by 100, 1,000 or 1,000,000, else None.

    >>> print(unit_mistake(0.0004, 0.4, tolerance=0.05))  # doctest: +NORMALIZE_WHITESPACE
    Close, but not quite: your answer is 1,000 times too small. Check the units: billions are thousands of
    millions, so multiply by 1,000.
    >>> unit_mistake(0.5, 0.4, tolerance=0.05) is None
    True
    """
    if expected == 0:
        return None
    for factor, shown, too_large, too_small in UNIT_FACTORS:
        if math.isclose(value / factor, expected, rel_tol=tolerance, abs_tol=abs_tol):
            return f"Close, but not quite: your answer is {shown} times too large. {too_large}"
        if math.isclose(value * factor, expected, rel_tol=tolerance, abs_tol=abs_tol):
            return f"Close, but not quite: your answer is {shown} times too small. {too_small}"
    return None


def coarse_rounding(value: float, expected: float, *, decimals: int | None) -> str | None:
    """A "Close" message if ``value`` is ``expected`` rounded to fewer decimals than ``decimals``, else None.

    Only answers written with 1 to ``decimals - 1`` decimals and at least two significant digits count, so a
    rough guess (0, 1, 0.1) is not told that it is near.

    >>> print(coarse_rounding(2.8, 17 / 6, decimals=2))
    Close, but not quite: your answer looks rounded to 1 decimal; the question asks for 2.
    >>> coarse_rounding(0.1, 0.13186, decimals=3) is None, coarse_rounding(0.0, 0.001, decimals=3) is None
    (True, True)
    """
    if decimals is None or value == 0:
        return None
    for written in range(1, decimals):
        if math.isclose(value, round(value, written), rel_tol=0, abs_tol=1e-12):
            significant = written + math.floor(math.log10(abs(value))) + 1
            if significant < 2 or abs(value - expected) > 0.5 * 10.0**-written + 1e-12:
                return None
            unit = "decimal" if written == 1 else "decimals"
            return (f"Close, but not quite: your answer looks rounded to {written} {unit}; "
                    f"the question asks for {decimals}.")
    return None


def rounded_or_mistake(named: str, decimals: int) -> str:
    """The "Not quite" message when an answer with too few decimals fits the expected value and a typical mistake.

    Rounded to fewer decimals the answer could be right, or it could be what the mistake gives: both are said.

    >>> print(rounded_or_mistake("that share counts the absent votes too.", 3))  # doctest: +NORMALIZE_WHITESPACE
    Not quite: the question asks for 3 decimals and your answer has fewer. If you did not round it: that share
    counts the absent votes too.
    """
    return (f"Not quite: the question asks for {decimals} decimals and your answer has fewer. "
            f"If you did not round it: {named}")


def row_label_for_a_value(answer: object, value: float, expected: float) -> str | None:
    """A "Not quite" message when a year (a row label) is given where a value is asked, else None.

    >>> print(row_label_for_a_value(2014, 2014.0, 4.52))  # doctest: +NORMALIZE_WHITESPACE
    Not quite: that looks like a year, a row label such as .idxmax() or .idxmin() gives; the question asks for a
    value: take it with .max(), .min() or .loc[...].
    >>> row_label_for_a_value(2014, 2014.0, 1990.0) is None
    True
    """
    whole = isinstance(answer, (numbers.Integral, np.integer)) or float(value).is_integer()
    if not whole or int(value) not in YEARS or abs(expected) >= 1000:
        return None
    return ("Not quite: that looks like a year, a row label such as .idxmax() or .idxmin() gives; the question "
            "asks for a value: take it with .max(), .min() or .loc[...].")


def label_tip_for_a_value(answer: object) -> str:
    """Advice (with a leading space) when text that is not a number is given where a number is asked, else "".

    >>> print(label_tip_for_a_value("RUS"))  # doctest: +NORMALIZE_WHITESPACE
     If it came from .idxmax() or .idxmin(), it is a row label: .max() or .min() gives the value itself.
    """
    if isinstance(answer, str) and answer.strip():
        return " If it came from .idxmax() or .idxmin(), it is a row label: .max() or .min() gives the value itself."
    return ""


def value_tip_for_a_label(answer: object, expected: object) -> str:
    """Advice (with a leading space) when a value is given where a row label (a year, a code) is asked, else "".

    >>> print(value_tip_for_a_label(0.41, 2014))  # doctest: +NORMALIZE_WHITESPACE
     It looks like a value, as .min() or .max() gives; the question asks for a row label (a year): use .idxmin()
     or .idxmax().
    >>> value_tip_for_a_label(12.5, 6)
    ''
    """
    if isinstance(answer, (bool, np.bool_)) or not isinstance(answer, numbers.Real):
        return ""
    if isinstance(expected, str):
        what = "a row label (a name or code)"
    elif isinstance(expected, numbers.Integral) and int(expected) in YEARS and int(answer) not in YEARS:
        what = "a row label (a year)"
    else:
        return ""
    return (f" It looks like a value, as .min() or .max() gives; the question asks for {what}: use .idxmin() "
            "or .idxmax().")


def code_form_problem(given: str, expected: str) -> str | None:
    """A "Wrong type" message when ``given`` is not written in the form of the code ``expected``, else None.

    Three-letter codes (``"CHN"``) are not names (``"China"``); lower-case codes (``"hosted_summit"``) have no
    spaces or hyphens. The message says the form only: it is the same whether or not the answer is
    right once written in that form.

    >>> code_form_problem("chn", "CHN") is None, code_form_problem("mediation", "hosted_summit") is None
    (True, True)
    """
    text = given.strip()
    wanted = expected.strip()
    if ISO3.fullmatch(wanted) and not re.fullmatch(r"[A-Za-z]{3}", text):
        code, name = next((c, n) for c, n in CODE_EXAMPLES if c != wanted)
        return f'Wrong type: the question asks for a three-letter code such as "{code}" ({name}), not a name.'
    if SNAKE_CODE.fullmatch(wanted) and re.search(r"[\s-]", text):
        example = SNAKE_EXAMPLE if wanted != SNAKE_EXAMPLE else "partner_type"
        return ("Wrong type: write the code exactly as the table does: lower case, with underscores instead of "
                f"spaces (as in `{example}`).")
    return None


def letter_with_text(answer: str, letters: list[str]) -> str | None:
    """The option letter an answer starts with when more text follows it (``"b: both can be right"``), else None.

    >>> letter_with_text("b: both can be right", ["a", "b"]), letter_with_text("both", ["a", "b"])
    ('b', None)
    """
    match = re.fullmatch(r"\s*\(?([A-Za-z])\s*[:).\-]\s*\S.*", answer, flags=re.DOTALL)
    if match and match.group(1).lower() in letters:
        return match.group(1).lower()
    return None
