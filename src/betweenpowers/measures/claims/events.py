"""Claims judged on the events table: C01 (the Secretary-General's visit), C02 (the 2025 UN speech), C06 (the
Consultative Meetings), C08 (the Almaty talks) and C15 (the UN profile).

Each rule takes the ``tables`` dict (keys of :data:`~betweenpowers.measures.claims.CLAIM_TABLES`) and a choice of
:data:`~betweenpowers.measures.claims.CLAIM_CHOICES`, and returns a
:class:`~betweenpowers.measures.claims.ClaimEvidence`.
"""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from betweenpowers.measures.claims.evidence import ClaimEvidence, evidence, need_table, table_source
from betweenpowers.measures.claims.helpers import city_in_title, per_year_by_era
from betweenpowers.measures.events import event_timestamps

_ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")


def _source() -> str:
    return table_source("events", note="Own coding and calculation.")


def event_dots(events: pd.DataFrame, y: pd.Series, highlight: pd.Series) -> pd.DataFrame:
    """Rows of a dot chart of events: x (timestamp), y (category), label (event id and date), highlight."""
    return pd.DataFrame({
        "x": event_timestamps(events["date"]),
        "y": y.astype(str),
        "label": (events["event_id"] + " " + events["date"]).astype(str),
        "highlight": highlight.astype(bool),
    }).reset_index(drop=True)


def c01(tables: Mapping[str, pd.DataFrame], choice: str) -> ClaimEvidence:
    """C01: the Secretary-General's visits, matched on the article's date or its city.

    Rule: a visit matching one of the two (date or city) but not the other = partly supported.
    """
    events = need_table(tables, "events")
    visits = events[events["title"].str.contains("Guterres|Secretary-General", regex=True)]
    city = city_in_title(visits["title"])
    if choice == "date":
        match = visits["date"].str.startswith("2025-08")
    else:
        match = city == "Astana"
    rows = event_dots(visits, city.where(city != "", "(no city named)"), match)
    found = visits[match.to_numpy()]
    if found.empty:
        verdict, reasoning = "not testable with this data", "The events table has no visit that matches."
    else:
        first = found.iloc[0]
        where = city_in_title(found["title"]).iloc[0]
        if choice == "date":
            reasoning = (f"The one visit in August 2025 is {first['event_id']} ({first['date']}), in {where}, not "
                         "Astana: the visit happened, the city is wrong.")
        else:
            reasoning = (f"The Secretary-General's meeting in Astana is {first['event_id']} ({first['date']}), "
                         "a year before the date the article gives: the city fits, the date does not.")
        verdict = "partly supported"
    return evidence(rows, "C01", choice, "dots", verdict, reasoning,
                    title="C01: the UN Secretary-General's visits in the events table",
                    xlabel="Date of the event", ylabel="City named in the event", source=_source())


def _un_rows(events: pd.DataFrame, choice: str) -> pd.DataFrame:
    """UN initiatives, or (choice ``speeches``) only the speeches at the General Assembly."""
    un = events[events["category"] == "un_initiative"]
    if choice == "speeches":
        speech = un["title"].str.contains("UNGA|General Assembly", regex=True) & ~un["title"].str.startswith("UNGA")
        un = un[speech]
    return un


def c02(tables: Mapping[str, pd.DataFrame], choice: str) -> ClaimEvidence:
    """C02: is the 2025 speech a departure? Rule: agenda-setting while no earlier appearance is = supported;
    agenda-setting like earlier ones = partly supported."""
    events = need_table(tables, "events")
    un = _un_rows(events, choice)
    is_2025_speech = un["date"].str.startswith("2025-09")
    mode = un["mode"].map({"agenda_setting": "agenda-setting", "balancing": "balancing"})
    rows = event_dots(un, mode, is_2025_speech)
    speech = un[is_2025_speech.to_numpy()]
    what = "speeches at the General Assembly" if choice == "speeches" else "UN initiatives"
    if speech.empty:
        verdict, reasoning = "not testable with this data", "The 2025 speech is not in the events table."
    else:
        earlier = un[un["date"] < speech["date"].iloc[0]]
        n_agenda = int((earlier["mode"] == "agenda_setting").sum())
        coded = "agenda-setting" if speech["mode"].iloc[0] == "agenda_setting" else "balancing"
        if n_agenda == 0:
            verdict = "supported"
            reasoning = f"The 2025 speech is coded {coded}, and none of the {len(earlier)} earlier {what} is."
        else:
            verdict = "partly supported"
            reasoning = (f"The 2025 speech ({speech['event_id'].iloc[0]}) is coded {coded}, but so are {n_agenda} of "
                         f"the {len(earlier)} earlier {what}, the first in {int(earlier['year'].min())}: "
                         "agenda-setting at the UN is a pattern, not a departure.")
    return evidence(rows, "C02", choice, "dots", verdict, reasoning,
                    title=f"C02: Kazakhstan's {what}, by how the table codes them",
                    xlabel="Event and month, in date order", ylabel="Mode in the events table", source=_source(),
                    x_categorical=True, y_order=("balancing", "agenda-setting"))


def c06(tables: Mapping[str, pd.DataFrame], choice: str) -> ClaimEvidence:
    """C06: the Central Asian Consultative Meetings. Rule: any meeting that counts under the choice (hosted, or
    initiated) = supported; none = contradicted (hosting) or not testable (initiating)."""
    events = need_table(tables, "events")
    meetings = events[events["title"].str.contains("Consultative Meeting")]
    if choice == "hosting":
        counts = meetings["mode"] == "agenda_setting"
    else:
        counts = meetings["category"].isin(["initiated_forum", "un_initiative"])
    category = meetings["category"].str.replace("_", " ")
    rows = event_dots(meetings, category, counts)
    n = int(counts.sum())
    latest = meetings.sort_values("date").iloc[-1] if len(meetings) else None
    ordinal = "" if latest is None else latest["title"].split(" ")[0].lower()
    regular = (f"; the {latest['year']} meeting is the {ordinal} in {latest['year'] - meetings['year'].min() + 1} "
               "years, so the format is regular") if ordinal in _ORDINALS else ""
    if choice == "hosting":
        verdict = "supported" if n else "contradicted"
        reasoning = (f"{n} of the {len(meetings)} Consultative Meetings in the table were held in Kazakhstan and "
                     "count as agenda-setting under the table's rule (hosting), among them the first ("
                     f"{meetings['date'].min()}){regular}.")
    else:
        verdict = "supported" if n else "not testable with this data"
        reasoning = (f"{n} of the {len(meetings)} meetings is coded as an initiative of Kazakhstan (categories "
                     "'initiated forum' or 'UN initiative'): the table records hosting, not who proposed the "
                     "format. That needs a source on the proposal itself.")
    return evidence(rows, "C06", choice, "dots", verdict, reasoning,
                    title="C06: Central Asian Consultative Meetings in the events table",
                    xlabel="Date of the event", ylabel="Category in the events table", source=_source(),
                    y_order=("hosted summit", "initiated forum", "un initiative"))


def c08(tables: Mapping[str, pd.DataFrame], choice: str) -> ClaimEvidence:
    """C08: the Armenia-Azerbaijan talks in Almaty. Rule: the talks in the table = supported (hosting); that they
    led to the declaration is not testable with event data (causal)."""
    events = need_table(tables, "events")
    mediation = events[events["category"] == "mediation"]
    armenia_azerbaijan = mediation["partners"].str.contains("ARM") & mediation["partners"].str.contains("AZE")
    city = city_in_title(mediation["title"])
    rows = event_dots(mediation, city.where(city != "", "(no city named)"), armenia_azerbaijan)
    talks = mediation[armenia_azerbaijan.to_numpy()]
    if talks.empty:
        verdict, reasoning = "not testable with this data", "No Armenia-Azerbaijan talks in the events table."
    elif choice == "hosting":
        verdict = "supported"
        reasoning = (f"{talks['event_id'].iloc[0]} ({talks['date'].iloc[0]}): {talks['title'].iloc[0]}. One of "
                     f"{len(mediation)} mediation events in the table.")
    else:
        verdict = "not testable with this data"
        reasoning = ("The table records the Almaty talks but not the later declaration, and no table can show that "
                     "one meeting led to another. That needs the record of the negotiating rounds between them.")
    return evidence(rows, "C08", choice, "dots", verdict, reasoning,
                    title="C08: mediation events in the events table, by city",
                    xlabel="Date of the event", ylabel="City named in the event", source=_source())


def c15(tables: Mapping[str, pd.DataFrame], choice: str) -> ClaimEvidence:
    """C15: events per year before and from an era boundary (the choice). Always not testable: activity is not
    profile, and the data have no measure of attention."""
    events = need_table(tables, "events")
    boundary = int(choice)
    first, last = int(events["year"].min()), int(events["year"].max())
    un = per_year_by_era(events.loc[events["category"] == "un_initiative", "year"], boundary, first, last)
    agenda = per_year_by_era(events.loc[events["mode"] == "agenda_setting", "year"], boundary, first, last)
    labels = [f"UN initiatives, {era}" for era in un.index] + [f"all agenda-setting, {era}" for era in agenda.index]
    bars = pd.DataFrame({"value": list(un["per_year"]) + list(agenda["per_year"]),
                         "group": ["global", "global", "Kazakhstan", "Kazakhstan"]},
                        index=pd.Index(labels, name="events"))
    reasoning = (f"UN initiatives in the events table: {un['per_year'].iloc[0]:.2f} a year before {boundary}, "
                 f"{un['per_year'].iloc[1]:.2f} a year from {boundary} on. Activity is not profile: 'raised "
                 "Central Asia's profile' needs a measure of attention, such as UN resolutions, meetings or "
                 "offices on Central Asia over time, which the course data do not have.")
    return evidence(bars, "C15", choice, "barh", "not testable with this data", reasoning,
                    title=f"C15: events per year before and from {boundary}",
                    xlabel="Events per year (events in the era / years in the era)", ylabel="Events, era",
                    source=_source(), digits=2)


#: Claim id -> its rule.
RULES = {"C01": c01, "C02": c02, "C06": c06, "C08": c08, "C15": c15}
