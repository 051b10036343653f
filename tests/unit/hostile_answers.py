"""Answers that misbehave on purpose, shared by the checker fuzz tests (test_checks_registry, test_checks_fuzz).

The classes raise from ``repr``, ``==``, ``float``, ``bool``, ``len`` or a str/int method; :func:`bad_answers` is the
list of strange answers that no synthetic test question may accept.
"""

from __future__ import annotations

import datetime
import decimal
import math
from collections.abc import Iterator

import numpy as np
import pandas as pd


class ReprRaises:
    def __repr__(self) -> str:
        raise RuntimeError("no repr")

    __str__ = __repr__


class EqRaises:
    def __eq__(self, other: object) -> bool:
        raise RuntimeError("no eq")

    __hash__ = object.__hash__


class FloatRaises:
    def __float__(self) -> float:
        raise RuntimeError("no float")


class BoolRaises:
    def __bool__(self) -> bool:
        raise RuntimeError("no bool")


class LenRaises:
    def __len__(self) -> int:
        raise RuntimeError("no len")

    def __iter__(self) -> Iterator:
        raise RuntimeError("no iter")


class FloatSubclassRaises(float):
    def __float__(self) -> float:
        raise RuntimeError("no float")


class StrSubclassRaises(str):
    def strip(self, *args: object) -> str:
        raise RuntimeError("no strip")

    def split(self, *args: object) -> list:
        raise RuntimeError("no split")


class IntSubclassBadCompare(int):
    def __gt__(self, other: object) -> bool:
        raise RuntimeError("no compare")


def bad_answers() -> list[object]:
    """Answers that none of the synthetic test questions accepts: odd types, shapes and values, hostile objects."""
    return [
        math.nan,
        math.inf,
        -math.inf,
        10**400,
        -(10**400),
        "",
        "banana",
        "0.45",
        "(z)",
        "x" * 10_000,
        [],
        [1, 2, 3],
        [None],
        {},
        {"share": 0.45},
        set(),
        {1, 2},
        (0.45,),
        b"0.45",
        1 + 2j,
        decimal.Decimal("NaN"),
        datetime.date(2014, 1, 1),
        np.array([]),
        np.array([0.45]),
        np.array([[1, 2], [3, 4]]),
        np.zeros((2, 0, 3)),
        np.array(["a", "b"]),
        np.array(None, dtype=object),
        np.array([ReprRaises()], dtype=object),
        np.datetime64("2014-01-01"),
        pd.Series(dtype=float),
        pd.Series([1, 2, 3]),
        pd.Series(["a"]),
        pd.Series([ReprRaises(), EqRaises()]),
        pd.DataFrame(),
        pd.DataFrame({"wrong": [1, 2, 3]}),
        pd.DataFrame({"share": ["a", "b", "c"], "partner": [1, 2, 3]}),
        pd.DataFrame({"share": [EqRaises()] * 3, "partner": [EqRaises()] * 3}),
        pd.DataFrame({"share": [0.4, 0.45, 0.5], "partner": [[1], [2], [3]]}, index=[2019, 2020, 2021]),
        pd.DataFrame([[1, 2], [3, 4]], columns=pd.MultiIndex.from_tuples([("a", "b"), ("c", "d")])),
        pd.NA,
        pd.NaT,
        ReprRaises(),
        EqRaises(),
        FloatRaises(),
        BoolRaises(),
        FloatSubclassRaises(0.45),
        StrSubclassRaises("b"),
        IntSubclassBadCompare(10**400),
        object(),
        int,
        pd.DataFrame,
        ReprRaises,
        lambda: 0.45,
        (x for x in range(3)),
        math,
    ]
