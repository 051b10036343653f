"""The registry of explorers (betweenpowers.explorers) and every explorer under every control.

* The registry is the one place that says how each lesson builds its explorers: every ``*_explorer`` function of
  :mod:`betweenpowers.widgets` is registered once, for one lesson; each lesson calls exactly the builders registered
  for it, in their order; each registered explorer has grid tests, and no other module writes down explorer wiring
  of its own.
* Every explorer survives each of its controls swept over all its values, and empty selections (every checkbox
  off): its Output always shows a figure or a message.
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import re
from collections.abc import Callable

import pytest
from support import ROOT, shown, walk

from betweenpowers.explorers import EXPLORERS, LESSON_EXPLORERS, REGISTRY, Explorer, build_explorer


def explorer_functions() -> dict[str, Callable]:
    """Every ``*_explorer`` function defined in a module of betweenpowers.widgets."""
    import betweenpowers.widgets as package

    found = {}
    for info in pkgutil.iter_modules(package.__path__):
        module = importlib.import_module(f"{package.__name__}.{info.name}")
        for name, obj in vars(module).items():
            if name.endswith("_explorer") and callable(obj) and getattr(obj, "__module__", "") == module.__name__:
                found[name] = obj
    return found


def _lesson_code(lesson: str) -> str:
    cells = json.loads((ROOT / "notebooks" / f"{lesson}.ipynb").read_text(encoding="utf-8"))["cells"]
    return "\n".join("".join(cell["source"]) for cell in cells if cell["cell_type"] == "code")


def test_every_lesson_has_registered_explorers():
    assert sorted(LESSON_EXPLORERS) == sorted(path.stem for path in (ROOT / "notebooks").glob("*.ipynb"))
    for lesson, explorers in LESSON_EXPLORERS.items():
        assert explorers, lesson
        assert all(isinstance(explorer, Explorer) and explorer.lesson == lesson for explorer in explorers), lesson
        assert EXPLORERS[lesson] is explorers[0], lesson
    assert all(REGISTRY[name].call_name == name for name in REGISTRY)


def test_every_explorer_function_is_registered_once():
    functions = explorer_functions()
    registered = [explorer.builder for explorers in LESSON_EXPLORERS.values() for explorer in explorers]
    assert len(registered) == len(set(registered)) == len(REGISTRY), "an explorer is registered twice"
    assert sorted(f.__name__ for f in registered) == sorted(functions), "explorer functions and registry differ"
    assert all(functions[f.__name__] is f for f in registered)


@pytest.mark.parametrize("lesson", sorted(LESSON_EXPLORERS))
def test_each_lesson_calls_the_builders_registered_for_it(lesson):
    called = re.findall(r"\b(\w+_explorer)\(", _lesson_code(lesson))
    registered = [explorer.call_name for explorer in LESSON_EXPLORERS[lesson]]
    assert called == registered, f"{lesson} calls {called}, the registry says {registered}"


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_each_registered_explorer_has_a_grid_test(name):
    builder = REGISTRY[name].builder
    topic = builder.__module__.rsplit(".", 1)[-1]
    test_file = ROOT / "tests" / "unit" / f"test_widgets_{topic}.py"
    assert test_file.exists(), f"{builder.__name__}: no tests/unit/test_widgets_{topic}.py"
    text = test_file.read_text(encoding="utf-8")
    assert re.search(r"def test_\w*grid\w*\(", text), f"{test_file.name}: no test over the parameter grid"
    assert f"{builder.__name__}(" in text, f"{test_file.name}: does not build {builder.__name__}"


def test_the_registered_tables_are_shipped_and_the_figure_is_the_builders_module():
    from betweenpowers import data

    for name, explorer in REGISTRY.items():
        assert set(explorer.tables) <= set(data.table_names()), name
        assert explorer.figure.__module__ == explorer.builder.__module__, name


def test_build_explorer_names_the_lessons_when_asked_for_an_unknown_one():
    with pytest.raises(ValueError, match="00_start_here"):
        build_explorer("99_nothing")


def test_build_explorer_asks_for_a_name_when_a_lesson_has_several():
    several = [lesson for lesson, explorers in LESSON_EXPLORERS.items() if len(explorers) > 1]
    assert several, "no lesson with several explorers: this test has nothing to check"
    names = [explorer.call_name for explorer in LESSON_EXPLORERS[several[0]]]
    with pytest.raises(ValueError, match=names[1]):
        build_explorer(several[0])


#: Signs of explorer wiring written down outside the registry: a mapping keyed by explorer names (like the old
#: EXPLORER_ARGS), an Explorer built by hand, or an explorer built from tables loaded in the same module.
_WIRING = (
    re.compile(r"[\"']\w+_explorer[\"']\s*:"),
    re.compile(r"\bExplorer\("),
    re.compile(r"\b\w+_explorer\((?:[^()]|\([^()]*\))*data\.load_"),
)


def wiring_outside_the_registry(files: list) -> list[str]:
    found = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        for pattern in _WIRING:
            for match in pattern.finditer(text):
                found.append(f"{path}: {match.group(0)[:60]!r}")
    return found


def test_no_module_but_the_registry_defines_explorer_wiring():
    files = [p for folder in ("src", "scripts", "tests") for p in sorted((ROOT / folder).rglob("*.py"))
             if p.name not in ("explorers.py", "test_explorers.py")]
    assert wiring_outside_the_registry(files) == []


def test_the_wiring_check_finds_copies(tmp_path):
    copy = tmp_path / "copy.py"
    copy.write_text('ARGS = {"votes_explorer": lambda: (load(),)}\n'
                    "box = trade_explorer(data.load_trade_dots())\n"
                    'spec = Explorer("02_trade_vectors", ("trade_dots",), trade_explorer, trade_figure)\n',
                    encoding="utf-8")
    assert len(wiring_outside_the_registry([copy])) == 3


def _control_name(control) -> str:
    return f"{type(control).__name__} {getattr(control, 'description', '') or '?'!r}"


def sweep_explorer(explorer) -> list[tuple[str, str]]:
    """Drive every control of an explorer; return (step, what was shown) for each step.

    From the default state: each dropdown through all its options (a dropdown whose options change with another
    one is swept through its new options each time), each slider to its minimum and maximum (range sliders: both
    ends at the minimum, at the maximum, then the full range), each restored afterwards. Then every checkbox off,
    one by one; when that leaves an empty selection (a message), the same sweep again. (Where the checkboxes are
    options rather than a selection, their combinations with the other controls are the business of the grid
    tests in tests/unit/test_widgets_<topic>.py.)
    """
    from ipywidgets import Checkbox, Dropdown, FloatRangeSlider, FloatSlider, IntRangeSlider, IntSlider, Output

    widgets = list(walk(explorer))
    outputs = [w for w in widgets if isinstance(w, Output)]
    assert len(outputs) == 1, f"expected one Output, found {len(outputs)}"
    output = outputs[0]
    boxes = [w for w in widgets if isinstance(w, Checkbox)]
    dropdowns = [w for w in widgets if isinstance(w, Dropdown)]
    sliders = [w for w in widgets if isinstance(w, (IntSlider, FloatSlider))]
    ranges = [w for w in widgets if isinstance(w, (IntRangeSlider, FloatRangeSlider))]
    steps: list[tuple[str, str]] = []

    def step(what: str, control, value) -> None:
        label = f"{_control_name(control)} = {value!r}"
        try:
            setattr(control, what, value)
        except Exception as exc:
            pytest.fail(f"{label} raised {type(exc).__name__}: {exc}")
        try:
            steps.append((label, shown(output)))
        except AssertionError as exc:
            pytest.fail(f"after {label}: {exc}")

    def sweep_dropdown(dropdown) -> None:
        start = dropdown.index
        for index in range(len(dropdown.options)):
            others = {id(d): tuple(d.options) for d in dropdowns if d is not dropdown}
            step("index", dropdown, index)
            for other in dropdowns:
                if other is not dropdown and tuple(other.options) != others[id(other)]:
                    for other_index in range(len(other.options)):
                        step("index", other, other_index)
        if start is not None and dropdown.index != start:
            step("index", dropdown, start)

    def sweep_controls() -> None:
        for dropdown in dropdowns:
            sweep_dropdown(dropdown)
        for slider in sliders:
            start = slider.value
            for value in (slider.min, slider.max, start):
                step("value", slider, value)
        for slider in ranges:
            start = slider.value
            low, high = slider.min, slider.max
            for value in ((low, low), (high, high), (low, high), start):
                step("value", slider, value)

    steps.append(("built", shown(output)))
    sweep_controls()
    for box in boxes:
        step("value", box, False)
    if boxes and steps[-1][1] == "message":  # an empty selection: every other control must cope with it too
        sweep_controls()
    for box in boxes:
        step("value", box, True)
    return steps


@pytest.mark.parametrize("name", sorted(REGISTRY))
def test_explorer_survives_every_control_and_empty_selections(name):
    steps = sweep_explorer(REGISTRY[name].build())
    assert len(steps) > 5, f"{name}: only {len(steps)} steps: does it have controls?"
    assert ("built", "figure") == steps[0], f"{name}: the default view is not a figure"


def test_sweep_catches_an_explorer_that_breaks():
    """The sweep fails on an explorer whose Output is left empty, and on one whose redraw raises."""
    import ipywidgets as widgets

    def broken_explorer(fail_on: str) -> widgets.VBox:
        dropdown = widgets.Dropdown(options=["ok", "bad"], value="ok")
        output = widgets.Output()

        def redraw(_change: object = None) -> None:
            output.outputs = ()
            if dropdown.value == "bad" and fail_on == "raise":
                raise ValueError("boom")
            if dropdown.value == "ok" or fail_on != "empty":
                output.append_stdout("a message\n")

        dropdown.observe(redraw, names="value")
        redraw()
        return widgets.VBox([dropdown, output])

    for mode in ("raise", "empty"):
        with pytest.raises(pytest.fail.Exception):
            sweep_explorer(broken_explorer(mode))
