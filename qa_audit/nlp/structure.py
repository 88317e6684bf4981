"""The parts of an outcome statement: who will do what (its head), observed how, by when.

Plans write outcomes in a few shapes: "By July 2027, Ana will read ...", "I can greet ...",
"To improve ...", "Given a visual schedule, Sam will ...", "Clive to point to ...", or a bare
phrase ("Improve reading", "short breaks"). The head is the first word of what the child or
young person will do: the word after the modal ("will", "can", "to"), past "be able to",
"continue to", adverbs and a perfect "have"; in a phrase with no modal, its first word.
Time frames and a leading condition ("Given ...,", "When presented with ...,") are not the head.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

MODALS = frozenset({"will", "can", "shall", "should", "must", "would", "could", "to"})
CONDITION_OPENERS = frozenset(
    {"given", "when", "whenever", "during", "after", "upon", "using", "with", "following",
     "in", "at", "while", "if", "once", "before", "by", "within", "over", "for", "from"}
)  # fmt: skip
PASSED = frozenset({"also", "still", "then", "now", "further", "consistently", "successfully"})
PURPOSE = (("so", "that"), ("so", "he"), ("so", "she"), ("so", "they"), ("in", "order"))


@dataclass(frozen=True)
class Structure:
    head: int | None  # token index of the head word, None for an empty statement
    modal: bool  # whether the statement has a modal ("will", "can", "to" ...)
    main_end: int  # token index where a purpose clause ("so that ...") starts

    def at_head(self, span: Span) -> bool:
        return self.head is not None and span.start <= self.head < span.end


def structure(doc: Doc, times: list[Span]) -> Structure:
    main_end = purpose_clause_start(doc)
    skipped = {i for span in times for i in range(span.start, span.end)}
    skipped |= _leading_condition(doc, skipped)
    words = [t for t in doc[:main_end] if t.i not in skipped and (t.is_alpha or t.like_num)]
    modal = next((t.i for t in words if t.lower_ in MODALS), None)
    if modal is None:
        return Structure(words[0].i if words else None, False, main_end)
    return Structure(_after_modal(doc, modal + 1, main_end), True, main_end)


def purpose_clause_start(doc: Doc) -> int:
    """Token index where a purpose clause ("so that ...", "in order to ...") begins."""
    for token in doc[:-1]:
        if (token.lower_, doc[token.i + 1].lower_) in PURPOSE:
            return token.i
    return len(doc)


def _leading_condition(doc: Doc, skipped: set[int]) -> set[int]:
    """Tokens of an opening condition or time clause, up to its comma."""
    first = next((t for t in doc if t.i not in skipped and not t.is_punct), None)
    if first is None or first.lower_ not in CONDITION_OPENERS:
        return set()
    comma = next((t.i for t in doc[first.i :] if t.text == ","), None)
    return set(range(first.i, comma + 1)) if comma is not None else set()


def _after_modal(doc: Doc, i: int, end: int) -> int | None:
    """Skip "be able to", "continue to", adverbs and a perfect "have" after a modal."""
    while i < end:
        token = doc[i]
        following = [t.lower_ for t in doc[i + 1 : i + 3]]
        if token.lower_ == "be" and following == ["able", "to"]:
            i += 3
        elif token.lemma_ in {"continue", "try"} and following[:1] == ["to"]:
            i += 2
        elif (
            token.lower_ in PASSED
            or (token.lower_.endswith("ly") and token.lower_ != "only")
            or (token.lower_ == "have" and following[:1] and following[0].endswith(("ed", "en")))
            or not (token.is_alpha or token.like_num)
        ):
            i += 1
        else:
            return i
    return None
