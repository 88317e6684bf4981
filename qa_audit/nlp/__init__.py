"""Pre-flagging of EHC plans: machine hints on outcomes, provision, golden thread and advice.

Rules, not a trained model: a blank English spaCy pipeline with lookup lemmas and pattern
components whose rules live in ``qa_audit/nlp/rules/*.json``. Results are stored with
:data:`~qa_audit.nlp.version.ANALYSER_VERSION`; bump it whenever the rules or their
interpretation change.

Nothing is imported here: spaCy takes most of a second to import, and importing the stored
results' version (:mod:`qa_audit.nlp.version`) must not pay for it. Import from the modules.
"""
