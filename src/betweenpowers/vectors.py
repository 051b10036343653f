"""Country groups ("vectors") used across the series, and country names.

A *vector* is the direction of Kazakhstan's foreign relations that a partner belongs to. The grouping is a
teaching definition, not a fact: lessons show how results move when it changes. Names of countries come
from ISO 3166 through :mod:`pycountry`, never from a hand-written map.
"""

from __future__ import annotations

import pycountry

#: EU member states as of 2020 onwards (27 states), applied to every year so that a series does not jump
#: when membership changed. The United Kingdom is counted under "other West".
EU27: frozenset[str] = frozenset(
    "AUT BEL BGR HRV CYP CZE DNK EST FIN FRA DEU GRC HUN IRL ITA LVA LTU LUX MLT NLD POL PRT ROU SVK SVN ESP "
    "SWE".split()
)

#: Other Western economies: North America, non-EU Western Europe and the US treaty allies in the Pacific.
OTHER_WEST: frozenset[str] = frozenset("USA CAN GBR NOR CHE ISL LIE AUS NZL JPN KOR".split())

#: Kazakhstan's Central Asian neighbours (Afghanistan and Mongolia are not included).
CENTRAL_ASIA: frozenset[str] = frozenset("UZB KGZ TJK TKM".split())

SOUTH_CAUCASUS: frozenset[str] = frozenset("AZE ARM GEO".split())

#: The three great powers: the name shown to students -> ISO3 code in the data (the series' one partner map).
GREAT_POWERS: dict[str, str] = {"USA": "USA", "Russia": "RUS", "China": "CHN"}

#: The partners against which every country's yearly UN vote agreement is computed (table unga_agreement_yearly).
AGREEMENT_PARTNERS: tuple[str, ...] = (*GREAT_POWERS.values(), "KAZ")

#: Trade vectors in display order; ``other`` collects every remaining partner.
TRADE_VECTORS: tuple[str, ...] = (
    "russia",
    "china",
    "eu27",
    "other_west",
    "central_asia",
    "south_caucasus",
    "turkey",
    "other",
)

TRADE_VECTOR_LABELS: dict[str, str] = {
    "russia": "Russia",
    "china": "China",
    "eu27": "EU-27",
    "other_west": "Other West",
    "central_asia": "Central Asia",
    "south_caucasus": "South Caucasus",
    "turkey": "Turkey",
    "other": "Other",
}

#: Historic trade partners in the IMF data whose successors are all EU members.
_HISTORIC_EU = frozenset({"Belgium-Luxembourg", "Czechoslovakia"})


def trade_vector(iso3: str | None, name: str | None = None) -> str:
    """Return the trade vector of a partner, from its ISO 3166 alpha-3 code.

    Mainland China only: Hong Kong and Macao (separate rows in IMF data) fall under ``other``.
    Partners without a code (historic entities) are placed by ``name`` where all successors share a group.
    """
    if not iso3:
        return "eu27" if name in _HISTORIC_EU else "other"
    if iso3 == "RUS":
        return "russia"
    if iso3 == "CHN":
        return "china"
    if iso3 in EU27:
        return "eu27"
    if iso3 in OTHER_WEST:
        return "other_west"
    if iso3 in CENTRAL_ASIA:
        return "central_asia"
    if iso3 in SOUTH_CAUCASUS:
        return "south_caucasus"
    if iso3 == "TUR":
        return "turkey"
    return "other"


#: Short names for the countries the lessons mention most, where the ISO name is long.
_SHORT_NAMES: dict[str, str] = {
    "USA": "USA",
    "RUS": "Russia",
    "GBR": "United Kingdom",
    "IRN": "Iran",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "TUR": "Turkey",
    "MDA": "Moldova",
    "SYR": "Syria",
    "VNM": "Viet Nam",
    "VEN": "Venezuela",
    "BOL": "Bolivia",
    "TZA": "Tanzania",
    "LAO": "Laos",
    "COD": "DR Congo",
    "FSM": "Micronesia",
}


def country_name(iso3: str) -> str:
    """Return a readable English name for an ISO 3166 alpha-3 code (the code itself if unknown).

    >>> country_name("KAZ")
    'Kazakhstan'
    >>> country_name("RUS")
    'Russia'
    """
    if iso3 in _SHORT_NAMES:
        return _SHORT_NAMES[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        historic = pycountry.historic_countries.get(alpha_3=iso3)
        return historic.name if historic is not None else iso3
    return getattr(country, "common_name", None) or country.name
