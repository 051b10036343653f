"""Answer key for lesson 04 (Security and investment vectors).

Each expected answer is computed from the data tables when it is checked, with plain pandas written
independently of the lesson code (no call into ``betweenpowers.measures`` or ``betweenpowers.widgets``), so no
number is typed in here and a change in ``data/`` moves the key with it.
"""

from __future__ import annotations

import pandas as pd

from betweenpowers import data
from betweenpowers.checks import ChoiceQuestion, FigureQuestion, NumberQuestion, TextQuestion, ValueQuestion, register

LESSON_04 = "solutions/04_security_investment.ipynb"


def _russia_arms_share(*, first: int = 2010, last: int = 2021) -> float:
    arms = data.load_arms_transfers_sipri()
    imports = arms[(arms["direction"] == "import") & (arms["year"] >= first) & (arms["year"] <= last)]
    return float(imports.loc[imports["counterpart"] == "Russia", "tiv_mn"].sum() / imports["tiv_mn"].sum())


def _russia_arms_share_2010_2021() -> float:
    return _russia_arms_share()


def _russia_arms_tiv_2010_2021() -> float:
    arms = data.load_arms_transfers_sipri()
    imports = arms[(arms["direction"] == "import") & (arms["year"] >= 2010) & (arms["year"] <= 2021)]
    return float(imports.loc[imports["counterpart"] == "Russia", "tiv_mn"].sum())


def _three_investors_2022(*, denominator: str = "gross") -> float:
    """The 2022 gross inflow of RUS, CHN and USA over: "gross" (the page's ALL row), "net" (the net inflow row),
    or "none" (their sum in billion US$, not divided)."""
    fdi = data.load_fdi_page_figures()
    rows = fdi[(fdi["concept"] == "gross_inflow") & (fdi["period"] == "2022")]
    page = rows.loc[rows["counterpart_code"] == "RUS", "source_url"].iloc[0]
    rows = rows[rows["source_url"] == page]
    three = float(rows.loc[rows["counterpart_code"].isin(["RUS", "CHN", "USA"]), "value_usd_bn"].sum())
    if denominator == "none":
        return three
    if denominator == "net":
        net = fdi[(fdi["concept"] == "net_inflow") & (fdi["period"] == "2022") & (fdi["counterpart_code"] == "ALL")]
        return three / float(net["value_usd_bn"].iloc[0])
    return three / float(rows.loc[rows["counterpart_code"] == "ALL", "value_usd_bn"].iloc[0])


def _three_investors_gross_2022() -> float:
    return _three_investors_2022()


def _quarters(sign: str = "negative") -> int:
    quarterly = data.load_fdi_net_inflow_quarterly()["fdi_net_inflow_usd_mn"]
    kept = {"negative": quarterly < 0, "positive": quarterly > 0, "all": quarterly.notna()}[sign]
    return int(kept.sum())


def _negative_quarters() -> int:
    return _quarters()


def _pole(vector: str) -> str:
    if vector in ("eu27", "other_west"):
        return "west"
    return vector


def _russia_shares() -> pd.Series:
    """Russia's share of Russia + China + West in each dimension, with the lesson's default data choices."""
    trade = data.load_trade_dots()
    rows = trade[(trade["year"] == 2020) & (trade["view"] == "reported") & (trade["partner_type"] != "world")]
    trade_poles = rows.groupby(rows["vector"].map(_pole))["value_usd_mn"].sum()[["russia", "china", "west"]]

    agreement = data.load_unga_agreement_yearly()
    kaz = agreement[(agreement["iso3"] == "KAZ") & (agreement["year"] >= 2012) & (agreement["year"] <= 2021)]
    means = kaz.groupby("partner")["agreement_half"].mean()
    votes = pd.Series({"russia": means["RUS"], "china": means["CHN"], "west": means["USA"]})

    arms = data.load_arms_transfers_sipri()
    imports = arms[(arms["direction"] == "import") & (arms["year"] >= 2012) & (arms["year"] <= 2021)]
    arms_poles = imports.groupby(imports["vector"].map(_pole))["tiv_mn"].sum()
    arms_poles = arms_poles.reindex(["russia", "china", "west"], fill_value=0.0)

    fdi = data.load_fdi_page_figures()
    stock = fdi[fdi["concept"] == "stock"].set_index("counterpart_code")["value_usd_bn"]
    investment = pd.Series({"russia": stock["RUS"], "china": stock["CHN"], "west": stock["USA"]})

    return pd.Series({name: float(poles["russia"] / poles.sum()) for name, poles in
                      {"trade": trade_poles, "votes": votes, "arms": arms_poles, "investment": investment}.items()})


WEIGHTS = {"trade": 2, "votes": 1, "arms": 1, "investment": 0}


def _russia_composite(weights: dict[str, int], *, divide: bool = True) -> float:
    shares = _russia_shares()
    weighted = sum(weight * shares[name] for name, weight in weights.items())
    return float(weighted / sum(weights.values())) if divide else float(weighted)


def _weighted_russia_share() -> float:
    """Russia's composite share with weights trade 2, votes 1, arms 1 (investment 0), default data choices."""
    return _russia_composite(WEIGHTS)


register(
    NumberQuestion(
        id="04.1",
        level="transfer",
        prompt="Russia's share of all major arms (TIV) delivered to Kazakhstan, 2010-2021",
        expected=_russia_arms_share_2010_2021,
        rel_tol=1e-3,
        decimals=3,
        mistakes={
            "that share covers every year of the table: keep 2010 to 2021 only (both included).":
                lambda: _russia_arms_share(first=1995),
            "that is Russia's TIV itself, not a share: divide it by the TIV of all suppliers.":
                _russia_arms_tiv_2010_2021,
        },
        hint="Russia's TIV over all suppliers' TIV, deliveries to Kazakhstan only, in the years asked.",
    ),
    NumberQuestion(
        id="04.2",
        level="transfer",
        prompt="Share of the 2022 gross FDI inflow that came from Russia, China and the USA together",
        expected=_three_investors_gross_2022,
        rel_tol=1e-3,
        decimals=3,
        mistakes={
            "that divides by the net inflow: divide by the gross inflow of all countries (the 'ALL' row of the same "
            "page).": lambda: _three_investors_2022(denominator="net"),
            "that is the three countries' inflow in billion US$, not a share: divide it by the 'ALL' row.":
                lambda: _three_investors_2022(denominator="none"),
        },
        hint="Gross inflow only, and the total from the same page (source_url) as the three countries.",
    ),
    ChoiceQuestion(
        id="04.3",
        level="reproduce",
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
        level="reproduce",
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
        level="transfer",
        prompt="Number of quarters with a negative net FDI inflow (NBK quarterly table)",
        expected=_negative_quarters,
        mistakes={
            "that counts the quarters with a positive net inflow: count those below zero.":
                lambda: _quarters("positive"),
            "that counts every quarter: count only those whose net inflow is below zero.": lambda: _quarters("all"),
        },
        hint="The sum of a True/False Series counts its True values.",
    ),
    NumberQuestion(
        id="04.6",
        level="transfer",
        prompt="Russia's composite share with weights trade 2, votes 1, arms 1, investment 0",
        expected=_weighted_russia_share,
        rel_tol=1e-3,
        decimals=3,
        mistakes={
            "that gives every dimension the same weight: weight trade 2, votes 1, arms 1 and investment 0.":
                lambda: _russia_composite(dict.fromkeys(WEIGHTS, 1)),
            "that leaves investment at weight 1: set its weight to 0.":
                lambda: _russia_composite({**WEIGHTS, "investment": 1}),
            "that is the weighted sum: divide it by the sum of the weights.":
                lambda: _russia_composite(WEIGHTS, divide=False),
        },
        hint="A weighted mean: sum of weight x share, divided by the sum of the weights.",
    ),
    TextQuestion(
        id="04.7",
        level="interpret",
        prompt="Is Kazakhstan balanced between Russia, China and the West, judging by the scorecard?",
        min_words=40,
        solution_notebook=LESSON_04,
    ),
    FigureQuestion(
        id="04.8",
        level="extend",
        prompt="Arms delivered to Kazakhstan by supplier",
    ),
)
