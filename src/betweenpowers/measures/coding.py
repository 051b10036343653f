"""Agreement between two codings of the same items: percentage agreement and Cohen's kappa (lesson 05).

Two coders (two students, or a student and the events table) give each of ``n`` items one code from the same set
of codes, here ``agenda_setting`` or ``balancing``. Two numbers say how well they agree:

* **percentage agreement** ``p_o``: the share of items that got the same code from both (0-1);
* **Cohen's kappa** ``κ = (p_o - p_e) / (1 - p_e)``, where ``p_e`` is the agreement two coders would reach *by
  chance* if each kept their own mix of codes but gave them at random: ``p_e = Σ_k p_1k · p_2k``, with ``p_1k`` the
  share of items the first coder put in code ``k`` and ``p_2k`` the second coder's share. κ = 1 is perfect
  agreement, κ = 0 is no better than chance, κ < 0 is worse than chance.

Reference: Cohen, J. (1960), "A coefficient of agreement for nominal scales", *Educational and Psychological
Measurement* 20(1): 37-46. The same definition is documented with scikit-learn's ``cohen_kappa_score``:
https://scikit-learn.org/stable/modules/generated/sklearn.metrics.cohen_kappa_score.html

Percentage agreement flatters coders when one code is common: two coders who both say "agenda_setting" for most
items agree often by chance alone. Kappa removes that chance part. Neither number says *who* is right, nor whether
the disagreements are random slips or a systematic difference in reading the rule: for that, look at the
cross-table of the two codings (:func:`agreement_table`) and at the items where they differ.

The module also holds the lesson's coding exercise: the ten events students code (:data:`CODING_SAMPLE`), a fixed
second coding of them for the graded questions (:data:`CLASSMATE_CODING`), and :func:`compare_codings`, which
checks a student's codes and reports their agreement with the table in words (a message, never an error).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import pandas as pd

#: The two codes of the ``mode`` column of the events table.
CODES: tuple[str, ...] = ("agenda_setting", "balancing")

#: The ten events of the coding exercise (lesson 05), in date order. A mix of clear rows and rows the compiler of
#: the table flagged as borderline (KZ027, KZ054, KZ066; see ``measures.events.BORDERLINE_EVENTS``): six are coded
#: agenda-setting in the table and four balancing.
CODING_SAMPLE: tuple[str, ...] = (
    "KZ005",  # Nazarbayev proposes CICA at the UN (1992)
    "KZ012",  # CPC oil pipeline inaugurated (2001)
    "KZ027",  # Eurasian Economic Union treaty signed in Astana (2014)
    "KZ028",  # C5+1 format launched with the US Secretary of State (2015)
    "KZ041",  # first Consultative Meeting of Central Asian heads of state, Astana (2018)
    "KZ049",  # Xi Jinping's state visit to Kazakhstan (2022)
    "KZ054",  # Kazakhstan-Uzbekistan border and allied-relations treaties (2022)
    "KZ058",  # Armenia-Azerbaijan foreign ministers' talks in Almaty (2024)
    "KZ066",  # second China-Central Asia summit in Astana (2025)
    "KZ067",  # UN Secretary-General in Almaty, host agreement for a UN centre (2025)
)

#: A fixed, hypothetical second coding of :data:`CODING_SAMPLE`, used by the graded exercise questions so that
#: everyone computes agreement for the same pair of codings. This "classmate" reads the rule strictly: hosting a
#: meeting is not enough, Kazakhstan must have proposed the process, mediated, or settled a question itself. So the
#: first Consultative Meeting (an Uzbek idea), the Almaty talks (hosting, not mediating), the China-Central Asia
#: summit (a format China proposed) and the UN Secretary-General's visit become balancing. It is a teaching
#: construct, not a published coding.
CLASSMATE_CODING: dict[str, str] = {
    "KZ005": "agenda_setting",
    "KZ012": "balancing",
    "KZ027": "balancing",
    "KZ028": "balancing",
    "KZ041": "balancing",
    "KZ049": "balancing",
    "KZ054": "agenda_setting",
    "KZ058": "balancing",
    "KZ066": "balancing",
    "KZ067": "balancing",
}

#: Columns a student sees when coding: everything needed to apply the rule, but not the table's codes.
CODING_COLUMNS: list[str] = ["event_id", "date", "title", "partners", "quote"]


class CodingError(ValueError):
    """A coding that cannot be compared (wrong length, unknown code, an item left as ``...``)."""


def _as_list(codes: Sequence[object] | pd.Series, name: str) -> list[object]:
    if isinstance(codes, pd.Series):
        return codes.tolist()
    if isinstance(codes, (str, bytes)) or not isinstance(codes, Sequence):
        raise TypeError(f"{name} must be a list (or Series) of codes, one per item, not {type(codes).__name__}")
    return list(codes)


def _paired(first: Sequence[object] | pd.Series, second: Sequence[object] | pd.Series) -> tuple[list, list]:
    a, b = _as_list(first, "first"), _as_list(second, "second")
    if len(a) != len(b):
        raise ValueError(f"the two codings must code the same items: {len(a)} codes against {len(b)}")
    return a, b


def percent_agreement(first: Sequence[object] | pd.Series, second: Sequence[object] | pd.Series) -> float:
    """Share of items (0-1) that the two codings give the same code; NaN when there are no items.

    p_o = (1/n) · Σ_i [first_i == second_i]

    The codings are compared item by item, in order (the position, not a pandas index).

    >>> percent_agreement(["a", "a", "b", "b"], ["a", "b", "b", "b"])
    0.75
    """
    a, b = _paired(first, second)
    if not a:
        return math.nan
    return sum(x == y for x, y in zip(a, b)) / len(a)


def expected_agreement(first: Sequence[object] | pd.Series, second: Sequence[object] | pd.Series,
                       labels: Sequence[object] | None = None) -> float:
    """Agreement expected by chance (0-1) if each coder gave their own mix of codes at random; NaN with no items.

    p_e = Σ_k p_1k · p_2k, where p_1k (p_2k) is the share of items the first (second) coder put in code k. The
    sum runs over ``labels`` (default: every code used by either coder).

    >>> expected_agreement(["a", "a", "b", "b"], ["a", "b", "b", "b"])
    0.5
    """
    a, b = _paired(first, second)
    if not a:
        return math.nan
    codes = list(labels) if labels is not None else sorted(set(a) | set(b), key=str)
    n = len(a)
    return sum((a.count(k) / n) * (b.count(k) / n) for k in codes)


def cohens_kappa(first: Sequence[object] | pd.Series, second: Sequence[object] | pd.Series,
                 labels: Sequence[object] | None = None) -> float:
    """Cohen's kappa of two codings of the same items: κ = (p_o - p_e) / (1 - p_e).

    p_o is :func:`percent_agreement`, p_e is :func:`expected_agreement`. κ is 1 for perfect agreement, 0 for
    agreement no better than chance and negative for less. It is undefined (NaN) when p_e = 1, which happens only
    when both coders gave every item one and the same code, and NaN when there are no items.

    Reference: Cohen (1960), "A coefficient of agreement for nominal scales", Educational and Psychological
    Measurement 20(1): 37-46.

    >>> cohens_kappa([1, 1, 0, 0], [0, 1, 0, 0])
    0.5
    """
    p_o = percent_agreement(first, second)
    p_e = expected_agreement(first, second, labels)
    if math.isnan(p_o) or math.isclose(p_e, 1.0):
        return math.nan
    return (p_o - p_e) / (1 - p_e)


def agreement_table(first: Sequence[object] | pd.Series, second: Sequence[object] | pd.Series,
                    names: tuple[str, str] = ("first", "second"),
                    labels: Sequence[str] = CODES) -> pd.DataFrame:
    """Cross-table of two codings: rows are the first coder's codes, columns the second's, cells count items.

    Every code in ``labels`` gets a row and a column (0 where no item has it), so the diagonal holds the
    agreements and the other cells the disagreements, by direction.
    """
    a, b = _paired(first, second)
    table = pd.crosstab(pd.Series(a, name=names[0], dtype=object), pd.Series(b, name=names[1], dtype=object))
    table = table.reindex(index=list(labels), columns=list(labels), fill_value=0).astype(int)
    table.index.name, table.columns.name = names
    return table


def normalise_code(value: object) -> str | None:
    """A student's code in the table's spelling, or None if it is not a code.

    Case, spaces and hyphens do not matter: "Agenda-setting", "agenda setting" and "AGENDA_SETTING" all give
    "agenda_setting".
    """
    if not isinstance(value, str):
        return None
    text = "_".join(value.strip().lower().replace("-", " ").replace("_", " ").split())
    return text if text in CODES else None


def read_codes(codes: object, event_ids: Sequence[str]) -> pd.Series:
    """A student's coding of ``event_ids`` as a Series indexed by event_id, or :class:`CodingError` saying why not.

    ``codes`` may be a dict (or Series) ``{event_id: code}`` or a list with one code per event, in the order of
    ``event_ids``. Codes are normalised with :func:`normalise_code`. The error message names every problem a
    student can fix: items still ``...``, missing or unknown event ids, wrong length, misspelt codes.
    """
    ids = list(event_ids)
    if codes is None or codes is Ellipsis or (isinstance(codes, str) and codes.strip() in ("", "...")):
        raise CodingError("Not coded yet: give each event a code, \"agenda_setting\" or \"balancing\".")
    if isinstance(codes, pd.Series):
        codes = codes.to_dict()
    if isinstance(codes, Mapping):
        unknown = [str(k) for k in codes if k not in ids]
        if unknown:
            raise CodingError(f"Not one of the events to code: {', '.join(unknown)}. Use the event_ids of the "
                              f"sample: {', '.join(ids)}.")
        missing = [i for i in ids if i not in codes]
        if missing:
            raise CodingError(f"No code yet for {', '.join(missing)}: give every event of the sample a code.")
        values = [codes[i] for i in ids]
    elif isinstance(codes, Sequence) and not isinstance(codes, (str, bytes)):
        values = list(codes)
        if len(values) != len(ids):
            raise CodingError(f"You gave {len(values)} codes for {len(ids)} events: give exactly one code per "
                              "event, in the order of the sample.")
    else:
        raise CodingError(f"Give your codes as a dict {{event_id: code}} or a list of {len(ids)} codes, "
                          f"not {type(codes).__name__}.")
    open_items = [i for i, v in zip(ids, values) if v is None or v is Ellipsis or
                  (isinstance(v, str) and v.strip() in ("", "..."))]
    if open_items:
        raise CodingError(f"Not coded yet: replace the `...` for {', '.join(open_items)} with \"agenda_setting\" "
                          "or \"balancing\".")
    bad = [f"{i}: {v!r}" for i, v in zip(ids, values) if normalise_code(v) is None]
    if bad:
        raise CodingError(f"Not a code: {'; '.join(bad)}. Each code must be \"agenda_setting\" or \"balancing\".")
    return pd.Series([normalise_code(v) for v in values], index=pd.Index(ids, name="event_id"), name="code")


def compare_codings(codes: object, reference: pd.DataFrame) -> str:
    """Report, in words, how a student's codes agree with the table's; a message (never an error) for bad input.

    ``reference`` holds the coded events with at least the columns event_id, title and mode (for example
    ``events[events["event_id"].isin(CODING_SAMPLE)]``). The report gives the number of agreements, the
    percentage agreement, Cohen's kappa, and lists every disagreement with the event's title.
    """
    ids = reference["event_id"].astype(str).tolist()
    try:
        yours = read_codes(codes, ids)
    except CodingError as problem:
        return str(problem)
    table = reference.set_index(reference["event_id"].astype(str))["mode"].astype(str).reindex(ids)
    titles = reference.set_index(reference["event_id"].astype(str))["title"].astype(str)
    same = int((yours == table).sum())
    p_o = percent_agreement(yours, table)
    kappa = cohens_kappa(yours, table, CODES)
    kappa_text = "undefined (both codings use one code only)" if math.isnan(kappa) else f"{kappa:.2f}"
    lines = [(f"You agree with the table on {same} of {len(ids)} events: percentage agreement {p_o:.2f}, "
              f"Cohen's kappa {kappa_text}.")]
    differ = [i for i in ids if yours[i] != table[i]]
    if differ:
        lines.append("Where you differ (your code -> the table's code):")
        lines += [f"  {i} {titles[i]}: {yours[i]} -> {table[i]}" for i in differ]
    else:
        lines.append("No disagreement: you read the rule exactly as the compiler of the table did.")
    return "\n".join(lines)
