"""How well the parser recovers what the generator wrote, over a corpus of generated plans.

Run: ``python -m tests.documents.corpus_accuracy [PLANS_EACH]`` (prints the figures overall and
per layout and format, then any misses; PLANS_EACH plans per layout and format, 3 by default).
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass, field

from qa_audit.documents import ParsedPlan, read_plan
from qa_audit.synthetic import LAYOUTS, GeneratedPlan, generate_plan

FORMATS = ("docx", "pdf")


def normal(text: str | None) -> str:
    return re.sub(r"\s+", " ", (text or "").replace("\u2013", "-")).strip().lower()


def corpus(per_layout_and_format: int = 3, first_seed: int = 100) -> list[GeneratedPlan]:
    plans = []
    seed = first_seed
    for layout in LAYOUTS:
        for fmt in FORMATS:
            for _ in range(per_layout_and_format):
                plans.append(generate_plan(seed, layout, fmt))
                seed += 1
    return plans


@dataclass
class Accuracy:
    sections_expected: int = 0
    sections_found: int = 0
    outcomes_expected: int = 0
    outcomes_found: int = 0
    need_links: int = 0
    provision_links: int = 0
    plans_with_right_count: int = 0
    plans: int = 0
    misses: list[str] = field(default_factory=list)

    def percent(self, part: int, whole: int) -> float:
        return 100.0 * part / whole if whole else 100.0

    @property
    def sections(self) -> float:
        return self.percent(self.sections_found, self.sections_expected)

    @property
    def outcomes(self) -> float:
        return self.percent(self.outcomes_found, self.outcomes_expected)

    @property
    def needs(self) -> float:
        return self.percent(self.need_links, self.outcomes_expected)

    @property
    def provision(self) -> float:
        return self.percent(self.provision_links, self.outcomes_expected)

    def add(self, plan: GeneratedPlan, parsed: ParsedPlan) -> None:
        label = plan.filename
        self.plans += 1
        truth = plan.truth
        self.sections_expected += len(truth.sections)
        found = {key for key in truth.sections if parsed.has_section(key)}
        self.sections_found += len(found)
        if found != truth.sections:
            self.misses.append(f"{label}: sections missing {sorted(truth.sections - found)}")
        parsed_by_text = {normal(o.text): o for o in parsed.outcomes}
        self.plans_with_right_count += len(parsed.outcomes) == len(truth.outcomes)
        if len(parsed.outcomes) != len(truth.outcomes):
            self.misses.append(
                f"{label}: {len(parsed.outcomes)} outcomes read, {len(truth.outcomes)} written"
            )
        self.outcomes_expected += len(truth.outcomes)
        for expected in truth.outcomes:
            got = parsed_by_text.get(normal(expected.text))
            if got is None:
                self.misses.append(f"{label}: outcome not found: {expected.text[:60]}")
                continue
            self.outcomes_found += 1
            if normal(got.need) == normal(expected.need):
                self.need_links += 1
            else:
                self.misses.append(f"{label}: wrong need for {expected.text[:40]}: {got.need!r}")
            if normal(got.provision) == normal(expected.provision):
                self.provision_links += 1
            else:
                self.misses.append(
                    f"{label}: wrong provision for {expected.text[:40]}: {got.provision!r}"
                )


def measure(plans: list[GeneratedPlan]) -> Accuracy:
    return measure_by_layout(plans)[ALL]


ALL = "all layouts"


def measure_by_layout(plans: list[GeneratedPlan]) -> dict[str, Accuracy]:
    """Accuracy over all the plans (key ALL) and per layout and format ("headed.pdf")."""
    results: dict[str, Accuracy] = {ALL: Accuracy()}
    for plan in plans:
        parsed = read_plan(plan.data, plan.filename)
        for key in (ALL, f"{plan.layout}.{plan.fmt}"):
            results.setdefault(key, Accuracy()).add(plan, parsed)
    return results


def main() -> None:
    plans_each = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    results = measure_by_layout(corpus(plans_each))
    accuracy = results[ALL]
    print(f"plans: {accuracy.plans} ({len(LAYOUTS)} layouts x {len(FORMATS)} formats)")
    print(f"{'layout':28} {'sections':>9} {'outcomes':>9} {'needs':>7} {'provision':>10}")
    for key, figures in results.items():
        print(
            f"{key:28} {figures.sections:8.1f}% {figures.outcomes:8.1f}% {figures.needs:6.1f}%"
            f" {figures.provision:9.1f}%"
        )
    print(f"plans with exact outcome count: {accuracy.plans_with_right_count}/{accuracy.plans}")
    for miss in accuracy.misses:
        print("  -", miss)


if __name__ == "__main__":
    main()
