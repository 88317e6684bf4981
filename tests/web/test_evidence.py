"""Evidence phrases marked inside the statement a pre-flag was raised on."""

from qa_audit.web.evidence import evidence_phrases, mark_evidence


def test_each_quoted_phrase_is_marked_where_it_occurs():
    html = mark_evidence("Ravi will improve his communication.", ["improve his communication"])
    assert str(html) == 'Ravi will <mark class="app-evidence">improve his communication</mark>.'


def test_text_is_escaped_and_phrases_not_in_the_text_are_left_out():
    html = mark_evidence("<b>Sam</b> will be happy & calm.", ["no time frame", "be happy"])
    assert str(html) == (
        '&lt;b&gt;Sam&lt;/b&gt; will <mark class="app-evidence">be happy</mark> &amp; calm.'
    )


def test_several_quotes_labels_and_overlaps():
    assert evidence_phrases(["therapy; session", "vague wording: as required | missing: who"]) == [
        "as required",
        "therapy",
        "session",
        "who",
    ]
    html = mark_evidence("Therapy session as required.", ["therapy session", "session as"])
    assert str(html) == '<mark class="app-evidence">Therapy session as</mark> required.'


def test_only_whole_words_are_marked():
    html = mark_evidence("She is unlike her likes.", ["like"])
    assert "<mark" not in str(html)
    assert str(mark_evidence("Trey will like it.", ["like"])).count("<mark") == 1
