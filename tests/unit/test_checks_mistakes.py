"""Feedback that diagnoses and never reveals: typical mistakes, declared precision and answer forms.

The first part runs every typical mistake of the real answer key through ``evaluate`` and asserts its own message;
the second asserts that no message any answer can get ever contains the expected value; the third tests the generic
diagnoses of :mod:`betweenpowers.checks.mistakes` on made-up questions.
"""

from __future__ import annotations

import math
import re

import nbformat
import numpy as np
import pandas as pd
import pytest
from support import ROOT

from betweenpowers import checks
from betweenpowers.checks import ChoiceQuestion, NumberQuestion, Outcome, ValueQuestion
from betweenpowers.checks.questions import compute_expected

# ---------------------------------------------------------------------------------------------------------------
# The real answer key
# ---------------------------------------------------------------------------------------------------------------


def _questions(kind: type | tuple[type, ...]) -> list:
    return [q for qid in checks.registered_ids() if isinstance(q := checks.get_question(qid), kind)]


NUMBER_QUESTIONS = _questions(NumberQuestion)


@pytest.fixture
def key(real_answer_key, monkeypatch):
    """The registry holds the real answer key with its values computed once (``real_answer_key`` in conftest)."""
    from betweenpowers.checks import registry

    monkeypatch.setattr(registry, "_REGISTRY", dict(real_answer_key))
    monkeypatch.setattr(registry, "_answer_key_loaded", True)
    return real_answer_key
MISTAKES = [
    pytest.param(question, text, id=f"{question.id}: {text[:40]}")
    for question in _questions((NumberQuestion, ValueQuestion))
    for text in question.mistakes
]


def test_every_number_question_states_its_precision_and_names_mistakes():
    assert len(NUMBER_QUESTIONS) >= 25
    for question in NUMBER_QUESTIONS:
        assert question.decimals is not None, f"{question.id}: no declared precision (decimals)"
        assert question.mistakes, f"{question.id}: no typical mistakes"


@pytest.mark.parametrize(("question", "text"), MISTAKES)
def test_each_typical_mistake_gets_its_own_message(key, question, text):
    value = question.mistakes[text]()
    feedback = checks.evaluate(question.id, value)
    assert feedback.outcome is Outcome.INCORRECT, feedback.message
    assert feedback.message == f"Not quite: {text}"
    decimals = getattr(question, "decimals", None)
    if decimals is not None and isinstance(value, float) and abs(value) >= 10.0**-decimals:
        rounded = checks.evaluate(question.id, round(value, decimals))
        assert not rounded.correct
        assert text in rounded.message, f"rounded to {decimals} decimals: {rounded.message!r}"


@pytest.mark.parametrize("question", NUMBER_QUESTIONS, ids=lambda q: q.id)
def test_the_declared_precision_shows_at_least_two_significant_digits(key, question):
    expected = abs(float(compute_expected(key[question.id])))
    assert expected >= 10 * 10.0**-question.decimals, f"{question.id}: give more decimals than {question.decimals}"


@pytest.mark.parametrize("question", NUMBER_QUESTIONS, ids=lambda q: q.id)
def test_the_expected_value_rounded_as_the_question_asks_is_accepted(key, question):
    expected = float(compute_expected(question))
    decimals = question.decimals
    for answer in (expected, round(expected, decimals), float(np.round(expected, decimals)),
                   round(expected, decimals + 1), math.floor(expected * 10**decimals + 0.5) / 10**decimals):
        assert checks.evaluate(question.id, answer).correct, f"{question.id}: {answer!r} was not accepted"


@pytest.mark.parametrize("qid", ["00.1", "05.1", "08.1"])
def test_the_issue_examples_are_accepted(qid):
    """05.1 answered as lesson 05 prints it (2 decimals) is correct, not "Close, but not quite"."""
    question = checks.get_question(qid)
    shown = f"{float(compute_expected(question)):.{question.decimals}f}"
    assert checks.evaluate(qid, float(shown)).outcome is Outcome.CORRECT


def _shown(expected: object) -> set[str]:
    """The ways the expected value could be written in a message: 2 to 6 significant digits, or the text itself."""
    if isinstance(expected, str):
        return {expected}
    value = float(expected)
    if value.is_integer():
        return {str(int(value))}
    forms = set()
    for digits in range(2, 7):
        forms |= {f"{value:.{digits}g}", f"{abs(value):.{digits}g}", f"{value:#.{digits}g}".rstrip(".")}
    return forms


def reveals(message: str, expected: object) -> str | None:
    """The form of ``expected`` that ``message`` contains as a whole number (not part of a longer one), or None."""
    for form in _shown(expected):
        if re.search(rf"(?<![\w.]){re.escape(form)}(?![\w])(?!\.\d)", message):
            return form
    return None


def test_reveals_finds_numbers_and_ignores_longer_ones():
    assert reveals("yours is 0.13, but", 0.13186) == "0.13"
    assert reveals("0.132", 0.13186) == "0.132"
    assert reveals("share (such as 0.45)", 0.13186) is None
    assert reveals("1,000 times", 0.13186) is None
    assert reveals("year 2022.", 2022) == "2022"
    assert reveals("in 12022", 2022) is None
    assert reveals('a code such as "DEU"', "CHN") is None


def _answers_for(question, expected: object) -> list[object]:
    """Answers that reach every kind of message a question can give."""
    answers: list[object] = ["RUS", "Germany", "state visit", "b) yes", 0.41, -0.12, 2014, 2014.5, "0.5", [1, 2]]
    answers += [compute() for compute in question.mistakes.values()]
    if isinstance(expected, (int, float)) and not isinstance(expected, bool):
        value = float(expected)
        answers += [value * factor for factor in (100, 1e-2, 1e3, 1e-3, 1e6, 1e-6, -1, 1.03, 0.97, 3, 1e4)]
        answers += [round(value, digits) for digits in range(1, 7)] + [round(value) + 1]
    return answers


@pytest.mark.parametrize("question", _questions((NumberQuestion, ValueQuestion)), ids=lambda q: q.id)
def test_no_message_contains_the_expected_value(key, question):
    question = key[question.id]
    expected = compute_expected(question)
    for answer in _answers_for(question, expected):
        feedback = checks.evaluate(question.id, answer)
        if feedback.correct:
            continue
        shown = reveals(feedback.message, expected)
        assert shown is None, f"{question.id}: answer {answer!r} gets {feedback.message!r}, which shows {shown!r}"


def _question_texts() -> dict[str, str]:
    """Question id -> the markdown of its question cell in the solutions notebooks."""
    texts = {}
    for path in sorted((ROOT / "solutions").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            match = re.search(r"^## Question (\d\d\.\d+)", cell.source, flags=re.MULTILINE)
            if cell.cell_type == "markdown" and match:
                texts[match.group(1)] = cell.source
    return texts


def test_each_number_question_states_its_precision_in_its_text():
    texts = _question_texts()
    for question in NUMBER_QUESTIONS:
        text = texts.get(question.id, "")
        wanted = f"{question.decimals} decimal"
        assert wanted in text, f"{question.id}: the question text does not say '{wanted}'"
        assert "not rounded" not in text, f"{question.id}: the text still asks for an unrounded number"


# ---------------------------------------------------------------------------------------------------------------
# Specific diagnoses on the real questions
# ---------------------------------------------------------------------------------------------------------------


def test_a_row_label_where_a_value_is_asked():
    usa_best = checks.get_question("08.1")
    year = next(compute() for text, compute in usa_best.mistakes.items() if text.startswith("that is the year"))
    feedback = checks.evaluate("08.1", year)
    assert feedback.outcome is Outcome.INCORRECT
    assert ".idxmax()" in feedback.message and ".max()" in feedback.message
    label = checks.evaluate("02.1", "RUS")
    assert label.outcome is Outcome.WRONG_TYPE and ".idxmax()" in label.message


def test_a_value_where_a_row_label_is_asked():
    feedback = checks.evaluate("00.4", -0.12)
    assert feedback.outcome is Outcome.WRONG_TYPE
    assert ".idxmin()" in feedback.message and "a year" in feedback.message
    code = checks.evaluate("03.3", 0.41)
    assert code.outcome is Outcome.WRONG_TYPE and ".idxmax()" in code.message


def test_billions_given_in_millions():
    expected = float(compute_expected(checks.get_question("08.1")))
    feedback = checks.evaluate("08.1", expected * 1000)
    assert feedback.outcome is Outcome.CLOSE
    assert "1,000 times too large" in feedback.message


@pytest.mark.parametrize("answer", ["Germany", "Turkmenistan", "Republic of Korea"])
def test_a_name_for_a_code_is_told_the_form(answer):
    for qid in ("02.2", "03.3"):
        feedback = checks.evaluate(qid, answer)
        assert feedback.outcome is Outcome.WRONG_TYPE
        assert "three-letter code" in feedback.message


@pytest.mark.parametrize("answer", ["state visit", "State Visit", "state-visit", "border demarcation"])
def test_spaces_for_underscores_are_told_the_form_whether_or_not_right(answer):
    feedback = checks.evaluate("05.2", answer)
    assert feedback.outcome is Outcome.WRONG_TYPE
    assert "underscores" in feedback.message


def test_a_letter_with_its_option_text():
    feedback = checks.evaluate("03.4", "a: leaving abstentions out adds roll calls")
    assert feedback.outcome is Outcome.WRONG_TYPE
    assert feedback.message == 'Wrong type: answer with the letter only, e.g. "a".'


# ---------------------------------------------------------------------------------------------------------------
# The generic machinery, on made-up questions
# ---------------------------------------------------------------------------------------------------------------


def share(**options) -> NumberQuestion:
    return NumberQuestion(id="t_share", expected=lambda: 0.13186, hint="Use totals.", **options)


def test_declared_decimals_accept_rounded_answers():
    assert share(decimals=3).grade(0.132).correct
    assert share(decimals=3).grade(0.1315).correct  # half a unit away, however a half is rounded
    assert not share().grade(0.132).correct  # without a declared precision, only the tolerances count
    assert not share(decimals=3).grade(0.131).correct
    per_year = NumberQuestion(id="t_rate", expected=lambda: 17 / 6, decimals=2)
    assert per_year.grade(2.83).outcome is Outcome.CORRECT
    assert per_year.grade(2.84).outcome is Outcome.CLOSE


def test_answers_rounded_to_fewer_decimals_are_close():
    feedback = share(decimals=3).grade(0.13)
    assert feedback.outcome is Outcome.CLOSE
    assert feedback.message == "Close, but not quite: your answer looks rounded to 2 decimals; the question asks for 3."
    assert share(decimals=3).grade(0.1).outcome is Outcome.INCORRECT  # one significant digit: a guess


@pytest.mark.parametrize(
    ("factor", "words"),
    [(100, "100 times too large"), (1 / 100, "100 times too small"), (1000, "1,000 times too large"),
     (1 / 1000, "1,000 times too small"), (1e6, "1,000,000 times too large"), (1e-6, "1,000,000 times too small")],
)
def test_unit_mistakes(factor, words):
    feedback = share(decimals=3).grade(0.13186 * factor)
    assert feedback.outcome is Outcome.CLOSE
    assert words in feedback.message
    assert feedback.message.endswith("Hint: Use totals.")


def test_named_mistakes_come_first_and_are_told_without_the_hint():
    question = share(decimals=3, mistakes={"that keeps the absent votes: drop them.": lambda: 0.13186 * 100})
    feedback = question.grade(13.186)
    assert feedback.outcome is Outcome.INCORRECT
    assert feedback.message == "Not quite: that keeps the absent votes: drop them."


def test_a_mistake_far_below_the_precision_is_matched_relatively():
    question = NumberQuestion(id="t", expected=lambda: 30.6, decimals=1,
                              mistakes={"that mixes US$ and million US$.": lambda: 3.06e-7})
    assert question.grade(3.06e-7).message == "Not quite: that mixes US$ and million US$."
    assert "1,000,000 times too small" in question.grade(3.06e-5).message
    assert question.grade(0.01).message == "Not quite: that is not the expected value."


def test_a_mistake_that_gives_the_expected_value_or_fails_is_ignored():
    question = share(decimals=3, mistakes={"never right": lambda: 0.1319, "broken": lambda: 1 / 0,
                                           "not a number": lambda: "x", "found": lambda: 0.25})
    assert question.grade(0.1319).correct
    assert question.grade(0.25).message == "Not quite: found"
    assert question.grade(0.5).message == "Not quite: that is not the expected value.\nHint: Use totals."


def test_too_few_decimals_that_also_fit_a_mistake_say_both():
    question = NumberQuestion(id="t", expected=lambda: 0.375, decimals=3,
                              mistakes={"that counts the absent votes.": lambda: 0.37004})
    feedback = question.grade(0.37)
    assert feedback.outcome is Outcome.INCORRECT
    assert "asks for 3 decimals" in feedback.message and "that counts the absent votes." in feedback.message


def test_a_year_where_a_value_is_asked():
    feedback = share(decimals=3).grade(2014)
    assert feedback.outcome is Outcome.INCORRECT
    assert "row label" in feedback.message
    assert NumberQuestion(id="t", expected=lambda: 1500.0).grade(2014).message.startswith("Not quite: that is not")


def test_value_questions_name_their_mistakes():
    year = ValueQuestion(id="t_year", expected=lambda: 2022, mistakes={"that is the lowest year.": lambda: 2025})
    assert year.grade(2025.0).message == "Not quite: that is the lowest year."
    assert year.grade(2024).message == "Not quite: that is not the expected value."
    code = ValueQuestion(id="t_code", expected=lambda: "UZB", mistakes={"that is the lowest.": lambda: "KGZ"})
    assert code.grade(" kgz ").message == "Not quite: that is the lowest."
    assert code.grade("uzb").correct


def test_forms_of_codes():
    code = ValueQuestion(id="t_code", expected=lambda: "DEU")
    assert 'such as "FRA"' in code.grade("Germany").message  # the example is never the answer
    snake = ValueQuestion(id="t_snake", expected=lambda: "agenda_setting")
    assert "`partner_type`" in snake.grade("agenda setting").message
    assert snake.grade("AGENDA_SETTING").correct
    assert snake.grade("balancing").outcome is Outcome.INCORRECT


def test_choice_letter_followed_by_text():
    question = ChoiceQuestion(id="t_choice", options={"a": "China", "b": "Russia"}, expected=lambda: "b")
    assert question.grade("(a) China, surely").message == 'Wrong type: answer with the letter only, e.g. "a".'
    assert question.grade("I think b").outcome is Outcome.WRONG_TYPE
    assert question.grade("b.").correct


def test_definition_errors():
    with pytest.raises(ValueError, match="decimals"):
        share(decimals=-1)
    with pytest.raises(ValueError, match="decimals"):
        share(decimals=True)
    with pytest.raises(TypeError, match="mistake"):
        share(mistakes={"text": 0.5})
    with pytest.raises(TypeError, match="mistake"):
        share(mistakes=[lambda: 0.5])
    with pytest.raises(TypeError, match="mistake"):
        ValueQuestion(id="t", expected=lambda: "KAZ", mistakes={"": lambda: "UZB"})


def test_feedback_on_pandas_labels():
    years = pd.Series([1.0, 3.0], index=pd.Index([2013, 2014], name="year"))
    feedback = share(decimals=3).grade(years.idxmax())
    assert "row label" in feedback.message
