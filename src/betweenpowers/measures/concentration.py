"""Shares, concentration and balance: how evenly something (trade, arms, events) is spread across partners."""

from __future__ import annotations

import math
from collections.abc import Iterable


def hhi(share_values: Iterable[float]) -> float:
    """Herfindahl-Hirschman index: the sum of squared shares (0-1 scale).

    1 means everything goes to one partner; 1/n means n equal partners. Multiply by 10,000 for the scale used
    in competition policy. Shares should sum to 1.
    """
    return float(sum(s * s for s in share_values))


def normalised_entropy(share_values: Iterable[float]) -> float:
    """Shannon entropy of the shares divided by its maximum, log(n): 1 = perfectly even, 0 = one partner.

    A balance index across vectors (for example Russia, China, West). Zero shares count as partners with
    nothing; n is the number of shares given. NaN for fewer than two shares.
    """
    values = list(share_values)
    if len(values) < 2:
        return math.nan
    entropy = -sum(s * math.log(s) for s in values if s > 0)
    return entropy / math.log(len(values))
