"""Answer key for lesson 05 (From balance to initiative).

Each expected answer is computed from ``data/diplomatic_events.csv`` when it is checked, with plain pandas written
independently of the lesson code (the era split and the agreement measures are redone here by hand), so no number is
typed in here and a change in ``data/`` moves the key with it. The fixed second coding of the coding questions is
:data:`betweenpowers.measures.coding.CLASSMATE_CODING`.
"""

from __future__ import annotations

import pandas as pd

from betweenpowers import data
from betweenpowers.checks import ChoiceQuestion, FigureQuestion, NumberQuestion, TextQuestion, ValueQuestion, register
from betweenpowers.measures.coding import CLASSMATE_CODING, CODING_SAMPLE

LESSON_05 = "solutions/05_balance_to_initiative.ipynb"
BOUNDARY = 2019  # the first calendar year of Tokayev's presidency (March 2019), as in the lesson


def _eras() -> tuple[pd.DataFrame, pd.DataFrame, int, int]:
    """Events before and from the boundary year, and the length of each era in calendar years."""
    events = data.load_diplomatic_events()
    first, last = int(events["year"].min()), int(events["year"].max())
    before, after = events[events["year"] < BOUNDARY], events[events["year"] >= BOUNDARY]
    return before, after, BOUNDARY - first, last - BOUNDARY + 1


def _agenda_per_year_after(*, divide_by: str = "years", mode: str | None = "agenda_setting") -> float:
    """Events of ``mode`` (None: all) from the boundary on, per calendar year.

    ``divide_by`` "years" (the question), "years_minus_one" (the last year left out) or "nothing" (the count).
    """
    _, after, _, years_after = _eras()
    count = len(after) if mode is None else int((after["mode"] == mode).sum())
    return float(count / {"years": years_after, "years_minus_one": years_after - 1, "nothing": 1}[divide_by])


def _agenda_per_year_before() -> float:
    before, _, years_before, _ = _eras()
    return float((before["mode"] == "agenda_setting").sum() / years_before)


def _category_rise() -> pd.Series:
    before, after, years_before, years_after = _eras()
    rate_before = before["category"].value_counts() / years_before
    rate_after = after["category"].value_counts() / years_after
    return rate_after.sub(rate_before, fill_value=0).sort_values(ascending=False)


def _category_with_largest_rise() -> str:
    rise = _category_rise()
    if len(rise) > 1 and rise.iloc[0] == rise.iloc[1]:
        raise ValueError("two categories tie for the largest rise")
    return str(rise.index[0])


def _sample_codes() -> tuple[pd.Series, pd.Series]:
    events = data.load_diplomatic_events().set_index("event_id")
    table = events.loc[list(CODING_SAMPLE), "mode"].astype(str)
    classmate = pd.Series(CLASSMATE_CODING).reindex(table.index)
    return classmate, table


def _classmate_agreement() -> float:
    classmate, table = _sample_codes()
    return float((classmate == table).mean())


def _classmate_disagreement() -> float:
    classmate, table = _sample_codes()
    return float((classmate != table).mean())


def _classmate_matches() -> int:
    classmate, table = _sample_codes()
    return int((classmate == table).sum())


def _chance_agreement(*, equal_shares: bool = False) -> float:
    """p_e: the agreement expected by chance, from the two coders' shares of each code (or 1/2 each)."""
    classmate, table = _sample_codes()
    shares = pd.DataFrame({"classmate": classmate.value_counts(normalize=True),
                           "table": table.value_counts(normalize=True)}).fillna(0)
    if equal_shares:
        shares[:] = 1 / len(shares)
    return float((shares["classmate"] * shares["table"]).sum())


def _classmate_kappa(*, equal_shares: bool = False) -> float:
    p_o = _classmate_agreement()
    p_e = _chance_agreement(equal_shares=equal_shares)
    return float((p_o - p_e) / (1 - p_e))


register(
    NumberQuestion(
        id="05.1",
        level="reproduce",
        prompt="Agenda-setting events per calendar year in 2019-2025",
        expected=_agenda_per_year_after,
        rel_tol=1e-3,
        decimals=2,
        mistakes={
            "that is a count of events, not a rate: divide it by the number of calendar years.":
                lambda: _agenda_per_year_after(divide_by="nothing"),
            "that divides by one year too few: count the years from `boundary` to `last` with both ends included.":
                lambda: _agenda_per_year_after(divide_by="years_minus_one"),
            "that counts every event of the era: keep the agenda-setting ones.":
                lambda: _agenda_per_year_after(mode=None),
            "that is the rate of the first era: keep the events from `boundary` on.": _agenda_per_year_before,
        },
        hint="A rate per year: a count divided by the era's length in years.",
    ),
    ValueQuestion(
        id="05.2",
        level="reproduce",
        prompt="The category whose events per year rose the most from 1991-2018 to 2019-2025",
        expected=_category_with_largest_rise,
        mistakes={
            "that is the category that fell the most: the largest rise is at the top when sorted descending.":
                lambda: str(_category_rise().index[-1]),
        },
        hint="Events per year in each era, then the difference (with .sub(..., fill_value=0)). Answer with the "
             "code as written in the table, e.g. 'mediation'.",
    ),
    ChoiceQuestion(
        id="05.3",
        level="reproduce",
        prompt="How to compare 1991-2018 (42 events) with 2019-2025 (28 events)",
        options={
            "a": "Kazakhstan was less active after 2019, because the table holds fewer events for 2019-2025.",
            "b": "Per calendar year the table holds more events after 2019, but part of that rise can come from "
                 "sources that cover recent years better.",
            "c": "The share of agenda-setting events cannot be compared, because the two eras differ in length.",
            "d": "The rise in events per year proves that the policy changed in March 2019.",
        },
        expected=lambda: "b",
        option_hints={
            "a": "The eras differ in length (28 and 7 calendar years): compare events per year, not counts.",
            "c": "A share is events of one kind divided by all events of the same era: the era's length cancels out.",
            "d": "Balancing events per year rose too, the sources lean toward recent years, and section 4 of the "
                 "lesson shows no sharp break at 2019.",
        },
        hint="Think about the lengths of the eras and about where the rows of the table come from.",
    ),
    NumberQuestion(
        id="05.4",
        level="transfer",
        prompt="Percentage agreement (0-1) of the classmate's coding with the table on the ten sample events",
        expected=_classmate_agreement,
        rel_tol=1e-6,
        decimals=2,
        mistakes={
            "that is the share of events where the two codings differ: take the share where they agree.":
                _classmate_disagreement,
            "that is a count of events, not a share: divide it by the number of events.": _classmate_matches,
        },
        hint="Line the two codings up by event_id; the share is the mean of (classmate == table).",
    ),
    NumberQuestion(
        id="05.5",
        level="transfer",
        prompt="Cohen's kappa of the classmate's coding against the table on the ten sample events",
        expected=_classmate_kappa,
        rel_tol=1e-3,
        close_rel=0.1,
        decimals=2,
        mistakes={
            "that is p_o, the percentage agreement: kappa corrects it for chance, (p_o - p_e) / (1 - p_e).":
                _classmate_agreement,
            "that is p_e, the agreement expected by chance: kappa is (p_o - p_e) / (1 - p_e).": _chance_agreement,
            "that p_e gives each code a share of 1/2: use each coder's own shares of the two codes.":
                lambda: _classmate_kappa(equal_shares=True),
        },
        hint="p_e adds, for each code, the product of the two coders' shares of it; then kappa = "
             "(p_o - p_e) / (1 - p_e).",
    ),
    TextQuestion(
        id="05.6",
        level="interpret",
        prompt="Your own coding: where did you disagree with the table, and what does the disagreement mean?",
        min_words=40,
        solution_notebook=LESSON_05,
    ),
    TextQuestion(
        id="05.7",
        level="interpret",
        prompt="Does the events table support the claim of a move from balancing to agenda-setting after 2019?",
        min_words=40,
        solution_notebook=LESSON_05,
    ),
    FigureQuestion(
        id="05.8",
        level="extend",
        prompt="UN initiatives per year",
    ),
)
