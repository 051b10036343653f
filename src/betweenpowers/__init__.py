"""Helper package for the Between Powers notebook series.

Modules, one concern each:

* :mod:`betweenpowers.data` loads the tables in ``data/`` as validated DataFrames;
* :mod:`betweenpowers.measures` holds the pure measures the lessons teach (agreement, shares, concentration);
* :mod:`betweenpowers.plots` gives every figure the house style, a source line and alt text;
* :mod:`betweenpowers.widgets` builds the interactive explorers;
* :mod:`betweenpowers.checks` gives feedback on exercise answers;
* :mod:`betweenpowers.exercises` writes exercise notebooks from the solutions;
* :mod:`betweenpowers.build_data` rebuilds ``data/`` from the raw public extracts;
* :mod:`betweenpowers.vectors` defines the country groups ("vectors") and country names.
"""

__version__ = "0.1.0"
