"""docs/glossary.md: every key term has a complete, sourced entry, and each "first used" claim matches the lessons.

Each entry is a ``### Term`` heading followed by bullet fields:

    - **Definition:** ...          1-3 sentences, our own words
    - **Russian:** ...             a term checked against a labelled source, or "—"
    - **Kazakh:** ...              idem
    - **First used:** [NN ...](../notebooks/NN_slug.ipynb)   or "not yet in a lesson ..."
    - **Sources:** [label](https://...) (role); ...        or "everyday word"

Optional fields: **Full name:**, **Note:**. The checks below fail on a broken entry (see the self-tests at the end).
"""

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from support import ROOT

GLOSSARY = ROOT / "docs" / "glossary.md"
NOTEBOOKS = ROOT / "notebooks"

REQUIRED_FIELDS = ("Definition", "Russian", "Kazakh", "First used", "Sources")
OPTIONAL_FIELDS = ("Full name", "Note")
NONE = "—"
NOT_YET = "not yet in a lesson"
EVERYDAY = "everyday word"
MAX_QUOTE_WORDS = 25
MAX_DEFINITION_SENTENCES = 3

# The terms the series needs (issue 5, item 2), each with the anchor lessons link to.
REQUIRED_TERMS = {
    "multi-vector foreign policy": "multi-vector-foreign-policy",
    "balancing": "balancing",
    "bandwagoning": "bandwagoning",
    "hedging": "hedging",
    "middle power": "middle-power",
    "agenda-setting": "agenda-setting",
    "CICA": "cica",
    "SCO": "sco",
    "EAEU": "eaeu",
    "CSTO": "csto",
    "C5+1": "c51",
    "Middle Corridor (Trans-Caspian International Transport Route)": "middle-corridor",
    "ideal point": "ideal-point",
    "HHI (Herfindahl-Hirschman index)": "hhi",
    "mirror statistics": "mirror-statistics",
    "roll-call vote": "roll-call-vote",
    "abstention": "abstention",
    "UN General Assembly": "un-general-assembly",
    "trend-indicator value (TIV)": "tiv",
    "FDI (gross vs net inflow, stock)": "fdi",
    "FOB/CIF": "fob-and-cif",
    "Cohen's kappa": "cohens-kappa",
    "normalised entropy": "normalised-entropy",
    "Consultative Meeting of the Heads of State of Central Asia": "consultative-meeting-central-asia",
    "Astana format": "astana-format",
    "EPCA": "epca",
    "OSCE": "osce",
}

# Phrases an entry must contain (full names and the distinctions the lessons rely on).
REQUIRED_PHRASES = {
    "middle-corridor": ["Trans-Caspian International Transport Route"],
    "hhi": ["Herfindahl", "Hirschman"],
    "tiv": ["trend-indicator value"],
    "fdi": ["gross inflow", "net inflow", "stock"],
    "fob-and-cif": ["free on board", "cost, insurance and freight"],
    "cica": ["Conference on Interaction and Confidence-Building Measures in Asia"],
    "sco": ["Shanghai Cooperation Organisation"],
    "eaeu": ["Eurasian Economic Union"],
    "csto": ["Collective Security Treaty Organization"],
    "osce": ["Organization for Security and Co-operation in Europe"],
    "epca": ["Enhanced Partnership and Cooperation Agreement"],
    "consultative-meeting-central-asia": [
        "Consultative Meeting of the Heads of State of Central Asia"
    ],
}

# How each term shows up in lesson text (case-insensitive). Entries not listed here use their heading.
USAGE_PATTERNS = {
    "abstention": r"abstention",
    "agenda-setting": r"agenda-setting|setting agendas",
    "astana-format": r"Astana (format|process|talks)",
    "balancing": r"\bbalancing\b",
    "bandwagoning": r"bandwagon",
    "c51": r"C5\+1",
    "cica": r"\bCICA\b|Conference on Interaction",
    "cohens-kappa": r"\bkappa\b",
    "consultative-meeting-central-asia": r"Consultative Meeting",
    "csto": r"\bCSTO\b|Collective Security Treaty",
    "customs-union": r"customs union",
    "eaeu": r"\bEAEU\b|Eurasian Economic Union",
    "epca": r"\bEPCA\b|Enhanced Partnership",
    "equidistance": r"equidistan",
    "fdi": r"\bFDI\b|foreign direct investment",
    "final-passage": r"final[- ]passage",
    "fob-and-cif": r"\bFOB\b|\bCIF\b",
    "hedging": r"\bhedg",
    "hhi": r"\bHHI\b|Herfindahl",
    "main-series": r"\bmain series\b",
    "middle-corridor": r"Middle Corridor|Trans-Caspian",
    "mirror-statistics": r"\bmirror\b",
    "multi-vector-foreign-policy": r"multi-?vector",
    "normalised-entropy": r"normali[sz]ed entropy",
    "npt": r"\bNPT\b|Non-Proliferation Treaty",
    "osce": r"\bOSCE\b",
    "roll-call-vote": r"roll[- ]call",
    "sco": r"\bSCO\b|Shanghai Cooperation",
    "semipalatinsk-test-site": r"Semipalatinsk",
    "sponsorship-un-resolutions": r"\bsponsorship\b|\b(?:main|additional)\*? sponsors?\b",
    "tiv": r"\bTIV\b|trend-indicator value",
    "tpnw": r"ban treaty|Prohibition of Nuclear Weapons|\bTPNW\b",
    "un-general-assembly": r"General Assembly",
    "vintage": r"\bvintages?\b",
    # not inside "multi-vector" (its own entry), nor in the text of a link other than a glossary link (the
    # lesson titles of a course map)
    "vector": r"(?<!-)\bvectors?\b(?![^\[\]\n]*\]\((?!\.\./docs/glossary\.md))",
}

FIELD_LINE = re.compile(r"^- \*\*(?P<name>[^*]+?):\*\* ?(?P<value>.*)$")
NOTEBOOK_LINK = re.compile(r"\]\(\.\./notebooks/(?P<file>\d\d_[a-z0-9_]+\.ipynb)\)")
URL = re.compile(r"\]\((?P<url>https?://[^\s)]+)\)")
ANY_LINK_TARGET = re.compile(r"\]\((?P<target>[^)\s]+)\)")
WELL_FORMED_URL = re.compile(r"^https?://[^\s/.]+(\.[^\s/.]+)+\.?(/\S*)?$")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z(\"“*])")
QUOTED = re.compile(r"[\"“]([^\"”\n]+)[\"”]")
# Lessons link a term to its entry at first use (issue 5, item 2): [hedging](../docs/glossary.md#hedging).
GLOSSARY_LINK_PREFIX = "../docs/glossary.md#"
LINK_TO_GLOSSARY = re.compile(r"\]\((?P<target>[^)\s]*glossary\.md[^)\s]*)\)")
FENCED_CODE = re.compile(r"^\s{0,3}(```|~~~).*?^\s{0,3}\1", re.MULTILINE | re.DOTALL)
INLINE_CODE = re.compile(r"(`+).+?\1", re.DOTALL)
HEADING_LINE = re.compile(r"^\s{0,3}#{1,6}\s")


@dataclass
class Entry:
    heading: str
    body: str
    fields: dict = field(default_factory=dict)

    @property
    def anchor(self) -> str:
        return github_anchor(self.heading)


def github_anchor(heading: str) -> str:
    """The fragment GitHub gives a heading: lower case, punctuation dropped, spaces to hyphens."""
    slug = re.sub(r"[^\w\- ]", "", heading.strip().lower())
    return slug.replace(" ", "-")


def duplicates(items) -> set:
    seen, dup = set(), set()
    for item in items:
        (dup if item in seen else seen).add(item)
    return dup


def parse_entries(text: str) -> list[Entry]:
    if "\n## Terms" not in text:
        return []
    body = text.split("\n## Terms", 1)[1]
    parts = re.split(r"^### (.+)$", body, flags=re.MULTILINE)
    entries = []
    for heading, content in zip(parts[1::2], parts[2::2]):
        entry = Entry(heading.strip(), content)
        for line in content.splitlines():
            match = FIELD_LINE.match(line.strip())
            if match:
                entry.fields[match["name"].strip()] = match["value"].strip()
        entries.append(entry)
    return entries


def index_rows(text: str) -> dict[str, str]:
    """Anchor -> first-used cell of the index table."""
    section = (
        text.split("## Index", 1)[1].split("\n## ", 1)[0] if "## Index" in text else ""
    )
    rows = {}
    for match in re.finditer(
        r"^\| [^|]+ \| \[#[^\]]+\]\(#(?P<anchor>[^)]+)\) \| (?P<first>[^|]+) \|$",
        section,
        re.MULTILINE,
    ):
        rows[match["anchor"]] = match["first"].strip()
    return rows


def entry_problems(entry: Entry, notebooks_dir: Path = NOTEBOOKS) -> list[str]:
    """Everything wrong with one entry's fields; an empty list means the entry is complete."""
    problems = []
    unknown = set(entry.fields) - set(REQUIRED_FIELDS) - set(OPTIONAL_FIELDS)
    if unknown:
        problems.append(f"unknown fields {sorted(unknown)}")
    for name in REQUIRED_FIELDS:
        if not entry.fields.get(name):
            problems.append(f"missing or empty field {name!r}")
    if problems:
        return problems

    definition = entry.fields["Definition"]
    sentences = [s for s in SENTENCE_END.split(definition) if s.strip()]
    if len(sentences) > MAX_DEFINITION_SENTENCES:
        problems.append(
            f"definition has {len(sentences)} sentences (at most {MAX_DEFINITION_SENTENCES})"
        )
    if not definition.rstrip().endswith((".", ")")):
        problems.append("definition does not end with a full stop")

    sources = entry.fields["Sources"]
    for language in ("Russian", "Kazakh"):
        value = entry.fields[language]
        if value == NONE:
            continue
        if not CYRILLIC.search(value):
            problems.append(
                f"{language} term {value!r} is neither '{NONE}' nor written in Cyrillic"
            )
        if language not in sources:
            problems.append(
                f"{language} term given but no source is labelled '({language} term)'"
            )

    first_used = entry.fields["First used"]
    if not first_used.startswith(NOT_YET):
        link = NOTEBOOK_LINK.search(first_used)
        if not link:
            problems.append(
                f"first used {first_used!r} is neither a link to ../notebooks/NN_slug.ipynb nor '{NOT_YET}'"
            )
        elif not (notebooks_dir / link["file"]).is_file():
            problems.append(
                f"first used links to a notebook that does not exist: {link['file']}"
            )

    if sources.lower() != EVERYDAY:
        urls = [m["url"] for m in URL.finditer(sources)]
        if not urls:
            problems.append(
                "no source URL (http/https), and not marked as an everyday word"
            )
        elif not any(
            "definition" in role for role in re.findall(r"\)\s*\(([^)]*)\)", sources)
        ):
            problems.append("no source is labelled as supporting the definition")
    elif entry.fields["Russian"] != NONE or entry.fields["Kazakh"] != NONE:
        problems.append(
            "an everyday word with a Russian or Kazakh term needs a source for it"
        )

    for target in (m["target"] for m in ANY_LINK_TARGET.finditer(entry.body)):
        if target.startswith("http") and not WELL_FORMED_URL.match(target):
            problems.append(f"malformed URL {target!r}")
    return problems


def lesson_text(path: Path) -> str:
    """The prose of a lesson: its markdown cells (printed tables and code are not 'use' of a term)."""
    notebook = json.loads(path.read_text(encoding="utf-8"))
    return "\n".join(
        "".join(cell["source"])
        for cell in notebook["cells"]
        if cell["cell_type"] == "markdown"
    )


def usage_problem(entry: Entry, lessons: dict[str, str]) -> str | None:
    """Compare an entry's 'first used' with the lessons (file name -> markdown text, in course order)."""
    pattern = re.compile(
        USAGE_PATTERNS.get(entry.anchor, re.escape(entry.heading)), re.IGNORECASE
    )
    used_in = [name for name, text in lessons.items() if pattern.search(text)]
    first_used = entry.fields.get("First used", "")
    if first_used.startswith(NOT_YET):
        if used_in:
            return f"{entry.heading}: marked '{NOT_YET}' but {used_in[0]} uses it; link its first use"
        return None
    link = NOTEBOOK_LINK.search(first_used)
    if link is None:
        return f"{entry.heading}: no notebook link"
    if not used_in:
        return f"{entry.heading}: no lesson text matches /{pattern.pattern}/"
    if used_in[0] != link["file"]:
        return f"{entry.heading}: first used in {used_in[0]}, not {link['file']}"
    return None


def glossary_links(markdown: str) -> list[tuple[str, bool]]:
    """Targets of the links to the glossary in some markdown (code left out), each with whether it sits in a heading."""
    prose = INLINE_CODE.sub("", FENCED_CODE.sub("", markdown))
    return [
        (match["target"], bool(HEADING_LINE.match(line)))
        for line in prose.splitlines()
        for match in LINK_TO_GLOSSARY.finditer(line)
    ]


def glossary_link_problems(markdown: str, anchors: set[str]) -> list[str]:
    """Links to the glossary that are not ``../docs/glossary.md#<anchor of an entry>``, or that sit in a heading."""
    problems = []
    for target, in_heading in glossary_links(markdown):
        if not target.startswith(GLOSSARY_LINK_PREFIX):
            problems.append(f"{target}: not of the form {GLOSSARY_LINK_PREFIX}<anchor>")
        elif target.removeprefix(GLOSSARY_LINK_PREFIX) not in anchors:
            problems.append(f"{target}: no entry has this anchor")
        if in_heading:
            problems.append(f"{target}: a glossary link inside a heading")
    return problems


def first_use_link_problem(entry: Entry, lessons: dict[str, str]) -> str | None:
    """The lesson that 'first used' names must link the term to its entry (file name -> markdown text)."""
    link = NOTEBOOK_LINK.search(entry.fields.get("First used", ""))
    if link is None:
        return None  # not yet in a lesson
    target = GLOSSARY_LINK_PREFIX + entry.anchor
    if target not in {
        found for found, _ in glossary_links(lessons.get(link["file"], ""))
    }:
        return f"{entry.heading}: {link['file']} never links to {target}"
    return None


@pytest.fixture(scope="module")
def text() -> str:
    return GLOSSARY.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def entries(text) -> list[Entry]:
    found = parse_entries(text)
    assert found, "docs/glossary.md has no '## Terms' section with '### Term' entries"
    return found


@pytest.fixture(scope="module")
def lessons() -> dict[str, str]:
    return {
        path.name: lesson_text(path)
        for path in sorted(NOTEBOOKS.glob("[0-9][0-9]_*.ipynb"))
    }


def test_every_required_term_has_an_entry(entries):
    anchors = {entry.anchor for entry in entries}
    missing = {
        term: anchor for term, anchor in REQUIRED_TERMS.items() if anchor not in anchors
    }
    assert not missing, f"no entry for {missing}"


def test_entries_carry_their_full_names_and_key_distinctions(entries):
    by_anchor = {entry.anchor: entry for entry in entries}
    missing = {
        anchor: phrase
        for anchor, phrases in REQUIRED_PHRASES.items()
        for phrase in phrases
        if phrase.lower() not in by_anchor[anchor].body.lower()
    }
    assert not missing, f"entries lack these phrases: {missing}"


def test_every_entry_has_definition_terms_first_use_and_sources(entries):
    problems = {entry.heading: entry_problems(entry) for entry in entries}
    problems = {heading: found for heading, found in problems.items() if found}
    assert not problems, problems


def test_anchors_are_unique_and_match_the_index(text, entries):
    anchors = [entry.anchor for entry in entries]
    assert not duplicates(anchors), f"duplicate anchors: {duplicates(anchors)}"
    assert all(anchors), "an entry heading gives an empty anchor"
    rows = index_rows(text)
    assert set(rows) == set(anchors), {
        "not in index": set(anchors) - set(rows),
        "no entry": set(rows) - set(anchors),
    }


def test_index_first_used_column_agrees_with_the_entries(text, entries):
    rows = index_rows(text)
    for entry in entries:
        link = NOTEBOOK_LINK.search(entry.fields["First used"])
        expected = link["file"][:2] if link else "not yet"
        assert rows[entry.anchor] == expected, (
            f"{entry.heading}: index says {rows[entry.anchor]!r}, entry {expected!r}"
        )


def test_entries_are_in_alphabetical_order(entries):
    headings = [entry.heading for entry in entries]
    assert headings == sorted(headings, key=str.casefold)


def test_first_used_matches_the_lessons(entries, lessons):
    assert lessons, "no lesson notebooks found"
    problems = [p for p in (usage_problem(entry, lessons) for entry in entries) if p]
    assert not problems, problems


def test_each_term_is_linked_where_it_is_first_used(entries, lessons):
    problems = [
        p for p in (first_use_link_problem(entry, lessons) for entry in entries) if p
    ]
    assert not problems, problems


def test_every_glossary_link_in_a_notebook_points_to_an_entry(entries):
    anchors = {entry.anchor for entry in entries}
    notebooks = sorted(
        path
        for folder in ("notebooks", "exercises", "solutions")
        for path in (ROOT / folder).glob("*.ipynb")
    )
    assert notebooks, "no notebooks found"
    problems = {
        f"{path.parent.name}/{path.name}": found
        for path in notebooks
        if (found := glossary_link_problems(lesson_text(path), anchors))
    }
    assert not problems, problems


def test_quotes_are_at_most_25_words(text):
    long_quotes = [q for q in QUOTED.findall(text) if len(q.split()) > MAX_QUOTE_WORDS]
    assert not long_quotes, long_quotes


def test_note_on_how_terms_were_checked_comes_first(text):
    head = text.split("## Index", 1)[0]
    assert "How the terms were checked" in head
    assert NONE in head and "no translation was guessed" in head


# Self-tests: the checks above can fail.

BROKEN = """
## Terms

### Hedging

- **Definition:** One. Two. Three. Four.
- **Russian:** hedzhirovanie
- **Kazakh:** хеджирлеу
- **First used:** [99 Nowhere](../notebooks/99_nowhere.ipynb)
- **Sources:** none

### Hedging

- **Definition:** Fine.
- **Russian:** —
"""


def test_checker_reports_a_broken_entry(tmp_path):
    first, second = parse_entries(BROKEN)
    problems = " | ".join(entry_problems(first, tmp_path))
    assert "4 sentences" in problems
    assert "neither '—' nor written in Cyrillic" in problems
    assert "Kazakh term given but no source" in problems
    assert "does not exist: 99_nowhere.ipynb" in problems
    assert "no source URL" in problems
    assert "missing or empty field 'Kazakh'" in " ".join(
        entry_problems(second, tmp_path)
    )
    assert duplicates([first.anchor, second.anchor]) == {"hedging"}


def test_checker_accepts_a_complete_entry(tmp_path):
    (tmp_path / "01_lesson.ipynb").write_text("{}")
    good = parse_entries(
        "\n## Terms\n\n### Hedging\n\n- **Definition:** Keeping options open.\n- **Russian:** хеджирование\n"
        "- **Kazakh:** —\n- **First used:** [01 Lesson](../notebooks/01_lesson.ipynb)\n"
        "- **Sources:** [A](https://example.org/a) (definition); [B](https://example.org/b) (Russian term)\n"
    )[0]
    assert entry_problems(good, tmp_path) == []


def test_anchor_rule_and_usage_check():
    assert github_anchor("C5+1") == "c51"
    assert github_anchor("Cohen's kappa") == "cohens-kappa"
    assert (
        github_anchor("Consultative Meeting (Central Asia)")
        == "consultative-meeting-central-asia"
    )
    entry = parse_entries(
        "\n## Terms\n\n### Cohen's kappa\n\n- **First used:** not yet in a lesson\n"
    )[0]
    assert usage_problem(
        entry, {"00_a.ipynb": "no such word", "05_b.ipynb": "Cohen's kappa is 0.7"}
    )
    assert usage_problem(entry, {"00_a.ipynb": "no such word"}) is None
    linked = parse_entries(
        "\n## Terms\n\n### Baseline\n\n- **First used:** [01](../notebooks/01_b.ipynb)\n"
    )[0]
    assert "first used in 00_a.ipynb" in usage_problem(
        linked, {"00_a.ipynb": "a baseline", "01_b.ipynb": "baseline"}
    )


def test_glossary_link_checks_can_fail():
    anchors = {"hedging", "c51"}
    markdown = (
        "Kazakhstan is [hedging](../docs/glossary.md#hedging) within [C5+1](../docs/glossary.md#c51).\n"
        "A [typo](../docs/glossary.md#hedgeing), a [wrong path](glossary.md#hedging), "
        "[no anchor](../docs/glossary.md).\n"
        "## [Hedging](../docs/glossary.md#hedging) in a heading\n"
        "`[code](../docs/glossary.md#nowhere)` and\n```\n[fenced](../docs/glossary.md#nowhere)\n```\n"
    )
    problems = " | ".join(glossary_link_problems(markdown, anchors))
    assert "#hedgeing: no entry has this anchor" in problems
    assert "glossary.md#hedging: not of the form" in problems
    assert "../docs/glossary.md: not of the form" in problems
    assert "inside a heading" in problems
    assert "nowhere" not in problems
    assert len(glossary_link_problems(markdown.splitlines()[0], anchors)) == 0

    entry = parse_entries(
        "\n## Terms\n\n### Hedging\n\n- **First used:** [01](../notebooks/01_b.ipynb)\n"
    )[0]
    assert (
        "01_b.ipynb never links to ../docs/glossary.md#hedging"
        in first_use_link_problem(
            entry,
            {
                "00_a.ipynb": "[hedging](../docs/glossary.md#hedging)",
                "01_b.ipynb": "hedging",
            },
        )
    )
    assert first_use_link_problem(
        entry, {"01_b.ipynb": "`[hedging](../docs/glossary.md#hedging)`"}
    )
    assert (
        first_use_link_problem(
            entry, {"01_b.ipynb": "so [hedging](../docs/glossary.md#hedging)"}
        )
        is None
    )
    not_yet = parse_entries(
        "\n## Terms\n\n### EPCA\n\n- **First used:** not yet in a lesson\n"
    )[0]
    assert first_use_link_problem(not_yet, {}) is None


def test_vector_usage_skips_multi_vector_and_link_text():
    pattern = re.compile(USAGE_PATTERNS["vector"], re.IGNORECASE)
    assert not pattern.search(
        "a **multi-vector** policy; [02 Trade vectors](02_trade_vectors.ipynb)"
    )
    assert pattern.search("count events by [vector](../docs/glossary.md#vector)")
    assert pattern.search("Now the **vectors**.")
