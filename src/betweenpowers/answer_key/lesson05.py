"""Answer key for lesson 05 (From balance to initiative).

Each expected answer is computed from ``data/diplomatic_events.csv`` when it is checked, with plain pandas written
independently of the lesson code (the era split and the agreement measures are redone here by hand), so no number is
typed in here and a change in ``data/`` moves the key with it. The fixed second coding of the coding questions is
:data:`betweenpowers.measures.coding.CLASSMATE_CODING`.
"""

from __future__ import annotations

import pandas as pd

from betweenpowers import data
from betweenpowers.checks import ChoiceQuestion, NumberQuestion, TextQuestion, ValueQuestion, register
from betweenpowers.measures.coding import CLASSMATE_CODING, CODING_SAMPLE

LESSON_05 = "solutions/05_balance_to_initiative.ipynb"
BOUNDARY = 2019  # the first calendar year of Tokayev's presidency (March 2019), as in the lesson


def _eras() -> tuple[pd.DataFrame, pd.DataFrame, int, int]:
    """Events before and from the boundary year, and the length of each era in calendar years."""
    events = data.load_diplomatic_events()
    first, last = int(events["year"].min()), int(events["year"].max())
    before, after = events[events["year"] < BOUNDARY], events[events["year"] >= BOUNDARY]
    return before, after, BOUNDARY - first, last - BOUNDARY + 1


def _agenda_per_year_after() -> float:
    _, after, _, years_after = _eras()
    return float((after["mode"] == "agenda_setting").sum() / years_after)


def _category_with_largest_rise() -> str:
    before, after, years_before, years_after = _eras()
    rate_before = before["category"].value_counts() / years_before
    rate_after = after["category"].value_counts() / years_after
    rise = rate_after.sub(rate_before, fill_value=0).sort_values(ascending=False)
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


def _classmate_kappa() -> float:
    classmate, table = _sample_codes()
    p_o = (classmate == table).mean()
    shares = pd.DataFrame({"classmate": classmate.value_counts(normalize=True),
                           "table": table.value_counts(normalize=True)}).fillna(0)
    p_e = (shares["classmate"] * shares["table"]).sum()
    return float((p_o - p_e) / (1 - p_e))


register(
    NumberQuestion(
        id="05.1",
        prompt="Agenda-setting events per calendar year in 2019-2025",
        expected=_agenda_per_year_after,
        rel_tol=1e-3,
        hint="Keep the events from 2019 on, count those with mode 'agenda_setting', and divide by the number of "
             "calendar years from 2019 to the table's last year, both included.",
    ),
    ValueQuestion(
        id="05.2",
        prompt="The category whose events per year rose the most from 1991-2018 to 2019-2025",
        expected=_category_with_largest_rise,
        hint="For each era, value_counts() of category divided by the era's years gives events per year. Subtract "
             "(use .sub(..., fill_value=0) so a category missing in one era counts as 0) and take the largest. "
             "Answer with the category code as it is written in the table, e.g. 'mediation'.",
    ),
    ChoiceQuestion(
        id="05.3",
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
        prompt="Percentage agreement (0-1) of the classmate's coding with the table on the ten sample events",
        expected=_classmate_agreement,
        rel_tol=1e-6,
        hint="Line the two codings up by event_id and take the mean of (classmate == table): a share between 0 and 1.",
    ),
    NumberQuestion(
        id="05.5",
        prompt="Cohen's kappa of the classmate's coding against the table on the ten sample events",
        expected=_classmate_kappa,
        rel_tol=1e-3,
        close_rel=0.1,
        hint="p_e = (classmate's share agenda_setting x table's share agenda_setting) + (the same for balancing); "
             "then kappa = (p_o - p_e) / (1 - p_e), with p_o from question 05.4.",
    ),
    TextQuestion(
        id="05.6",
        prompt="Your own coding: where did you disagree with the table, and what does the disagreement mean?",
        min_words=40,
        solution_notebook=LESSON_05,
    ),
    TextQuestion(
        id="05.7",
        prompt="Does the events table support the claim of a move from balancing to agenda-setting after 2019?",
        min_words=40,
        solution_notebook=LESSON_05,
    ),
)
