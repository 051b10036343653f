"""What General Debate speeches talk about: a theme dictionary, rates per 1,000 words, keyword in context (lesson 05,
section 7).

A **theme dictionary** maps a theme to a few keywords (regular expressions); a speech's count for a theme is the
number of times any of them occurs as a whole word, case-insensitive (``Series.str.count`` with ``\\b`` word
boundaries), and its **rate** is that count per 1,000 words of the speech. The dictionary is a measurement choice:
edit :data:`THEMES` (or pass your own) and the rates move. Reference: Grimmer, Roberts and Stewart, *Text as Data*
(Princeton University Press, 2022), chapter 15 on dictionary methods.

The table is ``unga_speeches`` (UN General Debate Corpus V13, 1992-2024; five 2025 statements as raw PDF text,
``raw_pdf_text`` true: broken words such as "U nited" can hide a keyword, and their lengths are not comparable).
Quote speeches briefly (at most 25 words) and cite year and speaker.

    >>> import pandas as pd
    >>> speeches = pd.DataFrame({"iso3": ["KAZ"], "year": [2020], "speaker": ["Mr. Tokaev"], "words": [10],
    ...                          "text": ["Nuclear weapons and a nuclear-free world; denuclearization."]})
    >>> theme_rates(speeches, {"nuclear": ["nuclear"]})[["hits", "per_1000"]].to_dict("records")
    [{'hits': 2, 'per_1000': 200.0}]
    >>> speaker_name("Mr.  Kassymzhomart TOKAEV"), speaker_name("Nazarbaev")
    ('Tokayev', 'Nazarbayev')
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import pandas as pd

#: The series' starting dictionary: theme -> keywords (regular expressions, matched as whole words, ignoring case).
#: ``nuclear\w*`` matches nuclear and nuclear-free's first word; ``water`` would also count "waters": the choices are
#: yours to change.
THEMES: dict[str, list[str]] = {
    "Nuclear disarmament": [r"nuclear\w*", r"disarmament", r"non-proliferation", r"Semipalatinsk"],
    "UN reform": [r"Security Council reform", r"reform\w* of the (?:United Nations|UN|Organization|Security Council)",
                  r"(?:UN|United Nations) reform", r"revitali[sz]\w*"],
    "Afghanistan": [r"Afghan\w*"],
    "Climate and water": [r"climate", r"water", r"Aral", r"glacier\w*", r"drought\w*"],
    "Connectivity and transport": [r"transit", r"transport\w*", r"corridor\w*", r"connectivity", r"landlocked"],
    "Mediation and peace": [r"mediat\w*", r"dialogue", r"peaceful settlement", r"confidence-building"],
    "Central Asia region": [r"Central Asia\w*", r"regional cooperation"],
}

#: Honorifics the corpus puts before some names (dropped before a name is read).
_HONORIFICS = re.compile(r"^(?:(?:Mr|Mrs|Ms|Dr|H\.E)\.?\s+)+", flags=re.IGNORECASE)

#: Surnames as the corpus spells them -> one spelling per person. The corpus writes names as given in each year's
#: record: Tokaev and Tokayev (and TOKAEV), Nazarbaev and Nazarbayev, Rakhmonov and Rahmon (Emomali Rahmon dropped
#: the Russian ending in 2007). Only the speakers of the eight states are listed.
SURNAME_SPELLINGS: dict[str, str] = {
    "Tokaev": "Tokayev",
    "Nazarbaev": "Nazarbayev",
    "Rakhmonov": "Rahmon", "Rahmonov": "Rahmon",
    "Berdimuhamedow": "Berdimuhamedov", "Berdymukhammedov": "Berdimuhamedov",
    "Shihmuradov": "Shikhmuradov",
    "Otunbaeva": "Otunbayeva",
    "Zhaparov": "Japarov",
    "Karabaev": "Karabayev",
    "Zheenbekov": "Jeenbekov",
    "Jiaxuan": "Tang Jiaxuan", "Jianxuan": "Tang Jiaxuan",
    "Qichen": "Qian Qichen",
}

#: Different people who share a surname, told apart by a first name (father and son in Turkmenistan, brothers in
#: Kyrgyzstan).
FULL_NAMES: dict[str, str] = {"Serdar": "Serdar Berdimuhamedov", "Asylbek": "Asylbek Jeenbekov"}


def speaker_name(raw: str | None) -> str | None:
    """One name per person from the corpus's ``speaker`` field: honorifics dropped, the surname in title case with
    its spelling variants merged (:data:`SURNAME_SPELLINGS`); ``None`` stays ``None``.

    Chinese names are written surname first (``Wang Yi``), so their last word is the given name: the few that vary
    are listed; the others stay unique by their last word within the table.
    """
    if raw is None or (isinstance(raw, float) and pd.isna(raw)) or raw is pd.NA:
        return None
    name = _HONORIFICS.sub("", str(raw).strip()).strip().rstrip(",")
    name = re.sub(r",?\s+Jr\.?$", "", name)
    words = name.split()
    if not words:
        return None
    if words[0].title() in FULL_NAMES:
        return FULL_NAMES[words[0].title()]
    surname = words[-1].title()
    return SURNAME_SPELLINGS.get(surname, surname)


def theme_pattern(keywords: Sequence[str]) -> str:
    """One regular expression matching any keyword as a whole word: ``\\b(?:k1|k2)\\b``.

    >>> theme_pattern(["Afghan\\\\w*", "Kabul"])
    '\\\\b(?:Afghan\\\\w*|Kabul)\\\\b'
    """
    if not keywords:
        raise ValueError("a theme needs at least one keyword")
    return r"\b(?:" + "|".join(keywords) + r")\b"


def theme_rates(speeches: pd.DataFrame, themes: Mapping[str, Sequence[str]] = THEMES) -> pd.DataFrame:
    """Long table: one row per speech and theme with ``hits`` (keyword matches) and ``per_1000`` (hits per 1,000
    words), plus iso3, year, speaker (as :func:`speaker_name` reads it) and words.

    The counting is ``text.str.count(pattern, flags=re.IGNORECASE)``; ``per_1000`` is ``hits / words * 1000``.
    """
    frames = []
    for theme, keywords in themes.items():
        hits = speeches["text"].str.count(theme_pattern(keywords), flags=re.IGNORECASE).astype(int)
        frames.append(pd.DataFrame({
            "iso3": speeches["iso3"].to_numpy(), "year": speeches["year"].astype(int).to_numpy(),
            "speaker": [speaker_name(s) for s in speeches["speaker"]],
            "words": speeches["words"].astype(int).to_numpy(), "theme": theme, "hits": hits.to_numpy(),
        }))
    rates = pd.concat(frames, ignore_index=True)
    rates["per_1000"] = rates["hits"] / rates["words"] * 1000
    return rates


def keyword_in_context(speeches: pd.DataFrame, keywords: Sequence[str], width: int = 8, limit: int = 5,
                       max_words: int = 25) -> pd.DataFrame:
    """Up to ``limit`` passages where a keyword occurs: ``width`` words either side, never more than ``max_words``
    words in all (quotations shown to students stay short), with year and speaker to cite them by.

    >>> import pandas as pd
    >>> one = pd.DataFrame({"year": [2022], "speaker": ["Tokayev"], "text": ["We call for a world free of nuclear "
    ...                     "weapons by the year 2045 and we mean it."]})
    >>> keyword_in_context(one, ["nuclear"], width=3)["passage"].tolist()
    ['... world free of nuclear weapons by the ...']
    """
    if width < 0:
        raise ValueError("width must be 0 or more")
    pattern = re.compile(theme_pattern(keywords), flags=re.IGNORECASE)
    rows = []
    for row in speeches.itertuples(index=False):
        text = str(row.text)
        for match in pattern.finditer(text):
            if len(rows) >= limit:
                break
            found = match.group(0).split()
            room = max(0, (max_words - len(found)) // 2)
            before = text[:match.start()].split()[-min(width, room):] if min(width, room) else []
            after = text[match.end():].split()[:min(width, room)]
            passage = " ".join([*before, *found, *after])
            rows.append({"year": int(row.year), "speaker": speaker_name(row.speaker), "passage": f"... {passage} ..."})
    return pd.DataFrame(rows, columns=["year", "speaker", "passage"])
