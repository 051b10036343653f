"""Builders of the UN General Assembly sponsorship tables: resolutions, sponsors (resolution x state) and yearly
counts per state.

Raw folders: ``unga_sponsorship_dgacm_2019_2026`` (every resolution adopted from October 2019 to June 2026, with
the source's sponsor entries) and ``unga_votes_dgacm_2021_2026`` (the UN's upper-case names of the 193 members
with their ISO3 codes, from the roll-call lists of the same source).

The sponsor entries are read here from the resolutions file (``main_sponsors_raw``, ``additional_sponsors_raw``,
entries separated by ``" || "``), not taken from the raw folder's long file, whose parse counts a few states that
did not sponsor (see :func:`entry_sponsors`). An entry names one state ("KAZAKHSTAN"), several ("Australia,
Austria and Nigeria (on behalf of ...)"), or none (a draft submitted by the President or a committee officer, a
note of the record). The rules, in order:

1. The entry is upper-cased, put in Unicode NFC form and its runs of whitespace made single spaces.
2. An entry that contains "SUBMITTED BY" or "ON THE BASIS OF" names no sponsor: the draft was submitted by the
   President, a committee's Chair, Vice-Chair or Rapporteur or a subsidiary body (the officer's country, which
   some of these entries give in brackets, is not a sponsor), or the entry continues such a text.
3. Clauses "(on behalf of ...)", "(in its capacity as ...)" and an unbracketed ", on behalf of ..." (to the end of
   the entry) are set aside: the groups they name are not counted, only the state just before the clause, which
   gets ``on_behalf`` True.
4. State names are found in what is left: the 193 members' UN names and the ``state`` rows of
   ``sponsor_aliases.csv`` (observer states, older names, misspellings, broken words), the longest name first.
5. An entry with no name must be a ``not_a_sponsor`` row of ``sponsor_aliases.csv``, and in an entry with names,
   nothing may be left but the filler words of :data:`FILLER` and punctuation; otherwise the build stops and names
   the entry, so that a sponsor is never dropped silently.
6. A state is counted once per resolution: ``main`` if a main entry names it, else ``additional``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from betweenpowers_tools.build_data.rawfiles import read_raw

SPONSORSHIP = "unga_sponsorship_dgacm_2019_2026/"
DGACM = "unga_votes_dgacm_2021_2026/"

#: The hand-made table of other spellings of states and of entries that name no sponsor (columns name, iso3, kind,
#: note). ``kind`` is ``state`` (a spelling found anywhere in an entry) or ``not_a_sponsor`` (a whole entry).
ALIASES_FILE = Path(__file__).with_name("sponsor_aliases.csv")
ALIAS_KINDS = ("state", "not_a_sponsor")

#: Text that marks an entry naming no sponsoring state (rule 2).
NO_SPONSOR_MARKERS = ("SUBMITTED BY", "ON THE BASIS OF")

#: The start of a clause that names a group or a capacity, not a sponsor (rule 3).
_CLAUSE = re.compile(r"\((?:ON|OF) BEHALF OF|\(IN ITS CAPACITY AS|,? ON BEHALF OF")

#: Words that may stand beside state names in an entry ("the representative of Austria", "Chile and Peru").
FILLER = ("THE", "AND", "OF", "REPRESENTATIVE", "INTRODUCED", "IN", "COMMITTEE", "BY", "SUBSEQUENTLY")
_FILLER = re.compile(r"\b(?:" + "|".join(FILLER) + r")\b|[\W_]")

#: The source's committee for five resolutions of the Fifth Committee, written as a tag.
COMMITTEE_FIXES = {"#fifthCommittee": "Fifth Committee"}

#: The source's adoption types -> ``unga_resolutions.recorded_vote``.
ADOPTION = {"By a recorded vote": True, "Without a vote": False}


def normalise(entry: str) -> str:
    """An entry as matched: NFC, upper case, single spaces, stripped.

    >>> normalise("  Côte d’Ivoire\\n and  Chile ")
    'CÔTE D’IVOIRE AND CHILE'
    """
    return re.sub(r"\s+", " ", unicodedata.normalize("NFC", entry).upper()).strip()


def read_aliases(path: Path = ALIASES_FILE) -> pd.DataFrame:
    """``sponsor_aliases.csv``, checked: known kinds, an ISO3 code exactly for the ``state`` rows, names unique."""
    table = pd.read_csv(path, dtype=str, keep_default_na=False)
    if list(table.columns) != ["name", "iso3", "kind", "note"]:
        raise ValueError(f"{path}: columns must be name, iso3, kind, note")
    bad = table[~table["kind"].isin(ALIAS_KINDS) | ((table["kind"] == "state") != table["iso3"].str.fullmatch(
        "[A-Z]{3}")) | (table["note"].str.strip() == "")]
    if len(bad):
        raise ValueError(f"{path}: rows with an unknown kind, an ISO3 code where none belongs or none where one "
                         f"does, or no note: {bad['name'].tolist()}")
    if (table["name"] != table["name"].map(normalise)).any() or table["name"].duplicated().any():
        raise ValueError(f"{path}: names must be unique and written as normalise() writes them")
    return table


@dataclass(frozen=True)
class Vocabulary:
    """What the parser knows: state names -> ISO3 (members and aliases), and the whole entries naming no sponsor."""

    names: dict[str, str]
    not_a_sponsor: frozenset[str]
    pattern: re.Pattern[str]


def vocabulary(member_names: dict[str, str], aliases: pd.DataFrame) -> Vocabulary:
    """The parser's vocabulary from the members' UN names (name -> ISO3) and the alias table."""
    states = aliases[aliases["kind"] == "state"]
    names = {normalise(n): code for n, code in member_names.items()} | dict(zip(states["name"], states["iso3"]))
    pattern = re.compile("|".join(re.escape(n) for n in sorted(names, key=lambda n: (-len(n), n))))
    return Vocabulary(names, frozenset(aliases.loc[aliases["kind"] == "not_a_sponsor", "name"]), pattern)


def _clause_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each clause of rule 3; bracketed clauses may nest, an unbracketed one runs to the end."""
    spans, i = [], 0
    while match := _CLAUSE.search(text, i):
        start = match.start()
        if text[start] != "(":
            spans.append((start, len(text)))
            break
        depth, end = 0, start
        while end < len(text):
            depth += text[end] == "("
            depth -= text[end] == ")"
            end += 1
            if depth == 0:
                break
        spans.append((start, end))
        i = end
    return spans


def entry_sponsors(entry: str, vocab: Vocabulary) -> list[tuple[str, bool]]:
    """The states one sponsor entry names, in order, each with whether it acts on behalf of a group (rules 1-5).

    Raises ValueError for an entry the rules cannot read (add it to ``sponsor_aliases.csv``).

    >>> vocab = vocabulary({"CHINA": "CHN", "GUINEA": "GIN", "UNITED KINGDOM": "GBR", "IRELAND": "IRL"},
    ...                    read_aliases())
    >>> entry_sponsors("GUINEA, ON BEHALF OF THE STATES MEMBERS ... THE GROUP OF 77 AND CHINA", vocab)
    [('GIN', True)]
    >>> entry_sponsors("The United Kingdom of Great Britain and Northern Ireland", vocab)
    [('GBR', False)]
    >>> entry_sponsors("SUBMITTED BY THE VICE-CHAIR OF THE COMMITTEE, AHMED MAGDY (EGYPT)", vocab)
    []
    >>> entry_sponsors("GE RMANY", vocab), entry_sponsors("ISLANDS", vocab)
    ([('DEU', False)], [])
    """
    text = normalise(entry)
    if not text or any(marker in text for marker in NO_SPONSOR_MARKERS):
        return []
    spans = _clause_spans(text)
    masked = list(text)
    for start, end in spans:
        masked[start:end] = " " * (end - start)
    masked_text = "".join(masked)
    matches = list(vocab.pattern.finditer(masked_text))
    if not matches:
        if text in vocab.not_a_sponsor:
            return []
        raise ValueError(f"sponsor entry {entry!r} names no state the build knows: add it to {ALIASES_FILE.name} "
                         "(kind state with its ISO3, or not_a_sponsor)")
    rest = _FILLER.sub(" ", vocab.pattern.sub(" ", masked_text)).strip()
    if rest:
        raise ValueError(f"sponsor entry {entry!r}: {rest!r} is neither a state name nor a filler word: add the "
                         f"spelling to {ALIASES_FILE.name}")
    before = [[i for i, m in enumerate(matches) if m.end() <= start] for start, _ in spans]
    acting = {indices[-1] for indices in before if indices}  # the last state named before each clause
    return [(vocab.names[m.group(0)], i in acting) for i, m in enumerate(matches)]


def _entries(cell: object) -> list[str]:
    return [] if pd.isna(cell) else str(cell).split(" || ")


def _raw_resolutions(raw: Path) -> pd.DataFrame:
    return read_raw(raw, SPONSORSHIP + "unga_resolutions_2019_2026.csv", keep_default_na=False, na_values=[""])


def member_names(raw: Path) -> dict[str, str]:
    """The UN's names of the 193 members -> ISO3, from DGACM's roll-call lists."""
    pairs = read_raw(raw, DGACM + "unga_votes_long_2021_2026.csv.gz", usecols=["ms_code", "ms_name"],
                     keep_default_na=False).drop_duplicates()
    return dict(zip(pairs["ms_name"], pairs["ms_code"]))


def build_unga_sponsorship(raw: Path) -> pd.DataFrame:
    """One row per resolution and sponsoring state: symbol, year, iso3, role (main or additional), on_behalf.

    Rows in the order of adoption (date, symbol), main sponsors first, then by ISO3.
    """
    vocab = vocabulary(member_names(raw), read_aliases())
    resolutions = _raw_resolutions(raw).sort_values(["adoption_date", "symbol"], kind="stable")
    rows = []
    for symbol, date, main, additional in resolutions[["symbol", "adoption_date", "main_sponsors_raw",
                                                      "additional_sponsors_raw"]].itertuples(index=False):
        found: dict[str, dict] = {}
        for role, cell in (("main", main), ("additional", additional)):
            for entry in _entries(cell):
                for iso3, on_behalf in entry_sponsors(entry, vocab):
                    row = found.setdefault(iso3, {"date": date, "symbol": symbol, "year": int(date[:4]),
                                                  "iso3": iso3, "role": role, "on_behalf": False})
                    row["on_behalf"] |= on_behalf
        rows.extend(found.values())
    out = pd.DataFrame(rows)
    out = out.assign(_role=out["role"].map({"main": 0, "additional": 1}))
    out = out.sort_values(["date", "symbol", "_role", "iso3"], kind="stable")
    return out.drop(columns=["date", "_role"]).reset_index(drop=True)


def build_unga_resolutions(raw: Path, sponsorship: pd.DataFrame) -> pd.DataFrame:
    """One row per resolution, with the number of main and additional sponsors counted in ``sponsorship``."""
    src = _raw_resolutions(raw)
    counts = sponsorship.groupby(["symbol", "role"]).size().unstack(fill_value=0)
    counts = counts.reindex(index=src["symbol"], columns=["main", "additional"], fill_value=0)
    unknown = set(src["adoption_type"].dropna()) - set(ADOPTION)
    if unknown:
        raise ValueError(f"unknown adoption types {sorted(unknown)}: extend ADOPTION")
    out = pd.DataFrame({
        "symbol": src["symbol"],
        "date": src["adoption_date"],
        "year": src["year"],
        "session": src["symbol"].str.extract(r"^A/RES/(\d+)/")[0].astype("Int64"),
        "committee": src["committee"].replace(COMMITTEE_FIXES),
        "recorded_vote": src["adoption_type"].map(ADOPTION).astype("boolean"),
        "title": src["title"],
        "subjects": src["subjects"],
        "draft": src["originating_document"],
        "submitted_by_officer": src["submitted_by_officer"].astype(bool),
        "n_main": counts["main"].to_numpy(),
        "n_additional": counts["additional"].to_numpy(),
    })
    return out.sort_values(["date", "symbol"], kind="stable").reset_index(drop=True)


def build_unga_sponsorship_yearly(raw: Path, sponsorship: pd.DataFrame, resolutions: pd.DataFrame) -> pd.DataFrame:
    """Every UN member (and every observer state that sponsored) in every year of ``resolutions``: the number of
    resolutions it sponsored as main sponsor, as additional sponsor and in all, zero where none."""
    members = set(member_names(raw).values())
    states = sorted(members | set(sponsorship["iso3"]))
    years = sorted(resolutions["year"].unique())
    grid = pd.MultiIndex.from_product([states, years], names=["iso3", "year"])
    counts = sponsorship.groupby(["iso3", "year", "role"]).size().unstack(fill_value=0)
    counts = counts.reindex(index=grid, columns=["main", "additional"], fill_value=0).reset_index()
    return pd.DataFrame({
        "iso3": counts["iso3"],
        "year": counts["year"].astype(int),
        "un_member": counts["iso3"].isin(members),
        "n_main": counts["main"],
        "n_additional": counts["additional"],
        "n_sponsored": counts["main"] + counts["additional"],
    })
