"""Demonstration data for ``make run`` and ``qa-audit load-demo``: accounts, a caseload with
generated documents (:mod:`~qa_audit.demo.caseload`), audits marked as an auditor would
(:mod:`~qa_audit.demo.audits`), and termly samples, double marking, moderation and follow-ups
(:mod:`~qa_audit.demo.samples`). Kept apart from the product code, beside ``synthetic/``."""
