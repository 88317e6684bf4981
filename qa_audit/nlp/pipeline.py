"""The one spaCy pipeline per process, and helpers to read the cues it leaves on a doc.

By default the pipeline is ``spacy.blank("en")`` plus the two rule components, so nothing needs
downloading. Setting ``QA_AUDIT_SPACY_MODEL`` to the name of an installed trained pipeline (for
example ``en_core_web_sm``) builds on that instead: its tagger and lemmatizer run (so rule files
may use ``POS`` or ``TAG``), its parser and entity recogniser are left out for speed, and the
lower-case lookup lemmas still follow so that the rules see the same lemmas as in evaluation.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from qa_audit.nlp import components  # registers the factories
from qa_audit.nlp.errors import AnalyserSetupError

MODEL_ENV = "QA_AUDIT_SPACY_MODEL"
RULES_ENV = "QA_AUDIT_NLP_RULES"
BATCH_SIZE = 256


def get_nlp(model: str | None = None, rules_path: str | None = None) -> Language:
    """The pre-flagging pipeline, built once per process and settings.

    ``model`` and ``rules_path`` default to the ``QA_AUDIT_SPACY_MODEL`` and
    ``QA_AUDIT_NLP_RULES`` environment variables; unset means blank English and packaged rules.
    They are read on every call, so a changed setting builds (and caches) its own pipeline.
    """
    return _built(
        model or os.environ.get(MODEL_ENV) or None, rules_path or os.environ.get(RULES_ENV) or None
    )


@lru_cache(maxsize=4)
def _built(model: str | None, rules_path: str | None) -> Language:
    if model:
        try:
            nlp = spacy.load(model, exclude=["parser", "ner", "senter"])
        except OSError as err:
            raise AnalyserSetupError(
                f"The language model '{model}' named in {MODEL_ENV} is not installed."
            ) from err
    else:
        nlp = spacy.blank("en")
    nlp.add_pipe("qa_lemmas")
    nlp.add_pipe("qa_cues", config={"rules_path": rules_path})
    return nlp


def parse(texts: Iterable[str], nlp: Language | None = None) -> Iterator[Doc]:
    """Run the pipeline over many short texts in batches."""
    return (nlp or get_nlp()).pipe(texts, batch_size=BATCH_SIZE)


def cues(doc: Doc, label: str) -> list[Span]:
    """Cue spans of one kind, in text order."""
    return sorted(
        (span for span in doc.spans[components.CUES_KEY] if span.label_ == label),
        key=lambda span: (span.start, -span.end),
    )


def inside(span: Span, others: Iterable[Span]) -> bool:
    """True when ``span`` lies within any of ``others``."""
    return any(o.start <= span.start and span.end <= o.end for o in others)


def overlaps(span: Span, others: Iterable[Span]) -> bool:
    return any(o.start < span.end and span.start < o.end for o in others)


def longest(spans: list[Span]) -> list[Span]:
    """Drop spans contained in a longer one, keeping text order."""
    return [
        s
        for s in spans
        if not any(o is not s and inside(s, [o]) and len(o) > len(s) for o in spans)
    ]
