"""Build the derived tables in ``data/`` from the raw public extracts.

Run from the repository root::

    python -m betweenpowers_tools.build_data                      # reads ../shared/data-raw, writes data/
    python -m betweenpowers_tools.build_data --raw DIR --out DIR  # other folders

Every table is written as UTF-8 CSV with ``\\n`` line endings, rows in a fixed order and rounded numbers, so a
rebuild gives byte-identical files. ``data/datapackage.json`` (a Frictionless Data Package) describes each
table: its schema, the original public source, the licence, how it was derived, and its sha256.
Students never need this package: the lessons read ``data/`` only.

The package holds:

* ``datapackage.yaml``: the tables' metadata, edited by hand, read and checked by :mod:`.metadata`;
* the builders, one module per source, each a pure function from the raw folder to a DataFrame:
  :mod:`.unga` (UN votes, agreement, ideal points), :mod:`.sponsorship` (UN resolutions and their sponsors, with
  the alias table ``sponsor_aliases.csv``), :mod:`.speeches` (UN General Debate speeches), :mod:`.trade` (IMF DOTS,
  BNS partner table, page figures), :mod:`.investment` (FDI pages, NBK quarterly), :mod:`.arms` (SIPRI),
  :mod:`.macro` (WDI, WEO, EIA, BNS), :mod:`.events`; :mod:`.rawfiles` reads the raw files for them;
* :mod:`.descriptor`: the CSV bytes and ``datapackage.json``;
* here: :func:`build_all` (every builder, then each table checked against its schema) and :func:`main`.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from betweenpowers.data import validate
from betweenpowers_tools.build_data import arms, events, investment, macro, speeches, sponsorship, trade, unga
from betweenpowers_tools.build_data.descriptor import write_all as _write_all
from betweenpowers_tools.build_data.metadata import Metadata, Table, load_metadata, load_tables

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_RAW = REPO_ROOT.parent / "shared" / "data-raw"
DEFAULT_OUT = REPO_ROOT / "data"

__all__ = ["DEFAULT_OUT", "DEFAULT_RAW", "build_all", "conform", "load_metadata", "load_tables", "main", "write_all"]


def _build_every_table(raw: Path) -> dict[str, pd.DataFrame]:
    """Run every builder. The UN votes, and the sponsors, are read once and shared by the tables made from them."""
    roll_calls = unga.build_unga_roll_calls(raw)
    votes = unga.all_votes_long(raw)
    sponsors = sponsorship.build_unga_sponsorship(raw)
    resolutions = sponsorship.build_unga_resolutions(raw, sponsors)
    return {
        "unga_roll_calls": roll_calls,
        "unga_votes": unga.build_unga_votes(votes, roll_calls),
        "unga_agreement_yearly": unga.build_unga_agreement_yearly(votes, roll_calls),
        "unga_voeten_agreement": unga.build_unga_voeten_agreement(raw),
        "unga_ideal_points": unga.build_unga_ideal_points(raw),
        "unga_key_votes_ukraine": unga.build_unga_key_votes_ukraine(raw, roll_calls),
        "unga_resolutions": resolutions,
        "unga_sponsorship": sponsors,
        "unga_sponsorship_yearly": sponsorship.build_unga_sponsorship_yearly(raw, sponsors, resolutions),
        "unga_speeches": speeches.build_unga_speeches(raw),
        "trade_dots": trade.build_trade_dots(raw),
        "trade_bns": trade.build_trade_bns(raw),
        "trade_page_figures": trade.build_trade_page_figures(raw),
        "fdi_page_figures": investment.build_fdi_page_figures(raw),
        "arms_transfers_sipri": arms.build_arms_transfers_sipri(raw),
        "macro_kaz_annual": macro.build_macro_kaz_annual(raw),
        "macro_monthly": macro.build_macro_monthly(raw),
        "fdi_net_inflow_quarterly": investment.build_fdi_net_inflow_quarterly(raw),
        "world_gdp_population": macro.build_world_gdp_population(raw),
        "diplomatic_events": events.build_diplomatic_events(raw),
    }


def conform(frame: pd.DataFrame, table: Table) -> pd.DataFrame:
    """The built ``frame`` with its columns in the schema's order, checked against the schema.

    Raises RuntimeError if the builder made other columns than the schema lists, and
    :class:`betweenpowers.data.DataError` if a value breaks a constraint (required, enum, primary key).
    """
    if set(frame.columns) != set(table.columns) or len(frame.columns) != len(table.columns):
        raise RuntimeError(f"{table.name}: columns {list(frame.columns)} differ from the schema {table.columns}")
    frame = frame[table.columns]
    validate(frame, {"schema": table.schema()}, f"built table {table.name}")
    return frame


def build_all(raw: Path) -> dict[str, pd.DataFrame]:
    """Build every table from the raw folder. Returns {table name: DataFrame}, in the order of datapackage.yaml.

    Every table is checked against its schema before anything is written.
    """
    tables = load_tables()  # first, so that a malformed datapackage.yaml stops the build at once
    built = _build_every_table(raw)
    if set(built) != set(tables):
        raise RuntimeError(f"Tables without a builder: {sorted(set(tables) - set(built))}; builders without "
                           f"metadata in datapackage.yaml: {sorted(set(built) - set(tables))}")
    return {name: conform(built[name], table) for name, table in tables.items()}


def write_all(tables: dict[str, pd.DataFrame], out_dir: Path, metadata: Metadata | None = None) -> list[Path]:
    """Write every table and ``datapackage.json`` into ``out_dir`` (metadata: datapackage.yaml). Returns the paths."""
    return _write_all(tables, out_dir, metadata or load_metadata())


def main(argv: list[str] | None = None) -> int:
    """The command line: build every table from ``--raw`` and write them into ``--out``. Returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m betweenpowers_tools.build_data",
                                     description=__doc__.splitlines()[0])
    parser.add_argument("--raw", type=Path, default=DEFAULT_RAW, help=f"raw data folder (default {DEFAULT_RAW})")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"output folder (default {DEFAULT_OUT})")
    args = parser.parse_args(argv)
    if not args.raw.is_dir():
        print(f"Raw data folder not found: {args.raw}. Pass --raw DIR (the folder with the PROVENANCE.md "
              "files).", file=sys.stderr)
        return 2
    try:
        tables = build_all(args.raw)
    except FileNotFoundError as error:
        print(f"{error}. Pass --raw DIR (the folder with the PROVENANCE.md files).", file=sys.stderr)
        return 2
    paths = write_all(tables, args.out)
    for path in paths:
        print(f"wrote {path} ({path.stat().st_size:,} bytes)")
    return 0
