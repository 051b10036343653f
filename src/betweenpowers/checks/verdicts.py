"""The capstone's verdict sheet: the student's verdict on each claim C01-C16, checked, saved, then compared.

Lesson 08 gives the evidence and asks for a verdict after each claim's block. :func:`record_verdict` checks one
verdict (one of the four on the scale, a reason of a few words of its own) and saves it, with the others, in a small
CSV file in the notebook's folder (:data:`SHEET_FILE`). That file is what an instructor collects from a class.
:func:`reveal_verdicts` shows the course's verdicts only once all sixteen are on the sheet; it then computes how
often the student and the course agree, Cohen's kappa (lesson 05) and where they differ.

Everything here is a pure function except :func:`record_verdict`, :func:`my_verdicts` and :func:`reveal_verdicts`,
which print plain messages and never raise, whatever they are given.

>>> verdict_problems("C01", "partly", "visit happened, city wrong")[0][:40]
"'partly' is not a verdict of the scale. "
>>> read_verdict("Partly  Supported")
'partly supported'
>>> verdict_problems("C01", "partly supported", "visit happened, city wrong")
[]
"""

from __future__ import annotations

import csv
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import pandas as pd

from betweenpowers.checks.parsing import is_missing
from betweenpowers.measures.claims import CLAIM_LESSONS, CLAIMS, VERDICTS
from betweenpowers.measures.coding import cohens_kappa, expected_agreement, percent_agreement

__all__ = [
    "COLUMNS",
    "class_tally",
    "MIN_REASON_WORDS",
    "SHEET_FILE",
    "Comparison",
    "compare_verdicts",
    "missing_claims",
    "my_verdicts",
    "read_sheet",
    "read_verdict",
    "reason_problem",
    "record_verdict",
    "reveal_verdicts",
    "save_verdict",
    "verdict_problems",
]

#: The sheet's file name, in the folder the notebook runs in (the lessons' folder, never ``data/``).
SHEET_FILE = "my_verdicts.csv"
#: The sheet's columns, in order.
COLUMNS = ("claim", "verdict", "reason", "saved")
#: A reason needs at least this many words: the evidence, or the definition that decides the verdict.
MIN_REASON_WORDS = 4

_SCALE = ", ".join(repr(v) for v in VERDICTS)
#: Short forms students use for the long verdict.
_ALIASES = {"not testable": "not testable with this data", "untestable": "not testable with this data"}


def _shown(value: object, limit: int = 40) -> str:
    """A short repr for a message, whatever the value (an object whose repr fails is named by its type)."""
    try:
        text = repr(value)
    except Exception:  # noqa: BLE001 - a student's object may raise anything from repr
        return f"a {type(value).__name__}"
    return text if len(text) <= limit else text[:limit - 3] + "..."


def read_verdict(text: object) -> str | None:
    """The verdict in the scale's spelling, or None: case, extra spaces, underscores and hyphens do not matter.

    >>> read_verdict("not_testable")
    'not testable with this data'
    >>> read_verdict("maybe") is None
    True
    """
    if not isinstance(text, str):
        return None
    words = " ".join(text.lower().replace("_", " ").replace("-", " ").split())
    words = _ALIASES.get(words, words)
    return words if words in VERDICTS else None


def reason_problem(reason: object) -> str | None:
    """What is wrong with a reason, or None. A reason is a few words of its own, not one word repeated.

    >>> reason_problem("word word word word word")
    'The reason repeats itself: say in a few different words which evidence decides the verdict.'
    """
    if is_missing(reason):
        return "No reason yet: replace the \"...\" with one line on the evidence that decides your verdict."
    if not isinstance(reason, str):
        return f"The reason must be text in quotes, not {type(reason).__name__}."
    words = re.findall(r"[\w'%.,-]+", reason.lower())
    if len(words) < MIN_REASON_WORDS:
        return (f"The reason is too short ({len(words)} word{'s' * (len(words) != 1)}): give at least "
                f"{MIN_REASON_WORDS} words on the evidence or the definition that decides your verdict.")
    if len(set(words)) < max(MIN_REASON_WORDS, len(words) // 3):
        return "The reason repeats itself: say in a few different words which evidence decides the verdict."
    return None


def verdict_problems(claim: object, verdict: object, reason: object) -> list[str]:
    """Everything wrong with one entry of the sheet (an empty list when it can be saved)."""
    if not isinstance(claim, str) or claim.strip().upper() not in CLAIMS:
        return [f"{_shown(claim)} is not a claim id: use 'C01' to 'C16', in quotes."]
    problems = []
    if is_missing(verdict):
        problems.append(f"No verdict yet: replace the ... with one of {_SCALE}.")
    elif read_verdict(verdict) is None:
        problems.append(f"{_shown(verdict)} is not a verdict of the scale. Use one of: {_SCALE}.")
    problem = reason_problem(reason)
    if problem:
        problems.append(problem)
    return problems


def read_sheet(path: str | Path = SHEET_FILE) -> dict[str, tuple[str, str]]:
    """The saved sheet: claim -> (verdict, reason), only the valid rows; empty if there is no file yet.

    Raises ValueError, with a message, if the file is not a verdict sheet (for example, edited by hand).
    """
    path = Path(path)
    if not path.exists():
        return {}
    try:
        with path.open(newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ValueError(f"{path.name} cannot be read as a verdict sheet ({exc}); rename it and record "
                         "again.") from None
    if rows and not set(COLUMNS) <= set(rows[0]):
        raise ValueError(f"{path.name} is not a verdict sheet (its columns are {', '.join(rows[0])}); rename it "
                         "and record again.")
    sheet = {}
    for row in rows:
        claim = (row.get("claim") or "").strip().upper()
        if not verdict_problems(claim, row.get("verdict"), row.get("reason")):
            sheet[claim] = (read_verdict(row["verdict"]), row["reason"].strip())
    return dict(sorted(sheet.items()))


def save_verdict(claim: str, verdict: str, reason: str, path: str | Path = SHEET_FILE,
                 now: datetime | None = None) -> dict[str, tuple[str, str]]:
    """Put one valid entry on the sheet (replacing an earlier verdict on the same claim); return the whole sheet."""
    problems = verdict_problems(claim, verdict, reason)
    if problems:
        raise ValueError(" ".join(problems))
    path = Path(path)
    sheet = read_sheet(path)
    sheet[claim.strip().upper()] = (read_verdict(verdict), " ".join(reason.split()))
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    old = _saved_times(path)
    key = claim.strip().upper()
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for other, (kept_verdict, kept_reason) in sorted(sheet.items()):
            writer.writerow([other, kept_verdict, kept_reason, stamp if other == key else old.get(other, "")])
    return dict(sorted(sheet.items()))


def _saved_times(path: Path) -> dict[str, str]:
    if not path.exists():
        return {}
    with path.open(newline="", encoding="utf-8") as handle:
        return {(row.get("claim") or "").strip().upper(): row.get("saved") or "" for row in csv.DictReader(handle)}


def missing_claims(sheet: Mapping[str, object]) -> list[str]:
    """The claims with no verdict on the sheet yet, in order."""
    return [claim for claim in CLAIMS if claim not in sheet]


@dataclass(frozen=True)
class Comparison:
    """A complete sheet against the course's verdicts."""

    table: pd.DataFrame  #: one row per claim: yours, the course's, same (bool)
    agreement: float  #: share of claims with the same verdict, 0-1
    chance: float  #: agreement expected by chance from the two mixes of verdicts (p_e)
    kappa: float  #: Cohen's kappa; NaN when both gave every claim one and the same verdict

    @property
    def differences(self) -> pd.DataFrame:
        """The rows where the verdicts differ."""
        return self.table[~self.table["same"]]


def compare_verdicts(yours: Mapping[str, str], course: Mapping[str, str]) -> Comparison:
    """Agreement, chance agreement and Cohen's kappa between two sets of verdicts on the same claims.

    >>> result = compare_verdicts({"C01": "supported", "C02": "contradicted"},
    ...                           {"C01": "supported", "C02": "partly supported"})
    >>> result.agreement, list(result.differences.index)
    (0.5, ['C02'])
    """
    claims = [claim for claim in CLAIMS if claim in yours and claim in course]
    mine = [yours[claim] for claim in claims]
    theirs = [course[claim] for claim in claims]
    table = pd.DataFrame({"yours": mine, "course": theirs}, index=pd.Index(claims, name="claim"))
    table["same"] = table["yours"] == table["course"]
    return Comparison(table=table, agreement=percent_agreement(mine, theirs),
                      chance=expected_agreement(mine, theirs, VERDICTS),
                      kappa=cohens_kappa(mine, theirs, VERDICTS))


def class_tally(sheets: list[str | Path]) -> pd.DataFrame:
    """A class's verdicts: for each claim, how many sheets gave each verdict, and ``agreement``, the share of the
    sheets that gave the most common one (low agreement = a disputed claim). Unreadable files are skipped with a
    printed note; the sheets' valid rows are counted even when a sheet is incomplete.

    ``sheets`` are the CSV files the students handed in (an instructor collects them into one folder).
    """
    counts = pd.DataFrame(0, index=pd.Index(list(CLAIMS), name="claim"), columns=list(VERDICTS))
    for path in sheets:
        try:
            sheet = read_sheet(path)
        except ValueError as exc:
            print(f"skipped {Path(path).name}: {exc}")
            continue
        for claim, (verdict, _) in sheet.items():
            counts.loc[claim, verdict] += 1
    answered = counts.sum(axis=1)
    counts["sheets"] = answered
    counts["agreement"] = (counts[list(VERDICTS)].max(axis=1) / answered.where(answered > 0)).round(3)
    return counts


# -- What the lesson calls: plain messages, never a traceback ---------------------------------------------------------
def _claim_label(claim: object) -> str:
    try:
        key = claim.strip().upper() if isinstance(claim, str) else None
    except Exception:  # noqa: BLE001 - a str subclass whose methods raise
        key = None
    return key if key in CLAIMS else _shown(claim)


def record_verdict(claim: object, verdict: object, reason: object, path: str | Path = SHEET_FILE) -> None:
    """Check one verdict and, if it can be saved, put it on the sheet; print what happened."""
    try:
        problems = verdict_problems(claim, verdict, reason)
    except Exception:  # noqa: BLE001 - objects that raise from str methods or comparisons
        problems = ["Give the claim id, the verdict and the reason as plain text in quotes."]
    label = _claim_label(claim)
    if problems:
        print(f"{label}: not saved. " + " ".join(problems))
        return
    try:
        sheet = save_verdict(claim, verdict, reason, path)
    except (OSError, ValueError) as exc:
        print(f"{label}: not saved. {exc}")
        return
    print(f"{label}: saved as {read_verdict(verdict)!r}. "
          f"Your sheet ({Path(path).name}) has {len(sheet)} of {len(CLAIMS)} verdicts.")


def _readable_sheet(path: str | Path) -> dict[str, tuple[str, str]] | None:
    """The sheet, or None after printing why it cannot be read."""
    try:
        return read_sheet(path)
    except ValueError as exc:
        print(exc)
        return None


def my_verdicts(path: str | Path = SHEET_FILE) -> pd.DataFrame | None:
    """Your sheet as a table (with the lessons that examine each claim in depth), naming the claims still missing;
    None (and a message) if the sheet is empty or cannot be read."""
    sheet = _readable_sheet(path)
    if sheet is None:
        return None
    missing = missing_claims(sheet)
    if missing:
        print(f"{len(sheet)} of {len(CLAIMS)} verdicts recorded; still to record: {', '.join(missing)}.")
    if not sheet:
        return None
    table = pd.DataFrame([(claim, CLAIMS[claim], CLAIM_LESSONS[claim], *sheet[claim]) for claim in sheet],
                         columns=["claim", "in short", "lessons", "verdict", "reason"]).set_index("claim")
    return table


def reveal_verdicts(path: str | Path = SHEET_FILE) -> pd.DataFrame | None:
    """Once all sixteen verdicts are on the sheet: the course's verdicts beside yours, agreement and kappa.

    Before that, it says what is missing and shows nothing of the course's verdicts.
    """
    sheet = _readable_sheet(path)
    if sheet is None:
        return None
    missing = missing_claims(sheet)
    if missing:
        print(f"Not yet: the course's verdicts are shown once your sheet has all {len(CLAIMS)}. "
              f"{len(sheet)} recorded; still to record: {', '.join(missing)}.")
        return None
    from betweenpowers.answer_key.capstone import COURSE_VERDICTS  # read only here, after the student committed

    result = compare_verdicts({claim: verdict for claim, (verdict, _) in sheet.items()},
                              {claim: verdict for claim, (verdict, _) in COURSE_VERDICTS.items()})
    kappa = "undefined (both gave every claim the same verdict)" if math.isnan(result.kappa) else \
        f"{result.kappa:.2f}"
    print(f"You and the course agree on {int(result.table['same'].sum())} of {len(result.table)} claims "
          f"({result.agreement:.0%}); chance alone would give {result.chance:.0%}; Cohen's kappa {kappa}.")
    if not result.differences.empty:
        print("Where you differ: " + "; ".join(f"{claim} (you: {row.yours}; course: {row.course})"
                                              for claim, row in result.differences.iterrows()) + ".")
        print("A difference is a question for the debate, not a mistake: compare your reason with the course's.")
    table = result.table.assign(
        **{"your reason": [sheet[claim][1] for claim in result.table.index],
           "the course's reason": [COURSE_VERDICTS[claim][1] for claim in result.table.index]})
    return table
