"""Pure measures the lessons teach, one module per topic.

Each function takes plain pandas objects (or numbers) and returns a new one; nothing here draws or reads a table
(the capstone's evidence in :mod:`.claims` also names its chart kind, labels and source line, which the figure code
reads).
Formulas and references are in the docstrings, so students can check the code against the lesson.

* :mod:`.votes`: UN vote agreement under a rule for abstentions (the one definition, vectorised);
* :mod:`.concentration`: shares, the Herfindahl-Hirschman index, normalised entropy;
* :mod:`.events`: the events table's vectors, categories and modes, event dates, counts by year (lessons 01, 05);
* :mod:`.trade`: trade shares by partner and vector, concentration, balance, a size benchmark (lesson 02);
* :mod:`.issues` and :mod:`.ideal_points`: agreement by issue, ideal-point distances (lesson 03);
* :mod:`.arms` and :mod:`.scorecard`: arms deliveries by supplier, the weighted balance scorecard (lesson 04);
* :mod:`.coding`: percentage agreement and Cohen's kappa between two codings (lesson 05);
* :mod:`.neighbours`: trade, votes and events by neighbouring region (lesson 06);
* :mod:`.exposure`: commodity exposure and the labelled teaching model of shocks (lesson 07);
* :mod:`.claims`: the capstone's claims, verdict scale, evidence and verdict rules, one module per group (lesson 08).

Lessons add a module per topic; the most used functions are re-exported here.
"""

from betweenpowers.measures.concentration import hhi, normalised_entropy
from betweenpowers.measures.votes import AGREEMENT_RULES, score_votes

__all__ = ["AGREEMENT_RULES", "hhi", "normalised_entropy", "score_votes"]
