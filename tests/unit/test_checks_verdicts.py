"""The capstone's verdict sheet (betweenpowers.checks.verdicts): checking, saving, reading back and the reveal."""

from __future__ import annotations

import csv
import math
from datetime import UTC, datetime

import pytest
from hostile_answers import bad_answers

from betweenpowers.answer_key.capstone import COURSE_VERDICTS
from betweenpowers.checks.verdicts import (
    COLUMNS,
    compare_verdicts,
    missing_claims,
    my_verdicts,
    read_sheet,
    read_verdict,
    reason_problem,
    record_verdict,
    reveal_verdicts,
    save_verdict,
    verdict_problems,
)
from betweenpowers.measures.claims import CLAIMS, VERDICTS
from betweenpowers.measures.coding import cohens_kappa

REASON = "the visit happened but in Almaty"


@pytest.fixture
def sheet(tmp_path):
    return tmp_path / "my_verdicts.csv"


def fill(path, verdicts):
    for claim, verdict in verdicts.items():
        save_verdict(claim, verdict, f"my own reason for {claim} here", path)


@pytest.mark.parametrize(("text", "expected"), [
    ("supported", "supported"), ("Partly  Supported", "partly supported"), ("partly_supported", "partly supported"),
    ("not testable", "not testable with this data"), ("NOT-TESTABLE-WITH-THIS-DATA", "not testable with this data"),
    ("contradicted ", "contradicted"), ("partly", None), ("true", None), (3, None), (None, None),
])
def test_read_verdict(text, expected):
    assert read_verdict(text) == expected


@pytest.mark.parametrize(("reason", "start"), [
    (..., "No reason yet"), ("...", "No reason yet"), ("", "No reason yet"), (42, "The reason must be text"),
    ("Almaty", "The reason is too short (1 word)"), ("city was wrong", "The reason is too short (3 words)"),
    ("word " * 30, "The reason repeats itself"), ("wrong city wrong city wrong city", "The reason repeats itself"),
])
def test_reason_problems_name_the_mistake(reason, start):
    assert reason_problem(reason).startswith(start)


def test_a_reason_of_a_few_different_words_passes():
    assert reason_problem(REASON) is None
    assert reason_problem("Kazakhstan's trade: 48.8 bn US$ (BNS) in 2024, so close to 50") is None


@pytest.mark.parametrize("claim", ["C17", "c00", 1, None, "", "C 01"])
def test_an_unknown_claim_is_named(claim):
    problems = verdict_problems(claim, "supported", REASON)
    assert len(problems) == 1 and "is not a claim id" in problems[0]


def test_problems_list_both_the_verdict_and_the_reason():
    assert verdict_problems("c01", "partly supported", REASON) == []  # the id's case does not matter
    missing = verdict_problems("C01", ..., "...")
    assert [p.split(":")[0] for p in missing] == ["No verdict yet", "No reason yet"]
    wrong = verdict_problems("C01", "true-ish", REASON)
    assert wrong[0].startswith("'true-ish' is not a verdict") and all(repr(v) in wrong[0] for v in VERDICTS)


def test_save_writes_a_sheet_and_replaces_a_claims_verdict(sheet):
    when = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)
    save_verdict("C02", "supported", REASON, sheet, now=when)
    result = save_verdict("c01", "Partly Supported", "  the visit   happened but in Almaty ", sheet, now=when)
    assert result == {"C01": ("partly supported", REASON), "C02": ("supported", REASON)}
    save_verdict("C02", "contradicted", "on reflection the speeches were not new", sheet)
    rows = list(csv.DictReader(sheet.open(encoding="utf-8")))
    assert tuple(rows[0]) == COLUMNS and [r["claim"] for r in rows] == ["C01", "C02"]
    assert rows[1]["verdict"] == "contradicted" and rows[0]["saved"] == "2026-12-07T12:00:00+00:00"
    assert rows[1]["saved"] != rows[0]["saved"]  # the replaced verdict has its own time


def test_save_refuses_what_record_would_refuse(sheet):
    with pytest.raises(ValueError, match="No verdict yet"):
        save_verdict("C01", ..., REASON, sheet)
    assert not sheet.exists()


def test_a_reason_with_quotes_commas_and_a_line_break_survives_the_file(sheet):
    reason = 'the table says "Almaty",\nnot Astana; core holds'
    save_verdict("C01", "partly supported", reason, sheet)
    assert read_sheet(sheet)["C01"][1] == 'the table says "Almaty", not Astana; core holds'


def test_read_sheet_without_a_file_is_empty_and_skips_rows_edited_into_nonsense(sheet):
    assert read_sheet(sheet) == {}
    fill(sheet, {"C01": "supported", "C02": "contradicted"})
    text = sheet.read_text(encoding="utf-8").replace("contradicted", "maybe")
    sheet.write_text(text, encoding="utf-8")
    assert list(read_sheet(sheet)) == ["C01"]


@pytest.mark.parametrize("content", [b"name,grade\nAda,5\n", b"\xff\xfe\x00garbage"])
def test_a_file_that_is_not_a_sheet_gets_a_message(sheet, content, capsys):
    sheet.write_bytes(content)
    with pytest.raises(ValueError, match="rename it"):
        read_sheet(sheet)
    assert my_verdicts(sheet) is None and reveal_verdicts(sheet) is None
    assert capsys.readouterr().out.count("rename it") == 2
    record_verdict("C01", "supported", REASON, sheet)
    assert "C01: not saved." in capsys.readouterr().out
    assert sheet.read_bytes() == content  # the student's file is not overwritten


def test_record_prints_what_happened(sheet, capsys):
    record_verdict("C01", ..., "...", sheet)
    out = capsys.readouterr().out
    assert out.startswith("C01: not saved. No verdict yet") and not sheet.exists()
    record_verdict("c01", "partly supported", REASON, sheet)
    assert capsys.readouterr().out.strip() == ("C01: saved as 'partly supported'. Your sheet (my_verdicts.csv) has 1 "
                                               "of 16 verdicts.")


@pytest.mark.parametrize("answer", bad_answers(), ids=lambda a: type(a).__name__)
def test_record_never_raises_and_saves_nothing_strange(sheet, answer, capsys):
    for args in ((answer, "supported", REASON), ("C01", answer, REASON), ("C01", "supported", answer)):
        record_verdict(*args, path=sheet)
        assert "not saved" in capsys.readouterr().out
    assert not sheet.exists()


def test_record_in_a_folder_it_cannot_write_says_so(tmp_path, capsys):
    record_verdict("C01", "supported", REASON, tmp_path / "no-such-folder" / "my_verdicts.csv")
    assert capsys.readouterr().out.startswith("C01: not saved.")


def test_my_verdicts_lists_what_is_missing(sheet, capsys):
    assert my_verdicts(sheet) is None
    assert "0 of 16 verdicts recorded" in capsys.readouterr().out
    fill(sheet, {"C03": "contradicted", "C01": "supported"})
    table = my_verdicts(sheet)
    assert list(table.index) == ["C01", "C03"] and list(table.columns) == ["in short", "lessons", "verdict", "reason"]
    assert "still to record: C02, C04," in capsys.readouterr().out
    assert missing_claims(read_sheet(sheet)) == [c for c in CLAIMS if c not in ("C01", "C03")]


def test_reveal_shows_nothing_of_the_course_before_the_sheet_is_complete(sheet, capsys):
    fill(sheet, {claim: "supported" for claim in list(CLAIMS)[:15]})
    assert reveal_verdicts(sheet) is None
    out = capsys.readouterr().out
    assert out.startswith("Not yet") and "still to record: C16" in out
    assert not any(reason[:30] in out for _, reason in COURSE_VERDICTS.values())


def test_reveal_of_the_course_own_verdicts_agrees_fully(sheet, capsys):
    fill(sheet, {claim: verdict for claim, (verdict, _) in COURSE_VERDICTS.items()})
    table = reveal_verdicts(sheet)
    out = capsys.readouterr().out
    assert "agree on 16 of 16 claims (100%)" in out and "Cohen's kappa 1.00" in out and "Where you differ" not in out
    assert table["same"].all() and list(table["the course's reason"]) == [r for _, r in COURSE_VERDICTS.values()]


def test_reveal_names_each_difference_and_computes_kappa(sheet, capsys):
    mine = {claim: verdict for claim, (verdict, _) in COURSE_VERDICTS.items()}
    mine.update({"C03": "contradicted", "C13": "partly supported", "C07": "contradicted"})
    fill(sheet, mine)
    table = reveal_verdicts(sheet)
    out = capsys.readouterr().out
    course = [COURSE_VERDICTS[c][0] for c in CLAIMS]
    kappa = cohens_kappa([mine[c] for c in CLAIMS], course, VERDICTS)
    assert "agree on 13 of 16 claims (81%)" in out and f"Cohen's kappa {kappa:.2f}" in out
    assert "C03 (you: contradicted; course: partly supported)" in out and "C13 (you: partly supported" in out
    assert list(table.index[~table["same"]]) == ["C03", "C07", "C13"]
    assert table.loc["C03", "your reason"] == "my own reason for C03 here"


def test_compare_when_everyone_says_the_same_has_no_kappa(sheet, capsys):
    result = compare_verdicts({c: "partly supported" for c in CLAIMS}, {c: "partly supported" for c in CLAIMS})
    assert result.agreement == 1 and result.chance == 1 and math.isnan(result.kappa)
    assert result.differences.empty


def test_course_verdicts_cover_every_claim_on_the_scale_with_a_reason():
    assert list(COURSE_VERDICTS) == list(CLAIMS)
    assert all(verdict in VERDICTS and reason_problem(reason) is None for verdict, reason in COURSE_VERDICTS.values())
