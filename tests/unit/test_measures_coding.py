"""Unit tests of percentage agreement and Cohen's kappa (lesson 05), on examples worked by hand, against an
independent formula over every pair of short codings, and of the coding exercise's input checks."""

import itertools
import math
import re

import numpy as np
import pandas as pd
import pytest

from betweenpowers import data
from betweenpowers.measures import coding as c

EVENTS = data.load_diplomatic_events()
SAMPLE = EVENTS[EVENTS["event_id"].isin(c.CODING_SAMPLE)]


def test_documentation_example_of_torchmetrics():
    """torchmetrics' CohenKappa docs (https://lightning.ai/docs/torchmetrics/stable/classification/cohen_kappa.html):
    target [1, 1, 0, 0], preds [0, 1, 0, 0] give 0.5.

    By hand: 3 of 4 agree, p_o = 0.75. The first coder says 1 half the time, the second a quarter of the time:
    p_e = 0.5 * 0.25 + 0.5 * 0.75 = 0.5. kappa = (0.75 - 0.5) / (1 - 0.5) = 0.5.
    """
    target, preds = [1, 1, 0, 0], [0, 1, 0, 0]
    assert c.percent_agreement(target, preds) == 0.75
    assert c.expected_agreement(target, preds) == 0.5
    assert c.cohens_kappa(target, preds) == 0.5


def test_two_by_two_table_worked_by_hand():
    """50 items: both 'yes' 20, A yes / B no 5, A no / B yes 10, both 'no' 15.

    p_o = (20 + 15) / 50 = 0.70. A says yes 25/50 = 0.5 of the time, B 30/50 = 0.6:
    p_e = 0.5 * 0.6 + 0.5 * 0.4 = 0.50. kappa = (0.70 - 0.50) / (1 - 0.50) = 0.40.
    """
    a = ["yes"] * 20 + ["yes"] * 5 + ["no"] * 10 + ["no"] * 15
    b = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15
    assert c.percent_agreement(a, b) == pytest.approx(0.70)
    assert c.expected_agreement(a, b) == pytest.approx(0.50)
    assert c.cohens_kappa(a, b) == pytest.approx(0.40)
    table = c.agreement_table(a, b, ("A", "B"), labels=("yes", "no"))
    assert table.to_numpy().tolist() == [[20, 5], [10, 15]]
    assert (table.index.name, table.columns.name) == ("A", "B")


def _kappa_from_matrix(a, b):
    """Cohen's kappa from the confusion matrix: (N * trace - Σ row_i col_i) / (N² - Σ row_i col_i)."""
    codes = sorted(set(a) | set(b))
    matrix = np.array([[sum(x == i and y == j for x, y in zip(a, b)) for j in codes] for i in codes])
    n, chance = matrix.sum(), (matrix.sum(axis=1) * matrix.sum(axis=0)).sum()
    return math.nan if n * n == chance else (n * np.trace(matrix) - chance) / (n * n - chance)


def test_kappa_matches_the_matrix_formula_for_every_pair_of_five_item_codings():
    codings = list(itertools.product(["agenda_setting", "balancing"], repeat=5))
    n_defined = 0
    for a, b in itertools.product(codings, codings):
        expected = _kappa_from_matrix(a, b)
        got = c.cohens_kappa(list(a), list(b))
        if math.isnan(expected):
            assert math.isnan(got), (a, b)
            continue
        n_defined += 1
        assert got == pytest.approx(expected, abs=1e-12), (a, b)
        assert got == pytest.approx(c.cohens_kappa(list(b), list(a)), abs=1e-12)  # symmetric
        assert -1 - 1e-12 <= got <= 1 + 1e-12
    assert n_defined == 32 * 32 - 2  # undefined only when both coders use one and the same code throughout


def test_special_cases():
    assert c.cohens_kappa(["a", "b", "a"], ["a", "b", "a"]) == 1.0
    assert c.cohens_kappa(["a", "b", "a", "b"], ["b", "a", "b", "a"]) == -1.0
    # A lazy coder who gives everything the most common code agrees often, but no better than chance.
    lazy = ["a"] * 4
    truth = ["a", "a", "a", "b"]
    assert c.percent_agreement(lazy, truth) == 0.75
    assert c.cohens_kappa(lazy, truth) == 0.0
    assert math.isnan(c.cohens_kappa(["a", "a"], ["a", "a"]))
    assert math.isnan(c.percent_agreement([], []))
    assert math.isnan(c.cohens_kappa([], []))
    # labels only add codes nobody used: no effect on p_e
    assert c.expected_agreement(["a", "b"], ["a", "a"], labels=["a", "b", "c"]) == 0.5


def test_inputs_are_compared_by_position_and_checked():
    left = pd.Series(["a", "b"], index=["x", "y"])
    right = pd.Series(["a", "b"], index=["y", "x"])
    assert c.percent_agreement(left, right) == 1.0
    with pytest.raises(ValueError, match="2 codes against 3"):
        c.percent_agreement(["a", "b"], ["a", "b", "a"])
    with pytest.raises(TypeError, match="must be a list"):
        c.cohens_kappa("ab", "ab")


@pytest.mark.parametrize(("text", "code"), [("agenda_setting", "agenda_setting"), ("Agenda-setting", "agenda_setting"),
                                            (" AGENDA SETTING ", "agenda_setting"), ("Balancing", "balancing"),
                                            ("agenda", None), ("", None), (1, None), (None, None)])
def test_normalise_code(text, code):
    assert c.normalise_code(text) == code


def test_sample_and_classmate_coding_fit_the_table():
    assert len(c.CODING_SAMPLE) == 10 and len(set(c.CODING_SAMPLE)) == 10
    assert list(SAMPLE["event_id"]) == list(c.CODING_SAMPLE)  # the sample is in the table's (date) order
    assert SAMPLE["mode"].value_counts().to_dict() == {"agenda_setting": 6, "balancing": 4}
    assert list(c.CLASSMATE_CODING) == list(c.CODING_SAMPLE)
    assert set(c.CLASSMATE_CODING.values()) <= set(c.CODES)
    assert set(c.CODING_COLUMNS) <= set(EVENTS.columns) and "mode" not in c.CODING_COLUMNS


def test_classmate_agreement_worked_by_hand():
    """The classmate differs from the table on KZ041, KZ058, KZ066, KZ067 (all agenda_setting -> balancing).

    p_o = 6/10 = 0.6. Table: 0.6 agenda-setting; classmate: 0.2. p_e = 0.6 * 0.2 + 0.4 * 0.8 = 0.44.
    kappa = (0.6 - 0.44) / 0.56 = 0.2857...
    """
    table = SAMPLE.set_index("event_id")["mode"]
    classmate = pd.Series(c.CLASSMATE_CODING)
    assert sorted(table.index[table != classmate]) == ["KZ041", "KZ058", "KZ066", "KZ067"]
    assert c.percent_agreement(classmate, table) == pytest.approx(0.6)
    assert c.expected_agreement(classmate, table) == pytest.approx(0.44)
    assert c.cohens_kappa(classmate, table) == pytest.approx(0.16 / 0.56)


def test_read_codes_accepts_dicts_lists_and_series_in_any_spelling():
    ids = ["KZ001", "KZ002"]
    expected = pd.Series(["agenda_setting", "balancing"], index=pd.Index(ids, name="event_id"), name="code")
    for codes in ({"KZ002": "Balancing", "KZ001": "agenda-setting"}, ["agenda_setting", "balancing"],
                  pd.Series({"KZ001": "agenda setting", "KZ002": "balancing"})):
        pd.testing.assert_series_equal(c.read_codes(codes, ids), expected)


@pytest.mark.parametrize(("codes", "message"), [
    (..., "Not coded yet"),
    (None, "Not coded yet"),
    ("...", "Not coded yet"),
    ({"KZ001": ..., "KZ002": "balancing"}, "replace the `...` for KZ001"),
    ({"KZ001": "balancing"}, "No code yet for KZ002"),
    ({"KZ001": "balancing", "KZ002": "balancing", "KZ999": "balancing"}, "Not one of the events to code: KZ999"),
    (["balancing"], "You gave 1 codes for 2 events"),
    (["balancing", "hedging"], "Not a code: KZ002: 'hedging'"),
    (42, "Give your codes as a dict"),
])
def test_read_codes_explains_every_problem(codes, message):
    with pytest.raises(c.CodingError, match=re.escape(message)):
        c.read_codes(codes, ["KZ001", "KZ002"])


def test_compare_codings_reports_agreement_and_disagreements():
    worked = {i: SAMPLE.set_index("event_id").loc[i, "mode"] for i in c.CODING_SAMPLE}
    worked["KZ027"] = "agenda_setting"
    worked["KZ049"] = "agenda_setting"
    report = c.compare_codings(worked, SAMPLE)
    # p_o = 0.8; you 0.8 agenda, table 0.6: p_e = 0.8 * 0.6 + 0.2 * 0.4 = 0.56; kappa = 0.24 / 0.44 = 0.545...
    assert report.startswith("You agree with the table on 8 of 10 events: percentage agreement 0.80, "
                             "Cohen's kappa 0.55.")
    assert "KZ027 Treaty on the Eurasian Economic Union signed in Astana: agenda_setting -> balancing" in report
    assert "KZ049" in report and "KZ005" not in report
    same = c.compare_codings(list(SAMPLE["mode"]), SAMPLE)
    assert "10 of 10" in same and "Cohen's kappa 1.00" in same and "No disagreement" in same


def test_compare_codings_gives_messages_not_errors():
    assert c.compare_codings(..., SAMPLE).startswith("Not coded yet")
    open_codes = {i: ... for i in c.CODING_SAMPLE}
    assert c.compare_codings(open_codes, SAMPLE).startswith("Not coded yet: replace the `...` for KZ005, KZ012")
    everything_agenda = ["agenda_setting"] * 10
    assert "Cohen's kappa 0.00" in c.compare_codings(everything_agenda, SAMPLE)
    only_one = SAMPLE[SAMPLE["event_id"].isin(["KZ005", "KZ041"])]  # both agenda_setting in the table
    assert "kappa undefined" in c.compare_codings(["agenda_setting"] * 2, only_one)
