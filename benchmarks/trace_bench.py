"""Speed of tracing professional advice into a plan.

Run: ``python -m benchmarks.trace_bench [--plans 8] [--repeats 5]``

For each generated plan, six advice documents (three written for it and three for another plan,
half .docx and half PDF) are read once; then the median seconds to trace the read plan against
all six (``qa_audit.nlp.trace.trace``, target under 1 s) is set against the baseline measured in
the same run: the pre-flag analysis of the same read plan (``analyse_plan``). The whole path from
files (reading the plan and the six documents in their isolated children, then tracing) is
timed once per plan as well.
"""

from __future__ import annotations

import argparse
import statistics

from benchmarks.timing import seconds
from qa_audit.documents.advice_document import read_advice
from qa_audit.documents.reader import read_plan
from qa_audit.nlp.plan import analyse_plan
from qa_audit.nlp.trace import trace
from qa_audit.synthetic.advice_docs import TraceCase, generate_trace_case

TARGET_SECONDS = 1.0


def _files(seed: int) -> tuple[TraceCase, list]:
    own = generate_trace_case(seed, "dev", "docx")
    other = generate_trace_case(seed + 500, "heldout", "pdf")
    return own, [*own.advice, *other.advice]


def _read_and_trace(case: TraceCase, files: list) -> None:
    plan = read_plan(case.plan_data, case.plan_filename)
    advice = [(f.filename, read_advice(f.data, f.filename)) for f in files]
    trace(case.plan_filename, plan, advice)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--plans", type=int, default=8)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    tracing, baseline, whole, recommendations = [], [], [], []
    for seed in range(args.plans):
        case, files = _files(seed)
        plan = read_plan(case.plan_data, case.plan_filename)
        advice = [(f.filename, read_advice(f.data, f.filename)) for f in files]
        recommendations.append(sum(len(a.recommendations) for _, a in advice))
        trace(case.plan_filename, plan, advice)  # warm: pipeline and scikit-learn loaded
        analyse_plan(plan)
        runs = range(args.repeats)
        tracing.append(statistics.median(seconds(trace, "p", plan, advice) for _ in runs))
        baseline.append(statistics.median(seconds(analyse_plan, plan) for _ in runs))
        whole.append(seconds(_read_and_trace, case, files))
    median, base = statistics.median(tracing), statistics.median(baseline)
    print(
        f"plans: {args.plans}, 6 advice documents each, median recommendations "
        f"{statistics.median(recommendations):.0f}"
    )
    print(f"trace against 6 advice documents: median {median:.4f} s (target < {TARGET_SECONDS} s)")
    print(f"baseline analyse_plan on the same plan: median {base:.4f} s; ratio {median / base:.2f}")
    print(
        f"from files (read plan + 6 documents in isolated children, then trace): median "
        f"{statistics.median(whole):.3f} s"
    )
    if median >= TARGET_SECONDS:
        raise SystemExit(f"tracing took {median:.3f} s, over the {TARGET_SECONDS} s target")


if __name__ == "__main__":
    main()
