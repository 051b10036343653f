"""Tests for betweenpowers.checks.registry: the registry's rules, the lazy answer key, grade/evaluate/check, a fuzz.

The synthetic questions come from the question and table test modules (ids ``t_...``); every test that registers
questions does so in a fresh, empty registry, so the real answer key is never changed.
"""

from __future__ import annotations

import importlib
import re
import sys
import textwrap

import pytest
from hostile_answers import EqRaises, ReprRaises, StrSubclassRaises, bad_answers
from test_checks_questions import single_value_questions
from test_checks_tables import table_questions

from betweenpowers import checks
from betweenpowers.checks import (
    ChoiceQuestion,
    ExpectedValueError,
    Feedback,
    NumberQuestion,
    Outcome,
    Question,
    TableQuestion,
    ValueQuestion,
)
from betweenpowers.checks import registry as checks_registry

MARKERS = (
    "Correct",
    "Thanks",
    "Not answered yet",
    "Wrong type",
    "Close, but not quite",
    "Not quite",
    "Unknown question",
    "Sorry, the checker",
)


def _questions() -> list[Question]:
    """One or more test questions of every kind."""
    return single_value_questions() + table_questions()


@pytest.fixture
def empty_registry(monkeypatch):
    """An empty registry; the real answer key is not loaded."""
    monkeypatch.setattr(checks_registry, "_REGISTRY", {})
    monkeypatch.setattr(checks_registry, "_DEFINED_IN", {})
    monkeypatch.setattr(checks_registry, "_answer_key_loaded", True)
    return checks_registry._REGISTRY


@pytest.fixture
def registry(empty_registry):
    """A fresh registry holding the test questions, registered from this module."""
    checks.register(*_questions())
    return empty_registry


def outcome(qid: str, answer: object) -> Outcome:
    return checks.evaluate(qid, answer).outcome


# ---------------------------------------------------------------------------
# Not answered / unknown
# ---------------------------------------------------------------------------


@pytest.mark.parametrize("qid", [q.id for q in _questions()])
@pytest.mark.parametrize("answer", [None, ..., "", "   ", "..."], ids=repr)
def test_missing_answers_are_not_answered(registry, qid, answer):
    feedback = checks.evaluate(qid, answer)
    assert feedback.outcome is Outcome.NOT_ANSWERED
    assert feedback.message.startswith("Not answered yet")


def test_not_answered_message_mentions_the_ellipsis(registry):
    assert checks.evaluate("t_number", ...).message == "Not answered yet: replace the `...` with your answer."
    assert checks.NOT_ANSWERED_MESSAGE == "Not answered yet: replace the `...` with your answer."


def test_missing_answer_does_not_compute_expected(empty_registry):
    calls = []
    checks.register(NumberQuestion(id="lazy", expected=lambda: calls.append(1) or 1.0))
    assert calls == []  # registering does not compute
    assert outcome("lazy", ...) is Outcome.NOT_ANSWERED
    assert calls == []
    assert outcome("lazy", 1.0) is Outcome.CORRECT
    assert calls == [1]


@pytest.mark.parametrize("qid", ["nope", "T_NUMBER", 3, None, ["t_number"]], ids=repr)
def test_unknown_question(registry, qid):
    feedback = checks.evaluate(qid, 1.0)
    assert feedback.outcome is Outcome.UNKNOWN_QUESTION
    assert feedback.message.startswith("Unknown question")


def test_unknown_question_messages_are_exact(registry):
    assert checks.evaluate("t_numbr", 1.0).message == (
        "Unknown question: there is no exercise 't_numbr'. Check the first argument of check(...)."
    )
    assert checks.evaluate(3, 1.0).message == (
        "Unknown question: there is no exercise (the id should be text in quotes, got an int). "
        "Check the first argument of check(...)."
    )
    assert f"'{'x' * 40}'." in checks.evaluate("x" * 100, 1.0).message


# ---------------------------------------------------------------------------
# Answer key problems
# ---------------------------------------------------------------------------


def test_broken_answer_key_is_reported_kindly(empty_registry, capsys):
    def broken() -> float:
        raise FileNotFoundError("data/trade.csv")

    checks.register(
        NumberQuestion(id="broken", expected=broken),
        NumberQuestion(id="not_a_number", expected=lambda: "0.45"),
        ChoiceQuestion(id="bad_letter", options={"a": "x"}, expected=lambda: "z"),
    )
    with pytest.raises(ExpectedValueError, match="broken"):
        checks.evaluate("broken", 0.5)
    with pytest.raises(ExpectedValueError):
        checks.evaluate("not_a_number", 0.5)
    with pytest.raises(ExpectedValueError):
        checks.evaluate("bad_letter", "a")
    assert outcome("broken", ...) is Outcome.NOT_ANSWERED
    checks.check("broken", 0.5)
    out = capsys.readouterr().out
    assert out.startswith("Sorry, the checker could not work out the expected answer")
    assert "not with your answer" in out


# ---------------------------------------------------------------------------
# The registry: a plain dict; same module replaces, another module is an error
# ---------------------------------------------------------------------------


def test_register_records_the_defining_module(registry):
    assert checks_registry._DEFINED_IN["t_number"] == __name__
    checks.register(ValueQuestion(id="t_elsewhere", expected=lambda: "KAZ"), module="bp_fake_key.lesson98")
    assert checks_registry._DEFINED_IN["t_elsewhere"] == "bp_fake_key.lesson98"
    exec("register(ValueQuestion(id='t_exec', expected=lambda: 'KAZ'))",
         {"register": checks.register, "ValueQuestion": ValueQuestion})
    assert checks_registry._DEFINED_IN["t_exec"] == "__main__"  # code without a module name: as in a notebook


def test_registering_again_from_the_same_module_replaces_the_entry(registry):
    first = checks.get_question("t_number")
    second = NumberQuestion(id="t_number", expected=lambda: 1.0)
    checks.register(second)  # from this module, like the fixture: a re-import
    assert checks.get_question("t_number") is second
    assert outcome("t_number", 1.0) is Outcome.CORRECT
    assert outcome("t_number", 0.4523) is Outcome.INCORRECT
    checks.register(first)
    assert checks.get_question("t_number") is first
    checks.register(first)  # the same object again is fine too
    assert checks.registered_ids() == sorted(q.id for q in _questions())


def test_registering_an_id_another_module_defines_is_an_error(registry):
    original = checks.get_question("t_number")
    with pytest.raises(ValueError, match="t_number") as error:
        checks.register(
            NumberQuestion(id="t_brand_new", expected=lambda: 1.0),
            NumberQuestion(id="t_number", expected=lambda: 1.0),
            module="bp_fake_key.lesson99",
        )
    assert str(error.value) == (
        f"question id 't_number' is defined in two modules: {__name__} and bp_fake_key.lesson99 "
        "(question ids must be unique)"
    )
    # nothing from the failed call was registered
    assert checks.get_question("t_number") is original
    assert "t_brand_new" not in checks.registered_ids()
    assert checks_registry._DEFINED_IN["t_number"] == __name__


def test_register_rejects_non_questions_and_repeated_ids(registry):
    with pytest.raises(TypeError, match="register\\(\\) takes questions, got a str"):
        checks.register("t_other")
    with pytest.raises(TypeError):
        checks.register(NumberQuestion(id="t_ok", expected=lambda: 1.0), None)
    assert "t_ok" not in checks.registered_ids()
    twice = NumberQuestion(id="t_twice", expected=lambda: 1.0)
    with pytest.raises(ValueError, match="'t_twice' appears twice in one call"):
        checks.register(twice, twice)
    assert "t_twice" not in checks.registered_ids()


def test_reregistering_replaces_instead_of_comparing_definitions(registry):
    """What used to be a comparison of lambdas: now the module decides, the definitions are never compared."""
    source = "q = NumberQuestion(id='same', expected=lambda: 0.5, hint='h')\nregister(q)"

    def run(code: str, module: str) -> dict:
        namespace = {"__name__": module, "NumberQuestion": NumberQuestion, "register": checks.register}
        exec(code, namespace)
        return namespace

    first = run(source, "bp_fake_key.lesson98")
    second = run(source, "bp_fake_key.lesson98")  # as when the answer key module is re-imported
    assert checks.get_question("same") is second["q"] is not first["q"]
    edited = run(source.replace("0.5", "0.6"), "bp_fake_key.lesson98")  # edited, then reloaded
    assert checks.get_question("same") is edited["q"]
    assert outcome("same", 0.6) is Outcome.CORRECT
    with pytest.raises(ValueError, match="bp_fake_key.lesson98 and bp_fake_key.lesson99"):
        run(source, "bp_fake_key.lesson99")  # the very same definition, but in another module
    assert checks.get_question("same") is edited["q"]


def _write_key_module(folder, name: str, body: str) -> None:
    (folder / f"{name}.py").write_text(
        "from betweenpowers.checks import NumberQuestion, ValueQuestion, register\n" + textwrap.dedent(body)
    )


def test_reloading_an_answer_key_module_replaces_its_questions(empty_registry, monkeypatch, tmp_path):
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    for name in ("bp_test_key_a", "bp_test_key_b"):
        monkeypatch.delitem(sys.modules, name, raising=False)
    _write_key_module(tmp_path, "bp_test_key_a", 'register(ValueQuestion(id="r.1", expected=lambda: "KAZ"))')
    module = importlib.import_module("bp_test_key_a")
    first = checks.get_question("r.1")
    importlib.reload(module)
    assert checks.get_question("r.1") is not first
    assert outcome("r.1", "KAZ") is Outcome.CORRECT
    _write_key_module(tmp_path, "bp_test_key_a", 'register(ValueQuestion(id="r.1", expected=lambda: "UZB", hint="h"))')
    importlib.invalidate_caches()
    importlib.reload(module)
    assert outcome("r.1", "UZB") is Outcome.CORRECT
    # a second module defining the same id: an error naming both modules, raised when it is imported
    _write_key_module(tmp_path, "bp_test_key_b", 'register(NumberQuestion(id="r.1", expected=lambda: 1.0))')
    with pytest.raises(ValueError, match="'r.1' is defined in two modules: bp_test_key_a and bp_test_key_b"):
        importlib.import_module("bp_test_key_b")
    assert outcome("r.1", "UZB") is Outcome.CORRECT


def test_reloading_a_real_answer_key_module(monkeypatch):
    checks.registered_ids()  # the real answer key is loaded into the real registry first
    module = importlib.import_module("betweenpowers.answer_key.lesson03")
    monkeypatch.setattr(checks_registry, "_REGISTRY", {})
    monkeypatch.setattr(checks_registry, "_DEFINED_IN", {})
    monkeypatch.setattr(checks_registry, "_answer_key_loaded", True)
    importlib.reload(module)
    first = {qid: checks.get_question(qid) for qid in checks.registered_ids()}
    importlib.reload(module)
    assert sorted(first) == checks.registered_ids()
    assert first and all(qid.startswith("03.") for qid in first)
    assert all(checks.get_question(qid) is not question for qid, question in first.items())
    assert set(checks_registry._DEFINED_IN.values()) == {"betweenpowers.answer_key.lesson03"}


def test_each_lesson_defines_its_questions_in_its_own_module():
    """Exercise ids "NN.k" live in answer_key.lessonNN; the predictions "PNN" in answer_key.predictions."""
    ids = checks.registered_ids()
    assert ids and any(qid.startswith("P") for qid in ids)
    for qid in ids:
        module = "predictions" if re.fullmatch(r"P\d\d", qid) else f"lesson{qid.split('.')[0]}"
        assert checks_registry._DEFINED_IN[qid] == f"betweenpowers.answer_key.{module}", qid


def test_get_question_and_ids(registry):
    assert isinstance(checks.get_question("t_number"), NumberQuestion)
    assert isinstance(checks.get_question("t_table"), TableQuestion)
    assert "t_table" in checks.registered_ids()
    with pytest.raises(KeyError):
        checks.get_question("missing")
    with pytest.raises(KeyError):
        checks.get_question(["t_number"])


def test_answer_key_is_imported_lazily(monkeypatch, tmp_path):
    module = "bp_test_answer_key_module"
    (tmp_path / f"{module}.py").write_text(
        textwrap.dedent(
            """
            from betweenpowers.checks import ValueQuestion, register
            register(ValueQuestion(id="from_key", expected=lambda: "KAZ"))
            """
        )
    )
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(checks_registry, "_REGISTRY", {})
    monkeypatch.setattr(checks_registry, "_DEFINED_IN", {})
    monkeypatch.setattr(checks_registry, "_answer_key_loaded", False)
    monkeypatch.setattr(checks_registry, "ANSWER_KEY_MODULE", module)
    monkeypatch.delitem(sys.modules, module, raising=False)
    assert checks_registry._REGISTRY == {}
    assert outcome("from_key", "kaz") is Outcome.CORRECT
    assert module in sys.modules
    assert checks_registry._DEFINED_IN == {"from_key": module}


def test_missing_answer_key_module_is_fine(monkeypatch):
    monkeypatch.setattr(checks_registry, "_REGISTRY", {})
    monkeypatch.setattr(checks_registry, "_answer_key_loaded", False)
    monkeypatch.setattr(checks_registry, "ANSWER_KEY_MODULE", "bp_no_such_answer_key_module")
    assert outcome("anything", 1) is Outcome.UNKNOWN_QUESTION
    assert checks_registry._answer_key_loaded is True


def test_real_answer_key_imports():
    importlib.import_module("betweenpowers.answer_key")
    assert checks.ANSWER_KEY_MODULE == "betweenpowers.answer_key"
    assert all(isinstance(qid, str) for qid in checks.registered_ids())


# ---------------------------------------------------------------------------
# check() printing
# ---------------------------------------------------------------------------


def test_check_prints_the_feedback(registry, capsys):
    assert checks.check("t_number", 0.4523) is None
    assert capsys.readouterr().out == "Correct! Well done.\n"
    checks.check("t_number", 0.9)
    assert capsys.readouterr().out == "Not quite: that is not the expected value.\nHint: Use totals.\n"
    checks.check("t_number", ...)
    assert capsys.readouterr().out.startswith("Not answered yet")


def test_grade_works_without_the_registry():
    question = NumberQuestion(id="t_unregistered", expected=lambda: 2.0)
    assert checks.grade(question, 2).correct
    assert checks.grade(question, "").outcome is Outcome.NOT_ANSWERED
    feedback = checks.grade(question, EqRaises())
    assert feedback.outcome is Outcome.WRONG_TYPE


# ---------------------------------------------------------------------------
# Fuzz: check() never raises and always prints a short, marked message
# ---------------------------------------------------------------------------


BAD_ANSWERS = bad_answers()


@pytest.mark.parametrize("qid", [q.id for q in _questions()])
def test_fuzz_check_never_raises(registry, capsys, qid):
    for index, answer in enumerate(BAD_ANSWERS):
        checks.check(qid, answer)
        out = capsys.readouterr().out
        label = f"answer #{index} ({type(answer).__name__})"
        assert out.strip(), label
        assert len(out.strip().splitlines()) <= 2, label
        assert out.startswith(MARKERS), f"{label}: {out!r}"
        assert "Traceback" not in out, label


@pytest.mark.parametrize("qid", [q.id for q in _questions()])
def test_fuzz_bad_answers_are_never_accepted(registry, qid):
    for index, answer in enumerate(BAD_ANSWERS):
        feedback = checks.evaluate(qid, answer)
        label = f"answer #{index} ({type(answer).__name__}): {feedback.message!r}"
        assert feedback.outcome not in (Outcome.CORRECT, Outcome.UNKNOWN_QUESTION), label
        assert feedback.message.startswith(MARKERS), label


def test_fuzz_unknown_question_ids(registry, capsys):
    for qid in [None, ..., 3, ReprRaises(), EqRaises(), ["t_number"], {"a": 1}, StrSubclassRaises("x")]:
        checks.check(qid, 0.45)
        out = capsys.readouterr().out
        assert out.startswith(("Unknown question", "Sorry, the checker")), repr(out)


def test_check_survives_internal_errors(registry, capsys, monkeypatch):
    def explode(question_id: object, answer: object) -> Feedback:
        raise RuntimeError("boom")

    monkeypatch.setattr(checks_registry, "evaluate", explode)
    checks.check("t_number", 0.45)
    assert capsys.readouterr().out == "Sorry, the checker could not read this answer: RuntimeError: boom.\n"
