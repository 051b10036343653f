"""Unit tests of betweenpowers.measures: every rule, edge cases, and the formulas on small known inputs."""

import math

import pandas as pd
import pytest

from betweenpowers import measures


@pytest.mark.parametrize(
    ("a", "b", "rule", "expected"),
    [
        ("yes", "yes", "half", 1.0),
        ("no", "no", "identical", 1.0),
        ("abstain", "abstain", "half", 1.0),
        ("abstain", "abstain", "excluding_abstentions", math.nan),
        ("yes", "abstain", "half", 0.5),
        ("abstain", "no", "half", 0.5),
        ("yes", "abstain", "identical", 0.0),
        ("yes", "abstain", "excluding_abstentions", math.nan),
        ("yes", "no", "half", 0.0),
        ("yes", "no", "excluding_abstentions", 0.0),
        ("yes", "absent", "half", math.nan),
        ("absent", "absent", "identical", math.nan),
    ],
)
def test_vote_agreement_rules(a, b, rule, expected):
    result = measures.vote_agreement(a, b, rule)
    if math.isnan(expected):
        assert math.isnan(result)
    else:
        assert result == expected


def test_vote_agreement_rejects_unknown_rule():
    with pytest.raises(ValueError, match="rule must be one of"):
        measures.vote_agreement("yes", "yes", "lenient")


VOTES = pd.DataFrame({
    "vote_id": ["V1", "V1", "V2", "V2", "V3", "V3", "V4", "V5"],
    "iso3": ["KAZ", "USA", "KAZ", "USA", "KAZ", "USA", "KAZ", "USA"],
    "vote": ["yes", "no", "abstain", "yes", "yes", "yes", "no", "no"],
})


def test_paired_votes_keeps_only_common_roll_calls():
    pairs = measures.paired_votes(VOTES, "KAZ", "USA")
    assert list(pairs["vote_id"]) == ["V1", "V2", "V3"]
    assert list(pairs["partner_vote"]) == ["no", "yes", "yes"]


@pytest.mark.parametrize(("rule", "expected"), [("half", 0.5), ("identical", 1 / 3), ("excluding_abstentions", 0.5)])
def test_agreement_share(rule, expected):
    pairs = measures.paired_votes(VOTES, "KAZ", "USA")
    assert measures.agreement_share(pairs, rule) == pytest.approx(expected)


def test_agreement_share_is_nan_when_nothing_counts():
    pairs = pd.DataFrame({"vote": ["absent"], "partner_vote": ["yes"]})
    assert math.isnan(measures.agreement_share(pairs, "half"))


def test_shares_sum_to_one_and_reject_bad_input():
    result = measures.shares(pd.Series([1.0, 3.0], index=["a", "b"]))
    assert list(result) == [0.25, 0.75]
    with pytest.raises(ValueError):
        measures.shares(pd.Series([1.0, -1.0]))
    with pytest.raises(ValueError):
        measures.shares(pd.Series([0.0, 0.0]))


def test_hhi_extremes():
    assert measures.hhi([1.0]) == 1.0
    assert measures.hhi([0.25] * 4) == pytest.approx(0.25)
    assert measures.hhi([0.5, 0.3, 0.2]) == pytest.approx(0.38)


def test_normalised_entropy_extremes():
    assert measures.normalised_entropy([1 / 3] * 3) == pytest.approx(1.0)
    assert measures.normalised_entropy([1.0, 0.0, 0.0]) == pytest.approx(0.0)
    assert 0 < measures.normalised_entropy([0.6, 0.3, 0.1]) < 1
    assert math.isnan(measures.normalised_entropy([1.0]))
