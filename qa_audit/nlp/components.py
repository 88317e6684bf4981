"""spaCy components of the pre-flagging pipeline.

* ``qa_lemmas``: lower-case lookup lemmas from ``spacy-lookups-data`` (offline, no model), so that
  "Receives", "received" and "receiving" all read as ``receive``.
* ``qa_cues``: token and phrase patterns from the rule files; every match is stored as a span in
  ``doc.spans["qa_cues"]`` labelled with its cue kind (``TIME``, ``WHO``...) and its rule id.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.lookups import load_lookups
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span

from qa_audit.nlp.rulefiles import CueRule, load_cue_rules, rules_dir

CUES_KEY = "qa_cues"


class LowercaseLemmas:
    """Set ``token.lemma_`` from the English lookup table, keyed on the lower-cased word."""

    def __init__(self) -> None:
        self.table = load_lookups("en", ["lemma_lookup"]).get_table("lemma_lookup")

    def __call__(self, doc: Doc) -> Doc:
        for token in doc:
            token.lemma_ = self.lemma(token.lower_)
        return doc

    def lemma(self, lower: str) -> str:
        """The lemma of a lower-cased word (the word itself when the table has none)."""
        return self.table.get(lower, lower).lower()


@Language.factory("qa_lemmas", default_config={})
def make_lemmas(nlp: Language, name: str) -> LowercaseLemmas:
    return LowercaseLemmas()


class CueMatcher:
    """Run every cue rule over a doc and keep the matches as labelled spans."""

    def __init__(self, nlp: Language, rules: list[CueRule]) -> None:
        self.matcher = Matcher(nlp.vocab)
        self.phrases = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.unless_near: dict[str, str] = {}
        for rule in rules:
            key = f"{rule.label}:{rule.rule_id}"
            if rule.unless_near:
                self.unless_near[key] = rule.unless_near
            if rule.pattern is not None:
                self.matcher.add(key, [rule.pattern])
            else:
                self.phrases.add(key, [nlp.make_doc(text) for text in rule.phrases])

    def __call__(self, doc: Doc) -> Doc:
        strings = doc.vocab.strings
        found = [*self.matcher(doc), *self.phrases(doc)]
        spans = [
            Span(doc, start, end, label=strings[key].split(":", 1)[0], span_id=strings[key])
            for key, start, end in found
        ]
        doc.spans[CUES_KEY] = [span for span in spans if not self._excused(span, spans)]
        return doc

    def _excused(self, span: Span, spans: list[Span]) -> bool:
        """A cue is dropped when its statement holds the cue its ``unless_near`` names anywhere:
        "small group" is specific once the statement gives the group's size, whether beside it
        ("small group of 4") or in a column of its own ("frequency: daily, group of 4")."""
        other = self.unless_near.get(span.id_)
        return other is not None and any(s.label_ == other for s in spans)


@Language.factory(
    "qa_cues",
    default_config={
        "rule_files": ["outcome_cues.json", "provision_cues.json"],
        "rules_path": None,
    },
)
def make_cues(
    nlp: Language, name: str, rule_files: list[str], rules_path: str | None
) -> CueMatcher:
    folder = rules_dir(rules_path)
    rules = [rule for file in rule_files for rule in load_cue_rules(folder / file)]
    return CueMatcher(nlp, rules)
