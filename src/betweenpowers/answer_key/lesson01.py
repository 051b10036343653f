"""Answer key for lesson 01 (The multi-vector doctrine).

Each expected answer is computed from ``data/diplomatic_events.csv`` when it is checked, with plain pandas written
independently of the lesson code, so no number is typed in here and a change in ``data/`` moves the key with it.
"""

from __future__ import annotations

import pandas as pd

from betweenpowers import data
from betweenpowers.checks import ChoiceQuestion, NumberQuestion, TableQuestion, TextQuestion, ValueQuestion, register
from betweenpowers.measures.events import BORDERLINE_EVENTS

LESSON_01 = "solutions/01_multivector_doctrine.ipynb"


def _events_1991_2019() -> pd.DataFrame:
    events = data.load_diplomatic_events()
    return events[(events["year"] >= 1991) & (events["year"] <= 2019)]


def _great_power_agenda_share() -> float:
    events = _events_1991_2019()
    great = events[events["vector"].isin(["russia", "china", "west"])]
    return float((great["mode"] == "agenda_setting").mean())


def _hosted_summits_2010s() -> int:
    events = _events_1991_2019()
    return int(((events["category"] == "hosted_summit") & (events["year"] >= 2010)).sum())


def _events_per_vector() -> pd.Series:
    return _events_1991_2019()["vector"].value_counts().astype(int)


def _agenda_share_2010s_borderline_flipped() -> float:
    events = _events_1991_2019().copy()
    flip = events["event_id"].isin(list(BORDERLINE_EVENTS))
    events.loc[flip, "mode"] = events.loc[flip, "mode"].map(
        {"agenda_setting": "balancing", "balancing": "agenda_setting"})
    in_2010s = events[events["year"] >= 2010]
    return float((in_2010s["mode"] == "agenda_setting").mean())


register(
    NumberQuestion(
        id="01.1",
        prompt="Share of agenda-setting events among 1991-2019 events with vector russia, china or west",
        expected=_great_power_agenda_share,
        rel_tol=1e-3,
        hint="Keep the years 1991-2019, then the rows whose vector is 'russia', 'china' or 'west' (isin helps); "
             "the share is the mean of (mode == 'agenda_setting').",
    ),
    ValueQuestion(
        id="01.2",
        prompt="Number of hosted summits (category hosted_summit) in 2010-2019",
        expected=_hosted_summits_2010s,
        hint="Filter on category == 'hosted_summit' and years 2010 to 2019 (both included), then count the rows.",
    ),
    TableQuestion(
        id="01.3",
        prompt="Number of events per vector, 1991-2019 (a Series indexed by vector)",
        expected=_events_per_vector,
        ignore_row_order=True,
        hint="Keep the years 1991-2019 and use value_counts() on the vector column: one row per vector.",
    ),
    ChoiceQuestion(
        id="01.4",
        prompt="Which event would the coding rules call agenda-setting?",
        options={
            "a": "Kazakhstan becomes a member of the WTO, on the same terms as other members",
            "b": "Astana hosts a summit of the Shanghai Cooperation Organisation",
            "c": "An oil pipeline from Kazakhstan to China starts commercial operation",
            "d": "Kazakhstan signs the treaty of a Russia-centred economic union",
        },
        expected=lambda: "b",
        option_hints={
            "a": "Joining a body as an ordinary member is what the rules call balancing.",
            "c": "A choice of pipeline or route, in a framework others lead, is coded as balancing.",
            "d": "Joining a bloc that another power leads is balancing under the rules (this row is borderline: "
                 "see KZ027).",
        },
        hint="Agenda-setting needs Kazakhstan to propose, host or chair, mediate, champion at the UN, or settle a "
             "regional question.",
    ),
    NumberQuestion(
        id="01.5",
        prompt="Agenda-setting share in 2010-2019 after flipping the mode of every borderline row",
        expected=_agenda_share_2010s_borderline_flipped,
        rel_tol=1e-3,
        hint="Work on a copy of the 1991-2019 events. Flip 'mode' only in rows whose event_id is in "
             "BORDERLINE_EVENTS (agenda_setting <-> balancing), then take the share in 2010-2019.",
    ),
    TextQuestion(
        id="01.6",
        prompt="Does the 1991-2019 event record support the claim of equidistance between Russia, China and the West?",
        min_words=25,
        solution_notebook=LESSON_01,
    ),
)
