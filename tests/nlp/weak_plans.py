"""Do the pre-flags find the faults planted in generated weak plans, and only those?

Each weak plan is read and analysed the way an upload is. A planted fault counts as found when
the analyser raises its code (in the QA matrix's vocabulary) on the outcome, provision line or
advice it was planted in, or on the plan for plan-wide faults. Flags raised on the weak plan that
its good twin (same seed, quality "good") does not raise on the same item, and that no planted
fault explains, are counted as new.

Run: ``python -m tests.nlp.weak_plans [PLANS [FIRST_SEED]]`` (recall per fault over PLANS weak
plans, by default 42: every layout in both formats, three seeds each, from seed 500).
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from qa_audit.audits.preflags import ANALYSER_CODES
from qa_audit.documents import read_plan
from qa_audit.documents.advice import parse_advice
from qa_audit.nlp.plan import analyse_plan
from qa_audit.synthetic import LAYOUTS, GeneratedPlan, PlantedFault, generate_plan
from tests.documents.corpus_accuracy import FORMATS, normal

TODAY = date(2026, 2, 10)
ITEM_LISTS = ("outcomes", "provision")
FIRST_SEED = 500


def analysed(plan: GeneratedPlan) -> dict:
    return analyse_plan(read_plan(plan.data, plan.filename), today=TODAY).to_dict()


def matrix_codes(flags: list[dict]) -> set[str]:
    return {ANALYSER_CODES.get(flag["code"], flag["code"]) for flag in flags}


def item_flags(result: dict) -> Iterator[tuple[str, str, set[str]]]:
    """(kind, text, matrix codes) for every outcome, provision line and piece of advice."""
    for kind in ITEM_LISTS:
        for item in result[kind]:
            yield kind, normal(item["text"]), matrix_codes(item["flags"])
    for advice in result["advice"]:
        yield "advice", normal(advice["source"]), matrix_codes(advice["flags"])


def found(fault: PlantedFault, result: dict) -> bool:
    """Whether the analysis raised the fault where it was planted."""
    if fault.code == "conversion_template":
        return result["template"]["kind"] == "conversion"
    if fault.code == "no_pfa_outcomes":
        return fault.code in matrix_codes(result["preparing_for_adulthood"]["flags"])
    if fault.code == "golden_thread":
        gaps = result["golden_thread"]["outcomes_without_need"]
        return any(normal(fault.text) in normal(text) for text in gaps)
    return any(fault.code in codes for _, _, codes in _items_at(fault, result))


def _items_at(fault: PlantedFault, result: dict) -> list[tuple[str, str, set[str]]]:
    if fault.code == "advice_not_reflected":
        advice = parse_advice(fault.text)
        source = normal(advice.source if advice else fault.text)
        return [item for item in item_flags(result) if item[0] == "advice" and item[1] == source]
    return [item for item in item_flags(result) if normal(fault.text) in item[1]]


def new_flags(plan: GeneratedPlan, result: dict, twin: dict) -> list[str]:
    """Flags the weak plan raises, on an item its good twin has too or on the whole plan, that
    the twin does not raise and no planted fault explains."""
    faulty = {normal(f.text) for f in plan.truth.faults if f.text}
    planted = {f.code for f in plan.truth.faults}
    before = {(kind, text): codes for kind, text, codes in item_flags(twin)}
    extra = []
    for kind, text, codes in item_flags(result):
        if (kind, text) not in before or any(fault in text for fault in faulty):
            continue
        if kind == "advice" and "advice_not_reflected" in planted:
            continue  # planted advice faults are matched by source, not by text
        extra += [f"{code}: {text}" for code in sorted(codes - before[kind, text])]
    adulthood = "preparing_for_adulthood"
    raised = matrix_codes(result[adulthood]["flags"]) - matrix_codes(twin[adulthood]["flags"])
    extra += sorted(raised - planted)
    conversion = result["template"]["kind"] == "conversion" != twin["template"]["kind"]
    if conversion and "conversion_template" not in planted:
        extra.append("conversion_template")
    return extra


@dataclass
class Recall:
    planted: Counter[str] = field(default_factory=Counter)
    flagged: Counter[str] = field(default_factory=Counter)
    plans: int = 0
    misses: list[str] = field(default_factory=list)
    new: list[str] = field(default_factory=list)

    def add(self, plan: GeneratedPlan, twin: GeneratedPlan | None = None) -> None:
        result = analysed(plan)
        self.plans += 1
        for fault in plan.truth.faults:
            self.planted[fault.code] += 1
            if found(fault, result):
                self.flagged[fault.code] += 1
            else:
                self.misses.append(f"{plan.filename} {fault.code}: {fault.text}")
        if twin is not None:
            self.new += [
                f"{plan.filename} {flag}" for flag in new_flags(plan, result, analysed(twin))
            ]

    def recall(self, code: str) -> float:
        return self.flagged[code] / self.planted[code]

    @property
    def overall(self) -> float:
        return sum(self.flagged.values()) / sum(self.planted.values())


def weak_corpus(
    plans: int, first_seed: int = FIRST_SEED
) -> list[tuple[GeneratedPlan, GeneratedPlan]]:
    """(weak plan, good twin) pairs cycling through every layout and, alternately, format."""
    pairs = []
    for number in range(plans):
        layout = LAYOUTS[number % len(LAYOUTS)]
        fmt = FORMATS[number % len(FORMATS)]
        seed = first_seed + number
        pairs.append(
            (generate_plan(seed, layout, fmt, quality="weak"), generate_plan(seed, layout, fmt))
        )
    return pairs


def measure(pairs: list[tuple[GeneratedPlan, GeneratedPlan]]) -> Recall:
    recall = Recall()
    for weak, good in pairs:
        recall.add(weak, good)
    return recall


def main(argv: list[str]) -> None:
    plans = int(argv[0]) if argv else 42
    first_seed = int(argv[1]) if len(argv) > 1 else FIRST_SEED
    recall = measure(weak_corpus(plans, first_seed))
    print(
        f"{recall.plans} weak plans from seed {first_seed}, "
        f"{sum(recall.planted.values())} planted faults"
    )
    for code in sorted(recall.planted):
        flagged, planted = recall.flagged[code], recall.planted[code]
        print(f"  {code:<26} {flagged:>3}/{planted:<3} {100 * flagged / planted:5.1f}%")
    print(f"  {'all':<26} {100 * recall.overall:5.1f}%")
    print(f"new flags not explained by a planted fault: {len(recall.new)}")
    for line in recall.misses + recall.new:
        print("  ", line)


if __name__ == "__main__":
    main(sys.argv[1:])
