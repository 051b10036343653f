"""The one registry of the series' explorers: for each explorer, its lesson, the tables it reads and its builder.

A lesson calls its explorer with the tables it has loaded (``votes_explorer(table)`` in lesson 03); this registry
says, once, which function that is, which tables feed it and how they become its arguments. Everything else that
builds an explorer reads it: the control sweeps and the check that each lesson calls the builder registered for it
(tests/unit/test_explorers.py), and the benchmark script; lesson 08's entry takes its tables from the capstone's
``CLAIM_TABLES``. ::

    from betweenpowers.explorers import LESSON_EXPLORERS, REGISTRY, build_explorer
    REGISTRY["votes_explorer"].tables           # ('unga_votes', 'unga_roll_calls')
    LESSON_EXPLORERS["05_balance_to_initiative"]  # its explorers, in the order the lesson calls them
    build_explorer("votes_explorer")            # the explorer as the lesson shows it

A lesson may have several explorers, each registered once, keyed by the name the lesson calls. To add one, add one
:class:`Explorer` to ``_ALL``. :data:`EXPLORERS` (lesson -> its first explorer) is kept for notebooks that read a
lesson's tables from it (``EXPLORERS["08_capstone"].arguments()``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import ipywidgets
import pandas as pd

from betweenpowers import data
from betweenpowers.measures.claims import CLAIM_TABLES
from betweenpowers.measures.issues import agreement_table
from betweenpowers.measures.scorecard import DIMENSION_TABLES
from betweenpowers.measures.speeches import theme_rates
from betweenpowers.measures.trade import REPORTED_TABLES, join_trade_tables
from betweenpowers.widgets.agreement import agreement_explorer, agreement_figure
from betweenpowers.widgets.claims import claim_figure, claims_explorer
from betweenpowers.widgets.eras import eras_explorer, eras_figure
from betweenpowers.widgets.events import events_explorer, events_figure
from betweenpowers.widgets.exposure import ANNUAL_TABLES, exposure_explorer, exposure_figure
from betweenpowers.widgets.neighbours import neighbours_explorer, neighbours_figure
from betweenpowers.widgets.scorecard import scorecard_explorer, scorecard_figure
from betweenpowers.widgets.speeches import speeches_explorer, speeches_figure
from betweenpowers.widgets.sponsorship import sponsorship_explorer, sponsorship_figure
from betweenpowers.widgets.trade import trade_explorer, trade_figure
from betweenpowers.widgets.votes import COMPARISON_COUNTRIES, VOTES_TABLES, votes_explorer, votes_figure


def _as_given(*tables: pd.DataFrame) -> tuple:
    """The loaded tables are the builder's arguments, in order."""
    return tables


def _votes_by_issue(votes: pd.DataFrame, roll_calls: pd.DataFrame) -> tuple:
    """Lesson 03 builds the long agreement table (country, partner, issue, rule, year) from votes and roll calls."""
    return (agreement_table(votes, roll_calls, COMPARISON_COUNTRIES),)


def _trade_by_partner(dots: pd.DataFrame, bns: pd.DataFrame) -> tuple:
    """Lesson 02 joins IMF DOTS and the BNS partner table into one series 1992-2025 (``load_trade_by_partner``)."""
    return (join_trade_tables(dots, bns),)


def _neighbours_tables(dots: pd.DataFrame, bns: pd.DataFrame, agreement: pd.DataFrame, events: pd.DataFrame
                       ) -> tuple:
    """Lesson 06 reads trade to 2025 (IMF DOTS joined to BNS), the yearly agreement and the events."""
    return (join_trade_tables(dots, bns), agreement, events)


def _speech_theme_rates(speeches: pd.DataFrame) -> tuple:
    """Lesson 05 counts its theme dictionary in the speeches (``theme_rates(speeches, my_themes)``); the registry
    uses the package's dictionary."""
    return (theme_rates(speeches),)


def _claims_tables(*tables: pd.DataFrame) -> tuple:
    """The capstone passes its tables as one dict keyed as :data:`~betweenpowers.measures.claims.CLAIM_TABLES`."""
    return (dict(zip(CLAIM_TABLES, tables, strict=True)),)


@dataclass(frozen=True)
class Explorer:
    """One explorer: the lesson (notebook name) that shows it, the tables it reads, how they become arguments, the
    builder.

    ``figure`` is the function the explorer redraws with (the benchmark times it).
    """

    lesson: str
    tables: tuple[str, ...]
    builder: Callable[..., ipywidgets.VBox]
    figure: Callable
    prepare: Callable[..., tuple] = _as_given

    @property
    def call_name(self) -> str:
        """The name the lesson calls, e.g. ``"votes_explorer"``."""
        return self.builder.__name__

    def arguments(self) -> tuple:
        """Load the tables and turn them into the builder's arguments."""
        return self.prepare(*(data.load_table(name) for name in self.tables))

    def build(self) -> ipywidgets.VBox:
        """The explorer as the lesson shows it, with freshly loaded tables."""
        return self.builder(*self.arguments())


_ALL: tuple[Explorer, ...] = (
    Explorer("00_start_here", ("unga_agreement_yearly",), agreement_explorer, agreement_figure),
    Explorer("01_multivector_doctrine", ("diplomatic_events",), events_explorer, events_figure),
    Explorer("02_trade_vectors", tuple(REPORTED_TABLES), trade_explorer, trade_figure, _trade_by_partner),
    Explorer("03_voting_vectors", VOTES_TABLES, votes_explorer, votes_figure, _votes_by_issue),
    Explorer("04_security_investment", tuple(DIMENSION_TABLES.values()), scorecard_explorer, scorecard_figure),
    Explorer("05_balance_to_initiative", ("diplomatic_events",), eras_explorer, eras_figure),
    Explorer("05_balance_to_initiative", ("unga_sponsorship_yearly",), sponsorship_explorer, sponsorship_figure),
    Explorer("05_balance_to_initiative", ("unga_speeches",), speeches_explorer, speeches_figure, _speech_theme_rates),
    Explorer("06_neighbours_corridors", (*REPORTED_TABLES, "unga_agreement_yearly", "diplomatic_events"),
             neighbours_explorer, neighbours_figure, _neighbours_tables),
    Explorer("07_fragile_foundations", ANNUAL_TABLES, exposure_explorer, exposure_figure),
    Explorer("08_capstone", tuple(CLAIM_TABLES.values()), claims_explorer, claim_figure, _claims_tables),
)

#: Builder name (what a lesson calls, e.g. ``"votes_explorer"``) -> its explorer.
REGISTRY: dict[str, Explorer] = {explorer.call_name: explorer for explorer in _ALL}

#: Lesson (notebook name without ``.ipynb``) -> its explorers, in the order the lesson calls them.
LESSON_EXPLORERS: dict[str, tuple[Explorer, ...]] = {
    lesson: tuple(explorer for explorer in _ALL if explorer.lesson == lesson)
    for lesson in dict.fromkeys(explorer.lesson for explorer in _ALL)
}

#: Lesson -> its first explorer (kept for notebooks that read a lesson's tables through it).
EXPLORERS: dict[str, Explorer] = {lesson: explorers[0] for lesson, explorers in LESSON_EXPLORERS.items()}


def build_explorer(name: str) -> ipywidgets.VBox:
    """Build an explorer from the shipped tables: ``name`` is its builder's name (``"votes_explorer"``), or a lesson
    with a single explorer."""
    if name in REGISTRY:
        return REGISTRY[name].build()
    explorers = LESSON_EXPLORERS.get(name, ())
    if len(explorers) == 1:
        return explorers[0].build()
    if explorers:
        raise ValueError(f"{name} has {len(explorers)} explorers: name one of "
                         f"{', '.join(e.call_name for e in explorers)}.")
    raise ValueError(f"No explorer {name!r}. Explorers: {', '.join(REGISTRY)}; lessons with one: "
                     f"{', '.join(LESSON_EXPLORERS)}.")
