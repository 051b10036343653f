"""check(...) against the real answer key: a fuzz of bad answers.

For every question of the real answer key, generic bad answers (wrong types, objects whose ``repr``, ``==``,
``len`` or ``float`` raise, huge and strange values) and answers tailored to the question: ``check`` always prints
a short, friendly message, never an exception, and never accepts a generic bad answer.
"""

from __future__ import annotations

import datetime
import decimal
import math

import numpy as np
import pandas as pd
import pytest
from hostile_answers import EqRaises, FloatRaises, LenRaises, ReprRaises
from support import ROOT

# ---------------------------------------------------------------------------------------------------------------

MARKERS = ("Correct", "Thanks", "Not answered yet", "Wrong type", "Close, but not quite", "Not quite",
           "Unknown question", "Sorry, the checker")










class FrameWithBadRepr(pd.DataFrame):
    def __repr__(self) -> str:
        raise RuntimeError("no repr")


def generic_bad_answers() -> list[object]:
    """Answers no question accepts: wrong types, NaN, huge numbers, odd shapes, objects that misbehave."""
    return [
        math.nan, np.nan, math.inf, -math.inf, 10**400, -(10**400), 1e308 * 10, np.float64(1e308), -0.0,
        True, False, np.bool_(True), 1 + 2j, decimal.Decimal("NaN"), datetime.date(2014, 1, 1),
        "", "banana", "0.45", "45%", "(z)", "x" * 10_000, "\x00\n\t", "🙂",
        [], [1, 2, 3], [None], [[1, 2], [3]], {}, {"share": 0.45}, set(), (0.45,), b"0.45", range(3),
        np.array([]), np.array([0.45, 0.55]), np.array([[1, 2], [3, 4]]), np.zeros((2, 0, 3)), np.array(["a", "b"]),
        np.array(None, dtype=object), np.array([ReprRaises()], dtype=object), np.datetime64("2014-01-01"),
        pd.Series(dtype=float), pd.Series([1, 2, 3]), pd.Series(["a"]), pd.Series([np.nan] * 3),
        pd.Series([ReprRaises(), EqRaises()]),
        pd.DataFrame(), pd.DataFrame({"wrong": [1, 2, 3]}), pd.DataFrame({"a": ["x"], "b": [None]}),
        pd.DataFrame({"value": [EqRaises()] * 3}), pd.DataFrame([[1, 2]], columns=["a", "a"]),
        pd.DataFrame([[1, 2], [3, 4]], columns=pd.MultiIndex.from_tuples([("a", "b"), ("c", "d")])),
        FrameWithBadRepr({"wrong": [1.0]}), pd.NA, pd.NaT,
        ReprRaises(), EqRaises(), FloatRaises(), LenRaises(), object(), int, pd.DataFrame, ReprRaises,
        lambda: 0.45, (x for x in range(3)), math, print,
    ]


def tailored_bad_answers(question, expected: object) -> list[object]:
    """Near misses built from the expected answer: wrong shapes, types and columns of the right data."""
    answers: list[object] = []
    if isinstance(expected, pd.DataFrame):
        answers += [
            expected.rename(columns=lambda c: f"wrong_{c}"), expected.iloc[:1], expected.iloc[:0], expected.T,
            expected.to_numpy(), expected.to_dict(), expected.astype(str), expected.reset_index(),
            expected.iloc[::-1], pd.concat([expected, expected]), expected.map(lambda _: np.nan),
            expected.iloc[:, :1], expected.assign(extra_column=1),
        ]
    elif isinstance(expected, pd.Series):
        answers += [
            expected.to_frame(), expected.iloc[:1], expected.iloc[:0], expected.astype(str), expected.reset_index(),
            expected.to_list(), expected.to_numpy(), pd.concat([expected, expected]), expected * 100,
            expected.iloc[::-1], expected.map(lambda _: np.nan), expected.to_dict(),
        ]
    elif isinstance(expected, str):
        answers += [expected + "x", expected * 3, [expected], {expected}, pd.Series([expected] * 2),
                    expected.encode(), f"({expected})(", np.array([expected, expected])]
        options = getattr(question, "options", None)
        if options:
            answers += [options.get(expected, ""), list(options), "".join(options), options]
    elif isinstance(expected, (int, float, np.number)):
        answers += [str(expected), f"{expected}%", [expected], (expected, expected), {expected: expected},
                    np.array([expected, expected]), pd.Series([expected] * 3), pd.DataFrame({"value": [expected]}),
                    float(expected) * 1e308, -float(expected) * 1e308, complex(float(expected), 1),
                    float(expected) + 0.5, int(round(float(expected))) + 10**30]
    else:  # text questions: no expected value
        answers += [["many", "words"] * 20, b"bytes " * 20, 42, pd.Series(["a b c d e f g h"] * 3),
                    " ".join(["word"] * 2)]
    return answers


def test_the_real_answer_key_has_questions_for_every_lesson(real_answer_key):
    lessons = {p.name[:2] for p in (ROOT / "notebooks").glob("*.ipynb")}
    covered = {qid.split(".")[0] for qid in real_answer_key}
    assert lessons <= covered, f"lessons without registered questions: {sorted(lessons - covered)}"


def _question_ids() -> list[str]:
    from betweenpowers import checks

    return checks.registered_ids()


@pytest.mark.parametrize("qid", _question_ids())
def test_check_survives_bad_answers_to_every_real_question(real_answer_key, monkeypatch, capsys, qid):
    from betweenpowers import checks
    from betweenpowers.checks import registry

    monkeypatch.setattr(registry, "_REGISTRY", dict(real_answer_key))
    monkeypatch.setattr(registry, "_answer_key_loaded", True)
    question = real_answer_key[qid]
    expected = question.expected() if callable(getattr(question, "expected", None)) else None
    generic = generic_bad_answers()
    for index, answer in enumerate(generic + tailored_bad_answers(question, expected)):
        label = f"{qid}: {'generic' if index < len(generic) else 'tailored'} answer #{index} ({type(answer).__name__})"
        try:
            checks.check(qid, answer)
        except BaseException as exc:  # the point of the test: nothing may escape
            pytest.fail(f"{label}: check raised {type(exc).__name__}: {exc}")
        out = capsys.readouterr()
        assert out.out.strip(), f"{label}: printed nothing"
        assert out.out.startswith(MARKERS), f"{label}: {out.out!r}"
        assert len(out.out.strip().splitlines()) <= 2 and len(out.out) < 800, f"{label}: too long: {out.out!r}"
        assert "Traceback" not in out.out + out.err, f"{label}: {out.out!r} {out.err!r}"
        if index < len(generic):
            outcome = checks.evaluate(qid, answer).outcome
            assert outcome is not checks.Outcome.CORRECT, f"{label}: a bad answer was accepted"
