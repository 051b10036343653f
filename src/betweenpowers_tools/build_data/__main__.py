"""python -m betweenpowers_tools.build_data: rebuild data/ from ../shared/data-raw."""

from betweenpowers_tools.build_data import main

raise SystemExit(main())
