"""Entries that say there is nothing to record are told apart from real needs and provision."""

import pytest

from qa_audit.nlp.nil_entries import is_nil_entry


@pytest.mark.parametrize(
    "text",
    [
        "None.",
        "none",
        "N/A",
        "n/a",
        "Not applicable.",
        "Nil.",
        "None required.",
        "None identified at this time.",
        "No provision required",
        "No health provision is required.",
        "No social care provision under section 2 is required.",
        "No other social care provision is required.",
        "No additional provision is required at this time.",
        "There are no identified health needs.",
        "No identified social care needs.",
        "No social care needs have been identified.",
        "No health needs related to his SEN.",
        "T. has no identified health needs.",
        "A.B. does not require any social care provision.",
        "N/A - no identified health needs",
    ],
)
def test_entries_saying_there_is_nothing(text):
    assert is_nil_entry(text)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "None at lunchtime; 1:1 TA in lessons.",
        "No more than 3 pupils in a group with a TA daily.",
        "No awareness of danger, needs constant supervision.",
        "No adult support at lunchtime.",
        "No access to the curriculum without 1:1 support.",
        "Nonverbal; uses PECS to request.",
        "Noah has no friends at school.",
        "Support as needed.",
        "Daily 20-minute phonics with a TA.",
    ],
)
def test_needs_and_provision_are_not_nil(text):
    assert not is_nil_entry(text)
