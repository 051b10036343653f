"""Robustness of the notebooks: whatever a student does, the series keeps working.

* Every notebook (lessons, solutions, exercises) runs twice in one kernel without an error (all cells, then all
  cells again, as a student who presses "Run All" twice), and the second run prints what the first printed.
* Every notebook runs with the network blocked: as root, the runs happen under ``unshare -n`` (a private network
  namespace with loopback only: the kernel works, the internet does not). Elsewhere that test is skipped, saying
  why, except under ``CI=true``, where it fails.
* Nothing a notebook does writes into ``data/``: sha256 and modification time of every file there are the same
  before and after the runs (under ``unshare``, ``data/`` is also bind-mounted read-only, so a write fails where
  it happens).

The runs happen once, in one subprocess (tests/notebook_runner.py) started at the start of the session; it works in
the background while the other tests run, and these tests, moved to the end of the session, wait for it.
"""

from __future__ import annotations

import os

import notebook_runner
import pytest
from notebook_runner import ALL_NOTEBOOKS, _rel, data_snapshot

NOTEBOOK_IDS = [_rel(p) for p in ALL_NOTEBOOKS]


@pytest.mark.parametrize("name", NOTEBOOK_IDS)
def test_notebook_runs_twice_in_one_kernel(runs, name):
    passes = runs.notebooks[name]["passes"]
    assert passes[0]["error"] is None, f"{name}, first run: {passes[0]['error']}"
    assert len(passes) == 2 and passes[1]["error"] is None, f"{name}, second run in the same kernel: " \
                                                            f"{passes[-1]['error']}"


@pytest.mark.parametrize("name", NOTEBOOK_IDS)
def test_second_run_prints_what_the_first_printed(runs, name):
    """Re-running a cell must not change a result (e.g. a column scaled in place twice)."""
    passes = runs.notebooks[name]["passes"]
    if len(passes) < 2 or passes[0]["error"] or passes[1]["error"]:
        pytest.skip("the notebook did not run twice (see test_notebook_runs_twice_in_one_kernel)")
    first, second = passes[0]["printed"], passes[1]["printed"]
    changed = [index for index in first if first[index] != second.get(index)]
    details = [f"cell {i}:\n  first:  {first[i]!r:.300}\n  second: {second.get(i)!r:.300}" for i in changed[:3]]
    assert not changed, f"{name}: the second run showed something else in cell(s) {changed}:\n" + "\n".join(details)


@pytest.mark.parametrize("name", NOTEBOOK_IDS)
def test_notebook_runs_with_the_network_blocked(runs, name):
    if not runs.isolated:
        message = f"could not block the network: {runs.why_not_isolated}"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"{message} (CI=true: this gate must run in CI; run the tests as root)")
        pytest.skip(message)
    error = runs.notebooks[name]["passes"][0]["error"]
    assert error is None, f"{name} failed without network access: {error}"


def test_notebooks_do_not_write_into_data(runs):
    before, after = runs.data_before, runs.data_after
    added = sorted(set(after) - set(before))
    removed = sorted(set(before) - set(after))
    changed = sorted(name for name in set(before) & set(after) if before[name] != after[name])
    assert not (added or removed or changed), (
        f"running the notebooks changed data/: added {added}, removed {removed}, changed {changed}")
    if runs.isolated:
        assert runs.data_readonly, "data/ was not read-only inside the isolated run"


def test_data_snapshot_sees_a_write(tmp_path, monkeypatch):
    """The snapshot catches a changed file, even one rewritten with the same bytes (its mtime moves)."""
    monkeypatch.setattr(notebook_runner, "DATA", tmp_path)
    (tmp_path / "table.csv").write_text("a\n1\n")
    before = data_snapshot()
    os.utime(tmp_path / "table.csv", ns=(0, 0))
    assert data_snapshot() != before
    (tmp_path / "new.csv").write_text("b\n")
    assert "new.csv" in data_snapshot()
