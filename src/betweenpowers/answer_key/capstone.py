"""The course's verdicts on the article's sixteen claims (lesson 08), with the reasoning behind each.

Lesson 08 does not print them: the student records a verdict for every claim first
(:func:`betweenpowers.checks.verdicts.record_verdict`), and :func:`~betweenpowers.checks.verdicts.reveal_verdicts`
reads this module only when the sheet is complete. The solutions notebook and the instructor guide show them too.

The verdicts are judgements, written here in words. Every figure a reason cites is one the lesson's own evidence
cells print or its notes state (``tests/notebooks/test_capstone_lab.py`` checks that), so nothing is typed from
memory.
"""

from __future__ import annotations

#: Claim -> (the course's verdict, its reasoning in two or three sentences).
COURSE_VERDICTS: dict[str, tuple[str, str]] = {
    "C01": ("partly supported",
            "The Secretary-General did visit in August 2025 (KZ067), but the table puts the visit in Almaty; his "
            "meeting in Astana (KZ059) was in July 2024. A true core with a wrong detail, whichever way the visit is "
            "matched (by date or by city)."),
    "C02": ("partly supported",
            "The 2025 speech (KZ068) is coded agenda-setting, so the first half holds; but every earlier UN "
            "initiative in the table is agenda-setting too, back to 1992. On this record agenda-setting at the UN "
            "is a habit, not a departure; only the speeches' content could show a departure."),
    "C03": ("partly supported",
            "Ties with all three powers were substantial, but the outcomes were not equidistant for long: trade near "
            "equal thirds in 7 of 32 years in Kazakhstan's statistics (18 of 27 in its partners'), UN votes far "
            "closer to Russia and China than to the USA, and most arms from Russia. The source of the trade data "
            "moves the trade part between contradicted and partly supported."),
    "C04": ("partly supported",
            "Under all three abstention rules agreement with Russia was lower in 2014-2025 than in 1992-2013, and "
            "Voeten's scores fall again after 2022: strain (though the ideal-point distance to Russia was then the "
            "smallest since 2008, so the votes alone are ambiguous). Kazakhstan abstained on the key Ukraine votes "
            "rather than join either camp, and kept signing with Russia (KZ070): harder balancing fits better than "
            "abandoned balancing."),
    "C05": ("partly supported",
            "The border treaty is in the table (KZ054), but dated December 2022, not the year before the article; "
            "trade grew in both statistics. 'Rivalry' is hard to see: the two agreed on at least 0.80 of UN votes "
            "every year. Grid and water cooperation are not in the data."),
    "C06": ("partly supported",
            "Kazakhstan hosted the first meeting (2018) and the sixth (2024), and the format is regular; but the "
            "table records hosting, not who proposed the format. Read as hosting, supported; read as initiating, not "
            "testable with these data."),
    "C07": ("not testable with this data",
            "The claim is about a half-year and the tables hold whole years (471 million US$ for all of 2025 in "
            "Kazakh statistics). More than 330 million in the first half is unlikely but only a January-June 2025 "
            "figure with its reporter named could settle it."),
    "C08": ("partly supported",
            "Almaty hosted the Armenian and Azerbaijani foreign ministers in May 2024 (KZ058): 'platform' holds. "
            "Whether those talks led to the Washington declaration is causal, and no table of events can show it."),
    "C09": ("partly supported",
            "Kazakhstan's own statistics give 48.8 billion US$ of trade with the EU-27 in 2024: close to 50 "
            "billion, in Kazakh figures (the level is not new: above 50 billion in 2012-2014). 'A leading oil "
            "supplier' needs trade by product, which the course data do not have."),
    "C10": ("partly supported",
            "In the IMF data trade with the USA never reached 4 billion US$ in 1994-2020; in Kazakhstan's own "
            "statistics it passed 4 billion in 2023 and 2024 and fell back in 2025. 'A year' fits two recent "
            "years, not a typical one."),
    "C11": ("partly supported",
            "On the cumulative figures the named EU members and the USA hold 53.5% (a lower bound), so 'well over "
            "40%' holds; but without the Netherlands, largely holding companies, the share is 26.1%, and Russia and "
            "China have no cumulative figure to compare with."),
    "C12": ("partly supported",
            "China leads in its partners' statistics (2020) and, with the EU by member state, in Kazakhstan's own "
            "from 2023; the EU-27 as one bloc stays ahead of China in every year to 2025. The source and the EU "
            "definition decide it."),
    "C13": ("supported",
            "Kazakhstan never voted with Russia against the non-recognition resolutions (it abstained on both), and "
            "Tokayev said beside Putin in June 2022 that he did not recognise the Donbas entities (KZ048). If "
            "refusing means voting for non-recognition, it drops to partly supported: the refusal is in statements, "
            "not votes."),
    "C14": ("partly supported",
            "Exposure is clear through imports (Russia the largest supplier in every year 1994-2025) and arms (91% "
            "in 2015-2021), not through export markets; transit is not in trade data. That deeper defence "
            "integration is 'discouraged' is not testable with delivery data that end in 2021."),
    "C15": ("not testable with this data",
            "Kazakhstan's UN initiatives per year rose after 2019 (and after 2022), but that is the activity the "
            "claim names as cause, not Central Asia's profile, the effect: nothing in the data measures the "
            "attention the region gets at the UN."),
    "C16": ("supported",
            "In five of the six years in which Brent fell by more than 15%, GDP in US dollars fell too, and the "
            "yearly changes correlate at r = 0.49 (levels give 0.85, inflated by the common trend). Whether that "
            "makes the diplomatic strategy fragile is the article's interpretation."),
}
