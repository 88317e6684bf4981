"""Specificity checks on provision statements (sections F, G, H1, H2; Code of Practice 9.69)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from spacy.tokens import Doc

from qa_audit.nlp import flags as f
from qa_audit.nlp.nil_entries import is_nil_entry
from qa_audit.nlp.pipeline import cues, longest, parse


@dataclass
class ProvisionCheck:
    text: str
    flags: list[f.Flag] = field(default_factory=list)

    @property
    def quantified(self) -> bool:
        return not self.flags

    def to_dict(self) -> dict:
        return {"text": self.text, "flags": [flag.to_dict() for flag in self.flags]}


def check_provision(texts: Sequence[str]) -> list[ProvisionCheck]:
    """Flag provision that is vague or does not say how much and who delivers it."""
    return [provision_check(doc) for doc in parse(texts)]


def provision_check(doc: Doc) -> ProvisionCheck:
    if is_nil_entry(doc.text):
        return ProvisionCheck(text=doc.text)  # "None.": nothing to quantify
    vague = longest(cues(doc, "VAGUE_PROVISION"))
    missing = []
    if not (cues(doc, "FREQUENCY") or cues(doc, "DURATION")):
        missing.append("how often or for how long")
    if not cues(doc, "WHO"):
        missing.append("who delivers it")
    if not vague and not missing:
        return ProvisionCheck(text=doc.text)
    parts = []
    if vague:
        parts.append("vague wording: " + "; ".join(dict.fromkeys(s.text for s in vague)))
    if missing:
        parts.append("missing: " + " and ".join(missing))
    flag = f.make_flag(f.PROVISION_NOT_QUANTIFIED, " | ".join(parts))
    return ProvisionCheck(text=doc.text, flags=[flag])
