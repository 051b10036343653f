"""Answer key for the exercises: one module per lesson (``lesson00``, ``lesson01``, ...).

:mod:`betweenpowers.checks` imports this package the first time a question is looked up; importing it imports
every ``lessonNN`` module here, and each registers its questions with :func:`betweenpowers.checks.register`.
Expected answers, and the answers that a question's typical mistakes give (``mistakes``, see
:mod:`betweenpowers.checks.mistakes`), are computed from the data tables when a question is checked, never
typed in.
Question ids are ``"<lesson>.<number>"``, for example ``"00.3"``; the predictions asked before the lessons'
explorers (``predictions``) are ``"P<lesson>"``, for example ``"P00"``.
"""

import importlib
import pkgutil

#: Modules that register questions: one per lesson, and the predictions asked before the explorers. (``capstone``
#: holds the course's verdicts, read only by the verdict lab's reveal.)
_REGISTERING = ("lesson", "predictions")

for _module in sorted(m.name for m in pkgutil.iter_modules(__path__) if m.name.startswith(_REGISTERING)):
    importlib.import_module(f"{__name__}.{_module}")
