"""Every lesson in a real browser: Run All, every explorer renders, and changing each explorer redraws it.

One test per notebook of notebooks/ (or of $BP_BROWSER_NOTEBOOK_DIR), collected when pytest starts. For each:
open it in JupyterLab, wait for its kernel to be idle, Edit > Clear Outputs of All Cells, Run > Run All Cells, wait
until every cell has run, then

* no cell has an error output and every non-empty code cell has run (Run All stops at the first error);
* no widget shows "Error displaying widget" or ipywidgets' error view (a broken-widget icon, "Click to show
  javascript error.");
* the page shows one explorer per code cell whose source calls ``..._explorer(`` (the notebook is read with
  nbformat; comment lines and ``def ..._explorer(`` lines do not count), and each has rendered: an <img> or a text
  message in its Output;
* for each explorer: a click on its first checkbox, or, with no checkbox, another option in its first dropdown
  (<select>), changes its figure (the <img> src) or its message within 15 s.

The explorer contract (docs/authoring.md, "Explorers"): a box with the DOM class ``bp-explorer``
(``widgets.common.explorer_box``) holding at least one Checkbox or Dropdown and, last, one ``Output`` that shows a
PNG figure or a text message (``widgets.common.show_in``); changing the first checkbox (or, without checkboxes, the
first dropdown) redraws it. Each code cell that calls ``<topic>_explorer(`` displays exactly one explorer, and no
other cell displays one.

Lesson 00 also keeps its own checks: the explorer has "USA", "Russia" and "China" checkboxes and toggling "China"
changes the figure. Where a lesson asks for a prediction before its explorer (``prediction = ...``), a letter is
typed into that cell and run, and the check's feedback must appear. Lesson 08 checks its verdict lab: a verdict
typed into the C01 cell and run is saved; with the other fifteen on the sheet, the reveal cell shows the course's
verdicts and the agreement.
"""

from __future__ import annotations

import re
import time

import nbformat
import pytest

pytestmark = pytest.mark.browser

EXPLORER = ".bp-explorer"
EXPLORER_CALL = "_explorer("
# A line calling an explorer: contains "_explorer(" and is neither a comment nor a "def ..._explorer(" line.
EXPLORER_CALL_LINE = re.compile(r"^(?!\s*(#|def\s)).*\w_explorer\(", re.MULTILINE)
TIMEOUT_MS = 60_000
RUN_ALL_TIMEOUT = 300  # s, for the whole notebook (nbval allows 120 s per cell)
RENDER_TIMEOUT = 60  # s, for the explorers to render once every cell has run
REDRAW_TIMEOUT = 15  # s, from a change of a control to a new figure or message
BETWEEN_WIDGETS_MS = 1000  # toolchain notes: wait a second between interactions with different widgets
CLEAR_ALL = '.lm-Menu-item[data-command="editmenu:clear-all"]'
RUN_ALL = '.lm-Menu-item[data-command="runmenu:run-all"], .lm-Menu-item[data-command="notebook:run-all-cells"]'
WIDGET_ERROR = ".jupyter-widgets-error-widget"
PROMPTS = ".jp-Notebook .jp-CodeCell .jp-InputPrompt"
# An error output is rendered as stderr text: a traceback, or for a SyntaxError the "Cell In[n]" + "...Error:" form
# (also the one-line form of exceptions with _render_traceback_, e.g. "DataError: ...").
ERROR_TEXT = re.compile(r"Traceback \(most recent call last\)|^\s*\w*(Error|Exception)\b", re.MULTILINE)

# What an explorer shows: the src of the first <img> in its (last) Output, else the Output's text; None if empty.
EXPLORER_SHOWS_JS = """e => {
    const outs = e.querySelectorAll('.widget-output');
    const out = outs.length ? outs[outs.length - 1] : e;
    const img = out.querySelector('img');
    if (img && img.getAttribute('src')) return 'img:' + img.getAttribute('src');
    const text = out.innerText.trim();
    return text ? 'text:' + text : null;
}"""


def short(shows: str | None, n: int = 90) -> str:
    if shows is None:
        return "nothing"
    return shows if len(shows) <= n else f"{shows[:n]}... ({len(shows)} chars)"


def session_kernel(lab, path: str, timeout: float = 60) -> str:
    """Id of the kernel of the notebook's session (JupyterLab starts it when it opens the notebook)."""
    deadline = time.monotonic() + timeout
    sessions = []
    while time.monotonic() < deadline:
        sessions = lab.api("/api/sessions")
        for s in sessions:
            if s.get("path") == path and s.get("kernel"):
                return s["kernel"]["id"]
        time.sleep(0.3)
    raise AssertionError(f"no kernel session for {path} after {timeout} s: {[s.get('path') for s in sessions]}")


def kernel_state(lab, kernel_id: str) -> dict:
    return lab.api(f"/api/kernels/{kernel_id}")


def wait_for_idle(lab, kernel_id: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    state = None
    while time.monotonic() < deadline:
        state = kernel_state(lab, kernel_id).get("execution_state")
        if state == "idle":
            return
        time.sleep(0.3)
    raise AssertionError(f"kernel not idle after {timeout} s (state {state!r})")


def error_outputs(page) -> list[str]:
    texts = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').all_inner_texts()
    return [t for t in texts if ERROR_TEXT.search(t)]


def assert_no_errors(page, when: str) -> None:
    errors = error_outputs(page)
    assert not errors, f"error outputs {when}:\n" + "\n---\n".join(e[:1500] for e in errors)
    body = page.locator("body").inner_text()
    assert "Error displaying widget" not in body, f"a widget failed to render {when} ('Error displaying widget')"
    # A widget view that failed in JavaScript: ipywidgets shows a broken-widget icon, "Click to show javascript error."
    broken = page.locator(WIDGET_ERROR)
    assert not broken.count(), f"{broken.count()} widget(s) failed to render {when}: {broken.all_inner_texts()}"


def menu(page, name: str, commands: str) -> None:
    """Open a menu of the menu bar and click an item (found by its command id, not by its label)."""
    page.locator(".lm-MenuBar-item", has_text=re.compile(rf"^\s*{name}\s*$")).click()
    page.locator(commands).first.click()


def run_all_and_wait(page, lab, kernel_id: str, expected_runs: int) -> list[str]:
    """Clear every output and prompt, Run All, and wait until no cell is queued or running, some cell has run and
    the kernel is idle. Returns the prompts. (The stored notebook shows the same prompts as a fresh run, so without
    the clearing a run that never started could not be told from a finished one.)"""
    menu(page, "Edit", CLEAR_ALL)
    deadline = time.monotonic() + 15
    while any(re.search(r"\d", p) for p in page.locator(PROMPTS).all_inner_texts()):
        assert time.monotonic() < deadline, "Edit > Clear Outputs of All Cells did not clear the prompts in 15 s"
        page.wait_for_timeout(200)
    page.wait_for_timeout(BETWEEN_WIDGETS_MS)
    menu(page, "Run", RUN_ALL)
    deadline = time.monotonic() + RUN_ALL_TIMEOUT
    prompts: list[str] = []
    while time.monotonic() < deadline:
        prompts = page.locator(PROMPTS).all_inner_texts()
        queued = any("*" in p for p in prompts)
        ran = expected_runs == 0 or any(re.search(r"\d", p) for p in prompts)
        if ran and not queued and kernel_state(lab, kernel_id).get("execution_state") == "idle":
            return prompts
        page.wait_for_timeout(250)
    running = sum("*" in p for p in prompts)
    raise AssertionError(f"Run All did not finish within {RUN_ALL_TIMEOUT} s ({running} cells still queued or running)")


def wait_for_explorers(page, expected: int) -> list[str | None]:
    """Wait until the page shows `expected` explorers and each shows an image or a message."""
    explorers = page.locator(EXPLORER)
    deadline = time.monotonic() + RENDER_TIMEOUT
    shows: list[str | None] = []
    while time.monotonic() < deadline:
        shows = [explorers.nth(i).evaluate(EXPLORER_SHOWS_JS) for i in range(explorers.count())]
        if len(shows) == expected and all(shows):
            return shows
        page.wait_for_timeout(250)
    raise AssertionError(
        f"expected {expected} rendered explorers (one per code cell calling {EXPLORER_CALL!r}), found "
        f"{len(shows)} with {sum(map(bool, shows))} rendered after {RENDER_TIMEOUT} s "
        f"(an explorer is a box with DOM class {EXPLORER[1:]!r} whose Output shows an <img> or text)"
    )


def wait_for_change(page, explorer, before: str | None, what: str) -> str:
    deadline = time.monotonic() + REDRAW_TIMEOUT
    after = before
    while time.monotonic() < deadline:
        after = explorer.evaluate(EXPLORER_SHOWS_JS)
        if after and after != before:
            return after
        page.wait_for_timeout(200)
    raise AssertionError(
        f"{what} did not change the explorer's figure or message within {REDRAW_TIMEOUT} s "
        f"(before: {short(before)}; after: {short(after)})"
    )


def change_first_control(explorer) -> str:
    """Click the first checkbox, or choose another option in the first dropdown; describe what was done."""
    checkboxes = explorer.locator("input[type=checkbox]")
    if checkboxes.count():
        box = checkboxes.first
        label = box.locator("xpath=..").inner_text().strip()
        was = box.is_checked()
        box.click()
        assert box.is_checked() != was, f"clicking the first checkbox ({label!r}) did not toggle it"
        return f"clicking its first checkbox ({label!r})"
    selects = explorer.locator("select")
    assert selects.count(), "the explorer has neither a checkbox nor a dropdown (see the explorer contract)"
    select = selects.first
    index, n_options = select.evaluate("s => [s.selectedIndex, s.options.length]")
    assert n_options >= 2, f"the explorer's first dropdown has {n_options} option(s): nothing else to choose"
    other = 1 if index == 0 else 0
    option = select.locator("option").nth(other).inner_text().strip()
    select.select_option(index=other)
    return f"choosing {option!r} in its first dropdown"


def check_lesson00_partners(page, lab, explorer) -> None:
    """Lesson 00's own checks: its explorer has partner checkboxes, and toggling "China" redraws the figure."""
    for country in ("USA", "Russia", "China"):
        assert explorer.get_by_role("checkbox", name=country).count() == 1, f"no '{country}' checkbox in explorer"
    before = explorer.evaluate(EXPLORER_SHOWS_JS)
    assert before and before.startswith("img:"), f"lesson 00's explorer shows no image ({short(before)})"
    china = explorer.get_by_role("checkbox", name="China")
    was_checked = china.is_checked()
    china.click()
    assert china.is_checked() != was_checked, "clicking 'China' did not toggle the checkbox"
    after = wait_for_change(page, explorer, before, "toggling 'China'")
    assert after.startswith("img:"), f"after toggling 'China' the explorer shows no image ({short(after)})"


def run_cell_with(page, starts_with: str, new_source: str | None, expect: str) -> str:
    """Type ``new_source`` (if given) into the code cell whose source starts with ``starts_with``, run it with
    Shift+Enter, and wait until its output matches the regular expression ``expect``; returns that output."""
    found = page.locator(".jp-CodeCell").filter(has=page.locator(".cm-content", has_text=starts_with)).first
    found.scroll_into_view_if_needed()
    cell = found.element_handle()  # a fixed element: the locator would stop matching once the source is replaced
    cell.query_selector(".cm-content").click()
    if new_source is not None:
        page.keyboard.press("Control+a")
        page.keyboard.insert_text(new_source)  # inserted as it is: no auto-closed brackets or quotes
    page.keyboard.press("Shift+Enter")
    deadline = time.monotonic() + REDRAW_TIMEOUT
    text = ""
    while time.monotonic() < deadline:
        output = cell.query_selector(".jp-OutputArea")
        text = output.inner_text() if output else ""
        if re.search(expect, text):
            return text
        page.wait_for_timeout(200)
    raise AssertionError(f"running the cell {starts_with!r} did not show {expect!r} within {REDRAW_TIMEOUT} s "
                         f"(shows: {short(text, 300)})")


def check_lesson08_verdict_lab(page, lab, explorer) -> None:
    """Lesson 08: fill the C01 verdict cell and run it (saved on the sheet); then, with the other fifteen verdicts on
    the sheet, run the reveal cell: it shows the agreement with the course."""
    from betweenpowers.checks.verdicts import SHEET_FILE, save_verdict
    from betweenpowers.measures.claims import CLAIMS

    sheet = lab.root / "notebooks" / SHEET_FILE
    run_cell_with(page, 'record_verdict("C01"', 'record_verdict("C01", "partly supported", "the visit happened, '
                  'but the table places it in Almaty")', "C01: saved as 'partly supported'")
    assert sheet.exists(), f"running the C01 cell did not write {sheet}"
    run_cell_with(page, "reveal_verdicts()", None, "Not yet")
    for claim in CLAIMS:
        if claim != "C01":
            save_verdict(claim, "partly supported", "a reason written by the browser test", sheet)
    text = run_cell_with(page, "reveal_verdicts()", None, "You and the course agree on")
    assert "Cohen's kappa" in text and "C01" in text
    assert_no_errors(page, "after the verdict lab")


# Extra checks for particular lessons: file name -> check(page, lab, first explorer).
LESSON_CHECKS = {"00_start_here.ipynb": check_lesson00_partners, "08_capstone.ipynb": check_lesson08_verdict_lab}


def check_lesson(page, lab, lesson: str, context: dict, timings: dict) -> None:
    path = f"notebooks/{lesson}"
    assert (lab.root / path).exists(), f"{path} does not exist in the served copy"
    nb = nbformat.read(lab.root / path, as_version=4)
    code = [c.source for c in nb.cells if c.cell_type == "code"]
    expected_explorers = sum(bool(EXPLORER_CALL_LINE.search(src)) for src in code)
    expected_runs = sum(bool(src.strip()) for src in code)
    context["counts"] = f"{expected_runs} code cells, {expected_explorers} explorer(s)"

    t0 = time.monotonic()
    page.goto(lab.url(f"/lab/tree/{path}?reset"), timeout=TIMEOUT_MS)
    page.locator(".jp-NotebookPanel .jp-Notebook").first.wait_for(state="visible", timeout=TIMEOUT_MS)
    kernel_id = session_kernel(lab, path)
    wait_for_idle(lab, kernel_id)
    page.wait_for_timeout(BETWEEN_WIDGETS_MS)
    timings["open"] = time.monotonic() - t0

    t0 = time.monotonic()
    prompts = run_all_and_wait(page, lab, kernel_id, expected_runs)
    timings["run_all"] = time.monotonic() - t0
    assert_no_errors(page, "after Run All")
    ran = sum(bool(re.search(r"\[\d+\]", p)) for p in prompts)
    assert ran >= expected_runs, f"only {ran} of {expected_runs} non-empty code cells ran after Run All"

    t0 = time.monotonic()
    wait_for_explorers(page, expected_explorers)
    timings["explorers"] = time.monotonic() - t0
    page.wait_for_timeout(BETWEEN_WIDGETS_MS)  # let late widget views settle before checking them
    assert_no_errors(page, "once the explorers rendered")

    t0 = time.monotonic()
    explorers = page.locator(EXPLORER)
    for i in range(expected_explorers):
        explorer = context["explorer"] = explorers.nth(i)
        explorer.scroll_into_view_if_needed()
        before = explorer.evaluate(EXPLORER_SHOWS_JS)
        try:
            what = change_first_control(explorer)
            wait_for_change(page, explorer, before, what)
        except AssertionError as exc:
            raise AssertionError(f"explorer {i + 1} of {expected_explorers}: {exc}") from exc
        page.wait_for_timeout(BETWEEN_WIDGETS_MS)
    if any(src.startswith("prediction = ...") for src in code):  # answer the prediction before the explorer
        run_cell_with(page, "prediction = ...", 'prediction = "a"\ncheck(' + re.search(
            r'check\(("P\d\d"), prediction\)', next(s for s in code if s.startswith("prediction = ...")))[1]
            + ', prediction)', "Correct|Not quite")
    if lesson in LESSON_CHECKS and expected_explorers:
        context["explorer"] = explorers.first
        LESSON_CHECKS[lesson](page, lab, explorers.first)
    timings["interact"] = time.monotonic() - t0
    assert_no_errors(page, "after changing the explorers")


def test_lesson_runs_and_explorers_respond(lesson, lab_page, lab, tmp_path):
    if lesson is None:
        pytest.fail(f"no *.ipynb in {lab.source} (BP_BROWSER_NOTEBOOK_DIR?)", pytrace=False)
    page = lab_page
    context: dict = {}
    timings: dict = {}
    t_start = time.monotonic()
    try:
        check_lesson(page, lab, lesson, context, timings)
    except (Exception, pytest.fail.Exception) as exc:
        shots = []
        try:
            page.screenshot(path=str(shot := tmp_path / "failure-page.png"), full_page=True)
            shots.append(f"screenshot: {shot}")
            if "explorer" in context:
                context["explorer"].screenshot(path=str(shot := tmp_path / "failure-explorer.png"), timeout=5000)
                shots.append(f"explorer screenshot: {shot}")
        except Exception as shot_exc:  # the page itself may be gone
            shots.append(f"no (further) screenshot ({type(shot_exc).__name__}: {str(shot_exc)[:200]})")
        where = "\n".join(shots)
        raise AssertionError(f"{lesson}: {exc}\n{where}\nserver log (tail):\n{lab.log_tail(15)}") from exc
    finally:
        timings["total"] = time.monotonic() - t_start
        times = ", ".join(f"{k} {v:.1f} s" for k, v in timings.items())
        print(f"\n[browser timings] {lesson} ({context.get('counts', '?')}): {times}")
