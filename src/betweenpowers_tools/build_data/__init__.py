"""Build the derived tables in ``data/`` from the raw public extracts.

Run from the repository root::

    python -m betweenpowers_tools.build_data                      # reads ../shared/data-raw, writes data/
    python -m betweenpowers_tools.build_data --raw DIR --out DIR  # other folders

Every table is written as UTF-8 CSV with ``\\n`` line endings, rows in a fixed order and rounded numbers, so a
rebuild gives byte-identical files. ``data/datapackage.json`` (a Frictionless Data Package) describes each
table: its schema, the original public source, the licence, how it was derived, and its sha256.
Students never need this module: the lessons read ``data/`` only.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from betweenpowers.data import validate
from betweenpowers.vectors import trade_vector

REPO_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_RAW = REPO_ROOT.parent / "shared" / "data-raw"
DEFAULT_OUT = REPO_ROOT / "data"

#: Countries whose individual UN votes are shipped (the others enter only through yearly agreement scores).
FOCUS_COUNTRIES: tuple[str, ...] = (
    "KAZ", "USA", "RUS", "CHN", "GBR", "FRA", "DEU", "JPN", "IND", "TUR",
    "IRN", "UZB", "KGZ", "TJK", "TKM", "AZE", "ARM", "GEO", "BLR", "UKR",
)
#: Partners against which every country's yearly agreement is computed.
AGREEMENT_PARTNERS: tuple[str, ...] = ("USA", "RUS", "CHN", "KAZ")

VOETEN_CODES = {1: "yes", 2: "abstain", 3: "no", 8: "absent"}  # 9 = not a member: dropped
UNDL_CODES = {"Y": "yes", "A": "abstain", "N": "no", "X": "absent"}

ISSUE_COLUMNS = {
    "me": "issue_middle_east",
    "nu": "issue_nuclear",
    "di": "issue_disarmament",
    "hr": "issue_human_rights",
    "co": "issue_colonialism",
    "ec": "issue_economic",
}


# --------------------------------------------------------------------------------------------------
# Table descriptions
# --------------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Field:
    """One column of a table schema (Frictionless Table Schema field)."""

    name: str
    type: str
    description: str
    required: bool = False
    enum: tuple[str, ...] | None = None
    unique: bool = False

    def descriptor(self) -> dict:
        out: dict = {"name": self.name, "type": self.type, "description": self.description}
        constraints: dict = {}
        if self.required:
            constraints["required"] = True
        if self.unique:
            constraints["unique"] = True
        if self.enum is not None:
            constraints["enum"] = list(self.enum)
        if constraints:
            out["constraints"] = constraints
        return out


@dataclass(frozen=True)
class Source:
    title: str
    path: str
    citation: str
    credit: str  # short form with vintage, for the foot of a figure (betweenpowers.data.source_line)


@dataclass(frozen=True)
class Licence:
    name: str
    title: str
    path: str | None = None

    def descriptor(self) -> dict:
        out = {"name": self.name, "title": self.title}
        if self.path:
            out["path"] = self.path
        return out


@dataclass(frozen=True)
class Table:
    """A derived table: name, description, provenance and schema."""

    name: str
    title: str
    description: str
    derivation: str
    raw_folder: str
    sources: tuple[Source, ...]
    licences: tuple[Licence, ...]
    fields: tuple[Field, ...]
    primary_key: tuple[str, ...] = field(default_factory=tuple)

    @property
    def path(self) -> str:
        return f"{self.name}.csv"


CC0 = Licence("CC0-1.0", "Creative Commons Zero v1.0 (public domain dedication)",
              "https://creativecommons.org/publicdomain/zero/1.0/")
PDDL = Licence("ODC-PDDL-1.0", "Open Data Commons Public Domain Dedication and License v1.0",
               "https://opendatacommons.org/licenses/pddl/")
UNDL_TERMS = Licence("UN-DL-terms", "UN Digital Library terms of use: non-commercial use, with attribution",
                     "https://digitallibrary.un.org/pages/?ln=en&page=tos")
UN_RECORD = Licence("public-record", "Public UN voting record, transcribed by third parties; cite the UN")
IMF_TERMS = Licence("IMF-terms", "IMF terms and conditions: reuse with attribution to the IMF")
SIPRI_TERMS = Licence("SIPRI-terms", "SIPRI terms of use: cite the SIPRI Arms Transfers Database",
                      "https://www.sipri.org/databases/armstransfers")
OFFICIAL_KZ = Licence("official-statistics-KZ",
                      "Official statistics of Kazakhstan (BNS, NBK): reuse with attribution under their terms")
QUOTES = Licence("quotations-with-attribution",
                 "Facts read on public web pages, each row citing its page URL; quotes of 25 words or fewer")

VOETEN_VOTES = Source(
    "United Nations General Assembly Voting Data (Voeten, Strezhnev, Bailey), Harvard Dataverse",
    "https://dataverse.harvard.edu/dataset.xhtml?persistentId=hdl:1902.1/12379",
    "Erik Voeten, Anton Strezhnev and Michael Bailey, 'United Nations General Assembly Voting Data', "
    "Harvard Dataverse, hdl:1902.1/12379 (UNVotes, early-2021 version, via github.com/un-project/un-votes).",
    "Voeten, Strezhnev & Bailey, UNGA voting data (early-2021 version, to 2020)",
)
UNDL_VOTES = Source(
    "UN Digital Library, voting data (General Assembly recorded votes)",
    "https://digitallibrary.un.org",
    "United Nations Dag Hammarskjöld Library, UN Digital Library voting records, 2020-2021 "
    "(compilation found in github.com/navyanawal0310/un-votes-intelligence-platform; validated against Voeten).",
    "UN Digital Library voting records (2021)",
)
VOETEN_IDEAL = Source(
    "United Nations General Assembly ideal points (Bailey, Strezhnev, Voeten), Harvard Dataverse",
    "https://doi.org/10.7910/DVN/LEJUQZ",
    "Bailey, M. A., Strezhnev, A. and Voeten, E. (2017), 'Estimating Dynamic State Preferences from United "
    "Nations Voting Data', Journal of Conflict Resolution 61(2): 430-456; data doi:10.7910/DVN/LEJUQZ.",
    "Bailey, Strezhnev & Voeten, UNGA ideal points (Harvard Dataverse)",
)
IMF_DOTS = Source(
    "IMF Direction of Trade Statistics (DOTS)",
    "https://data.imf.org",
    "International Monetary Fund, Direction of Trade Statistics, annual, US dollars (vintage about early 2022, "
    "via github.com/SamLeBlanc/Direction-of-Trade-Map).",
    "IMF Direction of Trade Statistics (DOTS), annual, vintage of early 2022",
)
SIPRI = Source(
    "SIPRI Arms Transfers Database",
    "https://www.sipri.org/databases/armstransfers",
    "Stockholm International Peace Research Institute, SIPRI Arms Transfers Database, TIV tables generated "
    "28 July 2022 (via github.com/360-info/report-arms-trade).",
    "SIPRI Arms Transfers Database (TIV tables of 28 July 2022)",
)
WDI = Source(
    "World Bank World Development Indicators (NY.GDP.MKTP.CD, SP.POP.TOTL)",
    "https://data.worldbank.org",
    "World Bank, World Development Indicators: GDP (current US$) and population, total "
    "(via github.com/datasets/gdp and github.com/datasets/population).",
    "World Bank WDI",
)
EIA = Source(
    "US Energy Information Administration, Europe Brent spot price FOB",
    "https://www.eia.gov",
    "US EIA, Europe Brent Spot Price FOB (dollars per barrel), annual and monthly averages "
    "(via github.com/datasets/oil-prices).",
    "US EIA (Brent spot price)",
)
WEO = Source(
    "IMF World Economic Outlook, NGDPD (GDP, current prices, US dollars), Kazakhstan",
    "https://api.imf.org/external/sdmx/3.0/data/dataflow/IMF.RES/WEO/9.0.0/KAZ.NGDPD",
    "International Monetary Fund, World Economic Outlook database, NGDPD for Kazakhstan, downloaded 2026-09-04 "
    "(via github.com/makenerzhan-gif/kazakhstan-economic-data).",
    "IMF World Economic Outlook (downloaded 2026-09-04)",
)
BNS = Source(
    "Bureau of National Statistics of Kazakhstan, external trade (stat.gov.kz)",
    "https://stat.gov.kz",
    "Bureau of National Statistics of the Agency for Strategic Planning and Reforms of the Republic of "
    "Kazakhstan, total exports and imports, monthly, thousand USD (via github.com/makenerzhan-gif/"
    "kazakhstan-economic-data).",
    "Bureau of National Statistics of Kazakhstan",
)
NBK = Source(
    "National Bank of Kazakhstan, balance of payments: direct investment in reporting economy (net inflow)",
    "https://data.nationalbank.kz/api/v1/data?formId=337",
    "National Bank of Kazakhstan, balance of payments (BPM6, directional principle), quarterly, million USD "
    "(via github.com/makenerzhan-gif/kazakhstan-economic-data).",
    "National Bank of Kazakhstan, balance of payments (BPM6)",
)
EVENTS = Source(
    "Between Powers events table (compiled from public pages, one cited URL per row)",
    "https://timesca.com/tokayev-at-the-un-underscores-kazakhstans-new-diplomacy/",
    "Compiled for this series from stored copies of public web pages (official sites, news agencies); each "
    "row cites its page in source_url. The article linked here is the claim the series tests.",
    "Between Powers events table (compiled from public pages, one cited URL per row)",
)
PAGES = Source(
    "Figures read on public web pages (news and official agencies), one cited URL per row",
    "https://timesca.com/tokayev-at-the-un-underscores-kazakhstans-new-diplomacy/",
    "Compiled for this series from stored copies of public web pages; each row cites its page in source_url.",
    "figures read on public web pages, one cited URL per row",
)

VOTE_VALUES = ("yes", "no", "abstain", "absent")

TABLES: dict[str, Table] = {}


def _register(table: Table) -> Table:
    TABLES[table.name] = table
    return table


_register(Table(
    name="unga_roll_calls",
    title="UN General Assembly roll calls since Kazakhstan joined (1992-2021)",
    description="One row per recorded vote in the General Assembly from Kazakhstan's first roll call "
                "(3 August 1992) to December 2021, with date, symbol, subject, issue codes and vote totals.",
    derivation="Voeten roll calls with year >= 1992 plus UN Digital Library resolutions of 2020-2021. "
               "in_main_series marks one source per calendar year: Voeten to 2020, UN Digital Library for 2021 "
               "(its five flagged duplicate records are excluded). Issue codes are Voeten's and exist only for "
               "Voeten roll calls.",
    raw_folder="unga_votes_voeten_1992_2020; unga_votes_undl_2020_2021",
    sources=(VOETEN_VOTES, UNDL_VOTES),
    licences=(CC0, UNDL_TERMS),
    fields=(
        Field("vote_id", "string", "Identifier: V<rcid> for Voeten roll calls, U<record> for UN Digital Library "
              "records", required=True, unique=True),
        Field("source", "string", "Where the roll call comes from", required=True, enum=("voeten", "undl")),
        Field("in_main_series", "boolean", "True for the one-source-per-year series used for yearly agreement",
              required=True),
        Field("date", "date", "Date of the vote", required=True),
        Field("year", "integer", "Calendar year of the vote", required=True),
        Field("session", "integer", "General Assembly session"),
        Field("symbol", "string", "Resolution or document symbol as given by the source"),
        Field("title", "string", "Subject of the vote as given by the source"),
        Field("important_vote", "boolean", "US State Department 'important vote' (Voeten only)"),
        Field("amendment", "boolean", "Vote on an amendment (Voeten only; often not coded)"),
        *(Field(col, "integer", "1 if Voeten codes the roll call under this issue, else 0 (Voeten only)")
          for col in ISSUE_COLUMNS.values()),
        Field("total_yes", "integer", "Number of yes votes"),
        Field("total_no", "integer", "Number of no votes"),
        Field("total_abstain", "integer", "Number of abstentions"),
    ),
    primary_key=("vote_id",),
))

_register(Table(
    name="unga_votes",
    title="How Kazakhstan and 19 reference countries voted on each roll call (1992-2021)",
    description="Long table: one row per roll call and country, for Kazakhstan, the P5, Germany, Japan, "
                "India, Turkey, Iran, its Central Asian neighbours, the South Caucasus, Belarus and Ukraine.",
    derivation="From the all-country wide vote files. Voeten codes 1/2/3/8 become yes/abstain/no/absent and UN "
               "Digital Library Y/A/N/X become yes/abstain/no/absent; 'not a member' (9) and blanks are dropped. "
               "For 19 countries (USA, RUS, GBR, FRA, JPN among them) the raw compiler decoded the Voeten votes "
               "from other countries' agreement codes (validated against dgrtwo/unvotes); for them 'absent' "
               "can also hide a data gap.",
    raw_folder="unga_votes_voeten_1992_2020; unga_votes_undl_2020_2021",
    sources=(VOETEN_VOTES, UNDL_VOTES),
    licences=(CC0, UNDL_TERMS),
    fields=(
        Field("vote_id", "string", "Roll call, see unga_roll_calls.vote_id", required=True),
        Field("iso3", "string", "Country, ISO 3166 alpha-3", required=True),
        Field("vote", "string", "The country's vote", required=True, enum=VOTE_VALUES),
    ),
    primary_key=("vote_id", "iso3"),
))

_register(Table(
    name="unga_agreement_yearly",
    title="Yearly UN General Assembly vote agreement of every country with the USA, Russia, China and Kazakhstan",
    description="For each calendar year 1992-2021, each country and each partner (USA, RUS, CHN, KAZ): the number "
                "of roll calls both took part in and the share of agreement under three rules for abstentions.",
    derivation="Computed from the main series of unga_roll_calls (one source per year) and the all-country "
               "vote files. Only roll calls where both countries voted yes, no or abstain count (absences "
               "excluded). agreement_identical: share of identical votes (an abstention against a yes or no counts as "
               "disagreement). agreement_half: identical votes score 1, one abstention against a yes or no scores "
               "0.5, yes against no scores 0. agreement_excluding_abstentions: only roll calls where both voted "
               "yes or no; share identical. Rounded to 6 decimals.",
    raw_folder="unga_votes_voeten_1992_2020; unga_votes_undl_2020_2021",
    sources=(VOETEN_VOTES, UNDL_VOTES),
    licences=(CC0, UNDL_TERMS),
    fields=(
        Field("year", "integer", "Calendar year", required=True),
        Field("iso3", "string", "Country, ISO 3166 alpha-3 (Voeten codes for historic states)", required=True),
        Field("partner", "string", "Partner country", required=True, enum=AGREEMENT_PARTNERS),
        Field("n_votes", "integer", "Roll calls where both voted yes, no or abstain", required=True),
        Field("agreement_identical", "number", "Share of those roll calls with identical votes (0-1)"),
        Field("agreement_half", "number", "Agreement share, abstention counted as half agreement (0-1)"),
        Field("n_votes_yes_no", "integer", "Roll calls where both voted yes or no", required=True),
        Field("agreement_excluding_abstentions", "number", "Agreement share over yes/no pairs only (0-1)"),
    ),
    primary_key=("year", "iso3", "partner"),
))

_register(Table(
    name="unga_voeten_agreement",
    title="Voeten agreement scores with six reference states, by session (sessions 47-78)",
    description="Voeten's June-2024 session file: for every country and General Assembly session from 1992/93 "
                "to 2023/24, the all-votes ideal point and the share of votes agreeing with the USA, Russia, "
                "China, India, Brazil and Israel.",
    derivation="Kept sessions 47-78 and renamed columns (USAgree -> agree_usa, RUSSAgree -> agree_rus, ...). "
               "session_start_year = session + 1945. Values unchanged. Whether the ...Agree columns use "
               "Voeten's Lijphart rule (abstention = half) is an assumption not stated in the file.",
    raw_folder="unga_ideal_points_voeten_1946_2025",
    sources=(VOETEN_IDEAL,),
    licences=(CC0,),
    fields=(
        Field("iso3", "string", "Country (Voeten's iso3c)", required=True),
        Field("session", "integer", "General Assembly session", required=True),
        Field("session_start_year", "integer", "Year the session opened (session + 1945)", required=True),
        Field("n_votes", "integer", "Votes behind the estimate"),
        Field("ideal_point_all", "number", "Ideal point from all votes (higher = closer to the US-led position)"),
        Field("agree_usa", "number", "Share of votes agreeing with the USA"),
        Field("agree_rus", "number", "Share of votes agreeing with Russia"),
        Field("agree_chn", "number", "Share of votes agreeing with China"),
        Field("agree_ind", "number", "Share of votes agreeing with India"),
        Field("agree_bra", "number", "Share of votes agreeing with Brazil"),
        Field("agree_isr", "number", "Share of votes agreeing with Israel"),
    ),
    primary_key=("iso3", "session"),
))

IDEAL_VINTAGES = ("2026_final_passage", "2025-07_final_passage", "2025-07_all_votes")

_register(Table(
    name="unga_ideal_points",
    title="UN General Assembly ideal points of every country, 1991-2025, in three vintages",
    description="Bailey-Strezhnev-Voeten ideal points by calendar year: the 2026 final-passage file (to 2025) "
                "and the July-2025 file (final-passage and all-votes estimates, to 2024). Higher values are "
                "closer to the US-led Western position. Never mix vintages in one series.",
    derivation="Stacked the three estimates in long form with a vintage column, years >= 1991, rows with an "
               "estimate only; renamed columns. Values unchanged. Caveat: in the 2026 vintage the year 2024 "
               "rests on very few votes (see n_votes).",
    raw_folder="unga_ideal_points_voeten_1946_2025",
    sources=(VOETEN_IDEAL,),
    licences=(CC0,),
    fields=(
        Field("vintage", "string", "Which estimate", required=True, enum=IDEAL_VINTAGES),
        Field("iso3", "string", "Country (Voeten's iso3c)", required=True),
        Field("year", "integer", "Calendar year", required=True),
        Field("n_votes", "integer", "Votes behind the estimate"),
        Field("ideal_point", "number", "Ideal point (posterior estimate)", required=True),
        Field("q5", "number", "5th percentile of the posterior"),
        Field("q95", "number", "95th percentile of the posterior"),
    ),
    primary_key=("vintage", "iso3", "year"),
))

_register(Table(
    name="unga_key_votes_ukraine",
    title="Key UN General Assembly votes on Ukraine, 2014-2024",
    description="A/RES/68/262 (2014) and A/RES/ES-11/1 (2022) for all 193 members, and the 2022-2024 "
                "Ukraine-related votes of Kazakhstan and nine reference countries as read on news pages.",
    derivation="Full lists from a third-party transcription (68/262 validated against Voeten; ES-11/1 tally "
               "141/5/35). The page-read rows are added for the other resolutions; their ES-11/1 rows repeat "
               "the transcription and were checked to agree, then dropped. Tallies for the two full lists are "
               "counted from the votes; for the others they are the page tallies. vote 'not_no' means the page "
               "lists all 'no' votes and the country is not among them. Kazakhstan's votes on the two "
               "24 February 2025 texts were not found and are not in the table.",
    raw_folder="unga_key_votes_ukraine_2014_2022",
    sources=(UNDL_VOTES, PAGES),
    licences=(UN_RECORD, QUOTES),
    fields=(
        Field("symbol", "string", "Resolution symbol (local:... where the pages give none)", required=True),
        Field("date", "date", "Date of the vote", required=True),
        Field("title", "string", "Short title", required=True),
        Field("iso3", "string", "Country, ISO 3166 alpha-3", required=True),
        Field("vote", "string", "The country's vote", required=True,
              enum=("yes", "no", "abstain", "absent", "not_no")),
        Field("tally_yes", "integer", "Yes votes in the Assembly"),
        Field("tally_no", "integer", "No votes in the Assembly"),
        Field("tally_abstain", "integer", "Abstentions in the Assembly"),
        Field("record", "string", "Full country list or a page-read row", required=True,
              enum=("full_list", "news_page")),
        Field("source_url", "string", "Page the vote was read on (page-read rows)"),
    ),
    primary_key=("symbol", "iso3"),
))

_register(Table(
    name="trade_dots",
    title="Kazakhstan's merchandise trade by partner, 1992-2020 (IMF DOTS), as reported and mirror",
    description="Exports and imports of Kazakhstan by partner and year in million US dollars, both as "
                "Kazakhstan reported them and as the partners reported them (mirror data), with each partner's "
                "trade vector. The World row (partner_type 'world') is the total for each view and flow.",
    derivation="Dropped exact duplicate rows of the raw extract (Australia and Nicaragua appear twice). Kept "
               "economies, historic entities and the World row; dropped other aggregates (regions, "
               "'not specified'). Mirror flows were turned to Kazakhstan's perspective: a partner's imports "
               "from Kazakhstan are Kazakhstan's exports (CIF), its exports to Kazakhstan are Kazakhstan's "
               "imports (FOB). Vectors follow betweenpowers.vectors (EU-27 as a fixed group for all years; "
               "mainland China only). Values rounded to 4 decimals.",
    raw_folder="trade_imf_dots_kazakhstan_1992_2020",
    sources=(IMF_DOTS,),
    licences=(IMF_TERMS,),
    fields=(
        Field("year", "integer", "Calendar year", required=True),
        Field("view", "string", "Who reported the figure", required=True, enum=("reported", "mirror")),
        Field("flow", "string", "Kazakhstan's exports to, or imports from, the partner", required=True,
              enum=("exports", "imports")),
        Field("partner_iso3", "string", "Partner, ISO 3166 alpha-3 (WLD for the World row; empty for "
              "historic entities)"),
        Field("partner", "string", "Partner name as in IMF DOTS", required=True),
        Field("partner_type", "string", "Kind of partner", required=True,
              enum=("economy", "historic_entity", "world")),
        Field("vector", "string", "Trade vector of the partner (empty for the World row)",
              enum=("russia", "china", "eu27", "other_west", "central_asia", "south_caucasus", "turkey",
                    "other")),
        Field("value_usd_mn", "number", "Value, million US dollars", required=True),
        Field("estimated", "boolean", "True where the IMF marks the value as an estimate", required=True),
    ),
    primary_key=("year", "view", "flow", "partner"),
))

_register(Table(
    name="trade_page_figures",
    title="Kazakhstan's trade with selected partners, 2021-2025, as published on web pages",
    description="Partner trade figures read on news and official pages to extend the IMF series past 2020. "
                "Each row keeps the figure as published, who compiled it (reporter_side), the page URL and a "
                "short quote. Conflicting figures are kept side by side: never mix reporter sides in a series.",
    derivation="Added partner_code (ISO3; EU27 for the European Union; WLD for Kazakhstan's totals; EUROPE for "
               "'European countries'), period_kind (full calendar year or partial) and value_usd_bn (only for "
               "rows published in US dollars). Values, periods and wording unchanged.",
    raw_folder="trade_kazakhstan_partner_figures_pages_2022_2024",
    sources=(PAGES,),
    licences=(QUOTES,),
    fields=(
        Field("row_id", "integer", "Row number in the raw file", required=True, unique=True),
        Field("period", "string", "Period as read, e.g. 2022, 2023-H1, 2023-01..11", required=True),
        Field("period_kind", "string", "Full calendar year or part of one", required=True,
              enum=("year", "partial", "unspecified")),
        Field("year", "integer", "Calendar year the period falls in"),
        Field("flow", "string", "What the figure measures", required=True),
        Field("partner", "string", "Partner as read", required=True),
        Field("partner_code", "string", "ISO3, or EU27 / WLD / EUROPE", required=True),
        Field("value", "number", "Figure as published", required=True),
        Field("unit", "string", "Unit as published", required=True),
        Field("value_usd_bn", "number", "Figure in billion US dollars (US-dollar rows only)"),
        Field("reporter_side", "string", "Whose statistics", required=True,
              enum=("Kazakh statistics", "partner statistics", "unknown")),
        Field("statistics_source_as_stated", "string", "Source named on the page"),
        Field("source_url", "string", "Page URL", required=True),
        Field("page_date", "string", "Date shown on the page, or unknown"),
        Field("quote", "string", "Wording on the page (short quote)"),
    ),
    primary_key=("row_id",),
))

_register(Table(
    name="fdi_page_figures",
    title="Foreign direct investment in Kazakhstan, figures published on web pages (2019-2022)",
    description="FDI totals and figures by investor country read on web pages: gross inflows (NBK), net "
                "inflow (UNCTAD), stocks and cumulative totals. The concept column keeps them apart: never "
                "compare across concepts.",
    derivation="Added concept (gross_inflow, net_inflow, stock, cumulative, share) from the measure wording, "
               "counterpart_code (ISO3, ALL for all countries, GROUP for combined groups) and value_usd_bn "
               "(US-dollar rows). Values and wording unchanged.",
    raw_folder="fdi_kazakhstan_pages",
    sources=(PAGES,),
    licences=(QUOTES,),
    fields=(
        Field("row_id", "integer", "Row number in the raw file", required=True, unique=True),
        Field("period", "string", "Period as read", required=True),
        Field("concept", "string", "FDI concept", required=True,
              enum=("gross_inflow", "net_inflow", "stock", "cumulative", "share")),
        Field("measure", "string", "Measure as described on the page", required=True),
        Field("counterpart", "string", "Investor country or total", required=True),
        Field("counterpart_code", "string", "ISO3, or ALL / GROUP", required=True),
        Field("value", "number", "Figure as published", required=True),
        Field("unit", "string", "Unit as published", required=True),
        Field("value_usd_bn", "number", "Figure in billion US dollars (US-dollar rows only)"),
        Field("change_vs_previous_pct", "number", "Change on the previous period, % (where given)"),
        Field("source_url", "string", "Page URL", required=True),
        Field("page_date", "string", "Date shown on the page"),
        Field("quote", "string", "Wording on the page (short quote)"),
    ),
    primary_key=("row_id",),
))

_register(Table(
    name="arms_transfers_sipri",
    title="Arms transfers to and from Kazakhstan, 1995-2021 (SIPRI trend-indicator values)",
    description="Deliveries of major arms to Kazakhstan by supplier and year, and Kazakhstan's own exports by "
                "recipient, in SIPRI trend-indicator values (TIV, millions). TIV measures military capability "
                "transferred, not money: compare shares and trends only.",
    derivation="From SIPRI's exporter tables: direction 'import' rows have Kazakhstan as recipient, 'export' "
               "rows have Kazakhstan as supplier. Counterparts named with ISO3 codes (SIPRI codes mapped). "
               "Only years with deliveries appear: a missing year means no recorded delivery (or below 0.5m).",
    raw_folder="arms_sipri_tiv_kazakhstan",
    sources=(SIPRI,),
    licences=(SIPRI_TERMS,),
    fields=(
        Field("direction", "string", "Import to or export from Kazakhstan", required=True,
              enum=("import", "export")),
        Field("year", "integer", "Year of delivery", required=True),
        Field("counterpart_iso3", "string", "Supplier (imports) or recipient (exports), ISO3", required=True),
        Field("counterpart", "string", "Name as in SIPRI", required=True),
        Field("vector", "string", "Trade vector of the counterpart", required=True,
              enum=("russia", "china", "eu27", "other_west", "central_asia", "south_caucasus", "turkey",
                    "other")),
        Field("tiv_mn", "number", "SIPRI trend-indicator value, millions", required=True),
    ),
    primary_key=("direction", "counterpart_iso3", "year"),
))

_register(Table(
    name="macro_kaz_annual",
    title="Kazakhstan macro context by year: GDP, population, oil price, trade totals",
    description="One row per year 1990-2031: Kazakhstan's GDP (World Bank and IMF WEO, current US$), "
                "population, the Brent oil price, and exports and imports summed from monthly official "
                "statistics for complete years (2019 onwards).",
    derivation="Joined on year. WEO values from 2026 are projections (weo_projection). BNS monthly totals "
               "(thousand USD) summed over years with all 12 months and divided by 1,000. Brent: EIA annual "
               "average.",
    raw_folder="context_macro",
    sources=(WDI, WEO, EIA, BNS),
    licences=(PDDL, IMF_TERMS, OFFICIAL_KZ),
    fields=(
        Field("year", "integer", "Calendar year", required=True, unique=True),
        Field("gdp_usd_wdi", "number", "GDP, current US$ (World Bank WDI)"),
        Field("gdp_usd_weo", "number", "GDP, current US$ (IMF WEO)"),
        Field("weo_projection", "boolean", "True where the WEO value is a projection (2026 on)"),
        Field("population", "integer", "Population (World Bank WDI)"),
        Field("brent_usd_per_barrel", "number", "Brent spot price, annual average, US$ per barrel"),
        Field("exports_usd_mn_bns", "number", "Kazakhstan's merchandise exports, million US$ (BNS)"),
        Field("imports_usd_mn_bns", "number", "Kazakhstan's merchandise imports, million US$ (BNS)"),
    ),
    primary_key=("year",),
))

_register(Table(
    name="macro_monthly",
    title="Monthly Brent oil price and Kazakhstan's monthly trade totals",
    description="Brent spot price by month (1987-05 to 2026-07) and Kazakhstan's total exports and imports "
                "by month (2019-01 to 2026-06, official statistics; recent months may be preliminary).",
    derivation="Outer join on month; BNS thousand USD divided by 1,000 to million USD, rounded to 3 decimals.",
    raw_folder="context_macro",
    sources=(EIA, BNS),
    licences=(PDDL, OFFICIAL_KZ),
    fields=(
        Field("month", "string", "Month, YYYY-MM", required=True, unique=True),
        Field("brent_usd_per_barrel", "number", "Brent spot price, monthly average, US$ per barrel"),
        Field("exports_usd_mn_bns", "number", "Kazakhstan's merchandise exports, million US$"),
        Field("imports_usd_mn_bns", "number", "Kazakhstan's merchandise imports, million US$"),
    ),
    primary_key=("month",),
))

_register(Table(
    name="fdi_net_inflow_quarterly",
    title="Net FDI inflow into Kazakhstan by quarter (National Bank, balance of payments)",
    description="Direct investment in Kazakhstan, net inflow, million US dollars, by quarter 2005-2026. "
                "Net flows can be negative. Not comparable with the gross inflows quoted on pages.",
    derivation="Values unchanged, rounded to 3 decimals. The date label is kept as in the source: whether "
               "2005-04-01 labels the first or the second quarter of 2005 is not documented, so the table does "
               "not assign quarters.",
    raw_folder="context_macro",
    sources=(NBK,),
    licences=(OFFICIAL_KZ,),
    fields=(
        Field("date_label", "string", "Date label as in the source (quarter convention unknown)", required=True,
              unique=True),
        Field("fdi_net_inflow_usd_mn", "number", "Net FDI inflow, million US$", required=True),
    ),
    primary_key=("date_label",),
))

_register(Table(
    name="world_gdp_population",
    title="GDP and population of every country, 1990-2024 (World Bank)",
    description="GDP (current US$, to 2023) and population (to 2024) of every country and the world total "
                "(iso3 WLD), to set Kazakhstan's figures and its partners' weight against a baseline.",
    derivation="Outer join of the two WDI files on iso3 and year; kept ISO 3166 countries (checked with "
               "pycountry) and the World aggregate, dropped other World Bank aggregates. GDP rounded to whole "
               "dollars.",
    raw_folder="context_macro",
    sources=(WDI,),
    licences=(PDDL,),
    fields=(
        Field("iso3", "string", "Country, ISO 3166 alpha-3, or WLD", required=True),
        Field("year", "integer", "Calendar year", required=True),
        Field("gdp_usd", "number", "GDP, current US$"),
        Field("population", "integer", "Population"),
    ),
    primary_key=("iso3", "year"),
))

_register(Table(
    name="diplomatic_events",
    title="Kazakhstan's diplomatic events, 1991-2025, coded as balancing or agenda-setting",
    description="70 dated events (summits hosted, mediation, UN initiatives, treaties, corridors, "
                "non-proliferation), each with a cited page and a short quote, classified by category, mode "
                "(balancing or agenda_setting) and vector with the stated rules (data/README.md).",
    derivation="Renamed source_quote to quote; added date_precision (day or month) from the date. Coding "
               "unchanged. The coding rules and borderline rows are documented in data/README.md.",
    raw_folder="kz-diplomatic-events",
    sources=(EVENTS,),
    licences=(QUOTES,),
    fields=(
        Field("event_id", "string", "KZ001-KZ070 in date order", required=True, unique=True),
        Field("date", "string", "YYYY-MM-DD, or YYYY-MM where the day is not certain", required=True),
        Field("date_precision", "string", "day or month", required=True, enum=("day", "month")),
        Field("year", "integer", "Year", required=True),
        Field("title", "string", "Short title", required=True),
        Field("category", "string", "Kind of event", required=True,
              enum=("mediation", "un_initiative", "nonproliferation", "corridor_connectivity",
                    "security_alignment", "hosted_summit", "initiated_forum", "treaty_or_membership")),
        Field("mode", "string", "Kazakhstan's role", required=True, enum=("balancing", "agenda_setting")),
        Field("vector", "string", "Main external orientation", required=True,
              enum=("russia", "china", "west", "regional", "global", "multi")),
        Field("partners", "string", "ISO3 codes and organisations, ';'-separated ('none' = unilateral)",
              required=True),
        Field("confidence", "string", "high, or medium where part of the date was inferred", required=True,
              enum=("high", "medium")),
        Field("source_url", "string", "Page supporting the row", required=True),
        Field("quote", "string", "Verbatim quote of 25 words or fewer", required=True),
    ),
    primary_key=("event_id",),
))


# --------------------------------------------------------------------------------------------------
# Builders: one pure function per table, raw folder in, DataFrame out
# --------------------------------------------------------------------------------------------------
def _read(raw: Path, relative: str, **kwargs) -> pd.DataFrame:
    path = raw / relative
    if not path.exists():
        raise FileNotFoundError(f"Raw file not found: {path}")
    return pd.read_csv(path, **kwargs)


def _voeten_roll_calls(raw: Path) -> pd.DataFrame:
    rc = _read(raw, "unga_votes_voeten_1992_2020/unga_roll_calls_1992_2020.csv")
    out = pd.DataFrame({
        "vote_id": "V" + rc["rcid"].astype(str),
        "source": "voeten",
        "date": rc["date"],
        "year": rc["date"].str[:4].astype(int),
        "session": rc["session"],
        "symbol": rc["unres"],
        "title": rc["descr"],
        "important_vote": rc["importantvote"].map({1.0: True, 0.0: False}).astype("boolean"),
        "amendment": rc["amend"].map({1.0: True, 0.0: False}).astype("boolean"),
    })
    for raw_col, col in ISSUE_COLUMNS.items():
        out[col] = rc[raw_col].astype("Int64")
    for col in ("total_yes", "total_no", "total_abstain"):
        out[col] = rc[col].astype("Int64")
    out["in_main_series"] = out["year"] <= 2020
    return out


def _undl_roll_calls(raw: Path) -> pd.DataFrame:
    meta = _read(raw, "unga_votes_undl_2020_2021/undl_ga_resolutions_2020_2021.csv")
    session = meta["resolution"].str.extract(r"^A/(?:RES/)?(\d+)/")[0].astype("Int64")
    out = pd.DataFrame({
        "vote_id": "U" + meta["undl_id"].astype(str),
        "source": "undl",
        "date": meta["date"],
        "year": meta["date"].str[:4].astype(int),
        "session": session,
        "symbol": meta["resolution"],
        "title": meta["title"],
        "important_vote": pd.array([pd.NA] * len(meta), dtype="boolean"),
        "amendment": pd.array([pd.NA] * len(meta), dtype="boolean"),
    })
    for col in ISSUE_COLUMNS.values():
        out[col] = pd.array([pd.NA] * len(meta), dtype="Int64")
    for col in ("total_yes", "total_no", "total_abstain"):
        out[col] = meta[col].astype("Int64")
    out["in_main_series"] = (out["year"] == 2021) & meta["use_for_agreement"].astype(bool)
    return out


def build_unga_roll_calls(raw: Path) -> pd.DataFrame:
    table = pd.concat([_voeten_roll_calls(raw), _undl_roll_calls(raw)], ignore_index=True)
    columns = [f.name for f in TABLES["unga_roll_calls"].fields]
    return table[columns].sort_values(["date", "source", "vote_id"], kind="stable").reset_index(drop=True)


def _all_votes_long(raw: Path) -> pd.DataFrame:
    """Every country's vote on every roll call, long form: vote_id, iso3, vote."""
    wide = _read(raw, "unga_votes_voeten_1992_2020/unga_votes_all_countries_wide_1992_2020.csv")
    voeten = wide.melt(id_vars="rcid", var_name="iso3", value_name="code").dropna(subset=["code"])
    voeten = voeten.assign(vote_id="V" + voeten["rcid"].astype(str),
                           vote=voeten["code"].astype(int).map(VOETEN_CODES))
    wide_u = _read(raw, "unga_votes_undl_2020_2021/undl_ga_votes_all_countries_wide_2020_2021.csv")
    undl = wide_u.melt(id_vars="undl_id", var_name="iso3", value_name="code").dropna(subset=["code"])
    undl = undl.assign(vote_id="U" + undl["undl_id"].astype(str), vote=undl["code"].map(UNDL_CODES))
    both = pd.concat([voeten[["vote_id", "iso3", "vote"]], undl[["vote_id", "iso3", "vote"]]],
                     ignore_index=True)
    return both.dropna(subset=["vote"])


def build_unga_votes(raw: Path, roll_calls: pd.DataFrame) -> pd.DataFrame:
    votes = _all_votes_long(raw)
    votes = votes[votes["iso3"].isin(FOCUS_COUNTRIES)]
    order = {vid: i for i, vid in enumerate(roll_calls["vote_id"])}
    country_order = {c: i for i, c in enumerate(FOCUS_COUNTRIES)}
    votes = votes.assign(_r=votes["vote_id"].map(order), _c=votes["iso3"].map(country_order))
    return votes.sort_values(["_r", "_c"]).drop(columns=["_r", "_c"]).reset_index(drop=True)


_VOTE_SCORE = {"yes": 1.0, "abstain": 0.5, "no": 0.0}


def build_unga_agreement_yearly(raw: Path, roll_calls: pd.DataFrame) -> pd.DataFrame:
    main = roll_calls.loc[roll_calls["in_main_series"], ["vote_id", "year"]]
    votes = _all_votes_long(raw).merge(main, on="vote_id")
    votes = votes[votes["vote"] != "absent"]
    frames = []
    for partner in AGREEMENT_PARTNERS:
        theirs = votes.loc[votes["iso3"] == partner, ["vote_id", "vote"]].rename(columns={"vote": "partner_vote"})
        pairs = votes.merge(theirs, on="vote_id")
        same = pairs["vote"] == pairs["partner_vote"]
        one_abstains = (pairs["vote"] == "abstain") != (pairs["partner_vote"] == "abstain")
        both_decisive = (pairs["vote"] != "abstain") & (pairs["partner_vote"] != "abstain")
        pairs = pairs.assign(
            score=same.astype(float).where(~one_abstains, 0.5),
            decisive=both_decisive,
            decisive_same=(same & both_decisive),
        )
        pairs["identical"] = same.astype(float)
        grouped = pairs.groupby(["year", "iso3"]).agg(
            n_votes=("score", "size"),
            agreement_identical=("identical", "mean"),
            agreement_half=("score", "mean"),
            n_votes_yes_no=("decisive", "sum"),
            decisive_same=("decisive_same", "sum"),
        ).reset_index()
        grouped["agreement_excluding_abstentions"] = (
            grouped["decisive_same"] / grouped["n_votes_yes_no"].where(grouped["n_votes_yes_no"] > 0)
        )
        grouped["partner"] = partner
        frames.append(grouped.drop(columns="decisive_same"))
    out = pd.concat(frames, ignore_index=True)
    out["n_votes_yes_no"] = out["n_votes_yes_no"].astype(int)
    for col in ("agreement_identical", "agreement_half", "agreement_excluding_abstentions"):
        out[col] = out[col].round(6)
    columns = [f.name for f in TABLES["unga_agreement_yearly"].fields]
    return out[columns].sort_values(["year", "iso3", "partner"]).reset_index(drop=True)


def build_unga_voeten_agreement(raw: Path) -> pd.DataFrame:
    src = _read(raw, "unga_ideal_points_voeten_1946_2025/unga_ideal_points_agreement_jun2024_sessions_1_78.csv")
    src = src[src["session"] >= 47]
    out = pd.DataFrame({
        "iso3": src["iso3c"],
        "session": src["session"],
        "session_start_year": src["session_start_year"],
        "n_votes": src["NVotesAll"].astype("Int64"),
        "ideal_point_all": src["IdealPointAll"],
        "agree_usa": src["USAgree"],
        "agree_rus": src["RUSSAgree"],
        "agree_chn": src["ChinaAgree"],
        "agree_ind": src["IndiaAgree"],
        "agree_bra": src["BrazilAgree"],
        "agree_isr": src["IsraelAgree"],
    })
    return out.sort_values(["iso3", "session"]).reset_index(drop=True)


def build_unga_ideal_points(raw: Path) -> pd.DataFrame:
    folder = "unga_ideal_points_voeten_1946_2025/"
    fp26 = _read(raw, folder + "unga_ideal_points_fp_1946_2025.csv")
    jul = _read(raw, folder + "unga_ideal_points_jul2025_1946_2024.csv")
    parts = [
        pd.DataFrame({"vintage": "2026_final_passage", "iso3": fp26["iso3c"], "year": fp26["year"],
                      "n_votes": fp26["NVotesFP"], "ideal_point": fp26["IdealPointFP"],
                      "q5": fp26["Q5%FP"], "q95": fp26["Q95%FP"]}),
        pd.DataFrame({"vintage": "2025-07_final_passage", "iso3": jul["iso3c"], "year": jul["year"],
                      "n_votes": jul["nvotesfp"], "ideal_point": jul["idealpointfp"],
                      "q5": jul["q5fp"], "q95": jul["q95fp"]}),
        pd.DataFrame({"vintage": "2025-07_all_votes", "iso3": jul["iso3c"], "year": jul["year"],
                      "n_votes": jul["nvotesall"], "ideal_point": jul["idealpointall"],
                      "q5": jul["q5all"], "q95": jul["q95all"]}),
    ]
    out = pd.concat(parts, ignore_index=True)
    out = out[(out["year"] >= 1991) & out["ideal_point"].notna()].copy()
    out["n_votes"] = out["n_votes"].astype("Int64")
    vintage_order = {v: i for i, v in enumerate(IDEAL_VINTAGES)}
    out = out.assign(_v=out["vintage"].map(vintage_order)).sort_values(["_v", "iso3", "year"])
    return out.drop(columns="_v").reset_index(drop=True)


def build_unga_key_votes_ukraine(raw: Path, roll_calls: pd.DataFrame) -> pd.DataFrame:
    folder = "unga_key_votes_ukraine_2014_2022/"
    full = _read(raw, folder + "unga_key_votes_ukraine.csv")
    pages = _read(raw, folder + "unga_key_votes_ukraine_2022_2025_from_pages.csv")

    # The page-read ES-11/1 rows must agree with the full list before they are dropped.
    check = pages[pages["symbol"] == "A/RES/ES-11/1"].merge(full, on=["symbol", "iso3"], suffixes=("_p", "_f"))
    if not (check["vote_p"] == check["vote_f"]).all():
        raise ValueError("Page-read ES-11/1 votes disagree with the full transcription")

    titles = {"A/RES/ES-11/1": pages.loc[pages["symbol"] == "A/RES/ES-11/1", "title"].iloc[0]}
    voeten_68 = roll_calls[roll_calls["symbol"] == "R/68/262"]
    if len(voeten_68) == 1:
        titles["A/RES/68/262"] = voeten_68["title"].iloc[0]
    tallies = full.groupby(["symbol", "vote"]).size().unstack(fill_value=0)
    full_rows = pd.DataFrame({
        "symbol": full["symbol"],
        "date": full["date"],
        "title": full["symbol"].map(titles),
        "iso3": full["iso3"],
        "vote": full["vote"],
        "tally_yes": full["symbol"].map(tallies["yes"]),
        "tally_no": full["symbol"].map(tallies["no"]),
        "tally_abstain": full["symbol"].map(tallies["abstain"]),
        "record": "full_list",
        "source_url": pd.NA,
    })
    page_rows = pages[pages["symbol"] != "A/RES/ES-11/1"]
    page_rows = pd.DataFrame({
        "symbol": page_rows["symbol"],
        "date": page_rows["date"],
        "title": page_rows["title"],
        "iso3": page_rows["iso3"],
        "vote": page_rows["vote"],
        "tally_yes": page_rows["tally_yes"],
        "tally_no": page_rows["tally_no"],
        "tally_abstain": page_rows["tally_abstain"],
        "record": "news_page",
        "source_url": page_rows["source_url"],
    })
    out = pd.concat([full_rows, page_rows], ignore_index=True)
    for col in ("tally_yes", "tally_no", "tally_abstain"):
        out[col] = out[col].astype("Int64")
    return out.sort_values(["date", "symbol", "iso3"]).reset_index(drop=True)


def build_trade_dots(raw: Path) -> pd.DataFrame:
    folder = "trade_imf_dots_kazakhstan_1992_2020/"
    rep = _read(raw, folder + "dots_kaz_reported_trade_by_partner_1992_2020.csv")
    mir = _read(raw, folder + "dots_partner_reported_trade_with_kaz_1992_2020.csv")
    reported = pd.DataFrame({
        "year": rep["year"], "view": "reported",
        "flow": rep["flow"].map({"exports_fob": "exports", "imports_cif": "imports"}),
        "partner_iso3": rep["partner_iso3"], "partner": rep["partner"], "partner_type": rep["partner_type"],
        "value_usd_mn": rep["value_usd_mn"], "estimated": rep["estimated"],
    })
    mirror = pd.DataFrame({
        "year": mir["year"], "view": "mirror",
        "flow": mir["flow"].map({"reporter_imports_cif_from_kaz": "exports",
                                 "reporter_exports_fob_to_kaz": "imports"}),
        "partner_iso3": mir["reporter_iso3"], "partner": mir["reporter"], "partner_type": mir["reporter_type"],
        "value_usd_mn": mir["value_usd_mn"], "estimated": mir["estimated"],
    })
    out = pd.concat([reported, mirror], ignore_index=True)
    # The raw extract repeats some rows exactly (Australia in the reported view, Nicaragua in the mirror view).
    out = out.drop_duplicates(ignore_index=True)
    is_world = out["partner"] == "World"
    out.loc[is_world, "partner_type"] = "world"
    out.loc[is_world, "partner_iso3"] = "WLD"
    out = out[out["partner_type"].isin(["economy", "historic_entity", "world"])].copy()
    out["vector"] = [
        pd.NA if ptype == "world" else trade_vector(iso if isinstance(iso, str) else None, name)
        for iso, name, ptype in zip(out["partner_iso3"], out["partner"], out["partner_type"])
    ]
    out["value_usd_mn"] = out["value_usd_mn"].round(4)
    out["estimated"] = out["estimated"].astype(bool)
    if out["flow"].isna().any():
        raise ValueError("Unknown trade flow in IMF DOTS files")
    columns = [f.name for f in TABLES["trade_dots"].fields]
    return out[columns].sort_values(["year", "view", "flow", "partner"]).reset_index(drop=True)


_PAGE_PARTNER_CODES = {
    "China": "CHN", "Russia": "RUS", "Uzbekistan": "UZB", "EU": "EU27", "Turkey": "TUR", "Italy": "ITA",
    "South Korea": "KOR", "Kyrgyzstan": "KGZ", "Azerbaijan": "AZE", "USA": "USA", "Germany": "DEU",
    "World (Kazakhstan total)": "WLD", "Netherlands": "NLD",
    "Europe (European countries, as stated; not necessarily EU)": "EUROPE",
}


def _period_kind(period: str) -> str:
    text = period.strip()
    if text.startswith("unspecified"):
        return "unspecified"
    if len(text) >= 4 and text[:4].isdigit() and (len(text) == 4 or text[4] == " "):
        return "year"
    return "partial"


def _usd_bn(values: pd.Series, units: pd.Series) -> pd.Series:
    factor = units.map(lambda u: 1.0 if u.startswith("USD bn") else (0.001 if u.startswith("USD mn") else None))
    return (values * factor.astype(float)).round(6)


def build_trade_page_figures(raw: Path) -> pd.DataFrame:
    src = _read(raw, "trade_kazakhstan_partner_figures_pages_2022_2024/kaz_trade_partner_figures_from_pages.csv")
    unknown = set(src["partner"]) - set(_PAGE_PARTNER_CODES)
    if unknown:
        raise ValueError(f"Partners without a code in trade page figures: {sorted(unknown)}")
    year = src["period"].str.extract(r"^(\d{4})")[0].astype("Int64")
    out = pd.DataFrame({
        "row_id": range(1, len(src) + 1),
        "period": src["period"],
        "period_kind": src["period"].map(_period_kind),
        "year": year,
        "flow": src["flow"],
        "partner": src["partner"],
        "partner_code": src["partner"].map(_PAGE_PARTNER_CODES),
        "value": src["value"],
        "unit": src["unit"],
        "value_usd_bn": _usd_bn(src["value"], src["unit"]),
        "reporter_side": src["reporter_side"],
        "statistics_source_as_stated": src["statistics_source_as_stated"],
        "source_url": src["source_url"],
        "page_date": src["page_date"],
        "quote": src["page_wording"],
    })
    return out


_FDI_CODES = {"All countries": "ALL", "Russia": "RUS", "China": "CHN", "United States": "USA",
              "Netherlands": "NLD", "Switzerland": "CHE", "France": "FRA", "Italy": "ITA", "Belgium": "BEL",
              "Germany": "DEU"}


def _fdi_concept(measure: str) -> str:
    text = measure.lower()
    if "share" in text:
        return "share"
    if "net inflow" in text:
        return "net_inflow"
    if "cumulative" in text:
        return "cumulative"
    if "stock" in text:
        return "stock"
    return "gross_inflow"


def build_fdi_page_figures(raw: Path) -> pd.DataFrame:
    src = _read(raw, "fdi_kazakhstan_pages/fdi_kazakhstan_figures_from_pages.csv")
    out = pd.DataFrame({
        "row_id": range(1, len(src) + 1),
        "period": src["period"],
        "concept": src["measure"].map(_fdi_concept),
        "measure": src["measure"],
        "counterpart": src["counterpart"],
        "counterpart_code": src["counterpart"].map(lambda c: _FDI_CODES.get(c, "GROUP")),
        "value": src["value"],
        "unit": src["unit"],
        "value_usd_bn": _usd_bn(src["value"], src["unit"]),
        "change_vs_previous_pct": src["change_vs_previous_pct"],
        "source_url": src["source_url"],
        "page_date": src["page_date"],
        "quote": src["page_wording"],
    })
    return out


#: SIPRI's own country codes where they differ from ISO 3166 alpha-3, and recipient names to ISO3.
_SIPRI_TO_ISO3 = {"CHI": "CHN", "FRG": "DEU", "SA": "ZAF", "KOS": "KOR", "SPA": "ESP"}
_SIPRI_RECIPIENTS = {"Angola": "AGO", "Congo": "COG", "Ethiopia": "ETH", "Georgia": "GEO", "India": "IND",
                     "Kyrgyzstan": "KGZ", "Nepal": "NPL", "North Korea": "PRK", "North Macedonia": "MKD",
                     "Serbia": "SRB", "Sri Lanka": "LKA"}


def build_arms_transfers_sipri(raw: Path) -> pd.DataFrame:
    src = _read(raw, "arms_sipri_tiv_kazakhstan/sipri_tiv_kazakhstan_arms_transfers.csv")
    imports = src[src["recipient"] == "Kazakhstan"]
    exports = src[src["supplier"] == "Kazakhstan"]
    imp = pd.DataFrame({
        "direction": "import", "year": imports["year"],
        "counterpart_iso3": imports["supplier_sipri_code"].map(lambda c: _SIPRI_TO_ISO3.get(c, c)),
        "counterpart": imports["supplier"], "tiv_mn": imports["tiv_mn"],
    })
    exp = pd.DataFrame({
        "direction": "export", "year": exports["year"],
        "counterpart_iso3": exports["recipient"].map(_SIPRI_RECIPIENTS),
        "counterpart": exports["recipient"], "tiv_mn": exports["tiv_mn"],
    })
    out = pd.concat([imp, exp], ignore_index=True)
    if out["counterpart_iso3"].isna().any():
        raise ValueError("SIPRI counterpart without an ISO3 code")
    out["vector"] = out["counterpart_iso3"].map(trade_vector)
    columns = [f.name for f in TABLES["arms_transfers_sipri"].fields]
    return out[columns].sort_values(["direction", "counterpart_iso3", "year"]).reset_index(drop=True)


def _bns_monthly(raw: Path) -> pd.DataFrame:
    bns = _read(raw, "context_macro/bns_kaz_merchandise_trade_totals_monthly_2019_2026.csv")
    return pd.DataFrame({
        "month": bns["month"],
        "exports_usd_mn_bns": (bns["exports_thousand_usd"] / 1000).round(3),
        "imports_usd_mn_bns": (bns["imports_thousand_usd"] / 1000).round(3),
    })


def build_macro_kaz_annual(raw: Path) -> pd.DataFrame:
    folder = "context_macro/"
    wdi = _read(raw, folder + "wdi_gdp_current_usd_1990_2023.csv")
    pop = _read(raw, folder + "wdi_population_1990_2024.csv")
    weo = _read(raw, folder + "imf_weo_kaz_gdp_current_usd_1992_2031.csv")
    brent = _read(raw, folder + "eia_brent_spot_annual_1987_2025.csv")
    years = pd.DataFrame({"year": range(1990, 2032)})
    bns = _read(raw, folder + "bns_kaz_merchandise_trade_totals_monthly_2019_2026.csv")
    bns = bns.assign(year=bns["month"].str[:4].astype(int))
    bns_year = bns.groupby("year").agg(months=("month", "size"), exports_usd_mn_bns=("exports_thousand_usd", "sum"),
                                       imports_usd_mn_bns=("imports_thousand_usd", "sum")).reset_index()
    bns_year[["exports_usd_mn_bns", "imports_usd_mn_bns"]] /= 1000
    bns_year = bns_year[bns_year["months"] == 12].drop(columns="months")
    out = (
        years
        .merge(wdi.loc[wdi["iso3"] == "KAZ", ["year", "gdp_current_usd"]].rename(
            columns={"gdp_current_usd": "gdp_usd_wdi"}), how="left")
        .merge(weo.loc[weo["iso3"] == "KAZ", ["year", "gdp_current_usd"]].rename(
            columns={"gdp_current_usd": "gdp_usd_weo"}), how="left")
        .merge(pop.loc[pop["iso3"] == "KAZ", ["year", "population"]], how="left")
        .merge(brent.rename(columns={"brent_usd_per_barrel_annual_avg": "brent_usd_per_barrel"}), how="left")
        .merge(bns_year, how="left")
    )
    out["weo_projection"] = pd.array(
        [pd.NA if pd.isna(v) else y >= 2026 for y, v in zip(out["year"], out["gdp_usd_weo"])], dtype="boolean")
    out["population"] = out["population"].astype("Int64")
    out["gdp_usd_wdi"] = out["gdp_usd_wdi"].round(0)
    out["gdp_usd_weo"] = out["gdp_usd_weo"].round(0)
    for col in ("exports_usd_mn_bns", "imports_usd_mn_bns"):
        out[col] = out[col].round(3)
    columns = [f.name for f in TABLES["macro_kaz_annual"].fields]
    return out[columns]


def build_macro_monthly(raw: Path) -> pd.DataFrame:
    brent = _read(raw, "context_macro/eia_brent_spot_monthly.csv").rename(
        columns={"brent_usd_per_barrel_monthly_avg": "brent_usd_per_barrel"})
    out = brent.merge(_bns_monthly(raw), on="month", how="outer")
    return out.sort_values("month").reset_index(drop=True)


def build_fdi_net_inflow_quarterly(raw: Path) -> pd.DataFrame:
    src = _read(raw, "context_macro/nbk_kaz_fdi_net_inflow_quarterly.csv")
    return pd.DataFrame({
        "date_label": src["date_label_as_in_source"],
        "fdi_net_inflow_usd_mn": src["fdi_net_inflow_usd_mn"].round(3),
    })


def build_world_gdp_population(raw: Path) -> pd.DataFrame:
    import pycountry

    gdp = _read(raw, "context_macro/wdi_gdp_current_usd_1990_2023.csv")
    pop = _read(raw, "context_macro/wdi_population_1990_2024.csv")
    out = gdp[["iso3", "year", "gdp_current_usd"]].rename(columns={"gdp_current_usd": "gdp_usd"}).merge(
        pop[["iso3", "year", "population"]], on=["iso3", "year"], how="outer")
    keep = out["iso3"].map(lambda c: c == "WLD" or pycountry.countries.get(alpha_3=c) is not None)
    out = out[keep].copy()
    out["gdp_usd"] = out["gdp_usd"].round(0)
    out["population"] = out["population"].astype("Int64")
    return out.sort_values(["iso3", "year"]).reset_index(drop=True)


def build_diplomatic_events(raw: Path) -> pd.DataFrame:
    src = _read(raw, "kz-diplomatic-events/events.csv")
    out = pd.DataFrame({
        "event_id": src["event_id"],
        "date": src["date"],
        "date_precision": src["date"].map(lambda d: "day" if len(d) == 10 else "month"),
        "year": src["year"],
        "title": src["title"],
        "category": src["category"],
        "mode": src["mode"],
        "vector": src["vector"],
        "partners": src["partners"],
        "confidence": src["confidence"],
        "source_url": src["source_url"],
        "quote": src["source_quote"],
    })
    return out.sort_values("event_id").reset_index(drop=True)


def build_all(raw: Path) -> dict[str, pd.DataFrame]:
    """Build every table from the raw folder. Returns {table name: DataFrame}, in TABLES order."""
    roll_calls = build_unga_roll_calls(raw)
    tables = {
        "unga_roll_calls": roll_calls,
        "unga_votes": build_unga_votes(raw, roll_calls),
        "unga_agreement_yearly": build_unga_agreement_yearly(raw, roll_calls),
        "unga_voeten_agreement": build_unga_voeten_agreement(raw),
        "unga_ideal_points": build_unga_ideal_points(raw),
        "unga_key_votes_ukraine": build_unga_key_votes_ukraine(raw, roll_calls),
        "trade_dots": build_trade_dots(raw),
        "trade_page_figures": build_trade_page_figures(raw),
        "fdi_page_figures": build_fdi_page_figures(raw),
        "arms_transfers_sipri": build_arms_transfers_sipri(raw),
        "macro_kaz_annual": build_macro_kaz_annual(raw),
        "macro_monthly": build_macro_monthly(raw),
        "fdi_net_inflow_quarterly": build_fdi_net_inflow_quarterly(raw),
        "world_gdp_population": build_world_gdp_population(raw),
        "diplomatic_events": build_diplomatic_events(raw),
    }
    missing = set(TABLES) - set(tables)
    if missing:
        raise RuntimeError(f"No builder for tables: {sorted(missing)}")
    for name, frame in tables.items():
        expected = [f.name for f in TABLES[name].fields]
        if list(frame.columns) != expected:
            raise RuntimeError(f"{name}: columns {list(frame.columns)} differ from the schema {expected}")
        schema = resource_descriptor(TABLES[name], b"", len(frame))["schema"]
        validate(frame, {"schema": schema}, f"built table {name}")  # raises DataError before anything is written
    return {name: tables[name] for name in TABLES}


# --------------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------------
def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """Serialise a table deterministically: UTF-8, '\\n' line endings, booleans as true/false."""
    out = frame.copy()
    for col in out.columns:
        if out[col].dtype == bool or str(out[col].dtype) == "boolean":
            out[col] = out[col].map(lambda v: "" if pd.isna(v) else ("true" if v else "false"))
    return out.to_csv(index=False, lineterminator="\n").encode("utf-8")


def resource_descriptor(table: Table, content: bytes, n_rows: int) -> dict:
    """Frictionless resource descriptor for one table."""
    schema: dict = {"fields": [f.descriptor() for f in table.fields], "missingValues": [""]}
    if table.primary_key:
        schema["primaryKey"] = list(table.primary_key)
    return {
        "name": table.name,
        "path": table.path,
        "title": table.title,
        "description": table.description,
        "derivation": table.derivation,
        "raw_folder": table.raw_folder,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "bytes": len(content),
        "hash": "sha256:" + hashlib.sha256(content).hexdigest(),
        "rows": n_rows,
        "sources": [{"title": s.title, "path": s.path, "citation": s.citation, "credit": s.credit}
                    for s in table.sources],
        "licenses": [lic.descriptor() for lic in table.licences],
        "schema": schema,
    }


def package_descriptor(resources: list[dict]) -> dict:
    return {
        "name": "between-powers-data",
        "title": "Between Powers: derived tables on Kazakhstan's foreign policy",
        "description": "Small derived tables for the Between Powers notebook series, built by "
                       "`python -m betweenpowers_tools.build_data` from the raw public extracts. Each resource names "
                       "its original source, licence and derivation. See data/README.md.",
        "licenses": [{"name": "various", "title": "Each resource carries its own licence (see resources)"}],
        "resources": resources,
    }


def write_all(tables: dict[str, pd.DataFrame], out_dir: Path) -> list[Path]:
    """Write every table and datapackage.json into ``out_dir``. Returns the written paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    resources = []
    for name, frame in tables.items():
        table = TABLES[name]
        content = to_csv_bytes(frame)
        path = out_dir / table.path
        path.write_bytes(content)
        written.append(path)
        resources.append(resource_descriptor(table, content, len(frame)))
    descriptor_path = out_dir / "datapackage.json"
    text = json.dumps(package_descriptor(resources), indent=2, ensure_ascii=False) + "\n"
    descriptor_path.write_text(text, encoding="utf-8")
    written.append(descriptor_path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
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


if __name__ == "__main__":
    raise SystemExit(main())
