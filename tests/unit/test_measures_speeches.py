"""Unit tests of betweenpowers.measures.speeches: names, theme counts, keyword in context."""

import pandas as pd
import pytest

from betweenpowers.measures import speeches as m


@pytest.mark.parametrize("raw", ["Mr. Tokaev", "Kassymjomart Tokaev", "Mr.  Kassymzhomart TOKAEV",
                                 "Kassym Jomart Tokayev", "Mr. Kassym-Jomart Tokayev", "Kassymzhomart K. Tokaev"])
def test_every_spelling_of_tokayev_is_one_speaker(raw):
    assert m.speaker_name(raw) == "Tokayev"


def test_relatives_stay_apart_and_missing_stays_missing():
    assert m.speaker_name("Gurbanguly Berdymukhammedov,") == "Berdimuhamedov"
    assert m.speaker_name("Serdar Berdimuhamedov") == "Serdar Berdimuhamedov"
    assert m.speaker_name(None) is None and m.speaker_name(pd.NA) is None


def test_kazakhstan_has_one_speech_a_year_and_few_speakers(table):
    speeches = table("unga_speeches")
    kaz = speeches[speeches["iso3"] == "KAZ"]
    names = {m.speaker_name(s) for s in kaz["speaker"]}
    assert sorted(kaz["year"].astype(int)) == list(range(1992, 2026))
    assert "Tokayev" in names and "Tokaev" not in names and len(names) <= 10


def test_counts_are_whole_words_case_insensitive_per_1000_words():
    speeches = pd.DataFrame({"iso3": ["KAZ"], "year": [2020], "speaker": ["X"], "words": [500],
                             "text": ["Water, WATER and waterways; Afghanistan and the Afghan people."]})
    rates = m.theme_rates(speeches, {"water": ["water"], "afghan": [r"Afghan\w*"]}).set_index("theme")
    assert rates.loc["water", "hits"] == 2 and rates.loc["afghan", "hits"] == 2
    assert rates.loc["water", "per_1000"] == 4.0


def test_keyword_in_context_quotes_at_most_25_words(table):
    speeches = table("unga_speeches")
    passages = m.keyword_in_context(speeches[speeches["iso3"] == "KAZ"], ["nuclear"], width=30, limit=20)
    assert len(passages) == 20
    assert all(len(p.strip(". ").split()) <= 25 for p in passages["passage"])
    assert set(passages.columns) == {"year", "speaker", "passage"}
