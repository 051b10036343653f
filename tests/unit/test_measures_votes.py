"""Unit tests of betweenpowers.measures.votes: the one definition of vote agreement, and the published table it makes.

The scoring is checked against a truth table written out by hand (every pair of votes under every rule); pairing and
averaging on small known inputs; and :func:`yearly_agreement`, run on the shipped ``unga_votes``, must give the
shipped ``unga_agreement_yearly`` for every country in ``unga_votes``, every partner, year and rule.
"""

import doctest
import math
from collections.abc import Callable

import pandas as pd
import pytest

from betweenpowers import measures
from betweenpowers.measures import votes as measure
from betweenpowers.measures.votes import (
    AGREEMENT_RULES,
    COUNTED_VOTES,
    RULE_COLUMNS,
    RULE_COUNTS,
    RULE_LABELS,
    VOTE_VALUES,
    YEARLY_COLUMNS,
    agreement_by,
    partner_pairs,
    score_pairs,
    score_votes,
    yearly_agreement,
)
from betweenpowers.vectors import AGREEMENT_PARTNERS

NAN = math.nan

#: Every pair of votes -> its score under (identical, half, excluding_abstentions); NaN: the pair does not count.
TRUTH_TABLE: dict[tuple[str, str], tuple[float, float, float]] = {
    ("yes", "yes"): (1.0, 1.0, 1.0),
    ("no", "no"): (1.0, 1.0, 1.0),
    ("abstain", "abstain"): (1.0, 1.0, NAN),
    ("yes", "no"): (0.0, 0.0, 0.0),
    ("no", "yes"): (0.0, 0.0, 0.0),
    ("yes", "abstain"): (0.0, 0.5, NAN),
    ("abstain", "yes"): (0.0, 0.5, NAN),
    ("no", "abstain"): (0.0, 0.5, NAN),
    ("abstain", "no"): (0.0, 0.5, NAN),
    **{(a, "absent"): (NAN, NAN, NAN) for a in VOTE_VALUES},
    **{("absent", b): (NAN, NAN, NAN) for b in COUNTED_VOTES},
}


def _same(x: float, y: float) -> bool:
    return (math.isnan(x) and math.isnan(y)) or x == y


# --------------------------------------------------------------------------------------------------
# The rules and their names
# --------------------------------------------------------------------------------------------------
def test_rule_maps_cover_every_rule():
    assert set(RULE_COLUMNS) == set(RULE_COUNTS) == set(RULE_LABELS) == set(AGREEMENT_RULES)
    assert list(RULE_LABELS)[0] == "half"  # the default comes first in explorers
    assert VOTE_VALUES == (*COUNTED_VOTES, "absent")
    assert len(TRUTH_TABLE) == len(VOTE_VALUES) ** 2


# --------------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------------
@pytest.mark.parametrize("rule", AGREEMENT_RULES)
def test_score_votes_follows_the_truth_table_for_every_pair(rule):
    pairs = list(TRUTH_TABLE)
    scores = score_votes(pd.Series([a for a, _ in pairs]), pd.Series([b for _, b in pairs]), rule)
    column = AGREEMENT_RULES.index(rule)
    for pair, score in zip(pairs, scores):
        assert _same(score, TRUTH_TABLE[pair][column]), (pair, rule, score)


@pytest.mark.parametrize(
    ("a", "b", "rule", "expected"),
    [
        ("yes", "yes", "half", 1.0),
        ("no", "no", "identical", 1.0),
        ("abstain", "abstain", "half", 1.0),
        ("abstain", "abstain", "excluding_abstentions", NAN),
        ("yes", "abstain", "half", 0.5),
        ("abstain", "no", "half", 0.5),
        ("yes", "abstain", "identical", 0.0),
        ("yes", "abstain", "excluding_abstentions", NAN),
        ("yes", "no", "half", 0.0),
        ("yes", "no", "excluding_abstentions", 0.0),
        ("yes", "absent", "half", NAN),
        ("absent", "absent", "identical", NAN),
    ],
)
def test_score_votes_rules_on_single_pairs(a, b, rule, expected):
    result = score_votes(pd.Series([a]), pd.Series([b]), rule).item()
    assert _same(result, expected)


def test_score_votes_default_rule_is_half():
    assert score_votes(pd.Series(["yes"]), pd.Series(["abstain"])).item() == 0.5


def test_score_votes_known_values_and_missing_votes():
    a = pd.Series(["yes", "yes", "abstain", "no", None], index=[10, 11, 12, 13, 14])
    b = pd.Series(["yes", "abstain", "abstain", "yes", "yes"], index=[0, 1, 2, 3, 4])
    half = score_votes(a, b, "half")
    assert list(half.index) == [10, 11, 12, 13, 14]  # the index of the first argument, values by position
    assert half.iloc[:4].tolist() == [1.0, 0.5, 1.0, 0.0] and math.isnan(half.iloc[4])
    assert score_votes(a, b, "identical").iloc[:4].tolist() == [1.0, 0.0, 1.0, 0.0]
    excluded = score_votes(a, b, "excluding_abstentions")
    assert excluded.iloc[0] == 1.0 and excluded.iloc[3] == 0.0
    assert excluded.iloc[[1, 2, 4]].isna().all()


def test_score_votes_accepts_string_and_categorical_columns():
    a = pd.Series(["yes", "abstain", pd.NA], dtype="string")
    b = pd.Series(pd.Categorical(["abstain", "abstain", "yes"]))
    assert score_votes(a, b).tolist()[:2] == [0.5, 1.0] and math.isnan(score_votes(a, b).iloc[2])


def test_score_votes_rejects_bad_input():
    with pytest.raises(ValueError, match="rule must be one of"):
        score_votes(pd.Series(["yes"]), pd.Series(["yes"]), "lenient")
    with pytest.raises(ValueError, match="same length"):
        score_votes(pd.Series(["yes", "no"]), pd.Series(["yes"]))


def test_score_pairs_adds_one_column_per_rule():
    pairs = pd.DataFrame({"vote": list(p[0] for p in TRUTH_TABLE), "partner_vote": list(p[1] for p in TRUTH_TABLE)})
    scored = score_pairs(pairs)
    assert list(scored.columns) == ["vote", "partner_vote", *AGREEMENT_RULES]
    for row in scored.itertuples(index=False):
        expected = TRUTH_TABLE[(row.vote, row.partner_vote)]
        assert all(_same(getattr(row, rule), value) for rule, value in zip(AGREEMENT_RULES, expected)), row
    assert list(pairs.columns) == ["vote", "partner_vote"]  # the input is not changed


# --------------------------------------------------------------------------------------------------
# Pairing and averaging
# --------------------------------------------------------------------------------------------------
VOTES = pd.DataFrame({
    "vote_id": ["V1", "V1", "V2", "V2", "V3", "V3", "V4", "V5"],
    "iso3": ["KAZ", "USA", "KAZ", "USA", "KAZ", "USA", "KAZ", "USA"],
    "vote": ["yes", "no", "abstain", "yes", "yes", "yes", "no", "no"],
})


def _kaz_usa() -> pd.DataFrame:
    return partner_pairs(VOTES[VOTES["iso3"] == "KAZ"], VOTES, ["USA"])


def test_partner_pairs_keeps_only_common_roll_calls():
    pairs = _kaz_usa()
    assert list(pairs["vote_id"]) == ["V1", "V2", "V3"]
    assert list(pairs["partner_vote"]) == ["no", "yes", "yes"]
    assert list(pairs.columns) == ["vote_id", "iso3", "vote", "partner", "partner_vote"]


def test_partner_pairs_pairs_a_partner_with_itself_and_keeps_extra_columns():
    votes = VOTES.assign(year=2000)
    pairs = partner_pairs(votes, votes, ["USA"])
    usa = pairs[pairs["iso3"] == "USA"]
    assert (usa["vote"] == usa["partner_vote"]).all() and len(usa) == 4
    assert set(pairs["partner"]) == {"USA"} and (pairs["year"] == 2000).all()


@pytest.mark.parametrize(("rule", "n_votes", "expected"),
                         [("half", 3, 0.5), ("identical", 3, 1 / 3), ("excluding_abstentions", 2, 0.5)])
def test_agreement_by_counts_and_averages(rule, n_votes, expected):
    table = agreement_by(score_pairs(_kaz_usa()), ["iso3", "partner"])
    assert list(table.columns) == ["iso3", "partner", "rule", "n_votes", "agreement"]
    assert table["rule"].tolist() == list(AGREEMENT_RULES)
    row = table[table["rule"] == rule]
    assert row["n_votes"].item() == n_votes
    assert row["agreement"].item() == pytest.approx(expected)


def test_agreement_by_is_nan_when_nothing_counts():
    pairs = pd.DataFrame({"iso3": ["KAZ"], "vote": ["absent"], "partner_vote": ["yes"]})
    table = agreement_by(score_pairs(pairs), ["iso3"])
    assert (table["n_votes"] == 0).all() and table["agreement"].isna().all()
    assert len(table) == len(AGREEMENT_RULES)


def test_agreement_by_groups():
    pairs = _kaz_usa().assign(year=[2000, 2000, 2001])
    table = agreement_by(score_pairs(pairs), ["year"])
    half = table[table["rule"] == "half"].set_index("year")
    assert half["n_votes"].to_dict() == {2000: 2, 2001: 1}
    assert half["agreement"].to_dict() == {2000: 0.25, 2001: 1.0}


# --------------------------------------------------------------------------------------------------
# The yearly table
# --------------------------------------------------------------------------------------------------
ROLL_CALLS = pd.DataFrame({"vote_id": ["V1", "V2", "V3", "V4", "V5"], "year": [2000, 2000, 2001, 2001, 2001],
                           "in_main_series": [True, True, True, True, False]})


def test_yearly_agreement_on_a_small_example():
    table = yearly_agreement(VOTES, ROLL_CALLS, ["USA"])
    assert list(table.columns) == list(YEARLY_COLUMNS)
    rows = table.set_index(["year", "iso3", "partner"])
    kaz = rows.loc[(2000, "KAZ", "USA")]
    assert (kaz["n_votes"], kaz["agreement_identical"], kaz["agreement_half"]) == (2, 0.0, 0.25)
    assert kaz["n_votes_yes_no"] == 1 and kaz["agreement_excluding_abstentions"] == 0.0
    assert rows.loc[(2001, "KAZ", "USA"), "agreement_half"] == 1.0
    # The USA with itself: V5 is outside the main series, so 2001 has V3 only.
    assert rows.loc[(2001, "USA", "USA"), "n_votes"] == 1
    assert table[["year", "iso3", "partner"]].values.tolist() == [
        [2000, "KAZ", "USA"], [2000, "USA", "USA"], [2001, "KAZ", "USA"], [2001, "USA", "USA"]]


def test_yearly_agreement_leaves_out_groups_where_nothing_counts_and_keeps_nan_for_no_yes_no_pair():
    votes = pd.DataFrame({"vote_id": ["V1", "V1", "V2", "V2"], "iso3": ["KAZ", "USA", "KAZ", "USA"],
                          "vote": ["abstain", "yes", "absent", "no"]})
    calls = pd.DataFrame({"vote_id": ["V1", "V2"], "year": [2000, 2001], "in_main_series": [True, True]})
    table = yearly_agreement(votes, calls, ["USA"]).set_index(["year", "iso3"])
    assert (2001, "KAZ") not in table.index  # KAZ absent: nothing counts
    kaz = table.loc[(2000, "KAZ")]
    assert kaz["n_votes"] == 1 and kaz["n_votes_yes_no"] == 0
    assert math.isnan(kaz["agreement_excluding_abstentions"])


def test_yearly_agreement_from_the_shipped_votes_equals_the_published_table(table: Callable[[str], pd.DataFrame]):
    """The published table is what the one measure computes: every country of unga_votes, partner, year, rule."""
    votes, roll_calls = table("unga_votes"), table("unga_roll_calls")
    assert set(AGREEMENT_PARTNERS) <= set(votes["iso3"])  # so every partner's votes are shipped
    ours = yearly_agreement(votes, roll_calls)
    for column in RULE_COLUMNS.values():
        ours[column] = ours[column].round(6)  # the stored rounding
    published = table("unga_agreement_yearly")
    published = published[published["iso3"].isin(set(votes["iso3"]))].reset_index(drop=True)
    assert len(published) > 2000 and set(published["partner"]) == set(AGREEMENT_PARTNERS)
    assert set(ours["iso3"]) == set(votes["iso3"]) == set(published["iso3"])
    assert list(ours.columns) == list(published.columns)
    pd.testing.assert_frame_equal(ours.astype({"year": "Int64", "n_votes": "Int64", "n_votes_yes_no": "Int64"}),
                                  published, check_exact=True)


# --------------------------------------------------------------------------------------------------
# Documentation
# --------------------------------------------------------------------------------------------------
def test_docstring_examples_run():
    result = doctest.testmod(measure, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.attempted >= 5 and result.failed == 0


def test_package_reexports_the_scoring():
    assert measures.score_votes is score_votes and measures.AGREEMENT_RULES is AGREEMENT_RULES


# --------------------------------------------------------------------------------------------------
# The main series: one source per calendar year
# --------------------------------------------------------------------------------------------------
def test_main_series_sources_follow_each_other_without_gap():
    spans = list(measure.MAIN_SERIES_SOURCES.values())
    assert all(later[0] == earlier[1] + 1 for earlier, later in zip(spans, spans[1:]))
    assert measure.MAIN_SERIES_YEARS == (spans[0][0], spans[-1][1])
    for source, (first, last) in measure.MAIN_SERIES_SOURCES.items():
        assert measure.main_series_source(first) == measure.main_series_source(last) == source
    for outside in (measure.MAIN_SERIES_YEARS[0] - 1, measure.MAIN_SERIES_YEARS[1] + 1):
        with pytest.raises(ValueError, match="main series covers"):
            measure.main_series_source(outside)


def test_the_shipped_main_series_matches_the_year_rule(table: Callable[[str], pd.DataFrame]):
    roll_calls = table("unga_roll_calls")
    main = roll_calls[roll_calls["in_main_series"]]
    assert (main["source"] == main["year"].map(measure.main_series_source)).all()
    assert (int(main["year"].min()), int(main["year"].max())) == measure.MAIN_SERIES_YEARS
    assert set(roll_calls["source"]) == set(measure.MAIN_SERIES_SOURCES)
