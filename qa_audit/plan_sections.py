"""The sections of an EHC plan: one list, read by the document reader, the QA matrix and the
scoring page."""

from __future__ import annotations

from typing import Final

SECTION_KEYS: Final = ("A", "B", "C", "D", "E", "F", "G", "H1", "H2", "I", "J", "K")
"""Sections of an EHC plan (SEND Regulations 2014 reg. 12). H1 and H2 both count as H."""
