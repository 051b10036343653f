"""Unit tests of betweenpowers.vectors: the country groups and names."""

import pytest

from betweenpowers import vectors


@pytest.mark.parametrize(
    ("iso3", "expected"),
    [("RUS", "russia"), ("CHN", "china"), ("HKG", "other"), ("DEU", "eu27"), ("GBR", "other_west"),
     ("USA", "other_west"), ("UZB", "central_asia"), ("AZE", "south_caucasus"), ("TUR", "turkey"),
     ("IND", "other"), ("KAZ", "other")],
)
def test_trade_vector(iso3, expected):
    assert vectors.trade_vector(iso3) == expected


def test_historic_partners_are_placed_by_name():
    assert vectors.trade_vector(None, "Belgium-Luxembourg") == "eu27"
    assert vectors.trade_vector(None, "Serbia and Montenegro") == "other"


def test_groups_are_disjoint_and_eu_has_27_members():
    assert len(vectors.EU27) == 27
    groups = [vectors.EU27, vectors.OTHER_WEST, vectors.CENTRAL_ASIA, vectors.SOUTH_CAUCASUS]
    for i, first in enumerate(groups):
        for second in groups[i + 1:]:
            assert not first & second


def test_every_vector_has_a_label():
    assert set(vectors.TRADE_VECTORS) == set(vectors.TRADE_VECTOR_LABELS)


@pytest.mark.parametrize(("iso3", "name"), [("KAZ", "Kazakhstan"), ("RUS", "Russia"), ("USA", "USA"),
                                            ("UZB", "Uzbekistan"), ("XYZ", "XYZ")])
def test_country_name(iso3, name):
    assert vectors.country_name(iso3) == name


def test_historic_country_name_comes_from_iso_3166_3():
    assert vectors.country_name("CSK").startswith("Czechoslovakia")
