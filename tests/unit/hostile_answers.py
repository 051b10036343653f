"""Answers that misbehave on purpose, shared by the checker tests (test_checks_*, test_checks_fuzz)."""

from collections.abc import Iterator


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
