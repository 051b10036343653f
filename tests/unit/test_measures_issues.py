"""Unit tests of betweenpowers.measures.issues: pairing, issue filters and the agreement table by issue.

The scoring itself (:func:`betweenpowers.measures.votes.score_votes`, which lesson 03 imports from there) and the check
against the published ``unga_agreement_yearly`` are in test_measures_votes.py; here the table's issue "all" is
checked against that measure.
"""

import numpy as np
import pandas as pd
import pytest

from betweenpowers import data
from betweenpowers.measures import votes
from betweenpowers.measures.issues import (
    ISSUE_COLUMNS,
    ISSUE_LABELS,
    LAST_CODED_YEAR,
    agreement_table,
    issue_rows,
    pair_votes,
)
from betweenpowers.measures.votes import (
    AGREEMENT_RULES,
    MAIN_SERIES_YEARS,
    RULE_COLUMNS,
    RULE_COUNTS,
    yearly_agreement,
)

COUNTRIES = ("KAZ", "UZB", "KGZ", "TJK", "TKM", "BLR", "AZE", "ARM", "GEO", "UKR", "TUR")


def test_the_scoring_is_not_copied_here():
    # One definition of the measure: this module applies measures.votes and defines no scoring of its own.
    from betweenpowers.measures import issues

    assert not hasattr(issues, "score_votes") and issues.score_pairs is votes.score_pairs


VOTES = pd.DataFrame({
    "vote_id": ["V1", "V1", "V1", "V2", "V2", "V2", "V3", "V3", "U1", "U1"],
    "iso3": ["KAZ", "RUS", "USA", "KAZ", "RUS", "USA", "KAZ", "RUS", "KAZ", "RUS"],
    "vote": ["yes", "yes", "no", "abstain", "no", "no", "yes", "absent", "no", "no"],
})
ROLL_CALLS = pd.DataFrame({
    "vote_id": ["V1", "V2", "V3", "U1"],
    "source": ["voeten", "voeten", "voeten", "undl"],
    "in_main_series": [True, True, True, False],
    "year": [2019, 2019, 2020, 2020],
    **{column: [1, 0, 1, pd.NA] if column == "issue_nuclear" else [0, 1, 0, pd.NA] if column == "issue_human_rights"
       else [0, 0, 0, pd.NA] for column in ISSUE_COLUMNS.values()},
})


def test_pair_votes_keeps_main_series_and_drops_self_pairs():
    pairs = pair_votes(VOTES, ROLL_CALLS, ["KAZ", "RUS"], ["RUS", "USA"])
    assert set(pairs["vote_id"]) == {"V1", "V2", "V3"}  # U1 is not in the main series
    assert not (pairs["iso3"] == pairs["partner"]).any()
    kaz_rus = pairs[(pairs["iso3"] == "KAZ") & (pairs["partner"] == "RUS")]
    assert kaz_rus["partner_vote"].tolist() == ["yes", "no", "absent"]
    assert list(pairs.columns[:7]) == ["vote_id", "year", "source", "iso3", "vote", "partner", "partner_vote"]
    everything = pair_votes(VOTES, ROLL_CALLS, ["KAZ"], ["RUS"], main_series=False)
    assert "U1" in set(everything["vote_id"])


def test_issue_rows_filters_on_the_codes():
    pairs = pair_votes(VOTES, ROLL_CALLS, ["KAZ"], ["RUS"], main_series=False)
    assert len(issue_rows(pairs, "all")) == 4
    assert set(issue_rows(pairs, "nuclear")["vote_id"]) == {"V1", "V3"}
    assert set(issue_rows(pairs, "human_rights")["vote_id"]) == {"V2"}
    assert issue_rows(pairs, "economic").empty  # and U1, without codes, is in no issue
    with pytest.raises(ValueError, match="issue must be one of"):
        issue_rows(pairs, "trade")


def test_agreement_table_on_a_small_example():
    table = agreement_table(VOTES, ROLL_CALLS, ["KAZ"], ["RUS", "USA"])
    row = table.query("iso3 == 'KAZ' and partner == 'RUS' and issue == 'all' and rule == 'half' and year == 2019")
    assert row["n_votes"].item() == 2 and row["agreement"].item() == pytest.approx((1.0 + 0.5) / 2)
    row = table.query("partner == 'RUS' and issue == 'all' and rule == 'excluding_abstentions' and year == 2019")
    assert row["n_votes"].item() == 1 and row["agreement"].item() == 1.0
    # 2020: KAZ yes, RUS absent on V3 -> nothing counts, so no row at all
    assert table.query("partner == 'RUS' and year == 2020").empty
    usa_nuclear = table.query("partner == 'USA' and issue == 'nuclear' and rule == 'identical'")
    assert usa_nuclear[["year", "n_votes", "agreement"]].values.tolist() == [[2019, 1, 0.0]]
    assert list(table.columns) == ["iso3", "partner", "issue", "rule", "year", "n_votes", "agreement"]
    assert isinstance(table["issue"].dtype, pd.CategoricalDtype)


@pytest.fixture(scope="module")
def real_table():
    return agreement_table(data.load_unga_votes(), data.load_unga_roll_calls(), COUNTRIES)


def test_agreement_table_all_issues_equals_the_yearly_measure(real_table):
    """Issue "all" is the yearly agreement of measures.votes (itself checked against the published table)."""
    yearly = yearly_agreement(data.load_unga_votes(), data.load_unga_roll_calls(), ["USA", "RUS", "CHN"])
    yearly = yearly[yearly["iso3"].isin(COUNTRIES)].set_index(["iso3", "partner", "year"]).sort_index()
    assert len(yearly) > 900
    ours = real_table[real_table["issue"] == "all"].astype({"iso3": str, "partner": str, "rule": str})
    for rule in AGREEMENT_RULES:
        mine = ours[ours["rule"] == rule].set_index(["iso3", "partner", "year"]).sort_index()
        assert mine.index.tolist() == yearly.index.tolist(), rule
        np.testing.assert_array_equal(mine["agreement"].to_numpy(), yearly[RULE_COLUMNS[rule]].to_numpy(), rule)
        assert (mine["n_votes"].to_numpy() == yearly[RULE_COUNTS[rule]].to_numpy()).all(), rule


def test_agreement_table_issue_values_are_checked_by_hand(real_table):
    votes, roll_calls = data.load_unga_votes(), data.load_unga_roll_calls()
    nuclear_2017 = roll_calls.loc[roll_calls["in_main_series"] & (roll_calls["year"] == 2017)
                                  & (roll_calls["issue_nuclear"] == 1), "vote_id"]
    wide = votes[votes["vote_id"].isin(nuclear_2017)].pivot(index="vote_id", columns="iso3", values="vote")
    wide = wide[(wide["KAZ"] != "absent") & (wide["RUS"] != "absent")]
    by_hand = [1.0 if a == b else 0.5 if "abstain" in (a, b) else 0.0 for a, b in zip(wide["KAZ"], wide["RUS"])]
    row = real_table.query("iso3 == 'KAZ' and partner == 'RUS' and issue == 'nuclear' and rule == 'half' "
                           "and year == 2017")
    assert row["n_votes"].item() == len(by_hand) == 26
    assert row["agreement"].item() == pytest.approx(sum(by_hand) / len(by_hand))


def test_issues_stop_when_the_codes_stop(real_table):
    coded = real_table[real_table["issue"] != "all"]
    assert coded["year"].max() == LAST_CODED_YEAR
    assert real_table[real_table["issue"] == "all"]["year"].max() == MAIN_SERIES_YEARS[1] == 2025
    assert set(real_table["issue"].astype(str)) == set(ISSUE_LABELS)
    assert real_table["agreement"].between(0, 1).all() and (real_table["n_votes"] > 0).all()
