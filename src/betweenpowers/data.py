"""Load the series' data tables as validated DataFrames.

Each table in ``data/`` has a loader here (``load_unga_votes()``, ``load_trade_dots()``, ...). A loader

* finds the file through ``data/datapackage.json`` (the Frictionless descriptor written by
  :mod:`betweenpowers_tools.build_data`),
* checks its sha256, so a damaged or edited file is caught,
* reads it with the column types its schema declares, and checks columns, required values, allowed values and
  the primary key,
* returns a fresh copy: changing the DataFrame in a notebook never changes the file or the next load.

Problems raise :class:`DataError`, whose message names the file and what to do. In a notebook it is shown as
that message alone, without a traceback.
"""

from __future__ import annotations

import hashlib
import json
import os
from functools import lru_cache
from pathlib import Path

import pandas as pd

#: Environment variable that points the loaders at another data folder (used by tests).
DATA_DIR_ENV = "BETWEENPOWERS_DATA"

_PANDAS_TYPES = {
    "string": "string",
    "integer": "Int64",
    "number": "float64",
    "boolean": "boolean",
}


class DataError(Exception):
    """A data table is missing, damaged or does not match its schema."""

    def _render_traceback_(self) -> list[str]:  # IPython shows this instead of a traceback
        return [f"DataError: {self}"]


def data_dir() -> Path:
    """The folder holding the tables: ``$BETWEENPOWERS_DATA`` if set, else ``data/`` of this repository."""
    override = os.environ.get(DATA_DIR_ENV)
    if override:
        return Path(override)
    return Path(__file__).resolve().parents[2] / "data"


@lru_cache(maxsize=4)
def _descriptor(folder: Path) -> dict:
    path = folder / "datapackage.json"
    if not path.exists():
        raise DataError(f"{path} is missing. The data folder should come with the repository; restore it with "
                        "`git checkout -- data/` or download the repository again.")
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        raise DataError(f"{path} could not be read ({error}). Restore it with `git checkout -- data/`.") from None


def table_names() -> list[str]:
    """Names of every table described in ``data/datapackage.json``."""
    return [r["name"] for r in _descriptor(data_dir())["resources"]]


def resource(name: str) -> dict:
    """The datapackage.json entry of one table (schema, sources, licences, hash)."""
    for entry in _descriptor(data_dir())["resources"]:
        if entry["name"] == name:
            return entry
    raise DataError(f"There is no table called {name!r}. Tables: {', '.join(table_names())}.")


def _read_checked(path: Path, entry: dict) -> pd.DataFrame:
    if not path.exists():
        raise DataError(f"Data file {path} is missing. Restore it with `git checkout -- data/` "
                        "(or rebuild it with `python -m betweenpowers_tools.build_data`).")
    content = path.read_bytes()
    expected = entry.get("hash", "").removeprefix("sha256:")
    if not expected:
        raise DataError(f"data/datapackage.json gives no sha256 for {path}; rebuild it with "
                        "`python -m betweenpowers_tools.build_data`.")
    if hashlib.sha256(content).hexdigest() != expected:
        raise DataError(f"Data file {path} has been changed or damaged: its sha256 differs from "
                        "data/datapackage.json. Restore it with `git checkout -- data/`.")
    fields = entry["schema"]["fields"]
    dtypes = {f["name"]: _PANDAS_TYPES[f["type"]] for f in fields if f["type"] in _PANDAS_TYPES}
    dates = [f["name"] for f in fields if f["type"] == "date"]
    try:
        frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""],
                            true_values=["true"], false_values=["false"])
    except (ValueError, pd.errors.ParserError) as error:
        raise DataError(f"Data file {path} could not be read as its schema says ({error}).") from None
    for column in dates:
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d", errors="coerce")
    return frame


def validate(frame: pd.DataFrame, entry: dict, label: str) -> None:
    """Check a table against its schema; raise :class:`DataError` naming ``label`` on the first problem."""
    fields = entry["schema"]["fields"]
    names = [f["name"] for f in fields]
    if list(frame.columns) != names:
        raise DataError(f"{label}: columns {list(frame.columns)} differ from the schema {names}.")
    for f in fields:
        column = frame[f["name"]]
        constraints = f.get("constraints", {})
        if constraints.get("required") and column.isna().any():
            raise DataError(f"{label}: column {f['name']!r} has {int(column.isna().sum())} empty values.")
        allowed = constraints.get("enum")
        if allowed is not None:
            bad = set(column.dropna().unique()) - set(allowed)
            if bad:
                raise DataError(f"{label}: column {f['name']!r} has values outside {allowed}: {sorted(bad)[:5]}")
    key = entry["schema"].get("primaryKey")
    if key and frame.duplicated(subset=key).any():
        raise DataError(f"{label}: rows repeat the primary key {key}.")


@lru_cache(maxsize=32)
def _load_cached(folder: Path, name: str) -> pd.DataFrame:
    entry = resource(name)
    path = folder / entry["path"]
    frame = _read_checked(path, entry)
    validate(frame, entry, str(path))
    return frame


def load_table(name: str) -> pd.DataFrame:
    """Load one table by name as a validated DataFrame (a fresh copy each call)."""
    return _load_cached(data_dir(), name).copy()


def clear_cache() -> None:
    """Forget loaded tables (after a rebuild, or when ``$BETWEENPOWERS_DATA`` changes)."""
    _load_cached.cache_clear()
    _descriptor.cache_clear()


def source_line(*tables: str, sources: tuple[str, ...] = (), note: str = "") -> str:
    """The credit line at the foot of a figure, made from the data package: the only place source lines are written.

    Each table's sources give their short ``credit`` (with vintage) from ``data/datapackage.json``; a source shared
    by several tables is named once, in the order first met. ``sources`` keeps only the sources of those names (for
    a figure that draws some columns of a table with several sources); ``note``, if given, follows (under a figure,
say how it was derived, e.g. "Own calculation.")::

        source_line("trade_dots")  # 'Source: IMF Direction of Trade Statistics (DOTS), annual, vintage of early 2022.'
        source_line("macro_kaz_annual", sources=("wdi", "eia"), note="Own calculation.")
        # 'Sources: World Bank WDI; US EIA (Brent spot price). Own calculation.'
    """
    if not tables:
        raise ValueError("source_line needs at least one table name.")
    available = {source["name"]: source["credit"] for name in tables for source in resource(name)["sources"]}
    unknown = sorted(set(sources) - set(available))
    if unknown:
        raise ValueError(f"{', '.join(tables)} have no source {', '.join(unknown)}; they have {', '.join(available)}.")
    credits = [credit for key, credit in available.items() if not sources or key in sources]
    label = "Source" if len(credits) == 1 else "Sources"
    return f"{label}: {'; '.join(credits)}." + (f" {note}" if note else "")


#: How every source line begins (:func:`source_line`, :func:`own_source_line`), for code that must recognise one.
SOURCE_PREFIXES: tuple[str, ...] = ("Source:", "Sources:")


def own_source_line(what: str) -> str:
    """The credit line of a figure drawn from something other than the data package, such as a class's verdict
    sheets (lesson 08): ``own_source_line("the class's verdict sheets")`` gives ``"Source: the class's verdict
    sheets."``."""
    return f"Source: {what.rstrip('.')}."


# One loader per table. Each docstring says what a row is.
def load_unga_roll_calls() -> pd.DataFrame:
    """UN General Assembly roll calls 1992-2025: one row per recorded vote (date, symbol, issues, totals)."""
    return load_table("unga_roll_calls")


def load_unga_votes() -> pd.DataFrame:
    """Votes of Kazakhstan and 19 reference countries: one row per roll call and country."""
    return load_table("unga_votes")


def load_unga_agreement_yearly() -> pd.DataFrame:
    """Yearly vote agreement of every country with USA, RUS, CHN and KAZ, under three abstention rules."""
    return load_table("unga_agreement_yearly")


def load_unga_voeten_agreement() -> pd.DataFrame:
    """Voeten's agreement scores with six reference states and ideal points, by session (47-78)."""
    return load_table("unga_voeten_agreement")


def load_unga_ideal_points() -> pd.DataFrame:
    """Ideal points of every country by year, 1991-2025, in three vintages (never mix them)."""
    return load_table("unga_ideal_points")


def load_unga_key_votes_ukraine() -> pd.DataFrame:
    """Key UN General Assembly votes on Ukraine 2014-2025 (to 24 February 2025): one row per resolution and country.

    The 2014 and March 2022 resolutions list all members; later rows were read on news pages for Kazakhstan and nine
    reference countries (Kazakhstan's votes of 24 February 2025 are not in the table).
    """
    return load_table("unga_key_votes_ukraine")


def load_unga_resolutions() -> pd.DataFrame:
    """UN General Assembly resolutions adopted from October 2019 to June 2026: one row per resolution (date,
    session, committee, title, subjects, recorded vote or not, number of main and additional sponsors).

    2019 starts on 10 October and 2026 ends on 4 June; there is no earlier year in this source.
    """
    return load_table("unga_resolutions")


def load_unga_sponsorship() -> pd.DataFrame:
    """Who sponsored each UN General Assembly resolution, October 2019 to June 2026: one row per resolution and
    sponsoring state, with its role (main: named on the draft; additional: joined later) and whether it acted on
    behalf of a group.

    Main sponsors are listed alphabetically in the source (order is not leadership); a group's sponsorship counts
    only the state that spoke for it.
    """
    return load_table("unga_sponsorship")


def load_unga_sponsorship_yearly() -> pd.DataFrame:
    """Resolutions sponsored per state and year, 2019-2026: one row per state (every UN member, and the observer
    State of Palestine) and calendar year, with main, additional and total counts (zero where none: the median
    member can be taken over all members)."""
    return load_table("unga_sponsorship_yearly")


def load_unga_speeches() -> pd.DataFrame:
    """UN General Debate speeches 1992-2025 of Kazakhstan and seven comparison states: one row per country and year,
    with speaker, post, word count and the full text.

    1992-2024 come from the UN General Debate Corpus; the 2025 texts (``raw_pdf_text`` True) were extracted from PDF
    files: they keep broken words, Russia's is in Russian, and their lengths are not comparable with earlier years.
    """
    return load_table("unga_speeches")


def load_trade_dots() -> pd.DataFrame:
    """Kazakhstan's trade by partner 1992-2020 (IMF DOTS), reported and mirror, million US$."""
    return load_table("trade_dots")


def load_trade_bns() -> pd.DataFrame:
    """Kazakhstan's trade by partner 2020-2025 in its own statistics (BNS), million US$, with a World row."""
    return load_table("trade_bns")


def load_trade_by_partner(overlap: bool = False) -> pd.DataFrame:
    """Kazakhstan's trade by partner 1992-2025: IMF DOTS to 2020, BNS from 2021, with a column ``table``.

    The rule and the columns are :func:`betweenpowers.measures.trade.join_trade_tables`'s; ``overlap=True`` keeps
    BNS's 2020 as well, to compare the two sources in the year they share.
    """
    from betweenpowers.measures.trade import join_trade_tables  # measures never read tables; the loader joins

    return join_trade_tables(load_trade_dots(), load_trade_bns(), overlap=overlap)


def load_trade_page_figures() -> pd.DataFrame:
    """Partner trade figures 2021-2025 read on web pages, with reporter side and source URL."""
    return load_table("trade_page_figures")


def load_fdi_page_figures() -> pd.DataFrame:
    """FDI figures read on web pages (gross inflow, net inflow, stock, cumulative)."""
    return load_table("fdi_page_figures")


def load_arms_transfers_sipri() -> pd.DataFrame:
    """Arms transfers to and from Kazakhstan 1995-2021, SIPRI trend-indicator values."""
    return load_table("arms_transfers_sipri")


def load_macro_kaz_annual() -> pd.DataFrame:
    """Kazakhstan by year: GDP (WDI, WEO), population, Brent price, trade totals (BNS)."""
    return load_table("macro_kaz_annual")


def load_macro_monthly() -> pd.DataFrame:
    """Brent price by month and Kazakhstan's monthly export and import totals."""
    return load_table("macro_monthly")


def load_fdi_net_inflow_quarterly() -> pd.DataFrame:
    """Net FDI inflow by quarter (National Bank of Kazakhstan), million US$."""
    return load_table("fdi_net_inflow_quarterly")


def load_world_gdp_population() -> pd.DataFrame:
    """GDP and population of every country and the world, 1990-2024 (World Bank)."""
    return load_table("world_gdp_population")


def load_diplomatic_events() -> pd.DataFrame:
    """Kazakhstan's diplomatic events 1991-2025, coded as balancing or agenda-setting."""
    return load_table("diplomatic_events")
