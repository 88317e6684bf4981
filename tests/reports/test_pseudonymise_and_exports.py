"""Comment examples are pseudonymised; exported cells never run as spreadsheet formulas."""

from __future__ import annotations

import pytest

from qa_audit.files.tables import safe
from qa_audit.reports.pseudonymise import MAX_CHARS, pseudonymise


def test_names_and_initials_are_replaced_but_domain_words_kept():
    text = pseudonymise(
        "Outcomes for Amira Khan are vague. The EP advice from Dr Patel was cut to access to "
        "SaLT in Year 5 and Key Stage 2. J.S. said the SENCo agreed."
    )
    for name in ("Amira", "Khan", "Patel", "J.S."):
        assert name not in text
    for kept in ("EP", "SaLT", "Year 5", "Key Stage 2", "SENCo", "Outcomes"):
        assert kept in text
    assert "[name]" in text


def test_examples_are_cut_to_about_two_hundred_characters():
    text = pseudonymise("the provision is vague " * 40)
    assert len(text) <= MAX_CHARS and text.endswith("…")


@pytest.mark.parametrize("value", ["=SUM(A1:A3)", "+44 20", "-1+1", "@cmd", "\tx"])
def test_formula_like_text_is_prefixed(value):
    assert safe(value) == f"'{value}"


def test_plain_values_are_unchanged():
    assert safe("EHCP-1") == "EHCP-1"
    assert safe(3) == 3
    assert safe(True) == "yes"
    assert safe(None) is None
