"""The maintainers' tools of the Between Powers series: nothing here is imported by a notebook.

* :mod:`betweenpowers_tools.build_data` rebuilds ``data/`` from the raw public extracts;
* :mod:`betweenpowers_tools.exercises` writes the exercise notebooks from the solutions;
* :mod:`betweenpowers_tools.static_edition` exports the series to self-contained HTML;
* :mod:`betweenpowers_tools.links` prints Binder and JupyterHub (nbgitpuller) links for a class.

The student package, :mod:`betweenpowers`, holds only what a lesson's kernel imports.
"""
