"""Claims about balancing between the great powers, judged mainly on UN votes: C03 (thirty years of equidistance,
also on trade and arms), C04 (the Ukraine war and balancing) and C13 (the annexations).

Each rule takes the ``tables`` dict (keys of :data:`~betweenpowers.measures.claims.CLAIM_TABLES`) and a choice of
:data:`~betweenpowers.measures.claims.CLAIM_CHOICES`, and returns a
:class:`~betweenpowers.measures.claims.ClaimEvidence`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from betweenpowers.measures.claims.evidence import ClaimEvidence, evidence, need_table, table_source
from betweenpowers.measures.claims.helpers import before_after, format_years, years_at_or_above
from betweenpowers.measures.claims.scale import CLAIM_CHOICES, share_verdict
from betweenpowers.measures.claims.trade import trade_switch, trade_table, trade_tables_source
from betweenpowers.measures.trade import balance_index, great_power_shares, vector_shares
from betweenpowers.measures.votes import RULE_COLUMNS
from betweenpowers.vectors import GREAT_POWERS

#: Arms suppliers' vectors -> the pole they count for in C03.
_POLES = {"russia": "Russia", "china": "China", "eu27": "West", "other_west": "West"}


def _c03_trade(tables: Mapping[str, pd.DataFrame], choice: str) -> ClaimEvidence:
    """Years in which the Russia-China-West split of trade comes close to equal thirds (balance index >= 0.9)."""
    view = choice.removeprefix("trade_")
    shares = great_power_shares(vector_shares(trade_table(tables, view), view=view, flow="total")).loc[1994:]
    balance = shares.apply(balance_index, axis=1)
    even = years_at_or_above(balance, 0.9)
    lines = (shares * 100).rename(columns={"russia": "Russia", "china": "China", "west": "West"})
    lines.index.name = "year"
    verdict = share_verdict(len(even), len(balance))
    side = "Kazakhstan's" if view == "reported" else "the partners'"
    reasoning = (f"In {side} statistics the Russia-China-West split of trade came close to equal thirds "
                 f"(balance index at least 0.9) in {len(even)} of {len(balance)} years "
                 f"{int(balance.index.min())}-{int(balance.index.max())} ({format_years(even)}). Rule: 80% of the "
                 "years or more = supported, a third or more = partly.")
    return evidence(lines, "C03", choice, "line", verdict, reasoning,
                    title="C03: shares of Russia, China and the West in Kazakhstan's trade",
                    xlabel="Year", ylabel="Share of total trade, %", source=trade_tables_source(lines.index, view),
                    source_switch=trade_switch(lines.index, view))


def _c03_votes(tables: Mapping[str, pd.DataFrame], choice: str) -> ClaimEvidence:
    """Years in which Kazakhstan's vote agreement with the three great powers lies within 0.2."""
    agreement = need_table(tables, "agreement")
    kaz = agreement[agreement["iso3"] == "KAZ"]
    lines = kaz.pivot(index="year", columns="partner", values=RULE_COLUMNS["half"])[list(GREAT_POWERS.values())]
    lines = lines.rename(columns={iso3: name for name, iso3 in GREAT_POWERS.items()}).astype(float)
    spread = lines.max(axis=1) - lines.min(axis=1)
    close = [int(y) for y in spread.index[spread <= 0.2]]
    means = lines.mean()
    verdict = share_verdict(len(close), len(spread))
    reasoning = (f"Agreement with the three lay within 0.2 of each other in {len(close)} of {len(spread)} years; "
                 f"means {int(lines.index.min())}-{int(lines.index.max())}: USA {means['USA']:.2f}, Russia "
                 f"{means['Russia']:.2f}, China {means['China']:.2f}. Most UN members show a similar gap "
                 "(lesson 00), so votes say more about the Assembly than about a doctrine.")
    return evidence(lines, "C03", choice, "line", verdict, reasoning,
                    title="C03: Kazakhstan's UN vote agreement with the USA, Russia and China",
                    xlabel="Year", ylabel="Agreement share (0-1), abstention = half",
                    source=table_source("agreement"), ylim=(0.0, 1.0), digits=2)


def _c03_arms(tables: Mapping[str, pd.DataFrame], choice: str) -> ClaimEvidence:
    """Years with arms deliveries in which no supplier group delivered more than half."""
    arms = need_table(tables, "arms")
    imports = arms[arms["direction"] == "import"]
    poles = imports["vector"].map(_POLES).fillna("Other")
    tiv = imports.groupby(["year", poles])["tiv_mn"].sum().unstack(fill_value=0.0)
    share = tiv.div(tiv.sum(axis=1), axis=0) * 100
    share = share.reindex(columns=["Russia", "China", "West", "Other"], fill_value=0.0)
    share.index.name = "year"
    no_dominant = [int(y) for y in share.index[share.max(axis=1) <= 50]]
    verdict = share_verdict(len(no_dominant), len(share))
    total = tiv.sum()
    reasoning = (f"No supplier group delivered more than half of a year's arms in {len(no_dominant)} of "
                 f"{len(share)} years with deliveries ({format_years(no_dominant)}); Russia delivered "
                 f"{total['Russia'] / total.sum():.0%} of all TIV 1995-2021.")
    return evidence(share, "C03", choice, "line", verdict, reasoning,
                    title="C03: who delivered Kazakhstan's major arms, year by year",
                    xlabel="Year (years with deliveries only)", ylabel="Share of the year's deliveries (TIV), %",
                    source=table_source("arms"), markers_only=True, ylim=(0.0, 105.0))


def c03(tables: Mapping[str, pd.DataFrame], choice: str) -> ClaimEvidence:
    """C03: equidistance between Russia, China and the West, on trade, UN votes or arms (the choice).

    Rule (:func:`~betweenpowers.measures.claims.share_verdict`): balanced in 80% of the years or more = supported,
    in a third or more = partly supported.
    """
    if choice in ("trade_reported", "trade_mirror"):
        return _c03_trade(tables, choice)
    if choice == "votes":
        return _c03_votes(tables, choice)
    return _c03_arms(tables, choice)


def c04(tables: Mapping[str, pd.DataFrame], choice: str) -> ClaimEvidence:
    """C04: agreement with Russia before and after 2014, under an abstention rule (the choice).

    Rule: a fall after 2014 = partly supported (hedging, not a break); no fall = contradicted.
    """
    agreement = need_table(tables, "agreement")
    column = RULE_COLUMNS[choice]
    with_russia = agreement[agreement["partner"] == GREAT_POWERS["Russia"]]
    kaz = with_russia[with_russia["iso3"] == "KAZ"].set_index("year")[column].astype(float)
    median = with_russia[with_russia["iso3"] != GREAT_POWERS["Russia"]].groupby("year")[column].median().astype(float)
    lines = pd.DataFrame({"Kazakhstan": kaz, "median UN member": median})
    lines.index.name = "year"
    kaz_change, median_change = before_after(kaz, 2014), before_after(median, 2014)
    verdict = "partly supported" if kaz_change["change"] < 0 else "contradicted"
    reasoning = (f"Agreement with Russia averaged {kaz_change['before']:.2f} in 1992-2013 and "
                 f"{kaz_change['after']:.2f} in 2014-{int(kaz.index.max())} ({kaz_change['change']:+.2f}; "
                 f"median UN member {median_change['change']:+.2f}). A drift away from Russia, and abstentions on "
                 "the Ukraine key votes (C13): hedging, not a break with balancing.")
    return evidence(lines, "C04", choice, "line", verdict, reasoning,
                    title="C04: agreement with Russia at the UN, before and after 2014",
                    xlabel="Year", ylabel=f"Agreement share with Russia (0-1), {CLAIM_CHOICES['C04'][choice]}",
                    source=table_source("agreement"), ylim=(0.0, 1.0), boundary=2014, digits=2)


def c13(tables: Mapping[str, pd.DataFrame], choice: str) -> ClaimEvidence:
    """C13: Kazakhstan's votes on the non-recognition resolutions.

    Rule: never voting no = supported (choice ``not_with_russia``); voting yes on all = supported, else partly
    supported (choice ``voted_for``).
    """
    key_votes = need_table(tables, "key_votes")
    events = need_table(tables, "events")
    kaz = key_votes[key_votes["iso3"] == "KAZ"].sort_values("date")
    non_recognition = kaz["title"].str.contains("Territorial integrity", case=False)
    rows = pd.DataFrame({
        "x": pd.to_datetime(kaz["date"]),
        "y": kaz["vote"].astype(str).replace({"not_no": "not no (only 'no' votes listed)"}),
        "label": kaz["symbol"].str.removeprefix("A/RES/").str.removeprefix("local:").astype(str),
        "highlight": non_recognition.astype(bool),
    }).reset_index(drop=True)
    decisive = kaz[non_recognition.to_numpy()]
    statement = events[events["title"].str.contains("refuses to recognise")]
    said = (f"; publicly, {statement['event_id'].iloc[0]} ({statement['date'].iloc[0]}) records Tokayev refusing "
            "to recognise the Donbas 'republics' beside Putin") if not statement.empty else ""
    votes = ", ".join(f"{s.removeprefix('A/RES/')} {v}" for s, v in zip(decisive["symbol"], decisive["vote"]))
    if choice == "not_with_russia":
        n_no = int((decisive["vote"] == "no").sum())
        verdict = "supported" if n_no == 0 and len(decisive) else "contradicted"
        reasoning = (f"On the {len(decisive)} non-recognition resolutions Kazakhstan voted: {votes}. It never "
                     f"voted with Russia against them{said}.")
    else:
        n_yes = int((decisive["vote"] == "yes").sum())
        verdict = "supported" if n_yes == len(decisive) and len(decisive) else "partly supported"
        reasoning = (f"Kazakhstan voted for {n_yes} of the {len(decisive)} non-recognition resolutions ({votes}): "
                     f"the refusal is in statements, not in votes{said}.")
    return evidence(rows, "C13", choice, "dots", verdict, reasoning,
                    title="C13: Kazakhstan's votes on the key Ukraine resolutions",
                    xlabel="Resolution and month of the vote, in date order", ylabel="Kazakhstan's vote",
                    source=table_source("key_votes", note=""), x_categorical=True,
                    y_order=("yes", "not no (only 'no' votes listed)", "abstain", "absent", "no"))


#: Claim id -> its rule.
RULES = {"C03": c03, "C04": c04, "C13": c13}
