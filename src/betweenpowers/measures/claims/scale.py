"""The capstone's verdict scale, the article's claims and the definitional choices each claim can be judged under.

A *verdict* is one of :data:`VERDICTS`. Each claim of :data:`CLAIMS` is judged under each of its choices in
:data:`CLAIM_CHOICES` (how a word of the claim is read, which statistics are used); the rules that give a verdict
under a choice live in the modules of :mod:`betweenpowers.measures.claims` named for the data they read.
"""

from __future__ import annotations

from betweenpowers.measures.votes import RULE_LABELS

#: The four verdicts of the capstone, from strongest to weakest support.
VERDICTS: tuple[str, ...] = ("supported", "partly supported", "contradicted", "not testable with this data")

#: The article's claims, paraphrased in a few words (the full paraphrases are in lesson 01, section 6).
CLAIMS: dict[str, str] = {
    "C01": "UN Secretary-General visited Astana in August 2025",
    "C02": "the UNGA 2025 speech departs from past appearances",
    "C03": "thirty years of equidistance between Russia, China and the West",
    "C04": "the Ukraine war undermined simple balancing",
    "C05": "Kazakhstan and Uzbekistan moved from rivalry to partnership",
    "C06": "Kazakhstan championed the Central Asian Consultative Meetings",
    "C07": "trade with Azerbaijan above USD 330 million in H1 2025",
    "C08": "Almaty hosted talks leading to the Armenia-Azerbaijan declaration",
    "C09": "EU trade near USD 50 billion in 2024; a leading oil supplier",
    "C10": "trade with the USA above USD 4 billion a year",
    "C11": "EU and USA well over 40% of cumulative FDI",
    "C12": "China has become the largest trading partner",
    "C13": "refused to recognise Russia's annexations",
    "C14": "still exposed to Russia; defence integration discouraged",
    "C15": "activism raised Central Asia's profile at the UN",
    "C16": "commodity swings make the foundations fragile",
}

#: Where each claim is examined in depth (lesson numbers); lesson 01 lists the claims, lesson 08 judges them all.
CLAIM_LESSONS: dict[str, str] = {
    "C01": "05", "C02": "05", "C03": "01-04", "C04": "03", "C05": "06", "C06": "05", "C07": "06", "C08": "06",
    "C09": "02", "C10": "02", "C11": "04", "C12": "02", "C13": "03", "C14": "04, 07", "C15": "05", "C16": "07",
}

#: For each claim, its definitional choices: key -> label shown in the explorer. The first is the default.
CLAIM_CHOICES: dict[str, dict[str, str]] = {
    "C01": {"date": "match the article's date (August 2025)", "city": "match the article's city (Astana)"},
    "C02": {"speeches": "past appearances = speeches at the General Assembly",
            "all_un": "past appearances = every UN initiative"},
    "C03": {"trade_reported": "trade, Kazakhstan's statistics", "trade_mirror": "trade, partners' statistics",
            "votes": "UN votes (abstention = half agreement)", "arms": "arms deliveries (SIPRI)"},
    "C04": dict(RULE_LABELS),  # the abstention rules of lesson 03
    "C05": {"reported": "trade, Kazakhstan's statistics (to 2025)",
            "mirror": "trade, Uzbekistan's statistics (to 2020)"},
    "C06": {"hosting": "championing = hosting or initiating (the table's rule)",
            "initiating": "championing = initiating only"},
    "C07": {"reported": "trade, Kazakhstan's statistics (to 2025)",
            "mirror": "trade, Azerbaijan's statistics (to 2020)"},
    "C08": {"hosting": "did Almaty host the talks?", "causal": "did the talks lead to the declaration?"},
    "C09": {"reported": "EU-27, Kazakhstan's statistics (to 2025)", "mirror": "EU-27, partners' statistics (to 2020)",
            "pages": "figures published on web pages, 2021-2025"},
    "C10": {"reported": "Kazakhstan's statistics, 2022-2025", "mirror": "US statistics (to 2020)",
            "pages": "figures published on web pages, 2021-2025"},
    "C11": {"cumulative": "cumulative FDI 1991-2019, Netherlands counted",
            "cumulative_without_nld": "cumulative FDI 1991-2019, Netherlands left out",
            "stock": "FDI stock, mid-2021", "gross_2022": "gross FDI inflow, 2022"},
    "C12": {"reported_members": "2025, Kazakhstan's statistics, EU by member state",
            "reported_bloc": "2025, Kazakhstan's statistics, EU as one bloc",
            "mirror_members": "2020, partners' statistics, EU by member state",
            "mirror_bloc": "2020, partners' statistics, EU as one bloc",
            "pages_2023": "2023, Kazakhstan's statistics (web pages)"},
    "C13": {"not_with_russia": "refusing = never voting with Russia against non-recognition",
            "voted_for": "refusing = voting for non-recognition"},
    "C14": {"imports": "Russia in imports, Kazakhstan's statistics", "exports": "Russia in exports, Kazakhstan's "
            "statistics", "imports_mirror": "Russia in imports, partners' statistics",
            "arms": "Russia in arms deliveries (SIPRI)"},
    "C15": {"2019": "era boundary 2019 (Nazarbayev's resignation)", "2022": "era boundary 2022"},
    "C16": {"gdp_changes": "GDP against Brent, yearly % changes", "gdp_levels": "GDP against Brent, levels",
            "exports_changes": "exports (BNS) against Brent, yearly % changes"},
}


def check_verdict(verdict: str) -> str:
    """Return ``verdict`` if it is one of :data:`VERDICTS`; raise ``ValueError`` naming the allowed ones if not."""
    if verdict not in VERDICTS:
        raise ValueError(f"a verdict must be one of {VERDICTS}, not {verdict!r}")
    return verdict


def share_verdict(n_meeting: int, n_total: int) -> str:
    """A verdict for a claim about "most years": the share of years in which a condition holds.

    ``supported`` if it holds in at least 80% of the years, ``partly supported`` from one third, ``contradicted``
    below one third, ``not testable with this data`` when there are no years. The cut points are a teaching
    convention, stated so that students can argue with them.
    """
    if n_total <= 0:
        return "not testable with this data"
    share = n_meeting / n_total
    if share >= 0.8:
        return "supported"
    if share >= 1 / 3:
        return "partly supported"
    return "contradicted"
