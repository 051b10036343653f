"""Answer key for lesson 04 (Security and investment vectors).

Each expected answer is computed from the data tables when it is checked, with plain pandas written
independently of the lesson code (no call into ``betweenpowers.measures`` or ``betweenpowers.widgets``), so no
number is typed in here and a change in ``data/`` moves the key with it.
"""

from __future__ import annotations

import pandas as pd

from betweenpowers import data
from betweenpowers.checks import ChoiceQuestion, NumberQuestion, TextQuestion, ValueQuestion, register

LESSON_04 = "solutions/04_security_investment.ipynb"


def _russia_arms_share_2010_2021() -> float:
    arms = data.load_arms_transfers_sipri()
    imports = arms[(arms["direction"] == "import") & (arms["year"] >= 2010) & (arms["year"] <= 2021)]
    return float(imports.loc[imports["counterpart"] == "Russia", "tiv_mn"].sum() / imports["tiv_mn"].sum())


def _three_investors_gross_2022() -> float:
    fdi = data.load_fdi_page_figures()
    rows = fdi[(fdi["concept"] == "gross_inflow") & (fdi["period"] == "2022")]
    page = rows.loc[rows["counterpart_code"] == "RUS", "source_url"].iloc[0]
    rows = rows[rows["source_url"] == page]
    three = rows.loc[rows["counterpart_code"].isin(["RUS", "CHN", "USA"]), "value_usd_bn"].sum()
    return float(three / rows.loc[rows["counterpart_code"] == "ALL", "value_usd_bn"].iloc[0])


def _negative_quarters() -> int:
    quarterly = data.load_fdi_net_inflow_quarterly()
    return int((quarterly["fdi_net_inflow_usd_mn"] < 0).sum())


def _pole(vector: str) -> str:
    if vector in ("eu27", "other_west"):
        return "west"
    return vector


def _weighted_russia_share() -> float:
    """Russia's composite share with weights trade 2, votes 1, arms 1 (investment 0), default data choices."""
    trade = data.load_trade_dots()
    rows = trade[(trade["year"] == 2020) & (trade["view"] == "reported") & (trade["partner_type"] != "world")]
    trade_poles = rows.groupby(rows["vector"].map(_pole))["value_usd_mn"].sum()[["russia", "china", "west"]]
    trade_shares = trade_poles / trade_poles.sum()

    agreement = data.load_unga_agreement_yearly()
    kaz = agreement[(agreement["iso3"] == "KAZ") & (agreement["year"] >= 2012) & (agreement["year"] <= 2021)]
    means = kaz.groupby("partner")["agreement_half"].mean()
    votes = pd.Series({"russia": means["RUS"], "china": means["CHN"], "west": means["USA"]})
    vote_shares = votes / votes.sum()

    arms = data.load_arms_transfers_sipri()
    imports = arms[(arms["direction"] == "import") & (arms["year"] >= 2012) & (arms["year"] <= 2021)]
    arms_poles = imports.groupby(imports["vector"].map(_pole))["tiv_mn"].sum()
    arms_poles = arms_poles.reindex(["russia", "china", "west"], fill_value=0.0)
    arms_shares = arms_poles / arms_poles.sum()

    return float((2 * trade_shares["russia"] + vote_shares["russia"] + arms_shares["russia"]) / 4)


register(
    NumberQuestion(
        id="04.1",
        prompt="Russia's share of all major arms (TIV) delivered to Kazakhstan, 2010-2021",
        expected=_russia_arms_share_2010_2021,
        rel_tol=1e-3,
        hint="Keep direction 'import' and years 2010 to 2021 (both included), then divide Russia's tiv_mn sum by the "
             "sum over all suppliers.",
    ),
    NumberQuestion(
        id="04.2",
        prompt="Share of the 2022 gross FDI inflow that came from Russia, China and the USA together",
        expected=_three_investors_gross_2022,
        rel_tol=1e-3,
        hint="Keep concept 'gross_inflow' and period '2022'. Add value_usd_bn of RUS, CHN and USA and divide by the "
             "'ALL' row of the same source_url (not the net_inflow row).",
    ),
    ChoiceQuestion(
        id="04.3",
        prompt="What does 441 million TIV of Russian deliveries in 2015 tell us?",
        options={
            "a": "Kazakhstan paid Russia about 441 million US dollars for arms in 2015",
            "b": "By SIPRI's common yardstick, more military capability arrived from Russia in 2015 than in any "
                 "other year of the table",
            "c": "Dividing it by Kazakhstan's GDP in 2015 gives the share of GDP spent on Russian arms",
            "d": "Russia delivered 441 weapon systems to Kazakhstan in 2015",
        },
        expected=lambda: "b",
        option_hints={
            "a": "TIV is not a price: SIPRI values weapons on a common scale of production costs, not on what was "
                 "paid (some arms are donated or sold at a discount).",
            "c": "SIPRI warns that TIV figures must not be compared with GDP or spending: they are not money.",
            "d": "TIV is a value on SIPRI's scale, not a count of items.",
        },
        hint="TIV measures the volume of military capability transferred, on one scale for every year.",
    ),
    ChoiceQuestion(
        id="04.4",
        prompt="One page says FDI in Kazakhstan was $28 bn in 2022, another $6.1 bn. Which statement is right?",
        options={
            "a": "One of the pages is wrong: the same year can only have one FDI figure",
            "b": "Both can be right: $28 bn is a gross inflow and $6.1 bn a net inflow, which subtracts "
                 "disinvestment and repayments",
            "c": "The difference is the Netherlands: one page leaves out holding companies",
            "d": "$6.1 bn is the first half of 2022 and $28 bn the whole year",
        },
        expected=lambda: "b",
        option_hints={
            "a": "Look at the concept column: the two figures are different concepts, not two estimates of one.",
            "c": "Neither figure leaves out a country; check the concept column instead.",
            "d": "Check the period column: both rows are for the whole of 2022 (the first half has its own row).",
        },
        hint="Filter fdi to period '2022' and look at the concept column.",
    ),
    ValueQuestion(
        id="04.5",
        prompt="Number of quarters with a negative net FDI inflow (NBK quarterly table)",
        expected=_negative_quarters,
        hint="Count the rows of the quarterly table whose fdi_net_inflow_usd_mn is below zero; a sum of a boolean "
             "Series counts its True values.",
    ),
    NumberQuestion(
        id="04.6",
        prompt="Russia's composite share with weights trade 2, votes 1, arms 1, investment 0",
        expected=_weighted_russia_share,
        rel_tol=1e-3,
        hint="Composite = sum of weight x share over the dimensions, divided by the sum of the weights. Use the "
             "'russia' column of `splits` for trade, votes and arms.",
    ),
    TextQuestion(
        id="04.7",
        prompt="Is Kazakhstan balanced between Russia, China and the West, judging by the scorecard?",
        min_words=40,
        solution_notebook=LESSON_04,
    ),
)
