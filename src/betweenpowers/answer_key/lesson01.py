"""Answer key for lesson 01 (The multi-vector doctrine).

Each expected answer is computed from ``data/diplomatic_events.csv`` when it is checked, with plain pandas written
independently of the lesson code, so no number is typed in here and a change in ``data/`` moves the key with it.
"""

from __future__ import annotations

import pandas as pd

from betweenpowers import data
from betweenpowers.checks import (
    ChoiceQuestion,
    FigureQuestion,
    NumberQuestion,
    TableQuestion,
    TextQuestion,
    ValueQuestion,
    register,
)
from betweenpowers.measures.events import BORDERLINE_EVENTS

LESSON_01 = "solutions/01_multivector_doctrine.ipynb"


def _events_1991_2019() -> pd.DataFrame:
    events = data.load_diplomatic_events()
    return events[(events["year"] >= 1991) & (events["year"] <= 2019)]


GREAT_POWERS = ["russia", "china", "west"]


def _great_power_agenda_share(*, great_powers_only: bool = True, mode: str = "agenda_setting") -> float:
    events = _events_1991_2019()
    if great_powers_only:
        events = events[events["vector"].isin(GREAT_POWERS)]
    return float((events["mode"] == mode).mean())


def _hosted_summits(*, first_year: int = 2010, category: str | None = "hosted_summit") -> int:
    events = _events_1991_2019()
    kept = events["year"] >= first_year
    if category is not None:
        kept &= events["category"] == category
    return int(kept.sum())


def _hosted_summits_2010s() -> int:
    return _hosted_summits()


def _events_per_vector() -> pd.Series:
    return _events_1991_2019()["vector"].value_counts().astype(int)


def _agenda_share_borderline_flipped(*, flip: str = "borderline", first_year: int = 2010) -> float:
    """The agenda-setting share from ``first_year`` to 2019 after flipping the mode of the borderline rows.

    ``flip`` is "borderline" (the question), "none" or "all" (every row flipped).
    """
    events = _events_1991_2019().copy()
    flipped = {"borderline": events["event_id"].isin(list(BORDERLINE_EVENTS)), "none": False, "all": True}[flip]
    flipped = pd.Series(flipped, index=events.index)
    events.loc[flipped, "mode"] = events.loc[flipped, "mode"].map(
        {"agenda_setting": "balancing", "balancing": "agenda_setting"})
    later = events[events["year"] >= first_year]
    return float((later["mode"] == "agenda_setting").mean())


def _agenda_share_2010s_borderline_flipped() -> float:
    return _agenda_share_borderline_flipped()


register(
    NumberQuestion(
        id="01.1",
        level="reproduce",
        prompt="Share of agenda-setting events among 1991-2019 events with vector russia, china or west",
        expected=_great_power_agenda_share,
        rel_tol=1e-3,
        decimals=3,
        mistakes={
            "that share is over every event of 1991-2019: keep the vectors 'russia', 'china' and 'west' first.":
                lambda: _great_power_agenda_share(great_powers_only=False),
            "that is the share of balancing events; the question asks for agenda_setting.":
                lambda: _great_power_agenda_share(mode="balancing"),
        },
        hint="Filter the vectors with isin(...) first; a share is the mean of a True/False column.",
    ),
    ValueQuestion(
        id="01.2",
        level="transfer",
        prompt="Number of hosted summits (category hosted_summit) in 2010-2019",
        expected=_hosted_summits_2010s,
        mistakes={
            "that counts the hosted summits of every year: keep 2010 to 2019 only.":
                lambda: _hosted_summits(first_year=1991),
            "that counts every event of 2010-2019: keep the category 'hosted_summit' only.":
                lambda: _hosted_summits(category=None),
        },
        hint="Two conditions joined with &: the category and the years (both ends included).",
    ),
    TableQuestion(
        id="01.3",
        level="reproduce",
        prompt="Number of events per vector, 1991-2019 (a Series indexed by vector)",
        expected=_events_per_vector,
        ignore_row_order=True,
        hint="One line: value_counts() on the vector column of the 1991-2019 events.",
    ),
    ChoiceQuestion(
        id="01.4",
        level="transfer",
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
        level="transfer",
        prompt="Agenda-setting share in 2010-2019 after flipping the mode of every borderline row",
        expected=_agenda_share_2010s_borderline_flipped,
        rel_tol=1e-3,
        decimals=3,
        mistakes={
            "that is the share before flipping: flip the mode of the borderline rows first.":
                lambda: _agenda_share_borderline_flipped(flip="none"),
            "that flips every row: flip only the rows whose event_id is in BORDERLINE_EVENTS.":
                lambda: _agenda_share_borderline_flipped(flip="all"),
            "that share is over all of 1991-2019: after flipping, keep 2010-2019 only.":
                lambda: _agenda_share_borderline_flipped(first_year=1991),
        },
        hint="Flip on a copy, only in the borderline rows, then take the share in 2010-2019.",
    ),
    TextQuestion(
        id="01.6",
        level="interpret",
        prompt="Does the 1991-2019 event record support the claim of equidistance between Russia, China and the West?",
        min_words=25,
        solution_notebook=LESSON_01,
    ),
    FigureQuestion(
        id="01.7",
        level="extend",
        prompt="Events per vector, 1991–2019, split by mode",
    ),
)
