"""The student package of the Between Powers series: only what a lesson's kernel imports, and the registry of explorers.

Modules, one concern each:

* :mod:`betweenpowers.data` loads the tables in ``data/`` as validated DataFrames and writes their source lines;
* :mod:`betweenpowers.vectors` defines the country groups ("vectors") and country names;
* :mod:`betweenpowers.measures` holds the pure measures the lessons teach, the capstone's verdict rules among them;
* :mod:`betweenpowers.plots` gives every figure the house style, a source line and alt text;
* :mod:`betweenpowers.widgets` holds the explorers: views, figures and controls;
* :mod:`betweenpowers.explorers` is the one registry of explorers: lesson -> tables -> builder;
* :mod:`betweenpowers.checks` gives feedback on exercise answers; :mod:`betweenpowers.answer_key` holds the questions.

The maintainers' tools (data build, exercise generator, static edition, links) are in :mod:`betweenpowers_tools`.
"""

__version__ = "0.1.0"
