"""Lesson 00 in a real browser: Run All, the explorer renders, and ticking a box redraws its figure.

What the lesson must provide: an ipywidgets box with the DOM class `bp-explorer` (`box.add_class("bp-explorer")`)
holding Checkboxes described "USA", "Russia" and "China" and an `Output` that shows the figure as a PNG
(an <img>); toggling "China" must change the figure.
"""

from __future__ import annotations

import re
import time

import pytest

pytestmark = pytest.mark.browser

LESSON = "notebooks/00_start_here.ipynb"
EXPLORER = ".bp-explorer"
TIMEOUT_MS = 60_000
RUN_ALL = '.lm-Menu-item[data-command="runmenu:run-all"], .lm-Menu-item[data-command="notebook:run-all-cells"]'
# An error output is rendered as stderr text: a traceback, or for a SyntaxError the "Cell In[n]" + "...Error:" form.
ERROR_TEXT = re.compile(r"Traceback \(most recent call last\)|^\s*\w*(Error|Exception)\b", re.MULTILINE)


def wait_for_idle_kernels(lab, timeout: float = 60) -> None:
    """Poll /api/kernels until there is a kernel and every kernel is idle."""
    deadline = time.monotonic() + timeout
    states = None
    while time.monotonic() < deadline:
        states = [k.get("execution_state") for k in lab.api("/api/kernels")]
        if states and all(s == "idle" for s in states):
            return
        time.sleep(0.5)
    raise AssertionError(f"kernels not idle after {timeout} s: {states}")


def explorer_img_src(explorer) -> str | None:
    img = explorer.locator("img")
    return img.first.get_attribute("src") if img.count() else None


def error_outputs(page) -> list[str]:
    texts = page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').all_inner_texts()
    return [t for t in texts if ERROR_TEXT.search(t)]


def check_lesson00(page, lab) -> None:
    assert (lab.root / LESSON).exists(), f"{LESSON} does not exist (is BP_BROWSER_NOTEBOOK_DIR right?)"
    page.goto(lab.url(f"/lab/tree/{LESSON}?reset"), timeout=TIMEOUT_MS)
    page.locator(".jp-NotebookPanel .jp-Notebook").first.wait_for(state="visible", timeout=TIMEOUT_MS)
    wait_for_idle_kernels(lab)
    page.wait_for_timeout(1000)

    # Run > Run All Cells (the menu item is found by its command id, not by its label).
    page.locator(".lm-MenuBar-item", has_text=re.compile(r"^\s*Run\s*$")).click()
    page.locator(RUN_ALL).first.click()

    explorer = page.locator(EXPLORER).first
    explorer.locator("img").first.wait_for(state="visible", timeout=TIMEOUT_MS)
    wait_for_idle_kernels(lab)  # Run All has finished: every later cell has run too
    page.wait_for_timeout(1000)

    errors = error_outputs(page)
    assert not errors, "cells with error outputs:\n" + "\n---\n".join(e[:1500] for e in errors)
    body = page.locator("body").inner_text()
    assert "Error displaying widget" not in body, "a widget failed to render ('Error displaying widget')"
    for country in ("USA", "Russia", "China"):
        assert explorer.get_by_role("checkbox", name=country).count() == 1, f"no '{country}' checkbox in explorer"

    before = explorer_img_src(explorer)
    assert before, "the explorer shows no image"
    china = explorer.get_by_role("checkbox", name="China")
    was_checked = china.is_checked()
    china.click()
    assert china.is_checked() != was_checked, "clicking 'China' did not toggle the checkbox"

    deadline = time.monotonic() + 15
    after = before
    while time.monotonic() < deadline:
        after = explorer_img_src(explorer)
        if after and after != before:
            break
        page.wait_for_timeout(200)
    assert after and after != before, "the explorer's figure did not change within 15 s of toggling 'China'"
    errors = error_outputs(page)
    assert not errors, "error outputs after toggling 'China':\n" + "\n---\n".join(e[:1500] for e in errors)


def test_lesson00_explorer_renders_and_responds(page, lab, tmp_path):
    try:
        check_lesson00(page, lab)
    except (Exception, pytest.fail.Exception) as exc:
        shot = tmp_path / "lesson00-failure.png"
        try:
            page.screenshot(path=str(shot), full_page=True)
            where = f"screenshot: {shot}"
        except Exception as shot_exc:  # the page itself may be gone
            where = f"no screenshot ({shot_exc})"
        raise AssertionError(f"{exc}\n{where}\nserver log (tail):\n{lab.log_tail(15)}") from exc
