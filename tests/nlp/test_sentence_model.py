"""The sentence model: unit vectors, in the order given, that put a rewording nearer than an
unrelated sentence, the same whether a text is embedded alone or with others."""

import numpy as np

from qa_audit.nlp.sentence_model import MAX_TOKENS, embed

ADVICE = "Provide bilateral coordination activities three times a week."
REWORDING = "Games that use both hands together, three times a week."
UNRELATED = "Transport to school in a shared taxi with a passenger assistant."


def test_vectors_are_unit_length_one_per_text():
    vectors = embed([ADVICE, REWORDING, UNRELATED])
    assert vectors.shape == (3, 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embed([]).shape == (0, 384)


def test_a_rewording_sharing_no_content_word_is_nearer_than_an_unrelated_sentence():
    advice, rewording, unrelated = embed([ADVICE, REWORDING, UNRELATED])
    assert advice @ rewording > advice @ unrelated + 0.2


def test_a_text_gets_the_same_vector_alone_as_in_a_batch_of_other_lengths():
    texts = [UNRELATED, "Short.", ADVICE, "A much longer sentence " * 10, REWORDING]
    together = embed(texts)
    for text, vector in zip(texts, together, strict=True):
        assert np.allclose(embed([text])[0], vector, atol=1e-5)


def test_a_text_longer_than_the_model_reads_is_cut_not_refused():
    (vector,) = embed(["word " * (MAX_TOKENS * 4)])
    assert np.isfinite(vector).all()
