"""Feedback to the plan's caseworker after an audit: the judgement, what was good, what to fix,
with the matrix's descriptors, as a page and as a PDF."""
