"""Reading answers: missing answers, numbers, whole numbers and option letters, and describing a value's type.

The readers never raise on a learner's answer: they return the value read, or ``None`` with a "Wrong type"
message that says what was expected and what was given.

>>> is_missing(...)
True
>>> read_number(0.45)
(0.45, '')
>>> value, problem = read_number("0.45")
>>> value is None
True
>>> print(problem)
Wrong type: expected a number (int or float), got a str. It looks like a number in quotes: remove the quotes.
>>> read_integer(2014.0)
(2014, '')
>>> normalise_letter(" (B) ")
'b'
"""

from __future__ import annotations

import math
import numbers
from collections.abc import Sequence

import numpy as np
import pandas as pd

__all__ = [
    "describe",
    "is_missing",
    "list_letters",
    "looks_like_number",
    "normalise_letter",
    "read_integer",
    "read_number",
    "single_value_tip",
]


def is_missing(answer: object) -> bool:
    """True for answers that mean "not answered yet".

    These are ``None``, ``...`` and strings that are blank or just ``"..."``.

    >>> [is_missing(answer) for answer in (None, ..., "", "  ...  ", "…")]
    [True, True, True, True, True]
    >>> [is_missing(answer) for answer in (0, "0", [], float("nan"))]
    [False, False, False, False]
    """
    if answer is None or answer is Ellipsis:
        return True
    if isinstance(answer, str):
        return answer.strip() in ("", "...", "…")
    return False


def describe(value: object) -> str:
    """Describe the type of ``value`` for a message, e.g. ``"a str"``.

    Only the type is inspected, never ``repr(value)``, so this is safe for objects whose ``__repr__`` raises.

    >>> describe("0.45"), describe(42), describe(int)
    ('a str', 'an int', 'a class (int) rather than a value')
    >>> describe(pd.DataFrame({"share": [0.4, 0.5]}))
    'a pandas DataFrame with shape (2, 1)'
    >>> describe(np.array([1, 2, 3]))
    'a numpy array of shape (3,)'
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


def single_value_tip(value: object) -> str:
    """Extra advice (with a leading space) when a container was given where one value was expected, else "".

    >>> single_value_tip(pd.Series([0.45]))
    ' It holds a single value: take it out with `.item()`.'
    >>> single_value_tip([0.4, 0.5])
    ' The question asks for a single value, not a collection of values.'
    >>> single_value_tip(0.45)
    ''
    """
    if isinstance(value, (pd.Series, pd.DataFrame, np.ndarray)):
        if value.size == 1:
            return " It holds a single value: take it out with `.item()`."
        return " The question asks for a single value, not a collection of values."
    if isinstance(value, (list, tuple, set, dict)):
        return " The question asks for a single value, not a collection of values."
    return ""


def looks_like_number(text: str) -> bool:
    """True if ``text`` (a str) would parse as a float once thousands separators and ``%`` are removed.

    >>> looks_like_number("45%"), looks_like_number("1,234.5"), looks_like_number("KAZ")
    (True, True, False)
    """
    try:
        float(text.replace(",", "").replace("%", ""))
    except ValueError:
        return False
    return True


def read_number(answer: object) -> tuple[float | None, str]:
    """Convert a numeric answer to float.

    Returns ``(value, "")`` on success, where ``value`` may be NaN or infinite (integers too large for a float
    become infinite), or ``(None, message)`` with a "Wrong type" message.

    >>> read_number(np.int64(17))
    (17.0, '')
    >>> read_number(10**400)
    (inf, '')
    >>> read_number(True)
    (None, 'Wrong type: expected a number (int or float), got a bool (True/False).')
    >>> print(read_number(pd.Series([0.45]))[1])  # doctest: +NORMALIZE_WHITESPACE
    Wrong type: expected a number (int or float), got a pandas Series of length 1.
    It holds a single value: take it out with `.item()`.
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
    if isinstance(answer, str) and looks_like_number(answer):
        message += " It looks like a number in quotes: remove the quotes."
    return None, message + single_value_tip(answer)


def read_integer(answer: object) -> tuple[int | None, str]:
    """Convert a whole-number answer to int, or return a "Wrong type" message.

    Floats with no fractional part (``2014.0``) are accepted, since pandas often stores years as floats.

    >>> read_integer(np.int64(2014)), read_integer(np.array(2014))
    ((2014, ''), (2014, ''))
    >>> read_integer(2014.5)
    (None, 'Wrong type: expected a whole number (int), got a float with a fractional part.')
    >>> print(read_integer("2014")[1])
    Wrong type: expected a whole number (int), got a str. It looks like a number in quotes: remove the quotes.
    """
    value, problem = read_number(answer)
    if value is None:
        return None, problem.replace("a number (int or float)", "a whole number (int)")
    if isinstance(answer, np.ndarray):
        answer = answer[()]
    if isinstance(answer, numbers.Integral):
        return int(answer), ""
    if math.isfinite(value) and value.is_integer():
        return int(value), ""
    return None, f"Wrong type: expected a whole number (int), got {describe(answer)} with a fractional part."


def normalise_letter(text: str) -> str:
    """``" (B) "`` -> ``"b"``: strip spaces, brackets and a final full stop, then lower-case.

    >>> [normalise_letter(text) for text in ("b", "B", " b ", "(b)", "b)", "b.")]
    ['b', 'b', 'b', 'b', 'b', 'b']
    """
    return text.strip().strip("()[]. ").strip().lower()


def list_letters(letters: Sequence[str]) -> str:
    """``["a", "b", "c"]`` -> ``'"a", "b" or "c"'``.

    >>> print(list_letters(["a", "b", "c"]))
    "a", "b" or "c"
    >>> print(list_letters(["a"]))
    "a"
    """
    quoted = [f'"{letter}"' for letter in letters]
    if len(quoted) == 1:
        return quoted[0]
    return ", ".join(quoted[:-1]) + " or " + quoted[-1]
