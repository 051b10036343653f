"""Builder of ``unga_speeches``: General Debate speeches of Kazakhstan and seven comparison states, 1992-2025.

Raw folder: ``unga_general_debate_speeches_ungdc_1992_2025``: the UN General Debate Corpus (UNGDC, version 13)
for 1992-2024, and the 2025 (80th session) statements of Kazakhstan, Uzbekistan, Kyrgyzstan, Tajikistan and
Russia from another public collection, as text extracted from PDF files.

The UNGDC texts are kept exactly as in the raw file (UTF-8, line feeds), with the corpus's speaker and post. The
2025 texts are cleaned by :func:`clean_pdf_text` and nothing else: page numbers dropped, words broken at a hyphen
joined, spaces before punctuation removed, the PDF's line breaks made spaces. Words broken elsewhere ("U nited")
stay broken: they cannot be joined safely without a dictionary. ``words`` counts the whitespace-separated tokens
of the text as stored.
"""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd

from betweenpowers_tools.build_data.rawfiles import read_raw

SPEECHES = "unga_general_debate_speeches_ungdc_1992_2025/"

#: ``unga_speeches.source`` values.
UNGDC = "UNGDC V13"
UNGA80 = "UNGA80 statement (PDF text)"

#: Who gave the 2025 statements, as each text's heading names them ({iso3: (speaker, post)}). The Tajik text names
#: no speaker; the Russian one names Lavrov without his post ("Тезисы выступления С.В.Лаврова"): those stay empty.
SPEAKERS_2025 = {
    "KAZ": ("Kassym-Jomart Tokayev", "President"),
    "UZB": ("Shavkat Mirziyoyev", "President"),
    "KGZ": ("Sadyr Zhaparov", "President"),
    "RUS": ("Sergey Lavrov", None),
}

_LEADING_NUMBER = re.compile(r"^[ \t]*(\d{1,3})(?=\s|$)")
_BROKEN_HYPHEN = re.compile(r"(?<=\w) ?-(?:\n[ \t]*)?(?=\w)")
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+(?=[,.;:!?])")


def drop_page_numbers(text: str) -> str:
    """Drop the page numbers of a PDF text: the numbers 1, 2, 3, ... (or 2, 3, ..., where the first page has none)
    that begin a line, in that order, alone on the line or before its first word.

    A number at the start of a line that does not continue the sequence stays ("42 percent").

    >>> drop_page_numbers("Title\\n1 \\nMadam President,\\n2 \\nwe\\n3 Today, 42 percent\\n42 percent")
    'Title\\nMadam President,\\nwe\\nToday, 42 percent\\n42 percent'
    """
    lines, expected = [], None
    for line in text.split("\n"):
        match = _LEADING_NUMBER.match(line)
        number = int(match.group(1)) if match else None
        if number is not None and (number == expected or (expected is None and number in (1, 2))):
            expected = number + 1
            line = line[match.end():].lstrip(" \t")
            if not line:
                continue
        lines.append(line)
    return "\n".join(lines)


def clean_pdf_text(text: str) -> str:
    """The documented cleaning of a text extracted from a PDF file, in this order:

    1. page numbers dropped (:func:`drop_page_numbers`);
    2. words broken at a hyphen joined: a space before a hyphen that is followed by a letter or digit, or a hyphen
       at the end of a line, is removed with the line break ("non -\\nproliferation" -> "non-proliferation",
       "Secretary -General" -> "Secretary-General"); a dash between spaces (" - ", " – ") stays;
    3. whitespace before , . ; : ! ? removed ("Today , Central Asia" -> "Today, Central Asia");
    4. runs of whitespace, line breaks included, made one space (the PDF's lines are not paragraphs); stripped.

    >>> clean_pdf_text("1 \\nFor eight decades, non -\\nproliferation ,\\n Secretary -General !\\n2 \\nAsia - new")
    'For eight decades, non-proliferation, Secretary-General! Asia - new'
    """
    text = drop_page_numbers(text)
    text = _BROKEN_HYPHEN.sub("-", text)
    text = _SPACE_BEFORE_PUNCTUATION.sub("", text)
    return re.sub(r"\s+", " ", text).strip()


def word_count(text: str) -> int:
    """Whitespace-separated tokens, as the raw folder counts them.

    >>> word_count("Mr. President,\\n  Excellencies")
    3
    """
    return len(text.split())


def build_unga_speeches(raw: Path) -> pd.DataFrame:
    """One row per country and year: UNGDC V13 (1992-2024) as is, the 2025 statements cleaned."""
    ungdc = read_raw(raw, SPEECHES + "ungdc_speeches_kaz_and_comparison_1992_2024.csv.gz", keep_default_na=False,
                     na_values=[""])
    pdf = read_raw(raw, SPEECHES + "unga80_2025_statements_kaz_uzb_kgz_tjk_rus.csv", keep_default_na=False,
                   na_values=[""])
    texts_2025 = pdf["text"].map(clean_pdf_text)
    speakers = pdf["iso3"].map(lambda iso3: SPEAKERS_2025.get(iso3, (None, None)))
    parts = [
        pd.DataFrame({
            "iso3": ungdc["iso3"], "year": ungdc["year"], "session": ungdc["session"],
            "speaker": ungdc["speaker"], "post": ungdc["post"], "source": UNGDC, "raw_pdf_text": False,
            "language": "en", "words": ungdc["text"].map(word_count), "text": ungdc["text"],
        }),
        pd.DataFrame({
            "iso3": pdf["iso3"], "year": pdf["year"], "session": pdf["session"],
            "speaker": speakers.str[0], "post": speakers.str[1], "source": UNGA80, "raw_pdf_text": True,
            "language": pdf["language"], "words": texts_2025.map(word_count), "text": texts_2025,
        }),
    ]
    out = pd.concat(parts, ignore_index=True)
    for column in ("speaker", "post"):
        out[column] = out[column].astype("string")
    return out.sort_values(["iso3", "year"]).reset_index(drop=True)
